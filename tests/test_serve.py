"""`make serve`: an edit in data/ reaches the served page, and a mistake is still named exactly.

Under serve the data are loaded again after every edit, in the same process as before, so these tests
make sure that nothing kept from an earlier load hides a new mistake or names it at its old place.
They run on a copy of the project with the fixture dataset (tests/fixtures/site/data).
"""

from __future__ import annotations

import importlib.util
import logging
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import build_env, copy_built, edit, line_of, problems

from evidence.load.dataset import load_dataset
from evidence.model import quotes

TESTIMONIES = "data/quotes/test-haefte-2032/testimonies.yml"


def booklet_items(project) -> list[dict]:
    return yaml.safe_load((project / TESTIMONIES).read_text(encoding="utf-8"))


def test_a_mistake_saved_into_a_file_read_before_is_named_with_file_line_and_field(fixture_copy):
    project = fixture_copy
    load_dataset(project)
    first = booklet_items(project)[0]
    edit(project, TESTIMONIES, "  kind: testimony\n", "  kind: testimoni\n")
    line = line_of(project, TESTIMONIES, "kind: testimoni")
    assert f"{TESTIMONIES}, linje {line} (id '{first['id']}'), felt '[1].kind': fandt 'testimoni'" in "\n".join(
        problems(project))
    edit(project, TESTIMONIES, "  kind: testimoni\n", "  kind: testimony\n")
    load_dataset(project)


def test_a_mistake_stays_reported_until_it_is_fixed(fixture_copy):
    edit(fixture_copy, TESTIMONIES, "order: 1,", "order: 0,")
    first = problems(fixture_copy)
    assert first == problems(fixture_copy), "an unchanged invalid file must be refused every time"
    assert any("felt '[1].locator.order'" in p for p in first)


def test_a_mistake_kept_from_before_is_named_where_it_is_now(fixture_copy):
    project = fixture_copy
    first, second = (item["id"] for item in booklet_items(project)[:2])
    text = (project / TESTIMONIES).read_text(encoding="utf-8")
    start = text.index(f"- id: {second}\n")
    edit(project, TESTIMONIES, text[start:], text[start:].replace("order: 2,", "order: 0,", 1))
    assert any("felt '[2].locator.order'" in p for p in problems(project))
    edit(project, TESTIMONIES, text[text.index(f"- id: {first}\n"):start], "")  # the item before it is deleted
    line = line_of(project, TESTIMONIES, "order: 0,")
    assert any(f"{TESTIMONIES}, linje {line} (id '{second}'), felt '[1].locator.order'" in p for p in problems(project))


def test_an_unknown_theme_in_an_edited_file_is_found_by_the_checks_across_files(fixture_copy):
    project = fixture_copy
    load_dataset(project)
    text = (project / TESTIMONIES).read_text(encoding="utf-8")
    start = text.index("  themes: [")
    edit(project, TESTIMONIES, text[start:text.index("]", start) + 1], "  themes: [ukendt-tema]")
    assert any(f"{TESTIMONIES}, linje" in p and "themes[1]': fandt 'ukendt-tema'" in p for p in problems(project))


