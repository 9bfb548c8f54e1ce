"""Drawing a chart: the Altair specification of each chart type and its SVG from vl-convert.

Imported only when evidence.html.charts finds no drawn chart in its cache, so a build whose charts
did not change never loads Altair or the Vega runtime. Every change to this file changes the
cache key (evidence.html.charts), so a chart is never read back from an older drawing code.

The title, the question, the legend, the note and the source are HTML around the chart
(evidence.html.blocks), so they wrap and scale like the page's text; the SVG holds only the bars,
their answer labels and their values.
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

# The width, in percent of the scale, of the stub drawn where a population has no figure.
STUB = 1.2

# Characters per line of an answer label, by the chart's drawn width: a label sits above its bars and
# may use the whole width.
WRAP = {"narrow": 40, "wide": 84}


def svg(kind: str, frame: pd.DataFrame, colours: dict[str, str], width: int, locale: str) -> str:
    chart = {"bar_chart": bar_chart, "trend_chart": trend_chart}[kind](frame, colours, width)
    # Vega-Lite checks the specification as it compiles it; Altair's own schema check of the same
    # specification would take a third of the drawing time.
    return _themeable(vlc.vegalite_to_svg(chart.to_dict(validate=False), format_locale=locale))


def image(kind: str, groups: list[tuple[str | None, str | None, pd.DataFrame]], colours: dict[str, str], locale: str,
          heading: list[str], lines: list[str]) -> dict:
    """A chart to download, PNG at twice the size for print and SVG: on white, with its title, what it
    measures, the source and the site's address inside the picture, so a copy keeps them. A chart of
    several questions draws each question's bars under that question, as the page does."""
    populations = list(dict.fromkeys(p for *_, frame in groups for p in frame["population_label"]))
    with_legend = len(populations) > 1
    if kind == "trend_chart":
        chart = _trend_lines(groups[0][2], colours, IMAGE_WIDTH, with_legend)
    else:
        charts = []
        for question, measure, frame in groups:
            bars = _bars(frame, colours, IMAGE_WIDTH, with_legend, populations)
            title = alt.TitleParams(wrap(question or "", 75).split("|"), subtitle=wrap(measure or "", 90).split("|"),
                                    anchor="start", fontSize=14, subtitleFontSize=12, subtitleColor="#333333", offset=8)
            charts.append(bars.properties(title=title) if question else bars)
        chart = charts[0] if len(charts) == 1 else alt.vconcat(*charts, spacing=24)
    chart = _configured(chart).properties(
        title=alt.TitleParams(text=heading, subtitle=lines, anchor="start", fontSize=17, subtitleFontSize=13,
                              subtitleColor="#333333", offset=12))
    spec = chart.to_dict(validate=False)
    spec["background"] = "white"
    spec["padding"] = 16
    return {"png": vlc.vegalite_to_png(spec, scale=2, format_locale=locale),
            "svg": vlc.vegalite_to_svg(spec, format_locale=locale).encode("utf-8")}


# Drawn for a column of 600 px: the picture is as wide as the column with its padding.
IMAGE_WIDTH = 540


def wrap(label: str, width: int) -> str:
    """Vega draws a label as several lines when given '|'-separated text via labelExpr."""
    return "|".join(textwrap.wrap(label, width, break_on_hyphens=False)) or label


def _wrap_width(width: int) -> int:
    return WRAP["wide"] if width > 400 else WRAP["narrow"]


def _option_header(option_order: list[str], spacing: int) -> dict:
    """Each answer option's label above its bars, left-aligned, on as many lines as it needs."""
    return dict(
        row=alt.Row("wrapped:N", sort=option_order, title=None,
                    header=alt.Header(labelOrient="top", labelAnchor="start", labelAlign="left", labelAngle=0,
                                      labelFontSize=14, labelColor=INK, labelExpr="split(datum.value, '|')", labelBaseline="top",
                                      labelPadding=4)),
        spacing=spacing,
    )


def bar_chart(frame: pd.DataFrame, colours: dict[str, str], width: int) -> alt.FacetChart:
    return _configured(_bars(frame, colours, width), BAR_PADDING)


