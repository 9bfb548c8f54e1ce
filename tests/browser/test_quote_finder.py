"""The quote finder (/find-citater/): quotes at once, the index only when searching, and searches
that can be shared, browsed on and reset. On the fixture site; what to expect is read from its data."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

INDEX = "/citatindeks/"
PAGE = 10  # quotes per page of results


def newest_first(dataset) -> list[str]:
    """Quote ids in the finder's opening order: the newest publication first, then by id."""
    return [q["id"] for q in sorted(dataset.quotes.values(),
                                    key=lambda q: (-dataset.publications[q["publication"]]["year"], q["id"]))]


def facet_input(page, facet: str, label: str):
    """The checkbox of one value of a facet, found by the value's label."""
    return page.locator(f"details[data-facet={facet}] input[data-label='{label}']")


def click_facet(page, facet: str, label: str) -> str:
    """Tick a facet value as a reader does, by its label; returns the value it puts into the URL."""
    box = facet_input(page, facet, label)
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    return box.get_attribute("value")


def count_of(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#ev-finder-count").inner_text()).group(1))


def permalinks(page) -> list[str]:
    return page.locator("#ev-finder-results .ev-permalink").all_inner_texts()


def index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if INDEX in request.url else None)
    return requests


# A hit's markup with its links resolved: Material's instant navigation makes the links of the
# page absolute, while the script writes them as the page's relative root does.
RESOLVED_HTML = """li => {
  const copy = li.cloneNode(true);
  copy.querySelectorAll('[href], [data-permalink]').forEach(el => {
    for (const name of ['href', 'data-permalink']) {
      if (el.hasAttribute(name)) { el.setAttribute(name, new URL(el.getAttribute(name), location.href).href); }
    }
  });
  return copy.outerHTML;
}"""


def search_for(page, words: str) -> None:
    page.locator("#ev-finder-q").fill(words)
    page.locator("#ev-finder-q").press("Enter")
    page.wait_for_selector(f"#ev-finder[data-state=ready][data-query='{words}']")


def test_opening_the_finder_shows_quotes_before_any_index_is_loaded(page, server, fixture_dataset):
    requests = index_requests(page)
    page.goto(server.at("/find-citater/"))
    page.wait_for_load_state("networkidle")
    assert count_of(page) == len(fixture_dataset.quotes)
    assert permalinks(page) == [f"Fast link: {q}" for q in newest_first(fixture_dataset)[:PAGE]], \
        "the newest source comes first"
    assert page.locator("#ev-finder-results button.ev-copy").first.is_visible()
    assert requests == [], f"the index loaded before the reader searched: {requests[:3]}"
    page.locator("#ev-finder-q").focus()  # the reader is about to search: fetch the engine now
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('pagefind'))")


def test_show_more_continues_the_opening_list_in_the_same_order(page, server, fixture_dataset):
    expected = newest_first(fixture_dataset)[:2 * PAGE]
    assert len(expected) > PAGE, "the fixture has more quotes than one page shows"
    page.goto(server.at("/find-citater/"))
    page.locator("#ev-finder-more").click()
    page.wait_for_selector("#ev-finder[data-state=ready]")
    page.wait_for_function(f"document.querySelectorAll('#ev-finder-results > li').length === {len(expected)}")
    assert permalinks(page) == [f"Fast link: {q}" for q in expected]


def test_a_hit_drawn_by_the_script_is_the_hit_in_the_page(page, server, fixture_dataset):
    page.goto(server.at("/find-citater/"))
    in_page = page.locator("#ev-finder-results > li").first.evaluate(RESOLVED_HTML)
    newest = fixture_dataset.quotes[newest_first(fixture_dataset)[0]]["publication"]
    page.locator("details[data-facet=kilde] summary").click()
    click_facet(page, "kilde", fixture_dataset.publications[newest]["short"])  # filter only: sorted like the page
    page.wait_for_selector("#ev-finder[data-state=ready]")
    drawn = page.locator("#ev-finder-results > li").first.evaluate(RESOLVED_HTML)
    assert drawn == in_page


def some_theme(dataset) -> str:
    """The name of a theme some quotes have and others do not."""
    return next(t["name"] for tid, t in dataset.themes.items()
                if 0 < sum(tid in q["themes"] for q in dataset.quotes.values()) < len(dataset.quotes))


