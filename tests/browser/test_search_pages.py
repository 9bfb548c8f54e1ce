"""The two search pages as a journalist meets them, on the fixture site: a pasted phrase finds its quote first
(a sample of the relevance benchmark's phrases, bench/relevance.py), a site-search hit inside a quote is shown
as that quote, /soeg/ does not jump while it searches, every control shows where the keyboard is, and without
JavaScript the finder says so at the top and shows no button that cannot work."""

from __future__ import annotations

from urllib.parse import quote as url_quote

import pytest

from bench.relevance import holders, phrases
from browser.conftest import quote_id
from evidence.model.anonymity_pending import LEFT_OUT, as_published

pytestmark = pytest.mark.browser

SAMPLE = 6  # phrases per run, spread over the fixture's quotes
SCHEMES = {"light": "default", "dark": "slate"}


def sample(dataset) -> list[tuple[str, list[str]]]:
    """Phrases as a reader would copy them from the site: a quote shown with words left out while the anonymity
    review waits is not sampled."""
    texts = {quote_id: item["text"] for quote_id, item in as_published(dataset).quotes.items() if LEFT_OUT not in item["text"]}
    holding = holders(texts)
    every = phrases(texts, per_quote=1)
    step = max(1, len(every) // SAMPLE)
    return [(phrase, holding(phrase)) for _, phrase in every[::step][:SAMPLE]]


def test_a_pasted_phrase_finds_its_quote_first_in_the_quote_finder(page, server, fixture_dataset):
    for phrase, wanted in sample(fixture_dataset):
        pasted = f"»{phrase.upper()}«"  # quotation marks and case do not matter
        page.goto(server.at(f"/find-citater/?q={url_quote(pasted)}"))
        page.wait_for_selector("#ev-finder[data-state=ready]")
        first = page.locator("#ev-finder-results .ev-permalink").first.get_attribute("href")
        assert quote_id(first) in wanted, f"{phrase!r}: first hit {first}, expected one of {wanted}"


def test_a_pasted_phrase_finds_its_quote_first_in_the_site_search_shown_as_that_quote(page, server, fixture_dataset):
    for phrase, wanted in sample(fixture_dataset):
        page.goto(server.at(f"/soeg/?q={url_quote(phrase)}"))
        page.wait_for_selector("#ev-search[data-state=ready]")
        hit = page.locator(".ev-search__hit").first
        href = hit.locator(".ev-search__title a").get_attribute("href")
        assert "ev-search__hit--quote" in hit.get_attribute("class"), f"{phrase!r}: first hit is not a quote"
        assert quote_id(href) in wanted, f"{phrase!r}: first hit {href}, expected one of {wanted}"
        quote = fixture_dataset.quotes[quote_id(href)]
        title = hit.locator(".ev-search__title").inner_text()
        assert " ".join(quote["text"].split()[:3]) in title and quote["id"] not in title
        assert hit.locator(".ev-search__kind").text_content().startswith("Citat")


def test_the_quote_holding_a_phrase_is_shown_before_the_pages_have_arrived(page, server, fixture_dataset):
    """With a large index the pages' fragments take longest; the quote that holds the pasted words need not wait."""
    held = []
    page.route("**/soegeindeks/fragment/**", lambda route: held.append(route))
    phrase, wanted = sample(fixture_dataset)[0]
    page.goto(server.at(f"/soeg/?q={url_quote(phrase)}"))
    page.wait_for_selector(".ev-search__hit--quote", timeout=10_000)
    href = page.locator(".ev-search__hit .ev-search__title a").first.get_attribute("href")
    assert quote_id(href) in wanted
    for _ in range(50):  # the pages' fragments are asked for once the pages' ranking is known
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page fragments were not held back, so the test proves nothing"
    assert page.locator("#ev-search").get_attribute("data-state") == "searching"
    for route in held:
        route.continue_()
    page.wait_for_selector("#ev-search[data-state=ready]")
    assert page.locator("#ev-search-count").text_content().endswith("fundet"), "the pages' count follows"
    hrefs = page.locator(".ev-search__hit .ev-search__title a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == len(set(hrefs)), "no hit is shown twice"


def test_the_site_search_prepares_while_the_reader_pastes(page, server, fixture_dataset):
    """Enter should not wait for the indexes to start loading: both are fetched when the reader enters the field
    (a pasted phrase is searched in the quote index), and the phrase's index chunks before Enter."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server.at("/soeg/"))
    page.wait_for_function("document.activeElement && document.activeElement.id === 'ev-search-q'")
    page.wait_for_load_state("networkidle")
    for index in ("/soegeindeks/", "/citatindeks/"):
        assert any(index in url for url in fetched), f"{index} is not fetched when the field has focus"
    chunks = len([url for url in fetched if "/citatindeks/index/" in url])
    page.keyboard.insert_text(sample(fixture_dataset)[0][0])
    page.wait_for_timeout(1000)
    assert len([url for url in fetched if "/citatindeks/index/" in url]) > chunks, \
        "a pasted phrase does not fetch its chunks of the quote index"
    assert page.locator("#ev-search-results li").count() == 0, "nothing is searched before Enter"


def test_site_search_tells_page_hits_from_quote_hits(page, server):
    page.goto(server.at("/soeg/?q=sager"))
    page.wait_for_selector("#ev-search[data-state=ready]")
    kinds = page.locator(".ev-search__kind").all_text_contents()
    assert any(k.startswith("Citat") for k in kinds) and "Side" in kinds, kinds


CLS_JS = """
window.__evShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__evShift += entry.value; } }
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("width", [1280, 360])
def test_the_site_search_page_does_not_jump_while_it_searches(new_context, server, fixture_dataset, width):
    context = new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.add_init_script(CLS_JS)
    phrase = sample(fixture_dataset)[0][0]
    tab.goto(server.at(f"/soeg/?q={url_quote(phrase)}"))
    tab.wait_for_selector("#ev-search[data-state=ready]")
    tab.wait_for_timeout(500)
    shift = tab.evaluate("window.__evShift")
    assert shift < 0.1, f"layout shift {shift:.3f} at {width} px"


