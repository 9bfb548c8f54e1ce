"""What the site publishes of a quote while an item of the anonymity review waits for a person's decision.

The machine only points, and a person decides; until then the site must not publish what the review found.
The publisher chooses per item in data/anonymity/review.yml (`until_decided`): the quote is shown without
the flagged details (`leave_out`, the default for what the machine finds) or held back (`hold_back`, the
default for what only a person saw, since no words say what to leave out). A left-out detail is shown as
»[…]« and the quote says that the site left details out: its words are never silently changed. Once an item
has `reviewed`, the quote is published as printed again.
"""

from __future__ import annotations

import dataclasses
import re

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.load.review_checks import FLAG_PARTS
from evidence.model.anonymity import CLUSTER, printed_quotes, review_entries, undecided

LEFT_OUT = "[…]"
LEAVE_OUT, HOLD_BACK = "leave_out", "hold_back"
# The fields of a quote a reader sees, in which a left-out detail is replaced.
SHOWN_FIELDS = ("lead_in", "text", "attribution")
LEFT_OUT_NOTE = (f"Sitet har udeladt detaljer, som måske kan pege på en person, mens udgiveren ser citatet igennem. "
                 f"Hvor ord er udeladt, står {LEFT_OUT}.")
HELD_BACK_NOTE = ("Sitet viser ikke citatet, mens udgiveren ser det igennem for detaljer, som måske kan pege på "
                  "en person.")


@dataclasses.dataclass(frozen=True)
class Measure:
    """What the site does with one quote until its items are decided."""

    hold_back: bool = False
    passages: tuple[str, ...] = ()
    anonymous_speaker: bool = False  # a cluster: the attribution keeps the role, not the age and seniority

    def joined(self, other: Measure) -> Measure:
        return Measure(self.hold_back or other.hold_back, tuple(dict.fromkeys(self.passages + other.passages)),
                       self.anonymous_speaker or other.anonymous_speaker)


@per_dataset
def measures(dataset: Dataset) -> dict[str, Measure]:
    """Per quote id, what is left out or held back; a quote and its twin text (a cover story and the same
    testimony in the long collection) are treated alike."""
    entries = {(entry["quote"], entry.get("flag") or entry.get("detail")): entry for entry in review_entries(dataset)}
    found: dict[str, Measure] = {}
    for flag in undecided(dataset):
        entry = entries.get((flag.quote, flag.words), {})
        for quote_id, measure in _measures_of(dataset, flag, entry):
            found[quote_id] = found.get(quote_id, Measure()).joined(measure)
    quotes = printed_quotes(dataset)
    for quote_id in list(found):
        for twin in _twins(quotes, quote_id):
            found[twin] = found.get(twin, Measure()).joined(found[quote_id])
    return found


def _measures_of(dataset: Dataset, flag, entry: dict) -> list[tuple[str, Measure]]:
    machine = flag.kind != "detalje"
    if entry.get("until_decided", LEAVE_OUT if machine else HOLD_BACK) == HOLD_BACK:
        return [(flag.quote, Measure(hold_back=True))]
    passages = tuple(entry.get("leave_out") or ())
    if flag.kind == CLUSTER:
        return [(quote_id, Measure(passages=passages, anonymous_speaker=True))
                for quote_id, quote in printed_quotes(dataset).items() if quote.get("attribution") == flag.words
                and quote.get("speaker")]
    return [(flag.quote, Measure(passages=passages + (tuple(flag.words.split(FLAG_PARTS)) if machine else ())))]


def _twins(quotes: dict[str, dict], quote_id: str) -> list[str]:
    quote = quotes[quote_id]
    return [other for other, item in quotes.items()
            if other != quote_id and (item.get("full_text") == quote_id or quote.get("full_text") == other)]


def published_quote(quote: dict, measure: Measure) -> dict:
    """The quote as the site shows it under a measure; everything else about it (id, locator, themes) stays."""
    shown = dict(quote)
    if measure.hold_back:
        for field in SHOWN_FIELDS:
            if shown.get(field):
                shown[field] = LEFT_OUT
        if quote.get("speaker"):
            shown["speaker"] = {key: value for key, value in quote["speaker"].items() if key == "role"}
        return {**shown, "note": HELD_BACK_NOTE, "held_back": True}
    for passage in sorted(measure.passages, key=len, reverse=True):
        whole = re.compile(rf"(?<!\w){re.escape(passage)}(?!\w)")  # »Per« is left out, »Personalet« is not touched
        for field in SHOWN_FIELDS:
            if shown.get(field):
                shown[field] = whole.sub(LEFT_OUT, shown[field])
    if measure.anonymous_speaker and quote.get("speaker", {}).get("role"):
        shown["attribution"] = f"{quote['speaker']['role']}, {LEFT_OUT}"
        shown["speaker"] = {"role": quote["speaker"]["role"]}
    changed = any(shown.get(field) != quote.get(field) for field in SHOWN_FIELDS)
    if not changed:
        return quote
    note = f"{quote['note']} {LEFT_OUT_NOTE}" if quote.get("note") else LEFT_OUT_NOTE
    return {**shown, "note": note, "left_out": True}


@per_dataset
def as_published(dataset: Dataset) -> Dataset:
    """The dataset the pages, downloads and search index are made from: every quote as the site may show it
    now. The quotes as printed stay with it, for the review (and a dataset already published is returned)."""
    if dataset.printed_quotes:
        return dataset
    found = measures(dataset)
    quotes = {quote_id: published_quote(quote, found[quote_id]) if quote_id in found else quote
              for quote_id, quote in dataset.quotes.items()}
    return dataclasses.replace(dataset, quotes=quotes, printed_quotes=dataset.quotes, derived={})
