"""One look for every workbook we write: styled header rows, wrapped text, widths, frozen panes, printing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.text import Language

# Excel refuses longer cell values; LibreOffice truncates them.
EXCEL_CELL_LIMIT = 32_767

HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
TITLE_FONT = Font(name="Calibri", bold=True, size=14, color="1F4E79")
LABEL_FONT = Font(name="Calibri", bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
INPUT_FILL = PatternFill("solid", start_color="FFF8DC", end_color="FFF8DC")  # cells a person fills in
THIN_BORDER = Border(bottom=Side(style="thin", color="A6A6A6"))
UNLOCKED = Protection(locked=False)


def style_header_row(sheet: Worksheet, row: int, columns: int) -> None:
    """Style `row` (1-based) as the table header over `columns` columns."""
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    """Column widths in characters, from column A on."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def finish_table_sheet(sheet: Worksheet, *, header_row: int, columns: int, last_row: int) -> None:
    """Freeze the header, filter on it, and print landscape, fit to width, with the header on every page."""
    sheet.freeze_panes = cell_at(sheet, header_row + 1, 1)
    last_column = get_column_letter(columns)
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{max(last_row, header_row)}"
    set_print_layout(sheet, header_rows=f"{header_row}:{header_row}")


def set_print_layout(sheet: Worksheet, *, header_rows: str | None = None) -> None:
    """Landscape A4, fit to one page wide and as many pages tall as needed."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None  # openpyxl creates it with the sheet; the types allow None
    fit.fitToPage = True
    sheet.print_options.gridLines = False
    if header_rows:
        sheet.print_title_rows = header_rows


def safe_sheet_title(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (≤ 31 characters, none of []:*?/\\) that is not yet in `taken` (case-insensitive)."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("' ") or "Blad"
    base = cleaned[:31]
    candidate, number = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({number})"
        candidate = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(candidate)
    return candidate


def cell_text(value: str) -> str:
    """Text as a cell value: within Excel's limit, and never read as a formula."""
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - 1] + "…"
    return value


# -- text that stays text, dates that are dates (added for the review and overview exports) ------------------------

# Control characters (other than tab and line breaks) make openpyxl refuse a value and Excel a file.
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

DATE_FORMATS = {Language.NL: "dd-mm-yyyy", Language.EN: "yyyy-mm-dd"}
DATETIME_FORMATS = {Language.NL: "dd-mm-yyyy hh:mm", Language.EN: "yyyy-mm-dd hh:mm"}
TIME_FORMAT = "hh:mm"
INTEGER_FORMAT = "#,##0"


def clean_text(value: str) -> str:
    """`cell_text` without the control characters no spreadsheet accepts."""
    return cell_text(_ILLEGAL_CHARACTERS.sub("", value))


def set_text(cell: Cell, value: str, *, wrap: bool = False) -> None:
    """Put user text in a normal-mode cell as a string: text starting with "=" stays text, never a formula."""
    cell.value = clean_text(value)
    cell.data_type = "s"
    if wrap:
        cell.alignment = WRAP


def text_cell(sheet: WriteOnlyWorksheet, value: str) -> Cell:
    """A write-only cell holding `value` as a string, also when it starts with "=" (no formula injection)."""
    cell = WriteOnlyCell(sheet, clean_text(value))
    cell.data_type = "s"
    return cell


def looks_like_formula(value: str) -> bool:
    """Whether openpyxl would store `value` as a formula if it were assigned as it is."""
    return len(value) > 1 and value.startswith("=")


def local_datetime(moment: datetime) -> datetime:
    """A moment in local time without a time zone: Excel has no time zones and openpyxl refuses aware values."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def set_date(cell: Cell, value: date | datetime | None, language: Language) -> None:
    """A real Excel date (or date and time, in local time) with a date format, or an empty cell."""
    if value is None:
        cell.value = None
        return
    if isinstance(value, datetime):
        cell.value = local_datetime(value)
        cell.number_format = DATETIME_FORMATS[Language(language)]
    else:
        cell.value = value
        cell.number_format = DATE_FORMATS[Language(language)]


def set_print_header(sheet: Worksheet | WriteOnlyWorksheet, title: str, *, page_text: str) -> None:
    """Print `title` at the top of every page and `page_text` (with &P and &N for the page numbers) at the bottom.

    Header and footer use their own codes: a literal "&" must be doubled there.
    """
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # every sheet has them; the types allow None
    header.center.text = title.replace("&", "&&")
    footer.center.text = page_text


def cell_at(sheet: Worksheet, row: int, column: int) -> Cell:
    """The cell at (`row`, `column`) of a sheet without merged cells, typed as a plain cell."""
    cell = sheet.cell(row=row, column=column)
    if not isinstance(cell, Cell):  # a merged cell is read-only: writing to it would fail less clearly
        raise TypeError(f"{sheet.title}!{cell.coordinate} is part of a merged range, not a cell to write")
    return cell


# -- row heights: neither openpyxl nor LibreOffice grows a row for wrapped text, so we estimate it ---------------

LINE_HEIGHT = 15.0  # points per line of 11-point Calibri
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide (greedy word wrap, rather too many)."""
    capacity = max(int(width * 1.15) - 2, 1)  # Calibri fits about 1.2 average letters per width unit
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size > capacity:
                count, used = count + 1, 0
            if size > capacity:  # a word longer than a line breaks wherever it must
                count += (size - 1) // capacity
                size = (size - 1) % capacity + 1
            used = used + 1 + size if used else size
        lines += count
    return lines


def fit_row_height(sheet: Worksheet, row: int, widths: Sequence[float], *, bold: bool = False) -> None:
    """Make `row` tall enough for the wrapped text in its first `len(widths)` cells."""
    lines = 1
    for column, width in enumerate(widths, start=1):
        value = sheet.cell(row=row, column=column).value
        if isinstance(value, str) and value:
            # Bold text is about a tenth wider.
            lines = max(lines, wrapped_lines(value, width * 0.9 if bold else width))
    if lines > 1:
        sheet.row_dimensions[row].height = min(lines * LINE_HEIGHT + 2, MAX_ROW_HEIGHT)
