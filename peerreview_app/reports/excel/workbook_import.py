"""Reading a returned fill-in workbook back: the input to import, or every problem at once with sheet and cell.

Reading never changes anything. It checks that the workbook belongs to this review (and member), that the forms
did not change since it was made, that every sheet and row is where it was written, and that every input cell
holds plain text of a fitting length or a value of its dropdown; all problems are collected before raising.
`domain.member_input` then plans and applies the import.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.factcheck import Target, check_target
from peerreview_app.domain.member_input import CommentEntry, CriterionEntry, FactCheckInput, MemberInput
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.reports.excel import factcheck_workbook as fc, member_workbook as mw
from peerreview_app.reports.excel.styles import EXCEL_CELL_LIMIT
from peerreview_app.reports.excel.workbook_meta import (
    WorkbookMeta,
    WorkbookProblems,
    cell_ref,
    meta_of,
    open_workbook,
    paragraph_digest,
    read_workbook_meta,
)

__all__ = [
    "WorkbookMeta",
    "WorkbookProblems",
    "read_factcheck_workbook",
    "read_member_workbook",
    "read_workbook_meta",
]


def read_member_workbook(data: bytes, file_name: str, review: Review, meta: WorkbookMeta) -> MemberInput:
    """A panel member's notes (and provisional judgements) from their workbook; `WorkbookProblems` lists every
    reason it cannot be imported into `review`."""
    workbook = _opened(data, file_name, meta)
    problems = _identity_problems(review, meta, "member")
    member_id = meta.member_id
    if member_id is None:
        raise WorkbookProblems([*problems, _changed_metadata()])
    member = next((m for m in review.members if m.id == member_id), None)
    if member is None:
        problems.append(
            _("{file}: the panel member of this workbook, {name}, is not in this review").format(
                file=_("file"), name=meta.member_name or member_id
            )
        )
    elif not member.role.on_panel:
        problems.append(_("{file}: {name} is not on the panel of this review").format(file=_("file"), name=member.name))
    reader = _MemberSheetReader(review, meta, problems)
    entries: list[CriterionEntry] = []
    listed = {ref.key for ref in meta.sheets}
    if any(standard.id not in listed for standard in review.framework.standards):
        problems.append(_changed_metadata())
    for ref in meta.sheets:
        sheet = _sheet(workbook, ref.title, problems)
        if sheet is not None and review.framework.has_standard(ref.key):
            entries += reader.read(sheet, ref.key)
    if problems:
        raise WorkbookProblems(problems)
    return MemberInput(review.id, member_id, tuple(entries))


def read_factcheck_workbook(data: bytes, file_name: str, review: Review, meta: WorkbookMeta) -> FactCheckInput:
    """The partnership's comments from a fact-check workbook; `WorkbookProblems` lists every reason it cannot be
    imported into `review`."""
    workbook = _opened(data, file_name, meta)
    problems = _identity_problems(review, meta, "factcheck")
    comments: list[CommentEntry] = []
    refs = [ref for ref in meta.sheets if ref.key == fc.SHEET_KEY]
    if len(refs) != 1:
        raise WorkbookProblems([*problems, _changed_metadata()])
    sheet = _sheet(workbook, refs[0].title, problems)
    if sheet is not None:
        last_row = fc.FIRST_ROW + len(meta.paragraphs) - 1
        problems += _merged_problems(sheet, last_row, fc.COMMENT_COLUMN, fc.COMMENT_COLUMN)
        for row, paragraph in enumerate(meta.paragraphs, start=fc.FIRST_ROW):
            reference = sheet.cell(row=row, column=fc.REFERENCE_COLUMN)
            if reference.value != paragraph.target:
                problems.append(
                    _("{cell}: expected paragraph {expected} in this row, found {found}; {rule}").format(
                        cell=cell_ref(sheet, reference.coordinate),
                        expected=paragraph.target,
                        found=_shown(reference.value),
                        rule=_rows_fixed(),
                    )
                )
                continue
            text_cell = sheet.cell(row=row, column=fc.PARAGRAPH_COLUMN)
            quoted = _line_breaks(text_cell.value) if isinstance(text_cell.value, str) else ""
            if paragraph_digest(quoted) != paragraph.digest:
                problems.append(
                    _(
                        "{cell}: the draft text was changed; leave it as it is and write your correction in the "
                        "comment column"
                    ).format(cell=cell_ref(sheet, text_cell.coordinate))
                )
                continue
            comment_cell = sheet.cell(row=row, column=fc.COMMENT_COLUMN)
            comment = _text(comment_cell, problems)
            if comment:
                try:
                    check_target(review, Target.parse(paragraph.target))
                except DomainError as exc:
                    problems.append(
                        _("{cell}: paragraph {target} is no longer in the review ({reason})").format(
                            cell=cell_ref(sheet, comment_cell.coordinate), target=paragraph.target, reason=exc
                        )
                    )
                    continue
                comments.append(
                    CommentEntry(paragraph.target, quoted, comment, cell_ref(sheet, comment_cell.coordinate))
                )
    if problems:
        raise WorkbookProblems(problems)
    return FactCheckInput(review.id, tuple(comments))


class _MemberSheetReader:
    """Reads the criterion rows of one standard's sheet, adding what is wrong to `problems`."""

    def __init__(self, review: Review, meta: WorkbookMeta, problems: list[str]) -> None:
        self.review = review
        self.problems = problems
        kind = review.forms.kind
        self.scale = kind.criterion_scale() if kind.member_judgements else None
        self.choices: dict[str, str] = {}
        self.allowed = ""
        if self.scale is not None:
            # The workbook shows labels in its own language; ids and the other language's labels are accepted too.
            for value in self.scale.values:
                for text in (value.id, value.label.nl, value.label.en):
                    if text:
                        self.choices.setdefault(text.strip().casefold(), value.id)
            self.allowed = ", ".join(value.label.get(meta.language) for value in self.scale.values)

    def read(self, sheet: Worksheet, standard_id: str) -> list[CriterionEntry]:
        criteria = self.review.framework.standard(standard_id).criteria
        last_input = mw.MOTIVATION_COLUMN if self.scale is not None else mw.NOTES_COLUMN
        self.problems += _merged_problems(sheet, mw.FIRST_ROW + len(criteria) - 1, mw.NOTES_COLUMN, last_input)
        entries: list[CriterionEntry] = []
        for row, criterion in enumerate(criteria, start=mw.FIRST_ROW):
            id_cell = sheet.cell(row=row, column=mw.ID_COLUMN)
            found = id_cell.value.strip() if isinstance(id_cell.value, str) else id_cell.value
            if found != criterion.id:
                self.problems.append(self._moved_row(cell_ref(sheet, id_cell.coordinate), criterion.id, found))
                continue
            notes_cell = sheet.cell(row=row, column=mw.NOTES_COLUMN)
            notes = _text(notes_cell, self.problems)
            judgement, motivation = None, ""
            if self.scale is not None:
                judgement = self._judgement(sheet, sheet.cell(row=row, column=mw.JUDGEMENT_COLUMN))
                motivation = _text(sheet.cell(row=row, column=mw.MOTIVATION_COLUMN), self.problems)
            entries.append(
                CriterionEntry(criterion.id, notes, judgement, motivation, cell_ref(sheet, notes_cell.coordinate))
            )
        return entries

    def _moved_row(self, cell: str, expected: str, found: object) -> str:
        if isinstance(found, str) and found and not self.review.framework.has_criterion(found):
            return _("{cell}: {found} is not a criterion of this review; expected {expected} ({rule})").format(
                cell=cell, found=_shown(found), expected=expected, rule=_rows_fixed()
            )
        return _("{cell}: expected criterion {expected} in this row, found {found}; {rule}").format(
            cell=cell, expected=expected, found=_shown(found), rule=_rows_fixed()
        )

    def _judgement(self, sheet: Worksheet, cell: Cell | MergedCell) -> str | None:
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        where = cell_ref(sheet, cell.coordinate)
        if _is_formula(cell):
            self.problems.append(_formula(where))
            return None
        chosen = self.choices.get(str(value).strip().casefold())
        if chosen is None:
            self.problems.append(
                _("{cell}: {value} is not one of {allowed}").format(
                    cell=where, value=_shown(value), allowed=self.allowed
                )
            )
        return chosen


