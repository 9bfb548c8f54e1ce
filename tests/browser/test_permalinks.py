"""Published addresses land the reader on their quote in a real browser, with JavaScript off as well as on:
a quote's »Fast link« (its id address), and an old collection-page anchor after the page size changed and a
quote was withdrawn (the old anchor is a link to the quote's id address, which leads on to where it is)."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURE_DATA, copy_project
from playwright.sync_api import expect
from test_permalinks import REASON, WITHDRAWN, built_twice

from browser.conftest import serving
from evidence.load.dataset import load_dataset
from evidence.model import quotes
from evidence.model.quotes import quote_location
from evidence.urls import permalink

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_fast_link_lands_on_its_quote(new_context, server, fixture_dataset, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    for item in [next(q for q in fixture_dataset.quotes.values() if q["kind"] == kind)
                 for kind in ("testimony", "interview-quote", "chapter-excerpt")]:
        page.goto(server.at(permalink(item)))
        target = quotes.canonical_page(item, fixture_dataset)
        page.wait_for_url(re.compile(rf"/{re.escape(target)}#{re.escape(item['id'])}$"))
        expect(page.locator(f"[id='{item['id']}']")).to_be_in_viewport()


def test_an_old_anchor_leads_to_its_quote_after_the_page_size_changed(new_context, tmp_path):
    project = copy_project(tmp_path / "project", data=FIXTURE_DATA)
    _, before, site = built_twice(project, tmp_path)
    after = load_dataset(project)
    item = next(q for q in after.quotes.values() if quote_location(q, after) != quote_location(before.quotes[q["id"]], before))
    page = new_context().new_page()
    with serving(site) as served:
        page.goto(served.at(quote_location(before.quotes[item["id"]], before)))
        page.locator(f"a[id='{item['id']}']").click()
        page.wait_for_url(re.compile(rf"/{re.escape(quote_location(item, after))}$"))
        expect(page.locator(f"h3[id='{item['id']}'], h2[id='{item['id']}']")).to_be_in_viewport()
        page.goto(served.at(quote_location(before.quotes[WITHDRAWN], before)))
        page.locator(f"a[id='{WITHDRAWN}']").click()
        expect(page.get_by_role("heading", name=re.compile("trukket tilbage"))).to_be_visible()
        expect(page.get_by_text(REASON)).to_be_visible()
