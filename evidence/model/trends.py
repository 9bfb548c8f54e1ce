"""One question across survey waves: which figures may be compared, and by how much they changed.

Waves are joined only on the stable ids (question × option × population), never on labels
or wording, so adding a wave needs no code: as soon as two waves state the same
question × option × population, it has a trend. A changed wording is recorded in the data
(`previous_wording`, enforced by validation) and shown beside the trend, not hidden by it.

Theme hubs and other pages call `trend_rows` and `changes`; both take an optional `until`
wave so that a wave's own page shows the series as it stood then and stays citable.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.formatting import number, percent

COLUMNS = ["wave", "question", "option", "option_label", "population", "population_label", "value", "text", "locator"]


MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash and screen readers skip it


@dataclass(frozen=True)
class Change:
    option: str
    option_label: str
    population: str
    population_label: str
    from_wave: str
    to_wave: str
    before: float
    after: float

    @property
    def points(self) -> float:
        return round(self.after - self.before, 1)

    @property
    def text(self) -> str:
        return points_text(self.points)


def points_text(points: float) -> str:
    """'+3 procentpoint', '−2 procentpoint', '0 procentpoint' – with decimal comma when needed."""
    sign = "+" if points > 0 else MINUS if points < 0 else "±"
    return f"{sign}{number(abs(points))} procentpoint"


def question_waves(dataset: Dataset, question_id: str, until: str | None = None) -> list[str]:
    """The waves that asked the question, oldest first."""
    return [w for w, wave in dataset.waves.items() if question_id in wave.questions and (until is None or w <= until)]


def latest_question(dataset: Dataset, question_id: str, until: str | None = None) -> dict:
    return dataset.waves[question_waves(dataset, question_id, until)[-1]].questions[question_id]


def all_rows(dataset: Dataset, question_id: str, group: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Every figure of the question in every wave, labelled with the newest wave's option labels."""
    waves = question_waves(dataset, question_id, until)
    if not waves:
        return pd.DataFrame(columns=COLUMNS)
    labels: dict[str, str] = {}
    rank: dict[str, int] = {}
    for wave_id in waves:  # newest label wins; options keep the newest questionnaire's order
        for index, option in enumerate(dataset.waves[wave_id].questions[question_id]["options"]):
            labels[option["id"]] = option["label"]
            rank[option["id"]] = index
    frame = pd.concat([dataset.waves[w].figures[dataset.waves[w].figures["question"] == question_id] for w in waves],
                      ignore_index=True)
    if group is not None:
        frame = frame[frame["population"].map(lambda p: dataset.populations[p]["group"] == group)]
    population_rank = {p: i for i, p in enumerate(dataset.populations)}
    frame = frame.assign(
        option_label=frame["option"].map(labels),
        population_label=frame["population"].map(lambda p: dataset.populations[p]["name"]),
        text=frame["value"].map(percent),
        _o=frame["option"].map(rank),
        _p=frame["population"].map(population_rank),
    )
    frame = frame.sort_values(["_o", "_p", "wave"]).drop(columns=["_o", "_p"])
    return frame[COLUMNS].reset_index(drop=True)


@per_dataset
def trend_rows(dataset: Dataset, question_id: str, group: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Figures of the question × option × population pairs that at least two waves state.

    A pair stated in one wave only has no trend and is left out, so a chart never draws a
    single point as if it were a series.
    """
    frame = all_rows(dataset, question_id, group, until)
    waves_per_pair = frame.groupby(["option", "population"])["wave"].transform("nunique")
    return frame[waves_per_pair >= 2].reset_index(drop=True)


def has_trend(dataset: Dataset, question_id: str, until: str | None = None) -> bool:
    if len(question_waves(dataset, question_id, until)) < 2:
        return False
    return not trend_rows(dataset, question_id, until=until).empty


def trend_groups(dataset: Dataset, question_id: str, until: str | None = None) -> list[str]:
    frame = trend_rows(dataset, question_id, until=until)
    return list(dict.fromkeys(dataset.populations[p]["group"] for p in frame["population"]))


def changes(dataset: Dataset, question_id: str, group: str | None = None, until: str | None = None) -> list[Change]:
    """For each pair with a trend: the change between the last two waves that state it."""
    frame = trend_rows(dataset, question_id, group, until)
    result = []
    for (_, _), rows in frame.groupby(["option", "population"], sort=False):
        rows = rows.sort_values("wave")
        before, after = rows.iloc[-2], rows.iloc[-1]
        result.append(Change(after.option, after.option_label, after.population, after.population_label,
                             before.wave, after.wave, float(before.value), float(after.value)))
    return result


def wording_changes(dataset: Dataset, question_id: str, until: str | None = None) -> list[tuple[str, str, str]]:
    """(wave, previous wording, new wording) for each wave that reworded the question."""
    return [
        (w, dataset.waves[w].questions[question_id]["previous_wording"], dataset.waves[w].questions[question_id]["wording"])
        for w in question_waves(dataset, question_id, until)
        if dataset.waves[w].questions[question_id].get("previous_wording")
    ]


def question_ids(dataset: Dataset) -> list[str]:
    """Every question id of every wave, in the newest questionnaire's order first."""
    ids: list[str] = []
    for wave in reversed(dataset.waves.values()):
        ids += [q for q in wave.questions if q not in ids]
    return ids


def repeated_question_ids(dataset: Dataset) -> list[str]:
    """The questions asked in at least two waves: only they have a page across waves, because a question
    asked once has nothing to show there that its wave's page does not."""
    return [q for q in question_ids(dataset) if len(question_waves(dataset, q)) >= 2]
