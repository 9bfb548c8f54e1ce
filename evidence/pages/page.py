"""A generated page: where it goes and its Markdown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/
    markdown: str
    title: str
    menu_title: str | None = None  # the name in the menu, when it is not the title