def test_a_failed_search_index_under_serve_is_reported_in_the_log(fixture_copy, monkeypatch, caplog, tmp_path):
    spec = importlib.util.spec_from_file_location("serve_hooks", fixture_copy / "macros" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    def broken(*args, **kwargs):
        raise RuntimeError("Pagefind kunne ikke bygge soegeindeks: disken er fuld")

    monkeypatch.setattr(hooks.build, "publish", broken)
    hooks.on_startup(command="serve", dirty=False)
    config = SimpleNamespace(config_file_path=str(fixture_copy / "mkdocs.yml"), site_dir=str(tmp_path))
    with caplog.at_level(logging.ERROR):
        hooks.on_post_build(config)
        hooks.on_shutdown()
    assert "Pagefind kunne ikke bygge soegeindeks: disken er fuld" in caplog.text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(probe, what: str, timeout: float = 120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


def idle(log: Path, rebuilds: int = 1) -> bool:
    """The server has finished every rebuild it detected, and has detected at least `rebuilds`."""
    text = log.read_text(encoding="utf-8")
    detected = text.count("Detected file changes")
    return detected >= rebuilds and text.count("Reloading browsers") >= detected


def article(html: str, item_id: str) -> str:
    start = html.find(f'id="{item_id}"')
    return html[start:html.find("</article>", start)] if start >= 0 else ""


def test_serve_shows_an_edit_once_and_names_a_mistake_in_its_log(fixture_project, fixture_site, tmp_path):
    project = copy_built(fixture_project, tmp_path / "project")  # with the charts drawn for the fixture site
    item = booklet_items(project)[0]
    themes = [t["id"] for t in yaml.safe_load((project / "data/themes.yml").read_text(encoding="utf-8"))]
    new_theme = next(t for t in themes if t not in item["themes"])
    port = free_port()
    base = f"http://127.0.0.1:{port}/"  # mkdocs.yml: SITE_URL unset, the local default
    dataset = load_dataset(project)
    page = base + quotes.canonical_page(dataset.quotes[item["id"]], dataset)
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                   "--livereload"], cwd=project, env=build_env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: fetch(page), "the first build")
            wait_for(lambda: fetch(base + "soegeindeks/pagefind.js"), "the search index")
            rebuilds = log.read_text(encoding="utf-8").count("Detected file changes")
            quote_index = fetch(base + "citatindeks/pagefind-entry.json")

            text = (project / TESTIMONIES).read_text(encoding="utf-8")
            start = text.index("  themes: [")
            edit(project, TESTIMONIES, text[start:text.index("]", start) + 1], f"  themes: [{new_theme}]")
            wait_for(lambda: f"temaer/{new_theme}/" in article(fetch(page) or "", item["id"]),
                     "the edited theme on the page")
            for index in ("soegeindeks", "citatindeks"):  # the last indexes answer while the new ones are built
                assert fetch(base + f"{index}/pagefind.js") is not None, f"{index} missing right after the rebuild"
            wait_for(lambda: fetch(base + "citatindeks/pagefind-entry.json") not in (None, quote_index),
                     "the quote index of the edited data")
            # A rebuild caused by the build's own pages would be queued before a later edit's: after one more
            # edit, exactly two rebuilds have run.
            wait_for(lambda: idle(log), "the rebuild to finish")
            (project / TESTIMONIES).write_text((project / TESTIMONIES).read_text(encoding="utf-8") + "\n",
                                               encoding="utf-8")
            wait_for(lambda: idle(log, rebuilds + 2), "the rebuild after one more edit")
            assert log.read_text(encoding="utf-8").count("Detected file changes") == rebuilds + 2

            # Two saves in quick succession: the page ends up showing the last.
            first, last = [t for t in themes if t != new_theme][:2]
            edit(project, TESTIMONIES, f"  themes: [{new_theme}]", f"  themes: [{first}]")
            time.sleep(0.1)
            edit(project, TESTIMONIES, f"  themes: [{first}]", f"  themes: [{last}]")
            wait_for(lambda: f"temaer/{last}/" in article(fetch(page) or "", item["id"]), "the last save on the page")
            wait_for(lambda: idle(log), "every rebuild the saves caused to finish")
            assert f"temaer/{first}/" not in article(fetch(page) or "", item["id"])
            assert f"temaer/{last}/" in article(fetch(page) or "", item["id"])

            edit(project, TESTIMONIES, "  kind: testimony\n", "  kind: testimoni\n")
            line = line_of(project, TESTIMONIES, "kind: testimoni")
            wait_for(lambda: f"{TESTIMONIES}, linje {line} (id '{item['id']}'), felt '[1].kind'"
                     in log.read_text(encoding="utf-8"), "the mistake in the serve log")
        finally:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: the server stops cleanly and removes its site folder
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    assert "Traceback" not in log.read_text(encoding="utf-8")
