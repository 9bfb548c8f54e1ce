"""`make import-wave WAVE=2027 FILE=tal.xlsx`: a wave's figures from a spreadsheet into figures.csv.

Reads .xlsx or CSV as Excel saves it, maps names to ids (evidence.load.wave_import) and writes
data/survey/<wave>/figures.csv only when every filled-in row could be read; then checks all data as
`make validate` does, naming the spreadsheet's row beside the figures.csv row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence.load.dataset import load_dataset
from evidence.load.problems import DataInvalid
from evidence.load.spreadsheet import TableUnreadable, read_table
from evidence.load.wave_import import WaveNames, figures_csv, map_table, write_whole
from evidence.model.dataset import PROJECT_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wave", nargs="?", help="bølgens id, fx 2027")
    parser.add_argument("file", nargs="?", help="regnearket (.xlsx eller .csv)")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.wave or not args.file:
        print("Angiv bølgen og regnearket, fx: make import-wave WAVE=2027 FILE=tal-2027.xlsx", file=sys.stderr)
        return 2
    root = args.root.resolve()
    folder = root / "data" / "survey" / args.wave
    if not (folder / "questions.yml").exists():
        print(f"Bølgen {args.wave} findes ikke endnu. Start den med: make new-wave WAVE={args.wave}", file=sys.stderr)
        return 2
    source = Path(args.file)
    try:
        table = read_table(source)
    except TableUnreadable as error:
        print(error, file=sys.stderr)
        return 1
    imported = map_table(table, WaveNames.read(root, args.wave), source.name)
    if imported.problems:
        problems = DataInvalid(imported.problems).problems
        print(f"{source.name} kan ikke læses ind: {len(problems)} problem(er). Intet er skrevet.", file=sys.stderr)
        print("\n".join(f"- {problem}" for problem in problems), file=sys.stderr)
        print(f"Ret rækkerne i {source.name}, og kør kommandoen igen.", file=sys.stderr)
        return 1
    target = folder / "figures.csv"
    write_whole(target, figures_csv(imported.figures))
    rel = target.relative_to(root).as_posix()
    print(f"Skrev {len(imported.figures)} tal fra {source.name} til {rel}.")
    return check(root, rel, source.name, imported.rows)


def check(root: Path, rel: str, sheet: str, rows: list[int]) -> int:
    """All data checked as `make validate` does; a figures.csv row is named with its spreadsheet row too."""
    try:
        load_dataset(root)
    except DataInvalid as error:
        for problem in error.problems:
            line = int(problem.where.split()[-1]) if problem.file == rel and problem.where.startswith("række ") else 0
            suffix = f" (række {rows[line - 2]} i {sheet})" if 2 <= line <= len(rows) + 1 else ""
            print(f"- {problem}".replace(f"{problem.where},", f"{problem.where}{suffix},", 1), file=sys.stderr)
        print(f"Tallene er skrevet, men data er ikke gyldige endnu: {len(error.problems)} problem(er) ovenfor. "
              "Ret dem, og kør make validate.", file=sys.stderr)
        return 1
    print("Data er gyldige. Se resultatet med make serve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
