"""The reader journeys in all three browser engines readers use: Chromium, WebKit (Safari, every iPhone) and Gecko
(Firefox), on the fixture site. Front page → theme → a quote's permalink; a pasted phrase in both search pages;
the quote finder's facets; copying a citation; the dark palette; the layout at 390 CSS pixels (an iPhone).
The engines are driven through tests/browser/engines.py; what to expect is read from the fixture's data."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import quote as url_quote

import pytest

from browser.conftest import quote_id
from browser.engines import ENGINES, EngineMissing
from browser.test_journeys import SCROLL_IDLE_MS
from browser.test_quote_finder import some_theme
from browser.test_search_pages import sample
from evidence.model import quotes
from evidence.model.themes import theme_figure_frame
from evidence.urls import permalink

pytestmark = pytest.mark.browser

PHONE = 390  # CSS pixels: the width of today's common iPhones


@pytest.fixture(scope="session", params=sorted(ENGINES))
def engine_tab(request):
    """One tab in one engine for the session; an engine that cannot start here skips with the reason."""
    with contextlib.ExitStack() as stack:
        try:
            started = (stack, request.getfixturevalue("browser")) if request.param == "chromium" else (stack,)
            new_tab = ENGINES[request.param](*started)
        except EngineMissing as missing:
            pytest.skip(f"{request.param}: {missing}")
        tab = new_tab()
        stack.callback(tab.close)
        yield tab


@pytest.fixture
def tab(engine_tab):
    """The engine's tab; the test fails on any script error the engine reports meanwhile."""
    engine_tab.errors()
    yield engine_tab
    assert not engine_tab.errors()


MARK = """(selector, text) => {
  document.querySelectorAll('[data-ev-click]').forEach(el => el.removeAttribute('data-ev-click'));
  const found = [...document.querySelectorAll(selector)].find(el => text === null || el.textContent.trim() === text);
  if (!found) { return false; }
  found.setAttribute('data-ev-click', '');
  return true;
}"""

# As in test_journeys.settled_at: a reader pauses before clicking, so Material has noted the scroll position.
SETTLE = """(idle) => new Promise(resolve => {
  const target = document.querySelector('[data-ev-click]');
  let last = performance.now();
  addEventListener('scroll', () => { last = performance.now(); }, {passive: true});
  target.scrollIntoView({block: 'center'});
  const check = () => (history.state !== null && performance.now() - last > idle) ? resolve(true) : setTimeout(check, 50);
  check();
})"""


def click(tab, selector: str, text: str | None = None) -> None:
    """Click the first element matching `selector` (with exactly `text`, if given) as a reader does, once it is
    there: after instant navigation the address changes before the new content is in."""
    tab.wait(MARK, selector, text)
    tab.js(SETTLE, SCROLL_IDLE_MS)
    tab.click("[data-ev-click]")


def wait_for_path(tab, pattern: str) -> None:
    tab.wait("(pattern) => new RegExp(pattern).test(location.pathname + location.hash)", pattern)


def test_front_page_to_theme_to_quote_permalink(tab, server, fixture_dataset):
    theme_id = next(t for t in fixture_dataset.themes if not theme_figure_frame(fixture_dataset, t).empty
                    and any(t in q["themes"] for q in fixture_dataset.quotes.values()))
    name = fixture_dataset.themes[theme_id]["name"]
    tab.goto(server.at("/"))
    click(tab, ".md-content a", "Temaer")
    wait_for_path(tab, r"/temaer/$")
    click(tab, ".md-content a", name)
    wait_for_path(tab, rf"/temaer/{theme_id}/$")
    assert name in tab.wait("() => document.querySelector('.md-content h1')?.textContent")
    assert tab.js("() => [...document.querySelectorAll('.ev-figure svg')].some(s => s.getBoundingClientRect().height > 0)")
    quote_id = tab.js("() => document.querySelector('a.ev-permalink').textContent").removeprefix("Fast link: ").strip()
    click(tab, "a.ev-permalink")
    page = quotes.canonical_page(fixture_dataset.quotes[quote_id], fixture_dataset)
    wait_for_path(tab, rf"/{re.escape(page)}#{quote_id}$")
    assert tab.wait("""(id) => { const box = document.getElementById(id)?.getBoundingClientRect();
                                 return box && box.top >= 0 && box.top < innerHeight; }""", quote_id)


def test_a_pasted_phrase_finds_its_quote_first_on_both_search_pages(tab, server, fixture_dataset):
    for phrase, wanted in sample(fixture_dataset)[:3]:
        tab.goto(server.at(f"/find-citater/?q={url_quote(phrase)}"))
        first = tab.wait("""() => document.querySelector('#ev-finder[data-state=ready]')
                                  && document.querySelector('#ev-finder-results .ev-permalink').getAttribute('href')""")
        assert quote_id(first) in wanted, f"quote finder, {phrase!r}: first hit {first}, expected {wanted}"
        tab.goto(server.at("/soeg/"))
        tab.wait("() => !!document.querySelector('#ev-search[data-state=ready]')")
        tab.type("#ev-search-q", phrase)
        tab.press("Enter")
        first = tab.wait("""(q) => { const box = document.querySelector('#ev-search[data-state=ready]');
                                     const hit = document.querySelector('.ev-search__hit');
                                     return box && new URLSearchParams(location.search).get('q') === q && hit
                                       && [hit.className, hit.querySelector('.ev-search__title a').href]; }""", phrase)
        assert "ev-search__hit--quote" in first[0], f"site search, {phrase!r}: the first hit is not a quote"
        assert quote_id(first[1]) in wanted, f"site search, {phrase!r}: first hit {first[1]}, expected {wanted}"


