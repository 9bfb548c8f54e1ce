"""The journeys each kind of reader makes, walked in a real browser on the fixture site.

What to click and what to expect is read from the fixture dataset (tests/fixtures/site/data).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from evidence.load.dataset import load_dataset
from evidence.model import proposals, quotes
from evidence.model.anonymity_pending import as_published
from evidence.model.formatting import percent
from evidence.model.publications import label
from evidence.model.themes import theme_figure_frame

pytestmark = pytest.mark.browser


# Material's instant navigation notes the scroll position in the history entry 100 ms after the last
# scroll, and navigation.tracking writes the section being read into the address bar after 250 ms.
SCROLL_IDLE_MS = 500


def settled_at(page, locator) -> None:
    """Scroll `locator` into view as a reader would, and wait until the page has noted where the reader is.

    A click straight after a scroll lets Material's delayed updates (SCROLL_IDLE_MS) land on the *next*
    page's history entry: Material then restores a scroll position there instead of going to the link's
    #anchor, and the address bar shows an anchor of the page before. That was this journey's flake on a
    busy machine. A reader pauses before clicking; like `networkidle` for requests, the test waits until
    the page has had no scroll event for SCROLL_IDLE_MS and has recorded the position.
    """
    page.evaluate("""() => {
        if (window.__evLastScroll === undefined) {
            addEventListener('scroll', () => { window.__evLastScroll = performance.now(); }, {passive: true});
        }
        window.__evLastScroll = performance.now();
    }""")
    locator.scroll_into_view_if_needed()
    page.wait_for_function("idle => history.state !== null && performance.now() - window.__evLastScroll > idle",
                           arg=SCROLL_IDLE_MS)



@pytest.fixture(scope="module", params=["fixture-site", "next-publication"])
def journey_site(request):
    """Every journey runs on the small fixture site and on the real site with the next publication added
    by data only, with the expectations read from that site's own data."""
    if request.param == "fixture-site":
        return request.getfixturevalue("fixture_server"), load_dataset(request.getfixturevalue("fixture_project"))
    added = request.getfixturevalue("next_publication")
    return request.getfixturevalue("next_publication_server"), load_dataset(added.project)


@pytest.fixture(scope="module")
def server(journey_site):
    return journey_site[0]


@pytest.fixture(scope="module")
def fixture_dataset(journey_site):
    return journey_site[1]


def test_public_front_page_to_theme_to_quote_permalink(page, server, fixture_dataset):
    theme_id = next(t for t in fixture_dataset.themes
                    if not theme_figure_frame(fixture_dataset, t).empty
                    and any(t in q["themes"] for q in fixture_dataset.quotes.values()))
    name = fixture_dataset.themes[theme_id]["name"]
    page.goto(server.at("/"), wait_until="networkidle")
    themes = page.locator(".md-content").get_by_role("link", name="Temaer", exact=True).first
    settled_at(page, themes)
    themes.click()
    page.wait_for_url(re.compile(r"/temaer/$"))
    expect(page.locator("h1")).to_contain_text("Temaer")
    theme = page.locator(".md-content").get_by_role("link", name=name, exact=True).first
    settled_at(page, theme)
    theme.click()
    page.wait_for_url(re.compile(rf"/temaer/{theme_id}/$"))
    expect(page.locator("h1")).to_contain_text(name)
    expect(page.locator(".ev-figure svg >> visible=true").first).to_be_visible()
    permalink = page.locator("a.ev-permalink").first
    quote_id = permalink.inner_text().removeprefix("Fast link: ").strip()
    settled_at(page, permalink)
    permalink.click()
    page.wait_for_url(re.compile(rf"/{re.escape(quotes.canonical_page(fixture_dataset.quotes[quote_id], fixture_dataset))}"
                                 rf"#{quote_id}$"))
    expect(page.locator(f"[id='{quote_id}']")).to_be_in_viewport()


