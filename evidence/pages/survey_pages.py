"""Pages of the survey section: an overview, a page per question per wave, and a page per question across waves.

A wave's question page (tal/<wave>/<question>/) shows that wave and the trend as it stood
then, so a citation of it stays true when later waves arrive. The cross-wave page
(tal/spoergsmaal/<question>/) exists once a second wave asks the question – before that it would
only repeat the wave's page – and shows the whole series once two waves state the same figure.
"""

from __future__ import annotations

from evidence.html.blocks import GROUP_TITLES, synthetic_banner
from evidence.load.dataset_types import Dataset
from evidence.model.survey import groups_of, question_title, summary_areas, summary_frame
from evidence.model.trends import (
    latest_question,
    question_waves,
    repeated_question_ids,
    trend_groups,
    trend_rows,
    wording_changes,
)
from evidence.model.wording import join_and, lower_first, possessive
from evidence.pages.markdown import front_matter, macro, md_text, publication_link
from evidence.pages.page import Page
from evidence.urls import SURVEY, index_page, question_url, trend_url


def survey_pages(dataset: Dataset) -> list[Page]:
    pages = [overview_page(dataset)]
    for wave_id, wave in dataset.waves.items():
        pages += [question_page(dataset, wave_id, qid) for qid in wave.questions]
    pages += [trend_page(dataset, qid) for qid in repeated_question_ids(dataset)]
    return pages


def overview_page(dataset: Dataset) -> Page:
    lines = [front_matter(title="Tal fra undersøgelsen",
                          description=f"Alle tal fra {_whose_survey(dataset)}, fordelt på spørgsmål, område og anciennitet."),
             "# Tal fra undersøgelsen\n"]
    for wave_id, wave in reversed(dataset.waves.items()):
        publication = dataset.publications[wave.meta["publication"]]
        lines.append(f"## {md_text(wave.meta['title'])}\n")
        if wave.synthetic:
            lines.append(synthetic_banner() + "\n")
        lines += [
            f"{md_text(wave.meta['respondents_description'])} Indsamlet: {md_text(wave.meta['fieldwork'])}. "
            f"Kilde: {md_text(publication['citation'])}{publication_link(publication)}\n",
            macro("method_summary", wave_id) + "\n",
            "### Spørgsmålene\n",
        ]
        for qid, question in wave.questions.items():
            lines.append(f"- [{md_text(question_title(question))}]({wave_id}/{qid}.md)")
        lines.append("")
        if summary_frame(dataset, wave_id).empty:
            continue
        lines += ["### Opsummering på tværs af områder\n",
                  f"{md_text(_summary_intro(dataset, wave_id))}\n",
                  macro("framing", "tal", wave.meta["publication"], "4") + "\n",
                  macro("summary_table", wave_id) + "\n",
                  macro("summary_chart", wave_id) + "\n"]
    repeated = repeated_question_ids(dataset)
    if repeated:
        lines += ["## Spørgsmålene over tid\n",
                  "Et spørgsmål, som mere end én undersøgelse har stillet, har én side på tværs af undersøgelserne. "
                  "Når to undersøgelser nævner tal for samme svar og gruppe, viser siden udviklingen.\n"]
        lines += [f"- [{md_text(question_title(latest_question(dataset, qid)))}](spoergsmaal/{qid}.md)"
                  for qid in repeated]
        lines.append("")
    return Page(index_page(SURVEY), "\n".join(lines), "Tal")


def _whose_survey(dataset: Dataset) -> str:
    """'<udgivernes> undersøgelse' when every wave has the same publishers, else 'undersøgelserne'."""
    publishers = {join_and(wave.meta["publishers"]) for wave in dataset.waves.values()}
    return f"{possessive(publishers.pop())} undersøgelse" if len(publishers) == 1 else "undersøgelserne"


def _summary_intro(dataset: Dataset, wave_id: str) -> str:
    """The wave's own words on its summary (`summary_intro`), or which areas it compares."""
    areas = join_and([lower_first(dataset.populations[a]["name"]) for a in summary_areas(dataset)])
    return dataset.waves[wave_id].meta.get("summary_intro") or f"Rapportens egen oversigt over svarene pr. spørgsmål på {areas}."


