"""The build: reproducible, strict about templates, and free of third-party requests."""

from __future__ import annotations

import hashlib
import pickle
import re
import shutil
from pathlib import Path

import pytest
from conftest import build, edit, line_of

from evidence import build_memo

# Pagefind writes its filter chunks in hash-map order, so their bytes (and hashed file
# names) vary between runs although they index the same records; the finder's behaviour
# is tested in the browser instead. Every page, asset and download is compared.
NOT_REPRODUCIBLE = ("citatindeks/", "soegeindeks/")


def digest(site: Path, leave_out: tuple[str, ...] = NOT_REPRODUCIBLE) -> dict[str, str]:
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()
            for rel in [p.relative_to(site).as_posix()] if not rel.startswith(leave_out)}


def test_two_builds_of_one_commit_are_byte_identical(site, project, tmp_path):
    again = tmp_path / "again"
    result = build(project, again)
    assert result.returncode == 0, result.stderr
    assert_same(digest(site), digest(again))


def test_charts_read_back_from_the_cache_are_the_charts_drawn(site, project, tmp_path):
    assert build(project, tmp_path / "cold").returncode == 0
    drawn = sorted((project / ".cache" / "charts").glob("*.svg"))
    assert drawn, "the first build stored no charts"
    assert build(project, tmp_path / "warm").returncode == 0
    assert_same(digest(tmp_path / "cold"), digest(tmp_path / "warm"))
    for svg in drawn:  # proof that the warm build read the cache rather than drawing again
        svg.write_text(svg.read_text(encoding="utf-8").replace("currentColor", "#0ddba1"), encoding="utf-8")
    shutil.rmtree(project / ".cache" / "build")  # else the pages come whole from the build memo
    assert build(project, tmp_path / "tampered").returncode == 0
    assert "#0ddba1" in (tmp_path / "tampered" / "tal/2025/faglig-identitet/index.html").read_text(encoding="utf-8")


def test_a_build_of_unchanged_inputs_reuses_the_last_builds_results(site, project, tmp_path):
    assert build(project, tmp_path / "first").returncode == 0
    assert build(project, tmp_path / "again").returncode == 0
    assert_same(digest(tmp_path / "first"), digest(tmp_path / "again"))
    [stored] = (project / ".cache" / "build").glob("*.pickle")
    entries = pickle.loads(stored.read_bytes())
    outputs, nav = pickle.loads(entries["pages"])
    outputs["metode.md"] = outputs["metode.md"].replace("\n# ", "\n# Gemt: ", 1)
    stored.write_bytes(pickle.dumps(entries | {"pages": pickle.dumps((outputs, nav))}))
    assert build(project, tmp_path / "remembered").returncode == 0  # proof that the results were read back
    assert "Gemt: " in (tmp_path / "remembered" / "metode/index.html").read_text(encoding="utf-8")


def test_a_mistake_is_reported_although_the_last_build_of_valid_data_was_remembered(project, tmp_path):
    assert build(project, tmp_path / "site").returncode == 0
    edit(project, "data/quotes/ds-2020/testimonies.yml", "  kind: testimony\n", "  kind: testimoni\n")
    result = build(project, tmp_path / "site")
    line = line_of(project, "data/quotes/ds-2020/testimonies.yml", "kind: testimoni")
    assert f"data/quotes/ds-2020/testimonies.yml, linje {line} (id 'ds2020-t001'), felt '[1].kind'" in result.stderr
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (tmp_path / "site" / "index.html").exists(), "the previous site is kept"


def assert_same(first: dict[str, str], second: dict[str, str]) -> None:
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files differ between two builds: {differing[:10]}"


def test_a_template_error_fails_the_build_instead_of_printing_into_the_page(project, tmp_path):
    page = project / "evidence/site_pages.py"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('macro("headline_figures")', 'macro("headline_figurez")'), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "headline_figurez" in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


EXTERNAL = re.compile(r'(?:src|href|srcset|content)="(?:https?:)?//(?!example\.github\.io)[^"]+"')


def test_pages_load_nothing_from_other_hosts(site):
    offenders = {}
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        # Links the reader follows are fine; what the page itself loads is not.
        loads = [m for m in EXTERNAL.findall(text) if not m.startswith('href="')]
        stylesheets = re.findall(r'<link[^>]+rel="(?:stylesheet|preconnect|preload)"[^>]+href="(?:https?:)?//[^"]+"', text)
        if loads or stylesheets:
            offenders[html_file.relative_to(site).as_posix()] = loads + stylesheets
    assert not offenders, offenders
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_search_indexes_are_danish(site):
    """Both Pagefind indexes stem Danish; the browser tests search with inflected forms."""
    import json

    for folder in ("soegeindeks", "citatindeks"):
        entry = json.loads((site / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["da"], folder


def test_site_language_is_danish(site):
    assert '<html lang="da"' in (site / "index.html").read_text(encoding="utf-8")


def test_search_indexes_are_reused_when_unchanged_and_rebuilt_when_a_quote_changes(project, tmp_path):
    from scripts.bench import edit, edit_target

    def finder_index(site: Path) -> dict[str, str]:
        return {k: v for k, v in digest(site, leave_out=()).items() if k.startswith("citatindeks/")}

    assert build(project, tmp_path / "first").returncode == 0
    assert build(project, tmp_path / "again").returncode == 0
    assert finder_index(tmp_path / "first") == finder_index(tmp_path / "again"), "an unchanged index was rebuilt"
    item_id, theme, _ = edit_target(project)
    edit(project, item_id, theme)
    assert build(project, tmp_path / "edited").returncode == 0
    assert finder_index(tmp_path / "edited") != finder_index(tmp_path / "again"), "a stale index was reused"
    cached = sorted(p.name.split("-")[0] for p in (project / ".cache" / "pagefind").iterdir())
    assert cached == ["citatindeks", "soegeindeks"], "the cache keeps one copy of each index"



@pytest.mark.parametrize("rel", ["data/quotes/ds-2020/testimonies.yml", "data/schemas/quotes.schema.yml",
                                 "data/sources/README.md", "evidence/blocks.py", "macros/main.py", "CONTRIBUTING.md"])
def test_an_edit_to_anything_pages_are_made_from_gives_the_build_memo_a_new_key(project, rel):
    """A stale key would publish the pages of an older state of the data or the code."""
    before = build_memo.digest(project)
    with (project / rel).open("a", encoding="utf-8") as file:
        file.write("\n")
    assert build_memo.digest(project) != before
