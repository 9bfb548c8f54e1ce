"""An older wave's pages show the trend up to that wave: figures asked for with `until` never include a
later wave, however they are asked for (by position or by keyword) and in whatever order.

Runs on the fixture dataset (tests/fixtures/site/data).
"""

from __future__ import annotations

from evidence.load.dataset import load_dataset
from evidence.model.trends import changes, trend_rows


def test_a_trend_until_a_wave_holds_no_later_wave(fixture_project):
    dataset = load_dataset(fixture_project)
    for wave_id, wave in sorted(dataset.waves.items()):
        for question_id in wave.questions:
            by_keyword = trend_rows(dataset, question_id, until=wave_id)
            by_position = trend_rows(dataset, question_id, None, wave_id)
            later = sorted(set(by_keyword["wave"]) - {w for w in dataset.waves if w <= wave_id})
            assert not later, f"{question_id} until {wave_id} shows waves {later}"
            assert by_keyword.equals(by_position), f"{question_id} until {wave_id}: keyword and position differ"
            assert all(c.to_wave <= wave_id for c in changes(dataset, question_id, until=wave_id))
