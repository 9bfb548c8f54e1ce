"""The site's name is written once, in mkdocs.yml: renamed there, the embedded charts and the social cards
carry the new name, and no Python module spells it."""

from __future__ import annotations

import ast

from conftest import ROOT, edit, run_script

from evidence.load.site_config import site_config
from evidence.publish.social_cards import Card, cards_of

NEW_NAME = "Arbejdsvilkår & tal"


def test_a_renamed_site_names_itself_on_embedded_charts_and_social_cards(fixture_copy):
    old = site_config(fixture_copy).name
    edit(fixture_copy, "mkdocs.yml", f"site_name: {old}\n", f"site_name: {NEW_NAME}\n")
    generated = run_script(fixture_copy, "scripts.generate")
    assert generated.returncode == 0, generated.stderr
    embeds = sorted((fixture_copy / "docs/indlejr").rglob("*.html"))
    assert embeds and all("»Arbejdsvilkår &amp; tal«" in p.read_text(encoding="utf-8") for p in embeds)
    assert not [p for p in embeds if old in p.read_text(encoding="utf-8")]
    cards = cards_of(fixture_copy / "docs", site_config(fixture_copy).name, "Fod")
    assert cards and {card.site for card in cards} == {NEW_NAME}


def test_a_renamed_site_draws_its_cards_again(tmp_path):
    card = Card("kort/x.png", "Sitet", "Titel", "Beskrivelse", "Fod")
    renamed = Card("kort/x.png", NEW_NAME, "Titel", "Beskrivelse", "Fod")
    assert card.cached(tmp_path) != renamed.cached(tmp_path)


def test_no_python_module_spells_the_site_name():
    name = site_config(ROOT).name.casefold()
    found = [f"{path.relative_to(ROOT)}:{node.lineno}"
             for folder in ("evidence", "macros", "scripts", "bench") for path in sorted((ROOT / folder).rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and name in node.value.casefold()]
    assert not found, f"the site's name belongs in mkdocs.yml only: {found}"
