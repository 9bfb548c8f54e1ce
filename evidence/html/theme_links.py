"""Links to theme hubs, shared by every block that shows an item's themes (templates/theme_links.html)."""

from __future__ import annotations

from evidence.html.templates import environment
from evidence.load.dataset_types import Dataset
from evidence.urls import theme_url


def theme_items(dataset: Dataset, theme_ids: list[str], root: str) -> list[dict]:
    return [{"href": f"{root}{theme_url(t)}", "name": dataset.themes[t]["name"]} for t in theme_ids]


def theme_links(dataset: Dataset, theme_ids: list[str], root: str) -> str:
    return str(environment().get_template("theme_links.html").module.theme_links(theme_items(dataset, theme_ids, root)))
