"""No selection a reader can make in the quote finder that names a person facet (age, seniority) – alone or
combined with any other facets (theme, source, type, area) – selects fewer than five speakers: the printed
report spread its interviewees over many slides, and the finder must not rebuild one person's profile
(e.g. »50 år og derover (3)« selected one interviewee). Speakers, not quotes: an interviewee with several
quotes is one speaker."""

from __future__ import annotations

from itertools import combinations, product

import pytest

from evidence.model import finder, quotes
from evidence.model.anonymity_pending import as_published
from evidence.model.finder import FACETS, PERSON_FACETS, records


def _speaker(item: dict) -> str:
    return quotes.attribution(item) if item.get("speaker") else item["id"]


def speakers_per_selection(dataset, filters_of) -> dict[tuple, set[str]]:
    """Every selection of one value in each of one or more facets that names a person facet, with its speakers."""
    selections: dict[tuple, set[str]] = {}
    for item in dataset.quotes.values():
        values = filters_of(item)
        for size in range(1, len(values) + 1):
            for facets in combinations(sorted(values), size):
                if set(facets) & set(PERSON_FACETS):
                    for chosen in product(*[[(key, v) for v in values[key]] for key in facets]):
                        selections.setdefault(chosen, set()).add(_speaker(item))
    return selections


@pytest.mark.parametrize("which", ["real_dataset", "fixture_dataset"])
def test_no_selection_with_a_person_facet_selects_fewer_than_five_speakers(which, request):
    """The finder's records as the site publishes them; speakers told apart by the attributions as printed."""
    dataset = request.getfixturevalue(which)
    published = {record["meta"]["id"]: record["filters"] for record in records(as_published(dataset))}
    selections = speakers_per_selection(dataset, lambda item: published[item["id"]])
    small = {chosen: len(people) for chosen, people in selections.items() if len(people) < 5}
    assert not small, small


@pytest.mark.parametrize("which", ["real_dataset", "fixture_dataset"])
def test_the_data_has_small_groups_to_hide(which, request):
    """Before hiding, the data do have person-facet selections of fewer than five speakers (so the test above
    can fail), and every facet the finder offers is one the reader can tick."""
    dataset = request.getfixturevalue(which)
    selections = speakers_per_selection(dataset, lambda item: finder.filters_of(dataset, item))
    assert any(len(people) < 5 for people in selections.values())
    assert set(finder.facet_values(dataset)) == set(FACETS)


def test_quotes_of_a_hidden_group_stay_findable(real_dataset):
    """Hiding a small group's filter value removes the value, never the quote."""
    assert len(records(real_dataset)) == len(real_dataset.quotes)