def _bars(frame: pd.DataFrame, colours: dict[str, str], width: int, with_legend: bool = False,
          populations: list[str] | None = None) -> alt.FacetChart:
    """Horizontal bars on a 0–100 % scale, one panel per answer option, its label above its bars and
    each value at the end of its bar; a population without a figure gets »ikke oplyst« in its place.
    Charts drawn one under another share `populations`, so a population keeps its colour in all of them.

    `frame` needs columns option_label, population_label, value (empty where not stated), text.
    """
    shown = list(dict.fromkeys(frame["population_label"]))
    populations = populations or shown
    colour_scale = alt.Scale(domain=populations, range=[colours[p] for p in populations])
    data = frame.assign(wrapped=frame["option_label"].map(lambda label: wrap(label, _wrap_width(width))),
                        end=frame["value"].fillna(STUB), missing=frame["value"].isna())
    base = alt.Chart(data).encode(
        y=alt.Y("population_label:N", sort=shown, axis=None, title=None),
        x=alt.X("end:Q", scale=alt.Scale(domain=[0, 100]), axis=None, title=None),
    )
    # A population without a figure keeps its place and colour as a stub, so »ikke oplyst« is read as its.
    bars = base.mark_bar(height={"band": 0.8}).encode(
        color=alt.Color("population_label:N", scale=colour_scale, legend=_legend() if with_legend else None))
    values = base.transform_filter("!datum.missing").mark_text(
        align="left", dx=4, fontSize=14, fontWeight="bold", color=INK).encode(text="text:N")
    not_stated = base.transform_filter("datum.missing").mark_text(
        align="left", dx=5, fontSize=13, fontStyle="italic", color=INK).encode(text="text:N")
    return (
        alt.layer(bars, values, not_stated)
        .properties(width=width, height=alt.Step(24))
        .facet(**_option_header(list(dict.fromkeys(data["wrapped"])), 14))
        .resolve_scale(y="independent")
    )


def _legend() -> alt.Legend:
    """Drawn only in a picture to download: two columns keep it as wide as the bars."""
    return alt.Legend(orient="top", title=None, labelFontSize=13, labelLimit=0, columns=2, columnPadding=16)


# Room on the right for a value at the end of a full bar: a browser's font may be wider than Vega's guess.
BAR_PADDING = {"left": 0, "top": 0, "right": 16, "bottom": 0}


def _configured(chart, padding: dict | None = None):
    config = {"padding": padding} if padding else {}
    return chart.configure(aria=False, font=FONT, background="transparent", **config).configure_view(stroke=None)


def trend_chart(frame: pd.DataFrame, colours: dict[str, str], width: int) -> alt.FacetChart:
    return _configured(_trend_lines(frame, colours, width))


def _trend_lines(frame: pd.DataFrame, colours: dict[str, str], width: int, with_legend: bool = False) -> alt.FacetChart:
    """One small line chart per answer option: a line per population across the waves.

    The y axis always runs 0–100 %, as on the bar charts, so a small change looks small.
    `frame` needs columns wave, option_label, population_label, value, text.
    """
    populations = list(dict.fromkeys(frame["population_label"]))
    waves = sorted(frame["wave"].unique())
    colour_scale = alt.Scale(domain=populations, range=[colours[p] for p in populations])
    data = frame.assign(wrapped=frame["option_label"].map(lambda label: wrap(label, _wrap_width(width))),
                        above=frame["value"] == frame.groupby(["option_label", "wave"])["value"].transform("max"))
    base = alt.Chart(data).encode(
        x=alt.X("wave:O", sort=waves, title=None,
                axis=alt.Axis(labelAngle=0, labelFontSize=14, labelColor=INK, domainColor=INK, tickColor=INK)),
        y=alt.Y("value:Q", scale=alt.Scale(domain=[0, 100]), title=None,
                axis=alt.Axis(values=[0, 50, 100], labelExpr="datum.value + ' %'", labelFontSize=12,
                              labelColor=INK, domain=False, ticks=False, gridColor="#8a8a8a", gridOpacity=0.4)),
        color=alt.Color("population_label:N", scale=colour_scale, legend=_legend() if with_legend else None),
    )
    lines = base.mark_line(strokeWidth=2.5, point=alt.OverlayMarkDef(size=70, filled=True))
    # Values in the text colour (a coloured label would miss 4.5:1): the highest value of a wave above its
    # point, the others below theirs, so two close lines do not print their values on top of each other.
    text = alt.Text("text:N")
    above = base.transform_filter("datum.above").mark_text(dy=-13, fontSize=13, color=INK).encode(
        text=text, color=alt.value(INK))
    below = base.transform_filter("!datum.above").mark_text(dy=15, fontSize=13, color=INK).encode(
        text=text, color=alt.value(INK))
    return (
        alt.layer(lines, above, below)
        .properties(width=width - 40, height=140)
        .facet(**_option_header(list(dict.fromkeys(data["wrapped"])), 16))
    )


def _themeable(svg: str) -> str:
    svg = svg.replace(INK, "currentColor").replace(INK.upper(), "currentColor")
    svg = re.sub(r"<svg ", '<svg aria-hidden="true" focusable="false" ', svg, count=1)
    return svg
