"""The journeys each kind of reader makes, walked in a real browser."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_public_front_page_to_theme_to_quote_permalink(page, server):
    page.goto(server.at("/"))
    page.locator(".md-content a", has_text="Temaer").first.click()
    page.wait_for_selector("h1:has-text('Temaer')")
    page.locator(".md-content a", has_text="Arbejdspres og sagstal").first.click()
    page.wait_for_url(re.compile(r"/temaer/arbejdspres-og-sagstal/$"))
    page.wait_for_selector("h1:has-text('Arbejdspres og sagstal')")
    assert page.locator(".ev-figure svg").count() >= 1
    permalink = page.locator("a.ev-permalink").first
    quote_id = permalink.inner_text().removeprefix("Permalink: ").strip()
    permalink.click()
    page.wait_for_url(re.compile(rf"#{quote_id}$"))
    page.wait_for_selector(f"[id='{quote_id}']", state="visible")
    target = page.locator(f"[id='{quote_id}']")
    page.wait_for_function(f"document.getElementById('{quote_id}').getBoundingClientRect().top < innerHeight")
    assert target.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_journalist_copies_a_quote_with_attribution_and_permalink(page, server):
    page.goto(server.at("/citater/kl-ds-2025/interview/"))
    button = page.locator("article.ev-quote:has([id='klds2025-i07']) button.ev-copy")
    button.click()
    page.wait_for_selector("article.ev-quote:has([id='klds2025-i07']) button[data-copied=true]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Jeg var klart træt af at have opdraget" in copied
    assert "Socialrådgiver, 59 år, 2-5 år i nuværende job" in copied
    assert "KL og Dansk Socialrådgiverforening (2025)" in copied
    assert copied.endswith("/citater/kl-ds-2025/interview/#klds2025-i07")


def test_copy_works_after_instant_navigation_and_with_the_keyboard(page, server):
    page.goto(server.at("/"))
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Interviewcitater").first.click()
    page.wait_for_url(re.compile(r"/citater/kl-ds-2025/interview/$"))
    page.wait_for_selector("h1:has-text('Interviewcitater')")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    button = page.locator("button.ev-copy").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("button.ev-copy[data-copied=true]")
    assert "Kilde:" in page.evaluate("navigator.clipboard.readText()")


def test_politician_reads_a_recommendation_and_its_evidence(page, server):
    page.goto(server.at("/anbefalinger/"))
    page.get_by_role("link", name=re.compile("Kommunerne fastsætter antallet af sager")).first.click()
    page.wait_for_url(re.compile(r"/anbefalinger/ds2020-p2/$"))
    page.wait_for_selector("h2:has-text('Evidensen bag')")
    body = page.locator("article.md-content__inner").inner_text()
    assert "Evidensen bag" in body
    assert "Jeg har en passende arbejdsmængde" in body  # the 2025 figure on workload
    assert "14 %" in body
    assert "Fortællinger (DS 2020)" in body and "Interviewcitater (KL og DS 2025)" in body


def search_from_header(page, server, words: str) -> None:
    page.goto(server.at("/"))
    page.locator("#ev-header-q").fill(words)
    page.locator("#ev-header-q").press("Enter")
    page.wait_for_selector("#ev-search[data-state=ready]")


def test_site_search_takes_the_reader_to_the_testimony(page, server):
    search_from_header(page, server, "hænger ikke med røven i vandskorpen")
    first = page.locator(".ev-search__title a").first
    href = first.get_attribute("href")
    assert re.search(r"#ds2020-[tc]\d+", href), href
    first.click()
    anchor = href.split("#")[1]
    page.wait_for_url(re.compile(rf"#{anchor}$"))
    page.wait_for_selector(f"[id='{anchor}']", state="visible")
    assert "vandskorpen" in page.locator(f"article.ev-quote:has([id='{anchor}'])").inner_text()


@pytest.mark.parametrize("inflected, stem", [("sagsbehandlerne", "sagsbehandl"), ("sygemeldinger", "sygemeld")])
def test_site_search_finds_inflected_danish_forms(page, server, inflected, stem):
    search_from_header(page, server, inflected)
    assert page.locator(".ev-search__hit").count() > 0
    assert stem in page.locator("#ev-search-results").inner_text().lower()


def test_site_search_excerpts_keep_the_spaces_around_the_found_words(page, server):
    search_from_header(page, server, "sagsbehandler")
    glued = page.evaluate("""[...document.querySelectorAll('.ev-search__excerpt mark')]
        .map(m => (m.previousSibling ? m.previousSibling.textContent.slice(-1) : ' ') + m.textContent
                  + (m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : ' '))
        .filter(s => /^[\\wæøå]|[\\wæøå]$/i.test(s))""")
    assert page.locator(".ev-search__excerpt mark").count() > 0
    assert not glued, f"found words glued to their neighbours: {glued[:5]}"
