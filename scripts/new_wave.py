"""`make new-wave WAVE=2027`: start a survey wave from the previous one.

The scaffold carries the previous wave's questions over, because keeping question and
option ids is what makes the trend charts appear; everything only a person can know is
written as TODO, which validation refuses, so a half-filled wave can never be published.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from evidence.load.dataset_types import PROJECT_ROOT
from evidence.load.wave_import import previous_wave

WAVE_ID = re.compile(r"^[0-9]{4}(-[a-z0-9]+)?$")

WAVE_TEMPLATE = """\
# Bølge {wave}. Lavet med `make new-wave WAVE={wave}` ud fra bølge {previous}.
# Udfyld alle TODO-felter. `make validate` viser dem, der mangler. Se CONTRIBUTING.md.
id: "{wave}"
# Id på publikationen i data/publications.yml, som tallene kommer fra (bølge {previous}: {previous_publication}).
publication: TODO
title: "TODO: undersøgelsens titel, fx Spørgeskemaundersøgelse blandt socialrådgivere {wave}"
publishers: [{publishers}]
prepared_by: "TODO: hvem udførte undersøgelsen – skriv null, hvis rapporten ikke siger det"
fieldwork: "TODO: hvornår blev data indsamlet, fx september {year}"
respondents_description: "TODO: hvem blev spurgt"
citation: "TODO: sådan citeres rapporten"
# Metodetal, som rapporten selv oplyser. unit er en af: personer, procent, interview, år, minutter.
method:
  - id: respondenter
    label: Besvarelser i alt
    value: TODO
    unit: personer
    locator: "TODO: hvor i rapporten står tallet"
"""

QUESTIONS_HEADER = """\
# Spørgsmålene i bølge {wave} – kopieret fra bølge {previous}.
# - Behold id'et på spørgsmål og svar, der går igen: så tegner sitet udviklingen over tid.
# - Er formuleringen ændret, så ret wording og skriv den gamle formulering i previous_wording.
# - Slet de spørgsmål, bølgen ikke har tal for; tilføj nye med nye id'er.
# - series: complete, hvis rapporten oplyser alle svarmuligheder; partial, hvis kun nogle.
"""

FIGURES_HEADER = "question,option,population,value,locator\n"


def publishers_of(wave_yml: Path) -> str:
    match = re.search(r"^publishers:\s*\[(.*)\]\s*$", wave_yml.read_text(encoding="utf-8"), flags=re.M)
    return match.group(1) if match else '"TODO: udgiver"'


def headlines_of(wave_yml: Path) -> str:
    """The previous headlines: the front page follows the same key figures until someone decides otherwise."""
    text = wave_yml.read_text(encoding="utf-8")
    match = re.search(r"^headlines:\n((?:[ \t]+.*\n?)+)", text, flags=re.M)
    if not match:
        return ""
    return ("# Nøgletal på forsiden; hvert skal findes i figures.csv. Slet dem, bølgen ikke har tal for.\n"
            "headlines:\n" + match.group(1).rstrip("\n") + "\n")


def without_leading_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines)


def without_previous_wording(text: str) -> str:
    """The copied questions without `previous_wording`: it records a rewording between the previous wave and
    the one before it, so carried into the new wave it would claim a change the new wave never made (and
    validation refuses it). The line goes, with any continuation lines indented below it."""
    kept, dropping_below = [], None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" -"))
        if dropping_below is not None and line.strip() and indent > dropping_below:
            continue
        dropping_below = None
        match = re.match(r"^(\s*)previous_wording\s*:", line)
        if match:
            dropping_below = len(match.group(1))
            continue
        kept.append(line)
    return "".join(kept)


def scaffold(wave: str, root: Path = PROJECT_ROOT) -> Path:
    survey_dir = root / "data" / "survey"
    target = survey_dir / wave
    if target.exists():
        raise SystemExit(f"Mappen data/survey/{wave}/ findes allerede – vælg et andet bølge-id, eller ret filerne dér.")
    previous = previous_wave(survey_dir, wave)
    if previous is None:
        raise SystemExit(f"Der er ingen tidligere bølge end {wave} i data/survey/ at kopiere spørgsmålene fra.")
    source = survey_dir / previous
    target.mkdir()
    previous_meta = yaml.safe_load((source / "wave.yml").read_text(encoding="utf-8")) or {}
    wave_text = WAVE_TEMPLATE.format(wave=wave, previous=previous, year=wave[:4],
                                     previous_publication=previous_meta.get("publication", "TODO"),
                                     publishers=publishers_of(source / "wave.yml"))
    (target / "wave.yml").write_text(wave_text + headlines_of(source / "wave.yml"), encoding="utf-8")
    questions = (source / "questions.yml").read_text(encoding="utf-8")
    questions = without_previous_wording(without_leading_comments(questions))
    (target / "questions.yml").write_text(QUESTIONS_HEADER.format(wave=wave, previous=previous) + questions,
                                          encoding="utf-8")
    (target / "figures.csv").write_text(FIGURES_HEADER, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wave", nargs="?", help="bølgens id, fx 2027")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.wave:
        print("Angiv bølgens id, fx: make new-wave WAVE=2027", file=sys.stderr)
        return 2
    if not WAVE_ID.match(args.wave):
        print(f"Bølgens id skal være et årstal, evt. med endelse (fx 2027 eller 2027-efteraar) – fik '{args.wave}'.",
              file=sys.stderr)
        return 2
    target = scaffold(args.wave, args.root.resolve())
    rel = target.relative_to(args.root.resolve()).as_posix()
    print(f"Oprettet {rel}/ med wave.yml, questions.yml og figures.csv.\n"
          "Næste skridt (se CONTRIBUTING.md):\n"
          f"  1. Udfyld alle TODO-felter i {rel}/wave.yml.\n"
          f"  2. Ret {rel}/questions.yml, så den passer til bølgens spørgeskema.\n"
          f"  3. Lav regnearket til tallene: make wave-template WAVE={args.wave}\n"
          "  4. Udfyld kolonnen med tallene (og hvor i rapporten de står) i regnearket.\n"
          f"  5. Læs det ind: make import-wave WAVE={args.wave} FILE=<regnearket>\n"
          "  6. Kør make validate, indtil der ikke er flere problemer, og derefter make serve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
