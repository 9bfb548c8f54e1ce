"""Danish number formatting shared by charts, tables and text, so a figure reads the same everywhere."""

from __future__ import annotations


def number(value: float) -> str:
    """Format with decimal comma and no needless decimals: 64 → '64', 12.5 → '12,5'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def percent(value: float) -> str:
    return f"{number(value)} %"


def count(value: float, unit: str, approximate: bool = False, up_to: float | None = None) -> str:
    """'ca. 33 %', '1.812 personer', or a range with an en dash: '45–60 minutter'."""
    prefix = "ca. " if approximate else ""
    shown = number(value) if up_to is None else f"{number(value)}–{number(up_to)}"
    return f"{prefix}{shown} {'%' if unit == 'procent' else unit}"
