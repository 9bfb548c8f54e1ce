"""The GitHub workflows do what CONTRIBUTING.md promises a contributor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from scripts import compare_builds

WORKFLOWS = ROOT / ".github/workflows"


def steps(workflow: str, job: str) -> list[str]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return [step.get("run") or step.get("uses") for step in data["jobs"][job]["steps"]]


def test_pull_request_validates_tests_builds_and_uploads_the_site():
    run = steps("pull-request.yml", "check")
    chromium = run.index("sudo apt-get install -y chromium")
    assert chromium < run.index("make test")
    assert run.index("make validate") < run.index("make test") < run.index("make build")
    assert any(step.startswith("actions/upload-artifact") for step in run)


def test_pull_request_shows_the_reviewer_what_the_data_change_does():
    run = steps("pull-request.yml", "check")
    diff = next(i for i, step in enumerate(run) if step.startswith("make --silent diff"))
    assert run.index("make validate") < diff < run.index("make test")
    assert 'REV="origin/${GITHUB_BASE_REF:-main}"' in run[diff] and run[diff].endswith('>> "$GITHUB_STEP_SUMMARY"')


def test_zensical_builds_the_generated_site_and_it_is_compared_with_the_mkdocs_build():
    job = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))["jobs"]["zensical"]
    run = steps("pull-request.yml", "zensical")

    def at(command: str) -> int:
        return next(i for i, step in enumerate(run) if command in step)

    assert at("-m scripts.generate") < at("zensical build --clean") < at("-m scripts.publish site")
    assert at("-m scripts.build_site --site-dir mkdocs-site") < at("-m scripts.compare_builds mkdocs-site site")
    assert at("zensical build --clean") < at("-m scripts.compare_builds")
    # Zensical lacks nothing the site uses (no built-in search: Pagefind), so the comparison may not fail quietly.
    assert "continue-on-error" not in job
    assert "zensical" not in (ROOT / "requirements.txt").read_text(encoding="utf-8")


def _page(site: Path, path: str, menu: list[tuple[str, str]], body: str) -> None:
    links = "".join(f'<a class="md-nav__link" href="{href}"><span>\n  {text}\n</span></a>' for text, href in menu)
    page = site / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'<nav class="md-nav md-nav--primary">{links}</nav><div data-pagefind-body>{body}</div>', encoding="utf-8")


def test_compare_builds_sees_the_same_site_through_spelling_and_names_each_difference(tmp_path):
    mkdocs, zensical = tmp_path / "mkdocs", tmp_path / "zensical"
    _page(mkdocs, "index.html", [("Forside", "."), ("Temaer", "temaer/")], "<p>Tal  og citater</p>")
    _page(mkdocs, "temaer/index.html", [("Forside", ".."), ("Temaer", "./")], '<a href="../kilder/">Kilder</a>')
    _page(zensical, "index.html", [("Forside", ""), ("Temaer", "./temaer/")], "<p>Tal og\ncitater</p>")
    _page(zensical, "temaer/index.html", [("Forside", "./.."), ("Temaer", "././")], '<a href="../kilder/">Kilder</a>')
    assert compare_builds.compare(mkdocs, zensical) == []

    _page(zensical, "temaer/index.html", [("Temaer", "./"), ("Forside", "..")], '<a href="../../kilder/">Kilder</a>')
    _page(zensical, "om/index.html", [], "")
    problems = compare_builds.compare(mkdocs, zensical)
    assert problems[0] == f"only in {zensical}: om/index.html"
    assert problems[1].startswith("temaer/index.html: menu entry 1 differs")
    assert problems[2].startswith("temaer/index.html: attribute 1 differs") and "kilder" in problems[2]
    assert len(problems) == 3
    assert compare_builds.main([str(mkdocs), str(zensical)]) == 1


def test_main_is_deployed_to_pages_after_the_same_checks():
    run = steps("deploy.yml", "build")
    assert run.index("sudo apt-get install -y chromium") < run.index("make test") < run.index("make build")
    uses = [s for s in run if s.startswith("actions/")]
    assert [u.split("@")[0] for u in uses if "pages" in u] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert any(s.startswith("actions/deploy-pages") for s in steps("deploy.yml", "deploy"))


def test_the_site_is_built_at_the_address_pages_serves_it_from():
    build = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    configure = next(i for i, step in enumerate(build) if step.get("uses", "").startswith("actions/configure-pages"))
    make_build = next(i for i, step in enumerate(build) if step.get("run") == "make build")
    assert configure < make_build
    assert build[make_build]["env"]["SITE_URL"] == f"${{{{ steps.{build[configure]['id']}.outputs.base_url }}}}"
    assert "!ENV [SITE_URL," in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_pull_request_template_has_the_new_wave_checklist():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "make new-wave" in template and "previous_wording" in template and "- [ ]" in template


# The workflow checkers, installed into the project's environment by requirements-dev.txt.
BIN = Path(sys.executable).parent
CHECKERS = {
    # actionlint: syntax, expressions, job graph and inputs of actions, as GitHub would read them.
    "actionlint": [str(BIN / "actionlint"), "-no-color"],
    # zizmor: security (injection, credentials, permissions, pinning). Offline: no GitHub API, same answer everywhere.
    "zizmor": [str(BIN / "zizmor"), "--offline", "--no-progress", "--color=never"],
}

UNSAFE_WORKFLOW = """\
name: Unsafe
on: pull_request_target
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-24.04
    needs: nothing
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def check(tool: str, folder: Path) -> subprocess.CompletedProcess:
    files = sorted(str(f) for f in folder.glob("*.yml"))
    return subprocess.run(CHECKERS[tool] + files, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("tool", sorted(CHECKERS))
def test_the_workflows_pass_the_workflow_checker_without_findings(tool):
    result = check(tool, WORKFLOWS)
    assert result.returncode == 0, f"{tool} fandt problemer i .github/workflows/:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("tool, finding", [("actionlint", "untrusted"), ("zizmor", "template-injection")])
def test_the_workflow_checker_names_an_unsafe_workflow(tool, finding, tmp_path):
    (tmp_path / "unsafe.yml").write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    result = check(tool, tmp_path)
    assert result.returncode != 0 and finding in result.stdout + result.stderr, result.stdout + result.stderr


def _jobs() -> list[tuple[str, str, dict]]:
    return [(workflow.name, name, job) for workflow in sorted(WORKFLOWS.glob("*.yml"))
            for name, job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].items()]


def test_the_published_site_is_built_from_no_cache_of_another_build():
    """A poisoned cache entry of an earlier run must not outlive its revert on the published site: the
    deploy job restores no cache, or only one of exactly its own commit (no restore-keys)."""
    for step in yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]:
        if step.get("uses", "").startswith("actions/cache"):
            assert "restore-keys" not in step.get("with", {}) and "github.sha" in step["with"]["key"], step


def test_containers_and_the_zensical_version_are_pinned():
    """A moving tag is another build tool each run: images by digest, Zensical by version."""
    containers = [(w, n, job["container"]) for w, n, job in _jobs() if "container" in job]
    assert containers, "the workflows run in a container"
    for workflow, name, container in containers:
        image = container if isinstance(container, str) else container["image"]
        assert "@sha256:" in image and len(image.split("@sha256:")[1]) == 64, f"{workflow} {name}: {image}"
    install = next(s for s in steps("pull-request.yml", "zensical") if "pip install" in s)
    assert "zensical==" in install, install
