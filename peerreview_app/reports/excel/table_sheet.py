"""A finished table sheet in a normal (not write-only) workbook: header row, typed cells, widths, printing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from openpyxl.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.text import Language
from peerreview_app.reports.excel.styles import (
    INTEGER_FORMAT,
    TIME_FORMAT,
    WRAP,
    cell_at,
    finish_table_sheet,
    fit_row_height,
    set_date,
    set_print_header,
    set_text,
    set_widths,
    style_header_row,
)

CellValue = str | int | float | date | datetime | time | None
"""What a table cell holds; dates and times become real Excel dates and times, text always stays text."""


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: float


def put_value(cell: Cell, value: CellValue, language: Language) -> None:
    """Write `value` with its proper type and number format, top-aligned and wrapped."""
    if value is None:
        return
    if isinstance(value, str):
        set_text(cell, value)
        cell.alignment = WRAP
        return
    if isinstance(value, date):  # datetime is a date too
        set_date(cell, value, language)
    elif isinstance(value, time):
        cell.value = value
        cell.number_format = TIME_FORMAT
    else:
        cell.value = value
        if isinstance(value, int):
            cell.number_format = INTEGER_FORMAT
    cell.alignment = _CENTRED  # short values, kept apart from the text beside them


_CENTRED = Alignment(horizontal="center", vertical="top")


def write_table_sheet(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[CellValue]],
    *,
    language: Language,
    print_title: str,
    page_text: str,
) -> int:
    """Fill `sheet` with a header row and `rows` from row 1 on, finished for filtering and printing.

    Answers the last row written (1 when there are no data rows).
    """
    for column, spec in enumerate(columns, start=1):
        set_text(cell_at(sheet, 1, column), spec.header)
    style_header_row(sheet, 1, len(columns))
    widths = [spec.width for spec in columns]
    fit_row_height(sheet, 1, widths, bold=True)
    last_row = 1
    for last_row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            put_value(cell_at(sheet, last_row, column), value, language)
        fit_row_height(sheet, last_row, widths)
    set_widths(sheet, widths)
    finish_table_sheet(sheet, header_row=1, columns=len(columns), last_row=last_row)
    set_print_header(sheet, print_title, page_text=page_text)
    return last_row
