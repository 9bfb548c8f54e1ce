"""Golden files: each page type of the fixture site, as generated Markdown and as rendered content.

The fixture dataset (tests/fixtures/site/data) is generated and built once per session; for each page
type the test compares the Markdown the generation step wrote into docs/ and the main content of the
built page (the part Pagefind indexes, `data-pagefind-body`, normalised) with the files kept in
tests/__snapshots__/test_golden_pages/. A change to what a page says shows up there as a diff to review.

After a deliberate change, update them with one command and review the diff:

    make goldens        # .venv/bin/python -m pytest tests/test_golden_pages.py --snapshot-update
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import main_markup
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from evidence.model import quotes
from evidence.publish.generate import GENERATED


class MarkdownFile(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class HtmlFile(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


class CsvFile(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "csv"


def page_types(dataset) -> dict[str, str]:
    """One address per page type, chosen from the fixture dataset: kind → URL relative to the site root."""
    wave_id, wave = list(dataset.waves.items())[-1]
    continued = next(q for q in wave.questions if sum(q in w.questions for w in dataset.waves.values()) > 1)
    older_id, older = older_wave_question(dataset)
    def first(kind: str) -> dict:
        return next(q for q in dataset.quotes.values() if q["kind"] == kind)
    def chapters(publication: str) -> int:
        return sum("chapter" in part for part in quotes.parts(dataset, publication))
    longest = max(dataset.publications, key=chapters)
    types = {
        "front-page": "",
        "theme-index": "temaer/",
        "theme": f"temaer/{next(iter(dataset.themes))}/",
        "survey-overview": "tal/",
        "survey-question": f"tal/{wave_id}/{continued}/",
        "older-survey-question": f"tal/{older_id}/{older}/",
        "trend": f"tal/spoergsmaal/{continued}/",
        "insight-index": "indsigter/",
        "insight": "indsigter/1/",
        "proposal-index": "anbefalinger/",
        "proposal": f"anbefalinger/{next(iter(dataset.proposals))}/",
        "proposal-brief": "anbefalinger/udskrift/",
        "quote-overview": "citater/",
        "testimony-collection": quotes.canonical_page(first("testimony"), dataset),
        "cover-collection": quotes.canonical_page(first("cover-story"), dataset),
        "chapter-collection": quotes.canonical_page(first("chapter-excerpt"), dataset),
        "interview-collection": quotes.canonical_page(first("interview-quote"), dataset),
        "finder": "find-citater/",
        "site-search": "soeg/",
        "method": "metode/",
        "sources": "kilder/",
        "downloads": "hent-data/",
        "data-contract": "bidrag/",
        # A publication of another shape: the one with the most chapters, and a collection of a shape no
        # other page type has (the leaflet's appendix).
        "most-chapters-collection": quotes.canonical_page(
            next(q for q in dataset.quotes.values() if q["publication"] == longest and "chapter" in quotes.part_of(dataset, q)),
            dataset),
    }
    covered = {shape(url, dataset) for url in types.values()}
    types["other-collection"] = next(quotes.canonical_page(q, dataset) for q in dataset.quotes.values()
                                     if shape(quotes.canonical_page(q, dataset), dataset) not in covered)
    return types


def older_wave_question(dataset) -> tuple[str, str]:
    """An older wave's page of a question asked before and after it: its trend must stop at its own wave."""
    waves = list(dataset.waves)
    return next((wave_id, q) for wave_id in reversed(waves[1:-1]) for q in dataset.waves[wave_id].questions
                if any(q in dataset.waves[w].questions for w in waves[:waves.index(wave_id)])
                and any(q in dataset.waves[w].questions for w in waves[waves.index(wave_id) + 1:]))


KINDS = ["front-page", "theme-index", "theme", "survey-overview", "survey-question", "older-survey-question", "trend",
         "insight-index", "insight",
         "proposal-index", "proposal", "proposal-brief", "quote-overview", "testimony-collection", "cover-collection",
         "chapter-collection", "interview-collection", "finder", "site-search", "method", "sources", "downloads",
         "data-contract", "most-chapters-collection", "other-collection"]


