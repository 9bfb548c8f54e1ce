"""No filter of the quote finder that describes a person (age, seniority), alone or combined with another,
selects fewer than five speakers: the printed report spread its interviewees over many slides, and the
finder must not rebuild one person's profile (e.g. »50 år og derover (3)« selected one interviewee)."""

from __future__ import annotations

from itertools import combinations

import pytest

from evidence.model import quotes
from evidence.model.finder import PERSON_FACETS, records


def _speaker(item: dict) -> str:
    return quotes.attribution(item) if item.get("speaker") else item["id"]


@pytest.mark.parametrize("which", ["real_dataset", "fixture_dataset"])
def test_no_person_filter_selects_fewer_than_five_speakers(which, request):
    dataset = request.getfixturevalue(which)
    selections: dict[tuple, set[str]] = {}
    for record in records(dataset):
        values = [(key, v) for key in PERSON_FACETS for v in record["filters"].get(key, [])]
        who = _speaker(dataset.quotes[record["meta"]["id"]])
        for size in (1, 2):
            for chosen in combinations(values, size):
                if len({key for key, _ in chosen}) == size:
                    selections.setdefault(chosen, set()).add(who)
    small = {chosen: len(people) for chosen, people in selections.items() if len(people) < 5}
    assert not small, small


def test_quotes_of_a_hidden_group_stay_findable(real_dataset):
    """Hiding a small group's filter value removes the value, never the quote."""
    assert len(records(real_dataset)) == len(real_dataset.quotes)
