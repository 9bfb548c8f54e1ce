"""`make bench`: build time, page weight, search transfer and scale, written to BENCHMARKS.md.

A benchmark, not a test: nothing here passes or fails. Every number is measured on a throwaway
copy of the project (never the real data/ or site/), and BENCHMARKS.md states the machine, the
date and the command. Steps (all on by default; `--only` picks some, `--sizes` the scale factors):

* build   – `scripts.build_site` as `make build` runs it, in one copy: first with nothing in `.cache/`
            (cold: a fresh clone, a first CI run), then, taking turns three times each, again with
            nothing changed (warm: the build memo answers), after editing one quote (edited: data
            read, checked and paged again; charts and unchanged indexes from the cache), and a bare
            `mkdocs build` of the same Markdown after macro rendering; medians are compared; one
            cProfile'd edited build says what dominates;
* serve   – `mkdocs serve` as `make serve` runs it: seconds from editing one testimony's theme tag
            in data/ until the served page shows it;
* weight  – bytes per page type loaded in headless Chromium, by kind of file, raw and gzip,
            against a one-page Material site;
* search  – the quote finder: first quote shown, Enter → results and theme ticked → results (ms in
            the page, 3 cold runs), bytes of a session by kind of Pagefind file; and the site search;
* scale   – the above at 1×, 10× and 100× today's testimonies (scripts.synthetic_corpus), each
            build bounded by `--timeout`.

Raw results also go to a JSON file (`--json`), so the Markdown can be re-rendered with `--render`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import http.server
import importlib.util
import json
import os
import platform
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from scripts.bench_report import render

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
OUT_MD = ROOT / "BENCHMARKS.md"
KB = 1024
SEARCH_QUERY = "sagsbehandler"
FINDER_WAIT_MS = 60_000  # per wait in the quote finder; a timeout is recorded, not raised
FIRST_RESULT_JS = """
(() => {
  const seen = () => {
    const list = document.getElementById('ev-finder-results');
    if (list && list.firstElementChild && window.__evFirstResult === undefined) {
      window.__evFirstResult = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
})();
"""
# The finder's contract: a search's first hit replaces the list shown before (the list is emptied and
# the hit added in one go), and #ev-finder then has data-query = the trimmed query those hits answer;
# data-state="ready" follows when the whole first page is shown. `__evArm(name, kind, query)` starts a
# clock at the next Enter in the search field (kind "enter") or change in the form (kind "change") and
# stops it when, after that event, the list has been replaced and shows a hit for `query`: the moment
# a reader sees the first result.
LATENCY_JS = """
window.__evLatency = {};
window.__evArm = (name, kind, query) => {
  const finder = document.getElementById('ev-finder');
  const list = document.getElementById('ev-finder-results');
  const rec = window.__evLatency[name] = {start: null, end: null, frame: null, replaced: false};
  const shown = () => rec.replaced && finder.getAttribute('data-query') === query
    && list.querySelector(':scope > li') !== null;
  const stop = () => {
    rec.end = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { rec.frame = performance.now(); });
  };
  const observer = new MutationObserver((records) => {
    if (rec.start === null || rec.end !== null) { return; }
    if (records.some((r) => r.target === list && r.removedNodes.length > 0)) { rec.replaced = true; }
    if (shown()) { stop(); }
  });
  observer.observe(finder, {attributes: true, childList: true, subtree: true});
  const target = kind === 'enter' ? document.getElementById('ev-finder-q') : finder.querySelector('form');
  const start = (event) => {
    if (rec.start !== null || (kind === 'enter' && event.key !== 'Enter')) { return; }
    rec.start = performance.now();
  };
  target.addEventListener(kind === 'enter' ? 'keydown' : 'change', start, {capture: true});
};
"""
# What-if for a build that timed out: the Pagefind Python API waits 0.1 s before reading each
# response of its backend, so adding N records costs N × 0.1 s. This replaces the wait with nothing.
PAGEFIND_PATCH = '''
import inspect, textwrap
import pagefind.service as service
_source = textwrap.dedent(inspect.getsource(service.PagefindService._wait_for_responses))
_names = {}
exec(compile(_source.replace("await asyncio.sleep(0.1)", "pass"), "bench-patch", "exec"), service.__dict__, _names)
service.PagefindService._wait_for_responses = _names["_wait_for_responses"]
'''
DUMP_HOOK = '''
"""Bench only: write each page's Markdown after macro rendering, and the nav, for the bare build."""
import json, os
from pathlib import Path
import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ["BENCH_DUMP_DIR"])

@event_priority(-100)
def on_config(config):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config.nav), encoding="utf-8")

@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_dump(page.meta, allow_unicode=True) if page.meta else ""
    target.write_text((f"---\\n{meta}---\\n\\n" if meta else "") + markdown, encoding="utf-8")
    return markdown
