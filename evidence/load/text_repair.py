"""Undo the PDF-to-text conversion artefacts of the source dumps, and nothing else.

The dumps in `data/sources/` are the evidence: every quote the site publishes must be
findable in them. But the conversion broke words across lines, lost hyphens, and
interleaved running headers and page numbers with the text, so a quote copied from the
printed booklet would not match the raw dump. `repair()` is the single normalisation
path that turns a dump back into running text; the verbatim tests compare quotes
against `squash(repair(dump))`. Keeping one path means a quote cannot pass because two
parts of the code normalise differently.

The rules follow `/work/shared/sources/README.md`, checked line by line against the
booklet of testimonies (see `tests/test_text_repair.py` for the cases that forced each rule):

* A line ending in whitespace ends at a word boundary.
* A line ending in a letter with no trailing whitespace is a word broken without a
  hyphen (``fattig`` + ``dom``) -- provided the next line goes on in lower case. In
  lists and signatures the dump also drops the trailing space before a line that starts
  a new capitalised item (``For meget administrativt arbejde`` / ``Mindre tid ...``),
  so a capitalised continuation is a word boundary; the exception is a word set in
  capitals that is broken in two (``ALLER`` + ``MEST``).
* A line ending in ``-`` after a letter, with no trailing whitespace, is a hyphenated
  break: the hyphen goes (``ar-`` + ``bejde``, ``ACT-bol-`` + ``ig`` -> ``ACT-bolig``).
  Real hyphens (``børne- og``, ``80-100``) stand mid-line or before a trailing space and
  are never touched; in the booklet no line ends in a real hyphen.
* A line ending in ``/`` continues the same token (``barnet/`` + ``den unge``).
* Any other line end (full stop, colon, digit, quote mark) with no trailing space is a
  line break of a list or a sign-off and is a word boundary.
* Running headers (the lines a publication repeats on every page, listed as its
  `running_headers` in data/publications.yml) and bare number lines (page numbers and
  printed story numbers) are layout, not text. They often sit inside a sentence, wrapped in blank lines; such a
  gap only counts as a paragraph break when the text before it ends a sentence and the
  text after it does not go on in lower case.
* Blank lines are paragraph breaks. Leading whitespace (the dump's page-start marker,
  list indentation) is dropped.

A source without running headers or broken words (a report whose quotes are one line
per paragraph) is only joined line to line, which keeps every line findable.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def declared_running_headers(root: Path = PROJECT_ROOT) -> frozenset[str]:
    """Every running header a publication in data/publications.yml declares (`running_headers`)."""
    path = root / "data" / "publications.yml"
    key = (path, path.stat().st_mtime_ns if path.exists() else None)
    if key not in _declared:
        publications = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
        _declared[key] = frozenset(
            header.strip() for p in publications or [] if isinstance(p, dict)
            for header in p.get("running_headers") or [] if isinstance(header, str))
    return _declared[key]


_declared: dict[tuple, frozenset[str]] = {}


_BARE_NUMBER = re.compile(r"\d+")


_SENTENCE_END = tuple(".!?:…”“\"')")


_LAST_WORD = re.compile(r"(\w+)$")


_FIRST_WORD = re.compile(r"^(\w+)")


def _is_layout(line: str, headers: frozenset[str]) -> bool:
    stripped = line.strip()
    return stripped in headers or _BARE_NUMBER.fullmatch(stripped) is not None


def _capitals_split(left: str, right: str) -> bool:
    """A word in capitals broken across lines keeps capitals on both sides."""
    tail = _LAST_WORD.search(left)
    head = _FIRST_WORD.search(right)
    if not tail or not head:
        return False
    a, b = tail.group(1), head.group(1)
    return len(a) > 1 and len(b) > 1 and a.isupper() and b.isupper()


def _join(left_raw: str, right_raw: str) -> str:
    """Join two physical lines into running text; `left_raw` keeps its trailing whitespace."""
    right = right_raw.strip()
    left = left_raw.rstrip()
    if left_raw != left_raw.rstrip():
        return f"{left} {right}"
    last = left[-1]
    if last == "-" and len(left) > 1 and left[-2].isalpha():
        return left[:-1] + right
    if last == "/":
        return left + right
    if last.isalpha():
        if right[0].islower() or _capitals_split(left, right):
            return left + right
        return f"{left} {right}"
    return f"{left} {right}"


def repair(raw: str, running_headers: Collection[str] | None = None) -> str:
    """Return the dump as running text: one line per paragraph, paragraphs separated by a blank line.

    `running_headers` are the source's running headers; by default, those every publication in the
    project's data/publications.yml declares."""
    headers = declared_running_headers() if running_headers is None else frozenset(h.strip() for h in running_headers)
    paragraphs: list[str] = []
    current: str | None = None  # paragraph being built, ending with the raw last line's whitespace
    gap = ""  # "" = adjacent lines, "blank" = blank lines only, "layout" = gap held headers/page numbers

    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if current is not None and gap != "layout":
                gap = "blank"
            continue
        if _is_layout(line, headers):
            if current is not None:
                gap = "layout"
            continue
        if current is None:
            current = line.lstrip()
        elif gap == "blank" or (
            gap == "layout"
            and current.rstrip().endswith(_SENTENCE_END)
            and not line.lstrip()[0].islower()
        ):
            paragraphs.append(current.strip())
            current = line.lstrip()
        else:
            # Keep the right-hand line's trailing whitespace: the next join reads it.
            joined = _join(current, line)
            trailing = line[len(line.rstrip()):]
            current = joined + trailing
        gap = ""

    if current is not None:
        paragraphs.append(current.strip())
    return "\n\n".join(paragraphs)


def squash(text: str) -> str:
    """Collapse whitespace so that line breaks and indentation never decide a verbatim match."""
    return re.sub(r"\s+", " ", text).strip()
