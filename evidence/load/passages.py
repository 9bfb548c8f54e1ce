"""Where a locator points in a source text, and whether the figure stands there.

A figure that merely occurs somewhere in a 700-line report proves little: 62 typed as 26 or 63 is
likely to occur too. So every survey figure and method figure must stand in the passage its
`locator` names, and a locator that names no place in the source is itself a mistake.

A locator is read as `heading[, row][; comment]` (a trailing `(comment)` is a comment too):

* `heading` is a line of the source on its own, compared without case and extra spaces, or the start
  of a heading before ` – ` or `:` (`Kapitel 2` finds `Kapitel 2 – Ledelse`). `A – B` that is not such
  a line means heading B after heading A. The passage under a heading runs to the next
  heading: a short line standing alone (at most five words, no comma, no closing punctuation).
  A heading that stands several times (a slide title on every slide) gives all its passages.
* `row` is the first line after the heading that starts with it (`R3` finds `R3: …`). In a table
  (cells separated by tabs) the passage is that row, or its cell in the column headed by the
  population's name; outside a table it is the paragraph the line starts.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from evidence.load.files import DataFile
from evidence.load.problems import Problem, nearest, shown
from evidence.load.schemas import placeholder, yaml_where

_CLOSING = tuple(".,:;!?”\"')»")
_COMMENT = re.compile(r"\s*\([^()]*\)\s*$")
_PATH = " – "


@dataclass(frozen=True)
class Passage:
    """What a locator points to: the text, and for a table cell the column's name."""

    text: str
    column: str = ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip().casefold()


def place_of(locator: str) -> str:
    """The locator without its comment: what to look up."""
    return _COMMENT.sub("", locator.split(";", 1)[0]).strip()


class SourceLines:
    """A source text as lines, with its headings found once."""

    def __init__(self, raw: str, running_headers: Collection[str] = ()):
        skip = {_norm(h) for h in running_headers}
        self.lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")]
        self.lines = ["" if _norm(line) in skip or re.fullmatch(r"\s*\d+\s*", line) else line for line in self.lines]
        self.normed = [_norm(line) for line in self.lines]
        self.headings = {i for i in range(len(self.lines)) if self._is_heading(i)}

    def _is_heading(self, index: int) -> bool:
        text = self.lines[index].strip()
        alone = (index == 0 or not self.normed[index - 1]) and (index + 1 == len(self.lines) or not self.normed[index + 1])
        return (alone and 0 < len(text.replace(_PATH, " ").split()) <= 5 and "," not in text and "\t" not in text
                and not text.endswith(_CLOSING) and any(c.isalpha() for c in text))

    def _starts(self, heading: str, after: int = -1) -> list[int]:
        """Lines after `after` that hold the heading; `A – B` nests when it is not a line itself."""
        wanted = _norm(heading)
        found = [i for i, line in enumerate(self.normed) if line == wanted and i > after] or [
            i for i, line in enumerate(self.normed) if i > after and i in self.headings
            and line.startswith((wanted + _PATH, wanted + ":"))]
        if found or _PATH not in heading:
            return found
        outer, inner = heading.split(_PATH, 1)
        firsts = self._starts(outer, after)
        return self._starts(inner, firsts[0]) if firsts else []

    def _section(self, start: int) -> list[str]:
        end = next((i for i in range(start + 1, len(self.lines)) if i in self.headings), len(self.lines))
        return self.lines[start + 1:end]

    def passages(self, locator: str, column: str = "") -> list[Passage]:
        """Every passage the locator points to; none if it names no place in the source."""
        place = place_of(locator)
        starts = self._starts(place)
        if starts:
            return [Passage("\n".join(self._section(s))) for s in starts]
        heading, comma, row = place.rpartition(",")
        if not comma or not row.strip():
            return []
        found = [self._row(s, row.strip(), column) for s in self._starts(heading.strip())]
        return list(dict.fromkeys(p for p in found if p is not None))

    def _row(self, start: int, label: str, column: str) -> Passage | None:
        pattern = re.compile(rf"{re.escape(_norm(label))}(?![\w])")
        index = next((i for i in range(start + 1, len(self.lines)) if pattern.match(self.normed[i])), None)
        if index is None:
            return None
        line = self.lines[index]
        if "\t" not in line:
            end = next((i for i in range(index, len(self.lines)) if not self.normed[i]), len(self.lines))
            return Passage("\n".join(self.lines[index:end]))
        cells = line.split("\t")
        header = self._table_header(index, len(cells))
        if column and header and _norm(column) in header:
            return Passage(cells[header.index(_norm(column))].strip(), column)
        return Passage(line)

    def _table_header(self, index: int, width: int) -> list[str]:
        """The first line of the table the row belongs to (tab-separated lines without a gap)."""
        top = index
        while top > 0 and "\t" in self.lines[top - 1]:
            top -= 1
        cells = self.lines[top].split("\t")
        return [_norm(c) for c in cells] if top < index and len(cells) == width else []


