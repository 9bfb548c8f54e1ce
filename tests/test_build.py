"""The build: reproducible, correct with warm caches, strict about templates, and free of third-party requests."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import build, copy_built, edit, line_of, read_csv

from evidence.publish.search_index import SITE_EXCLUDE

# Pagefind writes its filter chunks in hash-map order, so their bytes (and hashed file
# names) vary between runs although they index the same records; the finder's behaviour
# is tested in the browser instead. Every page, asset and download is compared.
NOT_REPRODUCIBLE = ("citatindeks/", "soegeindeks/")


def digest(site: Path, leave_out: tuple[str, ...] = NOT_REPRODUCIBLE) -> dict[str, str]:
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()
            for rel in [p.relative_to(site).as_posix()] if not rel.startswith(leave_out)}


def assert_same(first: dict[str, str], second: dict[str, str]) -> None:
    assert first.keys() == second.keys(), sorted(first.keys() ^ second.keys())[:10]
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files differ between two builds: {differing[:10]}"


def test_two_builds_of_one_commit_are_byte_identical(site, project, tmp_path):
    """The real site, built from scratch in another copy of the project, is the same byte for byte."""
    again = tmp_path / "again"
    result = build(project, again)
    assert result.returncode == 0, result.stderr
    assert_same(digest(site), digest(again))


def test_charts_read_back_from_the_cache_are_the_charts_drawn(fixture_copy, tmp_path):
    assert build(fixture_copy, tmp_path / "cold").returncode == 0
    drawn = sorted((fixture_copy / ".cache" / "charts").glob("*.svg"))
    assert drawn, "the first build stored no charts"
    assert build(fixture_copy, tmp_path / "warm").returncode == 0
    assert_same(digest(tmp_path / "cold"), digest(tmp_path / "warm"))
    # That the warm build read them rather than drawing again, and that a changed entry is not read:
    # tests/test_build_safety.py.


def first_testimony_gets_another_theme(project: Path) -> None:
    rel = "data/quotes/test-haefte-2032/testimonies.yml"
    item = yaml.safe_load((project / rel).read_text(encoding="utf-8"))[0]
    themes = [t["id"] for t in yaml.safe_load((project / "data/themes.yml").read_text(encoding="utf-8"))]
    other = next(t for t in themes if t not in item["themes"])
    text = (project / rel).read_text(encoding="utf-8")
    start = text.index("  themes: [", text.index(f"- id: {item['id']}\n"))
    edit(project, rel, text[start:text.index("]", start) + 1], f"  themes: [{other}]")


def newest_figure_changes(project: Path) -> None:
    """The first figure takes the value of another figure at the same locator: the passage states both, so
    the edited data stay valid (each figure must stand where its locator points)."""
    newest = sorted((project / "data/survey").glob("*/figures.csv"))[-1]
    rows = read_csv(newest)
    row = rows[0]
    other = next(r["value"] for r in rows if r["locator"] == row["locator"] and r["value"] != row["value"])
    rel = newest.relative_to(project).as_posix()
    prefix = f"{row['question']},{row['option']},{row['population']},"
    edit(project, rel, f"{prefix}{row['value']},", f"{prefix}{other},")


def a_population_is_renamed(project: Path) -> None:
    first = yaml.safe_load((project / "data/survey/populations.yml").read_text(encoding="utf-8"))[0]
    edit(project, "data/survey/populations.yml", f"  name: {first['name']}\n", f"  name: Ny {first['name']}\n")


def a_theme_description_changes(project: Path) -> None:
    edit(project, "data/themes.yml", "  description: ", "  description: Nyt. ")


EDITS = [first_testimony_gets_another_theme, newest_figure_changes, a_population_is_renamed, a_theme_description_changes]


@pytest.mark.parametrize("change", EDITS, ids=[e.__name__ for e in EDITS])
def test_a_build_after_an_edit_publishes_what_a_build_from_scratch_does(fixture_project, fixture_site, tmp_path, change):
    """Whatever the caches (.cache/charts, .cache/pagefind) hold from the last build, an edit anywhere
    in the data gives the pages of the edited data."""
    project = copy_built(fixture_project, tmp_path / "project")  # built once already: warm caches
    assert (project / ".cache" / "charts").is_dir()
    change(project)
    assert build(project, tmp_path / "warm").returncode == 0
    shutil.rmtree(project / ".cache")
    assert build(project, tmp_path / "scratch").returncode == 0
    assert_same(digest(tmp_path / "warm"), digest(tmp_path / "scratch"))
    assert digest(tmp_path / "warm") != digest(fixture_site), "the edit changed nothing"


def test_search_indexes_are_reused_when_unchanged_and_rebuilt_when_a_quote_changes(real_project, site, tmp_path):
    from bench.edits import edit as edit_quote
    from bench.edits import edit_target

    def finder_index(site: Path) -> dict[str, str]:
        return {k: v for k, v in digest(site, leave_out=()).items() if k.startswith("citatindeks/")}

    project = copy_built(real_project, tmp_path / "project")
    assert build(project, tmp_path / "again").returncode == 0
    assert finder_index(site) == finder_index(tmp_path / "again"), "an unchanged index was rebuilt"
    item_id, theme, _ = edit_target(project)
    edit_quote(project, item_id, theme)
    assert build(project, tmp_path / "edited").returncode == 0
    assert finder_index(tmp_path / "edited") != finder_index(tmp_path / "again"), "a stale index was reused"
    cached = sorted(p.name.split("-")[0] for p in (project / ".cache" / "pagefind").iterdir() if p.is_dir())
    assert cached == ["citatindeks", "soegeindeks"], "the cache keeps one copy of each index"


def test_a_mistake_after_a_good_build_is_named_and_the_previous_site_kept(fixture_project, fixture_site, tmp_path):
    """With warm caches from a good build, invalid data still stop the next build: the message names
    file, line, item and field, there is no traceback, and the site folder stays as it was."""
    project = copy_built(fixture_project, tmp_path / "project")
    site = shutil.copytree(fixture_site, tmp_path / "site")
    rel = "data/quotes/test-haefte-2032/testimonies.yml"
    first = yaml.safe_load((project / rel).read_text(encoding="utf-8"))[0]
    edit(project, rel, "  kind: testimony\n", "  kind: testimoni\n")
    result = build(project, site)
    line = line_of(project, rel, "kind: testimoni")
    assert f"{rel}, linje {line} (id '{first['id']}'), felt '[1].kind'" in result.stderr
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    assert_same(digest(fixture_site, leave_out=()), digest(site, leave_out=()))


def test_a_template_error_fails_the_build_instead_of_printing_into_the_page(fixture_copy, tmp_path):
    about = fixture_copy / "docs/om/index.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n{{ headline_figurez() }}\n", encoding="utf-8")
    result = build(fixture_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "headline_figurez" in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


EXTERNAL = re.compile(r'(?:src|href|srcset|content)="((?:https?:)?//[^"]+)"')


def test_pages_load_nothing_from_other_hosts(fixture_site):
    own = re.search(r'<link rel="canonical" href="([^"]+)"', (fixture_site / "index.html").read_text(encoding="utf-8"))
    offenders = {}
    for html_file in fixture_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        # Links the reader follows are fine, and so is the site's own address (site_url: og:url, og:image);
        # what the page loads from anywhere else is not.
        loads = [m.group(0) for m in EXTERNAL.finditer(text)
                 if not m.group(0).startswith('href="') and not m.group(1).startswith(own.group(1))]
        stylesheets = re.findall(r'<link[^>]+rel="(?:stylesheet|preconnect|preload)"[^>]+href="(?:https?:)?//[^"]+"', text)
        if loads or stylesheets:
            offenders[html_file.relative_to(fixture_site).as_posix()] = loads + stylesheets
    assert not offenders, offenders
    css = "".join(p.read_text(encoding="utf-8") for p in fixture_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_search_indexes_are_danish(fixture_site):
    """Both Pagefind indexes stem Danish; the browser tests search with inflected forms."""
    for folder in ("soegeindeks", "citatindeks"):
        entry = json.loads((fixture_site / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["da"], folder


def test_the_site_index_holds_what_a_reader_can_search_on_the_published_pages(fixture_site, tmp_path):
    """The site index is built from the built pages' searchable part (evidence.publish.search_index):
    it must hold exactly what indexing the published pages with Pagefind's own command gives."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(fixture_site), "--output-path", str(tmp_path / "pages"),
                    "--glob", "**/index.html", "--force-language", "da", "--silent",
                    "--exclude-selectors", ", ".join(SITE_EXCLUDE)], check=True)
    indexed = fragments(fixture_site / "soegeindeks")
    assert indexed == fragments(tmp_path / "pages")
    assert len(indexed) >= len(list(fixture_site.rglob("index.html"))) // 2, "most pages are searchable"


def fragments(index: Path) -> dict[str, dict]:
    """Each indexed page as Pagefind stores it: text, title, anchors and word count, by address."""
    stored = [gzip.decompress(path.read_bytes()) for path in (index / "fragment").iterdir()]
    pages = [json.loads(raw[raw.index(b"{"):]) for raw in stored]
    return {page["url"]: page for page in pages}


def test_site_language_is_danish(fixture_site):
    for html_file in fixture_site.rglob("index.html"):
        assert '<html lang="da"' in html_file.read_text(encoding="utf-8"), html_file
