"""Annexes: the panel, the programme, the documents with their SHA-256, and the fact-check round."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.factcheck import Decision, FactCheckComment, Target, question_number
from peerreview_app.domain.kind import Scope
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.fields import kept_with_start, labelled, labelled_value, text_paragraphs
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.styles import ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, RULE
from peerreview_app.reports.pdf.tables import FONT_COMMAND, Commands, data_table
from peerreview_app.reports.pdf.texts import (
    capitalised,
    document_kind_label,
    format_date,
    format_size,
    format_time_range,
    markup,
    role_label,
)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def annexes(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    parts = [
        (_("Committee") if ctx.assessment else _("Panel"), panel_annex),
        (_("Visit programme"), programme_annex),
        (_("Documents"), documents_annex),
    ]
    if ctx.review.factcheck_comments:
        parts.append((_("Fact-check round"), factcheck_annex))
    flowables: list[Flowable] = [ctx.heading(0, _("Annexes"))]
    for letter, (title, build) in zip(LETTERS, parts, strict=False):
        flowables += [
            CondPageBreak(100),
            ctx.heading(1, _("Annex {letter}: {title}").format(letter=letter, title=title)),
        ]
        flowables += build(ctx)
    return flowables


def panel_annex(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    panel = [m for m in ctx.review.members if m.role.on_panel]
    if not panel:
        return [ctx.paragraph(_("No panel members have been added yet."))]
    rows = [[m.name, capitalised(role_label(m.role, _)), m.organisation] for m in panel]
    return [data_table(ctx, [_("Name"), _("Role"), _("Organisation")], rows, [0.3, 0.2, 0.5])]


def programme_annex(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    if not review.conversations:
        return [ctx.paragraph(_("No conversations were planned."))]
    days = {c.day for c in review.conversations if c.day is not None}
    rows: list[list[str]] = []
    for conversation in review.conversations:
        when = format_time_range(conversation.starts_at, conversation.ends_at)
        if len(days) > 1 and conversation.day:
            when = f"{format_date(conversation.day, _)} {when}"
        rows.append([when, conversation.title, conversation.location, ", ".join(conversation.topics)])
    header = [_("Time"), _("Conversation"), _("Location"), _("Topics")]
    return [data_table(ctx, header, rows, [0.14 if len(days) < 2 else 0.24, 0.34, 0.3, 0.22])]


def documents_annex(ctx: ReportContext) -> list[Flowable]:
    """Each document with its SHA-256 in full, so a reader can check a copy against the report."""
    _ = ctx.translate
    styles = ctx.styles
    documents = ctx.review.documents
    if not documents:
        return [ctx.paragraph(_("No documents are attached to this review."))]
    flowables: list[Flowable] = [
        ctx.paragraph(
            _(
                "The documents the review is based on. The SHA-256 checksum identifies each file exactly: a copy "
                "with the same checksum is the same file."
            )
        )
    ]
    rows: list[list[object]] = [
        [
            Para(markup(_("Document")), styles.header_cell),
            Para(markup(_("Kind")), styles.header_cell),
            Para(markup(_("Size")), styles.header_cell),
        ]
    ]
    commands: Commands = []
    for document in documents:
        rows.append(
            [
                Para(markup(document.name), styles.cell_bold),
                Para(markup(capitalised(document_kind_label(document.kind, _))), styles.cell),
                Para(markup(format_size(document.size, ctx.language)), styles.cell_right),
            ]
        )
        row = len(rows)
        rows.append([Para(markup(f"SHA-256: {document.sha256}"), styles.hash), "", ""])
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("TOPPADDING", (0, row), (-1, row), 0),
            ("LINEBELOW", (0, row), (-1, row), 0.4, RULE),
        ]
    # The explanation stays with the start of the table.
    return kept_with_start(flowables, [data_table_from_rows(rows, commands)])


def data_table_from_rows(rows: list[list[object]], commands: Commands) -> Table:
    style: Commands = [
        FONT_COMMAND,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        *commands,
    ]
    return Table(
        rows,
        colWidths=[CONTENT_WIDTH * 0.62, CONTENT_WIDTH * 0.22, CONTENT_WIDTH * 0.16],
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
        spaceBefore=4,
        spaceAfter=10,
    )


def factcheck_annex(ctx: ReportContext) -> list[Flowable]:
    """Each comment of the fact-check round with the paragraph it is on, the decision and the reply."""
    _ = ctx.translate
    styles = ctx.styles
    comments = sorted(ctx.review.factcheck_comments, key=lambda c: (c.received_at, c.target))
    flowables: list[Flowable] = [
        ctx.paragraph(
            _(
                "The partnership commented on the draft report. For each comment: the paragraph it is about, the "
                "comment, and what the secretary decided."
            )
        )
    ]
    for number, comment in enumerate(comments, start=1):
        heading = _("Comment {number}: {reference}").format(number=number, reference=reference(ctx, comment))
        head: list[Flowable] = [
            Para(markup(heading), styles.h3),
            labelled_value(ctx, _("Decision"), decision_label(ctx, comment.decision), _decision_tone(comment)),
        ]
        body: list[Flowable] = []
        if comment.quoted.strip():
            body += labelled(ctx, _("Paragraph as commented on"), text_paragraphs(ctx, comment.quoted, "muted"))
        body += labelled(ctx, _("Comment"), text_paragraphs(ctx, comment.comment, "small"))
        if comment.reply.strip():
            body += labelled(ctx, _("Reply"), text_paragraphs(ctx, comment.reply, "small"))
        flowables += kept_with_start(head, body)
    return flowables


def decision_label(ctx: ReportContext, decision: Decision) -> str:
    _ = ctx.translate
    labels = {
        Decision.PENDING: _("pending"),
        Decision.ACCEPTED: _("accepted, the report was corrected"),
        Decision.REJECTED: _("rejected, the text stays"),
    }
    return labels[Decision(decision)]


def _decision_tone(comment: FactCheckComment) -> bool | None:
    if comment.decision is Decision.PENDING:
        return None
    return comment.decision is Decision.ACCEPTED


def reference(ctx: ReportContext, comment: FactCheckComment) -> str:
    """The paragraph a comment is on, in words: ``kenmerk LL-1, waarnemingen, alinea 2``."""
    _ = ctx.translate
    try:
        target = Target.parse(comment.target)
    except DomainError:
        return comment.target
    scopes = {
        "criterion": Scope.CRITERION,
        "standard": Scope.STANDARD,
        "question": Scope.DEVELOPMENT_QUESTION,
        "conclusion": Scope.CONCLUSION,
    }
    try:
        field = ctx.local(ctx.kind.field(scopes[target.scope], target.field_id).label)
    except DomainError:
        field = target.field_id
    if target.scope == "criterion":
        holder = _("criterion {id}").format(id=target.holder)
    elif target.scope == "standard":
        holder = _("standard {id}").format(id=target.holder)
    elif target.scope == "question":
        number = question_number(ctx.review, target.holder)
        holder = (
            _("development question {number}").format(number=number)
            if number is not None
            else _("a development question that was removed")
        )
    else:
        holder = _("conclusion")
    return _("{holder}, {field}, paragraph {number}").format(holder=holder, field=field, number=target.paragraph)