def _opened(data: bytes, file_name: str, meta: WorkbookMeta) -> Workbook:
    workbook = open_workbook(data, file_name)
    if meta_of(workbook) != meta:
        raise WorkbookProblems(
            [_("{file}: the metadata given does not belong to this workbook").format(file=_("file"))]
        )
    return workbook


def _identity_problems(review: Review, meta: WorkbookMeta, kind: str) -> list[str]:
    """Whether the workbook was made for this review and its forms; raises at once when it was not at all."""
    file = _("file")
    if meta.kind != kind:
        raise WorkbookProblems(
            [
                _("{file}: this is a fact-check workbook, not a panel member's workbook").format(file=file)
                if meta.kind == "factcheck"
                else _("{file}: this is a panel member's workbook, not a fact-check workbook").format(file=file)
            ]
        )
    fatal: list[str] = []
    if meta.review_id != review.id:
        fatal.append(
            _("{file}: this workbook was made for another review (id {id}), not for '{title}'").format(
                file=file, id=meta.review_id, title=review.title
            )
        )
    if meta.form_hash != review.forms.sha256:
        fatal.append(
            _(
                "{file}: the forms of the review changed since the workbook was made; ask the secretary for a new "
                "workbook"
            ).format(file=file)
        )
    if fatal:  # cells of another review or another form cannot be checked against this one
        raise WorkbookProblems(fatal)
    problems: list[str] = []
    if meta.revision != review.revision:
        problems.append(
            _("{file}: the workbook was made for revision {made}; the review is at revision {now}").format(
                file=file, made=meta.revision, now=review.revision
            )
        )
    return problems


