"""What the fill-in workbooks share: input cells, protection, the instructions sheet, document properties."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.text import Language
from peerreview_app.reports.excel.styles import (
    INPUT_FILL,
    LABEL_FONT,
    TITLE_FONT,
    UNLOCKED,
    WRAP,
    cell_at,
    set_date,
    set_print_layout,
    set_text,
    set_widths,
)

Translate = Callable[[str], str]

LEFT = Alignment(horizontal="left", vertical="top")
_LINE_HEIGHT = 15.0  # points per line of 11-point Calibri
_MAX_ROW_HEIGHT = 409.0  # Excel's limit


def input_cell(cell: Cell, text: str) -> None:
    """A tinted, unlocked cell for a person's text, formatted as text so that Excel does not turn "1-2" into a date."""
    if text:
        set_text(cell, text, wrap=True)
    else:
        cell.alignment = WRAP  # empty, not an empty string: nothing to read back
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED
    cell.number_format = "@"


def protect_input_sheet(sheet: Worksheet) -> None:
    """Protect the sheet without a password; rows and columns may still be resized to read long texts."""
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False


def row_height(text: str, width: float, *, minimum_lines: int = 5) -> float:
    """A row height (points) that shows `text` wrapped in a column `width` characters wide, and room to write."""
    per_line = max(width * 1.1, 1.0)
    lines = sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))
    return min(max(lines, minimum_lines) * _LINE_HEIGHT, _MAX_ROW_HEIGHT)


def write_instructions(
    sheet: Worksheet,
    *,
    title: str,
    facts: Sequence[tuple[str, str | datetime]],
    heading: str,
    steps: Sequence[str],
    language: Language,
) -> None:
    """The first sheet: a title, who and what the workbook is for, and numbered steps; protected, nothing to fill."""
    set_text(cell_at(sheet, 1, 1), title)
    cell_at(sheet, 1, 1).font = TITLE_FONT
    row = 3
    for label, value in facts:
        set_text(cell_at(sheet, row, 1), label)
        cell_at(sheet, row, 1).font = LABEL_FONT
        if isinstance(value, datetime):
            set_date(cell_at(sheet, row, 2), value, language)
            cell_at(sheet, row, 2).alignment = LEFT
        else:
            set_text(cell_at(sheet, row, 2), value, wrap=True)
        row += 1
    row += 1
    set_text(cell_at(sheet, row, 1), heading)
    cell_at(sheet, row, 1).font = LABEL_FONT
    for number, step in enumerate(steps, start=1):
        set_text(cell_at(sheet, row, 2), f"{number}. {step}", wrap=True)
        sheet.row_dimensions[row].height = row_height(step, 100, minimum_lines=1)
        row += 1
    set_widths(sheet, (24, 100))
    set_print_layout(sheet)
    sheet.protection.sheet = True


def set_properties(workbook: Workbook, title: str, created_at: datetime) -> None:
    """Document properties: made by us, created at `created_at` (openpyxl sets the modification time on saving)."""
    moment = created_at.astimezone(UTC).replace(tzinfo=None) if created_at.tzinfo else created_at
    workbook.properties.creator = "Peer Review Workbench"
    workbook.properties.lastModifiedBy = "Peer Review Workbench"
    workbook.properties.title = title
    workbook.properties.created = moment


def send_back(_: Translate, secretary: PanelMember | None) -> str:
    """The last step: how to send the workbook back, to whom."""
    if secretary is None:
        return _("When you are done, save the file as an Excel workbook (.xlsx) and send it to the panel's secretary.")
    if secretary.email:
        return _(
            "When you are done, save the file as an Excel workbook (.xlsx) and send it to the secretary, "
            "{name} ({email})."
        ).format(name=secretary.name, email=secretary.email)
    return _(
        "When you are done, save the file as an Excel workbook (.xlsx) and send it to the secretary, {name}."
    ).format(name=secretary.name)
