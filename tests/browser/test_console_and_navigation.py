"""No console errors on any page type, and everything still works after instant navigation.

Material's instant navigation fetches the next page and swaps the content without a full
reload, so scripts that only run on a full page load break silently. Each page type is
reached by clicking a link from the front page (or from a section page on the way), and
must then look exactly as it does after a full load: same charts (drawn), tables, links,
buttons and hidden elements.
"""

from __future__ import annotations

import pytest

from browser.watch import SNAPSHOT_JS, Watcher, origin

pytestmark = pytest.mark.browser

FIND_LINK_JS = """target => {
  const links = [...document.querySelectorAll('a[href]')].filter(a => a.href.split('#')[0] === target);
  links.forEach(a => a.setAttribute('data-ev-click', ''));
  return links.length;
}"""


def routes(url: str) -> list[str]:
    """Pages to start from when clicking through to `url`: the front page, then its ancestors."""
    parts = url.strip("/").split("/")
    return [""] + ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]


@pytest.fixture
def tab(new_context, server):
    context = new_context(viewport={"width": 1280, "height": 900})
    watcher = Watcher(context, origin(server.url))
    tab = context.new_page()
    tab.watcher = watcher
    return tab


def test_no_console_errors_on_any_page_type(tab, server, pages):
    for url in pages:
        tab.goto(server.at(url), wait_until="load")
        tab.wait_for_load_state("networkidle")
    assert not tab.watcher.errors, "\n".join(tab.watcher.errors)


def test_every_page_type_works_after_instant_navigation(tab, server, pages):
    problems, seen = [], []
    for url in [u for u in pages if u]:
        target = server.at(url)
        tab.goto(target, wait_until="networkidle")
        expected = tab.evaluate(SNAPSHOT_JS)
        seen.append(expected)

        for start in routes(url):
            # Material turns instant navigation on once it has the sitemap: wait for the network to settle.
            tab.goto(server.at(start), wait_until="networkidle")
            if tab.evaluate(FIND_LINK_JS, target):
                break
        else:
            problems.append(f"/{url}: no link to it on the front page or its section pages")
            continue

        tab.evaluate("window.__evNoReload = true")
        links = tab.locator("[data-ev-click]")
        if links.filter(visible=True).count():
            links.filter(visible=True).first.click()
        else:  # e.g. in a collapsed navigation section: Material handles the click all the same
            links.first.dispatch_event("click")
        tab.wait_for_url(target + "*")
        try:
            tab.wait_for_function(
                "([js, want]) => JSON.stringify(eval(js)()) === JSON.stringify(want)",
                arg=[SNAPSHOT_JS, expected], timeout=5_000,
            )
        except Exception:
            problems.append(f"/{url} from /{start}: after instant navigation {tab.evaluate(SNAPSHOT_JS)}, "
                            f"after a full load {expected}")
        if not tab.evaluate("window.__evNoReload === true"):
            problems.append(f"/{url} from /{start}: the click reloaded the whole page instead of instant navigation")
    assert not problems, "\n".join(problems)
    # The comparison means something only if some page type has charts and tables to lose.
    assert any(s["chart_svgs_drawn"] for s in seen) and any(s["tables"] for s in seen), seen
    assert not tab.watcher.errors, "\n".join(tab.watcher.errors)
