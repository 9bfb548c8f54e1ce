"""YAML as data/ may hold it: plain values with their lines, and nothing that can exhaust a build.

YAML can say much more than the data needs, and each extra is a way for one short file to stop a build
or publish something else than a reviewer read: an alias repeated ten levels deep (»billion laughs«)
expands to gigabytes, 200,000 nested brackets overflow the parser's stack, a repeated key silently
replaces the first value, `4_5`, `0o55` or `1:30` are read as other numbers than they look, and an
impossible date raises in the middle of the parse. This module refuses each of these with the line it
stands on, before any value is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from evidence.load.schemas import field_name

# Deeper than any data file needs (the deepest is 8) and far from what the parser's stack survives.
MAX_DEPTH = 32
# Longer than any text in data/ (the longest testimony is about 8,000 characters).
MAX_TEXT_CHARS = 50_000

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ~15× faster


class DataLoader(_BASE):
    """The safe loader with numbers only as people write them (45, -4, 64.5) and dates checked."""


def _strict_resolvers() -> dict:
    resolvers = {first: [(tag, rx) for tag, rx in entries if tag not in (_INT, _FLOAT)]
                 for first, entries in _BASE.yaml_implicit_resolvers.items()}
    for tag, pattern in ((_INT, r"^[-+]?(0|[1-9][0-9]*)$"), (_FLOAT, r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")):
        for first in "-+0123456789":
            resolvers.setdefault(first, []).insert(0, (tag, re.compile(pattern)))
    return resolvers


_TAGS = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG.removesuffix("str")  # YAML's own tag prefix
_INT, _FLOAT = f"{_TAGS}int", f"{_TAGS}float"
DataLoader.yaml_implicit_resolvers = _strict_resolvers()


class _NoDate(ConstructorError):
    """An unquoted value written as a date that is no day of the calendar (a 13th month, a 45th day)."""


def _checked_timestamp(loader: SafeConstructor, node: yaml.ScalarNode):
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _NoDate(None, None, node.value, node.start_mark) from None


DataLoader.add_constructor(f"{_TAGS}timestamp", _checked_timestamp)


@dataclass(frozen=True)
class Refusal:
    """Why the file is not read, and at which line."""

    line: int
    field: str
    found: str
    expected: str


def _structure_refusal(text: str, aliases: bool = False) -> Refusal | None:
    """Aliases (unless allowed), nesting and overlong texts, found in the parser's events, before a value is built."""
    depth = 0
    for event in yaml.parse(text, Loader=DataLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) and not aliases:
            return Refusal(line, "(YAML)", f"et YAML-alias (*{event.anchor})",
                           "hver værdi skrevet ud, hvor den står – data/ bruger ikke aliaser (&navn/*navn)")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Refusal(line, "(YAML)", f"lister eller opslag inde i hinanden i mere end {MAX_DEPTH} niveauer",
                               f"højst {MAX_DEPTH} niveauer – tjek de firkantede og krøllede parenteser")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_TEXT_CHARS:
            return Refusal(line, "(tekst)", f"en tekst på {len(event.value):,} tegn".replace(",", "."),
                           f"højst {MAX_TEXT_CHARS:,} tegn pr. felt".replace(",", "."))
    return None


# The schemas share parts by alias (&quote_page/*quote_page); expanded, they are a few thousand values.
MAX_SHARED_VALUES = 100_000


def parse_shared(text: str) -> Any | Refusal:
    """A schema file's content: aliases allowed, but not expanding beyond MAX_SHARED_VALUES values."""
    try:
        refusal = _structure_refusal(text, aliases=True)
        if refusal:
            return refusal
        loader = _BASE(text)
        try:
            root = loader.get_single_node()
            if root is not None and _expanded(root, {}) > MAX_SHARED_VALUES:
                limit = f"{MAX_SHARED_VALUES:,}".replace(",", ".")
                return Refusal(root.start_mark.line + 1, "(YAML)", f"aliaser, der udfoldet giver over {limit} værdier",
                               "et skema af rimelig størrelse")
            return loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return Refusal(mark.line + 1 if mark else 1, "(YAML)", f"ugyldig YAML ({getattr(error, 'problem', None) or error})",
                       "gyldig YAML – tjek indrykning, kolon og anførselstegn")


def _expanded(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the node stands for with every alias written out; each shared node counted once."""
    if id(node) not in sizes:
        children = node.value if isinstance(node, yaml.SequenceNode) else (
            [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
        sizes[id(node)] = 1 + sum(_expanded(child, sizes) for child in children)
    return sizes[id(node)]


def parse(text: str) -> tuple[Any, dict[tuple, int]] | list[Refusal]:
    """The file's values and the line of each (by its keys and list indexes), or why it cannot be read."""
    try:
        refusal = _structure_refusal(text)
        if refusal:
            return [refusal]
        loader = DataLoader(text)
        try:
            root = loader.get_single_node()
            content = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except _NoDate as error:
        return [Refusal(error.problem_mark.line + 1, "(dato)", f"'{error.problem}', som ikke er en dag i kalenderen",
                        "en dato på formen ÅÅÅÅ-MM-DD – eller tekst i anførselstegn")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        return [Refusal(mark.line + 1 if mark else 1, "(YAML)", f"ugyldig YAML ({error.problem or error.context})",
                        "gyldig YAML – tjek indrykning, kolon og anførselstegn")]
    except yaml.reader.ReaderError as error:
        line = text.encode("utf-8")[:error.position].count(b"\n") + 1
        return [Refusal(line, "(tegn)", f"tegnet {chr(error.character)!r} (U+{error.character:04X}), som YAML ikke tillader"
                        if isinstance(error.character, int) else f"et tegn, som YAML ikke tillader ({error.reason})",
                        "tekst uden kontroltegn")]
    lines: dict[tuple, int] = {}
    repeated: list[Refusal] = []
    if root is not None:
        _node_lines(root, (), lines, repeated)
    return repeated or (content, lines)


def _node_lines(node: yaml.Node, location: tuple, lines: dict[tuple, int], repeated: list[Refusal]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _node_lines(child, location + (index,), lines, repeated)
    elif isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, child in node.value:
            line = key.start_mark.line + 1
            if key.value in first:
                repeated.append(Refusal(line, field_name(location + (key.value,)),
                                        f"feltet '{key.value}' to gange (linje {first[key.value]} og linje {line})",
                                        "hvert felt én gang – slet det ene, ellers bliver kun det sidste vist"))
                continue
            first[key.value] = line
            _node_lines(child, location + (key.value,), lines, repeated)