def test_filters_update_the_count_and_the_url_and_the_url_restores_them(page, server, fixture_dataset):
    theme = some_theme(fixture_dataset)
    theme_id = next(tid for tid, t in fixture_dataset.themes.items() if t["name"] == theme)
    page.goto(server.at("/find-citater/"))
    everything = count_of(page)
    page.locator("details[data-facet=tema] summary").click()
    value = click_facet(page, "tema", theme)
    page.wait_for_selector("#ev-finder[data-state=ready]")
    filtered = count_of(page)
    assert filtered == sum(theme_id in q["themes"] for q in fixture_dataset.quotes.values()) < everything
    assert parse_qs(urlparse(page.url).query)["tema"] == [value]
    shared = page.url
    page.goto(shared)
    page.wait_for_selector("#ev-finder[data-state=ready]")
    assert count_of(page) == filtered
    assert facet_input(page, "tema", theme).is_checked()


def test_facet_counts_follow_the_search_including_a_facet_opened_later(page, server, fixture_dataset):
    theme = some_theme(fixture_dataset)
    page.goto(server.at("/find-citater/"))
    assert page.locator("details.ev-facet[open]").count() == 0, "facets start folded: quotes first"
    page.locator("details[data-facet=tema] summary").click()
    count = page.locator(f"label[for='{facet_input(page, 'tema', theme).get_attribute('id')}'] .ev-facet__count")
    total_for_theme = count.inner_text()
    search_for(page, "tæller")
    found = count_of(page)
    numbers = ("[...document.querySelectorAll('details[data-facet=%s] .ev-facet__count')]"
               ".every(s => /^\\(\\d+\\)$/.test(s.textContent))")
    page.wait_for_function(numbers % "tema")
    theme_counts = [int(t.strip("()")) for t in
                    page.locator("details[data-facet=tema] .ev-facet__count").all_inner_texts()]
    assert 0 < found < len(fixture_dataset.quotes) and max(theme_counts) <= found
    assert count.inner_text() != total_for_theme
    # The source facet: every quote has exactly one source (the person facets may be hidden, see finder.py).
    sources = page.locator("details[data-facet=kilde] .ev-facet__count")
    assert set(sources.all_inner_texts()) == {""}, "a facet not yet loaded must not show stale counts"
    page.locator("details[data-facet=kilde] summary").click()
    page.wait_for_function(numbers % "kilde")
    assert sum(int(t.strip("()")) for t in sources.all_inner_texts()) == found


def test_a_short_word_asks_for_more_letters_and_reset_brings_back_the_opening_list(page, server):
    page.goto(server.at("/find-citater/"))
    opening = permalinks(page)
    page.locator("#ev-finder-q").fill("sa")
    page.locator("#ev-finder-q").press("Enter")
    page.wait_for_function("document.getElementById('ev-finder-count').textContent.includes('mindst 3 tegn')")
    search_for(page, "kolleger")
    assert permalinks(page) != opening
    page.locator(".ev-finder__reset").click()
    page.wait_for_selector("#ev-finder[data-state=static]")
    assert permalinks(page) == opening
    assert urlparse(page.url).query == ""


def test_quote_finder_with_the_keyboard_only(page, server):
    page.goto(server.at("/find-citater/"))
    page.locator("#ev-finder-q").focus()
    page.keyboard.type("sagsmapper")
    page.wait_for_selector("#ev-finder[data-state=ready][data-query=sagsmapper]")
    assert parse_qs(urlparse(page.url).query)["q"] == ["sagsmapper"]
    assert count_of(page) > 0
    page.keyboard.press("Tab")  # into the facets: the first focusable element is the Tema summary
    assert page.evaluate("document.activeElement.textContent") == "Tema"
    page.keyboard.press("Enter")  # unfold it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Space")
    page.wait_for_function("new URLSearchParams(location.search).has('tema')")
    page.wait_for_selector("#ev-finder[data-state=ready]")
    page.wait_for_function("document.querySelectorAll('.ev-hit').length > 0 || "
                           "document.getElementById('ev-finder-count').textContent.startsWith('0 ')")


def test_finder_search_understands_danish_inflection(page, server):
    page.goto(server.at("/find-citater/?q=sagsmappen"))
    page.wait_for_selector("#ev-finder[data-state=ready]")
    texts = " ".join(page.locator(".ev-hit blockquote").all_inner_texts()).lower()
    assert "sagsmapper" in texts


def test_on_a_phone_the_first_quote_is_on_the_first_screen(new_context, server):
    context = new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(server.at("/find-citater/"))
    top = tab.locator("#ev-finder-results > li").first.bounding_box()["y"]
    assert top < 780, f"the first quote starts {top:.0f} px down, below the first screen"


def test_the_finder_works_after_instant_navigation(page, server):
    page.goto(server.at("/anbefalinger/"), wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav a[href$='find-citater/']").first.dispatch_event("click")
    page.wait_for_url("**/find-citater/")
    search_for(page, "kolleger")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not happen"
    assert count_of(page) > 0
