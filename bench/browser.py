"""Headless Chromium against a built site: bytes per page type, and the quote finder and site search in use."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import threading
import time
from pathlib import Path

import yaml

from bench.common import CHROMIUM, PY, env
from bench.relevance import bench_relevance
from evidence.urls import FINDER, INDEX_DIR, PROPOSALS, QUOTES, SEARCH, SITE_INDEX_DIR, SURVEY, THEMES

QUERY = "sagsbehandler"
WAIT_MS = 60_000  # per wait in a page; a timeout is recorded, not raised
# Page types: the first built page matching each pattern (sorted), so new URLs need a pattern here, not code.
PAGE_TYPES = {"forside": [""], "temaside": [f"{THEMES}*/"], "anbefaling": [f"{PROPOSALS}*/"],
              "citatsamling": [f"{QUOTES}*/fortaellinger/1/", f"{QUOTES}*/*/"], "citatsøgning": [FINDER],
              "sitesøgning": [SEARCH], "spørgsmål i en undersøgelse": [f"{SURVEY}[0-9][0-9][0-9][0-9]/*/", f"{SURVEY}*/"]}
# The moment the first quote is in the finder's list (the list is in the page's HTML: this is first paint of it).
FIRST_RESULT_JS = """
(() => {
  const seen = () => {
    const list = document.getElementById('ev-finder-results');
    if (list && list.firstElementChild && window.__evFirstResult === undefined) { window.__evFirstResult = performance.now(); }
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
})();
"""
# The finder's contract: a search's first hit replaces the list shown before, and #ev-finder then has
# data-query = the query those hits answer. `__evArm(name, kind, query)` starts a clock at the next Enter in
# the search field (kind "enter") or change in the form (kind "change") and stops it when the list has been
# replaced and shows a hit for `query`: the moment a reader sees the first result.
LATENCY_JS = """
window.__evLatency = {};
window.__evArm = (name, kind, query) => {
  const finder = document.getElementById('ev-finder');
  const list = document.getElementById('ev-finder-results');
  const rec = window.__evLatency[name] = {start: null, end: null, replaced: false};
  const observer = new MutationObserver((records) => {
    if (rec.start === null || rec.end !== null) { return; }
    if (records.some((r) => r.target === list && r.removedNodes.length > 0)) { rec.replaced = true; }
    if (rec.replaced && finder.getAttribute('data-query') === query && list.querySelector(':scope > li')) {
      rec.end = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(finder, {attributes: true, childList: true, subtree: true});
  const target = kind === 'enter' ? document.getElementById('ev-finder-q') : finder.querySelector('form');
  target.addEventListener(kind === 'enter' ? 'keydown' : 'change', (event) => {
    if (rec.start === null && (kind !== 'enter' || event.key === 'Enter')) { rec.start = performance.now(); }
  }, {capture: true});
};
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them, minus compression (gzip sizes are computed per file)."""

    def send_head(self):
        """Log each file actually sent (path on disk, bytes, URL), so a session's bytes can be summed by URL."""
        handle = super().send_head()
        if handle is not None and hasattr(handle, "fileno"):
            path = self.translate_path(self.path)
            path = os.path.join(path, "index.html") if os.path.isdir(path) else path
            self.server.sent.append((path, os.fstat(handle.fileno()).st_size, self.path))
        return handle

    def log_message(self, *args):
        """Silence: the benchmark's own output is the report."""

    def handle(self):
        """A browser closing a connection mid-file (a new context, a cancelled fetch) is normal here."""
        with contextlib.suppress(ConnectionError):
            super().handle()


class Server:
    """The built site on 127.0.0.1 without compression, logging every file it sends: bytes are counted at the
    server, since Pagefind fetches in a worker that the page's own resource timing misses."""

    def __init__(self, site: Path):
        """Start serving at once on a free port, in a thread: the browser and the bench share one process."""
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
        self.log = self.httpd.sent = []
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def quiet(self, settle: float = 0.5, limit: float = 30) -> None:
        """Wait until nothing has been sent for `settle` seconds: a page's lazy fetches are part of its weight."""
        end, count, since = time.perf_counter() + limit, len(self.log), time.perf_counter()
        while time.perf_counter() < end and time.perf_counter() - since < settle:
            time.sleep(0.1)
            if len(self.log) != count:
                count, since = len(self.log), time.perf_counter()

    def bytes_since(self, mark: int, under: str = "") -> dict:
        """Files sent since `mark` (optionally only under a URL path): raw, gzip level 6 (what a host like GitHub
        Pages sends) and requests."""
        sent = [(path, size) for path, size, url in self.log[mark:] if url.startswith(under)]
        return {"raw": sum(size for _, size in sent), "gzip": sum(_gz(path, size) for path, size in sent), "requests": len(sent)}

    def close(self) -> None:
        """Stop serving; the next site gets its own server and log."""
        self.httpd.shutdown()
        self.httpd.server_close()


_gz_sizes: dict[str, int] = {}


def _gz(path: str, size: int) -> int:
    """A file's gzip size, once per file: the same Material assets are sent with every page."""
    if path not in _gz_sizes:
        data = Path(path).read_bytes() if Path(path).is_file() else b""
        _gz_sizes[path] = min(size, len(gzip.compress(data, 6, mtime=0))) if data else size
    return _gz_sizes[path]


@contextlib.contextmanager
def chromium():
    """Debian's Chromium through Playwright (never a downloaded browser), headless and quiet."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def cold_page(browser):
    """A new browser context per visit: empty cache, as a first-time reader."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def bench_weight(work: Path, site: Path, browser) -> dict:
    """Bytes of each page type loaded cold until the network is quiet, against a one-page bare Material site."""
    result = {}
    for root, pages in ((bare_material(work / "bare-material"), {"bar Material-side": ""}), (site, page_urls(site))):
        server = Server(root)
        try:
            for name, url in pages.items():
                with cold_page(browser) as page:
                    mark = len(server.log)
                    page.goto(server.url + url, wait_until="networkidle")
                    server.quiet()
                    result[name] = {"url": "/" + url, **server.bytes_since(mark)}
        finally:
            server.close()
    return {"pages": result}


def page_urls(site: Path) -> dict[str, str]:
    """The URL of each page type in this build (see PAGE_TYPES); a type the build lacks is left out."""
    found = {}
    for name, patterns in PAGE_TYPES.items():
        for pattern in patterns:
            hits = sorted(site.glob(pattern + "index.html"))
            if hits:
                rel = hits[0].parent.relative_to(site).as_posix()
                found[name] = "" if rel == "." else rel + "/"
                break
    return found


def bare_material(project: Path) -> Path:
    """The yardstick for weight: one short page with Material's defaults, system fonts as the site, and search."""
    site = project / "site"
    if not (site / "index.html").is_file():
        (project / "docs").mkdir(parents=True, exist_ok=True)
        (project / "docs" / "index.md").write_text("# En kort side\n\nEn kort tekst om socialrådgiveres arbejdsvilkår.\n",
                                                   encoding="utf-8")
        (project / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "Bar Material-side", "plugins": ["search"],
                                                            "theme": {"name": "material", "language": "da", "font": False}}))
        subprocess.run([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=project, env=env(), check=True)
    return site


def bench_search(site: Path, browser, visits: int = 3, relevance_of: Path | None = None) -> dict:
    """The quote finder in `visits` cold visits (medians of the times, bytes of the first visit's session) and one
    site search session: what a reader waits for and downloads at this corpus size. With `relevance_of` (a project),
    also how well its quotes' phrases are found (bench/relevance.py)."""
    server = Server(site)
    try:
        runs = [finder_visit(browser, server) for _ in range(visits)]
        result = {key: _median([r.get(key) for r in runs]) for key in ("first_ms", "enter_ms", "facet_ms")}
        result |= {"finder_bytes": runs[0]["bytes"], "runs": runs,
                   "site_search_bytes": site_search_session(browser, server, page_urls(site).get("temaside", ""))}
        if relevance_of is not None:
            result["relevance"] = bench_relevance(browser, server.url, relevance_of)
        return result
    finally:
        server.close()


def finder_visit(browser, server: Server) -> dict:
    """One cold visit of the quote finder: time to the first quote; click the field, type the query (60 ms a key),
    Enter → first result; unfold Tema, tick the first theme → first new result. Bytes: all under /citatindeks/."""
    row: dict = {"timeouts": []}
    with cold_page(browser) as page:
        page.add_init_script(FIRST_RESULT_JS)
        page.add_init_script(LATENCY_JS)
        mark = len(server.log)
        page.goto(server.url + FINDER, wait_until="load")
        if _until(page, "document.querySelector('#ev-finder-results > li') !== null", "første citat", row):
            row["first_ms"] = round(page.evaluate("window.__evFirstResult"))
        page.evaluate(f"window.__evArm('enter', 'enter', {QUERY!r})")
        page.click("#ev-finder-q")
        page.type("#ev-finder-q", QUERY, delay=60)
        page.press("#ev-finder-q", "Enter")  # at once, before the field's own debounced search
        row["enter_ms"] = _clock(page, "enter", row)
        if row["enter_ms"] is not None:
            page.click("details[data-facet=tema] summary")  # facets start folded; a reader unfolds Tema
            page.evaluate(f"window.__evArm('facet', 'change', {QUERY!r})")
            page.locator("#ev-finder input[name=tema]").first.check()
            row["facet_ms"] = _clock(page, "facet", row)
        server.quiet()
        row["bytes"] = server.bytes_since(mark, f"/{INDEX_DIR}/")
    return row


def site_search_session(browser, server: Server, url: str) -> dict:
    """The site search as a reader uses it: the query in the header box of a page, Enter (→ /soeg/?q=…), until a
    result is listed; bytes of everything under /soegeindeks/ (Pagefind's files for the site search)."""
    with cold_page(browser) as page:
        page.goto(server.url + url, wait_until="networkidle")
        server.quiet()
        mark = len(server.log)
        page.type("#ev-header-q", QUERY, delay=60)
        page.press("#ev-header-q", "Enter")
        page.wait_for_selector("#ev-search-results li", timeout=WAIT_MS)
        server.quiet()
        return server.bytes_since(mark, f"/{SITE_INDEX_DIR}/")


def _until(page, condition: str, what: str, row: dict) -> bool:
    """Wait for a condition in the page; a timeout is noted in the row instead of ending the benchmark."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, timeout=WAIT_MS)
        return True
    except PlaywrightTimeout:
        row["timeouts"].append(what)
        return False


def _clock(page, name: str, row: dict) -> float | None:
    """Milliseconds measured by the clock LATENCY_JS armed under `name`, or None if no result came."""
    if not _until(page, f"window.__evLatency.{name} && window.__evLatency.{name}.end !== null", name, row):
        return None
    rec = page.evaluate(f"window.__evLatency.{name}")
    return round(rec["end"] - rec["start"]) if rec.get("start") is not None else None


def _median(values: list) -> float | None:
    """Median of the visits that produced a value: one timed-out visit should not hide the others."""
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
