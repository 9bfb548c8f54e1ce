"""Every figure in the survey data appears on its question page, as chart, table and CSV."""

from __future__ import annotations

import csv
import html
import io
import re

from conftest import page

from evidence.dataset import load_dataset
from evidence.formatting import percent

DATASET = load_dataset()


def all_figures():
    for wave_id, wave in DATASET.waves.items():
        for row in wave.figures.itertuples():
            yield wave_id, wave, row


def test_every_figure_is_in_the_table_on_its_question_page(site):
    missing = []
    for wave_id, wave, row in all_figures():
        text = html.unescape(page(site, f"tal/{wave_id}/{row.question}/"))
        option = next(o["label"] for o in wave.questions[row.question]["options"] if o["id"] == row.option)
        population = DATASET.populations[row.population]["name"]
        # The data table row of this option must hold this value, under this population's column.
        rows = re.findall(rf"<tr><th scope=\"row\">{re.escape(option)}</th>(.*?)</tr>", text)
        if not any(f"<td>{percent(row.value)}</td>" in cells for cells in rows) or population not in text:
            missing.append((row.question, row.option, row.population, row.value))
    assert not missing, f"figures not shown on their page: {missing}"


def test_figure_is_written_the_danish_way(site):
    text = html.unescape(page(site, "tal/2025/vigtigt-for-at-blive/"))
    assert "64 %" in text
    assert "64%" not in text


def test_chart_is_inline_svg_with_a_danish_text_alternative(site):
    text = page(site, "tal/2025/faglig-identitet/")
    assert "<svg" in text
    label = html.unescape(re.search(r'class="ev-chart" role="img" aria-label="([^"]+)"', text).group(1))
    assert label.startswith("Søjlediagram: S9")
    assert "Børne- og familieområdet – I meget høj grad eller i høj grad: 81 %" in label
    assert "vega" not in text.lower().split("<svg")[0][-2000:]  # no chart runtime before the figure


def test_csv_download_holds_exactly_the_plotted_figures(site):
    text = page(site, "tal/2025/faglig-identitet/")
    hrefs = re.findall(r'href="([^"]+\.csv)" download', text)
    assert hrefs, "no CSV link on the question page"
    path = site / "tal/2025/faglig-identitet" / hrefs[0]
    rows = list(csv.DictReader(io.StringIO(path.resolve().read_text(encoding="utf-8"))))
    plotted = sorted((r["population_id"], float(r["andel_procent"])) for r in rows)
    expected = sorted(
        (r.population, r.value) for wave_id, _, r in all_figures()
        if wave_id == "2025" and r.question == "faglig-identitet" and DATASET.populations[r.population]["group"] == "område"
    )
    assert plotted == expected
    assert all(r["kildehenvisning"] for r in rows)


def test_partial_series_is_said_on_the_page(site):
    assert "Delvis serie" in page(site, "tal/2025/overveje-at-forlade-job/")


def test_seniority_figures_have_their_own_chart(site):
    text = html.unescape(page(site, "tal/2025/faglig-identitet/"))
    assert "Fordelt på anciennitet" in text
    for value in ("66 %", "74 %", "87 %"):
        assert value in text


def test_cross_area_summary_table_and_chart(site):
    text = html.unescape(page(site, "tal/"))
    assert "Opsummering på tværs af områder" in text
    assert "94 % Dårligt psykisk arbejdsmiljø" in text  # socialområdet, S7
    assert 'id="fig-2025-opsummering"' in text


def test_method_page_states_the_method_figures(site):
    text = html.unescape(page(site, "metode/"))
    expected_texts = ("1.812 personer", "1.652 personer", "15 %", "ca. 33 %", "14 interview",
                      "Alle informanter i denne rapport er anonyme")
    for expected in expected_texts:
        assert expected in text, expected


def test_sources_page_cites_both_publications(site):
    text = html.unescape(page(site, "kilder/"))
    for publication in DATASET.publications.values():
        assert publication["citation"] in text