def states(passage: str, value: float, percent: bool) -> bool:
    """Whether the passage prints the value as the report would: `64`, `72,5` or `1.812`, with `%` for a share."""
    whole, _, decimals = f"{value:g}".partition(".")
    if "e" in whole:
        return False
    digits = whole if len(whole) <= 3 else rf"{whole[:-3]}[.\s]?{whole[-3:]}"
    fraction = rf"[.,]{decimals}" if decimals else ""
    unit = r"\s?%" if percent else r"(?!\s?%)"
    return re.search(rf"(?<!\d)(?<!\d[.,]){digits}{fraction}(?![.,]?\d){unit}", passage) is not None


def gist(passage: Passage, percent: bool, limit: int = 160) -> str:
    """What the passage says, briefly: whole if short, otherwise its lines with numbers (shares, for a
    share), as far as they fit."""
    text = re.sub(r"\s+", " ", passage.text).strip()
    if len(text) > limit:
        numbered = re.compile(r"\d\s?%" if percent else r"\d")
        text = " … ".join(re.sub(r"\s+", " ", line).strip() for line in passage.text.split("\n")
                          if numbered.search(line))
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def figure_place_problems(root: Path, publications: dict[str, dict], populations: dict[str, dict],
                          files: dict[str, DataFile]) -> list[Problem]:
    """Each figure of figures.csv and each method figure of wave.yml stands where its locator points."""
    problems: list[Problem] = []
    sources: dict[str, SourceLines] = {}
    waves = {rel.rsplit("/", 1)[0]: data for rel, data in files.items() if data.schema == "wave"}
    for folder, wave in sorted(waves.items()):
        meta = wave.content if isinstance(wave.content, dict) else {}
        publication = publications.get(meta.get("publication"))
        text_file = str((publication or {}).get("text_file"))
        if publication is None or not (root / "data" / "sources" / text_file).is_file():
            continue  # the reference checks report an unknown publication or a missing source
        if text_file not in sources:
            raw = (root / "data" / "sources" / text_file).read_text(encoding="utf-8")
            sources[text_file] = SourceLines(raw, publication.get("running_headers") or [])
        check = _Checker(sources[text_file], f"data/sources/{text_file}")
        where = yaml_where(wave.content, wave.line_of)
        for index, item in enumerate(meta.get("method") or []):
            if isinstance(item, dict):
                place = where(("method", index, "value")) + (f" (id '{item['id']}')" if item.get("id") else "")
                problems += check(f"data/{wave.rel}", place, f"method[{index + 1}]",
                                  item.get("value"), item.get("locator"), item.get("unit") == "procent")
        figures = files.get(f"{folder}/figures.csv")
        for index, row in enumerate(figures.content if figures else []):
            population = populations.get(row.get("population")) or {}
            problems += check(f"data/{figures.rel}", f"række {figures.line_of((index,))}", "",
                              row.get("value"), row.get("locator"), True, str(population.get("name") or ""))
    return problems


@dataclass(frozen=True)
class _Checker:
    source: SourceLines
    shown_source: str

    def __call__(self, rel: str, where: str, prefix: str, value, locator, percent: bool, column: str = "") -> list[Problem]:
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0 or (percent and value > 100) \
                or not isinstance(locator, str) or not locator.strip() or placeholder(locator):
            return []  # a missing or impossible value or locator is the schema's message
        field = f"{prefix}." if prefix else ""
        passages = self.source.passages(locator, column)
        if not passages:
            headings = sorted({self.source.lines[i].strip() for i in self.source.headings})
            return [Problem(rel, where, f"{field}locator", shown(locator),
                            f"et sted i {self.shown_source}: en overskrift, der står på sin egen linje, evt. efterfulgt "
                            "af komma og begyndelsen af en række i afsnittet (se CONTRIBUTING.md)",
                            nearest(place_of(locator), headings))]
        if any(states(p.text, value, percent) for p in passages):
            return []
        texts = [text for text in (gist(p, percent) for p in passages) if text][:3]
        said = " | ".join(f"»{text}«" for text in texts) or "ingen tekst før næste overskrift"
        cell = f" i kolonnen '{passages[0].column}'" if passages[0].column else ""
        return [Problem(rel, where, f"{field}value", f"{value:g}{' %' if percent else ''}",
                        f"tallet, som det står dér, hvor locator '{place_of(locator)}' peger hen{cell} "
                        f"i {self.shown_source}: {said}",
                        "ret tallet – eller locator, hvis tallet står et andet sted i rapporten")]
