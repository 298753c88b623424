"""The opening sections: contents, introduction and how the review went (self-reflection, programme, method)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerreview_app.domain.documents import DocumentKind
from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.fields import text_paragraphs
from peerreview_app.reports.pdf.flowables import Para, TocLine
from peerreview_app.reports.pdf.tables import data_table
from peerreview_app.reports.pdf.texts import (
    format_date,
    format_dates,
    format_time_range,
    kind_label,
    markup,
    status_label,
)


def contents(ctx: ReportContext) -> list[Flowable]:
    """The table of contents; built last, when every other section has registered its headings."""
    _ = ctx.translate
    return [ctx.heading(0, _("Contents"), in_contents=False), *(TocLine(entry, ctx.styles) for entry in ctx.toc)]


def introduction(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    styles = ctx.styles
    partnership = review.partnership.name
    kind = kind_label(review.kind, _)
    flowables: list[Flowable] = [ctx.heading(0, _("Introduction"))]
    if review.visit_dates:
        opening = _("This report describes the {kind} of {partnership}, held on {dates}.").format(
            kind=kind, partnership=partnership, dates=format_dates(review.visit_dates, _)
        )
    else:
        opening = _("This report describes the {kind} of {partnership}.").format(kind=kind, partnership=partnership)
    flowables.append(ctx.paragraph(opening))
    flowables.append(ctx.paragraph(ctx.local(ctx.kind.description)))

    flowables.append(Para(markup(_("The partnership")), styles.h3))
    flowables.append(ctx.paragraph(partnership_sentence(ctx)))

    framework = review.framework
    flowables.append(Para(markup(_("The quality framework")), styles.h3))
    if ctx.assessment:
        sentence = _("The committee judged the partnership against the {framework}, version {version}.")
    else:
        sentence = _("The panel looked at the partnership through the {framework}, version {version}.")
    flowables.append(ctx.paragraph(sentence.format(framework=ctx.local(framework.name), version=framework.version)))
    standards = ", ".join(
        _("{number}. {title}").format(number=s.number, title=ctx.local(s.title)) for s in framework.standards
    )
    flowables.append(
        ctx.paragraph(
            _("The framework describes quality in {count} standards: {standards}.").format(
                count=len(framework.standards), standards=standards
            )
        )
    )
    if ctx.local(framework.source_note):
        flowables += text_paragraphs(ctx, ctx.local(framework.source_note), "note")
    if ctx.assessment and ctx.local(framework.regulation):
        flowables += text_paragraphs(ctx, ctx.local(framework.regulation), "note")
    return flowables


def partnership_sentence(ctx: ReportContext) -> str:
    _ = ctx.translate
    review = ctx.review
    partnership = review.partnership
    status = status_label(partnership.status, _)
    sectors = ", ".join(s.value for s in (review.sectors or partnership.sectors))
    values = {"partnership": partnership.name, "status": status, "region": partnership.region, "sectors": sectors}
    if partnership.region and sectors:
        return _("{partnership} is a {status} partnership in {region}, working in the sectors {sectors}.").format(
            **values
        )
    if sectors:
        return _("{partnership} is a {status} partnership working in the sectors {sectors}.").format(**values)
    if partnership.region:
        return _("{partnership} is a {status} partnership in {region}.").format(**values)
    return _("{partnership} is a {status} partnership.").format(**values)


def process(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    styles = ctx.styles
    flowables: list[Flowable] = [ctx.heading(0, _("Course of the review"))]

    flowables.append(Para(markup(_("Self-reflection")), styles.h3))
    reflections = [d.name for d in review.documents if d.kind is DocumentKind.SELF_REFLECTION]
    if reflections:
        text = _("The partnership described its own quality in a self-reflection: {documents}.").format(
            documents=", ".join(reflections)
        )
    else:
        text = _("No self-reflection document is attached to this review.")
    flowables.append(ctx.paragraph(text))

    flowables.append(Para(markup(_("Visit programme")), styles.h3))
    flowables += programme(ctx)

    flowables.append(
        Para(markup(_("How the committee worked") if ctx.assessment else _("How the panel worked")), styles.h3)
    )
    panel = [m for m in review.members if m.role.on_panel]
    if ctx.assessment:
        sentence = _("The committee had {count} members; the annex lists them with their organisations.")
    else:
        sentence = _("The panel had {count} members; the annex lists them with their organisations.")
    if "annexes" in ctx.sections:
        flowables.append(ctx.paragraph(sentence.format(count=len(panel))))
    if review.notes:
        flowables.append(
            ctx.paragraph(
                _(
                    "The members recorded {count} notes on the conversations and the criteria. The secretary "
                    "combined them into the findings per criterion in this report."
                ).format(count=len(review.notes))
            )
        )
    if ctx.assessment and ctx.kind.member_judgements and review.member_judgements:
        flowables.append(
            ctx.paragraph(
                _(
                    "Each committee member gave a provisional judgement per criterion ({count} in all). The "
                    "judgements in this report are those of the committee as a whole; where a member holds a "
                    "different view, that dissent is recorded with the criterion."
                ).format(count=len(review.member_judgements))
            )
        )
    if review.factcheck_comments:
        if "annexes" in ctx.sections:
            text = _(
                "The partnership checked the draft report for factual inaccuracies. Its {count} comments and "
                "the decisions on them are listed in the annex."
            )
        else:
            text = _("The partnership checked the draft report for factual inaccuracies ({count} comments).")
        flowables.append(ctx.paragraph(text.format(count=len(review.factcheck_comments))))
    return flowables


def programme(ctx: ReportContext) -> list[Flowable]:
    """The visit programme as a table: day (when more than one), time, conversation, participants, panel."""
    _ = ctx.translate
    review = ctx.review
    conversations = review.conversations
    if not conversations:
        return [ctx.paragraph(_("No conversations were planned."))]
    days = sorted({c.day for c in conversations if c.day is not None})
    flowables: list[Flowable] = []
    if len(days) == 1:
        flowables.append(
            ctx.paragraph(
                _("The visit took place on {date} and consisted of {count} conversations.").format(
                    date=format_date(days[0], _), count=len(conversations)
                )
            )
        )
    else:
        flowables.append(
            ctx.paragraph(_("The visit consisted of {count} conversations.").format(count=len(conversations)))
        )
    panel_ids = {m.id for m in review.members if m.role.on_panel}
    names = {m.id: m.name for m in review.members}
    rows: list[list[str]] = []
    for conversation in conversations:
        present = set(conversation.member_ids)
        if present and present >= panel_ids:
            members = _("whole panel") if not ctx.assessment else _("whole committee")
        else:
            members = ", ".join(names[m] for m in conversation.member_ids if m in names)
        row = [
            format_time_range(conversation.starts_at, conversation.ends_at),
            conversation.title,
            conversation.participants,
            members,
        ]
        if len(days) > 1:
            row.insert(0, format_date(conversation.day, _) if conversation.day else "")
        rows.append(row)
    header = [_("Time"), _("Conversation"), _("Participants"), _("Committee") if ctx.assessment else _("Panel")]
    widths = [0.13, 0.27, 0.38, 0.22]
    if len(days) > 1:
        header.insert(0, _("Day"))
        widths = [0.14, 0.11, 0.23, 0.33, 0.19]
    flowables.append(data_table(ctx, header, rows, widths))
    return flowables
