"""Shared fixtures: the real site built once, and throwaway copies of the project to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.dataset import load_dataset
from evidence.problems import DataInvalid

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; a copy of these is a complete project.
PROJECT_PARTS = ["data", "evidence", "macros", "scripts", "overrides", "docs", "mkdocs.yml", "CONTRIBUTING.md"]


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def build(root: Path, site: Path) -> subprocess.CompletedProcess:
    """Build exactly as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.build_site", "--site-dir", str(site)],
        cwd=root, env=build_env(), capture_output=True, text=True,
    )


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """Change one fixture text in a project copy, failing loudly if the text is not there."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    """Every problem loading the copy reports, as the reader sees them."""
    with pytest.raises(DataInvalid) as caught:
        load_dataset(project)
    return [str(p) for p in caught.value.problems]


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test session from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("built") / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8") if url.strip("/") else \
        (site / "index.html").read_text(encoding="utf-8")
