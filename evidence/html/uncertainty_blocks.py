"""What a page says beside a difference it shows – between groups of one figure, or one group's change
between waves: whether it exceeds the sampling uncertainty (evidence.model.uncertainty), in the wording of
templates/uncertainty.html."""

from __future__ import annotations

from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.formatting import count, number, percent
from evidence.model.uncertainty import Gap, Share, group_gaps, wave_samples
from evidence.urls import METHOD, anchored


def share_view(share: Share) -> dict:
    interval = share.interval
    return {"label": share.label, "value": percent(share.value),
            "n": share.sample.text if share.sample else "",
            "interval": f"{number(round(interval[0], 1))}–{percent(round(interval[1], 1))}" if interval else ""}


def gap_view(gap: Gap, answered_by: str | None = None, waves: bool = False) -> dict:
    """The gap for the templates; `answered_by` when the question was put to only some (its n is unknown),
    `waves` when the two shares are one group in two waves (the unknown is then a wave, not a group)."""
    return {"label": gap.label, "first": share_view(gap.first), "second": share_view(gap.second),
            "points": f"{number(abs(gap.points))} procentpoint", "verdict": gap.verdict,
            "answered_by": answered_by or "", "waves": waves,
            "unknown": [s.label for s in (gap.first, gap.second) if s.sample is None]}


def caveat_values(gaps: list[Gap], root: str) -> dict:
    """Whether any verdict was reached and any n is approximate, for the caveat under the list."""
    return {"judged": any(g.verdict != "unknown" for g in gaps), "approximate": any(g.approximate for g in gaps),
            "method_href": f"{root}{anchored(METHOD, 'usikkerhed')}"}


def group_differences(dataset: Dataset, wave_id: str, frame, root: str) -> str:
    """Under a figure that shows two groups or more for one answer: the largest difference at each answer."""
    gaps = group_gaps(dataset, wave_id, frame)
    if not gaps:
        return ""
    questions = dataset.waves[wave_id].questions
    views = [gap_view(g, questions[g.question].get("answered_by")) for g in gaps]
    return render("group_differences.html", gaps=views, **caveat_values(gaps, root))


def uncertainty_base(dataset: Dataset) -> str:
    """On the method page, each wave newest first: the n its uncertainty is computed from, each group's n and
    where it comes from (a count, or a »ca.« share of n), and the questions put to only some."""
    from evidence.model.survey import question_title

    waves = []
    for wave_id, wave in reversed(dataset.waves.items()):
        total, groups = wave_samples(dataset, wave_id)
        waves.append({"id": wave_id, "n": number(total["value"]) if total else "", "label": total["label"] if total else "",
                      "groups": [{"name": population["name"], "n": found.text,
                                  "source": f"{count(m['value'], m['unit'], m.get('approximate', False))} af "
                                            f"{number(total['value'])}" if m["unit"] == "procent" else ""}
                                 for m, population, found in groups],
                      "answered_by": [question_title(q) for q in wave.questions.values() if q.get("answered_by")]})
    return render("uncertainty_method.html", waves=waves)
