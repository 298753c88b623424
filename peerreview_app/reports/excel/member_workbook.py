"""The fill-in workbook for a panel member without the app: notes (and provisional judgements) per criterion.

One sheet per standard (waarborg) with the criterion texts protected and the member's input cells open and
tinted; an instructions sheet; the hidden metadata sheet that `workbook_import` reads back.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.errors import InvalidValueError
from peerreview_app.domain.framework import Standard
from peerreview_app.domain.member_input import workbook_note_id
from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.dropdowns import add_dropdown
from peerreview_app.reports.excel.fillin_sheets import (
    Translate,
    input_cell,
    protect_input_sheet,
    row_height,
    send_back,
    set_properties,
    write_instructions,
)
from peerreview_app.reports.excel.styles import (
    EXCEL_CELL_LIMIT,
    LABEL_FONT,
    TITLE_FONT,
    WRAP,
    cell_at,
    safe_sheet_title,
    set_print_header,
    set_print_layout,
    set_text,
    set_widths,
    style_header_row,
)
from peerreview_app.reports.excel.workbook_meta import (
    FORMAT_VERSION,
    MEMBER_FORMAT,
    META_SHEET,
    meta_rows,
    write_meta_sheet,
)

# The layout of format version 1; `workbook_import` reads the same cells.
HEADER_ROW = 5
FIRST_ROW = 6
ID_COLUMN = 1
TITLE_COLUMN = 2
BASELINE_COLUMN = 3
NOTES_COLUMN = 4
JUDGEMENT_COLUMN = 5
MOTIVATION_COLUMN = 6
_WIDTHS = (11, 32, 60, 60, 20, 50)
LISTS_SHEET = "_lists"


def write_member_workbook(
    review: Review, member_id: UUID, *, created_at: datetime, language: Language | None = None
) -> bytes:
    """The fill-in workbook (.xlsx bytes) for one panel member of `review`, in `language` (the review's if None).

    Raises `UnknownReferenceError` for a member not in the review and `InvalidValueError` for someone not on
    the panel, or when a note to prefill is longer than an Excel cell holds.
    """
    member = review.member(member_id)
    if not member.role.on_panel:
        raise InvalidValueError(f"{member.name} is not on the panel and has no notes to fill in")
    language = Language(language or review.language)
    _ = translator(language)
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    taken = {META_SHEET, LISTS_SHEET}
    instructions.title = safe_sheet_title(_("Instructions"), taken)
    _write_member_instructions(instructions, review, member, created_at, language, _)
    sheets: list[tuple[str, ...]] = []
    for standard in review.framework.standards:
        title = safe_sheet_title(f"{standard.id} {standard.title.get(language)}", taken)
        sheet = workbook.create_sheet(title)
        _write_standard_sheet(sheet, review, member, standard, language, _)
        sheets.append(("sheet", standard.id, title))
    write_meta_sheet(
        workbook,
        [
            *meta_rows(
                format=MEMBER_FORMAT,
                format_version=FORMAT_VERSION,
                review_id=review.id,
                review_title=review.title,
                member_id=member.id,
                member_name=member.name,
                form_hash=review.forms.sha256,
                revision=review.revision,
                created_at=created_at.isoformat(),
                language=language.value,
            ),
            *sheets,
        ],
    )
    # Without a password: it keeps sheets from being renamed, moved or deleted by accident, not by intent.
    workbook.security = WorkbookProtection(lockStructure=True)
    set_properties(workbook, f"{review.title} · {member.name}", created_at)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_member_instructions(
    sheet: Worksheet, review: Review, member: PanelMember, created_at: datetime, language: Language, _: Translate
) -> None:
    secretary = next(iter(review.members_with_role(Role.SECRETARY)), None)
    steps = [_("Write your notes per criterion in the tinted cells, on the sheet of each standard (waarborg).")]
    if review.forms.kind.member_judgements:
        steps.append(
            _("Choose your provisional judgement per criterion from the list in its cell, and write its motivation.")
        )
    steps += [
        _("Notes you sent in an earlier workbook are filled in already: change them, or empty a cell to withdraw it."),
        _(
            "Only the tinted cells are for your input; the other cells are protected. Do not rename, move or delete "
            "sheets, do not insert or delete rows, and do not merge cells."
        ),
        _("Type text, not formulas; a cell holds at most {limit} characters.").format(limit=f"{EXCEL_CELL_LIMIT:,}"),
        send_back(_, secretary),
    ]
    write_instructions(
        sheet,
        title=_("Notes workbook for {member}").format(member=member.name),
        facts=[
            (_("Review"), review.title),
            (_("Partnership"), review.partnership.name),
            (_("Panel member"), member.name),
            (_("Made on"), created_at),
        ],
        heading=_("What to do"),
        steps=steps,
        language=language,
    )


def _write_standard_sheet(
    sheet: Worksheet, review: Review, member: PanelMember, standard: Standard, language: Language, _: Translate
) -> None:
    judgements = review.forms.kind.member_judgements and review.forms.kind.criterion_scale() is not None
    set_text(cell_at(sheet, 1, 1), f"{standard.id} {standard.title.get(language)}")
    cell_at(sheet, 1, 1).font = TITLE_FONT
    set_text(cell_at(sheet, 2, 1), _("Notes of {member} for {review}").format(member=member.name, review=review.title))
    hint = cell_at(sheet, 3, 1)
    set_text(hint, _("Only the tinted cells are for your input; the other cells are protected."))
    hint.font = LABEL_FONT
    headers = [_("Criterion"), _("Title"), _("Baseline quality"), _("Your notes")]
    if judgements:
        headers += [_("Provisional judgement"), _("Motivation")]
    for column, header in enumerate(headers, start=1):
        set_text(cell_at(sheet, HEADER_ROW, column), header)
    style_header_row(sheet, HEADER_ROW, len(headers))
    set_widths(sheet, _WIDTHS[: len(headers)])

    label = _judgement_labeller(review, language)
    for row, criterion in enumerate(standard.criteria, start=FIRST_ROW):
        note = next((n for n in review.notes if n.id == workbook_note_id(review.id, member.id, criterion.id)), None)
        baseline = criterion.baseline.get(language)
        for column, text in ((ID_COLUMN, criterion.id), (TITLE_COLUMN, criterion.title.get(language))):
            set_text(cell_at(sheet, row, column), text, wrap=True)
        set_text(cell_at(sheet, row, BASELINE_COLUMN), baseline, wrap=True)
        input_cell(cell_at(sheet, row, NOTES_COLUMN), _prefill(note.text if note else "", criterion.id))
        if judgements:
            current = next(
                (j for j in review.member_judgements if j.member_id == member.id and j.criterion_id == criterion.id),
                None,
            )
            input_cell(cell_at(sheet, row, JUDGEMENT_COLUMN), label(current.judgement if current else None))
            motivation = current.motivation if current else ""
            input_cell(cell_at(sheet, row, MOTIVATION_COLUMN), _prefill(motivation, criterion.id))
        sheet.row_dimensions[row].height = row_height(baseline, _WIDTHS[BASELINE_COLUMN - 1])
        cell_at(sheet, row, ID_COLUMN).alignment = WRAP
    last_row = FIRST_ROW + len(standard.criteria) - 1
    if judgements and standard.criteria:
        scale = review.forms.kind.criterion_scale()
        assert scale is not None
        add_dropdown(
            sheet,
            f"{get_column_letter(JUDGEMENT_COLUMN)}{FIRST_ROW}:{get_column_letter(JUDGEMENT_COLUMN)}{last_row}",
            [value.label.get(language) for value in scale.values],
            error_title=_("Provisional judgement"),
            error_message=_("Choose a value from the list, or leave the cell empty."),
            values_sheet_title=LISTS_SHEET,
        )
    sheet.freeze_panes = cell_at(sheet, FIRST_ROW, 1)
    set_print_layout(sheet, header_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    set_print_header(sheet, f"{review.title} · {member.name}", page_text=_("Page &P of &N"))
    protect_input_sheet(sheet)


def _judgement_labeller(review: Review, language: Language) -> Callable[[str | None], str]:
    scale = review.forms.kind.criterion_scale()

    def label(value_id: str | None) -> str:
        if not value_id or scale is None:
            return ""
        return scale.value(value_id).label.get(language)

    return label


def _prefill(text: str, criterion_id: str) -> str:
    # Truncating would lose text on the way back; such a note is better shortened in the app first.
    if len(text) > EXCEL_CELL_LIMIT:
        raise InvalidValueError(
            f"{criterion_id}: the note or motivation has {len(text):,} characters, more than an Excel cell holds "
            f"({EXCEL_CELL_LIMIT:,}); shorten it in the app before making the workbook"
        )
    return text
