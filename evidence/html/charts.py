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
import threading
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from evidence import cache_entries
from evidence.html import fonts

# Drawn charts, kept between builds (git-ignored): drawing is most of a build's own cost. A chart
# is named by everything that decides its SVG – the rows, the colours, the drawing code, the
# Altair and vl-convert versions and the fonts – so an unchanged chart is read back instead of drawn
# again; its content is checked on every read (evidence/cache_entries.py).
CACHE_DIR = Path(os.environ.get("EVIDENCE_CHART_CACHE", Path(__file__).resolve().parents[2] / ".cache" / "charts"))


LOCALE = "da-DK"


_DRAWING_CODE = [hashlib.sha256((Path(__file__).parent / "chart_drawing.py").read_bytes()).hexdigest(),
                 version("altair"), version("vl-convert-python"), fonts.fingerprint(), LOCALE]




# Each chart is drawn twice, for a phone's column and for a wide one; the page shows the one that fits
# its column (site.css), so bars use the column's whole width and the text keeps its size on both.
WIDTHS = {"narrow": 300, "wide": 640}

# What a chart and its table say where the source states no figure for a population.
NOT_STATED = "ikke oplyst"


def bar_chart_svg(frame: pd.DataFrame, colours: dict[str, str]) -> str:
    return _both_widths("bar_chart", frame, colours)


def trend_chart_svg(frame: pd.DataFrame, colours: dict[str, str]) -> str:
    return _both_widths("trend_chart", frame, colours)


def _both_widths(kind: str, frame: pd.DataFrame, colours: dict[str, str]) -> str:
    return "".join(_drawn_once(kind, frame, colours, width).replace('class="marks"', f'class="marks ev-chart__{size}"', 1)
                   for size, width in WIDTHS.items())


def chart_image(frame: pd.DataFrame, colours: dict[str, str], heading: list[str], lines: list[str]) -> dict[str, bytes]:
    """The bar chart as PNG and SVG files to download, from the cache when nothing that decides them changed."""
    key = json.dumps([*_DRAWING_CODE, "image", frame.to_json(orient="split"), sorted(colours.items()), heading, lines])
    digest = hashlib.sha256(key.encode()).hexdigest()
    cached = {ext: CACHE_DIR / f"{digest}.image.{ext}" for ext in ("png", "svg")}
    if all(path.is_file() for path in cached.values()):
        return {ext: path.read_bytes() for ext, path in cached.items()}
    from evidence.html import chart_drawing

    files = chart_drawing.image(frame, colours, LOCALE, heading, lines)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for ext, path in cached.items():
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(files[ext])
        partial.replace(path)
    return files


def with_not_stated(frame: pd.DataFrame) -> pd.DataFrame:
    """Every answer option with every population the chart shows: a figure the source does not state
    becomes a row without value whose text is »ikke oplyst«, so a missing bar is never read as 0 %."""
    options = list(dict.fromkeys(frame["option_label"]))
    populations = list(dict.fromkeys(frame["population_label"]))
    full = pd.MultiIndex.from_product([options, populations], names=["option_label", "population_label"])
    completed = frame.set_index(["option_label", "population_label"]).reindex(full).reset_index()
    completed["text"] = completed["text"].fillna(NOT_STATED)
    return completed


def legend(populations: list[str], colours: dict[str, str]) -> str:
    """The populations and their colours above the bars, as text that wraps like the page's own."""
    if len(populations) < 2:
        return ""
    items = "".join(f'<li><span class="ev-legend__key" style="background:{colours[p]}"></span>{html.escape(p)}</li>'
                    for p in populations)
    return f'<ul class="ev-legend" aria-label="Farverne i diagrammet">{items}</ul>'


def start_engine_if_first_build() -> None:
    """On a machine that has drawn no chart yet, start the Vega engine now, in the background: its
    start-up takes half a second, which it then spends beside the data checks, not before the
    first chart. (vl-convert lets other threads run while it starts.)"""
    if not any(CACHE_DIR.glob("*.svg")):
        threading.Thread(target=_start_engine, name="vega-engine", daemon=True).start()


def _start_engine() -> None:
    import vl_convert

    vl_convert.vegalite_to_svg({"mark": "point"})


def _drawn_once(kind: str, frame: pd.DataFrame, colours: dict[str, str], width: int) -> str:
    """The chart's SVG from the cache, or drawn (Altair → Vega-Lite → vl-convert) and stored."""
    key = json.dumps([*_DRAWING_CODE, kind, width, frame.to_json(orient="split"), sorted(colours.items())])
    cached = CACHE_DIR / f"{hashlib.sha256(key.encode()).hexdigest()}.svg"
    if (stored := cache_entries.read_bytes(cached)) is not None:
        return stored.decode("utf-8")
    from evidence.html import chart_drawing

    svg = chart_drawing.svg(kind, frame, colours, width, LOCALE)
    cache_entries.write_bytes(cached, svg.encode("utf-8"))
    return svg


def text_alternative(title: str, frame: pd.DataFrame) -> str:
    """A Danish sentence per population, in the order the chart shows."""
    parts = []
    for population, rows in frame.groupby("population_label", sort=False):
        values = "; ".join(f"{row.option_label}: {row.text}" for row in rows.itertuples())
        parts.append(f"{population} – {values}.")
    return f"Søjlediagram: {sentence(title)} " + " ".join(parts)


def sentence(title: str) -> str:
    """A title as a sentence: a question keeps its question mark."""
    return title if title.endswith(("?", ".", "!")) else f"{title}."


def data_table(groups: list[tuple[str | None, pd.DataFrame]], caption: str) -> str:
    """The plotted numbers as a table: options down, populations across; in a chart of several questions,
    each question heads its own group of rows, as in the chart."""
    populations = list(dict.fromkeys(p for _, frame in groups for p in frame["population_label"]))
    head = "".join(f'<th scope="col">{html.escape(p)}</th>' for p in populations)
    bodies = []
    for heading, frame in groups:
        lookup = {(r.option_label, r.population_label): r.text for r in frame.itertuples()}
        rows = "".join(
            f'<tr><th scope="row">{html.escape(option)}</th>'
            + "".join(f"<td>{lookup.get((option, p), NOT_STATED)}</td>" for p in populations)
            + "</tr>"
            for option in dict.fromkeys(frame["option_label"])
        )
        if heading:
            rows = f'<tr><th scope="rowgroup" colspan="{len(populations) + 1}">{html.escape(heading)}</th></tr>{rows}'
        bodies.append(f"<tbody>{rows}</tbody>")
    return scroll_box(
        f'<table class="ev-table"><caption>{html.escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Svar</th>{head}</tr></thead>{"".join(bodies)}</table>', caption)


def trend_text_alternative(title: str, frame: pd.DataFrame) -> str:
    """A Danish sentence per option and population, wave by wave."""
    parts = []
    for (option, population), rows in frame.groupby(["option_label", "population_label"], sort=False):
        values = ", ".join(f"{row.wave}: {row.text}" for row in rows.itertuples())
        parts.append(f"{option}, {population} – {values}.")
    return f"Linjediagram: {sentence(title)} " + " ".join(parts)


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
    return scroll_box(
        f'<table class="ev-table"><caption>{html.escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Svar</th><th scope="col">Population</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>", caption)


def scroll_box(table: str, label: str) -> str:
    """A table in a box of its own that scrolls sideways, so a wide table never widens the page on a
    phone (WCAG 1.4.10); the box can be reached and scrolled with the keyboard and is named for a screen reader."""
    return f'<div class="ev-scroll" tabindex="0" role="region" aria-label="{html.escape(label, quote=True)}">{table}</div>'
