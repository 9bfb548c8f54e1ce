"""The proposals for politicians: browsable by addressee and theme, each with its evidence.

The site invents no recommendation. The proposals are those a publication makes itself
(data/proposals/); a publication without a list of recommendations is shown only in its own
words, as evidence under the proposals.
"""

from __future__ import annotations

from collections import Counter

from evidence.load.dataset_types import Dataset
from evidence.model.proposals import heading
from evidence.model.publications import descriptions, label, newest_first, proposal_sources, proposals_phrase, with_proposals
from evidence.model.wording import capitalised, join_and, number_word
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page
from evidence.urls import PROPOSALS, index_page, proposal_file


def proposal_pages(dataset: Dataset) -> list[Page]:
    if not dataset.proposals:
        return []
    return [overview(dataset), print_page(dataset)] + [proposal_page(dataset, pid) for pid in dataset.proposals]


def overview(dataset: Dataset) -> Page:
    lines = [
        front_matter(title="Anbefalinger",
                     description=f"{capitalised(proposals_phrase(dataset))} – med tal og citater om samme emner."),
        "# Anbefalinger\n",
        intro(dataset) + "\n",
        macro("proposals_note") + "\n",
        "[Udskriftsvenlig version med tal og citater](udskrift.md){ .md-button }\n",
        "## Forslagene og deres nøgletal\n",
        macro("proposal_overview") + "\n",
        "## Efter tema\n",
        macro("proposals_by_theme") + "\n",
    ]
    return Page(index_page(PROPOSALS), "\n".join(lines), "Anbefalinger")


def intro(dataset: Dataset) -> str:
    """Who made the proposals and where, what evidence stands under them, and which publications make none."""
    sentences = []
    for publication in with_proposals(dataset):
        own = [p for p in dataset.proposals.values() if p["publication"] == publication["id"]]
        per_chapter = set(Counter(p["chapter"] for p in own).values())
        each = f", {number_word(per_chapter.pop(), neuter=True)} i hvert kapitel" \
            if len(per_chapter) == 1 and len({p["chapter"] for p in own}) > 1 else ""
        sentences.append(f"{md_text(join_and(publication['publishers']))} fremsatte {number_word(len(own), neuter=True)} "
                         f"forslag i *{md_text(publication['title'])}* ({publication['year']}){each}.")
    sentences.append(f"Under hvert forslag står tal, indsigter og citater om samme emner fra {md_text(descriptions(dataset))}.")
    making = {p["id"] for p in with_proposals(dataset)}
    without = [p["id"] for p in newest_first(dataset) if p["id"] not in making]
    noted = any(p.get("proposals_note") for p in with_proposals(dataset))
    if without and not noted:
        plural = len(without) > 1
        sentences.append(f"{md_text(capitalised(descriptions(dataset, without)))} har ingen "
                         f"{'lister' if plural else 'liste'} med anbefalinger; hvor {'de' if plural else 'den'} beskriver, "
                         f"hvad der virker, står det som {'deres' if plural else 'dens'} egen beskrivelse.")
    return " ".join(sentences)


def card_description(dataset: Dataset, proposal: dict) -> str:
    """The proposal's description (meta and social card): whose proposal and from when, its text, and the
    publication's note that the page carries too (`card_note`), so a shared card never implies more support."""
    publication = dataset.publications[proposal["publication"]]
    return " ".join(part for part in (f"{label(publication)}:", proposal["text"], publication.get("card_note", "")) if part)


def proposal_page(dataset: Dataset, proposal_id: str) -> Page:
    """The proposal, then the evidence chosen for it – figures first, then insights, then quotes – and last
    the evidence on its themes."""
    proposal = dataset.proposals[proposal_id]
    title = heading(proposal)
    lines = [front_matter(title=title, description=card_description(dataset, proposal)),
             f"# {md_text(title)}\n",
             macro("proposal", proposal_id) + "\n",
             macro("proposals_note") + "\n",
             "## Tal fra undersøgelsen\n",
             macro("proposal_figures", proposal_id) + "\n"]
    if proposal["evidence"].get("insights") or proposal["evidence"].get("findings"):
        lines += ["## Indsigter\n", macro("proposal_insights", proposal_id) + "\n"]
    lines += ["## Citater\n", macro("proposal_quotes", proposal_id) + "\n",
              f"## {'Mere om dette tema' if len(proposal['themes']) == 1 else 'Mere om disse temaer'}\n",
              macro("proposal_evidence", proposal_id) + "\n"]
    return Page(proposal_file(proposal_id), "\n".join(lines), title)


def print_page(dataset: Dataset) -> Page:
    count = number_word(len(dataset.proposals), neuter=True)
    lines = [front_matter(title="Anbefalinger – udskrift",
                          description=f"Alle {count} forslag med tal og citater om samme emner, til udskrift."),
             "# Anbefalinger med tal og citater\n",
             f"Alle {count} forslag fra {md_text(proposal_sources(dataset))} med tal, indsigter og citater om samme "
             "emner – ét forslag pr. side, når siden udskrives.\n",
             macro("proposals_note") + "\n",
             macro("proposal_brief") + "\n"]
    return Page(f"{PROPOSALS}udskrift.md", "\n".join(lines), "Udskrift")
