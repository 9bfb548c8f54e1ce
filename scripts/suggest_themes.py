"""`make suggest-themes FILE=ny-fortaelling.txt` (or TEXT="…"): theme suggestions for a person to confirm."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence.load.dataset import load_dataset
from evidence.load.dataset_types import PROJECT_ROOT
from evidence.model.theme_suggest import suggest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", type=Path, help="tekstfil med fortællingen")
    parser.add_argument("--text", help="fortællingen som tekst")
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8") if args.file else (args.text or sys.stdin.read())
    if not text.strip():
        print("Giv en tekst med FILE=sti eller TEXT=\"…\".", file=sys.stderr)
        return 2
    print("Forslag til temaer – læs teksten og bekræft selv, før du skriver dem i data/:")
    for suggestion in suggest(load_dataset(PROJECT_ROOT), text):
        words = ", ".join(suggestion.because) or "–"
        print(f"  {suggestion.theme_id:32} {suggestion.name:34} styrke {suggestion.score:.2f}  (ord: {words})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