def test_journalist_copies_a_quote_with_attribution_and_permalink(page, server, fixture_dataset):
    # a quote the site shows as printed: one waiting for the anonymity review is shown with words left out
    shown = as_published(fixture_dataset).quotes
    item = next(q for q in fixture_dataset.quotes.values()
                if q["kind"] == "interview-quote" and q.get("lead_in") and shown[q["id"]]["text"] == q["text"])
    url = quotes.canonical_page(item, fixture_dataset)
    page.goto(server.at(url))
    page.locator(f"article.ev-quote:has([id='{item['id']}']) button.ev-copy").click()
    page.wait_for_selector(f"article.ev-quote:has([id='{item['id']}']) button[data-copied=true]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert item["text"].split("\n\n")[0] in copied
    assert shown[item["id"]]["attribution"] in copied
    assert fixture_dataset.publications[item["publication"]]["citation"] in copied
    assert copied.endswith(f"/citater/{item['publication']}/{item['id']}/")


def test_copy_works_after_instant_navigation_and_with_the_keyboard(page, server, fixture_dataset):
    item = next(q for q in fixture_dataset.quotes.values() if q["kind"] == "interview-quote")
    url = quotes.canonical_page(item, fixture_dataset)
    page.goto(server.at("/"), wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(f".md-nav a[href$='{url}']").first.dispatch_event("click")  # in the menu, perhaps folded
    page.wait_for_url(re.compile(rf"/{re.escape(url)}$"))
    expect(page.locator(f"[id='{item['id']}']")).to_be_attached()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    button = page.locator("button.ev-copy").first
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("button.ev-copy[data-copied=true]")
    assert "Kilde:" in page.evaluate("navigator.clipboard.readText()")


def test_politician_reads_a_recommendation_and_its_evidence(page, server, fixture_dataset):
    """What the journey needs, stated: a proposal that names survey figures as its evidence and whose themes
    have quotes. The page shows the proposal, its figures with the publication each comes from, and quotes."""
    def quoted(proposal: dict) -> set[str]:
        return {q["publication"] for q in fixture_dataset.quotes.values() if set(q["themes"]) & set(proposal["themes"])}

    proposal_id, proposal = next((k, p) for k, p in fixture_dataset.proposals.items()
                                 if not proposals.figure_frame(fixture_dataset, k).empty and quoted(p))
    page.goto(server.at("/anbefalinger/"))
    page.locator(f".md-content a[href$='anbefalinger/{proposal_id}/']").first.click()
    page.wait_for_url(re.compile(rf"/anbefalinger/{proposal_id}/(#.*)?$"))
    expect(page.locator("h2", has_text="Tal fra undersøgelsen")).to_be_visible()
    expect(page.locator("h2", has_text="Mere om")).to_be_visible()
    body = page.locator("article.md-content__inner").inner_text()
    assert proposal["text"] in body
    figures = proposals.figure_frame(fixture_dataset, proposal_id)
    assert all(percent(value) in body for value in figures["value"]), "a figure named as evidence is missing"
    for wave_id in set(figures["wave"]):
        wave = fixture_dataset.waves[wave_id]
        assert f"({label(fixture_dataset.publications[wave.meta['publication']])})" in body
    assert any(f"({label(fixture_dataset.publications[p])})" in body for p in quoted(proposal))


def search_from_header(page, server, words: str) -> None:
    page.goto(server.at("/"))
    page.locator("#ev-header-q").fill(words)
    page.locator("#ev-header-q").press("Enter")
    page.wait_for_selector("#ev-search[data-state=ready]")


def test_site_search_takes_the_reader_to_the_testimony(page, server, fixture_dataset):
    testimonies = [q for q in fixture_dataset.quotes.values() if q["kind"] == "testimony"]
    others = " ".join(q["text"].lower() for q in fixture_dataset.quotes.values())
    item, word = next((q, w) for q in testimonies for w in re.findall(r"\w{9,}", q["text"].lower())
                      if others.count(w) == 1)
    search_from_header(page, server, word)
    hits = page.locator(".ev-search__title a")
    expect(hits.first).to_be_visible()
    hrefs = hits.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    target = next((h for h in hrefs if h.endswith(f"#{item['id']}")), None)
    assert target, f"no hit leads to {item['id']}: {hrefs}"
    page.locator(f".ev-search__title a[href='{target}']").click()
    page.wait_for_url(re.compile(rf"#{item['id']}$"))
    expect(page.locator(f"[id='{item['id']}']")).to_be_in_viewport()
    assert word in page.locator(f"article.ev-quote:has([id='{item['id']}'])").inner_text().lower()
