"""The parts of the hand-written pages that come from the data: the front page (docs/index.md), the method
page (docs/metode.md) and the sources page (docs/kilder.md) call these as macros.

An editor changes the wording of those pages in docs/; what they say about particular publications and
waves – which there are, their figures, their citations – is made here from data/, so it stays true when
a wave or a publication is added. Each returns Markdown (data strings escaped with md_text) or HTML.
"""

from __future__ import annotations

from evidence.html import framing_blocks
from evidence.html.blocks import headline_figures, method_summary
from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.publications import newest_first, passages_on, proposals_phrase
from evidence.model.publications import summary as publications_summary
from evidence.model.wording import capitalised, number_word
from evidence.pages.markdown import md_text, publication_link
from evidence.urls import INSIGHTS, insight_url


def framing(dataset: Dataset, place: str, publication_id: str | None = None, heading_level: int = 2) -> str:
    """Every passage the page `place` shows (data/framing/<publication>.yml `shown_on`), as Markdown: each
    under a Markdown heading of `heading_level` (so it is in the page's table of contents; none at 0)."""
    parts = []
    for publication, passage in passages_on(dataset, place, publication_id):
        if heading_level:
            parts.append(f"{'#' * heading_level} {md_text(passage['heading'])} "
                         f"{{ #{publication['id']}-{passage['id']} }}\n")
        parts.append(framing_blocks.passage_block(publication, passage) + "\n")
    return "\n".join(parts)


def publication_summary(dataset: Dataset) -> str:
    """'to publikationer: A og B' for running text."""
    return md_text(publications_summary(dataset))


def publication_count(dataset: Dataset) -> str:
    return number_word(len(dataset.publications))


def proposals_summary(dataset: Dataset) -> str:
    """'<Udgiverens> ni forslag', to begin a sentence."""
    return md_text(capitalised(proposals_phrase(dataset)))


def key_figures(dataset: Dataset, root: str) -> str:
    """The newest wave's key figures under a heading that names the wave; nothing when it has none."""
    if not dataset.waves:
        return ""
    newest = list(dataset.waves.values())[-1]
    if not newest.meta.get("headlines"):
        return ""
    return f"## Nøgletal fra undersøgelsen {md_text(newest.id)}\n\n{headline_figures(dataset, root)}\n"


def main_insights(dataset: Dataset, root: str) -> str:
    """Each report's main insights, in its own words, with a link to all of them."""
    parts = []
    for publication, doc in dataset.insights.items():
        pub = dataset.publications[publication]
        count = len(doc["main_insights"])
        heading = "Rapportens hovedindsigt" if count == 1 else f"Rapportens {number_word(count)} hovedindsigter"
        insights = [{"href": f"{root}{insight_url(main)}", "headline": main["headline"]} for main in doc["main_insights"]]
        parts += [f"## {heading} ({md_text(pub['short'])})\n",
                  render("main_insights.html", insights=insights, all_href=f"{root}{INSIGHTS}") + "\n"]
    return "\n".join(parts)


def citation_list(dataset: Dataset) -> str:
    """How to cite every publication, newest first."""
    return "\n".join(f"- {md_text(p['citation'])}{publication_link(p)}" for p in newest_first(dataset)) + "\n"


def collection_sentence(meta: dict) -> str:
    """Who sent the survey, who wrote the questionnaire and when the interviews were done, as the report says
    it (`collection` in wave.yml); without it, only the fieldwork month and who prepared the report, which
    is all the wave file then tells (it does not say who collected the answers)."""
    if meta.get("collection"):
        return md_text(meta["collection"])
    publishers = " og ".join(meta["publishers"])
    made = f"Rapporten er udarbejdet af {meta['prepared_by']} for {publishers}." if meta.get("prepared_by") else (
        f"Udgivet af {publishers}.")
    return f"Indsamlet: {md_text(meta['fieldwork'])}. {md_text(made)}"


def survey_methods(dataset: Dataset) -> str:
    """Each wave, newest first: who was asked, when and by whom, its method figures, and under the newest wave
    of each report the report's own method and ethics sections (data/framing/, shown on `metode`)."""
    lines, described = [], set()
    for wave_id, wave in reversed(dataset.waves.items()):
        lines += [
            f"## Undersøgelsen {md_text(wave_id)}\n",
            f"{md_text(wave.meta['respondents_description'])} {collection_sentence(wave.meta)}\n",
            method_summary(dataset, wave_id) + "\n",
        ]
        if wave.meta["publication"] not in described:
            described.add(wave.meta["publication"])
            lines.append(framing(dataset, "metode", wave.meta["publication"], 3))
    return "\n".join(lines)


def publication_methods(dataset: Dataset) -> str:
    """How each publication's texts were collected (`method` in publications.yml), newest first, with the
    passages on `metode` of publications that no wave describes (a booklet's foreword)."""
    lines = []
    surveyed = {wave.meta["publication"] for wave in dataset.waves.values()}
    for publication in newest_first(dataset):
        own_words = publication["id"] not in surveyed and passages_on(dataset, "metode", publication["id"])
        if not publication.get("method") and not own_words:
            continue
        testimonies = any(q["publication"] == publication["id"] and q["kind"] == "testimony"
                          for q in dataset.quotes.values())
        heading = f"Fortællingerne fra {publication['year']}" if testimonies else publication["title"]
        lines += [f"## {md_text(heading)}\n", f"{md_text(publication.get('method', ''))}\n"]
        if own_words:
            lines.append(framing(dataset, "metode", publication["id"], 3))
    return "\n".join(lines)


def sources_list(dataset: Dataset) -> str:
    """Every publication, newest first: who published it, when, and how to cite it."""
    lines = []
    for publication in newest_first(dataset):
        lines += [f"## {md_text(publication['title'])}\n",
                  f"- **Udgivet af:** {md_text(' og '.join(publication['publishers']))}"]
        if publication.get("prepared_by"):
            lines.append(f"- **Udarbejdet af:** {md_text(publication['prepared_by'])}")
        lines += [f"- **Udgivet:** {md_text(publication['date'])}",
                  f"- **Sådan citerer du:** {md_text(publication['citation'])}{publication_link(publication)}", "",
                  framing(dataset, "kilder", publication["id"], 3)]
    return "\n".join(lines)

