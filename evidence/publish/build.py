"""The build's steps that do not depend on the site generator: generate the pages, then index the
built site for search. `make build` (scripts/build_site.py) and, under `make serve`, the MkDocs
hook (macros/hooks.py) call these, so both publish the same site."""

from __future__ import annotations

from pathlib import Path

from evidence.html import charts
from evidence.load.dataset import current_dataset
from evidence.load.problems import DataInvalid
from evidence.publish.generate import GENERATED, generate
from evidence.publish.search_index import Building, start_quote_index, start_site_index, write_indexes
from evidence.publish.search_index import show_last_indexes as _show_last

__all__ = ["DataInvalid", "generate_pages", "is_generated", "start_search_indexes", "write_search_indexes"]


def generate_pages(root: Path) -> list:
    """Check the data and write docs/ and the menu (DataInvalid names every problem). Returns the menu."""
    charts.start_engine_if_first_build()
    return generate(root, root / "docs", root / "mkdocs.yml")


def is_generated(name: str) -> bool:
    """Whether a top-level entry of docs/ is written by the generation step (the rest is hand-written)."""
    return name in GENERATED


def start_search_indexes(root: Path, site_dir: Path) -> Building:
    """The quote finder's index needs only the data: it is built while the generator renders the pages."""
    return start_quote_index(current_dataset(root), site_dir, _index_cache(root))


def write_search_indexes(root: Path, site_dir: Path, quote_index: Building | None = None) -> None:
    """Both indexes into the built site; the site index reads the built pages."""
    quote_index = quote_index or start_search_indexes(root, site_dir)
    write_indexes(quote_index, start_site_index(site_dir, _index_cache(root)))


def show_last_indexes(root: Path, site_dir: Path) -> None:
    _show_last(site_dir, _index_cache(root))


def _index_cache(root: Path) -> Path:
    return root / ".cache" / "pagefind"
