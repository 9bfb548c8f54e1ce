"""The theme suggestion aid proposes the themes a reader chose, most of the time."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from evidence.dataset import load_dataset
from evidence.theme_suggest import suggest


def test_main_theme_is_among_the_suggestions_for_most_testimonies():
    dataset = load_dataset()
    items = [q for q in dataset.quotes.values() if q["kind"] == "testimony"]
    hits = sum(q["themes"][0] in [s.theme_id for s in suggest(dataset, q["text"], 4, exclude=q["id"])] for q in items)
    # Leave-one-out: each testimony is scored against profiles built without it. Chance is 4 in 15.
    assert hits / len(items) >= 0.6


def test_command_prints_suggestions_for_a_person_to_confirm():
    text = "Jeg har 80 sager og når ikke at ringe borgerne op, og tre kolleger er sygemeldt med stress."
    result = subprocess.run([sys.executable, "-m", "scripts.suggest_themes", "--text", text],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert "bekræft selv" in result.stdout
    assert "arbejdspres-og-sagstal" in result.stdout
