"""Inputs meant to exhaust or fool the loader end in one message naming the file and line, in seconds.

Each case breaks one thing in a private copy of the fixture project (tests/fixtures/site/data) the way a
hostile or careless pull request could: YAML that expands or nests without end, a file or text far too
large, a repeated key, numbers that read as other numbers, an impossible date, invisible characters, a
symbolic link to a file outside the repository, a missing core file, an empty data/. The loader must
refuse each with the message a maintainer acts on – and no cascade of follow-on messages. (How long
each takes is measured in the issue's note, not asserted here: the behaviour that keeps it short – an
alias refused before it is expanded – is.)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import build, problems, run_script

THEMES = "data/themes.yml"
FIGURES = "data/survey/2031/figures.csv"

LAUGHS = "\n- id: lol\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


def append(project: Path, rel: str, text: str) -> None:
    with (project / rel).open("a", encoding="utf-8") as file:
        file.write(text)


def insert(project: Path, rel: str, after: str, text: str) -> int:
    """Put `text` right after the first `after` in the file; the line it lands on."""
    path = project / rel
    content = path.read_text(encoding="utf-8")
    at = content.index(after) + len(after)
    path.write_text(content[:at] + text + content[at:], encoding="utf-8")
    return content.count("\n", 0, at) + 1


def first_name_line(project: Path) -> int:
    return next(i for i, line in enumerate((project / THEMES).read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith("  name:"))


def set_value(project: Path, value: str) -> None:
    """The first figures.csv row's value as `value` (row 2 of the file)."""
    lines = (project / FIGURES).read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[3] = value
    lines[1] = ",".join(cells)
    (project / FIGURES).write_text("\n".join(lines), encoding="utf-8")


def only(messages: list[str], expected: str) -> None:
    """One message, the expected one: the mistake is named once, with nothing following from it."""
    assert len(messages) == 1 and expected in messages[0], messages


def test_an_alias_bomb_is_refused_at_the_alias_before_it_expands(fixture_copy):
    lines = (fixture_copy / THEMES).read_text(encoding="utf-8").count("\n")
    append(fixture_copy, THEMES, LAUGHS)
    only(problems(fixture_copy), f"data/themes.yml, linje {lines + 4}, felt '(YAML)': fandt et YAML-alias (*a)")


def test_brackets_nested_200000_deep_are_refused_at_their_line(fixture_copy):
    lines = (fixture_copy / THEMES).read_text(encoding="utf-8").count("\n")
    append(fixture_copy, THEMES, "\n- id: dyb\n  name: " + "[" * 200_000 + "\n")
    only(problems(fixture_copy), f"data/themes.yml, linje {lines + 3}, felt '(YAML)': fandt lister eller opslag "
                                 "inde i hinanden i mere end 32 niveauer")


def test_a_file_too_large_to_be_data_is_refused_unread(fixture_copy):
    append(fixture_copy, THEMES, "# " + "x" * 6_000_000 + "\n")
    only(problems(fixture_copy), "data/themes.yml, hele filen, felt '(fil)': fandt en fil på 6.0 MB – forventede højst 5 MB")


def test_an_overlong_text_is_refused_with_its_length(fixture_copy):
    line = first_name_line(fixture_copy)
    insert(fixture_copy, THEMES, "  name: ", "x" * 60_000)
    only(problems(fixture_copy), f"data/themes.yml, linje {line}, felt '(tekst)': fandt en tekst på 60.0")


def test_an_overlong_csv_field_is_refused(fixture_copy):
    set_value(fixture_copy, '"' + "1" * 60_000 + '"')
    assert any(f"{FIGURES}, række 2, felt 'value'" in m or f"{FIGURES}, linje 2" in m for m in problems(fixture_copy))


def test_a_repeated_key_is_refused_naming_both_lines(fixture_copy):
    line = first_name_line(fixture_copy)
    insert(fixture_copy, THEMES, "  name: Sagsmængde og tempo\n", "  name: Et andet navn\n")
    only(problems(fixture_copy), f"data/themes.yml, linje {line + 1}, felt '[1].name': fandt feltet 'name' to gange "
                                 f"(linje {line} og linje {line + 1})")


