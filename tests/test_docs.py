"""The docs say what is so: every make target and every installed package is in README.md, every path
README.md, ARCHITECTURE.md and CONTRIBUTING.md name exists, and the contributors' guide stays short."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from evidence import urls


def test_every_make_target_is_in_the_readme():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = [t for t in targets if f"`make {t}`" not in readme]
    assert not undocumented, f"make targets missing from README.md: {undocumented}"


def test_every_make_command_the_docs_name_exists():
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))
    for doc in DOCS:
        named = set(re.findall(r"`make ([a-z][a-z-]*)", (ROOT / doc).read_text(encoding="utf-8")))
        assert named and not named - targets, f"{doc} names make commands the Makefile lacks: {named - targets}"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "make serve" in first_block and "make test" in first_block


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


DOCS = ("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md")
# Folders a build or a run makes (git-ignored) and a git ref: named in the docs, never in a fresh clone.
MADE_BY_RUNS = (".cache/", "site/", "site.tmp-", "origin/")


def requirement_names(path: Path) -> list[str]:
    """The top-level packages a requirements file pins, as pip spells them (extras and versions dropped)."""
    lines = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [re.split(r"[\[=<>~!;\s]", line, maxsplit=1)[0] for line in lines if line and not line.startswith("-")]


def dependency_table() -> str:
    """The first column of README's table of dependencies, lower case."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| Pakke | Hvorfor |", 1)[1].split("\n\n", 1)[0]
    return "\n".join(row.split("|")[1] for row in table.splitlines()[2:] if row.startswith("|")).lower()


def test_the_dependency_table_names_every_requirement():
    names = requirement_names(ROOT / "requirements.txt") + requirement_names(ROOT / "requirements-dev.txt")
    assert len(names) >= 20 and "mkdocs" in names
    first_column = dependency_table()
    missing = [n for n in names if not re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", first_column)]
    assert not missing, f"README.md's »Afhængigheder« table does not say why these are installed: {missing}"


def named_paths(doc: str) -> list[str]:
    """Repository paths a document names in code spans: anything with a folder or a file suffix, cut at a
    placeholder (`data/quotes/<id>/…` names data/quotes/). Site addresses and commands are not paths."""
    sections = {value.split("/", 1)[0] for name, value in vars(urls).items()
                if name.isupper() and isinstance(value, str) and value.endswith("/")}
    found = []
    for span in re.findall(r"`([^`\s]+)`", (ROOT / doc).read_text(encoding="utf-8")):
        if not re.search(r"/|\.(py|ya?ml|md|txt|js|mjs|csv|lock|json|toml|html|cfg)$", span) or "://" in span:
            continue
        if span.startswith(MADE_BY_RUNS) or span.split("/", 1)[0] in sections:
            continue
        found.append(re.split(r"[<…*]", span, maxsplit=1)[0])
    return found


@functools.cache
def tracked_names() -> set[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {Path(line).name for line in listed.splitlines()}


def exists(path: str) -> bool:
    """In the repository, inside evidence/ (ARCHITECTURE.md names a stage's modules by package), a file
    named by its name alone where its folder is said (»`files.py`« in the row of `load/`), or a data file
    a schema governs that a project may lack (`data/withdrawn.yml`)."""
    if (ROOT / path).exists() or (ROOT / "evidence" / path).exists():
        return True
    if "/" not in path:
        return path in tracked_names()
    schema = ROOT / "data/schemas" / f"{Path(path).stem}.schema.yml"
    return path.startswith("data/") and schema.exists()


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_the_docs_name_exists(doc):
    paths = named_paths(doc)
    assert paths, f"{doc} names no path: the check would pass on anything"
    missing = sorted({p for p in paths if not exists(p)})
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_the_contributors_guide_stays_short():
    size = len((ROOT / "CONTRIBUTING.md").read_bytes())
    assert size < 13_000, f"CONTRIBUTING.md is {size} bytes; it is a short guide by task (at most 13 KB)"
