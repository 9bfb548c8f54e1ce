"""`make import-wave WAVE=2027 FILE=tal.xlsx`: a wave's figures from a spreadsheet into figures.csv.

Reads .xlsx or CSV as Excel saves it, maps names to ids (evidence.load.wave_import), checks all data with
the new figures as `make validate` does (naming the spreadsheet's row beside the figures.csv row), and
writes data/survey/<wave>/figures.csv only when every row could be read and every check passed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from evidence.load.dataset import load_dataset
from evidence.load.dataset_types import PROJECT_ROOT
from evidence.load.problems import DataInvalid, Problem
from evidence.load.spreadsheet import TableUnreadable, read_table
from evidence.load.wave_import import WaveNames, figures_csv, map_table, write_whole


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
    folder = wave_folder(root, args.wave)
    if folder is None:
        print(f"'{args.wave}' er ikke et bølge-id: skriv året, fx WAVE=2027 (eller 2027-2 for en ekstra bølge samme år).",
              file=sys.stderr)
        return 2
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
    rel = target.relative_to(root).as_posix()
    text = figures_csv(imported.figures)
    left = problems_after(root, rel, text, source.name, imported.rows)
    if left is None:
        return 1
    write_whole(target, text)
    print(f"Skrev {len(imported.figures)} tal fra {source.name} til {rel}.")
    if left:
        print("\n".join(left), file=sys.stderr)
        print(f"Data er ikke gyldige endnu: {len(left)} problem(er), som stod der også før tallene – ret dem, "
              "og kør make validate.", file=sys.stderr)
        return 1
    print("Data er gyldige. Se resultatet med make serve.")
    return 0


def wave_folder(root: Path, wave: str) -> Path | None:
    """data/survey/<wave>/ for a wave id as data/schemas/wave.schema.yml defines it; None for anything else
    (»../../x« would name a folder outside data/)."""
    schema = yaml.safe_load((root / "data/schemas/wave.schema.yml").read_text(encoding="utf-8"))
    survey = (root / "data" / "survey").resolve()
    folder = (survey / wave).resolve()
    return folder if re.fullmatch(schema["properties"]["id"]["pattern"], wave) and folder.parent == survey else None


def problems_after(root: Path, rel: str, text: str, sheet: str, rows: list[int]) -> list[str] | None:
    """All data checked as `make validate` does, with the figures about to be written in place of the file's.

    None, with every problem printed, when the new figures bring a problem the data did not have (a
    figures.csv row is named with its spreadsheet row too): then nothing may be written. Otherwise the
    problems the data had before (a wave.yml still being filled in), as lines to show after writing."""
    after = _problems(root, {rel.removeprefix("data/"): text.encode("utf-8")})
    before = set(_problems(root, {}))
    new = [problem for problem in after if problem not in before]
    shown = [_with_sheet_row(problem, rel, sheet, rows) for problem in after]
    if new:
        print(f"{sheet} kan ikke læses ind: med de nye tal er data ikke gyldige, {len(after)} problem(er). "
              "Intet er skrevet.", file=sys.stderr)
        print("\n".join(shown), file=sys.stderr)
        print(f"Ret {sheet} (eller de filer, problemerne nævner), og kør kommandoen igen.", file=sys.stderr)
        return None
    return shown


def _problems(root: Path, replaced: dict[str, bytes]) -> list[Problem]:
    try:
        load_dataset(root, replaced=replaced)
    except DataInvalid as error:
        return error.problems
    return []


def _with_sheet_row(problem: Problem, rel: str, sheet: str, rows: list[int]) -> str:
    line = int(problem.where.split()[-1]) if problem.file == rel and problem.where.startswith("række ") else 0
    suffix = f" (række {rows[line - 2]} i {sheet})" if 2 <= line <= len(rows) + 1 else ""
    return f"- {problem}".replace(f"{problem.where},", f"{problem.where}{suffix},", 1)


if __name__ == "__main__":
    sys.exit(main())
