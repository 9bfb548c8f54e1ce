"""Selecting and shaping survey figures for one question, the same way for chart, table and CSV."""

from __future__ import annotations

import pandas as pd

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.load.wave_import import question_title as question_title
from evidence.model.formatting import count, percent
from evidence.model.tables import csv_table

CSV_COLUMNS = ["bølge", "spørgsmål_id", "spørgsmål", "svar_id", "svar", "population_id", "population",
               "andel_procent", "kildehenvisning", "publikation"]

# Mid-tone colours with at least 3:1 contrast on both the light and the dark palette.
PALETTE = ["#2c7bb6", "#d95f02", "#1a9850", "#7570b3", "#a6611a", "#2b8cbe", "#b84a62"]


@per_dataset
def question_frame(dataset: Dataset, wave_id: str, question_id: str, group: str | None = None) -> pd.DataFrame:
    """Figures of one question in one wave, ordered as the questionnaire and population list order them.

    `group` limits populations to one group (område or anciennitet), so a chart never
    mixes two ways of splitting the respondents.
    """
    wave = dataset.waves[wave_id]
    question = wave.questions[question_id]
    option_rank = {o["id"]: i for i, o in enumerate(question["options"])}
    option_label = {o["id"]: o["label"] for o in question["options"]}
    population_rank = {p: i for i, p in enumerate(dataset.populations)}
    frame = wave.figures[wave.figures["question"] == question_id].copy()
    if group is not None:
        frame = frame[frame["population"].map(lambda p: dataset.populations[p]["group"] == group)]
    frame["option_label"] = frame["option"].map(option_label)
    frame["population_label"] = frame["population"].map(lambda p: dataset.populations[p]["name"])
    frame["text"] = frame["value"].map(percent)
    frame["_o"] = frame["option"].map(option_rank)
    frame["_p"] = frame["population"].map(population_rank)
    return frame.sort_values(["_o", "_p"]).drop(columns=["_o", "_p"]).reset_index(drop=True)


def groups_of(dataset: Dataset, wave_id: str, question_id: str) -> list[str]:
    frame = question_frame(dataset, wave_id, question_id)
    return list(dict.fromkeys(dataset.populations[p]["group"] for p in frame["population"]))


def population_text(dataset: Dataset, population_id: str) -> str:
    """A population beside a single figure: its `figure_label` where its name would read as a group of
    respondents (a figure whose group the report does not state), else its name."""
    population = dataset.populations[population_id]
    return population.get("figure_label") or population["name"]


def population_colours(dataset: Dataset) -> dict[str, str]:
    """Each population keeps its colour on every chart."""
    return {p["name"]: PALETTE[i % len(PALETTE)] for i, p in enumerate(dataset.populations.values())}


def csv_text(dataset: Dataset, frame: pd.DataFrame) -> str:
    """Exactly the plotted rows, with wording and locator, for journalists' own checks."""
    return csv_table(csv_rows(dataset, frame), CSV_COLUMNS)


def csv_rows(dataset: Dataset, frame: pd.DataFrame) -> list[dict]:
    """The download rows of a frame of figures, the same for the CSV and the workbook."""
    rows = []
    for row in frame.itertuples():
        wave = dataset.waves[row.wave]
        question = wave.questions[row.question]
        rows.append({
            "bølge": row.wave,
            "spørgsmål_id": row.question,
            "spørgsmål": question["wording"] or question["measure"],
            "svar_id": row.option,
            "svar": row.option_label,
            "population_id": row.population,
            "population": row.population_label,
            "andel_procent": row.value,
            "kildehenvisning": row.locator,
            "publikation": dataset.publications[wave.meta["publication"]]["citation"],
        })
    return rows


# Beside every figure and in every workbook: who answered decides what the figures can say.
SELF_SELECTION = ("Kun de socialrådgivere, der selv valgte at svare, er med, så tallene viser ikke nødvendigvis, "
                  "hvad alle mener.")


def base_figures(meta: dict) -> list[str]:
    """What a wave's figures rest on: its method figures marked `base` (the answers in all, the response rate)."""
    return [f"{m['label']}: {count(m['value'], m['unit'], m.get('approximate', False), m.get('up_to'))}"
            for m in meta["method"] if m.get("base")]


def summary_areas(dataset: Dataset) -> list[str]:
    """The areas the cross-area summary compares: populations of the group område, except any that is not
    a group of respondents to compare (`in_summary: false`, such as figures whose group is not stated)."""
    return [pid for pid, p in dataset.populations.items() if p["group"] == "område" and p.get("in_summary", True)]


def summary_frame(dataset: Dataset, wave_id: str) -> pd.DataFrame:
    """Answers the report states for every area, so the areas can be compared side by side."""
    wave = dataset.waves[wave_id]
    areas = summary_areas(dataset)
    frames = []
    for qid in wave.questions:
        frame = question_frame(dataset, wave_id, qid, "område")
        frame = frame[frame["population"].isin(areas)]
        complete = frame.groupby("option")["population"].nunique()
        frames.append(frame[frame["option"].isin(complete[complete == len(areas)].index)])
    return pd.concat(frames, ignore_index=True)
