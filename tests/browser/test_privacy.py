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
    # Searching starts Material's search worker and loads the index: that must stay local too.
    tab.keyboard.press("s")
    search = tab.locator("input.md-search__input")
    search.press_sequentially("arbejde")
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    tab.wait_for_load_state("networkidle")
    assert len(watcher.requests) >= len(pages), "requests were not recorded"
    assert not watcher.foreign, "requests to other origins:\n" + "\n".join(f"{page} → {url}" for page, url in watcher.foreign)
