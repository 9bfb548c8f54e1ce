"""Every survey figure appears on its question page, as chart, table and CSV; the overview, the method
and the sources pages state what the data say.

Runs on the fixture dataset (tests/fixtures/site/data); expected values are read from its files.
"""

from __future__ import annotations

import csv
import io
import re

from conftest import page, read_csv, read_yaml, text_of

from evidence.urls import slug


def danish(value: float) -> str:
    """A share as the site writes it: decimal comma, thousands dot, a space before %."""
    whole, _, decimals = f"{value:,.1f}".removesuffix(".0").partition(".")
    return whole.replace(",", ".") + ("," + decimals if decimals else "")


def waves(data):
    """(wave id, questions by id, figure rows) of every fixture wave."""
    for folder in sorted((data / "survey").iterdir()):
        if folder.is_dir():
            questions = {q["id"]: q for q in read_yaml(folder / "questions.yml")}
            yield folder.name, questions, read_csv(folder / "figures.csv")


def populations(data) -> dict[str, dict]:
    return {p["id"]: p for p in read_yaml(data / "survey/populations.yml")}


def option_label(questions: dict, row: dict) -> str:
    return next(o["label"] for o in questions[row["question"]]["options"] if o["id"] == row["option"])


def test_every_figure_is_in_the_table_on_its_question_page(fixture_site, fixture_data):
    missing = []
    names = populations(fixture_data)
    for wave_id, questions, rows in waves(fixture_data):
        for row in rows:
            text = text_of(fixture_site, f"tal/{wave_id}/{row['question']}/")
            # The data table row of this option must hold this value, under this population's column.
            cells = re.findall(rf"<tr><th scope=\"row\">{re.escape(option_label(questions, row))}</th>(.*?)</tr>", text)
            shown = any(f"<td>{danish(float(row['value']))} %</td>" in c for c in cells)
            if not shown or names[row["population"]]["name"] not in text:
                missing.append((wave_id, row["question"], row["option"], row["population"], row["value"]))
    assert not missing, f"figures not shown on their page: {missing}"


def test_figures_are_written_the_danish_way(fixture_site, fixture_data):
    decimals = [(wave_id, row) for wave_id, _, rows in waves(fixture_data) for row in rows if "." in row["value"]]
    assert decimals, "the fixture has a share with decimals"
    for wave_id, row in decimals:
        text = text_of(fixture_site, f"tal/{wave_id}/{row['question']}/")
        assert f"{row['value'].replace('.', ',')} %" in text
        assert f">{row['value']} %" not in text and f"{row['value']}%" not in text
    assert danish(1812) == "1.812" and danish(72.5) == "72,5"


def test_chart_is_inline_svg_with_a_danish_text_alternative(fixture_site, fixture_data):
    names = populations(fixture_data)
    for wave_id, questions, rows in waves(fixture_data):
        for question_id in questions:
            text = text_of(fixture_site, f"tal/{wave_id}/{question_id}/")
            assert "<svg" in text
            assert "vega" not in text.lower().split("<svg")[0][-2000:]  # no chart runtime before the figure
            labels = re.findall(r'class="ev-chart" role="img" aria-label="([^"]+)"', text)
            bars = " ".join(label for label in labels if label.startswith("Søjlediagram: "))
            assert bars, (wave_id, question_id, labels)
            for row in (r for r in rows if r["question"] == question_id):
                assert f"{names[row['population']]['name']} – " in bars, row
                assert f"{option_label(questions, row)}: {danish(float(row['value']))} %" in bars, row


def test_csv_download_holds_exactly_the_plotted_figures(fixture_site, fixture_data):
    names = populations(fixture_data)
    for wave_id, questions, rows in waves(fixture_data):
        for question_id in questions:
            text = page(fixture_site, f"tal/{wave_id}/{question_id}/")
            hrefs = re.findall(r'href="([^"]+\.csv)" download', text)
            assert hrefs, f"no CSV link on tal/{wave_id}/{question_id}/"
            downloaded = []
            for href in hrefs:
                if "-udvikling" in href:
                    continue
                path = (fixture_site / "tal" / wave_id / question_id / href).resolve()
                downloaded += list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
            expected = sorted((r["population"], r["option"], float(r["value"])) for r in rows if r["question"] == question_id)
            assert sorted((r["population_id"], r["svar_id"], float(r["andel_procent"])) for r in downloaded) == expected
            assert all(r["kildehenvisning"] and r["bølge"] == wave_id for r in downloaded)
            assert {r["population"] for r in downloaded} == {names[p]["name"] for p, _, _ in expected}