def count_of(tab) -> int:
    return int(re.match(r"(\d+)", tab.js("() => document.querySelector('#ev-finder-count').textContent")).group(1))


def test_quote_finder_facets_filter_and_count(tab, server, fixture_dataset):
    theme = some_theme(fixture_dataset)
    theme_id = next(tid for tid, t in fixture_dataset.themes.items() if t["name"] == theme)
    tab.goto(server.at("/find-citater/"))
    everything = count_of(tab)
    click(tab, "details[data-facet=tema] summary")
    box_id = tab.wait("(label) => document.querySelector(`details[data-facet=tema][open] input[data-label='${label}']`)?.id",
                      theme)
    click(tab, f"label[for='{box_id}']")
    tab.wait("() => document.querySelector('#ev-finder[data-state=ready]') && location.search.includes('tema=')")
    expected = sum(theme_id in q["themes"] for q in fixture_dataset.quotes.values())
    assert count_of(tab) == expected < everything
    shown = tab.wait("""() => document.querySelectorAll('details[data-facet=tema] .ev-facet__count')[0]?.textContent""")
    assert re.fullmatch(r"\(\d+\)", shown), f"the opened facet shows counts for the search: {shown!r}"


def test_copy_citation_with_attribution_and_permalink(tab, server, fixture_dataset):
    item = next(q for q in fixture_dataset.quotes.values() if q["kind"] == "interview-quote")
    url = quotes.canonical_page(item, fixture_dataset)
    tab.goto(server.at(url))
    tab.js("""() => { const write = navigator.clipboard && navigator.clipboard.writeText.bind(navigator.clipboard);
                      window.__evCopied = null;
                      if (write) { navigator.clipboard.writeText = (text) => { window.__evCopied = text; return write(text); }; }
                      document.addEventListener('copy', (e) => { window.__evCopied = window.__evCopied
                        || document.activeElement.value; }); }""")
    button = f"article.ev-quote:has([id='{item['id']}']) button.ev-copy"
    click(tab, button)
    copied = tab.wait(f"""() => document.querySelector("{button}[data-copied=true]") && window.__evCopied""")
    status = tab.js(f"""() => document.querySelector("{button}").parentNode.querySelector('.ev-copy__status').textContent""")
    assert status == "Citatet er kopieret."
    assert item["text"].split("\n\n")[0] in copied
    assert item["attribution"] in copied
    assert fixture_dataset.publications[item["publication"]]["citation"] in copied
    assert copied.endswith(f"/{permalink(item)}")


LUMINANCE = """(selector, property) => {
  const [r, g, b] = getComputedStyle(document.querySelector(selector))[property].match(/\\d+(\\.\\d+)?/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


def test_dark_palette_is_dark_and_is_kept(tab, server, fixture_dataset):
    tab.goto(server.at("/"))
    tab.js("() => { localStorage.clear(); }")
    tab.goto(server.at("/"))
    start = tab.js("() => document.body.getAttribute('data-md-color-scheme')")
    if start == "slate":  # the engine prefers dark: to light first, so the test turns dark itself
        click(tab, "[data-md-component=palette] label:not([hidden])")
        tab.wait("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    click(tab, "[data-md-component=palette] label:not([hidden])")
    tab.wait("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    try:
        assert tab.js(LUMINANCE, "body", "backgroundColor") < 0.25, "the dark palette's background is not dark"
        assert tab.js(LUMINANCE, ".md-typeset p", "color") > 0.6, "the dark palette's text is not light"
        tab.goto(server.at("/find-citater/"))
        assert tab.js("() => document.body.getAttribute('data-md-color-scheme')") == "slate", "the choice is kept"
    finally:
        tab.js("() => { localStorage.clear(); }")


PHONE_LAYOUT = """(url, width) => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 844px; border: 0`;
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    const menu = doc.querySelector('.md-header label[for=__drawer]');
    resolve({ scroll: doc.scrollingElement.scrollWidth, viewport: doc.documentElement.clientWidth,
              menu: !!menu && menu.getBoundingClientRect().width > 0,
              heading: doc.querySelector('.md-content h1')?.getBoundingClientRect().right });
    frame.remove();
  });
  frame.src = url;
  document.body.appendChild(frame);
})"""


def test_390_px_layout_fits_the_phone(tab, server, fixture_dataset):
    item = next(iter(fixture_dataset.quotes.values()))
    tab.goto(server.at("/"))
    for url in ["", "find-citater/", "soeg/", "temaer/", quotes.canonical_page(item, fixture_dataset)]:
        shown = tab.js(PHONE_LAYOUT, server.at(url), PHONE)
        assert shown["viewport"] <= PHONE, shown
        assert shown["scroll"] <= shown["viewport"], f"/{url} scrolls sideways at {PHONE} px: {shown}"
        assert shown["menu"], f"/{url}: no menu button at {PHONE} px"
        assert shown["heading"] <= PHONE, f"/{url}: the heading is wider than the phone: {shown}"
