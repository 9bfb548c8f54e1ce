"""Write the two Pagefind indexes into a built site: the site search and the quote finder.

Pagefind builds chunked indexes, so a search downloads only the chunks its words need:
search stays light as the corpus grows, and everything is served from the site itself.
Both use Danish stemming for the indexed words and for the query.

Quotes reach Pagefind as one small HTML file each, indexed in a single run: its Python
API waits a tenth of a second per request, so adding records one by one would cost half a
minute for today's corpus and most of an hour at a hundred times the size. Pagefind runs
as its command-line program, which exits only when every file is written (the Python
API's service could be shut down while a busy machine was still writing). The site index reads the
built pages, whichever generator made them: the theme marks each page's content with
`data-pagefind-body` (overrides/main.html). An index whose input did not change is taken from the
previous build's (`.cache/pagefind/`) instead of being built again, if its files are still the ones
Pagefind wrote (evidence/cache_entries.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from evidence import cache_entries
from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.finder import records
from evidence.urls import INDEX_DIR, SITE_INDEX_DIR

# Not text a reader searches for: chart drawings, buttons and heading permalinks.
SITE_EXCLUDE = ["svg", ".ev-quote__actions", ".headerlink", ".ev-cite", ".ev-download", "#ev-finder"]


def quote_pages(dataset: Dataset) -> list[str]:
    """The quote finder's input: one small HTML page per quote."""
    return [record_html(item) for item in records(dataset)]


def start_quote_index(dataset: Dataset, site_dir: Path, cache: Path) -> Building:
    """The quote finder's index needs only the data, so a build starts it as soon as the pages are
    generated, and Pagefind works on the second core while the site generator renders the pages."""
    pages = {f"{number:06d}.html": page for number, page in enumerate(quote_pages(dataset))}
    return _start(pages, site_dir / INDEX_DIR, "*.html", cache)


def start_site_index(site_dir: Path, cache: Path) -> Building:
    """The site index reads the built pages (each page's `index.html`; the embeddable charts and the
    quote records are not pages a reader searches for)."""
    return Building(Index(site_dir, site_dir / SITE_INDEX_DIR, "**/index.html", ", ".join(SITE_EXCLUDE)), cache)


def _start(pages: dict[str, str], output: Path, glob: str, cache: Path, exclude: str | None = None) -> Building:
    """Pagefind on `pages` (HTML by path), written into a folder of their own for it to read."""
    inputs = tempfile.TemporaryDirectory()
    for rel, page in pages.items():
        path = Path(inputs.name) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return Building(Index(Path(inputs.name), output, glob, exclude), cache, inputs)


def write_indexes(quote_index: Building, site_index: Building) -> None:
    """Finish both indexes; each Pagefind run is mostly single-threaded, so together they take the
    time of the larger one. An index whose input has not changed is taken from the cache. The site
    gets each finished index whole (`_publish`)."""
    try:
        for building in (quote_index, site_index):
            _publish(building.finish(), building.output)
    finally:
        for building in (quote_index, site_index):
            building.cancel()


def show_last_indexes(site_dir: Path, cache: Path) -> None:
    """Under `make serve` every build empties the site folder and the new indexes come a moment
    later: until then search answers from the last indexes instead of failing."""
    for name in (INDEX_DIR, SITE_INDEX_DIR):
        last = [p for p in cache.glob(f"{name}-*") if p.is_dir() and p.suffix != ".tmp" and cache_entries.is_whole(p)]
        if last:
            _publish(last[0], site_dir / name)


@dataclass(frozen=True)
class Index:
    source: Path
    output: Path
    glob: str
    exclude: str | None = None

    def arguments(self) -> list[str]:
        extra = ["--exclude-selectors", self.exclude] if self.exclude else []
        return ["--glob", self.glob, "--force-language", "da", "--silent", *extra]

    def start(self, output: Path) -> subprocess.Popen:
        shutil.rmtree(output, ignore_errors=True)
        command = [sys.executable, "-m", "pagefind", "--site", str(self.source), "--output-path", str(output),
                   *self.arguments()]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def fingerprint(self) -> str:
        """Everything Pagefind reads: the files it indexes, its arguments and its version."""
        digest = hashlib.sha256(json.dumps([version("pagefind"), self.arguments()]).encode())
        for path in sorted(self.source.glob(self.glob)):
            digest.update(path.relative_to(self.source).as_posix().encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()[:32]


class Building:
    """One index: being written into the cache by Pagefind, or found there already."""

    def __init__(self, index: Index, cache: Path, inputs: tempfile.TemporaryDirectory | None = None):
        self.output = index.output
        self.cached = cache / f"{index.output.name}-{index.fingerprint()}"
        self._partial = self.cached.with_name(f"{self.cached.name}.{os.getpid()}.tmp")
        self._inputs = inputs
        self._run = None if cache_entries.is_whole(self.cached) else index.start(self._partial)

    def finish(self) -> Path:
        if self._run is not None:
            stdout, stderr = self._run.communicate()
            failed, self._run = self._run.returncode != 0, None
            if failed:
                raise RuntimeError(f"Pagefind kunne ikke bygge {self.output.name}: {stdout}{stderr}")
            for older in self.cached.parent.glob(f"{self.output.name}-*"):  # one cached copy per index
                if older != self._partial and not cache_entries.is_hash_file(older):
                    cache_entries.discard(older)
            cache_entries.store_tree(self._partial, self.cached)
        self.cancel()
        return self.cached

    def cancel(self) -> None:
        """Stop a run nobody will wait for (a failed build) and remove what it leaves."""
        if self._run is not None:
            self._run.kill()
            self._run.communicate()
            self._run = None
        shutil.rmtree(self._partial, ignore_errors=True)
        if self._inputs is not None:
            self._inputs.cleanup()
            self._inputs = None


def _publish(cached: Path, output: Path) -> None:
    """Swap the site's copy of an index for the cached one in one rename, so a reader (under
    `make serve`) gets the old index or the new one, never none or half of one. The files are hard
    links where the file system allows: nothing ever writes to an index file after Pagefind."""
    incoming, outgoing = output.with_name(f"{output.name}.new"), output.with_name(f"{output.name}.old")
    for leftover in (incoming, outgoing):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(cached, incoming, copy_function=link_or_copy)
    if output.exists():
        output.rename(outgoing)
    incoming.rename(output)
    shutil.rmtree(outgoing, ignore_errors=True)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A built file shares its bytes with the cached one where the file system allows: nothing ever
    writes to either after it is made."""
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without links
        shutil.copy2(source, target)


def record_html(record: dict) -> str:
    """One quote as a page Pagefind reads: its text is indexed, meta and filters ride along."""
    meta = [("data-pagefind-meta", k, v) for k, v in {
        **record["meta"], "permalink": record["url"], "text": record["content"]}.items() if v]
    filters = [("data-pagefind-filter", k, v) for k, values in record["filters"].items() for v in values]
    sort = [("data-pagefind-sort", k, v) for k, v in record["sort"].items()]
    return render("documents/quote_record.html", paragraphs=record["content"].split("\n\n"),
                  values=[*meta, *filters, *sort])
