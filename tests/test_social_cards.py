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


def test_a_card_title_is_never_cut_mid_word(real_dataset):
    """The longest question titles (e.g. S7's) fit at a smaller size; a title that fits at none ends after a
    whole word with »…«. Checked on every question title of the real data."""
    from evidence.model.survey import question_title
    from evidence.publish.social_cards import fitted

    for wave in real_dataset.waves.values():
        for question in wave.questions.values():
            title = question_title(question)
            _, lines = fitted(title, [(26, 64), (34, 48), (42, 40)], 3)
            shown = " ".join(lines).removesuffix(" …").split()
            assert shown == title.split()[:len(shown)], (title, lines)


def test_a_proposal_card_says_whose_proposal_and_when(fixture_dataset):
    from evidence.model.publications import label
    from evidence.pages.proposal_pages import card_description

    for proposal in fixture_dataset.proposals.values():
        publication = fixture_dataset.publications[proposal["publication"]]
        assert card_description(fixture_dataset, proposal).startswith(f"{label(publication)}:")
        assert str(publication["year"]) in label(publication)
