"""Excel workbooks beside the CSV downloads, for readers who double-click a file in Danish Excel.

The CSVs stay for machines (UTF-8, comma, decimal point), which Danish Excel misreads; a workbook
carries its types itself: numbers are numbers, shares are percentages, text is text (never a formula,
whatever the data say), so every spreadsheet program shows them in its reader's own number format.
The bytes depend only on the data: the document dates and the dates inside the zip archive are the day
the data were last added to (the newest publication's `added`), so the same commit builds the same files.
"""

from __future__ import annotations

import datetime
import io
import numbers
import re
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_NUMERIC, TYPE_STRING
from openpyxl.utils import get_column_letter

PERCENT_COLUMNS = {"andel_procent"}
MAX_WIDTH = 60


def workbook_bytes(rows: list[dict], sheet_title: str, about: list[tuple[str, str]], about_title: str,
                   day: str) -> bytes:
    """The rows on a first sheet with a frozen header, and what they are (label, text) on a second sheet."""
    book = Workbook()
    when = datetime.datetime.fromisoformat(day)
    book.properties.created = book.properties.modified = when  # docProps/core.xml
    book.properties.creator = None
    sheet = book.active
    sheet.title = sheet_title
    columns = list(rows[0]) if rows else []
    _write_row(sheet, 1, columns)
    for number, row in enumerate(rows, start=2):
        _write_row(sheet, number, [row[c] for c in columns], columns)
    sheet.freeze_panes = "A2"
    _fit_widths(sheet, [columns, *([row[c] for c in columns] for row in rows)])
    notes = book.create_sheet(about_title)
    for number, (label, text) in enumerate(about, start=1):
        _write_row(notes, number, [label, text])
    _fit_widths(notes, [list(pair) for pair in about])
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip_dates(out.getvalue(), when.timetuple()[:6])


def _write_row(sheet, number: int, values: list, columns: list[str] | None = None) -> None:
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row=number, column=index)
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            # Set as text explicitly: openpyxl would take a string starting with "=" for a formula.
            cell.value = "" if value is None else str(value)
            cell.data_type = TYPE_STRING
        elif columns and columns[index - 1] in PERCENT_COLUMNS:
            cell.value = float(value) / 100  # the data store 45.0 for 45 %
            cell.data_type = TYPE_NUMERIC
            cell.number_format = "0%" if float(value).is_integer() else "0.0%"
        else:
            cell.value = float(value) if not float(value).is_integer() else int(value)
            cell.data_type = TYPE_NUMERIC
            cell.number_format = "#,##0" if float(value).is_integer() else "#,##0.0"


def _fit_widths(sheet, table: list[list]) -> None:
    """Wide enough for the longest value of a column, up to a readable maximum (long texts wrap in Excel)."""
    widths: dict[int, int] = {}
    for row in table:
        for index, value in enumerate(row, start=1):
            widths[index] = max(widths.get(index, 0), len(str(value)))
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)


def _fixed_zip_dates(data: bytes, date_time: tuple) -> bytes:
    """The same archive with every member's date fixed: zipfile stamps members with the time of writing, and
    openpyxl sets the document's `modified` to the time of saving, whatever the workbook says."""
    stamp = datetime.datetime(*date_time).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                                 content)
            target.writestr(fixed, content)
    return out.getvalue()
