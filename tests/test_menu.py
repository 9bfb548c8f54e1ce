"""The site's menu: it must not grow with the number of quotes, since every page carries it."""

from __future__ import annotations

import re

from conftest import page

from evidence.model import quotes


def menu_links(html: str) -> list[str]:
    start = html.index('class="md-sidebar md-sidebar--primary"')
    return re.findall(r'href="([^"]+)"', html[start:html.index('class="md-sidebar md-sidebar--secondary"')])


def test_a_long_quote_collection_is_one_menu_entry_and_its_pages_link_each_other(site, real_dataset):
    """Needs a collection longer than one page, which only the real corpus has."""
    pages_of: dict[str, set[int]] = {}
    for item in real_dataset.quotes.values():
        url = quotes.canonical_page(item, real_dataset)
        if url.rstrip("/").split("/")[-1].isdigit():
            pages_of.setdefault(url.rstrip("/").rsplit("/", 1)[0], set()).add(quotes.page_number(item, real_dataset))
    long = {collection: numbers for collection, numbers in pages_of.items() if len(numbers) >= 3}
    assert long, "the real corpus has a collection of three pages or more"
    home = menu_links(page(site, ""))
    for collection, numbers in long.items():
        assert f"{collection}/1/" in home
        assert not [link for link in home if re.search(rf"{re.escape(collection)}/([2-9]|\d\d+)/", link)]
        middle = sorted(numbers)[1]
        links = page(site, f"{collection}/{middle}/")
        assert f'href="../{middle - 1}/"' in links and f'href="../{middle + 1}/"' in links


def test_the_menu_shows_the_open_section_and_leaves_the_others_out(fixture_site, fixture_dataset):
    """Material's navigation.prune: a page carries the menu entries a reader can see, not all of them."""
    wave_id, wave = list(fixture_dataset.waves.items())[-1]
    first, second = list(wave.questions)[:2]
    figure_page = menu_links(page(fixture_site, f"tal/{wave_id}/{first}/"))
    theme_page = menu_links(page(fixture_site, "temaer/"))
    assert f"../{second}/" in figure_page  # a question beside it in the same wave
    assert not any(f"/{second}/" in link for link in theme_page)
    assert "../tal/" in theme_page  # the closed section is still one click away