'''


# ---------------------------------------------------------------------------------------------
# Machine, projects, processes
# ---------------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), 0)
    chromium = shutil.which("chromium")
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip() if chromium else "–"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(),
        "ram_gib": round(mem / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": platform.platform(),
        "chromium": version,
        "commit": commit + (" (med ucommittede ændringer)" if dirty else ""),
        "loadavg": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def copy_project(target: Path) -> Path:
    """A complete project copy, as the tests make it, plus any hand-written pages under docs/."""
    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    conftest.copy_project(target)
    from evidence.generate import GENERATED
    for path in (ROOT / "docs").iterdir():
        if path.name not in GENERATED and not (target / "docs" / path.name).exists():
            if path.is_dir():
                shutil.copytree(path, target / "docs" / path.name)
            else:
                shutil.copy2(path, target / "docs" / path.name)
    return target


def env(**extra: str) -> dict[str, str]:
    result = dict(os.environ)
    result.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    result["NO_MKDOCS_2_WARNING"] = "1"
    result.update(extra)
    return result


def chart_cache(project: Path) -> Path:
    """The copy's own chart cache (evidence/charts.py's default), never the real project's or $EVIDENCE_CHART_CACHE."""
    return project / ".cache" / "charts"


def project_env(project: Path, **extra: str) -> dict[str, str]:
    return env(EVIDENCE_CHART_CACHE=str(chart_cache(project)), **extra)


def cached_charts(project: Path) -> int:
    folder = chart_cache(project)
    return sum(1 for _ in folder.glob("*.svg")) if folder.is_dir() else 0


@dataclass
class Run:
    seconds: float
    peak_rss_mib: float
    returncode: int | None
    timed_out: bool
    timeout: float
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def run_measured(cmd: list[str], cwd: Path, log: Path, timeout: float, environ: dict | None = None) -> Run:
    """Run a command in its own process group; wall time and peak RSS (wait4) of its process tree."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=environ or env(), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                timed_out = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(round(seconds, 2), round(usage.ru_maxrss / 1024, 1), None if timed_out else proc.returncode,
               timed_out, timeout, str(log))


def build(project: Path, site: Path, logs: Path, name: str, timeout: float, environ: dict | None = None) -> Run:
    """`make build`: scripts.build_site (validate, then mkdocs build --strict into a staging folder).

    Charts are cached in the copy (`<copy>/.cache/charts`): the first build of a copy is cold."""
    return run_measured([PY, "-m", "scripts.build_site", "--site-dir", str(site)], project,
                        logs / f"{name}.log", timeout, environ or project_env(project))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mib(n: float) -> float:
    return round(n / KB / KB, 2)


def kib(n: float) -> float:
    return round(n / KB, 1)


# ---------------------------------------------------------------------------------------------
# 1. Build time: full vs bare, and a profile
# ---------------------------------------------------------------------------------------------

def bench_build(work: Path, project: Path, site: Path, full: Run, timeout: float, repeats: int = 3) -> dict:
    """`full` is the copy's first build: nothing cached. Then, in the same copy, the same number of
    runs of each, in turn, so a slow spell of a shared machine hits all kinds alike:
    warm (`make build` again, nothing changed), bare (`mkdocs build` of the rendered Markdown) and
    edited (one quote's theme changed before each build: the data are read, checked and turned into
    pages again, charts and the site's search index come from the caches only where unchanged).
    The profile is of one more edited build: what is left of the project's own work after an edit."""
    logs = work / "logs"
    charts = {"after_cold": cached_charts(project)}
    dump = work / "rendered"
    hook = project / "bench_dump_hook.py"
    hook.write_text(DUMP_HOOK, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    dump_cfg = project / "mkdocs.bench-dump.yml"
    dump_cfg.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml",
                                        "hooks": [*config.get("hooks", []), "bench_dump_hook.py"]}), encoding="utf-8")
    dumped = run_measured([PY, "-m", "mkdocs", "build", "-f", str(dump_cfg), "--site-dir", str(work / "site-dumped")],
                          project, logs / "dumped.log", timeout, project_env(project, BENCH_DUMP_DIR=str(dump)))
    result = {"full": asdict(full), "chart_cache": charts, "full_mkdocs_seconds": _mkdocs_seconds(full.log)}
    if not dumped.ok:
        return result | {"dumped": asdict(dumped)}
    bare = make_bare(work / "bare-project", project, dump, config)
    item_id, _, _ = edit_target(project)
    themes = _themes_to_try(project, item_id)
    runs: dict[str, list[Run]] = {"warm": [], "bare": [], "edited": []}
    for i in range(repeats):
        runs["warm"].append(build(project, site, logs, f"build-1x-warm-{i}", timeout))
        runs["bare"].append(run_measured([PY, "-m", "mkdocs", "build", "--site-dir", str(work / f"site-bare-{i}")],
                                         bare, logs / f"bare-{i}.log", timeout))
        edit(project, item_id, themes[i])
        runs["edited"].append(build(project, work / "site-edited", logs, f"build-1x-edited-{i}", timeout))
    charts["after_edited"] = cached_charts(project)
    edit(project, item_id, themes[repeats])
    prof = work / "build.prof"
    profiled = run_measured([PY, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build",
                             "--site-dir", str(work / "site-profiled")], project, logs / "profiled.log", timeout,
                            project_env(project))
    medians = {kind: statistics.median(r.seconds for r in kind_runs) for kind, kind_runs in runs.items()}
    result |= {
        **{kind: [asdict(r) for r in kind_runs] for kind, kind_runs in runs.items()},
        **{f"{kind}_median": seconds for kind, seconds in medians.items()},
        "ratio": round(full.seconds / medians["bare"], 2),
        "ratio_warm": round(medians["warm"] / medians["bare"], 2) if all(r.ok for r in runs["warm"]) else None,
        "ratio_edited": round(medians["edited"] / medians["bare"], 2) if all(r.ok for r in runs["edited"]) else None,
        "bare_pages": sum(1 for _ in (dump / "docs").rglob("*.md")),
        "profiled": asdict(profiled),
        "profiled_cache": "edited",
        "edit": f"{item_id}: sidste tema-tag skiftet før hver bygning ({', '.join(themes[:repeats])})",
    }
    if profiled.ok:
        result["profile"] = profile_summary(prof)
    return result


def _themes_to_try(project: Path, item_id: str) -> list[str]:
    """Themes the quote does not have yet, one for each edited build: each edit is a new state of the data."""
    path = project / "data" / "quotes" / "ds-2020" / "testimonies.yml"
    item = next(i for i in yaml.safe_load(path.read_text(encoding="utf-8")) if i["id"] == item_id)
    themes = [t["id"] for t in yaml.safe_load((project / "data" / "themes.yml").read_text(encoding="utf-8"))]
    return [t for t in themes if t not in item["themes"]]


def _mkdocs_seconds(log: str) -> float | None:
    match = re.search(r"Documentation built in ([\d.]+) seconds", _read(log))
    return float(match.group(1)) if match else None


def make_bare(bare: Path, project: Path, dump: Path, config: dict) -> Path:
    """A plain MkDocs project of the rendered pages: Material + search, no macros, no hooks."""
    shutil.rmtree(bare, ignore_errors=True)
    shutil.copytree(project / "docs", bare / "docs")
    for path in (dump / "docs").rglob("*.md"):
        target = bare / "docs" / path.relative_to(dump / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    search = next((p for p in config.get("plugins", []) if isinstance(p, dict) and "search" in p), "search")
    (bare / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "theme": theme,
        "plugins": [search],
        "markdown_extensions": config.get("markdown_extensions", []),
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "nav": json.loads((dump / "nav.json").read_text(encoding="utf-8")),
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bare


PROFILE_ROWS = [
    ("Hele `mkdocs build` (under cProfile)", "mkdocs/commands/build.py", "build"),
    ("Hook `on_config`: data og sidegenerering (`macros/hooks.py`)", "macros/hooks.py", "on_config"),
    ("  heraf data: indlæs og valider (`evidence.dataset.load_dataset`)", "evidence/dataset.py", "load_dataset"),
    ("    heraf YAML med linjenumre (`contract.read_all`)", "evidence/contract.py", "read_all"),
    ("  heraf sider og downloads beregnes (`evidence.generate.generated`)", "evidence/generate.py", "generated"),
    ("    heraf CSV-downloads af tal og indlejringssider (`generate.survey_downloads`)", "evidence/generate.py",
     "survey_downloads"),
    ("  heraf filer skrives (`evidence.generate.write`)", "evidence/generate.py", "write"),
    ("Byggehukommelsen læses (`build_memo.open_memo`)", "evidence/build_memo.py", "open_memo"),
    ("Byggehukommelsen gemmes (`build_memo.Memo.save`)", "evidence/build_memo.py", "save"),
    ("Makroer (mkdocs-macros `on_page_markdown`)", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("Diagrammer i alt (`charts._drawn_once`: cache, ellers Altair-spec + vl-convert)", "evidence/charts.py",
     "_drawn_once"),
    ("  heraf vl-convert (`vegalite_to_svg`)", "", "vegalite_to_svg"),
    ("Markdown → HTML (`Page.render`)", "mkdocs/structure/pages.py", "render"),
    ("Temaskabeloner (`_build_page`, Jinja)", "mkdocs/commands/build.py", "_build_page"),
    ("Hook `on_env`: sitesøgningens indeks startes (`macros/hooks.py`)", "macros/hooks.py", "on_env"),
    ("Hook `on_post_build`: Pagefind-indekser (citatsøgning og sitesøgning)", "macros/hooks.py", "on_post_build"),
    ("  heraf venten på svar fra pagefind (`epoll.poll`)", "", "poll"),
]


def profile_summary(prof: Path) -> dict:
    stats = pstats.Stats(str(prof)).stats
    rows = []
    for label, file_part, func in PROFILE_ROWS:
        matches = [(key, value) for key, value in stats.items()
                   if (key[2] == func or (not file_part and func in key[2])) and file_part in key[0]]
        if not matches:
            rows.append({"label": label, "seconds": None, "calls": None})
            continue
        rows.append({"label": label, "seconds": round(sum(v[3] for _, v in matches), 2),
                     "calls": sum(v[1] for _, v in matches)})
    own = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:8]
    top = [{"function": f"{Path(k[0]).name}:{k[1]}({k[2]})" if k[0] != "~" else k[2],
            "own_seconds": round(v[2], 2), "calls": v[1]} for k, v in own]
    return {"rows": rows, "top_own_time": top}


# ---------------------------------------------------------------------------------------------
# 1b. Incremental rebuild under mkdocs serve
# ---------------------------------------------------------------------------------------------

def bench_serve(work: Path, timeout: float, edit_timeout: float = 150) -> dict:
    results = {}
    for variant, extra in (("make serve", []), ("make serve + --watch data", ["--watch", "data"])):
        project = copy_project(work / f"serve-{len(results)}")
        results[variant] = serve_once(project, work / "logs" / f"serve-{len(results)}.log", extra, timeout, edit_timeout)
        if variant == "make serve" and results[variant].get("reflected_seconds") is not None:
            break  # data/ is watched already: no need for the what-if
    return results


def serve_once(project: Path, log: Path, extra: list[str], timeout: float, edit_timeout: float) -> dict:
    port = free_port()
    # mkdocs serve mounts the site under the path of site_url, as it will be deployed.
    site_url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or "/"
    base = f"http://127.0.0.1:{port}" + "/" + urllib.parse.urlsplit(site_url).path.strip("/") + "/"
    base = base.replace("//", "/").replace("http:/", "http://")
    item_id, new_theme, page_url = edit_target(project)
    url = base + page_url
    cmd = [PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", *extra]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=project_env(project), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            before = _wait_for(lambda: _get(url) or (proc.poll() is not None and "exit"), timeout)
            first_build = time.perf_counter() - start
            if before is None or before == "exit":
                return {"command": " ".join(cmd[2:]), "error": f"siden blev ikke serveret inden for {timeout:.0f} s"}
            time.sleep(2)  # let the watcher settle after the first build
            log_before = len(_read(str(log)))
            edit(project, item_id, new_theme)
            t0 = time.perf_counter()
            marker = f"temaer/{new_theme}/"
            reflected = _wait_for(lambda: marker in _article(_get(url) or "", item_id) or None, edit_timeout, 0.05)
            reflected_s = time.perf_counter() - t0 if reflected else None
            rebuilt = _wait_for(lambda: "Reloading browsers" in _read(str(log))[log_before:] or None,
                                edit_timeout if reflected else 1, 0.1)
            rebuild_s = time.perf_counter() - t0 if rebuilt else None
            detected = "Detected file changes" in _read(str(log))[log_before:]
        finally:
            proc.send_signal(signal.SIGINT)  # as Ctrl+C: mkdocs serve removes its temporary site folder
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return {"command": "python -m mkdocs " + " ".join(cmd[3:]), "first_build_seconds": round(first_build, 1),
            "edit": f"{item_id}: sidste tema-tag ændret til {new_theme}", "page": page_url,
            "change_detected": detected, "reflected_seconds": None if reflected_s is None else round(reflected_s, 2),
            "rebuild_done_seconds": None if rebuild_s is None else round(rebuild_s, 2), "edit_timeout": edit_timeout}


def edit_target(project: Path) -> tuple[str, str, str]:
    """The first testimony of the long collection, a theme it lacks, and its canonical page."""
    path = project / "data" / "quotes" / "ds-2020" / "testimonies.yml"
    item = yaml.safe_load(path.read_text(encoding="utf-8"))[0]
    themes = [t["id"] for t in yaml.safe_load((project / "data" / "themes.yml").read_text(encoding="utf-8"))]
    new = next(t for t in themes if t not in item["themes"])
    return item["id"], new, f"citater/ds-2020/fortaellinger/{(item['locator']['order'] - 1) // 50 + 1}/"


def edit(project: Path, item_id: str, new_theme: str) -> None:
    """Replace the testimony's last theme tag: the text stays verbatim, validation still passes."""
    path = project / "data" / "quotes" / "ds-2020" / "testimonies.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {item_id}\n")
    line_start = text.index("  themes: [", start)
    line_end = text.index("]", line_start)
    themes = [t.strip() for t in text[line_start + len("  themes: ["):line_end].split(",")]
    themes[-1] = new_theme
    path.write_text(text[:line_start] + "  themes: [" + ", ".join(themes) + text[line_end:], encoding="utf-8")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _article(html: str, item_id: str) -> str:
    start = html.find(f'id="{item_id}"')
    return html[start:html.find("</article>", start)] if start >= 0 else ""


def _wait_for(probe, timeout: float, interval: float = 0.25):
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        value = probe()
        if value:
            return value
        time.sleep(interval)
    return None


# ---------------------------------------------------------------------------------------------
# 2–3. Browser: page weight and search sessions
# ---------------------------------------------------------------------------------------------

class LoggingServer:
    """Serves a built site on 127.0.0.1 and records every file it sends (no compression)."""

    def __init__(self, site: Path):
        self.site = site
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site), **kwargs)

            def send_head(self):
                handle = super().send_head()
                if handle is not None and hasattr(handle, "fileno"):
                    server.log.append((self.path.split("?")[0], os.fstat(handle.fileno()).st_size))
                return handle

            def log_message(self, format, *args):  # noqa: A002 - base class signature
                pass

            def handle(self):
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def mark(self) -> int:
        return len(self.log)

    def since(self, mark: int) -> list[tuple[str, int]]:
        return list(self.log[mark:])

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if "/citatindeks/" in path:
        return "citatindeks"
    if "/soegeindeks/" in path:
        return "soegeindeks"
    if name == "search_index.json":
        return "search_index"
    if path.endswith("/") or name.endswith(".html"):
        return "html"
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    return {"css": "css", "js": "js", "mjs": "js", "woff": "fonts", "woff2": "fonts", "ttf": "fonts",
            "svg": "images", "png": "images", "jpg": "images", "webp": "images", "ico": "images"}.get(ext, "other")


def file_of(site: Path, path: str) -> Path:
    rel = urllib.request.url2pathname(path).lstrip("/")
    target = site / rel
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


_gz_cache: dict[Path, int] = {}


def gz_size(path: Path) -> int:
    if path not in _gz_cache:
        data = path.read_bytes()
        _gz_cache[path] = min(len(data), len(gzip.compress(data, 6, mtime=0)))
    return _gz_cache[path]


def tally(site: Path, entries: list[tuple[str, int]]) -> dict:
    result: dict[str, dict] = {}
    for path, size in entries:
        bucket = result.setdefault(kind_of(path), {"raw": 0, "gzip": 0, "requests": 0})
        bucket["raw"] += size
        bucket["gzip"] += gz_size(file_of(site, path)) if file_of(site, path).is_file() else size
        bucket["requests"] += 1
    result["total"] = {key: sum(b[key] for k, b in result.items() if k != "total") for key in ("raw", "gzip", "requests")}
    return result


def inline_svg(html_file: Path) -> dict:
    svgs = re.findall(r"<svg\b.*?</svg>", html_file.read_text(encoding="utf-8"), flags=re.S)
    blob = "".join(svgs).encode("utf-8")
    return {"count": len(svgs), "raw": len(blob), "gzip": len(gzip.compress(blob, 6, mtime=0)) if blob else 0}


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if not executable:
        raise SystemExit("Chromium mangler: kør `make browser` (Debians pakke chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def page_types(site: Path) -> dict[str, str]:
    def first(folder: str) -> str | None:
        base = site / folder
        dirs = sorted(p for p in base.iterdir() if (p / "index.html").is_file()) if base.is_dir() else []
        return f"{folder}/{dirs[0].name}/" if dirs else None

    waves = sorted(p.name for p in (site / "tal").iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name))
    real_wave = "2025" if "2025" in waves else (waves[0] if waves else "")
    listing = next((f"{p.parent.relative_to(site).as_posix()}/" for p in sorted((site / "citater").rglob("index.html"))
                    if "fortaellinger" in p.as_posix()), "citater/")
    candidates = {
        "forside": "",
        "temahub": first("temaer"),
        "indsigt": "indsigter/1/" if (site / "indsigter/1/index.html").is_file() else first("indsigter"),
        "spørgsmål": first(f"tal/{real_wave}"),
        "anbefalinger": "anbefalinger/",
        "find-citater": "find-citater/",
        "citatliste": listing,
        "metode": "metode/",
        "kilder": "kilder/",
    }
    return {name: url for name, url in candidates.items() if url is not None and (site / url / "index.html").is_file()}


def load_page(browser, server: LoggingServer, url: str) -> list[tuple[str, int]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        mark = server.mark()
        page = context.new_page()
        page.goto(server.url + url, wait_until="networkidle")
        page.wait_for_timeout(300)
        _quiet(server)
        return server.since(mark)
    finally:
        context.close()


def _quiet(server: LoggingServer, settle: float = 0.6, limit: float = 30) -> None:
    """Wait until the server has sent nothing for `settle` seconds."""
    end = time.perf_counter() + limit
    count, since = server.mark(), time.perf_counter()
    while time.perf_counter() < end:
        time.sleep(0.1)
        if server.mark() != count:
            count, since = server.mark(), time.perf_counter()
        elif time.perf_counter() - since >= settle:
            return


def bench_weight(work: Path, site: Path, browser) -> dict:
    bare = bare_material(work / "bare-material")
    result = {"pages": {}, "bare_material": None}
    for label, root in (("bare_material", bare), ("site", site)):
        server = LoggingServer(root)
        try:
            pages = {"bare-material": ""} if label == "bare_material" else page_types(root)
            for name, url in pages.items():
                entries = load_page(browser, server, url)
                row = {"url": "/" + url, "by_kind": tally(root, entries), "inline_svg": inline_svg(file_of(root, "/" + url))}
                if label == "bare_material":
                    result["bare_material"] = row
                else:
                    result["pages"][name] = row
        finally:
            server.close()
    index = site / "search" / "search_index.json"
    result["search_index"] = {"raw": index.stat().st_size, "gzip": gz_size(index)} if index.is_file() else None
    theme = result["pages"].get("temahub")
    if theme and result["bare_material"]:
        ours, bare = theme["by_kind"]["total"], result["bare_material"]["by_kind"]["total"]
        result["theme_ratio"] = round(ours["gzip"] / bare["gzip"], 2)
        result["theme_ratio_raw"] = round(ours["raw"] / bare["raw"], 2)
        without = [row["by_kind"].get("search_index", {}).get("gzip", 0) for row in (theme, result["bare_material"])]
        result["theme_ratio_without_search_index"] = round((ours["gzip"] - without[0]) / (bare["gzip"] - without[1]), 2)
    return result


def bare_material(project: Path) -> Path:
    """One page of short text with Material's defaults (system fonts, as the site uses), and search."""
    site = project / "site"
    if (site / "index.html").is_file():
        return site
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "index.md").write_text(
        "# En kort side\n\nEn kort tekst om socialrådgiveres arbejdsvilkår, til sammenligning.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Bar Material-side", "theme": {"name": "material", "language": "da", "font": False},
        "plugins": ["search"]}), encoding="utf-8")
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=project, env=env(), check=True)
    return site


FINDER_KINDS = ("js", "wasm", "meta", "index", "filter", "fragment", "other")


def finder_kind(path: str) -> str:
    """Which part of Pagefind a file under /citatindeks/ is."""
    name = path.rsplit("/", 1)[-1]
    if "/fragment/" in path:
        return "fragment"
    if "/filter/" in path:
        return "filter"
    if "/index/" in path:
        return "index"
    if name.startswith("wasm."):
        return "wasm"
    if name.endswith(".pf_meta") or name == "pagefind-entry.json":
        return "meta"
    if name.endswith(".js"):
        return "js"
    return "other"


def finder_tally(site: Path, entries: list[tuple[str, int]]) -> dict:
    """Bytes under /citatindeks/ by kind of Pagefind file (raw and gzip), with a total."""
    result: dict[str, dict] = {}
    for path, size in entries:
        if kind_of(path) != "citatindeks":
            continue
        bucket = result.setdefault(finder_kind(path), {"raw": 0, "gzip": 0, "requests": 0})
        bucket["raw"] += size
        bucket["gzip"] += gz_size(file_of(site, path)) if file_of(site, path).is_file() else size
        bucket["requests"] += 1
    result["total"] = {key: sum(b[key] for k, b in result.items() if k != "total") for key in ("raw", "gzip", "requests")}
    return result


def _finder_wait(page, condition: str, what: str, timeouts: list[str], timeout_ms: int | None = None) -> bool:
    """Wait for a JS condition in the finder page; a timeout is recorded (with what the page showed) and returns False."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    timeout_ms = timeout_ms or FINDER_WAIT_MS
    try:
        page.wait_for_function(condition, timeout=timeout_ms)
        return True
    except PlaywrightTimeout:
        timeouts.append(f"{what}: ikke inden for {timeout_ms / 1000:.0f} s ({_finder_shows(page)})")
        return False


def _finder_shows(page) -> str:
    with contextlib.suppress(Exception):
        return page.evaluate("""(() => {
          const f = document.getElementById('ev-finder');
          const n = document.querySelectorAll('#ev-finder-results > li').length;
          return `data-state=${f && f.getAttribute('data-state')}, data-query=${f && f.getAttribute('data-query')}, `
            + `${n} citater i listen`;
        })()""")
    return "siden svarede ikke"


def _shown_for(query: str) -> str:
    return ("(() => { const f = document.getElementById('ev-finder'); return f && f.getAttribute('data-state') === 'ready'"
            f" && f.getAttribute('data-query') === {json.dumps(query)}"
            " && document.querySelector('#ev-finder-results > li') !== null; })()")


STATIC_SHOWN = ("(() => { const f = document.getElementById('ev-finder'); return f && f.getAttribute('data-state') === 'static'"
                " && document.querySelector('#ev-finder-results > li') !== null; })()")


def _latency(page, name: str, timeouts: list[str], what: str) -> dict:
    """The clock armed by LATENCY_JS under `name`: ms from the event to the results, or the timeout."""
    ok = _finder_wait(page, f"window.__evLatency[{json.dumps(name)}] && window.__evLatency[{json.dumps(name)}].end !== null",
                      what, timeouts)
    rec = page.evaluate(f"window.__evLatency[{json.dumps(name)}]") or {}
    if not ok or rec.get("start") is None:
        return {"ms": None, "timeout": True}
    page.wait_for_timeout(50)  # let the frame after the results be drawn
    rec = page.evaluate(f"window.__evLatency[{json.dumps(name)}]")
    return {"ms": round(rec["end"] - rec["start"], 1),
            "frame_ms": round(rec["frame"] - rec["start"], 1) if rec.get("frame") is not None else None, "start": rec["start"]}


def finder_run(browser, server: LoggingServer) -> dict:
    """One cold visit (new context): first quote shown; focus, type, Enter → results; tick a theme → results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    timeouts: list[str] = []
    try:
        page = context.new_page()
        page.add_init_script(FIRST_RESULT_JS)
        page.add_init_script(LATENCY_JS)
        mark = server.mark()
        page.goto(server.url + "find-citater/", wait_until="load")
        shown = _finder_wait(page, "document.querySelector('#ev-finder-results > li') !== null", "første citat", timeouts)
        first = page.evaluate("window.__evFirstResult")
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        row = {"first_result_ms": round(first, 1) if first is not None and shown else None, "load_event_ms": round(load, 1),
               "enter_ms": None, "facet_ms": None}
        _quiet(server, settle=0.4)
        # Counted at the server: Pagefind fetches its chunks in a worker, which the page's Resource Timing misses.
        row["index_at_load"] = finder_tally(server.site, server.since(mark))["total"]
        # A reader: clicks the field (the finder starts loading Pagefind), types, presses Enter at once
        # (before the input's own debounced search), and looks at the results.
        page.evaluate(f"window.__evArm('enter', 'enter', {json.dumps(SEARCH_QUERY)})")
        page.click("#ev-finder-q")
        focused = page.evaluate("performance.now()")
        page.type("#ev-finder-q", SEARCH_QUERY, delay=60)
        mark = server.mark()
        page.press("#ev-finder-q", "Enter")
        enter = _latency(page, "enter", timeouts, f"Enter → resultater for »{SEARCH_QUERY}«")
        row["enter_ms"], row["enter_frame_ms"] = enter["ms"], enter.get("frame_ms")
        if enter["ms"] is not None:
            row["focus_to_enter_ms"] = round(enter["start"] - focused, 1)
            _quiet(server, settle=0.4)
            row["index_after_enter"] = finder_tally(server.site, server.since(mark))["total"]
            mark = server.mark()
            page.click("details[data-facet=tema] summary")  # facets start folded; a reader unfolds Tema
            page.evaluate(f"window.__evArm('facet', 'change', {json.dumps(SEARCH_QUERY)})")
            page.locator("#ev-finder input[name=tema]").first.check()
            facet = _latency(page, "facet", timeouts, "tema afkrydset → nye resultater")
            row["facet_ms"], row["facet_frame_ms"] = facet["ms"], facet.get("frame_ms")
            _quiet(server, settle=0.4)
            row["index_after_facet"] = finder_tally(server.site, server.since(mark))["total"]
        if timeouts:
            row["timeouts"] = timeouts
        return row
    finally:
        context.close()


def finder_runs(browser, server: LoggingServer, runs: int = 3) -> list[dict]:
    """Cold visits of the finder; after a timeout the remaining runs are skipped (they would time out too)."""
    rows = []
    for _ in range(runs):
        rows.append(finder_run(browser, server))
        if rows[-1].get("timeouts"):
            break
    return rows


def finder_session(browser, server: LoggingServer, site: Path) -> dict:
    """Open the quote finder, type a query, tick a theme, reset: bytes under /citatindeks/, by kind and by step."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    timeouts: list[str] = []
    phases: dict[str, dict] = {}
    try:
        mark = server.mark()
        page = context.new_page()
        page.add_init_script(FIRST_RESULT_JS)
        page.add_init_script(LATENCY_JS)
        page.goto(server.url + "find-citater/", wait_until="load")
        _finder_wait(page, "document.querySelector('#ev-finder-results > li') !== null", "første citat", timeouts)
        first = page.evaluate("window.__evFirstResult")
        _quiet(server)
        at_load = server.since(mark)
        phases["load"] = finder_tally(site, at_load)["total"]

        step = server.mark()
        page.click("#ev-finder-q")
        page.type("#ev-finder-q", SEARCH_QUERY, delay=60)  # the input's debounced search runs the query
        _finder_wait(page, _shown_for(SEARCH_QUERY), f"resultater for »{SEARCH_QUERY}«", timeouts)
        _quiet(server, settle=0.4)
        phases["search"] = finder_tally(site, server.since(step))["total"]

        step = server.mark()
        page.click("details[data-facet=tema] summary")  # facets start folded; a reader unfolds Tema
        page.evaluate(f"window.__evArm('facet', 'change', {json.dumps(SEARCH_QUERY)})")
        page.locator("#ev-finder input[name=tema]").first.check()
        _latency(page, "facet", timeouts, "tema afkrydset → nye resultater")
        _quiet(server, settle=0.4)
        phases["facet"] = finder_tally(site, server.since(step))["total"]

        step = server.mark()
        page.click(".ev-finder__reset")
        _finder_wait(page, STATIC_SHOWN, "nulstil → statisk liste", timeouts)
        _quiet(server, settle=0.4)
        phases["reset"] = finder_tally(site, server.since(step))["total"]

        entries = server.since(mark)
        finder = [e for e in entries if kind_of(e[0]) == "citatindeks"]
        by_kind = finder_tally(site, finder)
        return {
            "first_result_ms": round(first, 1) if first is not None else None,
            "at_load": tally(site, [e for e in at_load if kind_of(e[0]) == "citatindeks"])["total"],
            "session": by_kind["total"],
            "by_kind": by_kind,
            "phases": phases,
            "files": len({e[0] for e in finder}),
            "timeouts": timeouts,
        }
    finally:
        context.close()


def material_search_session(browser, server: LoggingServer, site: Path, url: str) -> dict:
    """Focus Material's search box on a page and type a query: bytes of the index, worker and lunr."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        mark = server.mark()
        page = context.new_page()
        page.goto(server.url + url, wait_until="networkidle")
        _quiet(server)
        loaded = server.mark()
        page.click("label.md-search__icon[for=__search], .md-search__input", timeout=10_000)
        start = time.perf_counter()
        page.type(".md-search__input", SEARCH_QUERY, delay=60)
        page.wait_for_selector(".md-search-result__item", timeout=180_000)
        shown = time.perf_counter() - start
        _quiet(server)
        related = [e for e in server.since(mark) if kind_of(e[0]) == "search_index"
                   or "/workers/" in e[0] or "/lunr/" in e[0]]
        return {
            "search_files": tally(site, related)["total"],
            "after_focus": tally(site, server.since(loaded))["total"],
            "files": sorted({e[0] for e in related}),
            "result_seconds_from_focus": round(shown, 2),
        }
    finally:
        context.close()


def site_search_session(browser, server: LoggingServer, site: Path, url: str) -> dict:
    """The site search as a reader uses it: Pagefind from the header box (→ /soeg/), or Material's search box."""
    if not (site / "soeg" / "index.html").is_file():
        return {"engine": "material"} | material_search_session(browser, server, site, url)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        mark = server.mark()
        page = context.new_page()
        page.goto(server.url + url, wait_until="networkidle")
        _quiet(server)
        loaded = server.mark()
        start = time.perf_counter()
        page.type("#ev-header-q", SEARCH_QUERY, delay=60)
        page.press("#ev-header-q", "Enter")
        page.wait_for_selector("#ev-search-results li", timeout=180_000)
        shown = time.perf_counter() - start
        _quiet(server)
        related = [e for e in server.since(mark) if kind_of(e[0]) in ("soegeindeks", "search_index")]
        return {
            "engine": "pagefind",
            "search_files": tally(site, related)["total"],
            "after_focus": tally(site, server.since(loaded))["total"],
            "files": sorted({e[0].split("/")[1] + "/" + e[0].split("/")[2].split(".")[0] for e in related
                             if e[0].count("/") >= 2}),
            "result_seconds_from_focus": round(shown, 2),
        }
    finally:
        context.close()


def bench_search(site: Path, browser) -> dict:
    server = LoggingServer(site)
    try:
        theme = page_types(site).get("temahub", "")
        finder = finder_session(browser, server, site)
        finder["runs"] = finder_runs(browser, server)
        return {"finder": finder, "material": site_search_session(browser, server, site, theme)}
    finally:
        server.close()


# ---------------------------------------------------------------------------------------------
# 4. Scale
# ---------------------------------------------------------------------------------------------

def site_facts(site: Path) -> dict:
    index = site / "search" / "search_index.json"
    finder = site / "citatindeks"
    site_index = site / "soegeindeks"
    return {
        "site_index_mib": mib(sum(p.stat().st_size for p in site_index.rglob("*") if p.is_file()))
        if site_index.is_dir() else None,
        "pages": sum(1 for _ in site.rglob("index.html")),
        "site_mib": mib(sum(p.stat().st_size for p in site.rglob("*") if p.is_file())),
        "search_index": {"raw": index.stat().st_size, "gzip": gz_size(index)} if index.is_file() else None,
        "finder_index_mib": mib(sum(p.stat().st_size for p in finder.rglob("*") if p.is_file())) if finder.is_dir() else None,
    }


def bench_scale(work: Path, factor: int, timeout: float, what_if: bool, reuse: tuple[Path, Run] | None) -> dict:
    from scripts.synthetic_corpus import generate

    logs = work / "logs"
    if reuse:
        site, run = reuse
        corpus = {"factor": 1, "testimonies": _real_testimonies(), "synthetic_testimonies": 0, "synthetic_waves": []}
    else:
        project = copy_project(work / f"project-{factor}x")
        corpus = generate(project, factor)
        site = work / f"site-{factor}x"
        run = build(project, site, logs, f"build-{factor}x", timeout)
    result = {"corpus": corpus, "build": asdict(run), "mkdocs_seconds": _mkdocs_seconds(run.log),
              "quotes": _quote_count(site) if run.ok else None}
    if not run.ok and what_if and not reuse:
        patch = work / "pagefind-patch"
        patch.mkdir(exist_ok=True)
        (patch / "sitecustomize.py").write_text(PAGEFIND_PATCH, encoding="utf-8")
        site = work / f"site-{factor}x-whatif"
        patched = build(project, site, logs, f"build-{factor}x-whatif", timeout,
                        project_env(project, PYTHONPATH=str(patch) + os.pathsep + os.environ.get("PYTHONPATH", "")))
        result["what_if"] = {"build": asdict(patched), "mkdocs_seconds": _mkdocs_seconds(patched.log)}
        run = patched
    if run.ok:
        result["site"] = site_facts(site)
        try:
            with chromium() as browser:
                result["search"] = bench_search(site, browser)
        except Exception as error:  # keep the build numbers when the browser part fails
            result["search_error"] = f"{type(error).__name__}: {error}"
    return result


def _real_testimonies() -> int:
    return len(yaml.safe_load((ROOT / "data/quotes/ds-2020/testimonies.yml").read_text(encoding="utf-8")))


def _quote_count(site: Path) -> int | None:
    entry = site / "citatindeks" / "pagefind-entry.json"
    if not entry.is_file():
        return None
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return sum(lang.get("page_count", 0) for lang in languages.values())


# ---------------------------------------------------------------------------------------------
# Pagefind round trip: the cause of the index time, measured directly
# ---------------------------------------------------------------------------------------------

def pagefind_round_trip(work: Path, records: int = 20) -> dict:
    script = textwrap.dedent(f"""
        import asyncio, json, sys, time
        if len(sys.argv) > 1:
            exec(open(sys.argv[1]).read())
        from pagefind.index import IndexConfig, PagefindIndex
        async def main():
            async with PagefindIndex(config=IndexConfig(output_path={str(work / 'pf-rt')!r}, force_language="da")) as index:
                await index.add_custom_record(url="/warm-up", content="SYNTETISK", language="da")  # starts the backend
                start = time.perf_counter()
                for i in range({records}):
                    await index.add_custom_record(url=f"/x/{{i}}", content="SYNTETISK sagsbehandler " * 50,
                                                  language="da", meta={{"title": "t"}}, filters={{"tema": ["a"]}})
                print(json.dumps((time.perf_counter() - start) / {records} * 1000))
        asyncio.run(main())
    """)
    path = work / "pf_round_trip.py"
    path.write_text(script, encoding="utf-8")
    patch = work / "pf_patch.py"
    patch.write_text(PAGEFIND_PATCH, encoding="utf-8")
    as_is = subprocess.run([PY, str(path)], capture_output=True, text=True, cwd=ROOT, env=env())
    patched = subprocess.run([PY, str(path), str(patch)], capture_output=True, text=True, cwd=ROOT, env=env())
    return {"records": records,
            "ms_per_record": _last_float(as_is.stdout), "ms_per_record_without_sleep": _last_float(patched.stdout)}


def _last_float(text: str) -> float | None:
    with contextlib.suppress(ValueError, IndexError):
        return round(float(text.strip().splitlines()[-1]), 2)
    return None


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

STEPS = ("build", "serve", "weight", "search", "scale")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated steps of {', '.join(STEPS)}")
    parser.add_argument("--sizes", default="1,10,100", help="scale factors (1 = today's corpus)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per build (default 900)")
    parser.add_argument("--no-what-if", action="store_true", help="skip the patched rebuild when a build times out")
    parser.add_argument("--json", type=Path, default=None, help="raw results (default: <workdir>/results.json)")
    parser.add_argument("--merge", type=Path, action="append", default=[], help="merge results from earlier JSON runs")
    parser.add_argument("--render", action="store_true", help="only write BENCHMARKS.md from --merge files")
    parser.add_argument("--output", type=Path, default=OUT_MD)
    parser.add_argument("--notes", type=Path, help="Markdown with observations made during the run, added as is")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()

    results: dict = {}
    for path in args.merge:
        _merge(results, json.loads(path.read_text(encoding="utf-8")))
    if args.notes:
        results["notes"] = args.notes.read_text(encoding="utf-8")
    if args.render:
        args.output.write_text(render(results), encoding="utf-8")
        print(f"Skrev {args.output}")
        return 0

    steps = [s.strip() for s in args.only.split(",") if s.strip()]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    (work / "logs").mkdir()
    out_json = args.json or work / "results.json"
    run: dict = {"machine": machine(), "command": "python -m scripts.bench " + " ".join(sys.argv[1:]),
                 "timeout": args.timeout}
    print(f"Arbejdsmappe: {work}", flush=True)

    def save() -> None:
        out_json.write_text(json.dumps(run, indent=2, ensure_ascii=False), encoding="utf-8")

    def step(name: str, function, *args):
        try:
            return function(*args)
        except Exception as error:  # a failed step is recorded, the others still run
            import traceback
            traceback.print_exc()
            return {"error": f"{type(error).__name__}: {error}"}

    try:
        site1, full1 = None, None
        if {"build", "weight", "search"} & set(steps) or 1 in sizes:
            project = copy_project(work / "project-1x")
            site1 = work / "site-1x"
            print("Bygger (1×) …", flush=True)
            full1 = build(project, site1, work / "logs", "build-1x", args.timeout)
            if not full1.ok:
                print(f"Bygningen fejlede; se {full1.log}", file=sys.stderr)
        if "build" in steps and full1 is not None:
            print("Profil og bar bygning …", flush=True)
            run["build"] = step("build", bench_build, work, project, site1, full1, args.timeout)
            run["build"]["pagefind_round_trip"] = step("pagefind", pagefind_round_trip, work)
            save()
        if "serve" in steps:
            print("mkdocs serve …", flush=True)
            run["serve"] = step("serve", bench_serve, work, args.timeout)
            save()
        if {"weight", "search"} & set(steps) and full1 is not None and full1.ok:
            with chromium() as browser:
                if "weight" in steps:
                    print("Sidevægt …", flush=True)
                    run["weight"] = step("weight", bench_weight, work, site1, browser)
                    save()
                if "search" in steps:
                    print("Søgning …", flush=True)
                    run["search"] = step("search", bench_search, site1, browser)
                    save()
        if "scale" in steps:
            run["scale"] = {}
            for factor in sizes:
                print(f"Skala {factor}× …", flush=True)
                reuse = (site1, full1) if factor == 1 and full1 is not None else None
                run["scale"][str(factor)] = step("scale", bench_scale, work, factor, args.timeout, not args.no_what_if, reuse)
                save()
    finally:
        save()
        print(f"Rå resultater: {out_json}", flush=True)
    _merge(results, run)
    if args.notes:
        results["notes"] = args.notes.read_text(encoding="utf-8")
    args.output.write_text(render(results), encoding="utf-8")
    print(f"Skrev {args.output}")
    if not args.keep:
        kept = out_json if out_json.is_relative_to(work) else None
        if kept:
            shutil.copy2(kept, Path(tempfile.gettempdir()) / "bench-results-latest.json")
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _merge(into: dict, other: dict) -> None:
    """Results of several runs in one report: scale sizes add up, later sections replace earlier ones."""
    for key, value in other.items():
        if key == "scale":
            into.setdefault("scale", {}).update(value)
        elif key == "runs":
            into.setdefault("runs", []).extend(value)
        elif key in ("machine", "command", "timeout"):
            continue
        else:
            into[key] = value
    if "machine" in other:
        into.setdefault("runs", []).append({k: other[k] for k in ("machine", "command", "timeout") if k in other}
                                           | {"steps": sorted(k for k in other if k in STEPS)})


if __name__ == "__main__":
    sys.exit(main())
