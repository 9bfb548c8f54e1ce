"""Pages of the survey section: an overview with the cross-area summary, and a page per question."""

from __future__ import annotations

from evidence.blocks import GROUP_TITLES
from evidence.dataset import Dataset
from evidence.markdown import front_matter, macro, md_text
from evidence.page import Page
from evidence.survey import groups_of, question_title


def question_url(wave_id: str, question_id: str) -> str:
    return f"tal/{wave_id}/{question_id}/"


def survey_pages(dataset: Dataset) -> list[Page]:
    pages = [overview_page(dataset)]
    for wave_id, wave in dataset.waves.items():
        pages += [question_page(dataset, wave_id, qid) for qid in wave.questions]
    return pages


def overview_page(dataset: Dataset) -> Page:
    lines = [front_matter(title="Tal fra undersøgelsen",
                          description="Alle tal fra KL og Dansk Socialrådgiverforenings undersøgelse, "
                                      "fordelt på spørgsmål, område og anciennitet."),
             "# Tal fra undersøgelsen\n"]
    for wave_id, wave in reversed(dataset.waves.items()):
        publication = dataset.publications[wave.meta["publication"]]
        lines += [
            f"## {md_text(wave.meta['title'])}\n",
            f"{md_text(wave.meta['respondents_description'])} Indsamlet: {md_text(wave.meta['fieldwork'])}. "
            f"Kilde: {md_text(publication['citation'])}\n",
            macro("method_summary", wave_id) + "\n",
            "### Spørgsmålene\n",
        ]
        for qid, question in wave.questions.items():
            lines.append(f"- [{md_text(question_title(question))}]({wave_id}/{qid}.md)")
        lines += ["", "### Opsummering på tværs af områder\n",
                  "Rapportens egen oversigt over de tre største svar pr. spørgsmål på børne- og familieområdet, "
                  "beskæftigelsesområdet og socialområdet.\n",
                  macro("summary_table", wave_id) + "\n",
                  macro("summary_chart", wave_id) + "\n"]
    return Page("tal/index.md", "\n".join(lines), "Tal")


def question_page(dataset: Dataset, wave_id: str, question_id: str) -> Page:
    wave = dataset.waves[wave_id]
    question = wave.questions[question_id]
    title = question_title(question)
    lines = [front_matter(title=title, description=f"{question['measure']} – tal fra undersøgelsen {wave_id}."),
             f"# {md_text(title)}\n"]
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
    if "ikke-angivet" in set(wave.figures.loc[wave.figures["question"] == question_id, "population"]):
        lines.append(
            "!!! note \"Gruppe ikke angivet\"\n"
            "    Nogle tal står kun på rapportens indsigtssider, og dér angiver rapporten ikke, hvilken "
            "gruppe af respondenter tallet gælder. De tal, der også står i rapportens opsummeringstabel, "
            "er identiske med kolonnen for børne- og familieområdet.\n"
        )
    return Page(question_url(wave_id, question_id).rstrip("/") + ".md", "\n".join(lines), title)
