"""`python -m bench [--only build,serve,weight,search,lighthouse] [--sizes 1,10,100] [--render]`.

Measures in a temporary folder, merges the steps it ran into bench/results.json (steps not run keep their
earlier results), and writes the table between the markers in BENCHMARKS.md. `--render` only writes the table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from bench import report
from bench.browser import bench_search, bench_weight, chromium
from bench.build import bench_build, bench_serve
from bench.common import ROOT, build, copy_project, machine, stamp
from bench.lighthouse import bench_lighthouse
from bench.synthetic_corpus import generate

STEPS = ("build", "serve", "weight", "search", "lighthouse")
RESULTS = ROOT / "bench" / "results.json"
RELEVANCE_SIZES = (1, 100)  # the relevance targets' sizes; a thousand phrases per page take minutes at 100×


def main(argv: list[str] | None = None) -> int:
    """Run the chosen steps; a failed step is recorded as such and the others still run."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated steps of {', '.join(STEPS)}")
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes for search, × today's testimonies")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per build")
    parser.add_argument("--render", action="store_true", help="only write BENCHMARKS.md's table from bench/results.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (copies, sites, logs)")
    args = parser.parse_args(argv)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    if args.render:
        report.write(ROOT / "BENCHMARKS.md", results)
        return 0
    steps = [s for s in args.only.split(",") if s]
    if unknown := set(steps) - set(STEPS):
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    print(f"Arbejdsmappe: {work}", flush=True)
    results["machine"] = machine()
    sites: dict[int, dict] = {}

    def record(key: str, function, *fargs, into: dict = results) -> dict:
        """Run one step, stamp it and save at once, so a later crash or timeout keeps what was measured."""
        print(f"{key} …", flush=True)
        try:
            value = function(*fargs)
        except Exception as error:  # noqa: BLE001 - recorded, the other steps still run
            traceback.print_exc()
            value = {"error": f"{type(error).__name__}: {error}"}
        into[key] = {"stamp": stamp(), **value}
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return into[key]

    try:
        if "build" in steps:
            record("build", lambda: measured_build(work, args.timeout, sites))
        if "serve" in steps:
            record("serve", bench_serve, work, args.timeout)
        if {"weight", "search", "lighthouse"} & set(steps):
            with chromium() as browser:
                if "weight" in steps:
                    record("weight", lambda: bench_weight(work, site_at(work, 1, args.timeout, sites)["site"], browser))
                if "lighthouse" in steps:
                    record("lighthouse", lambda: bench_lighthouse(work, site_at(work, 1, args.timeout, sites)["site"]))
                for factor in [int(s) for s in args.sizes.split(",") if s] if "search" in steps else []:
                    record(str(factor), lambda f=factor: searched(work, f, args.timeout, sites, browser),
                           into=results.setdefault("search", {}))
    finally:
        report.write(ROOT / "BENCHMARKS.md", results)
        print(f"Skrev {RESULTS.relative_to(ROOT)} og tabellen i BENCHMARKS.md", flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def measured_build(work: Path, timeout: float, sites: dict) -> dict:
    """The build step; its first cold site is today's corpus at 1×, so weight and search need not build again."""
    result, site = bench_build(work, timeout)
    if site is not None:
        sites[1] = {"site": site, "build_seconds": result["median"]["cold"],
                    "testimonies": generate(work / "build-0", 1, waves=0)["testimonies"]}
    return result


def site_at(work: Path, factor: int, timeout: float, sites: dict) -> dict:
    """A cold build of a copy with `factor` × today's testimonies (synthetic beyond 1×, with 10 synthetic waves)."""
    if factor not in sites:
        project = copy_project(work / f"project-{factor}x")
        corpus = generate(project, factor, waves=10 if factor > 1 else 0)
        seconds = build(project, work / f"site-{factor}x", work / "logs" / f"build-{factor}x.log", timeout)
        if seconds is None:
            raise RuntimeError(f"bygningen ved {factor}× fejlede eller overskred {timeout:.0f} s")
        sites[factor] = {"site": work / f"site-{factor}x", "build_seconds": seconds, "testimonies": corpus["testimonies"]}
    return sites[factor]


def searched(work: Path, factor: int, timeout: float, sites: dict, browser) -> dict:
    """Build time and the search measurements at one corpus size."""
    built = site_at(work, factor, timeout, sites)
    relevance_of = ROOT if factor in RELEVANCE_SIZES else None
    return {"testimonies": built["testimonies"], "build_seconds": built["build_seconds"],
            **bench_search(built["site"], browser, relevance_of=relevance_of)}


if __name__ == "__main__":
    sys.exit(main())
