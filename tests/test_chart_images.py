"""»Hent diagrammet«: every question chart as PNG (twice the size, for print) and SVG, with its title,
source and the site's address inside the picture, linked from the chart, under a name made of its ids."""

from __future__ import annotations

import re
import struct

from evidence.html.blocks import figure_images
from tests.conftest import page

SITE = "https://example.org/sti/"


def test_every_question_chart_has_png_and_svg_with_source_and_address(fixture_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr("evidence.html.charts.CACHE_DIR", tmp_path)
    files = figure_images(fixture_dataset, SITE)
    wave_id, wave = next(iter(fixture_dataset.waves.items()))
    question_id, question = next(iter(wave.questions.items()))
    stems = {path.rsplit(".", 1)[0] for path in files}
    assert {f"{stem}.{ext}" for stem in stems for ext in ("png", "svg")} == set(files)
    svg = next(data for path, data in files.items() if path.startswith(f"hent-data/tal/{wave_id}/{question_id}-")
               and path.endswith(".svg")).decode()
    publication = fixture_dataset.publications[wave.meta["publication"]]
    text = " ".join(re.findall(r">([^<]+)<", svg))
    assert f"{SITE}tal/{wave_id}/{question_id}/" in text
    assert "Kilde:" in text and publication["citation"].split()[0] in text
    assert (question["wording"] or question["measure"]).split()[0] in text
    assert re.search(r"\d+ %", text)  # Danish number format: »45 %«
    png = next(data for path, data in files.items() if path.endswith(".png"))
    width = struct.unpack(">I", png[16:20])[0]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and width >= 1144  # 2× a 600 px column, less its margins


def test_an_unchanged_chart_is_read_from_the_cache(fixture_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr("evidence.html.charts.CACHE_DIR", tmp_path)
    first = figure_images(fixture_dataset, SITE)
    drawn = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert figure_images(fixture_dataset, SITE) == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == drawn


def test_the_chart_links_its_picture(fixture_site, fixture_dataset):
    wave_id, wave = next(iter(fixture_dataset.waves.items()))
    question_id = next(iter(wave.questions))
    markup = page(fixture_site, f"tal/{wave_id}/{question_id}/")
    links = re.findall(r'href="([^"]+\.(?:png|svg))" download', markup)
    assert links and {link.rsplit(".", 1)[1] for link in links} == {"png", "svg"}
    for link in links:
        assert (fixture_site / "tal" / wave_id / question_id / link).resolve().is_file()
