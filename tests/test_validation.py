"""Bad data is refused with a message naming file, row or line, field and what was expected.

Each case breaks one thing in a copy of the project with the fixture dataset (tests/fixtures/site/data);
what is broken is taken from the fixture's newest wave, so the cases do not depend on its exact rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build, edit, line_of, problems, read_csv, read_yaml, run_script


def newest_wave(project: Path) -> str:
    return sorted(p.parent.name for p in (project / "data/survey").glob("*/wave.yml"))[-1]


def row_text(row: dict, value: str | None = None, locator: str | None = None) -> str:
    """A figures.csv line as written, optionally with another value or locator."""
    shown = row["locator"] if locator is None else locator
    shown = f'"{shown}"' if "," in shown else shown
    return f"{row['question']},{row['option']},{row['population']},{row['value'] if value is None else value},{shown}"


def cases(project: Path) -> dict[str, tuple[str, str, str, str]]:
    """Kind of mistake → (file, text to replace, replacement, expected part of the message)."""
    wave = newest_wave(project)
    figures, questions, meta = (f"data/survey/{wave}/{name}" for name in ("figures.csv", "questions.yml", "wave.yml"))
    rows = read_csv(project / figures)
    row = rows[0]
    line = row_text(row)
    # A figure typed with its digits swapped (63 for 36) needs digits that differ.
    misread = next(r for r in rows if r["value"][::-1] != r["value"])
    asked = read_yaml(project / questions)
    stated = {(r["question"], r["option"], r["population"]) for r in rows}
    headline = read_yaml(project / meta)["headlines"][0]
    unstated = next(p["id"] for p in read_yaml(project / "data/survey/populations.yml")
                    if (headline["question"], headline["option"], p["id"]) not in stated)
    first_type = asked[0]["type"]
    theme = read_yaml(project / "data/themes.yml")[0]["id"]
    publication = read_yaml(project / meta)["publication"]
    return {
        "share above 100": (figures, line, row_text(row, "164"), "felt 'value': fandt 164.0 – forventede et tal på højst 100"),
        "share below 0": (figures, line, row_text(row, "-4"), "felt 'value': fandt -4.0 – forventede et tal på mindst 0"),
        "share not a number": (figures, line, row_text(row, "64%"),
                               "felt 'value': fandt '64%' – forventede et tal (skriv 64 – uden %)"),
        "decimal comma": (figures, line, row_text(row, '"64,5"'),
                          "felt 'value': fandt '64,5' – forventede et tal (skriv 64.5 – punktum som decimaltegn)"),
        "unknown question": (figures, line, line.replace(row["question"], row["question"][:-1], 1),
                             f"felt 'question': fandt '{row['question'][:-1]}' – forventede et spørgsmåls-id fra "
                             f"survey/{wave}/questions.yml (mente du '{row['question']}'?)"),
        "unknown option": (figures, line, line.replace(f",{row['option']},", f",{row['option']}x,", 1),
                           f"felt 'option': fandt '{row['option']}x'"),
        "unknown population": (figures, line, line.replace(f",{row['population']},", f",{row['population']}x,", 1),
                               f"felt 'population': fandt '{row['population']}x'"),
        "duplicate key": (figures, line, line + "\n" + line, "felt 'question/option/population'"),
        "figure not where its locator points": (figures, row_text(misread), row_text(misread, misread["value"][::-1]),
                                                f"felt 'value': fandt {misread['value'][::-1]} % – forventede tallet, som "
                                                f"det står dér, hvor locator '{misread['locator']}' peger hen"),
        "locator naming no place": (figures, line, row_text(row, locator="Ingen overskrift"),
                                    "felt 'locator': fandt 'Ingen overskrift' – forventede et sted i data/sources/"),
        "missing locator": (figures, line, row_text(row, locator=""),
                            "felt 'locator': fandt intet – forventede at feltet er udfyldt"),
        "missing field": (questions, f"  measure: \"{asked[0]['measure']}\"\n", "", "felt '[1].measure': fandt intet"),
        "unknown question type": (questions, f"type: {first_type}", "type: flere",
                                  "forventede en af: enkeltvalg, flervalg, skala, ukendt (mente du 'flervalg'?)"),
        "bad id": (questions, f"- id: {asked[1]['id']}", "- id: Faglig Identitet",
                   "et id med små bogstaver, tal og bindestreger"),
        "wave without publication": (meta, f"publication: {publication}", f"publication: {publication}x",
                                     f"felt 'publication': fandt '{publication}x'"),
        "headline without figure": (meta, f"population: {headline['population']}", f"population: {unstated}",
                                    f"et spørgsmål × svar × population, der står i {figures}"),
        "unknown field": ("data/themes.yml", f"- id: {theme}", f"- id: {theme}\n  colour: red", "ukendt felt"),
        "broken yaml": (questions, f"  label: {asked[0]['label']}\n", f"  label: [{asked[0]['label']}\n", "ugyldig YAML"),
    }


KINDS = ["share above 100", "share below 0", "share not a number", "decimal comma", "unknown question", "unknown option",
         "unknown population", "duplicate key", "figure not where its locator points",
         "locator naming no place", "missing locator", "missing field", "unknown question type", "bad id",
         "wave without publication", "headline without figure", "unknown field", "broken yaml"]


def test_every_kind_of_mistake_is_a_case(fixture_data):
    assert list(cases(fixture_data.parent)) == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_each_rule_names_file_place_field_and_expectation(fixture_copy, kind):
    rel, old, new, expected = cases(fixture_copy)[kind]
    edit(fixture_copy, rel, old, new)
    messages = problems(fixture_copy)
    match = [m for m in messages if expected in m]
    assert match, f"expected {expected!r} in {messages}"
    assert match[0].startswith(rel), match[0]
    assert re.search(r", (række|linje) \d+", match[0]), match[0]


def test_csv_problem_names_the_row_as_the_file_line(fixture_copy):
    rel, old, new, _ = cases(fixture_copy)["share above 100"]
    edit(fixture_copy, rel, old, new)
    row = line_of(fixture_copy, rel, new)
    assert any(m.startswith(f"{rel}, række {row}, felt 'value'") for m in problems(fixture_copy))


def test_yaml_problem_names_the_line_and_the_item(fixture_copy):
    rel, old, new, _ = cases(fixture_copy)["unknown question type"]
    first = read_yaml(fixture_copy / rel)[0]["id"]
    edit(fixture_copy, rel, old, new)
    line = line_of(fixture_copy, rel, new)
    assert any(m.startswith(f"{rel}, linje {line} (id '{first}'), felt '[1].type'") for m in problems(fixture_copy))


def test_all_problems_are_listed_at_once(fixture_copy):
    for kind in ("share above 100", "unknown question type", "unknown field"):
        rel, old, new, _ = cases(fixture_copy)[kind]
        edit(fixture_copy, rel, old, new)
    assert len(problems(fixture_copy)) >= 3


def test_unknown_file_in_data_is_refused(fixture_copy):
    wave = newest_wave(fixture_copy)
    (fixture_copy / f"data/survey/{wave}/notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert any(f"data/survey/{wave}/notes.csv" in m and "datakontrakten" in m for m in problems(fixture_copy))


def test_validate_lists_the_problem_and_says_when_the_data_are_valid(fixture_copy):
    valid = run_script(fixture_copy, "scripts.validate")
    assert valid.returncode == 0 and "Data er gyldige" in valid.stdout, valid.stderr
    rel, old, new, expected = cases(fixture_copy)["share above 100"]
    edit(fixture_copy, rel, old, new)
    invalid = run_script(fixture_copy, "scripts.validate")
    assert invalid.returncode != 0 and expected in invalid.stderr and "Traceback" not in invalid.stderr


def test_build_stops_with_the_message_and_keeps_the_old_site(fixture_copy, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    rel, old, new, expected = cases(fixture_copy)["share above 100"]
    edit(fixture_copy, rel, old, new)
    result = build(fixture_copy, site)
    assert result.returncode != 0
    assert f"{rel}, række {line_of(fixture_copy, rel, new)}, felt 'value'" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_generate_refuses_bad_data_and_leaves_the_generated_pages_as_they_were(fixture_copy):
    """`make generate`, the step before any site generator, checks the data the same way."""
    assert run_script(fixture_copy, "scripts.generate").returncode == 0
    before = {p: p.read_bytes() for p in sorted((fixture_copy / "docs").rglob("*")) if p.is_file()}
    rel, old, new, expected = cases(fixture_copy)["share above 100"]
    edit(fixture_copy, rel, old, new)
    result = run_script(fixture_copy, "scripts.generate")
    assert result.returncode != 0
    assert expected in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert {p: p.read_bytes() for p in sorted((fixture_copy / "docs").rglob("*")) if p.is_file()} == before
