"""A build is exclusive and atomic, its caches cannot be poisoned, and it leaves the working tree as it was:
one build at a time, the old site whole until the new one replaces it, an interrupt cleaned up in one line,
a changed cache entry never served, and `git status` clean after a build of a committed data change."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT, build, build_env, edit, run_script

from evidence.publish.build import BUSY, exclusive
from scripts import build_site


def old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "tal").mkdir(parents=True)
    (site / "index.html").write_text("gammel forside", encoding="utf-8")
    (site / "tal" / "index.html").write_text("gamle tal", encoding="utf-8")
    return site


def files_of(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def stub_steps(monkeypatch):
    """The build's own steps replaced by small stand-ins: what is tested is how the new site replaces the old."""
    cancelled = []
    monkeypatch.setattr(build_site, "generate_pages", lambda root, record=False: None)
    monkeypatch.setattr(build_site, "start_publishing",
                        lambda root, staging: SimpleNamespace(cancel=lambda: cancelled.append(staging)))

    def render(root, staging, menu):
        (staging / "tal").mkdir(parents=True)
        (staging / "index.html").write_text("ny forside", encoding="utf-8")
        (staging / "tal" / "index.html").write_text("nye tal", encoding="utf-8")

    monkeypatch.setattr(build_site, "_mkdocs", render)
    monkeypatch.setattr(build_site, "publish", lambda root, staging, started: None)
    monkeypatch.setattr(build_site, "_warn", lambda root: None)
    return cancelled


