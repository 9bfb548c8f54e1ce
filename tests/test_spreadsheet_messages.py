"""Messages a person who works in spreadsheets can act on: one message per mistake, saying what to do.

Each case makes one mistake in a copy of the project with the fixture dataset (tests/fixtures/site/data)
and reads the expected names from the fixture's files. (A quote changed by one word:
tests/test_quotes.py; a figure not where its locator points: tests/test_validation.py.)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import edit, problems, read_csv, read_yaml, run_script


def newest_wave(project: Path) -> str:
    return sorted(p.parent.name for p in (project / "data/survey").glob("*/wave.yml"))[-1]


def about(messages: list[str], rel: str, where: str) -> list[str]:
    return [m for m in messages if m.startswith(f"{rel}, {where},")]


def messages_on(project: Path, rel: str) -> list[str]:
    """The problems the data check reports in one file."""
    return [m for m in problems(project) if m.startswith(rel)]


def valid_ids(project: Path, rel: str) -> str:
    """The ids a message lists as valid, in the order of their file."""
    return ", ".join(item["id"] for item in read_yaml(project / rel))


def test_a_figures_csv_saved_by_excel_is_named_as_such_with_the_command_that_fixes_it(fixture_copy):
    wave = newest_wave(fixture_copy)
    rel = f"data/survey/{wave}/figures.csv"
    path = fixture_copy / rel
    rows = read_csv(path)
    excel = io.StringIO()
    writer = csv.writer(excel, delimiter=";", lineterminator="\r\n")
    writer.writerows([list(rows[0])] + [list(row.values()) for row in rows])
    path.write_bytes(("\ufeff" + excel.getvalue()).encode("utf-8"))
    [message] = messages_on(fixture_copy, rel)
    assert message.startswith(f"{rel}, linje 1, felt '(kolonner)': fandt '\\ufeffquestion;option;")
    assert "gemt af Excel med semikolon som skilletegn og et usynligt BOM-tegn (\\ufeff)" in message
    fix = f"make import-wave WAVE={wave} FILE={rel}"
    assert fix in message
    result = run_script(fixture_copy, "scripts.import_wave", wave, rel)
    assert result.returncode == 0, result.stderr
    assert read_csv(path) == rows


def test_an_invisible_character_is_shown_so_found_and_expected_differ_on_screen(fixture_copy):
    rel = f"data/survey/{newest_wave(fixture_copy)}/figures.csv"
    path = fixture_copy / rel
    path.write_bytes("\ufeff".encode() + path.read_bytes())
    [message] = messages_on(fixture_copy, rel)
    assert "fandt '\\ufeffquestion,option,population,value,locator'" in message
    assert "\ufeff" not in message


def test_a_share_written_as_in_excel_is_explained_once(fixture_copy):
    rel = f"data/survey/{newest_wave(fixture_copy)}/figures.csv"
    row = read_csv(fixture_copy / rel)[0]
    edit(fixture_copy, rel, f",{row['value']},", ',"64,5 %",')
    [message] = about(problems(fixture_copy), rel, "række 2")
    assert message.endswith("felt 'value': fandt '64,5 %' – forventede et tal (skriv 64.5 – punktum som decimaltegn, uden %)")


def test_an_unknown_theme_names_the_themes_file_and_every_valid_theme_in_one_message(fixture_copy):
    wave = newest_wave(fixture_copy)
    rel = f"data/survey/{wave}/questions.yml"
    theme = next(t for q in read_yaml(fixture_copy / rel) for o in q["options"] for t in o.get("themes", []))
    edit(fixture_copy, rel, f"themes: [{theme}", f"themes: [{theme.replace('-', ' ').title()}")
    [message] = messages_on(fixture_copy, rel)
    valid = valid_ids(fixture_copy, "data/themes.yml")
    assert f"– forventede et tema-id fra data/themes.yml: {valid} (mente du '{theme}'?)" in message


def test_a_misspelt_field_is_one_message_that_names_the_missing_field(fixture_copy):
    rel = f"data/survey/{newest_wave(fixture_copy)}/questions.yml"
    edit(fixture_copy, rel, "  measure:", "  measur:")
    [message] = messages_on(fixture_copy, rel)
    assert "felt '[1].measur': fandt et ukendt felt" in message and "(mente du 'measure'? – det felt mangler)" in message


def test_an_unknown_area_names_the_areas_file_and_every_valid_area_in_one_message(fixture_copy):
    path = next(p for p in sorted((fixture_copy / "data/quotes").glob("*/*.yml")) if "  areas: [" in p.read_text("utf-8"))
    rel = path.relative_to(fixture_copy).as_posix()
    area = next(a for q in read_yaml(path) for a in q.get("areas", []))
    edit(fixture_copy, rel, f"  areas: [{area}", f"  areas: [{area.title()} ")
    [message] = messages_on(fixture_copy, rel)
    valid = valid_ids(fixture_copy, "data/areas.yml")
    assert f"– forventede et område-id fra data/areas.yml: {valid} (mente du '{area}'?)" in message


def test_a_population_written_by_its_name_in_figures_csv_gets_one_message_with_its_id(fixture_copy):
    rel = f"data/survey/{newest_wave(fixture_copy)}/figures.csv"
    row = read_csv(fixture_copy / rel)[0]
    name = next(p["name"] for p in read_yaml(fixture_copy / "data/survey/populations.yml") if p["id"] == row["population"])
    edit(fixture_copy, rel, f",{row['population']},", f",{name},")
    [message] = about(problems(fixture_copy), rel, "række 2")
    assert f"felt 'population': fandt '{name}'" in message
    assert f"(skriv id'et '{row['population']}' – eller læs tabellen ind med make import-wave" in message
