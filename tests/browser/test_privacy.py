"""Privacy: every request a page makes goes to the site's own origin – no CDN, fonts, analytics."""

from __future__ import annotations

import pytest

from browser.watch import Watcher, origin

pytestmark = pytest.mark.browser


def test_every_request_goes_to_the_sites_own_origin(server, pages, new_context):
    context = new_context(viewport={"width": 1280, "height": 900})
    watcher = Watcher(context, origin(server.url))
    tab = context.new_page()
    for url in pages:
        tab.goto(server.at(url), wait_until="load")
    # A search from the header loads the search page, its code and index: all local too.
    tab.goto(server.at(""), wait_until="load")
    box = tab.locator("[role=search] input").filter(visible=True)
    assert box.count(), "the front page has no visible search box"
    box.first.fill("arbejde")
    with tab.expect_navigation():
        box.first.press("Enter")
    tab.wait_for_load_state("networkidle")
    searched = [url for _, url in watcher.requests if "pagefind" in url or "search" in url]
    assert searched, "the search loaded no index"
    assert len(watcher.requests) >= len(pages), "requests were not recorded"
    assert not watcher.foreign, "requests to other origins:\n" + "\n".join(f"{page} → {url}" for page, url in watcher.foreign)
