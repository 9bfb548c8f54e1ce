"""Danish phrasing of lists and counts, so a sentence built from the data reads as if written by hand."""

from __future__ import annotations

_NUMBER_WORDS = ["ingen", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"]


def number_word(count: int, neuter: bool = False) -> str:
    """Small counts in words, as Danish prose writes them ('ni forslag'); larger ones in digits."""
    if count == 1 and neuter:
        return "ét"
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)


def join_and(parts: list[str]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]


def possessive(name: str) -> str:
    """Danish genitive: 'foreningen' → 'foreningens', 'Holms' → 'Holms''."""
    return name + ("'" if name[-1:].lower() in ("s", "x", "z") else "s")


def unique(values) -> list:
    """The values in first-seen order, each once."""
    return list(dict.fromkeys(values))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
