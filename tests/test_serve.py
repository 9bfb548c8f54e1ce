"""`make serve`: an edit in data/ reaches the served page, and a mistake is still named exactly.

The data are read again on every rebuild, but only edited files are parsed and checked again (in
memory under serve, and from .cache/checks/ in the next `make build` or `make validate`), so these
tests make sure that what was kept from before never hides a new mistake.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT, build_env, edit, line_of, problems

from evidence.dataset import load_dataset

TESTIMONIES = "data/quotes/ds-2020/testimonies.yml"


def test_a_mistake_saved_into_a_file_read_before_is_named_with_file_line_and_field(project):
    load_dataset(project)
    edit(project, TESTIMONIES, "  kind: testimony\n", "  kind: testimoni\n")
    line = line_of(project, TESTIMONIES, "kind: testimoni")
    assert f"{TESTIMONIES}, linje {line} (id 'ds2020-t001'), felt '[1].kind': fandt 'testimoni'" in "\n".join(
        problems(project))
    edit(project, TESTIMONIES, "  kind: testimoni\n", "  kind: testimony\n")
    load_dataset(project)


def test_a_mistake_stays_reported_until_it_is_fixed(project):
    edit(project, TESTIMONIES, "    order: 1\n", "    order: 0\n")
    first = problems(project)
    assert first == problems(project), "an unchanged invalid file must be refused every time"
    assert any("felt '[1].locator.order'" in p for p in first)


def test_a_mistake_kept_from_before_is_named_where_it_is_now(project):
    text = (project / TESTIMONIES).read_text(encoding="utf-8")
    second = text.index("- id: ds2020-t002\n")
    edit(project, TESTIMONIES, text[second:], text[second:].replace("    order: 2\n", "    order: 0\n", 1))
    assert any("felt '[2].locator.order'" in p for p in problems(project))
    edit(project, TESTIMONIES, text[text.index("- id: ds2020-t001\n"):second], "")  # the item before it is deleted
    line = line_of(project, TESTIMONIES, "order: 0")
    assert any(f"{TESTIMONIES}, linje {line} (id 'ds2020-t002'), felt '[1].locator.order'" in p for p in problems(project))


def test_an_unknown_theme_in_an_edited_file_is_found_by_the_checks_across_files(project):
    load_dataset(project)
    text = (project / TESTIMONIES).read_text(encoding="utf-8")
    start = text.index("  themes: [")
    edit(project, TESTIMONIES, text[start:text.index("]", start) + 1], "  themes: [ukendt-tema]")
    assert any(f"{TESTIMONIES}, linje" in p and "felt 'themes[1]': fandt 'ukendt-tema'" in p for p in problems(project))


def test_a_failed_search_index_under_serve_is_reported_in_the_log(monkeypatch, caplog, tmp_path):
    spec = importlib.util.spec_from_file_location("serve_hooks", ROOT / "macros" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    def broken(*args, **kwargs):
        raise RuntimeError("Pagefind kunne ikke bygge soegeindeks: disken er fuld")

    monkeypatch.setattr(hooks, "write_indexes", broken)
    hooks.on_startup(command="serve", dirty=False)
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
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


def article(html: str, item_id: str) -> str:
    start = html.find(f'id="{item_id}"')
    return html[start:html.find("</article>", start)] if start >= 0 else ""


def test_serve_shows_an_edit_once_and_names_a_mistake_in_its_log(project, tmp_path):
    charts = ROOT / ".cache" / "charts"
    if charts.is_dir():  # the charts drawn before, so the first build does not draw them all again
        shutil.copytree(charts, project / ".cache" / "charts")
    item = yaml.safe_load((project / TESTIMONIES).read_text(encoding="utf-8"))[0]
    themes = [t["id"] for t in yaml.safe_load((project / "data/themes.yml").read_text(encoding="utf-8"))]
    new_theme = next(t for t in themes if t not in item["themes"])
    port = free_port()
    base = f"http://127.0.0.1:{port}/socialraadgivere/"
    page = base + "citater/ds-2020/fortaellinger/1/"
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
            time.sleep(2)  # a rebuild caused by the build's own pages would have started by now
            assert log.read_text(encoding="utf-8").count("Detected file changes") == rebuilds + 1

            # Two saves in quick succession: the page ends up showing the last.
            first, last = [t for t in themes if t != new_theme][:2]
            edit(project, TESTIMONIES, f"  themes: [{new_theme}]", f"  themes: [{first}]")
            time.sleep(0.1)
            edit(project, TESTIMONIES, f"  themes: [{first}]", f"  themes: [{last}]")
            wait_for(lambda: f"temaer/{last}/" in article(fetch(page) or "", item["id"]), "the last save on the page")
            time.sleep(3)  # every rebuild the saves caused has finished
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


def test_checks_stored_by_an_earlier_run_still_name_every_mistake(project):
    """`make build` and `make validate` keep each file's check in .cache/checks/ for the next run."""

    def validate() -> str:
        result = subprocess.run([sys.executable, "-m", "scripts.validate"], cwd=project, env=build_env(),
                                capture_output=True, text=True)
        return result.stdout + result.stderr

    edit(project, TESTIMONIES, "    order: 1\n", "    order: 0\n")
    first = validate()
    assert "felt '[1].locator.order'" in first
    assert len(list((project / ".cache" / "checks").glob("*.pickle"))) == 1, "the checks were not stored"
    assert validate() == first, "a stored invalid file must be refused every time"
    edit(project, TESTIMONIES, "  kind: testimony\n", "  kind: testimoni\n")
    line = line_of(project, TESTIMONIES, "kind: testimoni")
    assert f"{TESTIMONIES}, linje {line} (id 'ds2020-t001'), felt '[1].kind': fandt 'testimoni'" in validate()
