"""The build's steps that do not depend on the site generator: generate the pages before it runs, and
publish what the pages need besides (search indexes, social cards) into the site it built. `make build`
(scripts/build_site.py), `make serve` (macros/hooks.py) and a build by another generator
(scripts/publish.py) call these, so all of them publish the same site."""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from evidence.html import charts
from evidence.load.dataset import current_dataset
from evidence.load.problems import DataInvalid
from evidence.load.site_config import site_config
from evidence.model.anonymity_pending import as_published
from evidence.publish import social_cards
from evidence.publish.generate import GENERATED, Menu, generate
from evidence.publish.search_index import Building, start_quote_index, start_site_index, write_indexes
from evidence.publish.search_index import show_last_indexes as _show_last

__all__ = ["BUSY", "BuildBusy", "DataInvalid", "Menu", "Publishing", "exclusive", "generate_pages", "is_generated", "publish",
           "start_publishing"]

BUSY = ("En anden bygning kører allerede i denne mappe (make build, make generate eller make serve); "
        "vent, til den er færdig, og prøv igen.")


class BuildBusy(Exception):
    """Another build of the same project holds the lock."""


@contextlib.contextmanager
def exclusive(root: Path) -> Iterator[None]:
    """One build of a project at a time: every build writes docs/, .cache/ and the site folder, so two
    at once would publish a mix of both. The lock is the operating system's (flock) on the project
    folder itself, so it ends with its process, however that ends, and `make clean` cannot remove it.
    A second build is refused at once (BuildBusy) rather than made to wait: it would otherwise build
    the same data again, or silently the other's. Within the process that holds it, the lock is held
    already (`make build` runs MkDocs, whose hook asks for it too)."""
    key = os.path.realpath(root)
    if key in _held:
        yield
        return
    folder = os.open(key, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(BUSY) from None
        _held.add(key)
        try:
            yield
        finally:
            _held.discard(key)
    finally:
        os.close(folder)


_held: set[str] = set()


def generate_pages(root: Path, record: bool = False) -> Menu:
    """Check the data and write docs/ (DataInvalid names every problem); with `record` (`make build`),
    append new addresses to data/published-addresses.txt. Returns the menu and footer for the site
    generator's configuration (`Menu.apply`)."""
    charts.start_engine_if_first_build()
    return generate(root, root / "docs", record)


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
    dataset = as_published(current_dataset(root))
    cards = social_cards.cards_of(root / "docs", site_config(root).name, social_cards.footer(dataset))
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
