"""The theme suggestion aid proposes the themes a reader chose, most of the time."""

from __future__ import annotations

from conftest import read_yaml, run_script

from evidence.model.theme_suggest import suggest


def test_main_theme_is_among_the_suggestions_for_most_real_testimonies(real_dataset):
    items = [q for q in real_dataset.quotes.values() if q["kind"] == "testimony"]
    hits = sum(q["themes"][0] in [s.theme_id for s in suggest(real_dataset, q["text"], 4, exclude=q["id"])] for q in items)
    # Leave-one-out: each testimony is scored against profiles built without it. Chance is 4 in the number of themes.
    assert hits / len(items) >= 0.6


def test_command_prints_suggestions_for_a_person_to_confirm(fixture_copy):
    testimony = read_yaml(fixture_copy / "data/quotes/test-haefte-2032/testimonies.yml")[0]
    themes = {t["id"]: t["name"] for t in read_yaml(fixture_copy / "data/themes.yml")}
    result = run_script(fixture_copy, "scripts.suggest_themes", "--text", testimony["text"])
    assert result.returncode == 0, result.stderr
    assert "bekræft selv" in result.stdout
    suggested = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert suggested and set(suggested) <= set(themes)
    assert testimony["themes"][0] in suggested
