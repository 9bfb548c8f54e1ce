"""Quote headings say what a quote is (»Kapitel 1, citat 4«, »Fortælling 217«, an interview's speaker and
insight), never an internal id; a collection page names its source once, while »Kopiér citat« still copies the
full citation and the permanent link. Expectations are read from the data."""

from __future__ import annotations

import html
import re

from conftest import article_of, page

from evidence.html.blocks import quote_block
from evidence.model import quotes


def heading_of(block: str) -> str:
    return html.unescape(re.search(r'<h\d class="ev-quote__title"[^>]*>(.*?)</h\d>', block).group(1))


def test_every_chapter_quote_is_headed_with_its_own_chapter_and_place(real_dataset):
    chapter_quotes = [q for q in real_dataset.quotes.values() if q["locator"]["part"].startswith("kapitel-")]
    assert chapter_quotes
    wrong = []
    for item in chapter_quotes:
        chapter = item["locator"]["part"].removeprefix("kapitel-")
        expected = f"Kapitel {chapter}, citat {item['locator']['order']}"
        shown = heading_of(quote_block(real_dataset, item["id"], "/"))
        if shown != expected:
            wrong.append((item["id"], shown, expected))
    assert not wrong, wrong


def test_no_quote_heading_shows_an_internal_id_and_headings_differ_on_a_page(fixture_dataset):
    seen: dict[str, set[str]] = {}
    for item in fixture_dataset.quotes.values():
        shown = heading_of(quote_block(fixture_dataset, item["id"], "/"))
        assert item["id"] not in shown, shown
        page_of = quotes.canonical_page(item, fixture_dataset)
        assert shown not in seen.setdefault(page_of, set()), f"two quotes headed {shown!r} on {page_of}"
        seen[page_of].add(shown)


def test_interview_headings_name_the_speaker_and_the_insight(fixture_dataset):
    interviews = [q for q in fixture_dataset.quotes.values() if q["locator"]["part"] == "indsigt"]
    assert interviews
    for item in interviews:
        shown = heading_of(quote_block(fixture_dataset, item["id"], "/"))
        speaker = item.get("speaker", {})
        assert shown.startswith("Interview"), shown
        assert shown.endswith(f"– indsigt {item['locator']['insight']}"), shown
        if speaker.get("age") is not None:
            assert f"{speaker['age']} år" in shown, shown
        if speaker.get("seniority"):
            assert f"{speaker['seniority']} i jobbet" in shown, shown


def test_a_collection_page_names_its_source_once_and_copying_gives_the_full_citation(fixture_site, fixture_dataset):
    for publication, part_slug in quotes.collections(fixture_dataset):
        items = quotes.items_of(fixture_dataset, publication, part_slug)
        item = items[0]
        text = page(fixture_site, quotes.canonical_page(item, fixture_dataset))
        citation = fixture_dataset.publications[publication]["citation"]
        # The publication's own passages (div.ev-framing) carry their own citation; the quotes share one.
        visible = html.unescape(re.sub(r'data-copy="[^"]*"|<div class="ev-framing">.*?</div>', "", text, flags=re.S))
        assert visible.count(citation) == 1, f"{publication}/{part_slug}: the citation is not stated exactly once"
        article = article_of(html.unescape(text), item["id"])
        words = re.sub(r"<[^>]+>", "", article)
        assert f"Sted i kilden: {quotes.locator_text(fixture_dataset, item, short=True)}" in words
        copied = html.unescape(re.search(r'data-copy="([^"]*)"', article).group(1))
        assert quotes.citation_text(fixture_dataset, item) in copied
        assert re.search(rf'data-permalink="[^"]*[#/]{re.escape(item["id"])}/?"', article)
