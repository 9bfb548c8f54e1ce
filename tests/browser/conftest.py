"""Browser fixtures: the built site served on 127.0.0.1, one headless Chromium per session.

The browser is Debian's `chromium` (installed by `make browser`, which `make test` runs first);
Playwright's own browser download does not work here. A missing browser fails the tests with a
clear message: a browser suite that silently skips is a browser suite that never runs.

The page list is discovered from the built site, so page types added later are checked too. Behaviour
(journeys, the quote finder, scripts after instant navigation, privacy) is tested on the fixture site
(`server`, `pages`); accessibility and the phone layout are checked on the real site (`real_server`,
`real_pages`), whose content readers see.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
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


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as it is, under `mount` (e.g. "/evidens", as GitHub Pages serves a
    project's site; nothing outside it exists), except for one file: the sitemap.

    Material's instant navigation only intercepts links listed in sitemap.xml, whose URLs carry
    `site_url`; it adopts the browser's protocol and hostname but not the port, so a site served on
    127.0.0.1:<port> would silently fall back to full page loads. Like `mkdocs serve`, which sets
    site_url to the address it serves on, the sitemap is served with the local address.
    """

    site_url = ""
    served_url = ""
    mount = ""

    def translate_path(self, path):
        if self.mount:
            if path.split("?")[0] != self.mount and not path.startswith(self.mount + "/"):
                return str(Path(self.directory) / "outside-the-mount" / "404")  # no such file: 404
            path = path.removeprefix(self.mount)
        return super().translate_path(path)

    def do_GET(self):
        if self.path.split("?")[0] != self.mount + "/sitemap.xml" or not self.site_url:
            return super().do_GET()
        body = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        body = body.replace(f"<loc>{self.site_url}", f"<loc>{self.served_url}/").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def handle(self):
        # The browser may move on before a response is sent; that is no error of the site.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


def quote_id(href: str) -> str:
    """The quote a link leads to: its id address (citater/<publication>/<id>/) or an anchor on its page."""
    return href.split("#")[1] if "#" in href else href.rstrip("/").rsplit("/", 1)[-1]


def site_url(site: Path) -> str:
    """The deployed address, as the canonical link of the front page states it."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def page_types(site: Path) -> list[str]:
    """One page per kind of page: the front page, and for every top-level section the first
    page at each folder depth (e.g. `tal/`, `tal/<wave>/<question>/`; `temaer/`,
    `temaer/<first theme>/`). A quote's forwarding page (its id address, which leads on to the quote) is
    not a page a reader reads. URLs are relative to the site root, ending in '/'."""
    chosen = ["" if (site / "index.html").exists() else None]
    for section in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in NOT_PAGES):
        first_at_depth: dict[int, Path] = {}
        for html_file in sorted(section.rglob("index.html")):
            if 'http-equiv="refresh"' in html_file.read_text(encoding="utf-8")[:2000]:
                continue
            depth = len(html_file.relative_to(site).parts)
            first_at_depth.setdefault(depth, html_file)
        for depth in sorted(first_at_depth):
            chosen.append(first_at_depth[depth].parent.relative_to(site).as_posix() + "/")
    return [url for url in chosen if url is not None]


@pytest.fixture(scope="session")
def pages(fixture_site) -> list[str]:
    """One page of each type of the fixture site (tests/fixtures/site), which behaviour tests use."""
    found = page_types(fixture_site)
    assert "" in found and "tal/" in found, f"the built site lacks its front page or tal/: {found}"
    return found


@pytest.fixture(scope="session")
def real_pages(site) -> list[str]:
    """One page of each type of the real site, for the checks of what the real content looks like."""
    found = page_types(site)
    assert "" in found and "tal/" in found, f"the built site lacks its front page or tal/: {found}"
    return found


@contextlib.contextmanager
def serving(site: Path, mount: str = "") -> Iterator[Served]:
    """The site on 127.0.0.1, at the root or under `mount` ("/evidens")."""
    handler = type("Handler", (SiteHandler,), {"site_url": site_url(site), "mount": mount})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    handler.served_url = f"http://127.0.0.1:{httpd.server_address[1]}{mount}"
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site, handler.served_url)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def fixture_server(fixture_site) -> Iterator[Served]:
    """The fixture site on 127.0.0.1: the journeys, the finder and the scripts are tested on it."""
    with serving(fixture_site) as served:
        yield served


@pytest.fixture(scope="session")
def server(fixture_server) -> Served:
    return fixture_server


@pytest.fixture(scope="session")
def next_publication_server(next_publication_site) -> Iterator[Served]:
    """The real site with the next publication added by data only (tests/next_publication.py)."""
    with serving(next_publication_site) as served:
        yield served


@pytest.fixture(scope="session")
def real_server(site) -> Iterator[Served]:
    """The real site on 127.0.0.1: accessibility and layout of the real content."""
    with serving(site) as served:
        yield served


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


@pytest.fixture
def page(new_context, server):
    """A desktop tab that fails the test on any console error or uncaught exception."""
    context = new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield tab
    assert not errors, errors
