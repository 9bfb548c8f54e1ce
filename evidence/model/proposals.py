"""The evidence an editor chose for each proposal (`evidence` in data/proposals/), ready for the pages.

Figures are named by question × option × population ids, never by wave, so a proposal keeps its figures
when a new wave arrives: each is taken from the newest wave that states it.
"""

from __future__ import annotations

import pandas as pd

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.survey import question_frame
from evidence.model.themes import find_insight
from evidence.urls import block_url


def heading(proposal: dict) -> str:
    """'Forslag 3 – rettet til kommunerne', or with the proposal's own phrase when it names no one to act."""
    number = proposal["id"].rsplit("-p", 1)[1]
    return f"Forslag {number} – {addressee_phrase(proposal)}"


def addressee_phrase(proposal: dict) -> str:
    return proposal.get("addressee_phrase") or f"rettet til {proposal['addressee_label']}"


@per_dataset
def figure_frame(dataset: Dataset, proposal_id: str, key_only: bool = False, until: str | None = None) -> pd.DataFrame:
    """The proposal's figures, each from the newest wave (up to `until`, for an older wave's download) that
    states it, grouped by question in the order the editor named them (the charts put each question above
    its bars)."""
    refs = [r for r in dataset.proposals[proposal_id]["evidence"]["figures"] if r.get("key") or not key_only]
    rows = []
    for ref in refs:
        wave_id = newest_wave_with(dataset, ref, until)
        if wave_id is None:
            continue
        frame = question_frame(dataset, wave_id, ref["question"])
        row = frame[(frame["option"] == ref["option"]) & (frame["population"] == ref["population"])].copy()
        rows.append(row)
    if not rows:
        return pd.DataFrame()
    frame = pd.concat(rows, ignore_index=True)
    first = {q: i for i, q in reversed(list(enumerate(frame["question"])))}
    return frame.sort_values("question", key=lambda s: s.map(first), kind="stable").reset_index(drop=True)


def newest_wave_with(dataset: Dataset, ref: dict, until: str | None = None) -> str | None:
    wanted = (ref["question"], ref["option"], ref["population"])
    return next((w for w, wave in reversed(dataset.waves.items()) if (until is None or w <= until)
                 and any((r["question"], r["option"], r["population"]) == wanted for r in wave.rows)), None)


def insights(dataset: Dataset, proposal_id: str) -> list[tuple[str, dict]]:
    return [(ref["publication"], find_insight(dataset, ref["publication"], ref["insight"]))
            for ref in dataset.proposals[proposal_id]["evidence"].get("insights", [])]


def findings(dataset: Dataset, proposal_id: str) -> list[dict]:
    """The report's findings chosen for the proposal (lines of its comparison blocks), each with its block's and
    list's heading and its group's label and definition as the report gives them (checked by
    evidence.load.proposal_checks)."""
    found = []
    for ref in dataset.proposals[proposal_id]["evidence"].get("findings", []):
        block = next(b for b in dataset.insights[ref["publication"]]["blocks"] if b["id"] == ref["block"])
        listed = block["lists"][ref["list"] - 1]
        group = next(g for g in listed["groups"] if g["group"] == ref["group"])
        including = next((i for i in dataset.insights[ref["publication"]]["insights"] if ref["block"] in i.get("includes", [])),
                         None)
        found.append({**ref, "href": block_url(ref["block"], including), "heading": block["heading"],
                      "list_heading": listed["heading"], "label": group["label"],
                      "definition": group["definition"], "factor": group["factors"][ref["factor"] - 1]})
    return found


def quotes(dataset: Dataset, proposal_id: str) -> list[dict]:
    return [dataset.quotes[q] for q in dataset.proposals[proposal_id]["evidence"]["quotes"]]


def testimony_of(quote: dict) -> str:
    """The testimony a quote comes from (an excerpt's full text), so a brief never prints one story twice."""
    return quote.get("full_text") or quote["id"]