def test_site_search_excerpts_start_at_a_sentence_or_with_an_ellipsis(page, server):
    page.goto(server.at("/soeg/?q=sager"))
    page.wait_for_selector("#ev-search[data-state=ready]")
    excerpts = page.locator(".ev-search__excerpt").all_inner_texts()
    assert excerpts
    bad = [e for e in excerpts if not (e.startswith("… ") or e[:1].isupper() or e[:1] in "»\"")]
    assert not bad, bad


FOCUS_STYLE_JS = """(el) => {
  const style = getComputedStyle(el);
  return {outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
          width: parseFloat(style.outlineWidth), styleName: style.outlineStyle, color: style.outlineColor,
          shadow: style.boxShadow, border: style.borderColor, page: getComputedStyle(document.body).backgroundColor};
}"""


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


CONTROLS = {"find-citater/": "#ev-finder-q, #ev-finder details.ev-facet summary, #ev-finder input[type=checkbox], "
                             "#ev-finder button:not([hidden])",
            "soeg/?q=sager": "#ev-search-q, #ev-search button:not([hidden])"}


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_search_control_shows_keyboard_focus(new_context, server, scheme):
    context = new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems = []
    for url, selector in CONTROLS.items():
        tab.goto(server.at(url))
        tab.wait_for_function("document.querySelector('[data-state=ready], [data-state=static]') !== null")
        tab.evaluate("document.querySelectorAll('details.ev-facet').forEach((d) => { d.open = true; })")
        tab.keyboard.press("Tab")  # the reader uses the keyboard: focus is shown as for the keyboard
        controls = tab.locator(selector)
        assert controls.count() > 2, url
        for index in range(controls.count()):
            control = controls.nth(index)
            tab.evaluate("document.activeElement && document.activeElement.blur()")
            before = control.evaluate(FOCUS_STYLE_JS)
            control.focus()
            after = control.evaluate(FOCUS_STYLE_JS)
            name = f"{url} {control.evaluate('(el) => el.outerHTML.slice(0, 80)')}"
            if after == before or after["styleName"] == "none" or after["width"] < 2:
                problems.append(f"{name}: no visible focus ({after['outline']})")
            elif contrast(after["color"], after["page"]) < 3:
                problems.append(f"{name}: focus ring {after['color']} on {after['page']} below 3:1")
    assert not problems, "\n".join(problems[:10])


def test_without_javascript_the_finder_says_so_first_and_shows_no_dead_button(new_context, server):
    context = new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(server.at("/find-citater/"))
    notice = tab.locator(".ev-finder__nojs")
    assert notice.is_visible() and "kræver JavaScript" in notice.inner_text()
    assert notice.locator("a[href$='temaer/']").count() == 1
    finder = tab.locator("#ev-finder")
    assert finder.bounding_box()["y"] + 80 > notice.bounding_box()["y"], "the notice is not at the top of the finder"
    assert not tab.locator("#ev-finder form").is_visible()
    assert tab.locator("#ev-finder button:visible, #ev-finder input:visible").count() == 0
    assert tab.locator("#ev-finder-results > li").first.is_visible()
    tab.goto(server.at("/soeg/"))
    assert tab.locator(".ev-finder__nojs").is_visible()
    assert tab.locator("#ev-search button:visible, #ev-search input:visible").count() == 0


@pytest.mark.parametrize(("url", "box", "status"), [("find-citater/?q=sagsbehandler", "#ev-finder", "#ev-finder-count"),
                                                    ("soeg/?q=sagsbehandler", "#ev-search", "#ev-search-count")])
def test_a_search_index_that_cannot_load_is_said_in_danish(new_context, server, url, box, status):
    """No failure is swallowed: when the index does not come (offline, a broken deploy), the reader is told."""
    tab = new_context().new_page()
    tab.route("**/pagefind.js", lambda route: route.abort())
    tab.goto(server.at(url))
    tab.wait_for_selector(f"{box}[data-state=failed]")
    assert tab.locator(status).inner_text() == "Søgningen kunne ikke indlæses. Prøv at genindlæse siden."
