"""`make validate` lists every mistake in one run, and the build refuses the same data with the same lines."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, build, build_env, copy_project

FIXTURE = ROOT / "tests/fixtures/many-mistakes"

# kind of mistake -> a line `make validate` must print for it
EXPECTED = {
    "ungoverned file": "data/noter.txt, hele filen, felt '(filnavn)'",
    "quote folder without publication": "data/quotes/ds-2023/stemmer.yml, hele filen, felt '(mappe)': fandt 'ds-2023'",
    "unknown theme": "data/quotes/ds-2023/stemmer.yml, linje 6 (id 'ds2023-1'), felt 'themes[1]': fandt 'ledelsee'",
    "broken yaml": "data/quotes/kl-ds-2025/ekstra.yml, linje 4, felt '(YAML)': fandt ugyldig YAML",
    "share above 100": "data/survey/2026/figures.csv, række 2, felt 'value': fandt 164.0 – forventede et tal på højst 100",
    "decimal comma": "data/survey/2026/figures.csv, række 3, felt 'value': fandt '64,5' – forventede et tal"
                     " (brug punktum som decimaltegn)",
    "per cent sign": "data/survey/2026/figures.csv, række 4, felt 'value': fandt '64%' – forventede et tal (skriv tallet uden %)",
    "unknown question": "data/survey/2026/figures.csv, række 5, felt 'question': fandt 'vigtigt-for-at-bliv'",
    "unknown option": "data/survey/2026/figures.csv, række 6, felt 'option': fandt 'gode-kolleger'",
    "unknown population": "data/survey/2026/figures.csv, række 7, felt 'population': fandt 'boerne-famile'",
    "row twice": "data/survey/2026/figures.csv, række 9, felt 'question/option/population'",
    "missing locator": "data/survey/2026/figures.csv, række 10, felt 'locator': fandt intet",
    "wording changed silently": "data/survey/2026/questions.yml, linje 3 (id 'vigtigt-for-at-blive'), "
                                "felt '[1].previous_wording': fandt intet – forventede den gamle formulering fra 2025",
    "typo suggested": "(mente du 'ledelse'?)",
    "unknown type": "felt '[1].type': fandt 'flere' – forventede en af: enkeltvalg, flervalg, skala, ukendt "
                    "(mente du 'flervalg'?)",
    "option id twice": "data/survey/2026/questions.yml, linje 10 (id 'vigtigt-for-at-blive'), felt 'options[3].id'",
    "id not a slug": "felt '[2].id': fandt 'Faglig Identitet' – forventede et id med små bogstaver",
    "question without figures": "felt '[3].id': fandt 'tid-i-nuvaerende-job' – forventede mindst én række i "
                                "survey/2026/figures.csv",
    "misspelt field": "felt '[3].wordng': fandt et ukendt felt",
    "wave id not folder": "data/survey/2026/wave.yml, linje 1, felt 'id': fandt '2062'",
    "unknown publication": "data/survey/2026/wave.yml, linje 2, felt 'publication': fandt 'kl-ds-2052'",
    "publication suggested": "felt 'publication': fandt 'kl-ds-2052' – forventede et kendt id",
    "placeholder left": "data/survey/2026/wave.yml, linje 3, felt 'title': fandt 'TODO",
    "unknown unit": "data/survey/2026/wave.yml, linje 12, felt 'method[1].unit': fandt 'procentpoint'",
    "headline without figure": "data/survey/2026/wave.yml, linje 15, felt 'headlines[1]'",
}


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    shutil.copytree(FIXTURE / "data", project / "data", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def validate_output(broken_project):
    result = subprocess.run([sys.executable, "-m", "scripts.validate"], cwd=broken_project, env=build_env(),
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    return result.stderr


@pytest.mark.parametrize("kind", EXPECTED, ids=list(EXPECTED))
def test_validate_reports_every_kind_of_mistake(validate_output, kind):
    assert EXPECTED[kind] in validate_output, f"{kind}: {EXPECTED[kind]!r} not in\n{validate_output}"


def test_fixture_holds_more_than_a_dozen_kinds():
    assert len(EXPECTED) >= 12


def test_problems_are_listed_in_reading_order(validate_output):
    rows = [int(line.split("række ")[1].split(",")[0]) for line in validate_output.splitlines()
            if line.startswith("- data/survey/2026/figures.csv, række")]
    assert rows == sorted(rows)


def test_build_refuses_the_same_data_with_the_same_messages(broken_project, validate_output, tmp_path):
    result = build(broken_project, tmp_path / "site")
    assert result.returncode != 0
    listed = [line for line in validate_output.splitlines() if line.startswith("- ")]
    refused = [line for line in result.stderr.splitlines() if line.startswith("- ")]
    assert refused == listed
    assert not (tmp_path / "site").exists()
