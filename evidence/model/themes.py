"""What belongs to a theme: figures, insights, proposals, facts and quotes, from every publication."""

from __future__ import annotations

import pandas as pd

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.survey import question_frame


@per_dataset
def theme_figure_frame(dataset: Dataset, theme_id: str, wave_id: str | None = None) -> pd.DataFrame:
    """Figures of the newest wave (or of `wave_id`, for that wave's download, which stays published when a
    newer wave arrives) whose answer option is tagged with the theme."""
    if not dataset.waves:
        return pd.DataFrame()
    wave_id = wave_id or list(dataset.waves)[-1]
    wave = dataset.waves[wave_id]
    frames = []
    for qid, question in wave.questions.items():
        options = [o["id"] for o in question["options"] if theme_id in o.get("themes", [])]
        if not options:
            continue
        frame = question_frame(dataset, wave_id, qid)
        frames.append(frame[frame["option"].isin(options)])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def insights_on(dataset: Dataset, theme_id: str) -> list[tuple[str, dict]]:
    return [(pub, insight) for pub, doc in dataset.insights.items()
            for insight in doc["main_insights"] + doc["insights"] if theme_id in insight["themes"]]


def find_insight(dataset: Dataset, publication: str, insight_id: str) -> dict:
    doc = dataset.insights[publication]
    return next(i for i in doc["main_insights"] + doc["insights"] if i["id"] == insight_id)


def proposals_on(dataset: Dataset, theme_id: str) -> list[dict]:
    return [p for p in dataset.proposals.values() if theme_id in p["themes"]]


def facts_on(dataset: Dataset, theme_id: str) -> list[dict]:
    return [f for f in dataset.facts.values() if theme_id in f["themes"]]


def quotes_on(dataset: Dataset, theme_id: str) -> list[dict]:
    """Attributed interview quotes first, then the shortest full testimonies, which read well on a phone."""
    rank = {"interview-quote": 0, "testimony": 1, "chapter-excerpt": 2, "cover-story": 3}
    on_theme = [q for q in dataset.quotes.values() if theme_id in q["themes"]]
    return sorted(on_theme, key=lambda q: (rank[q["kind"]], q["themes"].index(theme_id), len(q["text"]), q["id"]))
