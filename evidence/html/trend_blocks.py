"""HTML blocks for a question across waves: trend chart, 'ændring siden sidst', synthetic-data banner.

Kept apart from evidence.html.blocks so a page of any section (question pages, theme hubs) can
embed a trend through one macro without knowing how waves are joined.
"""

from __future__ import annotations

from markupsafe import Markup

from evidence.html.blocks import GROUP_TITLES, figure_base, figure_legend, partial_note
from evidence.html.charts import downloads, trend_chart_svg, trend_table, trend_text_alternative
from evidence.html.templates import render
from evidence.html.uncertainty_blocks import caveat_values, gap_view
from evidence.load.dataset_types import Dataset
from evidence.model.formatting import percent
from evidence.model.survey import population_colours, question_title
from evidence.model.trends import changes, latest_question, trend_rows
from evidence.model.uncertainty import change_gap
from evidence.urls import slug, trend_csv_path


def trend_figure(dataset: Dataset, question_id: str, group: str, root: str, until: str | None = None) -> str:
    """The series as a chart, with each wave's base (»Grundlag«) under it."""
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
    bases = "".join(figure_base(dataset, w, frame[frame["wave"] == w], root) for w in waves)
    return render(
        "trend_figure.html",
        figure_id=f"fig-udvikling-{question_id}-{slug(group)}" + (f"-{until}" if until else ""),
        title=title, measure=question["measure"], text_alternative=trend_text_alternative(title, frame),
        legend=Markup(figure_legend(dataset, frame)),
        chart=Markup(trend_chart_svg(frame, population_colours(dataset))),
        citations=citations, locators=locators,
        partial=Markup((partial_note(dataset, partial) if partial else "") + bases),
        table=Markup(trend_table(frame, title)),
        downloads=Markup(downloads(root + trend_csv_path(question_id, group, until))))


def trend_chart_title(question: dict, waves: list[str], group: str) -> str:
    return f"{question_title(question)} – udvikling {waves[0]}–{waves[-1]}, {GROUP_TITLES.get(group, group)}"


def change_list(dataset: Dataset, question_id: str, group: str, root: str, until: str | None = None) -> str:
    """'Ændring siden sidst' per option and population, in percentage points, each with whether the change
    exceeds the sampling uncertainty."""
    found = changes(dataset, question_id, group, until)
    if not found:
        return ""
    gaps = [change_gap(dataset, question_id, c) for c in found]
    items = [{"option": c.option_label, "population": c.population_label, "before": percent(c.before),
              "from_wave": c.from_wave, "after": percent(c.after), "to_wave": c.to_wave, "points": c.text,
              "gap": gap_view(gap, waves=True)} for c, gap in zip(found, gaps, strict=True)]
    return render("trend_changes.html", changes=items, **caveat_values(gaps, root))
