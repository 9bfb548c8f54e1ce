"""Open Graph card images, drawn at build time from the page title with no network access.

Vega draws the text and vl-convert renders it to PNG, the same toolchain as the charts,
so no browser, font download or third-party service is involved.
"""

from __future__ import annotations

import hashlib
import textwrap

import vl_convert as vlc

from evidence.model.dataset import Dataset
from evidence.model.publications import label, newest_first
from evidence.model.wording import join_and, number_word

WIDTH, HEIGHT = 1200, 630


BACKGROUND = "#12506b"


SITE = "Socialrådgivernes arbejdsvilkår"


# Longer footers are cut to a count: the footer is one line of the card.
FOOTER_WIDTH = 80


def footer(dataset: Dataset) -> str:
    """The publications the site's figures and quotes come from, by their labels, newest first."""
    every = newest_first(dataset)
    text = f"Tal og citater fra {join_and([label(p) for p in every])}"
    return text if len(text) <= FOOTER_WIDTH else f"Tal og citater fra {number_word(len(every))} publikationer"


def card_path(title: str, description: str, footer_text: str) -> str:
    """Named by content, so an unchanged card is never drawn twice."""
    digest = hashlib.sha256(f"{title}\n{description}\n{footer_text}".encode()).hexdigest()[:16]
    return f"kort/{digest}.png"


def _text(x: int, y: int, lines: list[str], size: int, weight: str = "normal", opacity: float = 1.0) -> dict:
    return {"type": "text", "encode": {"enter": {
        "x": {"value": x}, "y": {"value": y}, "text": {"value": lines}, "fontSize": {"value": size},
        "fontWeight": {"value": weight}, "fill": {"value": "#ffffff"}, "opacity": {"value": opacity},
        "font": {"value": "DejaVu Sans, Liberation Sans, Arial, sans-serif"}, "baseline": {"value": "top"},
        "lineHeight": {"value": round(size * 1.25)},
    }}}


def card_png(title: str, description: str, footer_text: str) -> bytes:
    title_lines = textwrap.wrap(title, 26)[:3]
    description_lines = textwrap.wrap(description, 58)[:3]
    top = 150
    description_top = top + len(title_lines) * 80 + 30
    spec = {
        "$schema": "https://vega.github.io/schema/vega/v5.json",
        "width": WIDTH, "height": HEIGHT, "padding": 0, "background": BACKGROUND,
        "marks": [
            _text(80, 60, [SITE], 30, "bold", 0.9),
            _text(80, top, title_lines, 64, "bold"),
            _text(80, description_top, description_lines, 30, "normal", 0.9),
            _text(80, HEIGHT - 70, [footer_text], 22, "normal", 0.85),
        ],
    }
    return vlc.vega_to_png(spec, scale=1)