def _sheet(workbook: Workbook, title: str, problems: list[str]) -> Worksheet | None:
    """The sheet written as `title`; sheets are found by name, so a renamed or deleted one is missing."""
    if title in workbook.sheetnames:
        return workbook[title]
    for name in workbook.sheetnames:
        if name.casefold() == title.casefold():  # Excel itself does not tell names apart by case
            return workbook[name]
    problems.append(
        _(
            "{file}: the sheet '{sheet}' is missing; sheets are found by the name they were given, so a renamed or "
            "deleted sheet cannot be read (give it back its name, or ask for a new workbook)"
        ).format(file=_("file"), sheet=title)
    )
    return None


def _merged_problems(sheet: Worksheet, last_row: int, first_column: int, last_column: int) -> list[str]:
    """Merged cells that touch the input cells: their text would belong to one row or column only."""
    problems = []
    for merged in sheet.merged_cells.ranges:
        rows_meet = merged.min_row <= last_row and merged.max_row >= mw.FIRST_ROW
        columns_meet = merged.min_col <= last_column and merged.max_col >= first_column
        if rows_meet and columns_meet:
            problems.append(
                _("{cells}: merged cells in the input area; unmerge them").format(cells=cell_ref(sheet, merged.coord))
            )
    return problems


def _text(cell: Cell | MergedCell, problems: list[str]) -> str:
    """The text of an input cell, or "" with the reason added to `problems` when it holds anything but text."""
    value = cell.value  # always None in a merged cell; `_merged_problems` reports those
    if value is None:
        return ""
    where = cell_ref(cell.parent.title, cell.coordinate)
    if _is_formula(cell):
        problems.append(_formula(where))
    elif isinstance(value, datetime | date):
        problems.append(_("{cell}: a date where text was expected; type it as text").format(cell=where))
    elif isinstance(value, time | timedelta):
        problems.append(_("{cell}: a time where text was expected; type it as text").format(cell=where))
    elif isinstance(value, bool):
        problems.append(_("{cell}: TRUE or FALSE where text was expected; type it as text").format(cell=where))
    elif isinstance(value, int | float):
        problems.append(_("{cell}: a number where text was expected; type it as text").format(cell=where))
    elif cell.data_type == "e":
        problems.append(_("{cell}: an error value ({value}) where text was expected").format(cell=where, value=value))
    elif not isinstance(value, str):
        problems.append(_("{cell}: not text").format(cell=where))
    elif len(value) > EXCEL_CELL_LIMIT:
        problems.append(
            _("{cell}: {count} characters; a cell holds at most {limit}").format(
                cell=where, count=f"{len(value):,}", limit=f"{EXCEL_CELL_LIMIT:,}"
            )
        )
    else:
        return _line_breaks(value).strip()
    return ""


def _is_formula(cell: Cell | MergedCell) -> bool:
    return cell.data_type == "f" or isinstance(cell.value, ArrayFormula | DataTableFormula)


def _formula(where: str) -> str:
    return _("{cell}: a formula; type the text itself (formulas are not imported)").format(cell=where)


def _changed_metadata() -> str:
    return _("{file}: the hidden metadata sheet does not match the review's forms; ask for a new workbook").format(
        file=_("file")
    )


def _rows_fixed() -> str:
    return _("rows must not be moved, inserted, deleted or changed")


def _line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _shown(value: object) -> str:
    """A cell value quoted for a message; an empty cell says so."""
    if value is None or value == "":
        return _("an empty cell")
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "…")
