"""Browser fixtures: the built site served on 127.0.0.1, one headless Chromium per session.

The browser is Debian's `chromium` (installed by `make browser`, which `make test` runs first);
Playwright's own browser download does not work here. A missing browser fails the tests with a
clear message: a browser suite that silently skips is a browser suite that never runs.

The page list is discovered from the built site, so page types added later are checked too.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Folders in the built site that hold no pages a reader visits.
NOT_PAGES = {"assets", "search"}


@dataclass(frozen=True)
class Served:
    root: Path
    url: str

    def at(self, path: str) -> str:
        return self.url + "/" + path.lstrip("/")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def page_types(site: Path) -> list[str]:
    """One page per kind of page: the front page, and for every top-level section the first
    page at each folder depth (e.g. `tal/`, `tal/2025/faglig-identitet/`; `temaer/`,
    `temaer/<first theme>/`). URLs are relative to the site root, ending in '/'."""
    chosen = ["" if (site / "index.html").exists() else None]
    for section in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in NOT_PAGES):
        first_at_depth: dict[int, Path] = {}
        for html_file in sorted(section.rglob("index.html")):
            depth = len(html_file.relative_to(site).parts)
            first_at_depth.setdefault(depth, html_file)
        for depth in sorted(first_at_depth):
            chosen.append(first_at_depth[depth].parent.relative_to(site).as_posix() + "/")
    return [url for url in chosen if url is not None]


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    found = page_types(site)
    assert "" in found and "tal/" in found, f"the built site lacks its front page or tal/: {found}"
    return found


@pytest.fixture(scope="session")
def server(site) -> Iterator[Served]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site, f"http://127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium mangler: browsertestene kræver Debians pakke 'chromium' på PATH. "
                    "Kør `make browser` (eller `make test`, som gør det først).", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_context(browser):
    """Open browser contexts (e.g. light/dark, phone) that are closed after the test."""
    opened = []

    def make(**options):
        context = browser.new_context(**options)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()
