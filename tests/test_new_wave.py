"""Survey waves over time: every question has a page per wave and one across waves, with the trend and
the change in points once two waves state the same figure; `make new-wave` starts the next wave.

Runs on the fixture dataset's waves (tests/fixtures/site/data/survey); every expected value is
computed from their files. Adding a wave to the real data: tests/test_next_publication.py.
"""

from __future__ import annotations

import re

import yaml
from conftest import line_of, main_markup, page, plain, read_csv, read_yaml, run_script, text_of

from evidence.load.dataset import load_dataset
from evidence.model.trends import has_trend, points_text, question_ids, question_waves
from evidence.publish.generate import generated

MINUS = "\u2212"


def share(value: float) -> str:
    return f"{value:g}".replace(".", ",") + " %"


def points(before: float, after: float) -> str:
    change = round(after - before, 1)
    sign = "+" if change > 0 else MINUS if change < 0 else "±"
    return f"{sign}{abs(change):g}".replace(".", ",") + " procentpoint"


def fixture_waves(data) -> dict[str, dict]:
    """Each fixture wave's questions and figures, oldest first."""
    waves = {}
    for folder in sorted(p for p in (data / "survey").iterdir() if p.is_dir()):
        waves[folder.name] = {"questions": {q["id"]: q for q in read_yaml(folder / "questions.yml")},
                              "figures": read_csv(folder / "figures.csv"), "meta": read_yaml(folder / "wave.yml")}
    return waves


def figures_by_key(wave: dict) -> dict[tuple, float]:
    return {(r["question"], r["option"], r["population"]): float(r["value"]) for r in wave["figures"]}


def continued(data) -> tuple[str, str, dict[tuple, tuple[float, float]]]:
    """The last two waves, and the figures both state: (question, option, population) → (before, after)."""
    waves = fixture_waves(data)
    older, newer = list(waves)[-2:]
    before, after = figures_by_key(waves[older]), figures_by_key(waves[newer])
    return older, newer, {key: (before[key], after[key]) for key in before.keys() & after.keys()}


def asked_in(data) -> dict[str, list[str]]:
    """Question id → the waves that asked it, oldest first."""
    asked: dict[str, list[str]] = {}
    for wave_id, wave in fixture_waves(data).items():
        for question in wave["questions"]:
            asked.setdefault(question, []).append(wave_id)
    return asked


def test_every_question_of_every_wave_has_its_page_and_a_repeated_one_its_page_across_waves(fixture_site, fixture_data):
    asked = asked_in(fixture_data)
    for wave_id, wave in fixture_waves(fixture_data).items():
        for question in wave["questions"]:
            assert "<svg" in page(fixture_site, f"tal/{wave_id}/{question}/"), (wave_id, question)
            if len(asked[question]) > 1:
                body = text_of(fixture_site, f"tal/spoergsmaal/{question}/")
                assert f"undersøgelsen {wave_id}" in body, (wave_id, question)


def test_cross_wave_page_shows_the_trend_and_the_change_in_points(fixture_site, fixture_data):
    older, newer, both = continued(fixture_data)
    assert both, "the fixture's last two waves state some of the same figures"
    for question in {key[0] for key in both}:
        markup = text_of(fixture_site, f"tal/spoergsmaal/{question}/")
        assert "Linjediagram:" in markup and re.search(rf'id="fig-udvikling-{question}-[a-z]+"', markup)
        body = plain(markup)
        assert "Ændring siden sidst" in body
        for (q, _, _), (before, after) in both.items():
            if q == question:
                assert f"{share(before)} i {older} → {share(after)} i {newer} ({points(before, after)})" in body


def test_theme_hub_shows_the_trend_of_its_questions(fixture_site, fixture_data):
    _, newer, both = continued(fixture_data)
    questions = fixture_waves(fixture_data)[newer]["questions"]
    shown = 0
    for question, option, _ in both:
        themes = next(o.get("themes", []) for o in questions[question]["options"] if o["id"] == option)
        for theme in themes:
            assert f'id="fig-udvikling-{question}-' in page(fixture_site, f"temaer/{theme}/"), (theme, question)
            shown += 1
    assert shown, "a theme of the fixture is tagged on a figure with a trend"


def test_newest_wave_page_shows_the_trend_up_to_that_wave_and_the_older_keeps_its_own(fixture_site, fixture_data):
    older, newer, both = continued(fixture_data)
    for question in {key[0] for key in both}:
        body = text_of(fixture_site, f"tal/{newer}/{question}/")
        assert "Udvikling over tid" in body and "procentpoint" in body
        assert re.search(rf'id="fig-udvikling-{question}-[a-z]+-{newer}"', body)
        old = text_of(fixture_site, f"tal/{older}/{question}/")
        assert newer not in plain(main_markup(old))  # a citation of the older page stays what it was
        assert f"../../spoergsmaal/{question}/" in old


def test_trend_csv_holds_both_waves(fixture_site, fixture_data):
    older, newer, both = continued(fixture_data)
    for question in {key[0] for key in both}:
        body = page(fixture_site, f"tal/spoergsmaal/{question}/")
        hrefs = re.findall(r'href="([^"]+\.csv)" download', body)
        assert hrefs, question
        csv = (fixture_site / "tal/spoergsmaal" / question / hrefs[0]).resolve().read_text(encoding="utf-8")
        assert f"\n{older},{question}," in csv and f"\n{newer},{question}," in csv


