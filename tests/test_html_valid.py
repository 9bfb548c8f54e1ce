"""The built site is valid HTML: the Nu Html Checker (vnu) finds no error in the site's own markup.

`make test` installs the checker (`make html-checker`: vnu.jar from the npm package pinned in
tools/vnu/, Java from Debian). The errors that come from Material's own templates are listed once,
by message, in UPSTREAM; every other error fails the test with its page, line and the markup around it.
Both the real site and the fixture site (tests/fixtures/site, which has trend charts) are checked.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in mkdocs-material's templates (partials/nav-item.html, partials/toc.html, partials/search.html),
# not in markup this project writes: one pattern per message.
UPSTREAM = {
    "Material's menu: tabindex=\"\" on a section label":
        r"^Bad value “” for attribute “tabindex” on element “label”",
    "Material's menu and search: autocomplete on the checkbox that opens a section":
        r"^Attribute “autocomplete” is only allowed when the input type is",
    "Material's table of contents: a label for the toggle that a page without headings leaves out":
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
}


def checker_errors(site: Path) -> list[dict]:
    """Every error vnu reports for the HTML files of `site`."""
    java = shutil.which("java")
    assert java and VNU.is_file(), "the Nu Html Checker is not installed: run `make html-checker` (make test does)"
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(site)], capture_output=True, text=True, check=False)
    return json.loads(result.stderr or result.stdout)["messages"]


def own_errors(messages: list[dict], site: Path) -> list[str]:
    return [
        f"{m['url'].removeprefix('file:').replace(str(site), '')}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {(m.get('extract') or '').strip()[:200]}"
        for m in messages
        if not any(re.search(pattern, m["message"]) for pattern in UPSTREAM.values())
    ]


@pytest.fixture(scope="module", params=["site", "fixture_site"])
def built(request) -> Path:
    return request.getfixturevalue(request.param)


def test_the_site_s_own_markup_is_valid_html(built):
    errors = own_errors(checker_errors(built), built)
    assert not errors, f"{len(errors)} HTML errors in the site's own markup:\n" + "\n".join(errors[:60])


def test_the_checker_finds_an_error_in_our_kind_of_markup(tmp_path):
    """A figure with its caption between chart and table, as the site once wrote it, is reported."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<figure><div>chart</div><figcaption>Titel</figcaption><details><summary>Tabel</summary></details>'
        "</figure></body></html>", encoding="utf-8")
    errors = own_errors(checker_errors(tmp_path), tmp_path)
    assert any("not allowed as child of element “figure”" in e for e in errors), errors