def question_page(dataset: Dataset, wave_id: str, question_id: str) -> Page:
    wave = dataset.waves[wave_id]
    question = wave.questions[question_id]
    title = question_title(question)
    lines = [front_matter(title=title, description=f"{question['measure']} – tal fra undersøgelsen {wave_id}."),
             f"# {md_text(title)}\n"]
    if wave.synthetic:
        lines.append(synthetic_banner() + "\n")
    facts = []
    if question.get("wording"):
        facts.append(f"**Spørgsmål:** {md_text(question['wording'])}")
    if question.get("instruction"):
        facts.append(f"**Instruktion:** {md_text(question['instruction'])}")
    facts.append(f"**Tallet viser:** {md_text(question['measure'])}")
    facts.append(f"**Undersøgelse:** {md_text(wave.meta['title'])} ({md_text(wave.meta['fieldwork'])})")
    if question.get("note"):
        facts.append(f"**Bemærk:** {md_text(question['note'])}")
    lines.append("  \n".join(facts) + "\n")
    for group in groups_of(dataset, wave_id, question_id):
        lines += [f"## {md_text(GROUP_TITLES.get(group, group).capitalize())}\n",
                  macro("survey_figure", wave_id, question_id, group) + "\n"]
    shown = set(wave.figures.loc[wave.figures["question"] == question_id, "population"])
    for note in wave.meta.get("population_notes", []):
        if note["population"] in shown:
            name = md_text(dataset.populations[note["population"]]["name"]).replace('"', "&quot;")
            lines.append(f'!!! note "{name}"\n    {md_text(note["text"])}\n')
    lines += _trend_section(dataset, question_id, wave_id)
    return Page(question_url(wave_id, question_id).rstrip("/") + ".md", "\n".join(lines), title)


def _trend_section(dataset: Dataset, question_id: str, wave_id: str) -> list[str]:
    """The series up to this wave, when this wave continues it; otherwise a link to the cross-wave page, when
    there is one."""
    if len(question_waves(dataset, question_id)) < 2:
        return []
    link = f"[Se spørgsmålet på tværs af undersøgelserne](../spoergsmaal/{question_id}.md)"
    if wave_id not in set(trend_rows(dataset, question_id, until=wave_id)["wave"]):
        return ["## Over tid\n", f"{link}.\n"]
    lines = ["## Udvikling over tid\n", *_wording_notes(dataset, question_id, wave_id)]
    for group in trend_groups(dataset, question_id, until=wave_id):
        lines += [f"### {md_text(GROUP_TITLES.get(group, group).capitalize())}\n",
                  macro("trend_changes", question_id, group, wave_id) + "\n",
                  macro("trend_figure", question_id, group, wave_id) + "\n"]
    lines.append(f"{link}.\n")
    return lines


def _wording_notes(dataset: Dataset, question_id: str, until: str | None = None) -> list[str]:
    return [
        f"!!! note \"Formuleringen er ændret i {wave}\"\n"
        f"    Før {wave}: »{md_text(before)}«  \n    Fra {wave}: »{md_text(after)}«  \n"
        "    Tallene før og efter ændringen er vist i samme serie, men kan være påvirket af den nye formulering.\n"
        for wave, before, after in wording_changes(dataset, question_id, until)
    ]


def trend_page(dataset: Dataset, question_id: str) -> Page:
    question = latest_question(dataset, question_id)
    waves = question_waves(dataset, question_id)
    title = f"{question['wording'] or question['measure']} – over tid"
    lines = [front_matter(title=title, description=f"{question['measure']} – alle undersøgelser, der har stillet "
                                                   "spørgsmålet, og udviklingen mellem dem."),
             f"# {md_text(title)}\n"]
    if any(dataset.waves[w].synthetic for w in waves):
        lines.append(synthetic_banner() + "\n")
    facts = [f"**Tallet viser:** {md_text(question['measure'])}",
             "**Stillet i:** " + ", ".join(
                 f"[undersøgelsen {w} ({md_text(dataset.waves[w].questions[question_id]['label'] or 'uden nummer')})]"
                 f"(../{w}/{question_id}.md)" for w in reversed(waves))]
    lines.append("  \n".join(facts) + "\n")
    lines += _wording_notes(dataset, question_id)
    groups = trend_groups(dataset, question_id)
    if not groups:
        lines.append("Undersøgelserne har stillet spørgsmålet, men nævner indtil videre ikke tal for samme svar og "
                     "gruppe. Når to undersøgelser gør det, viser siden her udviklingen og ændringen i procentpoint.\n")
    for group in groups:
        lines += [f"## {md_text(GROUP_TITLES.get(group, group).capitalize())}\n",
                  macro("trend_changes", question_id, group) + "\n",
                  macro("trend_figure", question_id, group) + "\n"]
    return Page(trend_url(question_id).rstrip("/") + ".md", "\n".join(lines), title)
