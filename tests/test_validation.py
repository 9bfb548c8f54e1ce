"""Bad data is refused with a message naming file, row or line, field and what was expected."""

from __future__ import annotations

import re

import pytest
from conftest import build, edit, line_of, problems

FIGURES = "data/survey/2025/figures.csv"
QUESTIONS = "data/survey/2025/questions.yml"
WAVE = "data/survey/2025/wave.yml"


FIGURE_ROW = "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,64,"

CASES = {
    "share above 100": (FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,164,",
                        "felt 'value': fandt 164.0 – forventede et tal på højst 100"),
    "share below 0": (FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,-4,",
                      "felt 'value': fandt -4.0 – forventede et tal på mindst 0"),
    "share not a number": (FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,64%,",
                           "felt 'value': fandt '64%' – forventede et tal (skriv tallet uden %)"),
    "decimal comma": (FIGURES, FIGURE_ROW, 'vigtigt-for-at-blive,gode-kollegaer,boerne-familie,"64,5",',
                      "felt 'value': fandt '64,5' – forventede et tal (brug punktum som decimaltegn)"),
    "unknown question": (FIGURES, FIGURE_ROW, "vigtig-for-at-blive,gode-kollegaer,boerne-familie,64,",
                         "felt 'question': fandt 'vigtig-for-at-blive' – forventede et spørgsmåls-id fra survey/2025/"
                         "questions.yml (mente du 'vigtigt-for-at-blive'?)"),
    "unknown option": (FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kolleger,boerne-familie,64,",
                       "felt 'option': fandt 'gode-kolleger'"),
    "unknown population": (FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-famile,64,",
                           "felt 'population': fandt 'boerne-famile'"),
    "duplicate key": (FIGURES, FIGURE_ROW, FIGURE_ROW + '"x"\n' + FIGURE_ROW,
                      "felt 'question/option/population'"),
    "missing locator": (FIGURES, 'tid-i-nuvaerende-job,over-5-aar,social,44,"Opsummering på tværs, S1"',
                        "tid-i-nuvaerende-job,over-5-aar,social,44,",
                        "felt 'locator': fandt intet – forventede at feltet er udfyldt"),
    "missing wording field": (QUESTIONS, '  measure: "Andel, der vælger forholdet"\n', "",
                              "felt '[4].measure': fandt intet"),
    "unknown question type": (QUESTIONS, "type: flervalg", "type: flere",
                              "forventede en af: enkeltvalg, flervalg, skala, ukendt (mente du 'flervalg'?)"),
    "bad id": (QUESTIONS, "- id: faglig-identitet", "- id: Faglig Identitet",
               "et id med små bogstaver, tal og bindestreger"),
    "wave without publication": (WAVE, "publication: kl-ds-2025", "publication: kl-ds-2052",
                                 "felt 'publication': fandt 'kl-ds-2052'"),
    "headline without figure": (WAVE, "option: gode-kollegaer, population: boerne-familie",
                                "option: gode-kollegaer, population: erfarne",
                                "et spørgsmål × svar × population, der står i figures.csv"),
    "unknown theme": ("data/themes.yml", "- id: ledelse", "- id: ledelse\n  colour: red", "ukendt felt"),
    "broken yaml": (QUESTIONS, "  label: S6\n", "  label: [S6\n", "ugyldig YAML"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_rule_names_file_place_field_and_expectation(project, case):
    rel, old, new, expected = CASES[case]
    edit(project, rel, old, new)
    messages = problems(project)
    match = [m for m in messages if expected in m]
    assert match, f"expected {expected!r} in {messages}"
    assert match[0].startswith(rel), match[0]
    assert re.search(r", (række|linje) \d+", match[0]), match[0]


def test_csv_problem_names_the_row_as_the_file_line(project):
    edit(project, FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,164,")
    row = line_of(project, FIGURES, ",164,")
    assert any(m.startswith(f"{FIGURES}, række {row}, felt 'value'") for m in problems(project))


def test_yaml_problem_names_the_line_and_the_item(project):
    edit(project, QUESTIONS, "type: flervalg", "type: flere")
    line = line_of(project, QUESTIONS, "type: flere")
    assert any(m.startswith(f"{QUESTIONS}, linje {line} (id 'oplevelse-af-arbejdsplads'), felt '[3].type'")
               for m in problems(project))


def test_all_problems_are_listed_at_once(project):
    edit(project, FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,164,")
    edit(project, QUESTIONS, "type: flervalg", "type: flere")
    edit(project, "data/themes.yml", "- id: ledelse", "- id: Ledelse")
    assert len(problems(project)) >= 3


def test_unknown_file_in_data_is_refused(project):
    (project / "data/survey/2025/notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert any("data/survey/2025/notes.csv" in m and "datakontrakten" in m for m in problems(project))


def test_build_stops_with_the_message_and_keeps_the_old_site(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    edit(project, FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,164,")
    result = build(project, site)
    assert result.returncode != 0
    assert "data/survey/2025/figures.csv, række" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_mkdocs_itself_refuses_bad_data_without_a_traceback(project):
    """`mkdocs build` or `make serve` run directly still validate through the hook."""
    import subprocess
    import sys

    from conftest import build_env

    edit(project, FIGURES, FIGURE_ROW, "vigtigt-for-at-blive,gode-kollegaer,boerne-familie,164,")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "out")],
                            cwd=project, env=build_env(), capture_output=True, text=True)
    assert result.returncode != 0
    assert "felt 'value': fandt 164.0" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "out" / "index.html").exists()
