"""One quote card: the finder's script draws its hits from a <template> of the same card the page's first hits
are, so a designer who changes the card (evidence/html/templates/quote_card.html) changes both.

The browser test (tests/browser/test_quote_finder.py) checks that a drawn hit is the page's hit; this one
names, without a browser, where the two would part."""

from __future__ import annotations

from html.parser import HTMLParser

from evidence.pages.finder_page import finder_form


class Skeleton(HTMLParser):
    """The tags and classes of each `li.ev-hit`, and whether it stood in the finder's <template>."""

    def __init__(self):
        super().__init__()
        self.hits: list[tuple[bool, list[str]]] = []
        self.in_template = self.in_hit = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "template":
            self.in_template = True
        elif tag == "li" and attributes.get("class") == "ev-hit":
            self.hits.append((self.in_template, []))
            self.in_hit = True
        skeleton = self.hits[-1][1] if self.in_hit else []
        part = f"{tag}.{attributes.get('class') or ''}"
        if self.in_hit and (not skeleton or skeleton[-1] != part):  # a quote's paragraphs count once
            skeleton.append(part)

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template = False
        elif tag == "li":
            self.in_hit = False


def hits_of(dataset) -> tuple[list[list[str]], list[str]]:
    parser = Skeleton()
    parser.feed(finder_form(dataset, "../"))
    drawn = [skeleton for in_template, skeleton in parser.hits if in_template]
    assert len(drawn) == 1, f"expected one hit <template> in the finder, found {len(drawn)}"
    return [skeleton for in_template, skeleton in parser.hits if not in_template], drawn[0]


def test_the_scripts_hit_is_the_pages_hit_card(fixture_dataset):
    in_page, drawn = hits_of(fixture_dataset)
    assert in_page, "the finder shows no hits before a search"
    for skeleton in in_page:
        # The template has every optional part (an empty one is left out by the script, as on the page).
        assert [part for part in drawn if part in skeleton] == skeleton, (
            f"a hit in the page has markup the script's card has not: {skeleton} – template: {drawn}")
    assert any(len(skeleton) == len(drawn) for skeleton in in_page), \
        f"no hit in the page has the whole card the script draws: {drawn}"
