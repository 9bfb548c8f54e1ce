"""One small, valid data edit: the rebuild benchmarks and tests/test_build.py change a quote the same way."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.synthetic_corpus import testimonies_file
from evidence.load.dataset import load_dataset
from evidence.model.quotes import canonical_page


def edit_target(project: Path) -> tuple[str, str, str]:
    """The first testimony of the long collection, a theme it lacks, and its page: a tag edit that a reader sees."""
    item_id = yaml.safe_load(testimonies_file(project).read_text(encoding="utf-8"))[0]["id"]
    dataset = load_dataset(project)
    return item_id, themes_lacking(project)[0], canonical_page(dataset.quotes[item_id], dataset)


def themes_lacking(project: Path) -> list[str]:
    """Themes the edit target does not have yet: repeated edits each give a new state, never one a cache has seen."""
    item = yaml.safe_load(testimonies_file(project).read_text(encoding="utf-8"))[0]
    themes = [t["id"] for t in yaml.safe_load((project / "data" / "themes.yml").read_text(encoding="utf-8"))]
    return [t for t in themes if t not in item["themes"]]


def edit(project: Path, item_id: str, new_theme: str) -> None:
    """Replace the testimony's last theme tag in place, so its text stays verbatim and validation still passes."""
    path = testimonies_file(project)
    text = path.read_text(encoding="utf-8")
    start = text.index("  themes: [", text.index(f"- id: {item_id}\n"))
    end = text.index("]", start)
    themes = [t.strip() for t in text[start + len("  themes: ["):end].split(",")]
    themes[-1] = new_theme
    path.write_text(text[:start] + "  themes: [" + ", ".join(themes) + text[end:], encoding="utf-8")
