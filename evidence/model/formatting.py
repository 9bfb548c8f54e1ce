"""Danish number formatting shared by charts, tables and text, so a figure reads the same everywhere.

Babel (CLDR's da_DK rules: decimal comma, a point between thousands) does the formatting, so the site writes
numbers as Danish readers and Danish Excel expect them.
"""

from __future__ import annotations

from babel.numbers import format_decimal

LOCALE = "da_DK"


def number(value: float) -> str:
    """No needless decimals and at most one: 64 → '64', 12.5 → '12,5', 1812 → '1.812'."""
    return format_decimal(value, format="#,##0.#", locale=LOCALE)


def percent(value: float) -> str:
    return f"{number(value)} %"


def count(value: float, unit: str, approximate: bool = False, up_to: float | None = None) -> str:
    """'ca. 33 %', '1.812 personer', or a range with an en dash: '45–60 minutter'."""
    prefix = "ca. " if approximate else ""
    shown = number(value) if up_to is None else f"{number(value)}–{number(up_to)}"
    return f"{prefix}{shown} {'%' if unit == 'procent' else unit}"
