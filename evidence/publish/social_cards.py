"""Open Graph card images, drawn at build time from the page title with no network access.

Vega draws the text and vl-convert renders it to PNG, the same toolchain as the charts, so no browser,
font download or third-party service is involved. Every page names its card in its front matter
(`image: kort/…`); the publish step reads the names from docs/, so a site built by any generator gets
them. Cards are kept in `.cache/cards/` under a name made from everything that draws them (their text, this
module's drawing code, vl-convert's version and the fonts), checked on every read
(evidence/cache_entries.py); the ones missing there are drawn in a process of their own while the site
generator renders the pages: drawing all of them takes longer than rendering the site.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import subprocess
import sys
import textwrap
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from evidence import cache_entries, urls
from evidence.html import fonts
from evidence.load.dataset_types import Dataset
from evidence.model.publications import label, newest_first
from evidence.model.wording import join_and, number_word
from evidence.pages.markdown import split_front_matter
from evidence.publish.search_index import link_or_copy

WIDTH, HEIGHT = 1200, 630


BACKGROUND = "#12506b"


# Longer footers are cut to a count: the footer is one line of the card.
FOOTER_WIDTH = 80


def footer(dataset: Dataset) -> str:
    """The publications the site's figures and quotes come from, by their labels, newest first."""
    every = newest_first(dataset)
    text = f"Tal og citater fra {join_and([label(p) for p in every])}"
    return text if len(text) <= FOOTER_WIDTH else f"Tal og citater fra {number_word(len(every))} publikationer"


def card_path(title: str, description: str, footer_text: str) -> str:
    """The card's address in the site, named by its text: a page's card keeps its address when only
    the drawing changes (the cache entry is named by the drawing too, `Card.cached`)."""
    digest = hashlib.sha256(f"{title}\n{description}\n{footer_text}".encode()).hexdigest()[:16]
    return urls.card_path(digest)


@functools.cache
def drawing_fingerprint() -> str:
    """Everything besides its text that decides a card's pixels: this module (the layout and colours),
    vl-convert, which renders it, and the fonts it draws with."""
    return hashlib.sha256("\0".join([hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
                                     version("vl-convert-python"), fonts.fingerprint()]).encode()).hexdigest()


def _text(x: int, y: int, lines: list[str], size: int, weight: str = "normal", opacity: float = 1.0) -> dict:
    return {"type": "text", "encode": {"enter": {
        "x": {"value": x}, "y": {"value": y}, "text": {"value": lines}, "fontSize": {"value": size},
        "fontWeight": {"value": weight}, "fill": {"value": "#ffffff"}, "opacity": {"value": opacity},
        "font": {"value": "DejaVu Sans, Liberation Sans, Arial, sans-serif"}, "baseline": {"value": "top"},
        "lineHeight": {"value": round(size * 1.25)},
    }}}


def fitted(text: str, sizes: list[tuple[int, int]], most: int) -> tuple[int, list[str]]:
    """The largest (characters per line, font size) at which the text fits in `most` lines, wrapped at word
    boundaries only; if none fits, the smallest size, cut after a whole word with »…«, never mid-word."""
    for width, size in sizes:
        lines = textwrap.wrap(text, width, break_long_words=False)
        if len(lines) <= most:
            return size, lines
    lines = textwrap.wrap(text, width, break_long_words=False)[:most]
    return size, lines[:-1] + [lines[-1].rstrip(" ,;:–") + " …"]


def card_png(site: str, title: str, description: str, footer_text: str) -> bytes:
    title_size, title_lines = fitted(title, [(26, 64), (34, 48), (42, 40)], 3)
    description_size, description_lines = fitted(description, [(58, 30), (70, 25)], 4 - max(0, len(title_lines) - 2))
    top = 150
    description_top = top + len(title_lines) * round(title_size * 1.25) + 30
    spec = {
        "$schema": "https://vega.github.io/schema/vega/v5.json",
        "width": WIDTH, "height": HEIGHT, "padding": 0, "background": BACKGROUND,
        "marks": [
            _text(80, 60, [site], 30, "bold", 0.9),
            _text(80, top, title_lines, title_size, "bold"),
            _text(80, description_top, description_lines, description_size, "normal", 0.9),
            _text(80, HEIGHT - 70, [footer_text], 22, "normal", 0.85),
        ],
    }
    import vl_convert as vlc  # loaded only where a card is drawn

    return vlc.vega_to_png(spec, scale=1)


@dataclass(frozen=True)
class Card:
    path: str  # in the site, as the page's front matter names it
    site: str  # the site's name (mkdocs.yml), over the title
    title: str
    description: str
    footer: str

    def cached(self, cache: Path) -> Path:
        key = "\0".join([drawing_fingerprint(), self.site, self.title, self.description, self.footer])
        return cache / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.png"


def cards_of(docs_dir: Path, site: str, footer_text: str) -> list[Card]:
    """The card of every page that names one (`image: kort/…`), generated and hand-written pages alike."""
    cards = []
    for page in sorted(docs_dir.rglob("*.md")):
        meta, _ = split_front_matter(page.read_text(encoding="utf-8"))
        image = meta.get("image")
        if isinstance(image, str) and image.startswith(urls.CARDS) and meta.get("title"):
            # Front matter holds HTML text (evidence.pages.markdown.html_text); the card draws the words.
            cards.append(Card(image, site, html.unescape(meta["title"]), html.unescape(meta.get("description", "")), footer_text))
    return cards


def start_drawing(cards: list[Card], cache: Path) -> subprocess.Popen | None:
    """Draw the cards missing from the cache in a process of its own (this module run as a program)."""
    missing = [asdict(card) for card in cards if not cache_entries.is_whole(card.cached(cache))]
    if not missing:
        return None
    drawing = subprocess.Popen([sys.executable, "-m", "evidence.publish.social_cards", str(cache)], stdin=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    drawing.stdin.write(json.dumps(missing))
    drawing.stdin.close()
    return drawing


def publish(cards: list[Card], cache: Path, site_dir: Path, drawing: subprocess.Popen | None) -> None:
    """Put every card into the built site once the drawing is done."""
    if drawing is not None and drawing.wait() != 0:
        raise RuntimeError(f"Delingsbillederne kunne ikke tegnes: {drawing.stderr.read()}")
    for card in cards:
        if not cache_entries.is_whole(card.cached(cache)):
            raise RuntimeError(f"Delingsbilledet til »{card.title}« blev ændret i {cache} under bygningen")
        target = site_dir / card.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        link_or_copy(card.cached(cache), target)


def draw(cards: list[Card], cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for card in cards:
        cache_entries.write_bytes(card.cached(cache), card_png(card.site, card.title, card.description, card.footer))


if __name__ == "__main__":
    draw([Card(**card) for card in json.loads(sys.stdin.read())], Path(sys.argv[1]))
