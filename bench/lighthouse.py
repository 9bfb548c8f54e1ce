"""Reader speed per page type: Lighthouse (pinned in tools/lighthouse/, `make lighthouse`) with its mobile preset
against the built site served with gzip, as GitHub Pages serves it; the median of three runs per page type."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import threading
from pathlib import Path

from bench.browser import QUERY, page_urls
from bench.common import CHROMIUM, ROOT
from evidence.urls import SURVEY

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
RUNS = 3
# The page types measured: the weight step's types (bench/browser.py) and the survey overview.
PAGE_TYPES = ("forside", "temaside", "anbefaling", "citatsøgning", "tal", "citatsamling", "sitesøgning")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".webmanifest", ".mjs"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with `Content-Encoding: gzip` for text, as GitHub Pages sends them."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()  # other files, and the redirect of a folder to its address with a slash
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Body:
    """What send_head returns: copyfile() reads it, then it is closed."""

    def __init__(self, data: bytes):
        self.data, self.done = data, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self) -> None:
        pass


@functools.cache
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6, mtime=0)


@contextlib.contextmanager
def gzip_server(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def bench_lighthouse(work: Path, site: Path) -> dict:
    """Per page type: median performance score, CLS, accessibility score and bytes transferred of three runs."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError("Lighthouse er ikke installeret: kør `make lighthouse` (make bench gør det)")
    # The site search as a reader reaches it: a query from the search field in the header.
    urls = {**page_urls(site), "tal": SURVEY}
    urls["sitesøgning"] = f"{urls['sitesøgning']}?q={QUERY}"
    result = {"version": _version()}
    with gzip_server(site) as base:
        for name in PAGE_TYPES:
            if name in urls:
                runs = [_run(base + urls[name], work / "lighthouse" / f"{name}-{i}.json") for i in range(RUNS)]
                result[name] = {"url": "/" + urls[name], **_median(runs), "runs": runs}
    return result


def _median(runs: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse's own guidance on variance suggests."""
    ordered = sorted(runs, key=lambda r: r["performance"])
    middle = ordered[len(ordered) // 2]
    return {**middle, "cls_max": max(r["cls"] for r in runs),
            "performance_all": [r["performance"] for r in runs],
            "performance_median": statistics.median(r["performance"] for r in runs)}


def _run(url: str, out: Path) -> dict:
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
         "--only-categories=performance,accessibility",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, timeout=300, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
        "dom_elements": round(audits["dom-size"].get("numericValue") or 0),
    }


def _version() -> str:
    package = LIGHTHOUSE.parents[1] / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]
