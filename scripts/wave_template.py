"""`make wave-template WAVE=2027`: the spreadsheet to fill in for a wave's figures.

One row per question × population × answer of the wave (or the previous wave, until `make new-wave`
has started it), with ids and names, the previous wave's value and locator beside it and an empty
value column: the person fills in percentages, and `make import-wave` reads the sheet back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence.load.dataset_types import PROJECT_ROOT
from evidence.load.spreadsheet import write_xlsx
from evidence.load.wave_import import TEMPLATE_HEADER, accepted_headers, template_rows

GUIDE = [
    "Skriv bølgens tal i kolonnen »Værdi (%)« på arket Tal: andelen i procent, fx 64 eller 64,5.",
    "Lad værdien stå tom, hvis rapporten ikke har tallet: så bliver rækken ikke læst ind.",
    "»Locator« er, hvor i rapporten tallet står: overskriften, evt. med komma og rækkens nummer.",
    "Den forrige bølges locator står der i forvejen: ret den, hvis rapporten er bygget anderledes.",
    "Læs arket ind med: make import-wave WAVE={wave} FILE=<arket>. Se CONTRIBUTING.md.",
    "Bruger du dit eget ark, læses en kolonne efter, hvad dens navn begynder med: {headers}.",
    "Et spørgsmål kan stå som id, nummer (S6), ordlyd eller titlen i kolonnen »Spørgsmål« – også et uden nummer og ordlyd.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wave", nargs="?", help="bølgens id, fx 2027")
    parser.add_argument("--out", type=Path, help="hvor arket skal gemmes (standard: tal-<bølge>.xlsx)")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.wave:
        print("Angiv bølgens id, fx: make wave-template WAVE=2027", file=sys.stderr)
        return 2
    previous, rows = template_rows(args.root.resolve(), args.wave)
    if not rows:
        print(f"Der er ingen bølge før {args.wave} i data/survey/ at lave skabelonen ud fra.", file=sys.stderr)
        return 2
    out = args.out or Path(f"tal-{args.wave}.xlsx")
    header = [column.format(previous=previous) for column in TEMPLATE_HEADER]
    write_xlsx(out, {"Tal": (header, rows), "Vejledning": (["Sådan udfylder du arket"],
                                                           [[line.format(wave=args.wave, headers=accepted_headers())]
                                                            for line in GUIDE])},
               {"Tal": [26, 48, 26, 36, 18, 30, 11, 36, 14], "Vejledning": [100]})
    print(f"Skrev {out} med {len(rows)} rækker (spørgsmål × population × svar) ud fra bølge {previous}.\n"
          f"Udfyld kolonnen »Værdi (%)«, og kør: make import-wave WAVE={args.wave} FILE={out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
