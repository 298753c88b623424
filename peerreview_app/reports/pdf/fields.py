"""The fields of a review kind as report text: labelled paragraphs, bullet lists and judgements."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerreview_app.domain.kind import FieldSpec, FieldType, FieldValue, is_empty
from peerreview_app.domain.review import Review
from peerreview_app.reports.fonts import FONTS
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.flowables import Line, Para, Stack
from peerreview_app.reports.pdf.styles import judgement_colour
from peerreview_app.reports.pdf.tables import CellText
from peerreview_app.reports.pdf.texts import capitalised, markup, split_paragraphs


def fields_flowables(ctx: ReportContext, specs: tuple[FieldSpec, ...], values: dict[str, FieldValue]) -> list[Flowable]:
    """Every field of `specs` that has a value, in the kind's order; a required empty field says so.

    A judgement line (``Oordeel: voldoet``) stays on the page of the field after it, usually its motivation.
    """
    flowables: list[Flowable] = []
    pending: list[Flowable] = []
    for spec in specs:
        block = field_flowables(ctx, spec, values.get(spec.id))
        if spec.type is FieldType.JUDGEMENT:
            pending += block
        elif block:
            flowables += kept_with_start(pending, block) if pending else block
            pending = []
    return flowables + pending


def field_flowables(ctx: ReportContext, spec: FieldSpec, value: FieldValue) -> list[Flowable]:
    _ = ctx.translate
    label = capitalised(ctx.local(spec.label))
    if is_empty(value):
        if not spec.required:
            return []
        return labelled(ctx, label, [ctx.paragraph(_("Not filled in yet."), "muted")])
    if spec.type is FieldType.JUDGEMENT and isinstance(value, str):
        return [judgement_line(ctx, label, spec.scale or "", value)]
    if spec.type is FieldType.QUESTION_LINKS and isinstance(value, tuple):
        numbers = question_numbers(ctx.review, value)
        names = ", ".join(_("development question {number}").format(number=n) for n in numbers)
        return labelled(ctx, label, [ctx.paragraph(capitalised(names))])
    if isinstance(value, tuple):
        return labelled(ctx, label, bullets(ctx, value))
    return labelled(ctx, label, text_paragraphs(ctx, value or ""))


def label_line(ctx: ReportContext, label: str) -> Line:
    style = ctx.styles.label
    return Line([(label, style.fontName, style.textColor)], style)


def labelled(ctx: ReportContext, label: str, body: list[Flowable]) -> list[Flowable]:
    """A field label followed by its text; the label never ends a page on its own."""
    return kept_with_start([label_line(ctx, label)], body)


def kept_with_start(head: list[Flowable], body: list[Flowable]) -> list[Flowable]:
    """`head` (titles, labels) followed by `body`, kept together with the first lines of `body`."""
    if not body:
        return head
    return [Stack(head, body[0]), *body[1:]]


def text_paragraphs(ctx: ReportContext, text: str, style_name: str = "body") -> list[Flowable]:
    """A text split at blank lines into paragraphs; single line breaks stay line breaks."""
    return [ctx.paragraph(part, style_name) for part in split_paragraphs(text)]


def bullets(ctx: ReportContext, items: tuple[str, ...]) -> list[Flowable]:
    """A bullet list: one paragraph per item, each with its bullet, so a long list splits between items."""
    style = ctx.styles.bullet
    return [Para(markup(item), style, bulletText="•") for item in items if item.strip()]


def judgement_line(ctx: ReportContext, label: str, scale_id: str, value: str) -> Line:
    """``Oordeel: voldoet``, the judgement in its colour."""
    text, positive = judgement_label(ctx, scale_id, value)
    return labelled_value(ctx, label, text, positive)


def labelled_value(ctx: ReportContext, label: str, text: str, positive: bool | None = None) -> Line:
    style = ctx.styles.value_line
    return Line(
        [
            (f"{label}: ", FONTS.bold, ctx.styles.label.textColor),
            (text, FONTS.bold, judgement_colour(positive)),
        ],
        style,
    )


def judgement_cell(ctx: ReportContext, scale_id: str, value: str | None, *, bold: bool = False) -> CellText:
    """A table cell with a judgement in its colour, or a dash when there is none yet."""
    if not value:
        return CellText("–", bold=bold)
    text, positive = judgement_label(ctx, scale_id, value)
    return CellText(text, bold=bold, colour=judgement_colour(positive))


def judgement_label(ctx: ReportContext, scale_id: str, value: str) -> tuple[str, bool | None]:
    """The label of a judgement value in the report's language, and whether it is positive."""
    scale = ctx.kind.scales.get(scale_id)
    if scale is None:
        return value, None
    for candidate in scale.values:
        if candidate.id == value:
            return ctx.local(candidate.label), candidate.positive
    return value, None


def question_numbers(review: Review, links: tuple[str, ...]) -> list[int]:
    numbers = {str(q.id): q.number for q in review.questions}
    return sorted(numbers[link] for link in links if link in numbers)
