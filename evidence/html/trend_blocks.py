"""HTML blocks for a question across waves: trend chart, 'ændring siden sidst', synthetic-data banner.

Kept apart from evidence.html.blocks so a page of any section (question pages, theme hubs) can
embed a trend through one macro without knowing how waves are joined.
"""

from __future__ import annotations

from evidence.html.blocks import GROUP_TITLES, esc, figure_legend, partial_note
from evidence.html.charts import downloads, trend_chart_svg, trend_table, trend_text_alternative
from evidence.model.dataset import Dataset
from evidence.model.formatting import percent
from evidence.model.survey import population_colours, question_title
from evidence.model.trends import changes, latest_question, trend_rows
from evidence.urls import group_slug, trend_csv_path


def trend_figure(dataset: Dataset, question_id: str, group: str, root: str, until: str | None = None) -> str:
    frame = trend_rows(dataset, question_id, group, until)
    if frame.empty:
        return ""
    question = latest_question(dataset, question_id, until)
    waves = list(dict.fromkeys(sorted(frame["wave"])))
    title = trend_chart_title(question, waves, group)
    citations = " ".join(dict.fromkeys(
        dataset.publications[dataset.waves[w].meta["publication"]]["citation"] for w in waves))
    locators = "; ".join(
        f"{w}: " + "; ".join(dict.fromkeys(part for loc in frame.loc[frame["wave"] == w, "locator"]
                                           for part in loc.split("; ")))
        for w in waves)
    partial = [w for w in waves if dataset.waves[w].questions[question_id]["series"] == "partial"]
    colours = population_colours(dataset)
    figure_id = f"fig-udvikling-{question_id}-{group_slug(group)}" + (f"-{until}" if until else "")
    return (
        f'<figure class="ev-figure ev-trend" id="{esc(figure_id)}">'
        f'<figcaption class="ev-figure__title"><strong>{esc(title)}</strong> '
        f'<span class="ev-figure__measure">{esc(question["measure"])}</span></figcaption>'
        f"{figure_legend(dataset, frame)}"
        f'<div class="ev-chart" role="img" aria-label="{esc(trend_text_alternative(title, frame))}">'
        f"{trend_chart_svg(frame, colours)}</div>"
        f'<p class="ev-figure__source"><span>Kilder:</span> {esc(citations)} Sted i rapporterne: {esc(locators)}.</p>'
        f"{partial_note(dataset, partial) if partial else ''}"
        f'<details class="ev-data"><summary>Se tallene som tabel</summary>{trend_table(frame, title)}</details>'
        f"{downloads(root + trend_csv_path(question_id, group, until))}"
        "</figure>"
    )


def trend_chart_title(question: dict, waves: list[str], group: str) -> str:
    return f"{question_title(question)} – udvikling {waves[0]}–{waves[-1]}, {GROUP_TITLES.get(group, group)}"


def change_list(dataset: Dataset, question_id: str, group: str, until: str | None = None) -> str:
    """'Ændring siden sidst' per option and population, in percentage points."""
    items = "".join(
        f"<li>{esc(c.option_label)}, {esc(c.population_label)}: {percent(c.before)} i {esc(c.from_wave)} → "
        f"{percent(c.after)} i {esc(c.to_wave)} (<strong>{esc(c.text)}</strong>)</li>"
        for c in changes(dataset, question_id, group, until)
    )
    if not items:
        return ""
    return f'<div class="ev-change"><p><strong>Ændring siden sidst</strong></p><ul>{items}</ul></div>'
