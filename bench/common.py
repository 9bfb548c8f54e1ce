"""What every step needs: a throwaway copy of the project, a timed command, and a record of the machine."""

from __future__ import annotations

import datetime
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def env(**extra: str) -> dict[str, str]:
    """The build's environment as `make` gives it, without a chart cache shared with the real project."""
    result = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    result.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    result.pop("EVIDENCE_CHART_CACHE", None)
    return result


def copy_project(target: Path) -> Path:
    """Every file git would see in the working tree (tracked or new, not ignored): a fresh clone of the work in
    progress, so nothing cached, built or generated in the real project is carried over and nothing is touched."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


def timed(cmd: list[str], cwd: Path, log: Path, timeout: float, **extra_env: str) -> float | None:
    """Wall seconds of a command, or None when it fails or overruns; its whole process group is killed on a timeout,
    since the build starts MkDocs and Pagefind as children. The output goes to `log` for a post-mortem."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env(**extra_env), stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            print(f"  overskred {timeout:.0f} s: {' '.join(cmd[2:4])} (log: {log})", file=sys.stderr)
            return None
    if code:
        print(f"  fejlede ({code}): {' '.join(cmd[2:4])}; log: {log}\n" + log.read_text(encoding="utf-8")[-2000:],
              file=sys.stderr)
        return None
    return round(time.perf_counter() - start, 2)


def build(project: Path, site: Path, log: Path, timeout: float) -> float | None:
    """`make build` exactly: the product's own entry point, whatever it does inside."""
    return timed([PY, "-m", "scripts.build_site", "--site-dir", str(site)], project, log, timeout)


def free_port() -> int:
    """A port nobody listens on, for `mkdocs serve` and nothing else to collide with."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stamp() -> dict:
    """When, on what code and under what load (1-minute average, at the step's end) a step was measured: results of
    different runs are merged, each keeps its own."""
    git = lambda *a: subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()  # noqa: E731
    dirty = any(not line.endswith(("bench/results.json", "BENCHMARKS.md")) for line in git("status", "--porcelain").splitlines())
    return {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git("rev-parse", "--short", "HEAD") + ("+" if dirty else ""), "load": round(os.getloadavg()[0], 1)}


def machine() -> dict:
    """The numbers only mean something next to the machine they came from."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip() or "?"
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cpus": os.cpu_count(), "cpu": cpu, "ram_gib": round(ram / 2**30, 1), "python": platform.python_version(),
            "chromium": chromium}
