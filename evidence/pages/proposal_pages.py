"""The nine proposals for politicians: browsable by addressee and theme, each with its evidence.

The site invents no recommendation. The 2020 booklet's proposals are DS's own; the 2025
report has no list of recommendations, so what its findings point to is shown only in
its own words and labelled as the report's description.
"""

from __future__ import annotations

from evidence.model.dataset import Dataset
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page


def proposal_pages(dataset: Dataset) -> list[Page]:
    if not dataset.proposals:
        return []
    return [overview(dataset), print_page(dataset)] + [proposal_page(dataset, pid) for pid in dataset.proposals]


def overview(dataset: Dataset) -> Page:
    lines = [
        front_matter(title="Anbefalinger", description="Dansk Socialrådgiverforenings ni forslag – med evidensen bag."),
        "# Anbefalinger\n",
        "Dansk Socialrådgiverforening fremsatte ni forslag i hæftet *Tid til socialt arbejde* (2020), tre i hvert "
        "kapitel. Under hvert forslag står evidensen bag: tal og indsigter fra KL og DS' rapport fra 2025 og "
        "socialrådgivernes egne fortællinger fra 2020. Rapporten fra 2025 har ingen liste med anbefalinger; "
        "hvor den beskriver, hvad der virker, står det som rapportens egen beskrivelse.\n",
        "[Udskriftsvenlig version med al evidens](udskrift.md){ .md-button }\n",
        "## Efter hvem der skal handle\n",
        macro("proposals_by_addressee") + "\n",
        "## Efter tema\n",
        macro("proposals_by_theme") + "\n",
    ]
    return Page("anbefalinger/index.md", "\n".join(lines), "Anbefalinger")


def proposal_page(dataset: Dataset, proposal_id: str) -> Page:
    proposal = dataset.proposals[proposal_id]
    title = f"Forslag {proposal_id.rsplit('-p', 1)[1]} – rettet til {proposal['addressee_label']}"
    lines = [front_matter(title=title, description=proposal["text"]),
             f"# {md_text(title)}\n",
             macro("proposal", proposal_id) + "\n",
             "## Evidensen bag\n",
             macro("proposal_evidence", proposal_id) + "\n"]
    return Page(f"anbefalinger/{proposal_id}.md", "\n".join(lines), title)


def print_page(dataset: Dataset) -> Page:
    lines = [front_matter(title="Anbefalinger – udskrift", description="Alle ni forslag med evidensen bag, til udskrift."),
             "# Anbefalinger med evidensen bag\n",
             "Alle ni forslag fra Dansk Socialrådgiverforening (2020) med tal, indsigter og citater på samme tema.\n"]
    for proposal_id, proposal in dataset.proposals.items():
        lines += [f"## {md_text(proposal['text'])}\n", macro("proposal", proposal_id) + "\n",
                  macro("proposal_evidence", proposal_id, "kort") + "\n"]
    return Page("anbefalinger/udskrift.md", "\n".join(lines), "Udskrift")
