"""Data is text, in the browser: on pages whose every text field holds a payload (tests/payloads.py), no
script from data runs and no request leaves the site."""

from __future__ import annotations

from browser.conftest import serving

PAGES = ("", "temaer/", "hent-data/", "tal/", "anbefalinger/", "citater/", "find-citater/", "soeg/?q=PWN")


def test_no_script_from_data_runs_and_no_request_leaves_the_site(poisoned, browser):
    _, site = poisoned
    with serving(site) as served:
        page = browser.new_page()
        foreign = []
        page.on("request", lambda request: None if request.url.startswith((served.url, "data:")) else
                foreign.append(request.url))
        for url in PAGES:
            page.goto(served.at(url))
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__pwn") is None, url
        page.close()
    assert not foreign, foreign
