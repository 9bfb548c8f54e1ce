"""The build: reproducible, strict about templates, and free of third-party requests."""

from __future__ import annotations

import dataclasses
import glob
import gzip
import hashlib
import json
import pickle
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import build, build_env, edit, line_of

from evidence import build_memo
from evidence.build_memo import taken_lock
from evidence.contract import FILE_SCHEMAS
from evidence.dataset import MADE_FROM, Dataset, input_digests
from evidence.search_index import SITE_EXCLUDE

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
    tamper(project, ("pages", "method"), "\n# ", "\n# Gemt: ")
    assert build(project, tmp_path / "remembered").returncode == 0  # proof that the results were read back
    assert "Gemt: " in (tmp_path / "remembered" / "metode/index.html").read_text(encoding="utf-8")


def test_an_edited_quote_is_published_and_the_survey_pages_are_reused(project, tmp_path):
    """A quote edit makes the parts that show quotes again, and only those (evidence.build_memo)."""
    from scripts.bench import edit, edit_target

    assert build(project, tmp_path / "first").returncode == 0
    tamper(project, ("pages", "survey"), "\n# ", "\n# Gemt: ")
    item_id, theme, collection = edit_target(project)
    edit(project, item_id, theme)
    assert build(project, tmp_path / "edited").returncode == 0
    assert "Gemt: " in (tmp_path / "edited" / "tal/index.html").read_text(encoding="utf-8"), "survey pages made again"
    shown = (tmp_path / "edited" / collection / "index.html").read_text(encoding="utf-8")
    article = shown[shown.index(f'id="{item_id}"'):][:6000]
    assert f"temaer/{theme}/" in article, "the quote's page still shows the old themes"


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("data/quotes/ds-2020/testimonies.yml", "  areas: [beskaeftigelse]\n", "  areas: [psykiatri]\n"),
    ("data/themes.yml", "  description: ", "  description: Nyt. "),
    ("data/survey/populations.yml", "  name: ", "  name: Ny "),
])
def test_a_build_after_an_edit_publishes_what_a_build_from_scratch_does(project, tmp_path, rel, old, new):
    """Whatever is remembered, an edit anywhere in the data gives the pages of the edited data."""
    assert build(project, tmp_path / "first").returncode == 0
    edit(project, rel, old, new)
    assert build(project, tmp_path / "remembered").returncode == 0
    shutil.rmtree(project / ".cache" / "build")
    assert build(project, tmp_path / "scratch").returncode == 0
    assert_same(digest(tmp_path / "remembered"), digest(tmp_path / "scratch"))
    assert digest(tmp_path / "remembered") != digest(tmp_path / "first"), "the edit changed nothing"


def test_the_build_takes_the_pages_made_beside_it_only_when_they_are_done(project, tmp_path):
    """`make build` makes the pages in a second process while MkDocs starts (scripts/prepare_build.py).
    Here the test holds the memo's lock as that process would, and changes a page while holding it."""
    assert build(project, tmp_path / "first").returncode == 0
    with taken_lock(project):
        building = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "second")],
                                    cwd=project, env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        waiting = project / ".cache" / "build" / "lock"
        for _ in range(600):  # until the build has opened the lock, to wait for it
            if any(Path(fd).resolve() == waiting for fd in glob.glob(f"/proc/{building.pid}/fd/*")):
                break
            assert building.poll() is None, "the build ended without waiting"
            time.sleep(0.1)
        tamper(project, ("pages", "method"), "\n# ", "\n# Gemt: ")
    assert building.wait(timeout=300) == 0
    assert "Gemt: " in (tmp_path / "second" / "metode/index.html").read_text(encoding="utf-8")


def tamper(project: Path, key: tuple, old: str, new: str) -> None:
    """Change the first page of a remembered part in the stored memo, as a visible mark."""
    [stored] = (project / ".cache" / "build").glob("*.pickle")
    entries = pickle.loads(stored.read_bytes())
    made_from, pickled = entries[key]
    pages, files = pickle.loads(pickled)
    pages[0] = replace(pages[0], markdown=pages[0].markdown.replace(old, new, 1))
    entries[key] = (made_from, pickle.dumps((pages, files)))
    stored.write_bytes(pickle.dumps(entries))


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


def test_the_site_index_holds_what_a_reader_can_search_on_the_published_pages(site, tmp_path):
    """The site index is built from each page's content before the theme wraps it (evidence.search_index):
    it must hold exactly what indexing the published pages' searchable part gives."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(tmp_path / "pages"),
                    "--glob", "**/index.html", "--force-language", "da", "--silent",
                    "--exclude-selectors", ", ".join(SITE_EXCLUDE)], check=True)
    assert fragments(site / "soegeindeks") == fragments(tmp_path / "pages")


def fragments(index: Path) -> dict[str, dict]:
    """Each indexed page as Pagefind stores it: text, title, anchors and word count, by address."""
    stored = [gzip.decompress(path.read_bytes()) for path in (index / "fragment").iterdir()]
    pages = [json.loads(raw[raw.index(b"{"):]) for raw in stored]
    return {page["url"]: page for page in pages}


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



@pytest.mark.parametrize("rel", ["evidence/blocks.py", "macros/main.py", "CONTRIBUTING.md"])
def test_an_edit_to_the_code_pages_are_made_with_gives_the_build_memo_a_new_key(project, rel):
    """A stale key would publish pages made by older code."""
    before = build_memo.code_digest(project)
    with (project / rel).open("a", encoding="utf-8") as file:
        file.write("\n")
    assert build_memo.code_digest(project) != before


@pytest.mark.parametrize(("rel", "part"), [("data/quotes/ds-2020/testimonies.yml", "quotes"),
                                           ("data/survey/2025/figures.csv", "figures"),
                                           ("data/schemas/quotes.schema.yml", "schemas"),
                                           ("data/sources/README.md", "sources")])
def test_an_edit_to_a_data_file_changes_the_digest_of_its_part_only(project, rel, part):
    """Results are reused while the parts of data/ they were made from keep their digests."""
    before = input_digests(project)
    with (project / rel).open("a", encoding="utf-8") as file:
        file.write("\n")
    after = input_digests(project)
    assert [name for name in before if before[name] != after[name]] == [part]


def test_every_field_of_a_dataset_is_tied_to_the_parts_it_is_made_from():
    """A field missing here would let a page that shows it outlive an edit of it."""
    fields = {f.name for f in dataclasses.fields(Dataset)} - {"derived"}
    assert set(MADE_FROM) == fields
    assert {schema for _, schema in FILE_SCHEMAS} <= {part for parts in MADE_FROM.values() for part in parts}
