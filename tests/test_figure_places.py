"""`make validate` checks each figure against the passage its locator points to, not the whole report.

On copies of the real project: a figure typed wrong (its digits swapped, or one off) stops validation
with the file, the row, the locator and what the passage says; so does a locator that names no place.
The real figures all pass (tests/test_figures_in_sources.py and any `make validate`).
"""

from __future__ import annotations

import re

import pytest
from conftest import edit, line_of, read_csv, read_yaml, run_script


def newest(project) -> str:
    return sorted(p.parent.name for p in (project / "data/survey").glob("*/wave.yml"))[-1]


def csv_line(row: dict) -> str:
    return f"{row['question']},{row['option']},{row['population']},{row['value']},\"{row['locator']}\""


def wrong_values(value: str) -> list[str]:
    """The two typing mistakes the check must catch: digits swapped, and one off."""
    swapped = value[::-1]
    return [v for v in (swapped, str(int(value) + 1)) if v != value]


@pytest.mark.parametrize("mistake", [0, 1], ids=["digits-swapped", "one-off"])
def test_a_mistyped_figure_stops_validate_naming_row_locator_and_passage(project, mistake):
    wave = newest(project)
    rel = f"data/survey/{wave}/figures.csv"
    row = read_csv(project / rel)[0]
    wrong = wrong_values(row["value"])[mistake]
    edit(project, rel, csv_line(row), csv_line({**row, "value": wrong}))
    result = run_script(project, "scripts.validate")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [message] = [m for m in result.stderr.splitlines() if m.startswith(f"- {rel}")]
    assert message.startswith(f"- {rel}, række {line_of(project, rel, csv_line({**row, 'value': wrong}))}, "
                              f"felt 'value': fandt {wrong} %")
    assert f"locator '{row['locator'].split(';')[0]}'" in message
    # What the passage says: the figure as the report prints it.
    assert re.search(rf"»[^«]*\b{row['value']}\s?%", message), message


def test_a_mistyped_method_figure_stops_validate(project):
    wave = newest(project)
    rel = f"data/survey/{wave}/wave.yml"
    method = read_yaml(project / rel)["method"][0]
    wrong = wrong_values(str(method["value"]))[-1]
    edit(project, rel, f"value: {method['value']}\n", f"value: {wrong}\n")
    result = run_script(project, "scripts.validate")
    assert result.returncode == 1
    assert f"{rel}, linje {line_of(project, rel, f'value: {wrong}')} (id '{method['id']}'), felt 'method[1].value': " \
           f"fandt {wrong}" in result.stderr
    assert f"locator '{method['locator']}'" in result.stderr and str(method["value"]) in result.stderr


def test_a_locator_that_names_no_place_is_a_mistake(project):
    wave = newest(project)
    rel = f"data/survey/{wave}/figures.csv"
    row = read_csv(project / rel)[0]
    place = row["locator"].split(",")[0]
    edit(project, rel, csv_line(row), csv_line({**row, "locator": row["locator"].replace(place, place[:-1])}))
    result = run_script(project, "scripts.validate")
    assert result.returncode == 1
    assert f"felt 'locator': fandt '{row['locator'].replace(place, place[:-1])}'" in result.stderr
    assert f"(mente du '{place}'?)" in result.stderr
