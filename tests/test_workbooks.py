"""The Excel downloads open right: read by readers that are not the writer (python-calamine, and
LibreOffice as a real spreadsheet program), numbers are numbers, shares are percentages, æøå intact,
and a text that looks like a formula stays text."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from evidence.pages.download_pages import figure_files, quote_files
from evidence.pages.workbooks import workbook_bytes


def sheets(data: bytes) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_every_figure_is_a_number_in_the_workbook_as_in_the_csv(fixture_dataset):
    files = figure_files(fixture_dataset)
    expected = list(csv.DictReader(io.StringIO(files["hent-data/alle-tal.csv"])))
    book = sheets(files["hent-data/alle-tal.xlsx"])
    header, *rows = book["Tal"]
    assert header == list(expected[0])
    assert len(rows) == len(expected)
    share = header.index("andel_procent")
    for row, want in zip(rows, expected, strict=True):
        assert isinstance(row[share], float)
        assert row[share] == pytest.approx(float(want["andel_procent"]) / 100)
        assert [str(v) for i, v in enumerate(row) if i != share] == [v for k, v in want.items() if k != "andel_procent"]
    assert any("ø" in str(v) or "æ" in str(v) or "å" in str(v) for row in rows for v in row)


def test_the_workbook_says_what_the_figures_are(fixture_dataset):
    about = dict((label, text) for label, text, *_ in sheets(figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"])
                 ["Om tallene"] if label)
    wave = next(iter(fixture_dataset.waves.values())).meta
    texts = [text for *_, text in sheets(figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"])["Om tallene"]]
    assert wave["citation"] in texts and wave["respondents_description"] in texts
    assert "Rettigheder" in about and "citatretten" in about["Rettigheder"]


def test_percentages_are_formatted_as_percentages_and_the_header_stays_put(fixture_dataset):
    data = figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("xl/styles.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "%" in styles
    assert 'state="frozen"' in sheet and 'topLeftCell="A2"' in sheet


def test_a_quote_that_looks_like_a_formula_stays_text():
    data = workbook_bytes([{"tekst": "=HYPERLINK(\"http://x\")", "tal": 3}], "Citater", [("Kilde", "+A1")], "Om", "2031-12-01")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    assert sheets(data)["Citater"][1] == ["=HYPERLINK(\"http://x\")", 3.0]


def test_the_quotes_workbook_holds_every_quote(fixture_dataset):
    files = quote_files(fixture_dataset)
    expected = list(csv.DictReader(io.StringIO(files["hent-data/citater.csv"])))
    header, *rows = sheets(files["hent-data/citater.xlsx"])["Citater"]
    assert [dict(zip(header, row, strict=True)) for row in rows] == expected


def test_the_same_data_build_the_same_bytes(fixture_dataset):
    data = figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        newest = max(p["added"] for p in fixture_dataset.publications.values())
        assert {info.date_time[:3] for info in archive.infolist()} == {tuple(int(n) for n in newest.split("-"))}
        core = archive.read("docProps/core.xml").decode()
        # openpyxl stamps `modified` with the time of saving: the workbook must not carry the build's clock.
        assert re.search(rf"<dcterms:modified[^>]*>{newest}T00:00:00Z</dcterms:modified>", core), core
    assert workbook_bytes([{"a": 1}], "T", [], "Om", newest) == workbook_bytes([{"a": 1}], "T", [], "Om", newest)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_libreoffice_reads_the_workbook_back(fixture_dataset, tmp_path):
    source = tmp_path / "alle-tal.xlsx"
    source.write_bytes(figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"])
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "ods", "--outdir", str(tmp_path / "out"), str(source)], check=True, capture_output=True, timeout=180)
    converted = sheets((tmp_path / "out/alle-tal.ods").read_bytes())
    original = sheets(source.read_bytes())
    assert converted["Tal"] == original["Tal"]
    assert converted["Om tallene"][0] == original["Om tallene"][0]


@pytest.fixture(scope="module")
def chart_files(fixture_dataset):
    from evidence.pages.chart_downloads import chart_tables

    return chart_tables(fixture_dataset)


def test_every_chart_has_a_workbook_with_the_rows_of_its_csv(fixture_dataset, chart_files):
    from evidence.pages.chart_downloads import every_chart

    charts = [chart for chart in every_chart(fixture_dataset) if not chart.frame.empty]
    assert len(charts) > 10
    for chart in charts:
        expected = list(csv.DictReader(io.StringIO(chart_files[chart.csv_path])))
        header, *rows = sheets(chart_files[chart.csv_path.removesuffix(".csv") + ".xlsx"])["Tal"]
        assert header == list(expected[0]) and len(rows) == len(expected), chart.csv_path
        share = header.index("andel_procent")
        for row, want in zip(rows, expected, strict=True):
            assert isinstance(row[share], float)
            assert row[share] == pytest.approx(float(want["andel_procent"]) / 100)
            assert [str(v) for i, v in enumerate(row) if i != share] == [v for k, v in want.items() if k != "andel_procent"]


def test_a_chart_workbook_says_what_its_figures_are(fixture_dataset, chart_files):
    from evidence.model.survey import SELF_SELECTION
    from evidence.pages.chart_downloads import every_chart

    chart = next(c for c in every_chart(fixture_dataset) if "/tema-" in c.csv_path)
    about = sheets(chart_files[chart.csv_path.removesuffix(".csv") + ".xlsx"])["Om tallene"]
    texts = [text for _, text, *_ in about]
    labels = [label for label, *_ in about]
    assert chart.title in texts
    for wave_id in set(chart.frame["wave"]):
        meta = fixture_dataset.waves[wave_id].meta
        assert fixture_dataset.publications[meta["publication"]]["citation"] in texts
        assert meta["respondents_description"] in texts
        for method in (m for m in meta["method"] if m.get("base")):
            assert any(text.startswith(method["label"]) for text in texts)
    for question_id in set(chart.frame["question"]):
        question = fixture_dataset.waves[chart.frame["wave"].iloc[0]].questions[question_id]
        assert f"{question_id}: {question['wording'] or question['measure']}" in texts
    for population in set(chart.frame["population_label"]):
        assert any(population in text for label, text in zip(labels, texts, strict=True) if label == "Tallene viser")
    assert SELF_SELECTION in texts and "Grundlag" in labels
    assert "citatretten" in texts[labels.index("Rettigheder")]


def test_chart_workbooks_percent_format_frozen_header_and_fixed_dates(fixture_dataset, chart_files):
    newest = max(p["added"] for p in fixture_dataset.publications.values())
    for path, data in chart_files.items():
        if not path.endswith(".xlsx"):
            continue
        sheet = load_workbook(io.BytesIO(data))["Tal"]
        share = [cell.value for cell in sheet[1]].index("andel_procent") + 1
        assert all(sheet.cell(row, share).number_format.endswith("%") for row in range(2, sheet.max_row + 1)), path
        assert sheet.freeze_panes == "A2"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {info.date_time[:3] for info in archive.infolist()} == {tuple(int(n) for n in newest.split("-"))}
