"""The review workbook: one review for secretaries who work in Excel.

Sheets: an overview, one sheet per standard (waarborg) with its criteria and the panel's findings, the visit
programme, the development questions (kinds that have them) and the documents. Everything in one language.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from peerreview_app.domain.framework import Standard
from peerreview_app.domain.kind import FieldSpec, FieldType, FieldValue, KindDefinition, Scope
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.excel.dropdowns import add_dropdown
from peerreview_app.reports.excel.labels import Translate, capitalised, document_kind_label, sectors_label
from peerreview_app.reports.excel.review_summary_sheet import write_summary_sheet
from peerreview_app.reports.excel.styles import safe_sheet_title
from peerreview_app.reports.excel.table_sheet import CellValue, Column, write_table_sheet

APPLICATION = "Peer Review Workbench"
# Narrow enough that a sheet printed one page wide stays readable (about 220 characters across).
_FIELD_WIDTHS = {FieldType.TEXT: 45, FieldType.LIST: 32, FieldType.JUDGEMENT: 15, FieldType.QUESTION_LINKS: 15}
_DOCUMENT_LANGUAGE = {Language.NL: "nl-NL", Language.EN: "en-GB"}


def write_review_workbook(review: Review, *, language: Language | None = None) -> bytes:
    """The review as an .xlsx workbook in `language` (default: the review's own language)."""
    language = Language(language or review.language)
    _ = translator(language)
    workbook = Workbook()
    taken: set[str] = set()
    page_text = _("Page {page} of {pages}").format(page="&P", pages="&N")

    def print_title(sheet_title: str) -> str:
        return _("{review} — {part}").format(review=review.title, part=sheet_title)

    summary = workbook.active
    assert summary is not None  # a new workbook has one sheet
    summary.title = safe_sheet_title(_("Overview"), taken)
    write_summary_sheet(summary, review, language, _)

    numbers = {str(q.id): q.number for q in review.questions}
    for standard in review.framework.standards:
        title = safe_sheet_title(f"{standard.id} {standard.title.get(language)}", taken)
        sheet = workbook.create_sheet(title)
        columns, rows = _standard_table(review, standard, numbers, language, _)
        last_row = write_table_sheet(
            sheet, columns, rows, language=language, print_title=print_title(title), page_text=page_text
        )
        _add_judgement_dropdowns(
            sheet, review.forms.kind, first_field_column=4, last_row=last_row, language=language, _=_
        )

    title = safe_sheet_title(_("Visit programme"), taken)
    columns, rows = _programme_table(review, _)
    write_table_sheet(
        workbook.create_sheet(title),
        columns,
        rows,
        language=language,
        print_title=print_title(title),
        page_text=page_text,
    )

    # The assessment kind has no development questions (the domain refuses them), so its workbook has no such
    # sheet; should a form give them fields, or a review hold questions, the sheet appears.
    if review.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION) or review.questions:
        title = safe_sheet_title(_("Development questions"), taken)
        columns, rows = _questions_table(review, numbers, language, _)
        write_table_sheet(
            workbook.create_sheet(title),
            columns,
            rows,
            language=language,
            print_title=print_title(title),
            page_text=page_text,
        )

    title = safe_sheet_title(_("Documents"), taken)
    columns, rows = _documents_table(review, _)
    write_table_sheet(
        workbook.create_sheet(title),
        columns,
        rows,
        language=language,
        print_title=print_title(title),
        page_text=page_text,
    )

    properties = workbook.properties
    properties.title = review.title
    properties.subject = review.partnership.name
    properties.creator = APPLICATION
    properties.lastModifiedBy = APPLICATION
    properties.identifier = str(review.id)
    properties.language = _DOCUMENT_LANGUAGE[language]
    properties.keywords = sectors_label(review.sectors)
    properties.description = review.forms.kind.name.get(language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def field_text(
    spec: FieldSpec, value: FieldValue, kind: KindDefinition, numbers: Mapping[str, int], language: Language
) -> str:
    """A field value as cell text: lists as bullet lines, judgements as their label, question links as numbers."""
    if value is None:
        return ""
    if isinstance(value, str):
        if spec.type is FieldType.JUDGEMENT and spec.scale in kind.scales:
            scale = kind.scales[spec.scale]
            return scale.value(value).label.get(language) if value in scale.ids() else value
        return value
    if spec.type is FieldType.QUESTION_LINKS:
        return ", ".join(str(numbers[link]) for link in value if link in numbers)
    return "\n".join(f"• {item}" for item in value if item.strip())


def _standard_table(
    review: Review, standard: Standard, numbers: Mapping[str, int], language: Language, _: Translate
) -> tuple[list[Column], list[list[CellValue]]]:
    kind = review.forms.kind
    specs = kind.fields_for(Scope.CRITERION)
    columns = [
        Column(_("Criterion"), 9),
        Column(_("Title"), 22),
        Column(_("Baseline quality"), 30),
        *(Column(capitalised(spec.label.get(language)), _FIELD_WIDTHS[spec.type]) for spec in specs),
        Column(_("Notes of panel members"), 10),
    ]
    rows: list[list[CellValue]] = []
    for criterion in standard.criteria:
        finding = review.findings.get(criterion.id)
        values = finding.values if finding is not None else {}
        rows.append(
            [
                criterion.id,
                criterion.title.get(language),
                criterion.baseline.get(language),
                *(field_text(spec, values.get(spec.id), kind, numbers, language) for spec in specs),
                len(review.notes_for_criterion(criterion.id)),
            ]
        )
    return columns, rows


def _add_judgement_dropdowns(
    sheet: Worksheet, kind: KindDefinition, *, first_field_column: int, last_row: int, language: Language, _: Translate
) -> None:
    """Every judgement column gets its scale's labels as a dropdown."""
    for offset, spec in enumerate(kind.fields_for(Scope.CRITERION)):
        if spec.type is not FieldType.JUDGEMENT or spec.scale not in kind.scales:
            continue
        labels = [value.label.get(language) for value in kind.scales[spec.scale].values]
        letter = get_column_letter(first_field_column + offset)
        add_dropdown(
            sheet,
            f"{letter}2:{letter}{max(last_row, 2)}",
            labels,
            error_title=_("Not a judgement"),
            error_message=_("Choose one of: {values}").format(values="; ".join(labels)),
            values_sheet_title=_("Lists"),
        )


def _programme_table(review: Review, _: Translate) -> tuple[list[Column], list[list[CellValue]]]:
    names = {member.id: member.name for member in review.members}
    columns = [
        Column(_("Day"), 12),
        Column(_("Starts at"), 9),
        Column(_("Ends at"), 9),
        Column(_("Conversation"), 30),
        Column(_("Participants"), 45),
        Column(_("Location"), 25),
        Column(_("Panel members present"), 30),
        Column(_("Topics"), 20),
    ]
    rows: list[list[CellValue]] = [
        [
            conversation.day,
            conversation.starts_at,
            conversation.ends_at,
            conversation.title,
            conversation.participants,
            conversation.location,
            ", ".join(names.get(member_id, "?") for member_id in conversation.member_ids),
            ", ".join(conversation.topics),
        ]
        for conversation in review.conversations
    ]
    return columns, rows


def _questions_table(
    review: Review, numbers: Mapping[str, int], language: Language, _: Translate
) -> tuple[list[Column], list[list[CellValue]]]:
    kind = review.forms.kind
    specs = kind.fields_for(Scope.DEVELOPMENT_QUESTION)
    links = [spec for spec in kind.fields_for(Scope.CRITERION) if spec.type is FieldType.QUESTION_LINKS]
    columns = [
        Column(_("Number"), 9),
        Column(_("Question"), 45),
        Column(_("Context"), 40),
        *(Column(capitalised(spec.label.get(language)), _FIELD_WIDTHS[spec.type]) for spec in specs),
        Column(_("Criteria"), 18),
    ]
    rows: list[list[CellValue]] = []
    for question in review.questions:
        linked = [
            criterion_id
            for criterion_id, finding in review.findings.items()
            if any(str(question.id) in (finding.values.get(spec.id) or ()) for spec in links)
        ]
        rows.append(
            [
                question.number,
                question.text,
                question.context,
                *(field_text(spec, question.values.get(spec.id), kind, numbers, language) for spec in specs),
                ", ".join(linked),
            ]
        )
    return columns, rows


def _documents_table(review: Review, _: Translate) -> tuple[list[Column], list[list[CellValue]]]:
    columns = [
        Column(_("Name"), 40),
        Column(_("Kind of document"), 24),
        Column(_("Media type"), 22),
        Column(_("Size in bytes"), 14),
        Column(_("SHA-256"), 30),
        Column(_("Added"), 17),
        Column(_("Added by"), 20),
    ]
    rows: list[list[CellValue]] = [
        [
            document.name,
            document_kind_label(_, document.kind),
            document.media_type,
            document.size,
            document.sha256,
            document.added_at,
            document.added_by,
        ]
        for document in review.documents
    ]
    return columns, rows
