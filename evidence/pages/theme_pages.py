"""Theme hubs: everything the publications say on one theme, from finding to evidence."""

from __future__ import annotations

from evidence.html.evidence_blocks import theme_figures
from evidence.html.trend_blocks import change_list, trend_figure
from evidence.load.dataset_types import Dataset
from evidence.model.publications import descriptions
from evidence.model.themes import facts_on, insights_on, proposals_on, quotes_on, theme_figure_frame
from evidence.model.trends import has_trend, latest_question, question_ids, question_waves, trend_groups
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page
from evidence.urls import THEMES, index_page, theme_file

QUOTES_ON_HUB = 6


def theme_pages(dataset: Dataset) -> list[Page]:
    return [themes_index(dataset)] + [theme_page(dataset, theme_id) for theme_id in dataset.themes]


def themes_index(dataset: Dataset) -> Page:
    lines = [front_matter(title="Temaer", description="Tal, indsigter, anbefalinger og fortællinger samlet efter tema."),
             "# Temaer\n",
             f"Vælg et tema for at se, hvad {md_text(descriptions(dataset))} siger om det.\n",
             macro("theme_list") + "\n"]
    return Page(index_page(THEMES), "\n".join(lines), "Temaer")


def theme_page(dataset: Dataset, theme_id: str) -> Page:
    theme = dataset.themes[theme_id]
    lines = [front_matter(title=theme["name"], description=theme["description"]),
             f"# {md_text(theme['name'])}\n",
             f"{md_text(theme['description'])}\n",
             macro("theme_survey", theme_id) + "\n"]
    if insights_on(dataset, theme_id):
        lines += ["## Indsigter fra rapporten\n", macro("theme_insights", theme_id) + "\n"]
    if proposals_on(dataset, theme_id):
        lines += ["## Anbefalinger\n", macro("theme_proposals", theme_id) + "\n"]
    if facts_on(dataset, theme_id):
        lines += ["## Fakta fra publikationernes tekst\n", macro("theme_facts", theme_id) + "\n"]
    selection = quotes_on(dataset, theme_id)
    if selection:
        lines += ["## Citater og fortællinger\n", macro("theme_quote_count", theme_id) + "\n"]
        lines += [macro("quote_teaser", q["id"]) + "\n" for q in selection[:QUOTES_ON_HUB]]
    return Page(theme_file(theme_id), "\n".join(lines), theme["name"])


def trend_questions(dataset: Dataset, theme_id: str) -> list[str]:
    """Questions asked in two or more waves with an answer on the theme (in any wave's tagging)."""
    return [qid for qid in question_ids(dataset)
            if has_trend(dataset, qid)
            and any(theme_id in o.get("themes", [])
                    for wave in question_waves(dataset, qid)
                    for o in dataset.waves[wave].questions[qid]["options"])]


def survey_section(dataset: Dataset, theme_id: str, root: str) -> str:
    """The survey's part of a theme page: its figures and how they changed."""
    lines = []
    if not theme_figure_frame(dataset, theme_id).empty:
        lines += ["## Det viser undersøgelsen\n", theme_figures(dataset, theme_id, root) + "\n"]
    for question_id in trend_questions(dataset, theme_id):
        question = latest_question(dataset, question_id)
        lines.append(f"## Udvikling over tid: {md_text(question['label'] or '')} {md_text(question['measure'])}\n")
        for group in trend_groups(dataset, question_id):
            lines += [trend_figure(dataset, question_id, group, root) + "\n",
                      change_list(dataset, question_id, group, root) + "\n"]
    return "\n".join(lines)
