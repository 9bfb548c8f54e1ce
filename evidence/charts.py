"""Survey figures as static, accessible charts: inline SVG rendered at build time.

Vega renders the SVG once at build time (vl-convert), so readers download no chart
JavaScript and no third party sees them. Vega's own ARIA labels are English, so they
are switched off and the figure carries a Danish text alternative and the same
numbers as a table instead.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import textwrap
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

from evidence.formatting import percent

# Drawn charts, kept between builds (git-ignored): drawing is most of a build's own cost. A chart
# is named by everything that decides its SVG – the rows, the colours, this module's code and the
# Altair and vl-convert versions – so an unchanged chart is read back instead of drawn again.
CACHE_DIR = Path(os.environ.get("EVIDENCE_CHART_CACHE", Path(__file__).resolve().parent.parent / ".cache" / "charts"))
LOCALE = "da-DK"
_DRAWING_CODE = [hashlib.sha256(Path(__file__).read_bytes()).hexdigest(), alt.__version__, vlc.__version__, LOCALE]
# Mid-tone colours with at least 3:1 contrast on both the light and the dark palette.
PALETTE = ["#2c7bb6", "#d95f02", "#1a9850", "#7570b3", "#a6611a", "#2b8cbe", "#b84a62"]
# Text drawn in this colour becomes `currentColor`, so labels follow the page palette.
INK = "#010101"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def wrap(label: str, width: int = 40) -> str:
    """Vega draws a label as several lines when given '|'-separated text via labelExpr."""
    return "|".join(textwrap.wrap(label, width, break_on_hyphens=False)) or label


def population_colour(populations: list[str], scale: alt.Scale) -> alt.Color:
    """Each population in its own colour; a legend only when there is more than one."""
    legend = alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=400)
    return alt.Color("population_label:N", scale=scale, legend=legend if len(populations) > 1 else None)


def bar_chart_svg(frame: pd.DataFrame, colours: dict[str, str]) -> str:
    return _drawn_once(_bar_chart, frame, colours)


def trend_chart_svg(frame: pd.DataFrame, colours: dict[str, str]) -> str:
    return _drawn_once(_trend_chart, frame, colours)


def _drawn_once(chart_of, frame: pd.DataFrame, colours: dict[str, str]) -> str:
    """The chart's SVG from the cache, or drawn (Altair → Vega-Lite → vl-convert) and stored."""
    key = json.dumps([*_DRAWING_CODE, chart_of.__name__, frame.to_json(orient="split"), sorted(colours.items())])
    cached = CACHE_DIR / f"{hashlib.sha256(key.encode()).hexdigest()}.svg"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    svg = _themeable(vlc.vegalite_to_svg(chart_of(frame, colours).to_dict(), format_locale=LOCALE))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(svg, encoding="utf-8")
    partial.replace(cached)
    return svg


def _bar_chart(frame: pd.DataFrame, colours: dict[str, str]) -> alt.FacetChart:
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


def _themeable(svg: str) -> str:
    svg = svg.replace(INK, "currentColor").replace(INK.upper(), "currentColor")
    svg = re.sub(r"<svg ", '<svg aria-hidden="true" focusable="false" ', svg, count=1)
    return svg


def text_alternative(title: str, frame: pd.DataFrame) -> str:
    """A Danish sentence per population, in the order the chart shows."""
    parts = []
    for population, rows in frame.groupby("population_label", sort=False):
        values = "; ".join(f"{row.option_label}: {percent(row.value)}" for row in rows.itertuples())
        parts.append(f"{population} – {values}.")
    return f"Søjlediagram: {title}. " + " ".join(parts)


def data_table(frame: pd.DataFrame, caption: str) -> str:
    """The plotted numbers as a table: options down, populations across."""
    populations = list(dict.fromkeys(frame["population_label"]))
    options = list(dict.fromkeys(frame["option_label"]))
    lookup = {(r.option_label, r.population_label): r.text for r in frame.itertuples()}
    head = "".join(f'<th scope="col">{html.escape(p)}</th>' for p in populations)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(option)}</th>'
        + "".join(f"<td>{lookup.get((option, p), '–')}</td>" for p in populations)
        + "</tr>"
        for option in options
    )
    return (
        f'<table class="ev-table"><caption>{html.escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Svar</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _trend_chart(frame: pd.DataFrame, colours: dict[str, str]) -> alt.FacetChart:
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


def trend_text_alternative(title: str, frame: pd.DataFrame) -> str:
    """A Danish sentence per option and population, wave by wave."""
    parts = []
    for (option, population), rows in frame.groupby(["option_label", "population_label"], sort=False):
        values = ", ".join(f"{row.wave}: {row.text}" for row in rows.itertuples())
        parts.append(f"{option}, {population} – {values}.")
    return f"Linjediagram: {title}. " + " ".join(parts)


def trend_table(frame: pd.DataFrame, caption: str) -> str:
    """The plotted numbers as a table: option and population down, waves across."""
    waves = sorted(frame["wave"].unique())
    lookup = {(r.option_label, r.population_label, r.wave): r.text for r in frame.itertuples()}
    pairs = list(dict.fromkeys(zip(frame["option_label"], frame["population_label"], strict=True)))
    head = "".join(f'<th scope="col">{html.escape(w)}</th>' for w in waves)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(option)}</th><td>{html.escape(population)}</td>'
        + "".join(f"<td>{lookup.get((option, population, w), '–')}</td>" for w in waves)
        + "</tr>"
        for option, population in pairs
    )
    return (
        f'<table class="ev-table"><caption>{html.escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Svar</th><th scope="col">Population</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
