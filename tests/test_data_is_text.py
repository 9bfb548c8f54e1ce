"""Data is text: whatever a data file's text fields hold, the site shows it as text.

Every free-text field of every schema (a property whose schema is the shared `text` definition) in a copy of
the fixture dataset gets one of a battery of payloads: a script, an event handler, an attribute and a title
break-out, a `javascript:` link, a Markdown link and image to another host, Jinja expressions and statements
(one of which would create a file), an HTML comment and a bidi override. Fields the loader checks word for
word against the source get the same payload, and the source gets it too, so the data stays valid. The
site is then built, and every page, embed, download and `make diff` summary is read back: no live markup,
no evaluated expression, no formula cell, and in Chromium no script runs and no request leaves the site.
"""

from __future__ import annotations

import csv
import html.parser
import json
import re
from pathlib import Path

from conftest import FIXTURE_DATA, copy_project
from payloads import MARK, PAYLOADS, PROOF

from evidence.load.dataset import load_dataset
from evidence.publish.changes import summary

FORMULA = ("=", "+", "-", "@", "\t", "\r")

class _Live(html.parser.HTMLParser):
    """What in a page would run or load: scripts, event handlers, links and sources, comments."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        # JSON-LD is data, not code; a payload breaking out of it would open a script of its own.
        self._script = tag == "script" and dict(attrs).get("type") != "application/ld+json"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "__pwn" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and (value.strip().lower().startswith("javascript:") or "evil.example" in value):
                self.found.append(f"<{tag} {name}={value!r}>")
        if MARK in tag or any(MARK in name for name, _ in attrs):
            self.found.append(f"<{tag}> made from data")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "__pwn" in data:
            self.found.append(f"script: {data[:80]!r}")

    def handle_comment(self, data):
        if MARK in data or "hidden" in data:
            self.found.append(f"comment: {data[:80]!r}")


def _outputs(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in (".html", ".csv", ".json", ".xml", ".md", ".svg") and p.is_file())


def test_the_payloads_reach_the_site(poisoned):
    """Guard: the test is worth something only if the payloads are on the pages, as text."""
    _, site = poisoned
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    for payload in PAYLOADS:
        marker = payload.split(" ", 1)[0]
        assert sum(marker in page for page in pages) >= 1, f"{marker} is on no page"


def test_no_page_holds_live_markup_from_data(poisoned):
    _, site = poisoned
    found = []
    for path in [*site.rglob("*.html"), *site.rglob("*.svg")]:
        parser = _Live()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: {what}" for what in parser.found]
    assert not found, "\n".join(found[:40])


def test_no_template_expression_from_data_is_evaluated(poisoned):
    project, site = poisoned
    evaluated = [str(p.relative_to(site)) for p in _outputs(site)
                 if "ZZZ" in (text := p.read_text(encoding="utf-8")) or "A-B-" in text]
    assert not evaluated, evaluated[:20]
    assert not list(project.rglob(PROOF)) and not (Path.cwd() / PROOF).exists()


def test_no_download_cell_is_a_formula(poisoned):
    _, site = poisoned
    cells = []
    for path in site.rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            cells += [(path.name, cell) for row in csv.reader(handle) for cell in row if cell.startswith(FORMULA)]
    assert not cells, cells[:20]
    quotes = json.loads((site / "hent-data/citater.json").read_text(encoding="utf-8"))
    assert any(MARK in json.dumps(q, ensure_ascii=False) for q in quotes)


def test_the_reviewers_summary_shows_data_as_text(poisoned):
    project, _ = poisoned
    text = summary(load_dataset(copy_project(project.parent / "clean", data=FIXTURE_DATA)), load_dataset(project), "main")
    assert MARK in text
    assert "<!--" not in text and "<script" not in text and "<img" not in text
    assert not re.search(r"(?<!\\)\]\((javascript:|http://evil)", text)
