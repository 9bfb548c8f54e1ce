"""A text printed twice (a cover story and its testimony) is one text: it carries one set of themes, or a reader
finds it under a theme in one place only."""

from __future__ import annotations

import re

from evidence.load.problems import Problem


def strings(values) -> list:
    """A list of ids as written; non-strings stay in place (their schema reported them) but match nothing."""
    return [v if isinstance(v, str) else "" for v in values] if isinstance(values, list) else []


def same_text(item: dict, twin: dict) -> bool:
    """The very words of the testimony, punctuation and spacing aside."""
    words = [re.sub(r"\W+", "", str(q.get("text", "")).lower()) for q in (item, twin)]
    return bool(words[0]) and words[0] == words[1]


def twin_theme_problems(rel: str, where: str, item: dict, target: str, twin: dict) -> list[Problem]:
    if not same_text(item, twin) or set(strings(item.get("themes"))) == set(strings(twin.get("themes"))):
        return []
    return [Problem(rel, where, "themes", ", ".join(strings(item.get("themes"))),
                    f"de samme temaer som {target}, der har samme tekst ({', '.join(strings(twin.get('themes')))})",
                    "En tekst, der står to steder, skal findes under de samme temaer begge steder.")]
