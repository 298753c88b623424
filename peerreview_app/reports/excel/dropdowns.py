"""Dropdown lists (data validation) on cells that take one value of a judgement scale."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.reports.excel.styles import cell_at, safe_sheet_title, set_text

# Excel's limit for a list written into the rule itself ("a,b,c"); longer lists must live in cells.
_INLINE_LIST_LIMIT = 255


def add_dropdown(
    sheet: Worksheet,
    cells: str,
    values: Sequence[str],
    *,
    error_title: str,
    error_message: str,
    values_sheet_title: str,
) -> DataValidation:
    """A dropdown of `values` on `cells` (e.g. ``"E2:E7"``) that refuses anything else but an empty cell.

    Short lists without commas are written into the rule; others go to a hidden sheet `values_sheet_title`,
    because a comma in an inline list would split a value in two.
    """
    inline = ",".join(value.replace('"', '""') for value in values)
    if any("," in value for value in values) or len(inline) > _INLINE_LIST_LIMIT:
        formula = _values_range(sheet, values, values_sheet_title)
    else:
        formula = f'"{inline}"'
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,  # (sic) False *shows* the arrow
        showErrorMessage=True,
        errorTitle=error_title[:32],
        error=error_message[:255],
    )
    validation.add(cells)
    sheet.add_data_validation(validation)
    return validation


def _values_range(sheet: Worksheet, values: Sequence[str], title: str) -> str:
    """Write `values` in the next free column of the hidden values sheet and answer its absolute range."""
    workbook = sheet.parent
    assert workbook is not None  # a sheet being written belongs to a workbook
    holder = next((ws for ws in workbook.worksheets if ws.title == title and ws.sheet_state == "hidden"), None)
    if holder is None:
        holder = workbook.create_sheet(safe_sheet_title(title, set(workbook.sheetnames)))
        holder.sheet_state = "hidden"
        column = 1
    else:
        column = holder.max_column + 1
    for row, value in enumerate(values, start=1):
        set_text(cell_at(holder, row, column), value)
    letter = get_column_letter(column)
    return f"{quote_sheetname(holder.title)}!${letter}$1:${letter}${max(len(values), 1)}"
