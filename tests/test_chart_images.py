"""»Hent diagrammet«: every chart – a question's, the cross-area summary, a theme's, a proposal's, a trend – as
PNG (twice the size, for print) and SVG, with its title, what it measures, the source and the address of its
page inside the picture, linked from the chart beside its numbers, under the name of its CSV."""

from __future__ import annotations

import re
import struct
from html import unescape

import pytest

from evidence.pages.chart_downloads import chart_images, every_chart
from tests.conftest import page

SITE = "https://example.org/sti/"
LOCAL_SITE = "http://127.0.0.1:8000/"
KINDS = {"question": r"/tal/\d+/[^/]+-(omraade|anciennitet|alle)\.csv$", "summary": r"opsummering-paa-tvaers\.csv$",
         "theme": r"/tema-[^/]+\.csv$", "proposal": r"/forslag-[^/]+\.csv$", "trend": r"(-udvikling|/spoergsmaal/.*)\.csv$"}


@pytest.fixture(scope="module")
def images(fixture_dataset, tmp_path_factory):
    cache = tmp_path_factory.mktemp("chart-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("evidence.html.charts.CACHE_DIR", cache)
        yield chart_images(fixture_dataset, SITE), cache


def svg_text(data: bytes) -> str:
    """The picture's text, its lines joined as one text, so a wrapped title reads as written."""
    return " ".join(unescape(" ".join(re.findall(r">([^<]+)<", data.decode()))).split())


def test_every_chart_kind_has_a_png_and_an_svg(fixture_dataset, images):
    files, _ = images
    charts = [chart for chart in every_chart(fixture_dataset) if not chart.frame.empty]
    for kind, pattern in KINDS.items():
        assert any(re.search(pattern, chart.csv_path) for chart in charts), f"the fixture shows no {kind} chart"
    assert set(files) == {chart.csv_path.removesuffix(".csv") + ext for chart in charts for ext in (".png", ".svg")}


def test_each_picture_carries_title_measure_source_and_address(fixture_dataset, images):
    files, _ = images
    for chart in every_chart(fixture_dataset):
        if chart.frame.empty:
            continue
        text = svg_text(files[chart.csv_path.removesuffix(".csv") + ".svg"])
        assert f"{SITE}{chart.page}" in text, chart.csv_path
        assert chart.title in text and chart.measure in text
        for wave_id in set(chart.frame["wave"]):
            citation = fixture_dataset.publications[fixture_dataset.waves[wave_id].meta["publication"]]["citation"]
            assert citation in text, (chart.csv_path, citation)
        assert "Kilde:" in text
        for value in chart.frame["text"]:
            assert value in text, (chart.csv_path, value)  # Danish number format: »45 %«, »12,5 %«


def test_the_png_is_twice_the_svg(fixture_dataset, images):
    files, _ = images
    for path, data in files.items():
        if path.endswith(".png"):
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width = struct.unpack(">I", data[16:20])[0]
            svg_width = float(re.search(rb'<svg[^>]* width="([\d.]+)"', files[path.removesuffix(".png") + ".svg"]).group(1))
            assert width == round(2 * svg_width), path
            assert width >= 1100  # readable at a column of 600 px, printed at twice that


def test_an_unchanged_chart_is_read_from_the_cache(fixture_dataset, images, monkeypatch):
    first, cache = images
    monkeypatch.setattr("evidence.html.charts.CACHE_DIR", cache)
    drawn = {p: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert chart_images(fixture_dataset, SITE) == first
    assert {p: p.stat().st_mtime_ns for p in cache.iterdir()} == drawn


def test_every_chart_on_the_site_links_its_numbers_and_its_picture(fixture_site):
    figures = 0
    for html_file in sorted(fixture_site.rglob("index.html")):
        markup = html_file.read_text(encoding="utf-8")
        for figure in re.findall(r'<figure class="ev-figure.*?</figure>', markup, flags=re.S):
            figures += 1
            links = re.findall(r'href="([^"]+)" download', figure)
            csv = [link for link in links if link.endswith(".csv")]
            assert len(csv) == 1, html_file
            stem = csv[0].removesuffix(".csv")
            assert sorted(links) == sorted(f"{stem}.{ext}" for ext in ("csv", "png", "svg", "xlsx")), html_file
            for link in links:
                # The print version links by the site's full address (mkdocs.yml's local default in a test build).
                local = fixture_site / link.removeprefix(LOCAL_SITE) if link.startswith(LOCAL_SITE) else html_file.parent / link
                assert local.resolve().is_file(), (html_file, link)
    assert figures > 10


def test_the_chart_says_what_its_downloads_are(fixture_site, fixture_dataset):
    wave_id, wave = next(iter(fixture_dataset.waves.items()))
    markup = page(fixture_site, f"tal/{wave_id}/{next(iter(wave.questions))}/")
    assert re.search(r">Excel-fil</a> eller <a [^>]+>CSV</a> · Hent diagrammet som <a [^>]+>billede \(PNG\)</a>", markup)