def test_changed_wording_is_shown_not_merged(fixture_site, fixture_data):
    reworded = [(wave_id, q) for wave_id, wave in fixture_waves(fixture_data).items()
                for q in wave["questions"].values() if q.get("previous_wording")]
    assert reworded, "the fixture has a reworded question"
    for wave_id, question in reworded:
        body = text_of(fixture_site, f"tal/spoergsmaal/{question['id']}/")
        assert f"Formuleringen er ændret i {wave_id}" in body
        assert question["previous_wording"] in body and question["wording"] in body


def test_question_in_one_wave_only_has_no_page_across_waves_nor_a_menu_entry(fixture_site, fixture_project, fixture_data):
    waves = fixture_waves(fixture_data)
    asked = asked_in(fixture_data)
    once = {question: wave_ids[0] for question, wave_ids in asked.items() if len(wave_ids) == 1}
    assert set(once.values()) == set(waves), "the fixture has a question asked only in the older wave and one new"
    menu = yaml.safe_dump(generated(load_dataset(fixture_project))[1], allow_unicode=True)  # as MkDocs gets it
    overview = main_markup(page(fixture_site, "tal/"))
    for question, wave_id in once.items():
        assert not (fixture_site / "tal/spoergsmaal" / question).exists(), question
        assert f"tal/spoergsmaal/{question}.md" not in menu
        assert f"spoergsmaal/{question}/" not in overview
        assert "spoergsmaal/" not in main_markup(page(fixture_site, f"tal/{wave_id}/{question}/"))
    repeated = [q for q, wave_ids in asked.items() if len(wave_ids) > 1]
    assert repeated, "the fixture has a question asked in two waves"
    for question in repeated:
        assert f"tal/spoergsmaal/{question}.md" in menu and f"spoergsmaal/{question}/" in overview


def test_real_site_has_a_cross_wave_page_per_repeated_question(site, real_dataset):
    for question_id in question_ids(real_dataset):
        waves = question_waves(real_dataset, question_id)
        if len(waves) < 2:
            assert not (site / "tal/spoergsmaal" / question_id).exists(), question_id
            continue
        body = text_of(site, f"tal/spoergsmaal/{question_id}/")
        assert all(f"undersøgelsen {w}" in body for w in waves), question_id
        assert ("Linjediagram" in body) == has_trend(real_dataset, question_id), question_id


def test_the_real_site_has_no_synthetic_wave(site):
    offenders = [p for p in site.rglob("*.html") if 'class="admonition danger ev-synthetic"' in p.read_text(encoding="utf-8")]
    assert not offenders


def test_points_are_written_the_danish_way():
    for change, expected in [(3, "+3 procentpoint"), (-2, "−2 procentpoint"), (2.5, "+2,5 procentpoint"),
                             (0, "±0 procentpoint")]:
        assert points_text(change) == expected == points(0, change)


def test_scaffold_copies_the_newest_questions_and_leaves_todos_that_fail_validation(fixture_copy, fixture_data):
    newest = list(fixture_waves(fixture_data).values())[-1]
    result = run_script(fixture_copy, "scripts.new_wave", "2099")
    assert result.returncode == 0, result.stderr
    wave = fixture_copy / "data/survey/2099"
    assert (wave / "figures.csv").read_text(encoding="utf-8") == "question,option,population,value,locator\n"
    assert [q["id"] for q in read_yaml(wave / "questions.yml")] == list(newest["questions"])
    check = run_script(fixture_copy, "scripts.validate")
    assert check.returncode != 0
    line = line_of(fixture_copy, "data/survey/2099/wave.yml", "publication:")
    assert f"data/survey/2099/wave.yml, linje {line}, felt 'publication': fandt 'TODO'" in check.stderr
    assert "pladsholderen TODO" in check.stderr and "Traceback" not in check.stderr
    again = run_script(fixture_copy, "scripts.new_wave", "2099")
    assert again.returncode != 0 and "findes allerede" in again.stderr


def test_a_wave_started_from_a_reworded_wave_claims_no_rewording_and_points_to_the_spreadsheet(fixture_copy,
                                                                                             fixture_data):
    newest = list(fixture_waves(fixture_data).values())[-1]
    assert any(q.get("previous_wording") for q in newest["questions"].values()), "the fixture's newest wave rewords"
    result = run_script(fixture_copy, "scripts.new_wave", "2099")
    assert result.returncode == 0, result.stderr
    assert "make wave-template WAVE=2099" in result.stdout and "make import-wave WAVE=2099" in result.stdout
    wave = fixture_copy / "data/survey/2099"
    copied = read_yaml(wave / "questions.yml")
    assert [q.get("wording") for q in copied] == [q.get("wording") for q in newest["questions"].values()]
    assert not any("previous_wording" in q for q in copied)
    check = run_script(fixture_copy, "scripts.validate")
    assert "previous_wording" not in check.stderr, check.stderr
    assert "fx september 2099" in (wave / "wave.yml").read_text(encoding="utf-8")
