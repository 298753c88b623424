"""Development questions, the overall conclusion and the overview table."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from peerreview_app.domain.kind import FieldSpec, FieldType, Scope
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.fields import (
    fields_flowables,
    judgement_cell,
    kept_with_start,
    labelled,
    text_paragraphs,
)
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.sections.standards import judgement_with_override
from peerreview_app.reports.pdf.tables import Cell, data_table
from peerreview_app.reports.pdf.texts import markup

COUNTED_FIELDS = ("strengths", "development_points")


def development_questions(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    styles = ctx.styles
    flowables: list[Flowable] = [ctx.heading(0, _("Development questions"))]
    if not review.questions:
        return [*flowables, ctx.paragraph(_("The partnership did not bring development questions."))]
    flowables.append(
        ctx.paragraph(
            _(
                "The partnership brought {count} development questions of its own to the panel. For each question "
                "this chapter gives its background and the panel's answer."
            ).format(count=len(review.questions))
        )
    )
    link_fields = [s.id for s in ctx.kind.fields_for(Scope.CRITERION) if s.type is FieldType.QUESTION_LINKS]
    for question in sorted(review.questions, key=lambda q: q.number):
        head: list[Flowable] = [
            Para(markup(_("Development question {number}").format(number=question.number)), styles.h3),
            ctx.paragraph(question.text, "question"),
        ]
        body: list[Flowable] = []
        if question.context.strip():
            body += labelled(ctx, _("Background"), text_paragraphs(ctx, question.context))
        body += fields_flowables(ctx, ctx.kind.fields_for(Scope.DEVELOPMENT_QUESTION), question.values)
        flowables += [CondPageBreak(120), *kept_with_start(head, body)]
        related = [
            criterion_id
            for criterion_id, finding in review.findings.items()
            if any(str(question.id) in (finding.values.get(f) or ()) for f in link_fields)
        ]
        if related:
            flowables.append(
                ctx.paragraph(
                    _("Related criteria: {criteria}").format(criteria=", ".join(related)),
                    "note",
                )
            )
    return flowables


def conclusion(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    flowables: list[Flowable] = [ctx.heading(0, _("Conclusion"))]
    derivation = ctx.kind.derivation
    final = review.conclusion
    if derivation is not None:
        flowables += judgement_with_override(
            ctx,
            _("Overall judgement"),
            derivation.overall_scale,
            derived=review.derived_overall_judgement(),
            override=final.override if final else None,
            reason=final.override_reason if final else "",
            overall=True,
        )
    flowables += fields_flowables(ctx, ctx.kind.fields_for(Scope.CONCLUSION), final.values if final else {})
    return flowables


def overview(ctx: ReportContext) -> list[Flowable]:
    """Criteria × judgement (assessment), or criteria × number of strengths and development points."""
    _ = ctx.translate
    flowables: list[Flowable] = [ctx.heading(0, _("Overview"))]
    if ctx.kind.derivation is not None:
        return flowables + judgement_overview(ctx)
    counted = [s for s in ctx.kind.fields_for(Scope.CRITERION) if s.id in COUNTED_FIELDS and s.type is FieldType.LIST]
    if not counted:
        return [*flowables, ctx.paragraph(_("This kind of review has no judgements or points to count."))]
    return flowables + count_overview(ctx, counted)


def judgement_overview(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    derivation = ctx.kind.derivation
    assert derivation is not None
    criterion_scale = ctx.kind.criterion_scale()
    rows: list[list[Cell]] = []
    groups: list[int] = []
    for standard in review.framework.standards:
        groups.append(len(rows))
        rows.append(
            [
                _("Standard {number}: {title}").format(number=standard.number, title=ctx.local(standard.title)),
                judgement_cell(ctx, derivation.standard_scale, review.standard_judgement(standard.id), bold=True),
            ]
        )
        for criterion in standard.criteria:
            value = review.panel_judgement(criterion.id)
            rows.append(
                [
                    f"{criterion.id} {ctx.local(criterion.title)}",
                    judgement_cell(ctx, criterion_scale.id if criterion_scale else "", value),
                ]
            )
    groups.append(len(rows))
    rows.append(
        [_("Overall judgement"), judgement_cell(ctx, derivation.overall_scale, review.overall_judgement(), bold=True)]
    )
    intro = ctx.paragraph(_("The judgements per criterion and per standard, and the overall judgement, at a glance."))
    table = data_table(ctx, [_("Criterion"), _("Judgement")], rows, [0.68, 0.32], group_rows=groups, compact=True)
    return [intro, table]


def count_overview(ctx: ReportContext, counted: list[FieldSpec]) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    specs = [s for s in ctx.kind.fields_for(Scope.CRITERION) if s in counted]
    rows: list[list[str]] = []
    groups: list[int] = []
    totals = [0] * len(specs)
    for standard in review.framework.standards:
        groups.append(len(rows))
        standard_row = [_("Standard {number}: {title}").format(number=standard.number, title=ctx.local(standard.title))]
        criterion_rows: list[list[str]] = []
        sums = [0] * len(specs)
        for criterion in standard.criteria:
            finding = review.findings.get(criterion.id)
            counts = [_count(finding.values.get(s.id) if finding else None) for s in specs]
            sums = [a + b for a, b in zip(sums, counts, strict=True)]
            criterion_rows.append([f"{criterion.id} {ctx.local(criterion.title)}", *(str(c) for c in counts)])
        totals = [a + b for a, b in zip(totals, sums, strict=True)]
        rows.append([*standard_row, *(str(s) for s in sums)])
        rows += criterion_rows
    groups.append(len(rows))
    rows.append([_("Total"), *(str(t) for t in totals)])
    header = [_("Criterion"), *(ctx.local(s.label)[:1].upper() + ctx.local(s.label)[1:] for s in specs)]
    widths = [0.56, *([0.44 / len(specs)] * len(specs))]
    right = list(range(1, len(specs) + 1))
    intro = ctx.paragraph(
        _(
            "The number of strengths and development points the panel named per criterion; the findings per "
            "standard give them in full."
        )
    )
    return [intro, data_table(ctx, header, rows, widths, group_rows=groups, right_columns=right, compact=True)]


def _count(value: object) -> int:
    if isinstance(value, tuple):
        return sum(1 for item in value if str(item).strip())
    return 0
