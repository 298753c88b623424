"""The first sheet of the review workbook: the review, the partnership, the panel and the judgements at a glance."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.kind import FieldType, Scope, is_empty
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.reports.excel.labels import (
    Translate,
    capitalised,
    kind_label,
    language_label,
    phase_label,
    role_label,
    sectors_label,
    status_label,
)
from peerreview_app.reports.excel.styles import (
    HEADER_FONT,
    LABEL_FONT,
    TITLE_FONT,
    WRAP,
    cell_at,
    fit_row_height,
    set_print_header,
    set_print_layout,
    set_text,
    set_widths,
    style_header_row,
)
from peerreview_app.reports.excel.table_sheet import CellValue, put_value

_WIDTHS = (30, 40, 26, 28, 50, 26)
_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)


def write_summary_sheet(sheet: Worksheet, review: Review, language: Language, _: Translate) -> None:
    """Details as label–value lines, then the panel and the judgements summary as small tables."""
    title = cell_at(sheet, 1, 1)
    set_text(title, review.title)
    title.font = TITLE_FONT
    row = 3
    for label, values in _details(review, language, _):
        row = _detail_line(sheet, row, label, values, language)
    row += 1
    row = _section(
        sheet,
        row,
        _("Panel"),
        (
            (_("Name"), _("Role"), _("Organisation"), _("E-mail")),
            [(m.name, role_label(_, m.role), m.organisation, m.email) for m in review.members],
        ),
        language,
    )
    row += 1
    if review.forms.kind.derivation is not None:
        _section(sheet, row, _("Judgements"), _judgement_table(review, language, _), language)
    else:
        _section(sheet, row, _("Findings per standard"), _finding_counts(review, language, _), language)
    for line in range(3, sheet.max_row + 1):
        fit_row_height(sheet, line, _WIDTHS, bold=cell_at(sheet, line, 1).font == HEADER_FONT)
    set_widths(sheet, _WIDTHS)
    set_print_layout(sheet)
    set_print_header(sheet, review.title, page_text=_("Page {page} of {pages}").format(page="&P", pages="&N"))


def _details(review: Review, language: Language, _: Translate) -> list[tuple[str, Sequence[CellValue]]]:
    partnership = review.partnership
    framework = review.framework
    details: list[tuple[str, Sequence[CellValue]]] = [
        (_("Partnership"), [partnership.name]),
        (_("Education region"), [partnership.region]),
        (_("Sectors"), [sectors_label(review.sectors or partnership.sectors)]),
        (_("Recognition status"), [status_label(_, partnership.status)]),
        (_("Kind of peer review"), [kind_label(_, review.kind)]),
        (
            _("Framework"),
            [_("{name}, version {version}").format(name=framework.name.get(language), version=framework.version)],
        ),
        (_("Visit days"), list(review.visit_dates) or [_("not planned yet")]),
        (_("Phase"), [phase_label(_, review.phase)]),
        (_("Revision"), [review.revision]),
        (_("Report language"), [language_label(_, language)]),
    ]
    if review.adopted_at is not None:
        details.append((_("Adopted on"), [review.adopted_at]))
    return details


def _detail_line(sheet: Worksheet, row: int, label: str, values: Sequence[CellValue], language: Language) -> int:
    """One label with its value(s), one value per line (several visit days); answers the next free row."""
    cell = cell_at(sheet, row, 1)
    set_text(cell, label)
    cell.font = LABEL_FONT
    cell.alignment = WRAP
    for offset, value in enumerate(values or [""]):
        value_cell = cell_at(sheet, row + offset, 2)
        put_value(value_cell, value, language)
        value_cell.alignment = _LEFT  # a revision number under a name, not at the far right
    return row + max(len(values), 1)


def _section(
    sheet: Worksheet,
    row: int,
    title: str,
    table: tuple[Sequence[str], Sequence[Sequence[CellValue]]],
    language: Language,
) -> int:
    """A bold section title, a styled header row and the rows under it; answers the next free row."""
    cell = cell_at(sheet, row, 1)
    set_text(cell, title)
    cell.font = LABEL_FONT
    headers, rows = table
    row += 1
    for column, header in enumerate(headers, start=1):
        set_text(cell_at(sheet, row, column), header)
    style_header_row(sheet, row, len(headers))
    for values in rows:
        row += 1
        for column, value in enumerate(values, start=1):
            put_value(cell_at(sheet, row, column), value, language)
    return row + 1


def _judgement_table(
    review: Review, language: Language, _: Translate
) -> tuple[Sequence[str], list[Sequence[CellValue]]]:
    """Assessment: per standard the derived judgement, a deviating one with its reason, and the result."""
    kind = review.forms.kind
    derivation = kind.derivation
    assert derivation is not None

    def label(scale_id: str, value: str | None) -> str:
        if not value:
            return ""
        scale = kind.scale(scale_id)
        return scale.value(value).label.get(language) if value in scale.ids() else value

    headers = (
        _("Standard"),
        _("Title"),
        _("Derived judgement"),
        _("Judgement deviating from the derived one"),
        _("Reason for deviating"),
        _("Judgement"),
    )
    rows: list[Sequence[CellValue]] = []
    for standard in review.framework.standards:
        conclusion = review.standard_conclusions.get(standard.id)
        rows.append(
            (
                standard.id,
                standard.title.get(language),
                label(derivation.standard_scale, review.derived_standard_judgement(standard.id)),
                label(derivation.standard_scale, conclusion.override if conclusion else None),
                conclusion.override_reason if conclusion else "",
                label(derivation.standard_scale, review.standard_judgement(standard.id)),
            )
        )
    overall = review.conclusion
    rows.append(
        (
            "",
            _("Overall judgement"),
            label(derivation.overall_scale, review.derived_overall_judgement()),
            label(derivation.overall_scale, overall.override if overall else None),
            overall.override_reason if overall else "",
            label(derivation.overall_scale, review.overall_judgement()),
        )
    )
    return headers, rows


def _finding_counts(
    review: Review, language: Language, _: Translate
) -> tuple[Sequence[str], list[Sequence[CellValue]]]:
    """Developmental: per standard how many items each list field (strengths, development points…) holds."""
    lists = [spec for spec in review.forms.kind.fields_for(Scope.CRITERION) if spec.type is FieldType.LIST]
    headers = (_("Standard"), _("Title"), *(capitalised(spec.label.get(language)) for spec in lists))
    rows: list[Sequence[CellValue]] = []
    for standard in review.framework.standards:
        counts = [0] * len(lists)
        for criterion in standard.criteria:
            values = review.findings[criterion.id].values if criterion.id in review.findings else {}
            for index, spec in enumerate(lists):
                items = values.get(spec.id)
                if isinstance(items, tuple):
                    counts[index] += sum(1 for item in items if not is_empty(item))
        rows.append((standard.id, standard.title.get(language), *counts))
    return headers, rows