def shape(url: str, dataset) -> str:
    """A page's address with its ids and numbers replaced: two pages of one shape are one page type."""
    ids = {*dataset.waves, *dataset.themes, *dataset.proposals, *dataset.publications,
           *(q for wave in dataset.waves.values() for q in wave.questions)}
    return "/".join("{}" if part in ids or part.isdigit() else part for part in url.strip("/").split("/"))


def test_every_generated_page_type_has_golden_files(fixture_site, fixture_dataset):
    """A new kind of generated page (a new collection, a new section) fails here until it has golden files."""
    assert list(page_types(fixture_dataset)) == KINDS
    covered = {shape(url, fixture_dataset) for url in page_types(fixture_dataset).values()}
    # A quote's id address is a forwarding page, not a page of its own (tests/test_permalinks.py).
    built = {page.parent.relative_to(fixture_site).as_posix() for page in fixture_site.rglob("index.html")
             if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")[:2000]}
    generated = {url for url in built if url.split("/")[0] in GENERATED or f"{url}.md" in GENERATED}
    missing = sorted({shape(url, fixture_dataset) for url in generated} - covered)
    assert generated and not missing, f"page types without golden files: {missing}"


def markdown_file(docs: Path, url: str) -> Path:
    """The Markdown a page is built from (MkDocs: a/b.md and a/b/index.md both become a/b/)."""
    if not url:
        return docs / "index.md"
    index = docs / url / "index.md"
    return index if index.exists() else docs / (url.rstrip("/") + ".md")


BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "figure",
          "figcaption", "article", "section", "div", "blockquote", "details", "summary", "dl", "dt", "dd", "form",
          "fieldset", "nav", "aside", "main", "header", "footer", "noscript", "script", "template", "hr", "br")
BLOCK_TAG = re.compile(rf"(<(?:/)?(?:{'|'.join(BLOCKS)})\b[^>]*>)")


def main_content(html: str) -> str:
    """The page's main content (`data-pagefind-body`), one block element per line, charts as placeholders:
    the SVG's drawing depends on the chart library's version, its numbers are in the table beside it."""
    content = re.sub(r"<svg\b.*?</svg>", "<svg><!-- chart --></svg>", main_markup(html), flags=re.S)
    content = re.sub(r"\s+", " ", content)
    lines = (line.strip() for line in BLOCK_TAG.sub(r"\n\1", content).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize("kind", KINDS)
def test_generated_markdown(kind, fixture_site, fixture_dataset, snapshot):
    path = markdown_file(fixture_site.parent / "docs", page_types(fixture_dataset)[kind])
    assert snapshot.use_extension(MarkdownFile) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_rendered_page(kind, fixture_site, fixture_dataset, snapshot):
    url = page_types(fixture_dataset)[kind]
    html = (fixture_site / url / "index.html").read_text(encoding="utf-8")
    assert snapshot.use_extension(HtmlFile) == main_content(html)


@pytest.mark.parametrize("kind", ["survey-question", "older-survey-question"])
def test_download_csv(kind, fixture_site, fixture_dataset, snapshot):
    """Every CSV a reader can download from a question page, of the newest wave and of an older one (whose
    trend files hold its own wave and the ones before it, never a later one)."""
    url = page_types(fixture_dataset)[kind]
    page_html = (fixture_site / url / "index.html").read_text(encoding="utf-8")
    hrefs = dict.fromkeys(re.findall(r'href="([^"]+\.csv)" download', page_html))
    assert hrefs, f"{url} links no CSV"
    files = [(fixture_site / url / href).resolve() for href in hrefs]
    assert snapshot.use_extension(CsvFile) == "".join(f"# {file.name}\n{file.read_text(encoding='utf-8')}" for file in files)
