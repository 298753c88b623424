"""The fact-check workbook: the draft findings paragraph by paragraph, with a comment column for the partnership.

The receiving partnership checks the draft for factual errors (feitelijke onjuistheden) and writes a comment next
to a paragraph; `workbook_import` reads the comments back against their paragraph references.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.factcheck import Target, paragraphs
from peerreview_app.domain.kind import FieldSpec, FieldType, Scope
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.records import Values
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
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
    cell_at,
    clean_text,
    safe_sheet_title,
    set_print_header,
    set_print_layout,
    set_text,
    set_widths,
    style_header_row,
)
from peerreview_app.reports.excel.workbook_meta import (
    FACTCHECK_FORMAT,
    FORMAT_VERSION,
    META_SHEET,
    meta_rows,
    paragraph_digest,
    write_meta_sheet,
)

# The layout of format version 1; `workbook_import` reads the same cells.
HEADER_ROW = 5
FIRST_ROW = 6
REFERENCE_COLUMN = 1  # hidden: the paragraph reference (factcheck.Target)
LOCATION_COLUMN = 2
PARAGRAPH_COLUMN = 3
COMMENT_COLUMN = 4
_WIDTHS = (30, 36, 80, 60)
SHEET_KEY = "factcheck"


@dataclass(frozen=True, slots=True)
class DraftParagraph:
    """One paragraph of the draft findings: where it is (reference and in words) and its text as written."""

    target: str
    location: str
    text: str


def write_factcheck_workbook(review: Review, *, created_at: datetime, language: Language | None = None) -> bytes:
    """The fact-check workbook (.xlsx bytes) of `review`'s draft findings, in `language` (the review's if None)."""
    language = Language(language or review.language)
    _ = translator(language)
    rows = list(draft_paragraphs(review, language, _))
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    taken = {META_SHEET}
    instructions.title = safe_sheet_title(_("Instructions"), taken)
    sheet = workbook.create_sheet(safe_sheet_title(_("Fact check"), taken))
    _write_instructions(instructions, review, sheet.title, created_at, language, _)
    _write_paragraph_sheet(sheet, review, rows, _)
    write_meta_sheet(
        workbook,
        [
            *meta_rows(
                format=FACTCHECK_FORMAT,
                format_version=FORMAT_VERSION,
                review_id=review.id,
                review_title=review.title,
                form_hash=review.forms.sha256,
                revision=review.revision,
                created_at=created_at.isoformat(),
                language=language.value,
            ),
            ("sheet", SHEET_KEY, sheet.title),
            *(("paragraph", row.target, paragraph_digest(row.text)) for row in rows),
        ],
    )
    workbook.security = WorkbookProtection(lockStructure=True)
    set_properties(workbook, _("Fact check: {review}").format(review=review.title), created_at)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def draft_paragraphs(review: Review, language: Language, _: Translate) -> Iterator[DraftParagraph]:
    """Every paragraph of the draft findings in report order: per standard its criteria and its conclusion, then
    the development questions and the overall conclusion. Texts are as the workbook holds them."""
    kind = review.forms.kind
    for standard in review.framework.standards:
        standard_name = f"{standard.id} {standard.title.get(language)}"
        for criterion in standard.criteria:
            yield from _field_paragraphs(
                kind.fields_for(Scope.CRITERION),
                review.findings[criterion.id].values,
                ("criterion", criterion.id),
                (standard_name, f"{criterion.id} {criterion.title.get(language)}"),
                language,
                _,
            )
        yield from _field_paragraphs(
            kind.fields_for(Scope.STANDARD),
            review.standard_conclusions[standard.id].values,
            ("standard", standard.id),
            (standard_name,),
            language,
            _,
        )
    for question in review.questions:
        yield from _field_paragraphs(
            kind.fields_for(Scope.DEVELOPMENT_QUESTION),
            question.values,
            ("question", str(question.id)),
            (_("Development question {number}").format(number=question.number),),
            language,
            _,
        )
    if review.conclusion is not None:
        yield from _field_paragraphs(
            kind.fields_for(Scope.CONCLUSION),
            review.conclusion.values,
            ("conclusion", "-"),
            (_("Conclusion"),),
            language,
            _,
        )


def _field_paragraphs(
    specs: tuple[FieldSpec, ...],
    values: Values,
    holder: tuple[str, str],
    place: tuple[str, ...],
    language: Language,
    _: Translate,
) -> Iterator[DraftParagraph]:
    for spec in specs:
        if spec.type not in (FieldType.TEXT, FieldType.LIST):
            continue  # judgements and question links are not paragraphs of text
        for number, text in enumerate(paragraphs(values.get(spec.id)), start=1):
            target = str(Target(holder[0], holder[1], spec.id, number))
            label = spec.label.get(language)
            if spec.type is FieldType.LIST:
                part = _("{field}, item {number}").format(field=label, number=number)
            else:
                part = _("{field}, paragraph {number}").format(field=label, number=number)
            yield DraftParagraph(target, " · ".join((*place, part)), clean_text(text))


def _write_instructions(
    sheet: Worksheet, review: Review, sheet_title: str, created_at: datetime, language: Language, _: Translate
) -> None:
    secretary = next(iter(review.members_with_role(Role.SECRETARY)), None)
    write_instructions(
        sheet,
        title=_("Fact check of the draft report"),
        facts=[
            (_("Review"), review.title),
            (_("Partnership"), review.partnership.name),
            (_("Made on"), created_at),
        ],
        heading=_("What to do"),
        steps=[
            _("The sheet {sheet} holds the panel's draft findings, one paragraph per row.").format(sheet=sheet_title),
            _(
                "Check them for factual errors: facts that are incorrect or incomplete. The panel's judgements and "
                "advice are not part of the fact check."
            ),
            _(
                "Write your comment in the tinted cell next to the paragraph concerned, and say what is correct. "
                "Leave the cell empty where you have no comment."
            ),
            _(
                "Only the tinted cells are for your input; the other cells are protected. Do not rename, move or "
                "delete sheets, do not insert or delete rows, and do not merge cells."
            ),
            _("Type text, not formulas; a cell holds at most {limit} characters.").format(
                limit=f"{EXCEL_CELL_LIMIT:,}"
            ),
            send_back(_, secretary),
        ],
        language=language,
    )


def _write_paragraph_sheet(sheet: Worksheet, review: Review, rows: list[DraftParagraph], _: Translate) -> None:
    set_text(cell_at(sheet, 1, LOCATION_COLUMN), _("Fact check of the draft report"))
    cell_at(sheet, 1, LOCATION_COLUMN).font = TITLE_FONT
    set_text(cell_at(sheet, 2, LOCATION_COLUMN), review.title)
    hint = cell_at(sheet, 3, LOCATION_COLUMN)
    set_text(hint, _("Only the tinted cells are for your input; the other cells are protected."))
    hint.font = LABEL_FONT
    headers = (_("Reference"), _("Where in the report"), _("Draft text"), _("Your comment"))
    for column, header in enumerate(headers, start=1):
        set_text(cell_at(sheet, HEADER_ROW, column), header)
    style_header_row(sheet, HEADER_ROW, len(headers))
    set_widths(sheet, _WIDTHS)
    sheet.column_dimensions["A"].hidden = True  # the reference is for reading back, the location for people
    for row_number, row in enumerate(rows, start=FIRST_ROW):
        set_text(cell_at(sheet, row_number, REFERENCE_COLUMN), row.target)
        set_text(cell_at(sheet, row_number, LOCATION_COLUMN), row.location, wrap=True)
        set_text(cell_at(sheet, row_number, PARAGRAPH_COLUMN), row.text, wrap=True)
        input_cell(cell_at(sheet, row_number, COMMENT_COLUMN), "")
        sheet.row_dimensions[row_number].height = row_height(row.text, _WIDTHS[2], minimum_lines=3)
    sheet.freeze_panes = cell_at(sheet, FIRST_ROW, 1)
    set_print_layout(sheet, header_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    set_print_header(sheet, review.title, page_text=_("Page &P of &N"))
    protect_input_sheet(sheet)
