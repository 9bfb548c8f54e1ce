"""Write the two Pagefind indexes into a built site: the site search and the quote finder.

Pagefind builds chunked indexes, so a search downloads only the chunks its words need:
search stays light as the corpus grows, and everything is served from the site itself.
Both use Danish stemming for the indexed words and for the query.

Quotes reach Pagefind as one small HTML file each, indexed in a single call: its Python
API waits a tenth of a second per request, so adding records one by one would cost half a
minute for today's corpus and most of an hour at a hundred times the size.
"""

from __future__ import annotations

import asyncio
import html
import tempfile
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from evidence.dataset import Dataset
from evidence.finder import INDEX_DIR, records

SITE_INDEX_DIR = "soegeindeks"
# Not text a reader searches for: chart drawings, buttons and heading permalinks.
SITE_EXCLUDE = ["svg", ".ev-quote__actions", ".headerlink", ".ev-cite", ".ev-download", "#ev-finder"]


def write_indexes(dataset: Dataset, site_dir: Path) -> None:
    asyncio.run(_write_all(dataset, site_dir))


async def _write_all(dataset: Dataset, site_dir: Path) -> None:
    await _quote_index(records(dataset), site_dir / INDEX_DIR)
    await _site_index(site_dir)


def record_html(record: dict) -> str:
    """One quote as a page Pagefind reads: its text is indexed, meta and filters ride along."""

    def tag(attribute: str, key: str, value: str) -> str:
        return f'<span {attribute}="{html.escape(key)}:{html.escape(value, quote=True)}"></span>'

    meta = "".join(tag("data-pagefind-meta", k, v) for k, v in {
        **record["meta"], "permalink": record["url"], "text": record["content"]}.items() if v)
    filters = "".join(tag("data-pagefind-filter", k, v) for k, values in record["filters"].items() for v in values)
    sort = "".join(tag("data-pagefind-sort", k, v) for k, v in record["sort"].items())
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["content"].split("\n\n"))
    return (f'<!doctype html><html lang="da"><head><meta charset="utf-8"></head><body>'
            f'<main data-pagefind-body>{paragraphs}<div data-pagefind-ignore>{meta}{filters}{sort}</div></main>'
            "</body></html>")


async def _quote_index(items: list[dict], output: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, item in enumerate(items):
            (Path(folder) / f"{number:06d}.html").write_text(record_html(item), encoding="utf-8")
        config = IndexConfig(output_path=str(output), force_language="da")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=folder, glob="*.html")


async def _site_index(site_dir: Path) -> None:
    config = IndexConfig(output_path=str(site_dir / SITE_INDEX_DIR), force_language="da",
                         exclude_selectors=SITE_EXCLUDE)
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site_dir), glob="**/index.html")
