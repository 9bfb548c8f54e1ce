"""A new survey wave reaches the site by adding data only: pages, trends and banner, no code change."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build, build_env, copy_project, page

from evidence.dataset import load_dataset
from evidence.trends import has_trend, points_text, question_ids, question_waves

FIXTURE_WAVE = ROOT / "tests/fixtures/waves/2027"
BANNER = "Syntetiske testdata – ikke rigtige tal"


@pytest.fixture(scope="module")
def wave_site(tmp_path_factory) -> Path:
    """The project plus the synthetic 2027 wave, built exactly as `make build` builds."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    for real in (project / "data/survey").glob("*/wave.yml"):
        if real.parent.name >= "2027":  # a real 2027 (or later) wave must not mask the synthetic one
            shutil.rmtree(real.parent)
    shutil.copytree(FIXTURE_WAVE, project / "data/survey/2027")
    site = tmp_path_factory.mktemp("built") / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def text(site: Path, url: str) -> str:
    return html.unescape(page(site, url))


def test_every_question_of_the_new_wave_has_its_page(wave_site):
    for question in ("vigtigt-for-at-blive", "overveje-at-forlade-job", "faglig-identitet", "ny-testspoergsmaal"):
        assert "<svg" in page(wave_site, f"tal/2027/{question}/"), question


def plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_cross_wave_page_shows_the_trend_and_the_change_in_points(wave_site):
    body = plain(text(wave_site, "tal/spoergsmaal/vigtigt-for-at-blive/"))
    assert 'id="fig-udvikling-vigtigt-for-at-blive-omraade"' in text(wave_site, "tal/spoergsmaal/vigtigt-for-at-blive/")
    assert "Linjediagram:" in text(wave_site, "tal/spoergsmaal/vigtigt-for-at-blive/")
    assert "Ændring siden sidst" in body
    assert "64 % i 2025 → 67 % i 2027 (+3 procentpoint)" in body
    assert "61 % i 2025 → 59 % i 2027 (−2 procentpoint)" in body
    assert "70 % i 2025 → 72,5 % i 2027 (+2,5 procentpoint)" in body


def test_theme_hub_shows_the_trend_of_its_questions(wave_site):
    hub = text(wave_site, "temaer/kollegaer-og-faellesskab/")
    assert 'id="fig-udvikling-vigtigt-for-at-blive-omraade"' in hub
    assert "64 % i 2025 → 67 % i 2027 (+3 procentpoint)" in plain(hub)


def test_new_wave_page_shows_the_trend_up_to_that_wave(wave_site):
    body = text(wave_site, "tal/2027/vigtigt-for-at-blive/")
    assert "Udvikling over tid" in body and "+3 procentpoint" in body
    assert 'id="fig-udvikling-vigtigt-for-at-blive-omraade-2027"' in body


def test_older_wave_page_keeps_its_own_figures_and_links_onward(wave_site):
    body = text(wave_site, "tal/2025/vigtigt-for-at-blive/")
    assert "procentpoint" not in body  # a citation of the 2025 page stays what it was
    assert "../../spoergsmaal/vigtigt-for-at-blive/" in body


def test_trend_csv_holds_both_waves(wave_site):
    body = page(wave_site, "tal/spoergsmaal/vigtigt-for-at-blive/")
    href = re.search(r'href="([^"]+-udvikling[^"]*\.csv|[^"]+spoergsmaal/[^"]+\.csv)" download', body).group(1)
    csv = (wave_site / "tal/spoergsmaal/vigtigt-for-at-blive" / href).resolve().read_text(encoding="utf-8")
    assert "\n2025,vigtigt-for-at-blive," in csv and "\n2027,vigtigt-for-at-blive," in csv


def test_changed_wording_is_shown_not_merged(wave_site):
    body = text(wave_site, "tal/spoergsmaal/overveje-at-forlade-job/")
    assert "Formuleringen er ændret i 2027" in body
    assert "I hvilken grad kan følgende grunde få dig til at overveje at forlade dit nuværende job?" in body


def test_question_in_one_wave_only_has_a_page_without_a_trend(wave_site):
    body = text(wave_site, "tal/spoergsmaal/ny-testspoergsmaal/")
    assert "kun stillet i undersøgelsen 2027" in body
    assert "Linjediagram" not in body


def test_synthetic_wave_pages_carry_the_banner(wave_site):
    for url in ("tal/2027/vigtigt-for-at-blive/", "tal/spoergsmaal/vigtigt-for-at-blive/", "tal/", ""):
        assert BANNER in text(wave_site, url), url
    assert BANNER not in text(wave_site, "tal/2025/vigtigt-for-at-blive/")


def test_the_real_site_has_no_synthetic_wave(site):
    offenders = [p for p in site.rglob("*.html") if 'class="admonition danger ev-synthetic"' in p.read_text(encoding="utf-8")]
    assert not offenders


def test_real_site_has_a_cross_wave_page_per_question(site):
    dataset = load_dataset()
    for question_id in question_ids(dataset):
        body = text(site, f"tal/spoergsmaal/{question_id}/")
        waves = question_waves(dataset, question_id)
        assert all(f"undersøgelsen {w}" in body for w in waves), question_id
        assert ("Linjediagram" in body) == has_trend(dataset, question_id), question_id


@pytest.mark.parametrize(("points", "expected"), [
    (3, "+3 procentpoint"), (-2, "−2 procentpoint"), (2.5, "+2,5 procentpoint"), (0, "±0 procentpoint")])
def test_points_are_written_the_danish_way(points, expected):
    assert points_text(points) == expected


def test_scaffold_copies_questions_and_leaves_todos_that_fail_validation(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "scripts.new_wave", "2099"], cwd=project, env=build_env(),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    wave = project / "data/survey/2099"
    assert (wave / "figures.csv").read_text(encoding="utf-8") == "question,option,population,value,locator\n"
    assert "- id: vigtigt-for-at-blive" in (wave / "questions.yml").read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "scripts.validate"], cwd=project, env=build_env(),
                           capture_output=True, text=True)
    assert check.returncode != 0
    assert "data/survey/2099/wave.yml, linje 5, felt 'publication': fandt 'TODO'" in check.stderr
    assert "pladsholderen TODO" in check.stderr
    again = subprocess.run([sys.executable, "-m", "scripts.new_wave", "2099"], cwd=project, env=build_env(),
                           capture_output=True, text=True)
    assert again.returncode != 0 and "findes allerede" in again.stderr
