"""Reviewers' notes on quotes (`review_note`: how a text was cut from the source, doubts, a pending
editorial decision) are for the reviewer only: no page, search index, feed or download of the built
site shows them. The reader-facing `note` (e.g. how the publisher edited an excerpt) is still shown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

TEXT_FILES = {".html", ".json", ".csv", ".xml", ".txt", ".js", ".tsv"}


def _published_text(site: Path) -> str:
    """Everything a reader can fetch from the built site as text, unescaped and with whitespace folded."""
    parts = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in TEXT_FILES:
            parts.append(html.unescape(path.read_text(encoding="utf-8", errors="replace")))
    return re.sub(r"\s+", " ", " ".join(parts))


def _notes(dataset, field: str) -> list[str]:
    return [re.sub(r"\s+", " ", item[field]) for item in dataset.quotes.values() if item.get(field)]


def _fragment(note: str) -> str:
    """The longest stretch of the note outside its quotation marks (inside them it quotes the testimony itself)."""
    return max(re.split(r'["»«]', note)[::2], key=len)[:40].strip()


@pytest.mark.parametrize("which", ["fixture", "real"])
def test_no_review_note_is_published(which, request):
    site = request.getfixturevalue("fixture_site" if which == "fixture" else "site")
    dataset = request.getfixturevalue("fixture_dataset" if which == "fixture" else "real_dataset")
    notes = _notes(dataset, "review_note")
    assert notes, "the data holds no review_note, so this test checks nothing"
    published = _published_text(site)
    shown = [note for note in notes if _fragment(note) in published]
    assert not shown, f"reviewers' notes published on the site: {shown}"


def test_reader_notes_are_still_published(fixture_site, fixture_dataset):
    notes = _notes(fixture_dataset, "note")
    assert notes
    published = _published_text(fixture_site)
    assert all(_fragment(note) in published for note in notes)
