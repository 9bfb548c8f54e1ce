"""Links to theme hubs, shared by every block that shows an item's themes."""

from __future__ import annotations

import html

from evidence.load.dataset_types import Dataset
from evidence.urls import theme_url


def theme_links(dataset: Dataset, theme_ids: list[str], root: str) -> str:
    return ", ".join(
        f'<a href="{root}{theme_url(t)}">{html.escape(dataset.themes[t]["name"])}</a>' for t in theme_ids
    )
