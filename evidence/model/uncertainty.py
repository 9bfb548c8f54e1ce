"""Sampling uncertainty of the survey's shares: how many answered, the Wilson score interval of a share, and
whether a difference between two shares exceeds what chance alone would give in a random sample.

The report states n for the whole survey only (the method figure marked `n` in wave.yml) and each group's
share of the answers, mostly »ca.«; a group's n is derived from them and is then approximate. A share whose
n the data does not give has no uncertainty here: the pages say it cannot be judged rather than guess.
The tests are those a statistics office uses for a random sample (95 %); the samples are self-selected, so
the pages word every verdict as »hvis svarene var en tilfældig stikprøve …« (docs/metode.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evidence.load.dataset_types import Dataset
from evidence.model.formatting import number

Z95 = 1.959963984540054  # the standard normal quantile of 97.5 %: a two-sided 95 % interval or test


@dataclass(frozen=True)
class Sample:
    """How many answered for one group in one wave; `approximate` when derived from a »ca.« share."""
    n: int
    approximate: bool

    @property
    def text(self) -> str:
        """»ca. 545« or »250«, as every page and download states an n."""
        return ("ca. " if self.approximate else "") + number(self.n)


def wilson_interval(share: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a share (0–1) of n answers: unlike share ± z·se it stays within 0–1 and
    holds for shares near 0 or 1, which the survey's small options have."""
    centre = share + z * z / (2 * n)
    spread = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return (centre - spread) / scale, (centre + spread) / scale


def two_proportion_z(share_a: float, n_a: int, share_b: float, n_b: int) -> float:
    """The two-proportion z statistic with the pooled share (the standard test that two groups' shares are
    equal)."""
    pooled = (share_a * n_a + share_b * n_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return 0.0 if se == 0 else (share_a - share_b) / se


def exceeds_uncertainty(share_a: float, n_a: int, share_b: float, n_b: int, z: float = Z95) -> bool:
    """Whether the difference is larger than chance would give in 95 % of random samples of these sizes."""
    return abs(two_proportion_z(share_a, n_a, share_b, n_b)) > z


def sample(dataset: Dataset, wave_id: str, question_id: str, population_id: str) -> Sample | None:
    """The group's n for one question: None where the question was put to only some of those who answered
    (`answered_by`), since the report then states no n for it."""
    if dataset.waves[wave_id].questions[question_id].get("answered_by"):
        return None
    return group_sample(dataset, wave_id, population_id)


def survey_n(method: list[dict]) -> dict | None:
    """The method figure marked `n`: how many answered, which every group's n is worked out from."""
    return next((m for m in method if m.get("n")), None)


def group_sample(dataset: Dataset, wave_id: str, population_id: str) -> Sample | None:
    """The group's n in the wave: its own count, or its share of the survey's n, or the survey's n for a
    group of everyone who answered; None where the data does not give it."""
    method = dataset.waves[wave_id].meta["method"]
    total = survey_n(method)
    own = next((m for m in method if m.get("population") == population_id), None)
    if own and own["unit"] == "personer":
        return Sample(int(own["value"]), bool(own.get("approximate")))
    if total is None:
        return None
    if own and own["unit"] == "procent":
        return Sample(round(total["value"] * own["value"] / 100), True)
    if dataset.populations[population_id].get("everyone"):
        return Sample(int(total["value"]), bool(total.get("approximate")))
    return None


@dataclass(frozen=True)
class Share:
    """One shown share (in %) with what it rests on: a group in a wave."""
    label: str
    value: float
    sample: Sample | None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The Wilson 95 % interval in %, where n is known."""
        if self.sample is None:
            return None
        low, high = wilson_interval(self.value / 100, self.sample.n)
        return low * 100, high * 100


@dataclass(frozen=True)
class Gap:
    """Two shares the page sets side by side (two groups, or one group in two waves) and whether their
    difference exceeds the sampling uncertainty: 'exceeds', 'within', or 'unknown' where an n is missing."""
    question: str
    label: str
    first: Share
    second: Share

    @property
    def points(self) -> float:
        return round(self.second.value - self.first.value, 1)

    @property
    def verdict(self) -> str:
        a, b = self.first.sample, self.second.sample
        if a is None or b is None:
            return "unknown"
        return "exceeds" if exceeds_uncertainty(self.first.value / 100, a.n, self.second.value / 100, b.n) else "within"

    @property
    def approximate(self) -> bool:
        return any(s.sample and s.sample.approximate for s in (self.first, self.second))


def group_gaps(dataset: Dataset, wave_id: str, frame) -> list[Gap]:
    """Per question × option that the figure shows for two groups or more: the highest against the lowest
    share (the largest difference the reader sees), in the figure's order."""
    several = frame["question"].nunique() > 1  # then each answer is named with its question's number
    gaps = []
    for (question_id, _), rows in frame.groupby(["question", "option"], sort=False):
        if len(rows) < 2:
            continue
        ordered = rows.sort_values("value", kind="stable")
        shares = [Share(row.population_label, float(row.value), sample(dataset, wave_id, question_id, row.population))
                  for row in (ordered.iloc[-1], ordered.iloc[0])]
        number = dataset.waves[wave_id].questions[question_id]["label"]
        label = f"{number}: {rows.iloc[0]['option_label']}" if several and number else rows.iloc[0]["option_label"]
        gaps.append(Gap(question_id, label, *shares))
    return gaps


def change_gap(dataset: Dataset, question_id: str, change) -> Gap:
    """A trend's change (evidence.model.trends.Change) as the same group in two waves."""
    return Gap(question_id, change.option_label,
               Share(change.from_wave, change.before, sample(dataset, change.from_wave, question_id, change.population)),
               Share(change.to_wave, change.after, sample(dataset, change.to_wave, question_id, change.population)))


def wave_samples(dataset: Dataset, wave_id: str) -> tuple[dict | None, list[tuple[dict, dict, Sample]]]:
    """The method figure marked `n` and, for each group the wave's method figures give a share or count of,
    (method figure, population, its n): what the method page and the workbook say the uncertainty rests on."""
    method = dataset.waves[wave_id].meta["method"]
    groups = []
    for m in method:
        found = group_sample(dataset, wave_id, m["population"]) if m.get("population") in dataset.populations else None
        if found:
            groups.append((m, dataset.populations[m["population"]], found))
    return survey_n(method), groups
