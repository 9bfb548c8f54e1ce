"""A shared link shows a picture: every page names its own card, and the card is in the built site."""

from __future__ import annotations

import re

OG_IMAGE = re.compile(r'<meta property="og:image" content="[^"]*?/(kort/[^"]+\.png)">')
PNG = b"\x89PNG\r\n\x1a\n"


def _cards(site):
    # Every page a reader reads; the small pages behind the quotes' id addresses only lead on.
    pages = sorted(p for p in site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8"))
    return {page.relative_to(site).as_posix(): OG_IMAGE.search(page.read_text(encoding="utf-8")) for page in pages}


def test_every_page_names_a_card_that_is_in_the_site(fixture_site):
    cards = _cards(fixture_site)
    assert cards, "no pages built"
    missing = [page for page, card in cards.items() if card is None]
    assert not missing, f"pages without og:image: {missing}"
    for page, card in cards.items():
        image = fixture_site / card.group(1)
        assert image.is_file() and image.read_bytes().startswith(PNG), f"{page}: {card.group(1)} is not a PNG in the site"


def test_pages_with_different_titles_have_different_cards(fixture_site):
    theme_pages = {page: card.group(1) for page, card in _cards(fixture_site).items() if page.startswith("temaer/")}
    assert len(theme_pages) > 2
    assert len(set(theme_pages.values())) == len(theme_pages), theme_pages
