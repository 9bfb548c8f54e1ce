"""Every chart's own downloads, all named as its CSV: the CSV for programs, an Excel workbook for people,
and the chart as PNG and SVG with its title, source and the site's address inside the picture.

The charts are listed here once, with what decides their files (rows, title, the page that shows them),
so every chart kind – a question, the cross-area summary, a theme, a proposal, a trend – gets the same four
files, and a chart whose CSV a page links to always has its workbook and its pictures beside it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from evidence.html.blocks import CHART_COLUMNS, question_chart_title, question_groups, summary_chart_title
from evidence.html.charts import chart_image
from evidence.html.evidence_blocks import theme_chart_title
from evidence.html.proposal_blocks import proposal_chart_title
from evidence.html.trend_blocks import trend_chart_title
from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model import proposals
from evidence.model.survey import csv_rows, csv_text, groups_of, population_colours, question_frame, summary_frame
from evidence.model.themes import theme_figure_frame
from evidence.model.trends import latest_question, question_waves, trend_groups, trend_rows
from evidence.pages.download_pages import data_day, figures_about
from evidence.pages.workbooks import workbook_bytes
from evidence.urls import (
    SURVEY,
    figure_csv_path,
    proposal_csv_path,
    proposal_url,
    question_url,
    summary_csv_path,
    theme_csv_path,
    theme_url,
    trend_csv_path,
    trend_url,
)

# What the figures of a chart of several questions measure; each question's own measure stands above its bars.
MIXED_MEASURE = "Andel i procent. Hvad andelen måler, står ved hvert spørgsmål."


@dataclass(frozen=True)
class Chart:
    csv_path: str
    frame: pd.DataFrame  # the rows the chart plots, as its CSV holds them
    title: str
    measure: str
    page: str  # the address of the page that shows the chart, relative to the site's
    trend: bool = False
    titled_by_question: bool = False


def chart_tables(dataset: Dataset) -> dict[str, str | bytes]:
    """Every chart's CSV and, for a chart with figures, its workbook with the same rows."""
    files: dict[str, str | bytes] = {}
    for chart in every_chart(dataset):
        files[chart.csv_path] = csv_text(dataset, chart.frame)
        if not chart.frame.empty:
            about = [("Diagram", chart.title), ("Tallene viser", chart.measure), ("", ""),
                     *figures_about(dataset, chart.frame)]
            files[_beside(chart, "xlsx")] = workbook_bytes(csv_rows(dataset, chart.frame), "Tal", about, "Om tallene",
                                                           data_day(dataset))
    return files


def chart_images(dataset: Dataset, site_url: str) -> dict[str, bytes]:
    """Every chart with figures as PNG and SVG, with title, measure, source and the page's address inside."""
    colours = population_colours(dataset)
    files = {}
    for chart in every_chart(dataset):
        if chart.frame.empty:
            continue
        citations = dict.fromkeys(dataset.publications[dataset.waves[w].meta["publication"]]["citation"]
                                  for w in sorted(set(chart.frame["wave"])))
        lines = [*wrap_lines(chart.measure, 85), *wrap_lines(f"Kilde: {' '.join(citations)}", 85), site_url + chart.page]
        if chart.trend:
            groups = [(None, None, chart.frame)]
        else:
            groups = [(question, measure, rows[CHART_COLUMNS]) for question, measure, rows
                      in question_groups(dataset, chart.frame["wave"].iloc[0], chart.frame, chart.titled_by_question)]
        drawn = chart_image("trend_chart" if chart.trend else "bar_chart", groups, colours, wrap_lines(chart.title, 60),
                            lines)
        files |= {_beside(chart, ext): data for ext, data in drawn.items()}
    return files


def wrap_lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [text]


def _beside(chart: Chart, extension: str) -> str:
    """Named as the chart's CSV, so the address in a citation keeps resolving."""
    return chart.csv_path.removesuffix(".csv") + f".{extension}"


@per_dataset
def every_chart(dataset: Dataset) -> list[Chart]:
    """Every wave's charts, not only the newest's: an address once published stays. Listed once per
    dataset: the tables and the pictures are made from the same list."""
    charts = []
    for wave_id, wave in dataset.waves.items():
        for question_id, question in wave.questions.items():
            charts += [Chart(figure_csv_path(wave_id, question_id, group), question_frame(dataset, wave_id, question_id, group),
                             question_chart_title(question, group), question["measure"], question_url(wave_id, question_id),
                             titled_by_question=True)
                       for group in groups_of(dataset, wave_id, question_id)]
        charts.append(Chart(summary_csv_path(wave_id), summary_frame(dataset, wave_id), summary_chart_title(dataset, wave_id),
                            MIXED_MEASURE, SURVEY))
        for theme_id, theme in dataset.themes.items():
            frame = theme_figure_frame(dataset, theme_id, wave_id)
            if not frame.empty:
                charts.append(Chart(theme_csv_path(wave_id, theme_id), frame, theme_chart_title(theme, wave_id),
                                    MIXED_MEASURE, theme_url(theme_id)))
        for proposal_id in dataset.proposals:
            frame = proposals.figure_frame(dataset, proposal_id, False, wave_id)  # positional: per_dataset drops keywords
            frame = frame[frame["wave"] == wave_id].reset_index(drop=True) if not frame.empty else frame
            if not frame.empty:
                charts.append(Chart(proposal_csv_path(wave_id, proposal_id), frame, proposal_chart_title(wave_id),
                                    MIXED_MEASURE, proposal_url(proposal_id)))
    return charts + trend_charts(dataset)


def trend_charts(dataset: Dataset) -> list[Chart]:
    """A question's trend on its own page, and up to each wave on that wave's question page."""
    charts = []
    for question_id in dict.fromkeys(q for wave in dataset.waves.values() for q in wave.questions):
        for until in [None, *question_waves(dataset, question_id)]:
            question = latest_question(dataset, question_id, until)
            page = question_url(until, question_id) if until else trend_url(question_id)
            for group in trend_groups(dataset, question_id, until):
                frame = trend_rows(dataset, question_id, group, until)
                waves = sorted(set(frame["wave"]))
                charts.append(Chart(trend_csv_path(question_id, group, until), frame,
                                    trend_chart_title(question, waves, group), question["measure"], page, trend=True))
    return charts
