"""Every make target a user can run is documented in the README."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_make_target_is_in_the_readme():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = [t for t in targets if f"`make {t}`" not in readme]
    assert not undocumented, f"make targets missing from README.md: {undocumented}"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "make serve" in first_block and "make test" in first_block


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
