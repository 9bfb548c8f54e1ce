"""The site's menu: it must not grow with the number of quotes, since every page carries it."""

from __future__ import annotations

import re


def menu_links(html: str) -> list[str]:
    start = html.index('class="md-sidebar md-sidebar--primary"')
    return re.findall(r'href="([^"]+)"', html[start:html.index('class="md-sidebar md-sidebar--secondary"')])


def test_a_long_quote_collection_is_one_menu_entry_and_its_pages_link_each_other(site):
    home = menu_links((site / "index.html").read_text(encoding="utf-8"))
    assert "citater/ds-2020/fortaellinger/1/" in home
    assert not [link for link in home if re.search(r"fortaellinger/([2-9]|\d\d+)/", link)]
    third = (site / "citater/ds-2020/fortaellinger/3/index.html").read_text(encoding="utf-8")
    assert 'href="../2/"' in third and 'href="../4/"' in third


def test_the_menu_shows_the_open_section_and_leaves_the_others_out(site):
    """Material's navigation.prune: a page carries the menu entries a reader can see, not all of them."""
    figure_page = menu_links((site / "tal/2025/faglig-identitet/index.html").read_text(encoding="utf-8"))
    theme_page = menu_links((site / "temaer/index.html").read_text(encoding="utf-8"))
    assert "../overveje-at-forlade-job/" in figure_page  # a question beside it in the same wave
    assert not any("overveje-at-forlade-job" in link for link in theme_page)
    assert "../tal/" in theme_page  # the closed section is still one click away