def test_partial_series_is_said_on_the_page(fixture_site, fixture_data):
    series = {(w, q): question["series"] for w, questions, _ in waves(fixture_data) for q, question in questions.items()}
    assert set(series.values()) == {"partial", "complete"}, "the fixture has both kinds of series"
    for (wave_id, question_id), kind in series.items():
        shown = "Delvis serie" in page(fixture_site, f"tal/{wave_id}/{question_id}/")
        assert shown == (kind == "partial"), (wave_id, question_id)


def test_seniority_figures_have_their_own_chart(fixture_site, fixture_data):
    groups = {p: v["group"] for p, v in populations(fixture_data).items()}
    seniority = [(w, r) for w, _, rows in waves(fixture_data) for r in rows if groups[r["population"]] == "anciennitet"]
    assert seniority, "the fixture has figures by seniority"
    for wave_id, row in seniority:
        text = text_of(fixture_site, f"tal/{wave_id}/{row['question']}/")
        assert "Fordelt på anciennitet" in text
        assert f"{danish(float(row['value']))} %" in text.split("Fordelt på anciennitet", 1)[1]


def test_overview_has_a_cross_area_summary_per_wave(fixture_site, fixture_data):
    text = text_of(fixture_site, "tal/")
    areas = [p for p, v in populations(fixture_data).items() if v["group"] == "område" and v.get("in_summary", True)]
    for wave_id, questions, rows in waves(fixture_data):
        assert f"Opsummering på tværs af områder, undersøgelsen {wave_id}" in text
        assert f'id="fig-{wave_id}-opsummering"' in text
        # An answer the report states for every area is in the summary table.
        by_option: dict[tuple, list[dict]] = {}
        for row in rows:
            if row["population"] in areas:
                by_option.setdefault((row["question"], row["option"]), []).append(row)
        complete = [found for found in by_option.values() if len(found) == len(areas)]
        assert complete, wave_id
        for row in complete[0]:
            assert f"<li>{danish(float(row['value']))} % {option_label(questions, row)}</li>" in text


def count(figure: dict) -> str:
    value = danish(float(figure["value"]))
    if "up_to" in figure:
        value += "–" + danish(float(figure["up_to"]))
    shown = f"{value} %" if figure["unit"] == "procent" else f"{value} {figure['unit']}"
    return ("ca. " if figure.get("approximate") else "") + shown


def test_method_page_states_the_method_figures_ranges_and_notes(fixture_site, fixture_data):
    text = text_of(fixture_site, "metode/")
    waves = [read_yaml(path) for path in sorted((fixture_data / "survey").glob("*/wave.yml"))]
    assert any("up_to" in figure for wave in waves for figure in wave["method"]), "the fixture needs a range"
    for wave in waves:
        for figure in wave["method"]:
            assert f"<dt>{figure['label']}</dt><dd>{count(figure)}" in text, figure
        if wave.get("method_note"):
            assert wave["method_note"] in text


def test_sources_page_cites_every_publication(fixture_site, fixture_data):
    text = text_of(fixture_site, "kilder/")
    for publication in read_yaml(fixture_data / "publications.yml"):
        assert publication["citation"] in text
        assert publication["title"] in text


def test_a_population_without_a_figure_is_marked_not_stated_in_chart_and_table(fixture_site, fixture_data):
    """A chart never leaves a population's bar out silently: where the data have no figure for an option ×
    population that the chart shows for another option, chart and table say »ikke oplyst«."""
    names = populations(fixture_data)
    checked = 0
    for wave_id, questions, rows in waves(fixture_data):
        for question_id in questions:
            by_group: dict[str, list[dict]] = {}
            for row in (r for r in rows if r["question"] == question_id):
                by_group.setdefault(names[row["population"]]["group"], []).append(row)
            for group, group_rows in by_group.items():
                missing = (len({r["option"] for r in group_rows}) * len({r["population"] for r in group_rows})
                           - len(group_rows))
                text = page(fixture_site, f"tal/{wave_id}/{question_id}/")
                start = text.index(f'id="fig-{wave_id}-{question_id}-{slug(group)}"')
                figure = text[start:text.index("</figure>", start)]
                narrow = re.search(r'<svg[^>]*ev-chart__narrow.*?</svg>', figure, re.S).group(0)
                table = figure[figure.index("<table"):figure.index("</table>")]
                assert narrow.count("ikke oplyst") == missing, (wave_id, question_id, group)
                assert table.count("ikke oplyst") == missing, (wave_id, question_id, group)
                checked += missing
    assert checked, "the fixture data have no option × population without a figure to check"
