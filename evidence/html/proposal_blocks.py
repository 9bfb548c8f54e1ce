"""A proposal with the evidence an editor chose for it: its figures as a chart, the insights and the quotes
that bear on it (data/proposals/, `evidence`), on the overview, the proposal's page and the printed brief.

The proposals are one publication's; the evidence beside them comes from others. The publication's own
`proposals_note` (data/publications.yml) says so wherever the proposals are listed.
"""

from __future__ import annotations

from evidence.html.blocks import esc, figure_html, quote_block
from evidence.html.evidence_blocks import figure_lines, insight_list, proposal
from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model import proposals
from evidence.model.publications import label_of, with_proposals
from evidence.model.wording import capitalised
from evidence.urls import proposal_csv_path, proposal_url

NO_ACTOR = "Forslag, der ikke siger, hvem der skal handle"

# Characters of quoted text the brief prints under one proposal: a second quote only if both fit, so each
# proposal keeps to its printed page.
BRIEF_QUOTE_CHARS = 900


def proposals_note(dataset: Dataset) -> str:
    """Each proposing publication's note on whose proposals they are (`proposals_note`)."""
    notes = [p["proposals_note"] for p in with_proposals(dataset) if p.get("proposals_note")]
    return "".join(f'<p class="ev-note">{esc(note)}</p>' for note in notes)


def proposal_figures(dataset: Dataset, proposal_id: str, root: str, lines: bool = True) -> str:
    """The proposal's figures as a chart per wave they come from (normally the newest), with the same
    figures as sentences; or, where no survey question bears on the proposal, the editor's plain reason."""
    frame = proposals.figure_frame(dataset, proposal_id)
    if frame.empty:
        reason = dataset.proposals[proposal_id]["evidence"]["no_figures"]
        return f'<p class="ev-none"><strong>Ingen tal fra undersøgelsen.</strong> {esc(reason)}</p>'
    waves = list(dict.fromkeys(frame["wave"]))
    parts = []
    for wave_id in sorted(waves, reverse=True):
        rows = frame[frame["wave"] == wave_id].reset_index(drop=True)
        parts.append(figure_html(
            dataset, wave_id, rows,
            title=proposal_chart_title(wave_id),
            measure="Andel i procent. Hvad andelen måler, står ved hvert spørgsmål.",
            figure_id=f"fig-{proposal_id}" + (f"-{wave_id}" if len(waves) > 1 else ""),
            csv_href=root + proposal_csv_path(wave_id, proposal_id), root=root,
            partial=any(dataset.waves[wave_id].questions[q]["series"] == "partial" for q in rows["question"]),
        ))
        if lines:
            parts.append(figure_lines(dataset, rows, root))
    return "".join(parts)


def proposal_chart_title(wave_id: str) -> str:
    return f"Tal fra undersøgelsen {wave_id}, som sitet har koblet til forslaget"


def proposal_insights(dataset: Dataset, proposal_id: str, root: str) -> str:
    """The insights chosen for the proposal, then the report's findings chosen for it."""
    chosen = proposals.insights(dataset, proposal_id)
    findings = [{**f, "source": label_of(dataset, f["publication"]), "href": root + f["href"]}
                for f in proposals.findings(dataset, proposal_id)]
    return ((insight_list(dataset, chosen, root) if chosen else "")
            + (render("proposal_findings.html", findings=findings) if findings else ""))


def proposal_quotes(dataset: Dataset, proposal_id: str, root: str, heading_level: int = 3) -> str:
    return "".join(quote_block(dataset, q["id"], root, heading_level, anchor=False)
                   for q in proposals.quotes(dataset, proposal_id))


def key_figures(dataset: Dataset, proposal_id: str, root: str) -> str:
    """The one or two key figures beside the proposal on the overview, or that the survey has none."""
    frame = proposals.figure_frame(dataset, proposal_id, key_only=True)
    if frame.empty:
        return '<p class="ev-none">Ingen tal fra undersøgelsen om forslaget.</p>'
    return figure_lines(dataset, frame, root)


def proposal_overview(dataset: Dataset, root: str) -> str:
    """Every proposal with its key figures, grouped by whom it asks to act; the proposals that name no one to
    act come last, under a heading that says so."""
    groups: dict[str, list[dict]] = {}
    for item in dataset.proposals.values():
        label = NO_ACTOR if item.get("addressee_phrase") else capitalised(item["addressee_label"])
        groups.setdefault(label, []).append(item)
    ordered = [g for g in groups if g != NO_ACTOR] + ([NO_ACTOR] if NO_ACTOR in groups else [])
    parts = []
    for label in ordered:
        cards = "".join(
            f'<li class="ev-proposal-card"><p class="ev-proposal-card__title">'
            f'<a href="{root}{proposal_url(item["id"])}">{esc(proposals.heading(item))}</a></p>'
            f'<p class="ev-proposal-card__text">{esc(item["text"])}</p>{key_figures(dataset, item["id"], root)}</li>'
            for item in groups[label])
        parts.append(f'<h3>{esc(label)}</h3><ul class="ev-proposal-cards">{cards}</ul>')
    return "".join(parts)


def brief(dataset: Dataset, root: str) -> str:
    """The printed brief: each proposal on a page of its own with its chart, insights and one or two quotes –
    the shortest of those chosen for it, so a proposal fits its page – no testimony printed twice, and the
    address of its page on the site."""
    printed: set[str] = set()
    sections = []
    for proposal_id, item in dataset.proposals.items():
        unprinted = [q for q in proposals.quotes(dataset, proposal_id) if proposals.testimony_of(q) not in printed]
        shortest = sorted(unprinted, key=lambda q: len(q["text"]))[:2]
        if len(shortest) == 2 and sum(len(q["text"]) for q in shortest) > BRIEF_QUOTE_CHARS:
            shortest = shortest[:1]
        chosen = sorted(shortest, key=unprinted.index)
        printed |= {proposals.testimony_of(q) for q in chosen}
        insights = proposal_insights(dataset, proposal_id, root)
        sections.append(
            f'<section class="ev-brief" aria-labelledby="brief-{esc(proposal_id)}">'
            f'<h2 id="brief-{esc(proposal_id)}">{esc(proposals.heading(item))}</h2>'
            f"{proposal(dataset, proposal_id, root)}"
            f"{proposal_figures(dataset, proposal_id, root, lines=False)}"
            + (f'<p class="ev-label">Indsigter</p>{insights}' if insights else "")
            + "".join(quote_block(dataset, q["id"], root, 3, anchor=False) for q in chosen)
            + f'<p class="ev-brief__more">Forslaget med flere tal og citater: '
            f'<a href="{root}{esc(proposal_url(proposal_id))}">{esc(proposals.heading(item))}</a></p></section>'
        )
    return "".join(sections)
