"""The build: reproducible, strict about templates, and free of third-party requests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import build

# Pagefind writes its filter chunks in hash-map order, so their bytes (and hashed file
# names) vary between runs although they index the same records; the finder's behaviour
# is tested in the browser instead. Every page, asset and download is compared.
NOT_REPRODUCIBLE = ("citatindeks/", "soegeindeks/")


def digest(site: Path) -> dict[str, str]:
    return {rel: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()
            for rel in [p.relative_to(site).as_posix()] if not rel.startswith(NOT_REPRODUCIBLE)}


def test_two_builds_of_one_commit_are_byte_identical(site, project, tmp_path):
    again = tmp_path / "again"
    result = build(project, again)
    assert result.returncode == 0, result.stderr
    first, second = digest(site), digest(again)
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
