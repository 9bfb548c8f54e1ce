"""The build's steps that do not depend on the site generator: generate the pages before it runs, and
publish what the pages need besides (search indexes, social cards) into the site it built. `make build`
(scripts/build_site.py), `make serve` (macros/hooks.py) and a build by another generator
(scripts/publish.py) call these, so all of them publish the same site."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from evidence.html import charts
from evidence.load.dataset import current_dataset
from evidence.load.problems import DataInvalid
from evidence.publish import social_cards
from evidence.publish.generate import GENERATED, generate
from evidence.publish.search_index import Building, start_quote_index, start_site_index, write_indexes
from evidence.publish.search_index import show_last_indexes as _show_last

__all__ = ["DataInvalid", "Publishing", "generate_pages", "is_generated", "publish", "start_publishing"]


def generate_pages(root: Path, record: bool = False) -> list:
    """Check the data and write docs/ and the menu (DataInvalid names every problem); with `record`
    (`make build`), append new addresses to data/published-addresses.txt. Returns the menu."""
    charts.start_engine_if_first_build()
    return generate(root, root / "docs", root / "mkdocs.yml", record)


def is_generated(name: str) -> bool:
    """Whether a top-level entry of docs/ is written by the generation step (the rest is hand-written)."""
    return name in GENERATED


@dataclass
class Publishing:
    """Work that needs only the data and docs/, started while the site generator renders the pages:
    the quote finder's index and the drawing of missing social cards, each in a process of its own."""

    quote_index: Building
    cards: list[social_cards.Card]
    drawing: subprocess.Popen | None

    def cancel(self) -> None:
        self.quote_index.cancel()
        if self.drawing is not None:
            self.drawing.kill()
            self.drawing.wait()


def start_publishing(root: Path, site_dir: Path) -> Publishing:
    dataset = current_dataset(root)
    cards = social_cards.cards_of(root / "docs", social_cards.footer(dataset))
    return Publishing(start_quote_index(dataset, site_dir, _cache(root) / "pagefind"), cards,
                      social_cards.start_drawing(cards, _cache(root) / "cards"))


def publish(root: Path, site_dir: Path, started: Publishing | None = None) -> None:
    """The cards and both search indexes into the built site; the site index reads the built pages."""
    started = started or start_publishing(root, site_dir)
    try:
        social_cards.publish(started.cards, _cache(root) / "cards", site_dir, started.drawing)
        write_indexes(started.quote_index, start_site_index(site_dir, _cache(root) / "pagefind"))
    finally:
        started.cancel()


def show_last_indexes(root: Path, site_dir: Path) -> None:
    _show_last(site_dir, _cache(root) / "pagefind")


def _cache(root: Path) -> Path:
    return root / ".cache"
