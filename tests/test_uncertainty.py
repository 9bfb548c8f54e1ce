"""Beside every difference a page shows – between groups, or between waves – the reader learns whether it
exceeds the sampling uncertainty, computed from n; where n is not known, that it cannot be judged."""

from __future__ import annotations

import pytest
from conftest import edit, plain, problems, text_of

from evidence.model.formatting import number
from evidence.model.uncertainty import exceeds_uncertainty, two_proportion_z, wilson_interval


@pytest.mark.parametrize(("share", "n", "low", "high"), [
    (0.45, 100, 0.356, 0.548),   # the textbook example: 45 of 100
    (0.0, 10, 0.0, 0.278),       # none of 10: the interval still has an upper limit (Wilson 1927)
    (0.5, 1000, 0.469, 0.531),
])
def test_wilson_interval_matches_known_values(share, n, low, high):
    assert wilson_interval(share, n) == pytest.approx((low, high), abs=0.0005)


def test_two_proportion_test_matches_a_hand_computation():
    # 50 of 100 against 40 of 100: pooled 0.45, se = sqrt(0.45 · 0.55 · 0.02) = 0.07036, z = 0.1 / se
    assert two_proportion_z(0.5, 100, 0.4, 100) == pytest.approx(1.4213, abs=0.0001)
    assert not exceeds_uncertainty(0.5, 100, 0.4, 100)
    assert exceeds_uncertainty(0.5, 1000, 0.4, 1000)


def _wave_n(dataset, wave_id: str) -> int | None:
    return next((int(m["value"]) for m in dataset.waves[wave_id].meta["method"] if m.get("n")), None)


def _waves_with_n(dataset) -> list[str]:
    """The waves whose report states how many answered (a later fixture wave does not)."""
    return [wave_id for wave_id in dataset.waves if _wave_n(dataset, wave_id) is not None]


def test_a_group_difference_that_exceeds_the_uncertainty_says_so(fixture_site, fixture_dataset):
    # 2033, »I høj grad«: jobcenter (ca. 35 % of n) against børn og unge (a count of 250) – 55 % against 36 %
    text = plain(text_of(fixture_site, "tal/2033/arbejdsglaede/"))
    jobcenter_n = round(_wave_n(fixture_dataset, "2033") * 35 / 100)
    assert (f"I høj grad – Jobcenter og ydelser: 55 % (ca. {number(jobcenter_n)} svar, usikkerhedsinterval "
            "50,2–59,7 %); Børn og unge-området: 36 % (250 svar, usikkerhedsinterval 30,3–42,1 %). "
            "Forskellen på 19 procentpoint er større end den statistiske usikkerhed.") in text
    assert "Hvis svarene var en tilfældig stikprøve" in text
    assert "Antallet af svar er anslået ud fra rapportens cirka-andele" in text


def test_a_change_within_the_uncertainty_says_so_and_an_unknown_n_cannot_be_judged(fixture_site):
    text = plain(text_of(fixture_site, "tal/2033/arbejdsglaede/"))  # its trend up to 2033
    # everyone who answered: n in both waves, a change of 2 points is within the uncertainty
    assert ("I høj grad, Alle respondenter: 47 % i 2031 → 45 % i 2033 (−2 procentpoint): "
            "ændringen er inden for den statistiske usikkerhed.") in text
    # jobcenter's share is not stated for 2031
    assert ("I høj grad, Jobcenter og ydelser: 52 % i 2031 → 55 % i 2033 (+3 procentpoint): ændringen kan ikke "
            "vurderes, fordi rapporten ikke oplyser, hvor mange i gruppen der svarede i 2031.") in text


def test_groups_without_n_cannot_be_judged(fixture_site):
    # seniority groups: the test report gives no count for them
    text = plain(text_of(fixture_site, "tal/2033/sagstal-for-hoejt/"))
    assert ("kan ikke vurderes, fordi rapporten ikke oplyser, hvor mange der svarede i grupperne "
            "»Under 2 år i faget« og »Over 5 år i faget«") in text


def test_the_method_page_names_the_method_and_each_waves_n(fixture_site, fixture_dataset):
    assert 'id="usikkerhed"' in text_of(fixture_site, "metode/")  # where »Sådan er usikkerheden beregnet« leads
    text = plain(text_of(fixture_site, "metode/"))
    assert "Wilson" in text and "test for to andele" in text
    assert _waves_with_n(fixture_dataset)
    for wave_id in _waves_with_n(fixture_dataset):
        assert f"Undersøgelsen {wave_id}: {number(_wave_n(fixture_dataset, wave_id))} (" in text


def test_real_area_n_are_marked_approximate(real_dataset):
    """The 2025 report states n for the whole survey and »ca.« shares per area: each area's n is shown as »ca.«."""
    from evidence.html.blocks import survey_figure

    wave_id = list(real_dataset.waves)[-1]
    wave = real_dataset.waves[wave_id]
    n = _wave_n(real_dataset, wave_id)
    shares = [m for m in wave.meta["method"] if m.get("population") and m["unit"] == "procent"]
    assert shares and all(m.get("approximate") for m in shares)
    shown = "".join(survey_figure(real_dataset, wave_id, q, "område", "../") for q in wave.questions
                    if not wave.questions[q].get("answered_by"))
    for m in shares:
        assert f"(ca. {number(round(n * m['value'] / 100))} svar, usikkerhedsinterval" in plain(shown)


def test_a_second_n_is_refused_naming_file_line_and_field(fixture_copy):
    rel = "data/survey/2033/wave.yml"
    edit(fixture_copy, rel, "    value: 1386\n    unit: personer\n", "    value: 1386\n    unit: personer\n    n: true\n")
    lines = (fixture_copy / rel).read_text(encoding="utf-8").splitlines()
    second = [i for i, text in enumerate(lines, 1) if text == "    n: true"][1]
    found = [p for p in problems(fixture_copy) if "højst ét metodetal med n: true" in p]
    assert found and found[0].startswith(f"{rel}, linje {second}, felt 'method[2].n'"), found


def test_the_workbook_states_each_waves_base_and_n(fixture_dataset):
    import io

    from openpyxl import load_workbook

    from evidence.pages.download_pages import figure_files

    book = load_workbook(io.BytesIO(figure_files(fixture_dataset)["hent-data/alle-tal.xlsx"]))
    about = [(row[0].value, row[1].value) for row in book["Om tallene"].iter_rows() if row[0].value]
    grounds = " ".join(text for label, text in about if label == "Grundlag")
    for wave_id in fixture_dataset.waves:
        base = [m for m in fixture_dataset.waves[wave_id].meta["method"] if m.get("base")]
        assert all(number(m["value"]) in grounds for m in base), wave_id
    for wave_id in _waves_with_n(fixture_dataset):
        stated = f"Den statistiske usikkerhed på sitet er beregnet ud fra {number(_wave_n(fixture_dataset, wave_id))} svar"
        assert any(label == "Usikkerhed" and text.startswith(stated) for label, text in about), about
    assert any(label == "Forbehold" and "selv valgte at svare" in text for label, text in about)


def test_an_embedded_chart_carries_its_base_and_its_differences(fixture_site):
    from evidence.urls import embed_path

    text = plain((fixture_site / embed_path("2033", "arbejdsglaede", "område")).read_text(encoding="utf-8"))
    assert "Grundlag:" in text and "selv valgte at svare" in text
    assert "Forskellen på 19 procentpoint er større end den statistiske usikkerhed." in text
