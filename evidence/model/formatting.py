"""Danish number formatting shared by charts, tables and text, so a figure reads the same everywhere."""

from __future__ import annotations


def number(value: float) -> str:
    """Format with decimal comma and no needless decimals: 64 → '64', 12.5 → '12,5'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def percent(value: float) -> str:
    return f"{number(value)} %"


def count(value: float, unit: str, approximate: bool = False) -> str:
    prefix = "ca. " if approximate else ""
    if unit == "procent":
        return prefix + percent(value)
    return f"{prefix}{number(value)} {unit}"
