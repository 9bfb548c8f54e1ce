"""Survey figures as static, accessible charts: inline SVG rendered at build time.

Vega renders the SVG once at build time (vl-convert), so readers download no chart
JavaScript and no third party sees them. Vega's own ARIA labels are English, so they
are switched off and the figure carries a Danish text alternative and the same
numbers as a table instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from importlib.metadata import version
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from evidence import cache_entries
from evidence.html import fonts
from evidence.html.templates import render

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


def chart_image(kind: str, groups: list[tuple[str | None, str | None, pd.DataFrame]], colours: dict[str, str],
                heading: list[str], lines: list[str]) -> dict[str, bytes]:
    """A chart as PNG and SVG files to download, from the cache when nothing that decides them changed.
    `groups` are the chart's questions with what each measures (None where the title is the question) and
    the rows drawn for each."""
    key = json.dumps([*_DRAWING_CODE, "image", kind,
                      [(question, measure, frame.to_json(orient="split")) for question, measure, frame in groups],
                      sorted(colours.items()), heading, lines])
    digest = hashlib.sha256(key.encode()).hexdigest()
    cached = {ext: CACHE_DIR / f"{digest}.image.{ext}" for ext in ("png", "svg")}
    stored = {ext: cache_entries.read_bytes(path) for ext, path in cached.items()}
    if all(data is not None for data in stored.values()):
        return stored
    from evidence.html import chart_drawing

    files = chart_drawing.image(kind, groups, colours, LOCALE, heading, lines)
    for ext, path in cached.items():
        cache_entries.write_bytes(path, files[ext])
    return files


def downloads(csv_href: str) -> str:
    """The chart's downloads, all named as its CSV: the numbers for a spreadsheet and for a program, and the
    chart as a picture."""
    stem = csv_href.removesuffix(".csv")
    return render("chart_downloads.html", csv=csv_href, xlsx=f"{stem}.xlsx", png=f"{stem}.png", svg=f"{stem}.svg")


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
    return render("chart_legend.html", items=[(p, colours[p]) for p in populations])


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
    bodies = []
    for heading, frame in groups:
        lookup = {(r.option_label, r.population_label): r.text for r in frame.itertuples()}
        rows = [(option, [lookup.get((option, p), NOT_STATED) for p in populations])
                for option in dict.fromkeys(frame["option_label"])]
        bodies.append({"heading": heading, "rows": rows})
    return render("chart_table.html", caption=caption, head=["Svar", *populations], bodies=bodies)


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
    rows = [(option, [population, *(lookup.get((option, population, w), "–") for w in waves)])
            for option, population in pairs]
    return render("chart_table.html", caption=caption, head=["Svar", "Population", *waves],
                  bodies=[{"heading": None, "rows": rows}])


def scroll_box(table: str, label: str) -> str:
    """A table in a box of its own that scrolls sideways, so a wide table never widens the page on a
    phone (WCAG 1.4.10); the box can be reached and scrolled with the keyboard and is named for a screen reader.
    `table` is markup this package made."""
    return render("scroll_box.html", table=Markup(table), label=label)