@pytest.mark.parametrize("written", ["4_5", "4.5e1", "nan", "inf", "0x2D", "+45"])
def test_a_figure_in_an_odd_number_spelling_is_refused(fixture_copy, written):
    set_value(fixture_copy, written)
    only(problems(fixture_copy), f"{FIGURES}, række 2, felt 'value': fandt '{written}' – forventede et tal")


@pytest.mark.parametrize("written", ["1_234", "0o2322", "20:34", "1.234e+3"])
def test_a_yaml_number_in_an_odd_spelling_stays_text_and_is_refused(fixture_copy, written):
    rel = "data/survey/2031/wave.yml"
    text = (fixture_copy / rel).read_text(encoding="utf-8")
    (fixture_copy / rel).write_text(text.replace("value: 1234", f"value: {written}", 1), encoding="utf-8")
    messages = problems(fixture_copy)
    assert any(f"felt 'method[1].value': fandt '{written}' – forventede et tal" in m for m in messages), messages


def test_an_impossible_unquoted_date_is_a_message_at_its_line(fixture_copy):
    line = insert(fixture_copy, "data/publications.yml", 'date: "November 2033"\n', "  released: 2027-13-45\n")
    only(problems(fixture_copy), f"data/publications.yml, linje {line}, felt '(dato)': fandt '2027-13-45', som ikke "
                                 "er en dag i kalenderen – forventede en dato på formen ÅÅÅÅ-MM-DD")


@pytest.mark.parametrize(("character", "named"), [
    ("\x00", "en NUL-byte (U+0000)"),
    ("\u202e", "et retningstegn, der vender teksten (RIGHT-TO-LEFT OVERRIDE) (U+202E)"),
    ("\u2066", "et usynligt styretegn (U+2066)"),
    ("\x1b", "et usynligt styretegn (U+001B)"),
])
def test_a_control_or_bidi_character_is_named_with_its_line_and_column(fixture_copy, character, named):
    line = first_name_line(fixture_copy)
    insert(fixture_copy, THEMES, "  name: ", character)
    only(problems(fixture_copy), f"data/themes.yml, linje {line}, felt '(tegn)': fandt {named} i kolonne 9")


def test_a_control_character_in_a_csv_is_named_too(fixture_copy):
    set_value(fixture_copy, "4\x001")
    # Alone: what other files expect of the unreadable figures.csv waits until it can be read.
    only(problems(fixture_copy), f"{FIGURES}, linje 2, felt '(tegn)': fandt en NUL-byte (U+0000) i kolonne")


def test_a_source_text_that_is_not_utf8_is_named_with_its_line(fixture_copy):
    source = fixture_copy / "data/sources/test-rapport-2031.txt"
    raw = source.read_bytes()
    at = raw.index(b"\n", 200)
    source.write_bytes(raw[:at] + b"\n\xff\xfe" + raw[at:])
    line = raw.count(b"\n", 0, at) + 2
    only(problems(fixture_copy), f"data/sources/test-rapport-2031.txt, linje {line}, felt '(tegnsæt)': fandt bytes, "
                                 "der ikke er UTF-8")


