"""No console errors on any page type, and everything still works after instant navigation.

Material's instant navigation fetches the next page and swaps the content without a full
reload, so scripts that only run on a full page load break silently. Every page type is first
loaded in full (its console watched) and then reached again by clicking a link on the page
shown before it – the front page, the previous page type or a section page on the way – and
must then look exactly as after the full load: same charts (drawn), tables, visible links and
buttons, hidden elements.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser.watch import SNAPSHOT_JS, Watcher, origin

pytestmark = pytest.mark.browser

FIND_LINK_JS = """target => {
  document.querySelectorAll('[data-ev-click]').forEach(a => a.removeAttribute('data-ev-click'));
  const links = [...document.querySelectorAll('a[href]')].filter(a => a.href.split('#')[0] === target);
  links.forEach(a => a.setAttribute('data-ev-click', ''));
  return links.length;
}"""


def ancestors(url: str) -> list[str]:
    """Pages to fall back on when the current page has no link to `url`: the front page, its sections."""
    parts = url.strip("/").split("/")
    return [""] + ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]


@pytest.fixture
def tab(new_context, server):
    context = new_context(viewport={"width": 1280, "height": 900})
    watcher = Watcher(context, origin(server.url))
    tab = context.new_page()
    tab.watcher = watcher
    return tab


def click_through(tab, server, url: str) -> str | None:
    """Click a link to `url` on the current page, or on the first ancestor page that has one.
    Returns where the click happened, or None if no page on the way links to `url`."""
    target = server.at(url)
    here = tab.url.removeprefix(server.url + "/")
    for start in [here] + [a for a in ancestors(url) if a != here]:
        if start != here:
            # Material turns instant navigation on once it has the sitemap: let the network settle.
            tab.goto(server.at(start), wait_until="networkidle")
        if tab.evaluate(FIND_LINK_JS, target):
            break
    else:
        return None
    tab.evaluate("window.__evNoReload = true")
    links = tab.locator("[data-ev-click]")
    if links.filter(visible=True).count():
        links.filter(visible=True).first.click()
    else:  # e.g. in a collapsed navigation section: Material handles the click all the same
        links.first.dispatch_event("click")
    tab.wait_for_url(target + "*")
    return start


def test_no_console_errors_and_every_page_type_works_after_instant_navigation(tab, server, pages):
    expected = {}
    for url in pages:
        tab.goto(server.at(url), wait_until="networkidle")
        expected[url] = tab.evaluate(SNAPSHOT_JS)
    assert not tab.watcher.errors, "console errors, failed requests or uncaught exceptions:\n" + "\n".join(tab.watcher.errors)
    # The comparison below means something only if some page type has charts and tables to lose.
    assert any(s["chart_svgs_drawn"] for s in expected.values()) and any(s["tables"] for s in expected.values()), expected

    problems = []
    tab.goto(server.at(""), wait_until="networkidle")
    for url in [u for u in pages if u]:
        start = click_through(tab, server, url)
        if start is None:
            problems.append(f"/{url}: no link to it on the page before, the front page or its section pages")
            continue
        try:
            tab.wait_for_function(
                "([js, want]) => JSON.stringify(eval(js)()) === JSON.stringify(want)",
                arg=[SNAPSHOT_JS, expected[url]], timeout=5_000,
            )
        except PlaywrightTimeout:
            problems.append(f"/{url} from /{start}: after instant navigation {tab.evaluate(SNAPSHOT_JS)}, "
                            f"after a full load {expected[url]}")
        if not tab.evaluate("window.__evNoReload === true"):
            problems.append(f"/{url} from /{start}: the click reloaded the whole page instead of instant navigation")
            tab.wait_for_load_state("networkidle")
    assert not tab.watcher.errors, "after instant navigation:\n" + "\n".join(tab.watcher.errors)
    assert not problems, "\n".join(problems)
