"""Charts as a reader sees them on the real site, on a phone and on a wide screen: one drawing per chart,
across the whole column, with the legend above the bars and the source directly under the chart."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# /tal/ joins several questions in one figure; a theme hub joins the questions that bear on the theme.
PAGES = ["tal/", "temaer/ledelse/"]


@pytest.mark.parametrize("width", [360, 1280])
def test_each_chart_shows_one_drawing_across_the_column_between_legend_and_source(real_server, new_context, width):
    tab = new_context(viewport={"width": width, "height": 900}).new_page()
    for url in PAGES:
        tab.goto(real_server.at(url), wait_until="load")
        charts = tab.evaluate("""() => [...document.querySelectorAll('.ev-figure .ev-chart')].map(chart => {
            const figure = chart.closest('figure').getBoundingClientRect();
            const shown = [...chart.querySelectorAll('svg')].filter(svg => svg.getBoundingClientRect().width > 0);
            const top = el => el ? el.getBoundingClientRect().top : null;
            const f = chart.closest('figure');
            return {shown: shown.length, share: shown.length ? shown[0].getBoundingClientRect().width / figure.width : 0,
                    legend: top(f.querySelector('.ev-legend')), chart: top(chart),
                    source: top(f.querySelector('.ev-figure__source')), table: top(f.querySelector('.ev-data'))};
        })""")
        assert charts, f"/{url} shows no chart"
        for chart in charts:
            assert chart["shown"] == 1, (url, width, chart)
            assert chart["share"] > 0.95, f"/{url} at {width} px: the chart uses {chart['share']:.0%} of the column"
            if chart["legend"] is not None:
                assert chart["legend"] < chart["chart"], (url, width, "legend below the bars", chart)
            assert chart["chart"] < chart["source"] < chart["table"], (url, width, "source not under the chart", chart)