@pytest.mark.parametrize("rel", ["data/areas.yml", "data/sources/test-rapport-2031.txt", FIGURES])
def test_a_symbolic_link_to_a_file_outside_the_repository_is_refused_without_its_content(fixture_copy, rel, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:hemmelig\n", encoding="utf-8")
    (fixture_copy / rel).unlink()
    os.symlink(secret, fixture_copy / rel)
    messages = problems(fixture_copy)
    assert any(f"{rel}, hele filen, felt '(fil)': fandt en symbolsk lænke" in m for m in messages), messages
    assert not any("hemmelig" in m or str(secret) in m for m in messages)


def test_a_symbolic_link_to_a_folder_is_refused_and_not_followed(fixture_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "testimonies.yml").write_text("- {id: x, text: '<script>'}\n", encoding="utf-8")
    os.symlink(outside, fixture_copy / "data/quotes/udefra")
    only(problems(fixture_copy), "data/quotes/udefra, hele filen, felt '(fil)': fandt en symbolsk lænke")


@pytest.mark.parametrize(("replace", "found"), [
    (lambda path: path.unlink(), "intet (filen mangler)"),
    (lambda path: (path.unlink(), path.mkdir()), "en mappe"),
    (lambda path: (path.unlink(), os.symlink(path.parent / "findes-ikke.yml", path)), "en symbolsk lænke"),
], ids=["deleted", "a-folder", "a-dangling-link"])
def test_a_missing_core_file_is_named_once_without_a_cascade(fixture_copy, replace, found):
    replace(fixture_copy / THEMES)
    only(problems(fixture_copy), f"data/themes.yml, hele filen, felt '(fil)': fandt {found}")


def test_a_core_file_that_cannot_be_parsed_gives_no_cascade_either(fixture_copy):
    append(fixture_copy, THEMES, LAUGHS)
    assert all(m.startswith("data/themes.yml") for m in problems(fixture_copy))


def test_a_single_choice_question_whose_shares_sum_over_100_is_refused(fixture_copy):
    # The fixture's S3 (hjemmearbejdsdage, type: enkeltvalg) has three answers in one population, 22 + 49 + 29.
    text = (fixture_copy / FIGURES).read_text(encoding="utf-8")
    rows = [i for i, line in enumerate(text.split("\n"), 1) if line.startswith("hjemmearbejdsdage,")]
    (fixture_copy / FIGURES).write_text(text.replace("hjemmearbejdsdage,en-dag,alle-respondenter,49,",
                                                     "hjemmearbejdsdage,en-dag,alle-respondenter,90,")
                                        .replace("hjemmearbejdsdage,ingen,alle-respondenter,22,",
                                                 "hjemmearbejdsdage,ingen,alle-respondenter,62,"), encoding="utf-8")
    messages = problems(fixture_copy)
    assert any(f"{FIGURES}, række {', '.join(map(str, rows))}, felt 'value': fandt andele, der tilsammen giver 181 % – "
               "forventede højst 100 % for spørgsmålet 'hjemmearbejdsdage'" in m for m in messages), messages


def test_shares_of_a_multiple_choice_question_may_sum_over_100(fixture_dataset):
    sums: dict[tuple, float] = {}
    for wave in fixture_dataset.waves.values():
        for row in wave.rows:
            if wave.questions[row["question"]]["type"] == "flervalg":
                key = (wave.id, row["question"], row["population"])
                sums[key] = sums.get(key, 0) + row["value"]
    assert max(sums.values()) > 100  # the fixture has one such question, and it validates


def empty_data(project: Path) -> None:
    shutil.rmtree(project / "data")
    (project / "data").mkdir()


def schemas_only(project: Path) -> None:
    for child in (project / "data").iterdir():
        if child.name != "schemas":
            shutil.rmtree(child) if child.is_dir() else child.unlink()


@pytest.mark.parametrize("emptied", [empty_data, schemas_only], ids=["empty", "schemas-only"])
def test_a_data_folder_without_data_stops_validate_and_build_with_one_message(fixture_copy, emptied, tmp_path):
    emptied(fixture_copy)
    expected = "data/, hele mappen, felt '(datafiler)': fandt ingen datafiler"
    validated = run_script(fixture_copy, "scripts.validate")
    assert validated.returncode == 1 and expected in validated.stderr and "Traceback" not in validated.stderr
    built = build(fixture_copy, tmp_path / "site")
    assert built.returncode != 0 and expected in built.stderr and "Traceback" not in built.stderr
    assert not (tmp_path / "site").exists()


def test_an_alias_bomb_in_a_schema_is_refused_before_it_expands(fixture_copy):
    # Schemas may share parts by alias (the contract does), but not expand without end.
    append(fixture_copy, "data/schemas/themes.schema.yml", "\n$comment:" + LAUGHS.replace("\n- id: lol\n", "\n"))
    only(problems(fixture_copy), "data/schemas/themes.schema.yml, linje 1, felt '(YAML)': fandt aliaser, der udfoldet "
                                 "giver over 100.000 værdier")


def test_a_schema_that_is_no_yaml_is_named(fixture_copy):
    append(fixture_copy, "data/schemas/themes.schema.yml", "\n  : [\n")
    messages = problems(fixture_copy)
    assert len(messages) == 1 and messages[0].startswith("data/schemas/themes.schema.yml, linje"), messages
