"""A proposal with the evidence an editor chose for it: its figures as a chart, the insights and the quotes
that bear on it (data/proposals/, `evidence`), on the overview, the proposal's page and the printed brief.

The proposals are one publication's; the evidence beside them comes from others. The publication's own
`proposals_note` (data/publications.yml) says so wherever the proposals are listed.
"""

from __future__ import annotations

from markupsafe import Markup

from evidence.html.blocks import figure_html, quote_block
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
    return render("proposals_note.html",
                  notes=[p["proposals_note"] for p in with_proposals(dataset) if p.get("proposals_note")])


def proposal_figures(dataset: Dataset, proposal_id: str, root: str, lines: bool = True) -> str:
    """The proposal's figures as a chart per wave they come from (normally the newest), with the same
    figures as sentences; or, where no survey question bears on the proposal, the editor's plain reason."""
    frame = proposals.figure_frame(dataset, proposal_id)
    if frame.empty:
        return render("proposal_figures.html", reason=dataset.proposals[proposal_id]["evidence"]["no_figures"])
    waves = list(dict.fromkeys(frame["wave"]))
    charts = []
    for wave_id in sorted(waves, reverse=True):
        rows = frame[frame["wave"] == wave_id].reset_index(drop=True)
        chart = figure_html(
            dataset, wave_id, rows,
            title=proposal_chart_title(wave_id),
            measure="Andel i procent. Hvad andelen måler, står ved hvert spørgsmål.",
            figure_id=f"fig-{proposal_id}" + (f"-{wave_id}" if len(waves) > 1 else ""),
            csv_href=root + proposal_csv_path(wave_id, proposal_id), root=root,
            partial=any(dataset.waves[wave_id].questions[q]["series"] == "partial" for q in rows["question"]),
        )
        charts.append({"chart": Markup(chart), "lines": Markup(figure_lines(dataset, rows, root)) if lines else None})
    return render("proposal_figures.html", reason=None, charts=charts)


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
    return render("key_figures.html", lines=None if frame.empty else Markup(figure_lines(dataset, frame, root)))


def proposal_overview(dataset: Dataset, root: str) -> str:
    """Every proposal with its key figures, grouped by whom it asks to act; the proposals that name no one to
    act come last, under a heading that says so."""
    groups: dict[str, list[dict]] = {}
    for item in dataset.proposals.values():
        label = NO_ACTOR if item.get("addressee_phrase") else capitalised(item["addressee_label"])
        groups.setdefault(label, []).append(item)
    ordered = [g for g in groups if g != NO_ACTOR] + ([NO_ACTOR] if NO_ACTOR in groups else [])
    return render("proposal_overview.html", groups=[
        {"label": label, "cards": [{"href": root + proposal_url(item["id"]), "heading": proposals.heading(item),
                                    "text": item["text"], "figures": Markup(key_figures(dataset, item["id"], root))}
                                   for item in groups[label]]} for label in ordered])


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
        sections.append({
            "id": proposal_id, "heading": proposals.heading(item), "href": root + proposal_url(proposal_id),
            "proposal": Markup(proposal(dataset, proposal_id, root)),
            "figures": Markup(proposal_figures(dataset, proposal_id, root, lines=False)),
            "insights": Markup(proposal_insights(dataset, proposal_id, root)),
            "quotes": [Markup(quote_block(dataset, q["id"], root, 3, anchor=False)) for q in chosen],
        })
    return render("brief.html", sections=sections)
