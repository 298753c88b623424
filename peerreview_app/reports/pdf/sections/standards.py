"""Findings per standard (waarborg): each criterion with the kind's fields, dissent, and the standard's conclusion."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, PageBreakIfNotEmpty, Table, TableStyle

from peerreview_app.domain.framework import Criterion, Standard
from peerreview_app.domain.kind import Scope
from peerreview_app.domain.partnership import Role
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.fields import (
    fields_flowables,
    judgement_label,
    kept_with_start,
    label_line,
    labelled,
    labelled_value,
    text_paragraphs,
)
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.styles import ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, judgement_colour
from peerreview_app.reports.pdf.tables import FONT_COMMAND
from peerreview_app.reports.pdf.texts import markup, role_label


def standards(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    flowables: list[Flowable] = [ctx.heading(0, _("Findings per standard"))]
    if ctx.assessment:
        intro = _(
            "For each standard this chapter gives the committee's findings and judgement per criterion, then its "
            "conclusion on the standard."
        )
    else:
        intro = _(
            "For each standard this chapter gives the panel's findings per criterion, then its conclusion on the "
            "standard."
        )
    flowables.append(ctx.paragraph(intro))
    for index, standard in enumerate(ctx.review.framework.standards):
        if index:
            flowables.append(PageBreakIfNotEmpty())
        flowables += standard_flowables(ctx, standard)
    return flowables


def standard_flowables(ctx: ReportContext, standard: Standard) -> list[Flowable]:
    _ = ctx.translate
    heading = _("Standard {number}: {title}").format(number=standard.number, title=ctx.local(standard.title))
    flowables: list[Flowable] = [ctx.heading(1, heading)]
    if ctx.local(standard.description):
        flowables.append(ctx.paragraph(ctx.local(standard.description), "muted"))
    for criterion in standard.criteria:
        flowables += criterion_flowables(ctx, criterion)
    flowables += standard_conclusion(ctx, standard)
    return flowables


def criterion_flowables(ctx: ReportContext, criterion: Criterion) -> list[Flowable]:
    styles = ctx.styles
    title = f"{criterion.id} {ctx.local(criterion.title)}"
    head: list[Flowable] = [Para(markup(title), styles.h3)]
    if ctx.local(criterion.description):
        head.append(ctx.paragraph(ctx.local(criterion.description), "muted"))
    finding = ctx.review.findings.get(criterion.id)
    values = finding.values if finding is not None else {}
    body = fields_flowables(ctx, ctx.kind.fields_for(Scope.CRITERION), values) + dissent(ctx, criterion)
    return [CondPageBreak(110), *kept_with_start(head, body)]


def dissent(ctx: ReportContext, criterion: Criterion) -> list[Flowable]:
    """The recorded dissent of members on a criterion, each under the member's name and own judgement."""
    _ = ctx.translate
    review = ctx.review
    scale = ctx.kind.criterion_scale()
    flowables: list[Flowable] = []
    for judgement in review.judgements_for_criterion(criterion.id):
        if not judgement.dissent.strip():
            continue
        member = next((m for m in review.members if m.id == judgement.member_id), None)
        name = member.name if member else _("a former member")
        role = role_label(member.role, _) if member else role_label(Role.MEMBER, _)
        label = _("Dissent of {name} ({role})").format(name=name, role=role)
        if judgement.judgement and scale is not None:
            own = judgement_label(ctx, scale.id, judgement.judgement)[0]
            head: Flowable = labelled_value(ctx, label, _("own judgement: {judgement}").format(judgement=own))
        else:
            head = label_line(ctx, label)
        flowables += kept_with_start([head], text_paragraphs(ctx, judgement.dissent, "small"))
    return flowables


def standard_conclusion(ctx: ReportContext, standard: Standard) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    conclusion = review.standard_conclusions.get(standard.id)
    specs = ctx.kind.fields_for(Scope.STANDARD)
    derivation = ctx.kind.derivation
    head: list[Flowable] = [
        rule(),
        Para(markup(_("Conclusion on standard {number}").format(number=standard.number)), ctx.styles.h3_accent),
    ]
    body: list[Flowable] = []
    if derivation is not None:
        body += judgement_with_override(
            ctx,
            _("Judgement on the standard"),
            derivation.standard_scale,
            derived=review.derived_standard_judgement(standard.id),
            override=conclusion.override if conclusion else None,
            reason=conclusion.override_reason if conclusion else "",
        )
    body += fields_flowables(ctx, specs, conclusion.values if conclusion else {})
    if derivation is not None and len(body) > 1:
        head, body = [*head, body[0]], body[1:]  # the judgement stays with what follows it
    return [CondPageBreak(120), *kept_with_start(head, body)]


def rule() -> HRFlowable:
    """A thin accent line above a conclusion."""
    return HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=12, spaceAfter=0)


def judgement_with_override(
    ctx: ReportContext,
    label: str,
    scale_id: str,
    *,
    derived: str | None,
    override: str | None,
    reason: str,
    overall: bool = False,
) -> list[Flowable]:
    """A derived judgement, or the override with the derived one and the reason for deviating.

    The `overall` judgement is set off in a tinted panel; it is what the report comes down to.
    """
    _ = ctx.translate
    effective = override or derived
    text, positive = judgement_label(ctx, scale_id, effective) if effective else (_("not yet determined"), None)
    flowables: list[Flowable] = [
        verdict(ctx, label, text, positive) if overall else labelled_value(ctx, label, text, positive)
    ]
    if effective is None or not override or override == derived:
        return flowables
    derived_text = judgement_label(ctx, scale_id, derived)[0] if derived else _("not yet determined")
    if overall:
        deviation = _("This deviates from the judgement derived from the standards ({derived}).")
    else:
        deviation = _("This deviates from the judgement derived from the criteria ({derived}).")
    flowables.append(ctx.paragraph(deviation.format(derived=derived_text), "small"))
    reasons = text_paragraphs(ctx, reason or _("No reason given."), "small")
    return flowables + labelled(ctx, _("Reason for deviating"), reasons)


def verdict(ctx: ReportContext, label: str, text: str, positive: bool | None) -> Table:
    """The overall judgement in a tinted panel with an accent bar."""
    styles = ctx.styles
    value = Para(f'<font color="#{judgement_colour(positive).hexval()[2:]}">{markup(text)}</font>', styles.verdict)
    return Table(
        [[Para(markup(label), styles.label), value]],
        colWidths=[CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.7],
        style=TableStyle(
            [
                FONT_COMMAND,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, 0), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=10,
    )
