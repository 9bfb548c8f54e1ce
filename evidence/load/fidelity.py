"""Checks that published words are the source's words, and that they identify no one.

Both run at load time, so a quote that drifted from its source, or a phone number pasted
into a testimony, stops the build like any other data problem instead of waiting for a
test to catch it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterator
from pathlib import Path

from evidence.load.files import DataFile, publication_of
from evidence.load.problems import Problem
from evidence.load.schemas import yaml_where
from evidence.load.text_repair import declared_running_headers, repair, squash

# Fields whose text is published as the source's own words.
VERBATIM_FIELDS = {
    "quotes": ("text", "lead_in", "attribution"),
    "facts": ("text", "cited_source"),
    "proposals": ("text",),
    "framing": ("text", "signed"),
}


# Documents that are the source's words throughout, except these keys (ids, tags, site labels).
VERBATIM_DOCUMENTS = {
    "insights": {"id", "parent", "themes", "question", "group", "topic", "includes", "see_also", "figures_note", "note",
                 "kind", "heading", "caption", "columns", "labels"},
    "booklet-texts": {"lines", "chapter"},
}


IDENTIFYING = {
    "CPR-nummer": re.compile(r"\b[0-3]\d[01]\d\d{2}[- ]?\d{4}\b"),
    "e-mailadresse": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"),
    "telefonnummer": re.compile(r"(?<![\d.,])(?:\+45[ ]?)?(?:\d{2}[ ]?){3}\d{2}(?!\d|[.,]\d)"),
}


def haystack(root: Path, text_file: str, running_headers: Collection[str] | None = None) -> str:
    """The source as running text: conversion artefacts undone, whitespace and bold markers folded.
    `running_headers` default to every one the publications in root's data/publications.yml declare."""
    raw = (root / "data" / "sources" / text_file).read_text(encoding="utf-8")
    headers = declared_running_headers(root) if running_headers is None else running_headers
    return squash(repair(raw, headers)).replace("**", "")


def verbatim_problems(root: Path, publications: dict[str, dict], files: dict[str, DataFile]) -> list[Problem]:
    sources: dict[str, str] = {}
    problems = []
    for rel, data in sorted(files.items()):
        publication = publications.get(publication_of(rel))
        if publication is None or not (root / "data" / "sources" / str(publication.get("text_file"))).is_file():
            continue  # unknown publications and missing source files are reported by the reference checks
        if publication["id"] not in sources:
            sources[publication["id"]] = haystack(root, publication["text_file"], publication.get("running_headers") or [])
        where = yaml_where(data.content, data.line_of)
        for location, value in _published_words(data):
            if squash(value) not in sources[publication["id"]]:
                difference = first_difference(value, sources[publication["id"]])
                found = (f"›{difference[0]}‹, kilden har ›{difference[1]}‹ (i {_gist(value)})" if difference
                         else f"tekst, der ikke står ordret i kilden ({_gist(value)})")
                problems.append(Problem(
                    f"data/{rel}", where(location), _field(location), found,
                    f"kildens ordlyd fra data/sources/{publication['text_file']}",
                    "ret kun konverteringsfejl – aldrig stavning, tegnsætning eller ordvalg"))
    return problems


def _published_words(data: DataFile) -> Iterator[tuple[tuple, str]]:
    if data.schema in VERBATIM_FIELDS and isinstance(data.content, list):
        for index, item in enumerate(data.content):
            for field in VERBATIM_FIELDS[data.schema]:
                value = item.get(field) if isinstance(item, dict) else None
                if isinstance(value, str):
                    yield (index, field), value
    elif data.schema in VERBATIM_DOCUMENTS:
        skip = VERBATIM_DOCUMENTS[data.schema]
        for location, value in _texts(data.content, ()):
            if not any(step in skip for step in location):
                yield location, value


def first_difference(text: str, source: str) -> tuple[str, str] | None:
    """The first words where a text leaves its source, and the source's words there (»fem år« against
    »fire år«): found from the longest beginning of the text that the source holds, or, when not even the
    first words are there, from the longest end. None when the source holds none of it."""
    words = squash(text).split(" ")
    start = _longest(words, source, lambda n: words[:n])
    if start:
        at = source.find(" ".join(words[:start])) + len(" ".join(words[:start]))
        theirs = source[at:].split(" ", len(words) - start + 4)[: len(words) - start + 3]
        return _first_change(words[start:], [w for w in theirs if w], reverse=False)
    end = _longest(words, source, lambda n: words[len(words) - n:])
    if not end:
        return None
    at = source.find(" ".join(words[len(words) - end:]))
    theirs = source[:at].rsplit(" ", len(words) - end + 4)[-(len(words) - end + 3):]
    return _first_change(words[: len(words) - end], [w for w in theirs if w], reverse=True)


def _longest(words: list[str], source: str, part) -> int:
    """How many words the longest such part of the text has that the source holds (a binary search)."""
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if " ".join(part(middle)) in source else (low, middle - 1)
    return low


def _first_change(ours: list[str], theirs: list[str], reverse: bool) -> tuple[str, str]:
    """The first differing words of the two (the last, reading backwards), with one agreeing word after."""
    if reverse:
        ours, theirs = ours[::-1], theirs[::-1]
    tag, i1, i2, j1, j2 = next(op for op in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes()
                                if op[0] != "equal")
    if i2 == len(ours):  # the text ends differing: the source's words after that are only the window
        j2 = j1 + max(i2 - i1, 1) - 1
    mine, source = ours[i1:i2 + 1][:6], theirs[j1:j2 + 1][:6]
    if reverse:
        mine, source = mine[::-1], source[::-1]
    return " ".join(mine) or "intet", " ".join(source) or "intet"


def _gist(text: str) -> str:
    words = squash(text).split(" ")
    return "»" + " ".join(words[:8]) + (" …«" if len(words) > 8 else "«")


def identifying_problems(files: dict[str, DataFile]) -> list[Problem]:
    """CPR numbers, e-mail addresses and phone numbers in any published text (not the publisher's own contact in
    data/site.yml, which is there to be published)."""
    problems = []
    for rel, data in sorted(files.items()):
        if data.schema in ("figures", "site") or rel.startswith(("schemas/", "sources/")):
            continue
        where = yaml_where(data.content, data.line_of)
        for location, text in _texts(data.content, ()):
            for kind, pattern in IDENTIFYING.items():
                match = pattern.search(text)
                if match:
                    problems.append(Problem(
                        f"data/{rel}", where(location), _field(location), f"noget, der ligner et {kind} ('{match.group(0)}')",
                        "ingen personhenførbare oplysninger i publiceret tekst",
                        "fjern oplysningen, eller få udgiveren til at vurdere den"))
    return problems


def _texts(value, location: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, location + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, location + (index,))


def _field(location: tuple) -> str:
    return ".".join(str(step) for step in location if not isinstance(step, int)) or "(tekst)"