def test_an_interrupt_before_the_swap_leaves_the_old_site_whole(tmp_path, stub_steps, monkeypatch, capsys):
    site = old_site(tmp_path)
    before = files_of(site)

    def interrupted(root, staging, started):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_site, "publish", interrupted)
    assert build_site.build(site, tmp_path) == build_site.INTERRUPTED
    assert files_of(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a temporary folder was left behind"
    assert stub_steps, "the indexing and card drawing were not stopped"
    assert capsys.readouterr().err.strip().splitlines() == ["Bygningen blev afbrudt; site/ er ikke ændret."]


def test_an_interrupt_at_the_swap_waits_until_the_new_site_is_whole_in_place(tmp_path, stub_steps, monkeypatch, capsys):
    """Ctrl+C between the two renames would leave no site at all: it is held until both are done."""
    site = old_site(tmp_path)
    rename = Path.rename

    def interrupted_rename(self, target):
        moved = rename(self, target)
        if self == site:  # the old site is aside, the new one not yet in place
            os.kill(os.getpid(), signal.SIGINT)
        return moved

    monkeypatch.setattr(Path, "rename", interrupted_rename)
    other_thread = threading.Event()  # as the chart engine's: the operating system may give the signal to it
    waiting = threading.Thread(target=other_thread.wait, daemon=True)
    waiting.start()
    try:
        assert build_site.build(site, tmp_path) == build_site.INTERRUPTED
    finally:
        other_thread.set()
    assert files_of(site) == {"index.html": "ny forside", "tal/index.html": "nye tal"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a temporary folder was left behind"
    assert capsys.readouterr().err.strip().splitlines() == ["Bygningen blev afbrudt; det nye site er lagt i site/."]


def test_a_build_replaces_the_site_and_removes_the_leftovers_of_a_killed_one(tmp_path, stub_steps):
    site = old_site(tmp_path)
    (tmp_path / "site.tmp-99999").mkdir()
    (tmp_path / "site.old-99999").mkdir()
    assert build_site.build(site, tmp_path) == 0
    assert files_of(site) == {"index.html": "ny forside", "tal/index.html": "nye tal"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("command", [["scripts.build_site", "--site-dir", "site"], ["scripts.generate"],
                                     ["scripts.publish", "site"]])
def test_a_second_build_is_refused_with_one_line_while_one_runs(fixture_copy, command):
    site = old_site(fixture_copy)
    before = files_of(site)
    with exclusive(fixture_copy):
        result = run_script(fixture_copy, *command)
    assert result.returncode == 1
    assert result.stderr.strip() == BUSY
    assert files_of(site) == before
    assert not (fixture_copy / "docs" / "tal").exists(), "the refused build wrote pages"


def test_sigterm_ends_a_build_in_one_line_and_leaves_nothing_behind(fixture_copy):
    site = old_site(fixture_copy)
    before = files_of(site)
    build = subprocess.Popen([sys.executable, "-m", "scripts.build_site", "--site-dir", str(site)], cwd=fixture_copy,
                             env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 120
    while not list(fixture_copy.glob("site.tmp-*")) and build.poll() is None and time.monotonic() < end:
        time.sleep(0.05)
    assert build.poll() is None, f"the build ended before MkDocs started writing: {build.stderr.read()}"
    time.sleep(0.5)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == build_site.INTERRUPTED, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "Bygningen blev afbrudt; site/ er ikke ændret."
    assert files_of(site) == before
    assert not list(fixture_copy.glob("site.*")), "a temporary site folder was left behind"
    assert not [p for p in (fixture_copy / ".cache").rglob("*.tmp")], "a half-written cache entry was left behind"


def test_no_tampered_cache_entry_is_served(fixture_copy, tmp_path):
    """A script appended to a cached chart, a changed social card, search index or compiled template is
    made again, not put into the site. (And a warm build does read the cache: its entries stay as they are.)"""
    assert build(fixture_copy, tmp_path / "cold").returncode == 0
    cache = fixture_copy / ".cache"
    charts = sorted((cache / "charts").glob("*.svg"))
    assert charts, "the first build stored no charts"
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in charts}
    assert build(fixture_copy, tmp_path / "warm").returncode == 0
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in charts} == stamps, "a warm build drew its charts again"

    payload = "<script>alert('fra cachen')</script>"
    for svg in charts:
        with svg.open("a", encoding="utf-8") as file:
            file.write(payload)
    card = sorted((cache / "cards").glob("*.png"))[0]
    card_bytes = card.read_bytes()
    card.write_bytes(card_bytes + b"tampered")
    index_file = next(p for p in sorted((cache / "pagefind").rglob("*")) if p.is_file() and "soegeindeks-" in str(p)
                      and not p.name.endswith(".sha256"))
    index_file.write_bytes(index_file.read_bytes() + b"tampered")
    template = sorted((cache / "templates").glob("*.cache"))[0]
    template.write_bytes(b"not bytecode")

    result = build(fixture_copy, tmp_path / "after")
    assert result.returncode == 0, result.stderr
    after = tmp_path / "after"
    served = [p for p in after.rglob("*.html") if "fra cachen" in p.read_text(encoding="utf-8")]
    assert not served, f"a tampered chart was served on {served[:3]}"
    assert not [p for p in after.rglob("*") if p.is_file() and p.read_bytes().endswith(b"tampered")], \
        "a tampered card or search index file was served"
    assert card.read_bytes() == card_bytes, "the tampered card was not drawn again"
    assert template.read_bytes() != b"not bytecode", "the tampered compiled template was kept"


CARD_NAME = ("from evidence.publish.social_cards import Card; from pathlib import Path; "
             "print(Card('kort/x.png', 'Sitet', 'Titel', 'Beskrivelse', 'Fod').cached(Path('.')))")


def card_cache_name(project: Path) -> str:
    return subprocess.run([sys.executable, "-c", CARD_NAME], cwd=project, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_changed_card_drawing_is_another_cache_entry(tmp_path):
    """A redesigned card is drawn again, not served stale from the cache under the old name."""
    shutil.copytree(ROOT / "evidence", tmp_path / "evidence", ignore=shutil.ignore_patterns("__pycache__"))
    same = card_cache_name(tmp_path)
    assert same == card_cache_name(ROOT)
    drawing = tmp_path / "evidence/publish/social_cards.py"
    source = drawing.read_text(encoding="utf-8")
    assert 'BACKGROUND = "#12506b"' in source
    drawing.write_text(source.replace('BACKGROUND = "#12506b"', 'BACKGROUND = "#000000"'), encoding="utf-8")
    assert card_cache_name(tmp_path) != same


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=project,
                          capture_output=True, text=True, check=True).stdout


def test_a_build_after_a_committed_data_change_leaves_git_status_clean(fixture_copy, tmp_path):
    """The maintainer commits only data/: the menu, the footer and the pages counting publications are not
    files that a build rewrites. (A build that publishes new addresses records them in
    data/published-addresses.txt, which is committed with the change that made them: the first build here.)"""
    shutil.copy2(ROOT / ".gitignore", fixture_copy / ".gitignore")
    assert build(fixture_copy, fixture_copy / "site").returncode == 0
    git(fixture_copy, "init", "-q")
    git(fixture_copy, "add", "-A")
    git(fixture_copy, "commit", "-qm", "start")
    assert build(fixture_copy, fixture_copy / "site").returncode == 0
    assert git(fixture_copy, "status", "--porcelain") == ""

    themes = yaml.safe_load((fixture_copy / "data/themes.yml").read_text(encoding="utf-8"))
    edit(fixture_copy, "data/themes.yml", f"name: {themes[0]['name']}\n", f"name: {themes[0]['name']} i dag\n")
    git(fixture_copy, "commit", "-qam", "a theme renamed")
    result = build(fixture_copy, fixture_copy / "site")
    assert result.returncode == 0, result.stderr
    assert f"{themes[0]['name']} i dag" in (fixture_copy / "site/temaer/index.html").read_text(encoding="utf-8"), \
        "the renamed theme is not in the menu"
    assert git(fixture_copy, "status", "--porcelain") == ""


def test_the_about_page_counts_the_publications_from_the_data(fixture_site, fixture_dataset):
    """A new publication needs no edit of a hand-written page: om/ says how many there are from data/."""
    from conftest import text_of

    from evidence.model.wording import number_word

    count = len(fixture_dataset.publications)
    assert count >= 2
    assert f"fra {number_word(count)} publikationer" in " ".join(text_of(fixture_site, "om/").split())


def test_make_serve_is_refused_with_one_line_while_a_build_runs(fixture_copy):
    import importlib.util

    from mkdocs.exceptions import Abort

    spec = importlib.util.spec_from_file_location("locked_hooks", fixture_copy / "macros" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(fixture_copy)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(Abort, match="En anden bygning kører allerede"):
            hooks.on_startup(command="serve", dirty=False)
    finally:
        holder.kill()
        holder.wait()


# A build in another process, holding the lock (the same process may take it again: `exclusive`).
HOLD_LOCK = ("import sys, time; from pathlib import Path; from evidence.publish.build import exclusive\n"
             "with exclusive(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(120)")


def test_zensical_gets_the_menu_written_into_its_configuration(fixture_copy):
    """Zensical runs no MkDocs hooks: `--write-menu` gives it the menu that MkDocs gets from the build."""
    from evidence.load.dataset import load_dataset
    from evidence.publish.generate import generated

    committed = (fixture_copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nnav:" not in committed
    result = run_script(fixture_copy, "scripts.generate", "--write-menu")
    assert result.returncode == 0, result.stderr
    written = (fixture_copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert written.startswith(committed.rstrip("\n"))
    block = yaml.safe_load(written.split("Do not edit below this line. ---\n", 1)[1])
    assert block["nav"] == generated(load_dataset(fixture_copy))[1]
    assert block["copyright"].startswith("Kilder: ")
