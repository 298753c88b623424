"""The overview workbook across reviews: one row per review × criterion and one per review, as Excel tables.

Written in openpyxl's write-only mode: rows go to disk as they come, so a thousand reviews (24,000 rows) take
no more memory than one. Both sheets are Excel tables (ready for a pivot table) with a styled, frozen header.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import IO, TypeAlias, cast

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.listing import OverviewReview, OverviewRow
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.labels import Translate, sectors_label
from peerreview_app.reports.excel.styles import (
    DATE_FORMATS,
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    clean_text,
    local_datetime,
    looks_like_formula,
    safe_sheet_title,
    set_print_header,
    text_cell,
    wrapped_lines,
)

APPLICATION = "Peer Review Workbench"
CRITERIA_TABLE = "tblCriteria"
REVIEWS_TABLE = "tblReviews"
_TABLE_STYLE = "TableStyleMedium2"
_DOCUMENT_LANGUAGE = {Language.NL: "nl-NL", Language.EN: "en-GB"}

TextValue: TypeAlias = str | Cell | None
_PRINT_DATE = {Language.NL: "%d-%m-%Y", Language.EN: "%Y-%m-%d"}


def write_overview_workbook(
    rows: Iterable[OverviewRow], reviews: Iterable[OverviewReview], *, language: Language, generated_at: datetime
) -> bytes:
    """The overview as .xlsx bytes; `rows` and `reviews` are read once, in order, and never held all at once."""
    buffer = io.BytesIO()
    _write(buffer, rows, reviews, language=Language(language), generated_at=generated_at)
    return buffer.getvalue()


def _write(
    out: IO[bytes],
    rows: Iterable[OverviewRow],
    reviews: Iterable[OverviewReview],
    *,
    language: Language,
    generated_at: datetime,
) -> None:
    _ = translator(language)
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    page_text = _("Page {page} of {pages}").format(page="&P", pages="&N")
    print_title = _("Peer reviews on {date}").format(date=local_datetime(generated_at).strftime(_PRINT_DATE[language]))
    criteria = workbook.create_sheet(safe_sheet_title(_("Criteria"), taken))
    text = _TextCells(criteria)
    headers = _criteria_headers(_)
    _start_table_sheet(criteria, headers)
    date_format = DATE_FORMATS[language]
    count = 0
    review_id = None
    columns: tuple[str, ...] = ()
    visit_date: Cell | None = None
    for row in rows:
        review = row.review
        if review.id != review_id:  # the rows of one review come together and share its columns
            review_id, columns = review.id, _review_columns(review)
            # A styled cell may be given on many rows: openpyxl writes it at once and only moves it.
            visit_date = _date_cell(criteria, review, date_format)
        criteria.append(
            (
                columns[0],
                text(columns[1]),
                text(columns[2]),
                text(columns[3]),
                text(columns[4]),
                visit_date,
                text(columns[5]),
                text(f"{row.standard_id} {row.standard_title}"),
                text(f"{row.criterion_id} {row.criterion_title}"),
                text(row.judgement),
                row.strengths,
                row.development_points,
            )
        )
        count += 1
    _finish_table_sheet(criteria, CRITERIA_TABLE, headers, count, print_title=print_title, page_text=page_text)

    sheet = workbook.create_sheet(safe_sheet_title(_("Reviews"), taken))
    text = _TextCells(sheet)
    headers = _review_headers(_)
    _start_table_sheet(sheet, headers)
    count = 0
    for review in reviews:
        columns = _review_columns(review)
        sheet.append(
            (
                columns[0],
                text(columns[1]),
                text(columns[2]),
                text(columns[3]),
                text(columns[4]),
                _date_cell(sheet, review, date_format),
                text(columns[5]),
                review.revision,
                text(review.framework),
                text(review.overall_judgement),
                review.criteria,
                review.judged,
                review.strengths,
                review.development_points,
            )
        )
        count += 1
    _finish_table_sheet(sheet, REVIEWS_TABLE, headers, count, print_title=print_title, page_text=page_text)

    properties = workbook.properties
    properties.title = _("Overview of peer reviews")
    properties.creator = APPLICATION
    properties.lastModifiedBy = APPLICATION
    properties.language = _DOCUMENT_LANGUAGE[language]
    # Document properties are in UTC.
    created = generated_at.astimezone(UTC).replace(tzinfo=None) if generated_at.tzinfo else generated_at
    properties.created = created
    properties.modified = created
    workbook.save(out)


def _criteria_headers(_: Translate) -> list[tuple[str, float]]:
    return [
        (_("Review id"), 38),
        (_("Review"), 40),
        (_("Partnership"), 30),
        (_("Sectors"), 10),
        (_("Kind"), 24),
        (_("Visit date"), 14),
        (_("Phase"), 12),
        (_("Standard"), 24),
        (_("Criterion"), 40),
        (_("Judgement"), 16),
        (_("Strengths"), 14),
        (_("Development points"), 16),
    ]


def _review_headers(_: Translate) -> list[tuple[str, float]]:
    return [
        (_("Review id"), 38),
        (_("Review"), 40),
        (_("Partnership"), 30),
        (_("Sectors"), 10),
        (_("Kind"), 24),
        (_("Visit date"), 14),
        (_("Phase"), 12),
        (_("Revision"), 12),
        (_("Framework"), 30),
        (_("Overall judgement"), 24),
        (_("Criteria"), 12),
        (_("Criteria filled in"), 12),
        (_("Strengths"), 14),
        (_("Development points"), 16),
    ]


def _review_columns(review: OverviewReview) -> tuple[str, ...]:
    """Id, title, partnership, sectors, kind and phase: the review's columns on both sheets, but the date.

    Kept as plain text: a cell made for a formula-like text cannot be shared between rows.
    """
    return (
        str(review.id),
        review.title,
        review.partnership,
        sectors_label(review.sectors),
        review.kind_label,
        review.phase_label,
    )


def _date_cell(sheet: WriteOnlyWorksheet, review: OverviewReview, date_format: str) -> Cell | None:
    if review.visit_date is None:
        return None
    cell = WriteOnlyCell(sheet)
    cell.value = review.visit_date
    cell.number_format = date_format
    return cell


class _TextCells:
    """Text values as write-only cells may take them, memoised: the same labels recur on thousands of rows.

    A text that would be read as a formula becomes a cell typed as a string (a new one each time: openpyxl
    reuses a cell it is given for the next value in the row); an empty text becomes no cell at all.
    """

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self._sheet = sheet
        self._seen: dict[str, str | None] = {}
        self._formulas: set[str] = set()

    def __call__(self, value: str) -> TextValue:
        try:
            cleaned = self._seen[value]
        except KeyError:
            cleaned = clean_text(value) or None
            if cleaned is not None and looks_like_formula(cleaned):
                self._formulas.add(value)
            self._seen[value] = cleaned
        if cleaned is not None and value in self._formulas:
            return text_cell(self._sheet, cleaned)
        return cleaned


def _start_table_sheet(sheet: WriteOnlyWorksheet, headers: Sequence[tuple[str, float]]) -> None:
    """Widths, frozen header and print layout go before the first row in write-only mode; then the header row."""
    # A write-only sheet has these parts of a normal one (openpyxl copies them over; its type stubs do not say so).
    layout = cast(Worksheet, sheet)
    for column, (_header, width) in enumerate(headers, start=1):
        layout.column_dimensions[get_column_letter(column)].width = width
    layout.freeze_panes = "A2"
    # As styles.set_print_layout, which needs a normal sheet: landscape A4, one page wide, header on every page.
    layout.page_setup.orientation = "landscape"
    layout.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    layout.page_setup.fitToWidth = 1
    layout.page_setup.fitToHeight = 0
    properties = layout.sheet_properties.pageSetUpPr
    assert properties is not None  # every sheet has them; the types allow None
    properties.fitToPage = True
    layout.print_title_rows = "1:1"
    lines = max(wrapped_lines(header, width * 0.9) for header, width in headers)  # bold is about a tenth wider
    if lines > 1:
        layout.row_dimensions[1].height = lines * LINE_HEIGHT + 2
    row = []
    for header, _width in headers:
        cell = text_cell(sheet, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        row.append(cell)
    sheet.append(row)


def _finish_table_sheet(
    sheet: WriteOnlyWorksheet,
    name: str,
    headers: Sequence[tuple[str, float]],
    count: int,
    *,
    print_title: str,
    page_text: str,
) -> None:
    """Define the table over the rows written; an empty table keeps one blank row, as Excel requires."""
    ref = f"A1:{get_column_letter(len(headers))}{max(count, 1) + 1}"
    table = Table(displayName=name, ref=ref)
    table.tableColumns = [TableColumn(id=index, name=header) for index, (header, _width) in enumerate(headers, 1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=_TABLE_STYLE, showRowStripes=True)
    with warnings.catch_warnings():
        # openpyxl warns that write-only tables need their columns set by hand, which they are.
        warnings.simplefilter("ignore", UserWarning)
        cast(Worksheet, sheet).add_table(table)
    set_print_header(sheet, print_title, page_text=page_text)
