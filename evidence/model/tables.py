"""Download tables as CSV text that a spreadsheet opens as data, never as formulas.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel and
LibreOffice when a journalist opens the file (OWASP, »CSV Injection«): such a text cell gets a leading
apostrophe, which the spreadsheet shows as text. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import io

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows as CSV (UTF-8 text, comma, decimal point), the columns in the given order or the first row's."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns or (list(rows[0]) if rows else []), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()
