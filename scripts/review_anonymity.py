"""`make review-anonymity`: list what in the quotes may identify someone and still waits for a person's decision.

The list is for reading, not a gate: it always exits 0 when the data are valid. `make build` prints the same
list as a warning. CPR numbers, e-mail addresses and phone numbers are a different matter: they stop
`make validate` and the build (evidence/load/fidelity.py).
"""

from __future__ import annotations

import os
import sys
from collections import Counter

from evidence.load.dataset_types import PROJECT_ROOT, Dataset
from evidence.model.anonymity import KINDS, Flag, stale_decisions, undecided
from evidence.model.anonymity_pending import LEFT_OUT, Measure, measures
from scripts.checked import checked_dataset

REVIEW_FILE = "data/anonymity/review.yml"


def report(dataset: Dataset, brief: bool = False) -> str:
    """The undecided items, quote by quote, with where each quote stands, what the site shows of it meanwhile
    and the words around each item;
    `brief` (the build's warning) gives one line per item."""
    flags = undecided(dataset)
    counts = Counter(flag.kind for flag in flags)
    by_kind = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if counts[kind])
    lines = [f"Gennemsyn for anonymitet: {len(flags)} punkter venter på en afgørelse" + (f" ({by_kind})." if flags else ".")]
    if flags:
        lines.append(f"Skriv afgørelsen i {REVIEW_FILE} (`reviewed:` med dato og begrundelse; se CONTRIBUTING.md).")
    if brief:
        lines += [f"- {flag.quote}: {flag.kind} »{flag.words}«" for flag in flags]
        return "\n".join(lines + ["Hele listen med sammenhæng og bemærkninger: make review-anonymity"] * bool(flags))
    current, meanwhile = None, measures(dataset)
    for flag in flags:
        if flag.quote != current:
            current = flag.quote
            lines.append(f"\n{flag.quote} ({_where(dataset, flag.quote)}) – {_shown(meanwhile[flag.quote])}")
        lines.append(_item(flag))
    for entry in stale_decisions(dataset):
        lines.append(f"\nBemærk: {REVIEW_FILE} har en afgørelse om »{entry['flag']}« i {entry['quote']}, som gennemsynet "
                     "ikke længere finder. Er citatet eller ordlisterne ændret, så se punktet igen, og ret eller slet det.")
    return "\n".join(lines)


def _item(flag: Flag) -> str:
    text = f"  - {flag.kind}: {flag.words}"
    if flag.context:
        text += f"   {flag.context}"
    if flag.note:
        text += f"\n      Bemærkning: {flag.note}"
    return text


def _shown(measure: Measure) -> str:
    """What the site does with the quote until its items are decided (evidence.model.anonymity_pending)."""
    return "holdes tilbage på sitet" if measure.hold_back else f"vises på sitet med {LEFT_OUT} for det udeladte"


def _where(dataset: Dataset, quote_id: str) -> str:
    """The quote's file and line, so the reviewer can open it."""
    quote = dataset.quotes.get(quote_id)
    return f"{quote['file']}, linje {quote['line']}" if quote else "ukendt citat"


def main() -> int:
    dataset = checked_dataset(PROJECT_ROOT)
    if dataset is None:
        return 1
    try:
        print(report(dataset))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`make review-anonymity | head`): not an error. Python's documented way
        # to end quietly: point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
