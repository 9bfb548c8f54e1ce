"""`make wave-template` and `make import-wave`: a wave's figures from a spreadsheet, as a maintainer keeps it.

Runs on copies of the real project: the next wave is started from the newest one, its template is
filled in with the newest wave's own figures (which its report states), and read back in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_csv, read_yaml, run_script
from openpyxl import load_workbook

from evidence.load.spreadsheet import read_number
from evidence.load.wave_import import HEADER_WORDS

HEADER_ROW = 1


def started(project: Path) -> tuple[str, str]:
    """The next wave started with `make new-wave`, its wave.yml filled in from the newest wave."""
    previous = sorted(p.parent.name for p in (project / "data/survey").glob("*/wave.yml"))[-1]
    wave = str(int(previous) + 2)
    assert run_script(project, "scripts.new_wave", wave).returncode == 0
    meta = (project / f"data/survey/{previous}/wave.yml").read_text(encoding="utf-8")
    (project / f"data/survey/{wave}/wave.yml").write_text(meta.replace(f'id: "{previous}"', f'id: "{wave}"'),
                                                          encoding="utf-8")
    return previous, wave


def figures(project: Path, wave: str) -> set[tuple]:
    return {(r["question"], r["option"], r["population"], float(r["value"]), r["locator"])
            for r in read_csv(project / f"data/survey/{wave}/figures.csv")}


@pytest.fixture
def template(project, tmp_path):
    previous, wave = started(project)
    out = tmp_path / "tal.xlsx"
    result = run_script(project, "scripts.wave_template", wave, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return project, previous, wave, out


def columns(sheet) -> dict[str, int]:
    return {cell.value.split(" (")[0]: index for index, cell in enumerate(sheet[HEADER_ROW])}


def test_template_has_a_row_per_question_population_and_answer_with_the_value_empty(template):
    project, previous, wave, out = template
    sheet = load_workbook(out)["Tal"]
    questions = read_yaml(project / f"data/survey/{wave}/questions.yml")
    populations = read_yaml(project / "data/survey/populations.yml")
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == sum(len(q["options"]) for q in questions) * len(populations)
    col = columns(sheet)
    assert all(row[col["Værdi"]] is None for row in rows)
    names = {(row[col["Population"]], row[col["Svar"]]) for row in rows}
    assert (populations[0]["name"], questions[0]["options"][0]["label"]) in names
    stated = {(r["question"], r["option"], r["population"]): float(r["value"])
              for r in read_csv(project / f"data/survey/{previous}/figures.csv")}
    previous_column = next(i for name, i in col.items() if name.startswith("Forrige"))
    shown = {(row[col["Spørgsmål"] - 1], row[col["Svar"] - 1], row[col["Population"] - 1]): row[previous_column]
             for row in rows if row[previous_column] is not None}
    assert shown == stated


def fill(out: Path, target: Path, percent_format: bool = False) -> int:
    """Type the previous wave's figures into the value column, as a person would; `percent_format` types
    them as Excel stores »64 %« (0.64 in a cell formatted as per cent)."""
    workbook = load_workbook(out)
    sheet = workbook["Tal"]
    col = columns(sheet)
    previous_column = next(i for name, i in col.items() if name.startswith("Forrige"))
    filled = 0
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
        if row[previous_column].value is not None:
            cell = row[col["Værdi"]]
            cell.value = row[previous_column].value / 100 if percent_format else row[previous_column].value
            cell.number_format = "0%" if percent_format else "General"
            filled += 1
    workbook.save(target)
    return filled


@pytest.mark.parametrize("percent_format", [False, True], ids=["numbers", "per-cent-cells"])
def test_a_filled_template_imports_into_a_valid_wave_with_one_command(template, tmp_path, percent_format):
    project, previous, wave, out = template
    filled = fill(out, tmp_path / "udfyldt.xlsx", percent_format)
    result = run_script(project, "scripts.import_wave", wave, str(tmp_path / "udfyldt.xlsx"))
    assert result.returncode == 0, result.stderr
    assert f"Skrev {filled} tal" in result.stdout and "Data er gyldige" in result.stdout
    assert figures(project, wave) == figures(project, previous)
    assert run_script(project, "scripts.validate").returncode == 0


def quoted(text: str) -> str:
    """As Excel writes a cell holding the delimiter."""
    return f'"{text}"' if ";" in text else text


def excel_csv(project: Path, previous: str, mistakes: dict[int, tuple[str, str]] | None = None,
              encoding: str = "utf-8-sig", header: str = "Spørgsmål;Svar;Population;Værdi;Locator",
              name=lambda question: question["label"] or question["id"]) -> bytes:
    """The previous wave's figures as Danish Excel saves a sheet: semicolons, BOM, CRLF, »45 %«, and the
    question (by `name`), answer and population by their labels and names, in other case and spacing."""
    populations = {p["id"]: p["name"] for p in read_yaml(project / "data/survey/populations.yml")}
    questions = {q["id"]: q for q in read_yaml(project / f"data/survey/{previous}/questions.yml")}
    lines = [header]
    for row in read_csv(project / f"data/survey/{previous}/figures.csv"):
        question = questions[row["question"]]
        option = next(o for o in question["options"] if o["id"] == row["option"])
        value = row["value"].replace(".", ",") + " %"
        lines.append(f"{quoted(name(question))};{option['label'].upper()};"
                     f" {populations[row['population']]} ;{value};{quoted(row['locator'])}")
    for index, (old, new) in (mistakes or {}).items():
        assert old in lines[index], (old, lines[index])
        lines[index] = lines[index].replace(old, new, 1)
    return "\r\n".join(lines).encode(encoding) + b"\r\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_an_excel_csv_imports_with_names_labels_and_danish_numbers(project, tmp_path, encoding):
    previous, wave = started(project)
    sheet = tmp_path / "tal.csv"
    sheet.write_bytes(excel_csv(project, previous, encoding=encoding))
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 0, result.stderr
    assert figures(project, wave) == figures(project, previous)


def test_an_analysts_own_sheet_imports_with_danish_column_names_and_every_question_by_its_title(project, tmp_path):
    """Column names as an analyst writes them, and each question as the template titles it: a question the
    report states without number or wording is named by what it measures."""
    previous, wave = started(project)
    questions = read_yaml(project / f"data/survey/{previous}/questions.yml")
    assert any(not q["label"] and not q["wording"] for q in questions), "the real wave has no unnumbered question"
    titles = {q["id"]: (f"{q['label']}: " if q["label"] else "") + (q["wording"] or q["measure"]) for q in questions}
    sheet = tmp_path / "eget-ark.csv"
    sheet.write_bytes(excel_csv(project, previous, header="Spm.;Svarmulighed;Målgruppe;Andel (%);Placering i rapporten",
                                name=lambda question: titles[question["id"]]))
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 0, result.stderr
    assert figures(project, wave) == figures(project, previous)


def test_a_misspelt_question_without_number_or_wording_is_named_by_its_measure_in_the_message(project, tmp_path):
    previous, wave = started(project)
    unnumbered = next(q for q in read_yaml(project / f"data/survey/{previous}/questions.yml")
                      if not q["label"] and not q["wording"])
    row = next(n for n, r in enumerate(read_csv(project / f"data/survey/{previous}/figures.csv"), 1)
               if r["question"] == unnumbered["id"])
    misspelt = unnumbered["measure"][:-2]
    sheet = tmp_path / "tal.csv"
    sheet.write_bytes(excel_csv(project, previous, {row: (unnumbered["id"], misspelt)}))
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 1
    assert f"tal.csv, række {row + 1}, felt 'Spørgsmål': fandt '{misspelt}'" in result.stderr
    assert f"(mente du '{unnumbered['measure']}'?)" in result.stderr


def test_every_column_name_the_importer_reads_is_in_the_guide_and_the_template(template):
    project, _, wave, out = template
    guide = " ".join((project / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    template_guide = " ".join(str(row[0]) for row in load_workbook(out)["Vejledning"].iter_rows(values_only=True))
    for words in HEADER_WORDS.values():
        for word in words:
            assert f"»{word.capitalize()}«" in guide, word
            assert f"»{word.capitalize()}«" in template_guide, word


def test_a_sheet_without_a_locator_column_lists_the_names_it_would_have_read(project, tmp_path):
    _, wave = started(project)
    sheet = tmp_path / "tal.csv"
    sheet.write_text("Spørgsmål;Svar;Population;Andel\r\nS1;x;y;45\r\n", encoding="utf-8")
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 1 and "mangler: locator" in result.stderr
    assert "»Placering i rapporten«" in result.stderr


def test_a_broken_sheet_lists_every_row_with_a_suggestion_and_writes_nothing(project, tmp_path):
    previous, wave = started(project)
    rows = read_csv(project / f"data/survey/{previous}/figures.csv")
    population = next(p["name"] for p in read_yaml(project / "data/survey/populations.yml")
                      if p["id"] == rows[1]["population"])
    sheet = tmp_path / "tal.csv"
    sheet.write_bytes(excel_csv(project, previous, {2: (population, population[:-2]), 3: (" %", "x %")}))
    before = (project / f"data/survey/{wave}/figures.csv").read_bytes()
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"tal.csv, række 3, felt 'Population': fandt '{population[:-2]}'" in result.stderr
    assert f"(mente du '{population}'?)" in result.stderr
    assert "tal.csv, række 4, felt 'Værdi'" in result.stderr and "Intet er skrevet" in result.stderr
    assert (project / f"data/survey/{wave}/figures.csv").read_bytes() == before


def test_a_wrong_figure_in_the_sheet_is_named_by_both_rows(project, tmp_path):
    previous, wave = started(project)
    first = read_csv(project / f"data/survey/{previous}/figures.csv")[0]
    wrong = first["value"][::-1] if first["value"][::-1] != first["value"] else str(int(first["value"]) + 1)
    sheet = tmp_path / "tal.csv"
    sheet.write_bytes(excel_csv(project, previous, {1: (f";{first['value']} %;", f";{wrong} %;")}))
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 1
    assert f"data/survey/{wave}/figures.csv, række 2 (række 2 i tal.csv), felt 'value': fandt {wrong} %" in result.stderr


def test_a_sheet_without_a_value_column_says_which_columns_are_missing(project, tmp_path):
    _, wave = started(project)
    sheet = tmp_path / "tal.csv"
    sheet.write_text("Spørgsmål;Svar;Population;Locator\r\nS1;x;y;z\r\n", encoding="utf-8")
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 1 and "mangler: value" in result.stderr


@pytest.mark.parametrize("text, value", [("64", 64), ("64,5 %", 64.5), ("71,5%", 71.5), ("47 %", 47), ("72.5", 72.5),
                                         ("1.812", 1812), ("1.812,5", 1812.5), ("1\u00a0812", 1812), ("6x", None),
                                         ("", None)])
def test_numbers_are_read_as_a_danish_spreadsheet_writes_them(text, value):
    assert read_number(text) == value


def test_a_formula_without_a_saved_result_is_refused_with_its_cell_and_nothing_is_written(template, tmp_path):
    project, previous, wave, out = template
    target = tmp_path / "udfyldt.xlsx"
    fill(out, target)
    workbook = load_workbook(target)
    sheet = workbook["Tal"]
    cell = next(row[columns(sheet)["Værdi"]] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
                if row[columns(sheet)["Værdi"]].value is not None)
    cell.value = f"={cell.value}"  # openpyxl saves a formula without its result, as a script would
    workbook.save(target)
    before = (project / f"data/survey/{wave}/figures.csv").read_bytes()
    result = run_script(project, "scripts.import_wave", wave, str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"Excel-arket udfyldt.xlsx har formler uden et gemt resultat i {cell.coordinate}," in result.stderr
    assert (project / f"data/survey/{wave}/figures.csv").read_bytes() == before


def test_a_sheet_with_xml_entities_is_refused_before_they_expand(template, tmp_path):
    import zipfile

    project, previous, wave, out = template
    filled = tmp_path / "udfyldt.xlsx"
    fill(out, filled)
    bomb = tmp_path / "bombe.xlsx"
    entities = '<!DOCTYPE x [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    with zipfile.ZipFile(filled) as source, zipfile.ZipFile(bomb, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = entities.encode() + data.replace(b"<v>", b"<v>&j;", 1)
            target.writestr(item, data)
    before = (project / f"data/survey/{wave}/figures.csv").read_bytes()
    result = run_script(project, "scripts.import_wave", wave, str(bomb))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Excel-arket bombe.xlsx indeholder XML-definitioner (DTD eller entiteter)" in result.stderr
    assert (project / f"data/survey/{wave}/figures.csv").read_bytes() == before


def test_a_sheet_missing_most_figures_changes_nothing_and_says_so(project, tmp_path):
    previous, wave = started(project)
    full = tmp_path / "tal.csv"
    full.write_bytes(excel_csv(project, previous))
    assert run_script(project, "scripts.import_wave", wave, str(full)).returncode == 0
    before = (project / f"data/survey/{wave}/figures.csv").read_bytes()
    short = tmp_path / "tre.csv"
    short.write_bytes(b"\r\n".join(excel_csv(project, previous).split(b"\r\n")[:4]) + b"\r\n")
    result = run_script(project, "scripts.import_wave", wave, str(short))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "tre.csv kan ikke læses ind: med de nye tal er data ikke gyldige" in result.stderr
    assert "Intet er skrevet." in result.stderr
    assert (project / f"data/survey/{wave}/figures.csv").read_bytes() == before


@pytest.mark.parametrize("wave", ["../../../x", "../2025", "2027/../../../x", "x"])
def test_a_wave_that_is_no_wave_id_is_refused_and_nothing_outside_data_survey_is_written(project, tmp_path, wave):
    previous, started_wave = started(project)
    sheet = tmp_path / "tal.csv"
    sheet.write_bytes(excel_csv(project, previous))
    outside = (project / "data/survey" / wave).resolve()
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "questions.yml").write_bytes((project / f"data/survey/{started_wave}/questions.yml").read_bytes())
    (outside / "figures.csv").write_text("urørt\n", encoding="utf-8")
    result = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert result.returncode == 2 and f"'{wave}' er ikke et bølge-id" in result.stderr
    assert (outside / "figures.csv").read_text(encoding="utf-8") == "urørt\n"
