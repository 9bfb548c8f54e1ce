"""The GitHub workflows do what CONTRIBUTING.md promises a contributor."""

from __future__ import annotations

import yaml
from conftest import ROOT

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


def test_zensical_is_tried_but_never_blocks():
    data = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    assert data["jobs"]["zensical"]["continue-on-error"] is True
    assert "zensical" not in (ROOT / "requirements.txt").read_text(encoding="utf-8")


def test_main_is_deployed_to_pages_after_the_same_checks():
    run = steps("deploy.yml", "build")
    assert run.index("sudo apt-get install -y chromium") < run.index("make test") < run.index("make build")
    uses = [s for s in run if s.startswith("actions/")]
    assert [u.split("@")[0] for u in uses if "pages" in u] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert any(s.startswith("actions/deploy-pages") for s in steps("deploy.yml", "deploy"))


def test_pull_request_template_has_the_new_wave_checklist():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "make new-wave" in template and "previous_wording" in template and "- [ ]" in template
