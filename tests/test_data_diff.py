"""`make diff` on a fixture pull request: what a reviewer reads about a data change.

The project's main branch holds the fixture data as they were before the pull request: wave 2033 (and
the waves after it) not yet added, one figure of wave 2031 with another value and one interview quote not yet added. The
working tree holds the fixture data as they are. The summary must name the new wave, the changed
figure with its old and new value in words, the added quote, the theme counts and the new pages; the
whole summary is a golden file (tests/__snapshots__/test_data_diff/), updated by `make goldens`.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, ROOT, copy_project, edit, read_csv, read_yaml, run_script
from test_golden_pages import MarkdownFile

from evidence.publish import changes

FIGURES = "data/survey/2031/figures.csv"
QUOTES = "data/quotes/test-rapport-2031/interviews.yml"
PROPOSALS = "data/proposals/test-haefte-2032.yml"
ADDED_QUOTE = "testrapport2031-i03"
NEW_WAVE = "2033"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=project, check=True, capture_output=True)


def changed_figure() -> tuple[dict, dict]:
    """The first figure of wave 2031 as it is, and as it was before: with the value of the next figure
    from the same passage of the report."""
    first, second = read_csv(FIXTURE_DATA / "survey/2031/figures.csv")[:2]
    assert first["locator"] == second["locator"] and first["value"] != second["value"]
    return first, {**first, "value": second["value"]}


def without_new_wave_evidence(project: Path) -> None:
    """Before the new wave, no proposal could point at its figures: the two proposals that do now had
    one figure of the older wave and none."""
    for triple in ("vigtigt-for-trivsel, option: tillid-fra-leder, population: boern-og-unge, key: true",
                   "vigtigt-for-trivsel, option: tillid-fra-leder, population: ikke-angivet, key: true"):
        edit(project, PROPOSALS, f"      - {{question: {triple}}}\n", "")
    edit(project, PROPOSALS, "population: alle-respondenter}", "population: alle-respondenter, key: true}")
    edit(project, PROPOSALS,
         "    figures:\n      - {question: god-introduktion, option: god-introduktion, population: ikke-angivet, key: true}",
         '    figures: []\n    no_figures: "Undersøgelsen har endnu intet spørgsmål om introduktion."')


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("diff") / "project", data=FIXTURE_DATA)
    for wave in (project / "data/survey").glob("*/wave.yml"):  # the new wave, and any after it
        if wave.parent.name >= NEW_WAVE:
            shutil.rmtree(wave.parent)
    now, before = changed_figure()
    key = f"{now['question']},{now['option']},{now['population']},"
    edit(project, FIGURES, f"{key}{now['value']},", f"{key}{before['value']},")
    without_new_wave_evidence(project)
    text = (project / QUOTES).read_text(encoding="utf-8")
    (project / QUOTES).write_text(text[:text.index(f"- id: {ADDED_QUOTE}")], encoding="utf-8")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "data", "CONTRIBUTING.md")
    git(project, "commit", "--quiet", "-m", "Before the pull request")

    shutil.rmtree(project / "data")  # the pull request: the fixture data as they are
    shutil.copytree(FIXTURE_DATA, project / "data")
    shutil.copytree(ROOT / "data/schemas", project / "data/schemas", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def diff(pull_request) -> str:
    result = run_script(pull_request, "scripts.data_diff")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_summary_of_the_fixture_pull_request_is_the_golden_file(diff, snapshot):
    assert snapshot.use_extension(MarkdownFile) == diff


def test_the_changed_figure_is_named_in_words_with_its_old_and_new_value(diff):
    now, before = changed_figure()
    question = next(q for q in read_yaml(FIXTURE_DATA / "survey/2031/questions.yml") if q["id"] == now["question"])
    option = next(o["label"] for o in question["options"] if o["id"] == now["option"])
    population = next(p["name"] for p in read_yaml(FIXTURE_DATA / "survey/populations.yml")
                      if p["id"] == now["population"])
    line = next(line for line in diff.splitlines() if f"**{before['value']} % → {now['value']} %**" in line)
    assert question["wording"] in line and f"»{option}«" in line and population in line and "2031" in line


def test_the_new_wave_its_pages_and_the_added_quote_are_listed(diff):
    wave = read_yaml(FIXTURE_DATA / f"survey/{NEW_WAVE}/wave.yml")
    figures = len(read_csv(FIXTURE_DATA / f"survey/{NEW_WAVE}/figures.csv"))
    assert f"- Ny: bølge {NEW_WAVE}, {wave['title']}" in diff and f"{figures} tal" in diff
    assert f"- Ny: `/tal/{NEW_WAVE}/" in diff
    quote = next(q for q in read_yaml(FIXTURE_DATA / QUOTES.removeprefix("data/")) if q["id"] == ADDED_QUOTE)
    added = next(line for line in diff.splitlines() if f"`{ADDED_QUOTE}`" in line)
    assert added.startswith("- Nyt: »" + quote["text"].split()[0]) and quote["attribution"] in added
    assert "### Temaer" in diff


def test_a_changed_text_that_no_section_shows_is_named_with_its_old_and_new_value(fixture_dataset):
    changed = copy.deepcopy(fixture_dataset)
    changed.derived.clear()
    wave_id, wave = next(iter(changed.waves.items()))
    question_id, question = next(iter(wave.questions.items()))
    old = question["wording"]
    question["wording"] = old.replace("?", " i dag?")
    text = changes.summary(fixture_dataset, changed, "main")
    assert f"- Ændret: spørgsmål `{question_id}` i bølge {wave_id}: wording »{old}« → »{question['wording']}«" in text


def test_no_change_says_so(fixture_dataset):
    assert "Ingen ændringer" in changes.summary(fixture_dataset, fixture_dataset, "main")


def test_a_revision_that_is_not_there_is_named_with_what_to_do(pull_request):
    result = run_script(pull_request, "scripts.data_diff", "--base", "origin/nowhere")
    assert result.returncode == 2 and "origin/nowhere" in result.stderr and "REV=" in result.stderr
    assert "Traceback" not in result.stderr


def test_older_data_that_today_s_code_cannot_read_are_named_without_failing_the_pull_request(pull_request, tmp_path):
    """A change of the data format may leave main's data unreadable for the new code: the summary says so."""
    project = shutil.copytree(pull_request, tmp_path / "project")
    git(project, "stash", "--include-untracked", "--quiet")  # back to main's data, then break them there
    edit(project, FIGURES, ",", ";")
    git(project, "commit", "--quiet", "-am", "Data in a format the code no longer reads")
    git(project, "tag", "unreadable")
    git(project, "reset", "--quiet", "--hard", "HEAD~1")
    git(project, "stash", "pop", "--quiet")
    result = run_script(project, "scripts.data_diff", "--base", "unreadable")
    assert result.returncode == 0, result.stderr
    assert "Kan ikke sammenligne med `unreadable`" in result.stdout and "figures.csv" in result.stdout
