"""Drawing a chart: the Altair specification of each chart type and its SVG from vl-convert.

Imported only when evidence.html.charts finds no drawn chart in its cache, so a build whose charts
did not change never loads Altair or the Vega runtime. Every change to this file changes the
cache key (evidence.html.charts), so a chart is never read back from an older drawing code.
"""

from __future__ import annotations

import re
import textwrap

import altair as alt
import pandas as pd
import vl_convert as vlc

# Text drawn in this colour becomes `currentColor`, so labels follow the page palette.
INK = "#010101"


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def svg(kind: str, frame: pd.DataFrame, colours: dict[str, str], locale: str) -> str:
    chart = {"bar_chart": bar_chart, "trend_chart": trend_chart}[kind](frame, colours)
    # Vega-Lite checks the specification as it compiles it; Altair's own schema check of the same
    # specification would take a third of the drawing time.
    return _themeable(vlc.vegalite_to_svg(chart.to_dict(validate=False), format_locale=locale))


def wrap(label: str, width: int = 40) -> str:
    """Vega draws a label as several lines when given '|'-separated text via labelExpr."""
    return "|".join(textwrap.wrap(label, width, break_on_hyphens=False)) or label


def population_colour(populations: list[str], scale: alt.Scale) -> alt.Color:
    """Each population in its own colour; a legend only when there is more than one."""
    legend = alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=400)
    return alt.Color("population_label:N", scale=scale, legend=legend if len(populations) > 1 else None)


def bar_chart(frame: pd.DataFrame, colours: dict[str, str]) -> alt.FacetChart:
    """Horizontal bars, one panel per answer option, label above its bars.

    Labels sit above the bars rather than beside them so the whole width is left for
    the bars and the text stays legible on a 360 px phone.
    `frame` needs columns option_label, population_label, value, text.
    """
    populations = list(dict.fromkeys(frame["population_label"]))
    colour_scale = alt.Scale(domain=populations, range=[colours[p] for p in populations])
    data = frame.assign(wrapped=frame["option_label"].map(wrap))
    base = alt.Chart(data).encode(
        y=alt.Y("population_label:N", sort=populations, axis=None, title=None),
        x=alt.X("value:Q", scale=alt.Scale(domain=[0, 100]), axis=None, title=None),
    )
    bars = base.mark_bar(height={"band": 0.8}).encode(color=population_colour(populations, colour_scale))
    labels = base.mark_text(align="left", dx=4, fontSize=14, color=INK).encode(text="text:N")
    option_order = list(dict.fromkeys(data["wrapped"]))
    return (
        alt.layer(bars, labels)
        .properties(width=300, height=alt.Step(22))
        .facet(
            row=alt.Row(
                "wrapped:N",
                sort=option_order,
                title=None,
                header=alt.Header(
                    labelOrient="top",
                    labelAnchor="start",
                    labelAlign="left",
                    labelAngle=0,
                    labelFontSize=14,
                    labelColor=INK,
                    labelExpr="split(datum.value, '|')",
                    labelPadding=4,
                ),
            ),
            spacing=12,
        )
        .resolve_scale(y="independent")
        .configure(aria=False, font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_legend(labelFontSize=14, labelColor=INK, symbolType="square")
    )


def trend_chart(frame: pd.DataFrame, colours: dict[str, str]) -> alt.FacetChart:
    """One small line chart per answer option: a line per population across the waves.

    The y axis always runs 0–100 %, as on the bar charts, so a small change looks small.
    `frame` needs columns wave, option_label, population_label, value, text.
    """
    populations = list(dict.fromkeys(frame["population_label"]))
    waves = sorted(frame["wave"].unique())
    colour_scale = alt.Scale(domain=populations, range=[colours[p] for p in populations])
    data = frame.assign(wrapped=frame["option_label"].map(wrap))
    base = alt.Chart(data).encode(
        x=alt.X("wave:O", sort=waves, title=None,
                axis=alt.Axis(labelAngle=0, labelFontSize=14, labelColor=INK, domainColor=INK, tickColor=INK)),
        y=alt.Y("value:Q", scale=alt.Scale(domain=[0, 100]), title=None,
                axis=alt.Axis(values=[0, 50, 100], labelExpr="datum.value + ' %'", labelFontSize=12,
                              labelColor=INK, domain=False, ticks=False, gridColor="#8a8a8a", gridOpacity=0.4)),
        color=population_colour(populations, colour_scale),
    )
    lines = base.mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(size=70, filled=True))
    labels = base.mark_text(dy=-12, fontSize=13, color=INK).encode(text="text:N")
    option_order = list(dict.fromkeys(data["wrapped"]))
    return (
        alt.layer(lines, labels)
        .properties(width=300, height=140)
        .facet(
            row=alt.Row(
                "wrapped:N",
                sort=option_order,
                title=None,
                header=alt.Header(labelOrient="top", labelAnchor="start", labelAlign="left", labelAngle=0,
                                  labelFontSize=14, labelColor=INK, labelExpr="split(datum.value, '|')",
                                  labelPadding=4),
            ),
            spacing=16,
        )
        .configure(aria=False, font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_legend(labelFontSize=14, labelColor=INK, symbolType="stroke", symbolStrokeWidth=3)
    )


def _themeable(svg: str) -> str:
    svg = svg.replace(INK, "currentColor").replace(INK.upper(), "currentColor")
    svg = re.sub(r"<svg ", '<svg aria-hidden="true" focusable="false" ', svg, count=1)
    return svg
