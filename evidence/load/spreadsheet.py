"""Tables as the people who add a survey wave keep them: an Excel workbook, or CSV as Excel saves it.

Danish Excel writes CSV with semicolons, a byte-order mark, Windows line ends, Windows-1252 when not
told to use UTF-8, decimal commas, »64,5 %« and thousands separators. None of that is a mistake of the
person, so all of it is read here, and every cell comes out as the text the person sees.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path


class TableUnreadable(Exception):
    """The file is not a table this module can read; the message says why, in Danish."""


@dataclass(frozen=True)
class Table:
    """A sheet's header and rows, each row with its number as the spreadsheet program shows it."""

    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise TableUnreadable(f"Filen {path} findes ikke.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _table(_xlsx_rows(path))
    if suffix in (".csv", ".txt"):
        return _table(_csv_rows(path.read_bytes()))
    raise TableUnreadable(f"Filen {path.name} er hverken et Excel-ark (.xlsx) eller en CSV-fil (.csv). "
                          "Gem arket som »Excel-projektmappe (.xlsx)« eller »CSV UTF-8«.")


def _table(rows: list[tuple[int, list[str]]]) -> Table:
    filled = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    if not filled:
        raise TableUnreadable("Arket er tomt.")
    (header_row, header), body = filled[0], filled[1:]
    return Table([cell.strip() for cell in header], header_row, body)


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as the person sees them. A formula whose result the file does not hold
    (a sheet written by a program, not saved by Excel) would read as an empty cell and its figure would
    be lost without a word, so such a sheet is refused with the cells' addresses."""
    from openpyxl.utils import get_column_letter

    values = _sheet(path, data_only=True)
    formulas = _sheet(path, data_only=False)
    unsaved = [f"{get_column_letter(column)}{number}"
               for number, (shown_row, written_row) in enumerate(zip(values, formulas, strict=False), 1)
               for column, (shown_cell, written) in enumerate(zip(shown_row, written_row, strict=False), 1)
               if shown_cell.value is None and getattr(written, "data_type", None) == "f"]
    if unsaved:
        listed = ", ".join(unsaved[:10]) + (f" og {len(unsaved) - 10} til" if len(unsaved) > 10 else "")
        raise TableUnreadable(f"Excel-arket {path.name} har formler uden et gemt resultat i {listed}, så tallene kan "
                              "ikke læses. Åbn arket i Excel, og gem det igen (så gemmer Excel resultaterne), "
                              "eller skriv tallene ind som tal.")
    return [(number, [_cell_text(cell) for cell in cells]) for number, cells in enumerate(values, 1)]


def _sheet(path: Path, data_only: bool) -> list[tuple]:
    """Every row of the first sheet, from the first (read-only sheets give empty rows too, so the count
    is the row number); a file that is no workbook, or whose XML is refused (entities, see defusedxml),
    is a TableUnreadable."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only)
        try:
            return [tuple(cells) for cells in workbook.worksheets[0].iter_rows()]
        finally:
            workbook.close()
    except Exception as error:  # openpyxl and its XML parser raise many kinds for a damaged or hostile file
        if _xml_refused(error):
            raise TableUnreadable(f"Excel-arket {path.name} indeholder XML-definitioner (DTD eller entiteter), som et ark "
                                  "gemt af Excel aldrig har, og læses derfor ikke. Gem det igen som »Excel-projektmappe "
                                  "(.xlsx)« fra Excel.") from error
        raise TableUnreadable(f"Excel-arket {path.name} kan ikke læses ({type(error).__name__}). "
                              "Gem det igen som »Excel-projektmappe (.xlsx)«.") from error


def _xml_refused(error: BaseException | None) -> bool:
    """Whether defusedxml refused the XML somewhere down the chain (openpyxl wraps it in a ValueError)."""
    while error is not None:
        if type(error).__module__.startswith("defusedxml"):
            return True
        error = error.__cause__ or error.__context__
    return False


def _cell_text(cell) -> str:
    """The cell as the person reads it: a share formatted as per cent (0,645 shown as 64,5 %) is 64.5."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number_text(value * 100 if "%" in (cell.number_format or "") else value)
    return str(value)


def _csv_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's »CSV (semikolonsepareret)« on Danish Windows
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise TableUnreadable(f"CSV-filen kan ikke læses i linje {reader.line_num} ({error}). "
                              "Tjek anførselstegnene, eller gem arket som .xlsx.") from error
    return rows


_THOUSANDS = re.compile(r"[-−]?\d{1,3}(\.\d{3})+(,\d+)?")
_PLAIN = re.compile(r"[-−]?\d+([.,]\d+)?")


def read_number(text: str) -> float | None:
    """A number as a person writes it in Danish: »64«, »64,5 %«, »72.5«, »1.812«; None if it is none."""
    compact = re.sub(r"\s", "", text).removesuffix("%")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(".", "")
    if not _PLAIN.fullmatch(compact):
        return None
    return float(compact.replace(",", ".").replace("−", "-"))


def number_text(value: float) -> str:
    """A number as figures.csv writes it: point as decimal sign, no needless decimals (64.0 → 64)."""
    return f"{round(value, 6):.6f}".rstrip("0").rstrip(".")


def write_xlsx(path: Path, sheets: dict[str, tuple[list[str], list[list]]], widths: dict[str, list[int]]) -> None:
    """A workbook with one sheet per entry (header row in bold and frozen, columns as wide as asked)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths.get(title, [])):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
    workbook.save(path)
