"""Write the two Pagefind indexes into a built site: the site search and the quote finder.

Pagefind builds chunked indexes, so a search downloads only the chunks its words need:
search stays light as the corpus grows, and everything is served from the site itself.
Both use Danish stemming for the indexed words and for the query.
"""

from __future__ import annotations

import asyncio
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


async def _quote_index(items: list[dict], output: Path) -> None:
    config = IndexConfig(output_path=str(output), force_language="da")
    async with PagefindIndex(config=config) as index:
        for item in items:
            await index.add_custom_record(**item)


async def _site_index(site_dir: Path) -> None:
    config = IndexConfig(output_path=str(site_dir / SITE_INDEX_DIR), force_language="da",
                         exclude_selectors=SITE_EXCLUDE)
    async with PagefindIndex(config=config) as index:
        await index.add_directory(path=str(site_dir), glob="**/index.html")
