"""`make validate` lists every mistake in one run, and the build refuses the same data with the same lines."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURE_DATA, ROOT, build, copy_project, read_yaml, run_script

FIXTURE = ROOT / "tests/fixtures/many-mistakes"
# The broken wave, laid over the fixture dataset (tests/fixtures/site/data) after its newest wave.
WAVE = next(FIXTURE.glob("data/survey/*/wave.yml")).parent.name
NEWEST = sorted(p.parent.name for p in FIXTURE_DATA.glob("survey/*/wave.yml"))[-1]
PUBLICATIONS = len(read_yaml(FIXTURE_DATA / "publications.yml"))

# kind of mistake -> a line `make validate` must print for it
EXPECTED = {
    "ungoverned file": "data/noter.txt, hele filen, felt '(filnavn)'",
    "quote folder without publication": "data/quotes/test-haefte-2034/stemmer.yml, hele filen, felt '(mappe)': "
                                        "fandt 'test-haefte-2034'",
    "unknown theme": "data/quotes/test-haefte-2034/stemmer.yml, linje 6 (id 'testhaefte2034-1'), felt '[1].themes[1]': "
                     "fandt 'ledelse-og-tilid'",
    "broken yaml": "data/quotes/test-rapport-2033/ekstra.yml, linje 4, felt '(YAML)': fandt ugyldig YAML",
    "share above 100": f"data/survey/{WAVE}/figures.csv, række 2, felt 'value': fandt 164.0 – forventede et tal på højst 100",
    "decimal comma": f"data/survey/{WAVE}/figures.csv, række 3, felt 'value': fandt '64,5' – forventede et tal"
                     " (skriv 64.5 – punktum som decimaltegn)",
    "per cent sign": f"data/survey/{WAVE}/figures.csv, række 4, felt 'value': fandt '64%' – forventede et tal"
                     " (skriv 64 – uden %)",
    "unknown question": f"data/survey/{WAVE}/figures.csv, række 5, felt 'question': fandt 'arbejdsglaed'",
    "unknown option": f"data/survey/{WAVE}/figures.csv, række 6, felt 'option': fandt 'hoej-grd'",
    "unknown population": f"data/survey/{WAVE}/figures.csv, række 7, felt 'population': fandt 'boern-og-ung'",
    "row twice": f"data/survey/{WAVE}/figures.csv, række 9, felt 'question/option/population'",
    "missing locator": f"data/survey/{WAVE}/figures.csv, række 10, felt 'locator': fandt intet",
    "wording changed silently": f"data/survey/{WAVE}/questions.yml, linje 3 (id 'arbejdsglaede'), "
                                f"felt '[1].previous_wording': fandt intet – forventede den gamle formulering fra {NEWEST}",
    "typo suggested": "(mente du 'ledelse-og-tillid'?)",
    "unknown type": "felt '[1].type': fandt 'flere' – forventede en af: enkeltvalg, flervalg, skala, ukendt "
                    "(mente du 'flervalg'?)",
    "option id twice": "fandt 'nogen-grad' – forventede et svar-id, der kun bruges én gang i spørgsmålet",
    "id not a slug": "felt '[2].id': fandt 'Sagstal For Hoejt' – forventede et id med små bogstaver",
    "question without figures": f"– forventede mindst én række i survey/{WAVE}/figures.csv",
    "misspelt field": "felt '[3].wordng': fandt et ukendt felt – forventede kun felterne id, label, wording, "
                      "previous_wording, instruction, type, measure, series, answered_by, note, options "
                      "(mente du 'wording'? – det felt mangler)",
    "wave id not folder": f"data/survey/{WAVE}/wave.yml, linje 1, felt 'id': fandt '2053'",
    "unknown publication": f"data/survey/{WAVE}/wave.yml, linje 2, felt 'publication': fandt 'test-rapport-2303'",
    "publication suggested": f"forventede et kendt id ({PUBLICATIONS} findes) (mente du 'test-rapport-20",
    "placeholder left": f"data/survey/{WAVE}/wave.yml, linje 3, felt 'title': fandt 'TODO",
    "unknown unit": f"data/survey/{WAVE}/wave.yml, linje 12, felt 'method[1].unit': fandt 'procentpoint'",
    "headline without figure": f"data/survey/{WAVE}/wave.yml, linje 15, felt 'headlines[1]'",
}


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"), data=FIXTURE_DATA)
    shutil.copytree(FIXTURE / "data", project / "data", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def validate_output(broken_project):
    result = run_script(broken_project, "scripts.validate")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    return result.stderr


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("kind", EXPECTED, ids=list(EXPECTED))
def test_validate_reports_every_kind_of_mistake(validate_output, kind):
    assert EXPECTED[kind] in validate_output, f"{kind}: {EXPECTED[kind]!r} not in\n{validate_output}"


def test_nothing_is_reported_but_the_mistakes(validate_output):
    """A maintainer reads every line: no line may be a follow-on error or a mistake the fixture does not make."""
    unexplained = [line for line in problem_lines(validate_output) if not any(e in line for e in EXPECTED.values())]
    assert not unexplained, "\n".join(unexplained)
    assert f"{len(problem_lines(validate_output))} problemer fundet" in validate_output


def test_problems_are_listed_in_reading_order(validate_output):
    rows = [int(line.split("række ")[1].split(",")[0]) for line in problem_lines(validate_output)
            if line.startswith(f"- data/survey/{WAVE}/figures.csv, række")]
    assert len(rows) >= 2 and rows == sorted(rows)
    files = [line[2:].split(",")[0] for line in problem_lines(validate_output)]
    assert files == sorted(files)


def test_build_refuses_the_same_data_with_the_same_messages(broken_project, validate_output, tmp_path):
    result = build(broken_project, tmp_path / "site")
    assert result.returncode != 0
    assert problem_lines(result.stderr) == problem_lines(validate_output)
    assert not (tmp_path / "site").exists()
