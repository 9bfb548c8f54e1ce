"""Write the two Pagefind indexes into a built site: the site search and the quote finder.

Pagefind builds chunked indexes, so a search downloads only the chunks its words need:
search stays light as the corpus grows, and everything is served from the site itself.
Both use Danish stemming for the indexed words and for the query.

Quotes reach Pagefind as one small HTML file each, indexed in a single run: its Python
API waits a tenth of a second per request, so adding records one by one would cost half a
minute for today's corpus and most of an hour at a hundred times the size. Pagefind runs
as its command-line program, which exits only when every file is written (the Python
API's service could be shut down while a busy machine was still writing).
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from pathlib import Path

from evidence.dataset import Dataset
from evidence.finder import INDEX_DIR, records

SITE_INDEX_DIR = "soegeindeks"
# Not text a reader searches for: chart drawings, buttons and heading permalinks.
SITE_EXCLUDE = ["svg", ".ev-quote__actions", ".headerlink", ".ev-cite", ".ev-download", "#ev-finder"]


def write_indexes(dataset: Dataset, site_dir: Path) -> None:
    """Both indexes at once: each Pagefind run is mostly single-threaded, so together they take
    the time of the larger one."""
    with tempfile.TemporaryDirectory() as folder:
        for number, item in enumerate(records(dataset)):
            (Path(folder) / f"{number:06d}.html").write_text(record_html(item), encoding="utf-8")
        runs = [_pagefind(Path(folder), site_dir / INDEX_DIR, "*.html"),
                _pagefind(site_dir, site_dir / SITE_INDEX_DIR, "**/index.html", ", ".join(SITE_EXCLUDE))]
        for output, run in runs:
            stdout, stderr = run.communicate()
            if run.returncode != 0:
                raise RuntimeError(f"Pagefind kunne ikke bygge {output.name}: {stdout}{stderr}")


def _pagefind(source: Path, output: Path, glob: str, exclude: str | None = None) -> tuple[Path, subprocess.Popen]:
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
               "--glob", glob, "--force-language", "da", "--silent"]
    if exclude:
        command += ["--exclude-selectors", exclude]
    return output, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


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
