"""Write the quote finder's Pagefind index into a built site.

Pagefind builds a chunked index, so a search downloads only the chunks its words need:
the finder stays light as the corpus grows, and everything is served from the site itself.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from evidence.dataset import Dataset
from evidence.finder import INDEX_DIR, records


def write_index(dataset: Dataset, site_dir: Path) -> None:
    asyncio.run(_write(records(dataset), site_dir / INDEX_DIR))


async def _write(items: list[dict], output: Path) -> None:
    config = IndexConfig(output_path=str(output), force_language="da")
    async with PagefindIndex(config=config) as index:
        for item in items:
            await index.add_custom_record(**item)
