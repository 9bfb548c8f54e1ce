"""Site search on the fixture site's own words: Danish inflections and readable excerpts."""

from __future__ import annotations

import pytest

from browser.test_journeys import search_from_header


@pytest.mark.parametrize("inflected, stem", [("sagsmappen", "sagsmapp"), ("kollegerne", "kolleg")])
def test_site_search_finds_inflected_danish_forms(page, server, inflected, stem):
    search_from_header(page, server, inflected)
    assert page.locator(".ev-search__hit").count() > 0
    assert stem in page.locator("#ev-search-results").inner_text().lower()


def test_site_search_excerpts_keep_the_spaces_around_the_found_words(page, server):
    search_from_header(page, server, "tæller")
    glued = page.evaluate("""[...document.querySelectorAll('.ev-search__excerpt mark')]
        .map(m => (m.previousSibling ? m.previousSibling.textContent.slice(-1) : ' ') + m.textContent
                  + (m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : ' '))
        .filter(s => /^[\\wæøå]|[\\wæøå]$/i.test(s))""")
    assert page.locator(".ev-search__excerpt mark").count() > 0
    assert not glued, f"found words glued to their neighbours: {glued[:5]}"
