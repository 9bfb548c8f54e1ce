"""Data problems as messages a maintainer can act on without reading code.

Every problem names the file, where in it (row or line), the field, what was found and
what was expected. Validation collects all problems before failing, so one run of
`make validate` lists everything that must be fixed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    where: str
    field: str
    found: str
    expected: str
    hint: str = ""

    def __str__(self) -> str:
        message = (
            f"{self.file}, {self.where}, felt '{self.field}': "
            f"fandt {self.found} – forventede {self.expected}"
        )
        if self.hint:
            message += f" ({self.hint})"
        return message


class DataInvalid(Exception):
    """Raised when data must not reach the site; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_reading_order)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problemer"
        lines = [f"Data er ikke gyldige: {count} {noun} fundet."]
        lines += [f"- {problem}" for problem in self.problems]
        return "\n".join(lines)


def _reading_order(problem: Problem) -> tuple:
    """File by file, and within a file by line or row number, as a person works through them."""
    numbers = [int(n) for n in re.findall(r"\d+", problem.where)]
    return problem.file, numbers, problem.where, problem.field, problem.found, problem.expected, problem.hint


def nearest(value: object, known: list[str]) -> str:
    """Suggest the closest known id, because most unknown ids are typos."""
    matches = difflib.get_close_matches(str(value), known, n=1, cutoff=0.6)
    return f"mente du '{matches[0]}'?" if matches else ""


# Characters a screen does not show (a byte-order mark, zero-width and non-breaking spaces, control
# characters): in a message they are written as escapes, so a found value that differs only by one of
# them does not look like the expected one.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u00a0\u00ad\u200b-\u200f\u202f\ufeff]")


def visible(text: str) -> str:
    """The text with every invisible character written as its escape (»\\ufeff«)."""
    return _INVISIBLE.sub(lambda m: {"\t": "\\t", "\r": "\\r", "\n": "\\n"}.get(m.group(), f"\\u{ord(m.group()):04x}"),
                          text)


def shown(value: object) -> str:
    """Render a found value briefly and unambiguously in a message."""
    if value is None or value == "":
        return "intet"
    text = repr(value) if not isinstance(value, str) else f"'{visible(value)}'"
    return text if len(text) <= 60 else text[:57] + "…'"
