"""Build time against a bare `mkdocs build`, and the seconds from a data edit to the page under `mkdocs serve`."""

from __future__ import annotations

import json
import shutil
import signal
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag  # MkDocs' own reader of !ENV (a dependency of mkdocs)

from bench.common import PY, build, copy_project, env, free_port, timed
from bench.edits import edit, edit_target, themes_lacking
from evidence.urls import theme_url

# Added to the product's hooks for one build: each page's Markdown as MkDocs renders it (macros and all
# generation done, priority -100 = after every other hook and plugin), and the nav.
DUMP_HOOK = '''
import json, os
from pathlib import Path
import yaml
from yaml_env_tag import construct_env_tag  # MkDocs' own reader of !ENV (a dependency of mkdocs)
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


class _AnyTags(yaml.SafeLoader):
    """mkdocs.yml may hold tags like !ENV; the bench only reads plain settings from it."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTags.add_constructor("!ENV", construct_env_tag)  # site_url: SITE_URL or its default, as MkDocs reads it


def config_of(project: Path) -> dict:
    """The copy's mkdocs.yml as plain data (its settings; the menu comes from the build, DUMP_HOOK)."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTags)


def bench_build(work: Path, timeout: float, rounds: int = 3) -> tuple[dict, Path | None]:
    """Cold, unchanged, edited and bare builds, taking turns `rounds` times so a slow spell of a shared machine hits
    all four alike; medians are compared. Each round starts from a fresh copy: cold is a fresh clone's first build
    (nothing cached anywhere, not only in .cache/). Returns the first cold site for reuse at 1×."""
    runs: dict[str, list] = {"cold": [], "unchanged": [], "edited": [], "bare": []}
    logs, bare = work / "logs", None
    for i in range(rounds):
        project = copy_project(work / f"build-{i}")
        item_id, themes = edit_target(project)[0], themes_lacking(project)
        runs["cold"].append(build(project, work / ("site-1x" if i == 0 else "site-cold"), logs / f"cold-{i}.log", timeout))
        runs["unchanged"].append(build(project, work / "site-unchanged", logs / f"unchanged-{i}.log", timeout))
        edit(project, item_id, themes[i % len(themes)])
        runs["edited"].append(build(project, work / "site-edited", logs / f"edited-{i}.log", timeout))
        if i == 0 and runs["edited"][0] is not None:  # after the timed builds, so its own work warms none of them
            bare = make_bare(work, project, timeout)
        if bare is not None:
            runs["bare"].append(timed([PY, "-m", "mkdocs", "build", "-q", "--site-dir", str(work / "site-bare")], bare,
                                      logs / f"bare-{i}.log", timeout))
    medians = {kind: statistics.median(r) if r and None not in r else None for kind, r in runs.items()}
    pages = sum(1 for _ in (work / "site-bare").rglob("index.html")) if bare else None
    return {"runs": runs, "median": medians, "bare_pages": pages,
            "edit": f"{item_id}: sidste tema-tag skiftet"}, (work / "site-1x" if runs["cold"][0] else None)


def make_bare(work: Path, project: Path, timeout: float) -> Path | None:
    """A plain MkDocs project of the site's pages as rendered Markdown: Material with the site's theme settings
    (no overrides), Material's default search plugin, the same Markdown extensions, CSS/JS and nav; no macros, no
    hooks, no generation. What MkDocs and Material alone cost for the same pages: the yardstick for the build."""
    config, dump = config_of(project), work / "rendered"
    (project / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    (project / "mkdocs.bench-dump.yml").write_text(yaml.safe_dump(
        {"INHERIT": "mkdocs.yml", "hooks": [*(config.get("hooks") or []), "bench_dump_hook.py"]}), encoding="utf-8")
    cmd = [PY, "-m", "mkdocs", "build", "-f", "mkdocs.bench-dump.yml", "--site-dir", str(work / "site-dump")]
    ok = timed(cmd, project, work / "logs" / "dump.log", timeout, BENCH_DUMP_DIR=str(dump))
    (project / "bench_dump_hook.py").unlink()
    (project / "mkdocs.bench-dump.yml").unlink()
    if ok is None:
        return None
    bare = work / "bare"
    shutil.copytree(project / "docs", bare / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(dump / "docs", bare / "docs", dirs_exist_ok=True)
    (bare / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": config["site_name"], "site_url": config.get("site_url"),
        "theme": {k: v for k, v in config["theme"].items() if k != "custom_dir"},
        "markdown_extensions": config.get("markdown_extensions", []), "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "nav": json.loads((dump / "nav.json").read_text(encoding="utf-8")),
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return bare


def bench_serve(work: Path, timeout: float, edits: int = 3) -> dict:
    """`mkdocs serve` as `make serve` runs it, in a copy: seconds from saving a testimony's new theme tag in data/
    until the served page shows it (median of `edits`, each a different theme): the writer's feedback loop."""
    project = copy_project(work / "serve")
    (item_id, _, page), themes = edit_target(project), themes_lacking(project)
    site_url = config_of(project).get("site_url")
    mount = urllib.parse.urlsplit(site_url).path.strip("/") if site_url else ""  # serve mounts the site there
    port = free_port()
    url = f"http://127.0.0.1:{port}/" + (mount + "/" if mount else "") + page
    (work / "logs").mkdir(parents=True, exist_ok=True)
    log = (work / "logs" / "serve.log").open("w", encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"], cwd=project,
                            env=env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    seconds = []
    try:
        if _wait(lambda: _get(url) is not None or proc.poll() is not None, timeout) and proc.poll() is None:
            first = round(time.perf_counter() - start, 1)
            for theme in themes[:edits]:
                time.sleep(2)  # let the watcher settle after the last build
                edit(project, item_id, theme)
                t0 = time.perf_counter()
                if not _wait(lambda theme=theme: theme_url(theme) in _article(_get(url) or "", item_id), 120, 0.05):
                    break
                seconds.append(round(time.perf_counter() - t0, 2))
    finally:
        proc.send_signal(signal.SIGINT)  # as Ctrl+C: mkdocs serve removes its temporary site folder
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    if len(seconds) < min(edits, len(themes)):
        return {"error": f"siden viste ikke rettelsen inden for 120 s (se {log.name})", "seconds_each": seconds}
    return {"seconds": statistics.median(seconds), "seconds_each": seconds, "first_build_seconds": first, "page": page}


def _get(url: str) -> str | None:
    """The page as served now, or None while the server is not up or mid-rebuild."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _article(html: str, item_id: str) -> str:
    """Only the edited testimony's own block: its new theme link may be elsewhere on the page already."""
    start = html.find(f'id="{item_id}"')
    return html[start:html.find("</article>", start)] if start >= 0 else ""


def _wait(probe, timeout: float, interval: float = 0.25) -> bool:
    """Poll until `probe()` is true; False after `timeout` seconds."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if probe():
            return True
        time.sleep(interval)
    return False
