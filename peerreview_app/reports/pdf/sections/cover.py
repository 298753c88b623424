"""The cover: kind, partnership, visit, panel, revision, an optional logo and the draft marking."""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from peerreview_app.reports.pdf.context import ReportContext
from peerreview_app.reports.pdf.document import BODY
from peerreview_app.reports.pdf.flowables import Para
from peerreview_app.reports.pdf.tables import key_value_table
from peerreview_app.reports.pdf.texts import capitalised, format_date, format_dates, markup, role_label

LOGO_MAX_WIDTH = 150.0
LOGO_MAX_HEIGHT = 60.0


class Logo(Flowable):
    """The logo from the settings, scaled to fit a box, aligned left."""

    def __init__(self, image: ImageReader) -> None:
        super().__init__()
        self.image = image
        width, height = image.getSize()
        scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
        self.draw_width, self.draw_height = width * scale, height * scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.draw_width, self.draw_height)


def cover(ctx: ReportContext) -> list[Flowable]:
    _ = ctx.translate
    review = ctx.review
    styles = ctx.styles
    flowables: list[Flowable] = []
    if ctx.logo is not None:
        logo = Logo(ctx.logo)
        flowables += [logo, Spacer(1, max(0.0, 86 - logo.draw_height))]
    else:
        flowables.append(Spacer(1, 86))
    flowables += [
        Para(markup(ctx.local(ctx.kind.name).upper()), styles.cover_kind),
        Para(markup(review.partnership.name), styles.cover_title),
        Para(markup(_("Peer review report")), styles.cover_subtitle),
        Spacer(1, 30),
    ]
    facts: list[tuple[str, str]] = []
    if review.visit_dates:
        facts.append((_("Visit"), format_dates(review.visit_dates, _)))
    framework = review.framework
    facts.append(
        (
            _("Framework"),
            _("{name}, version {version}").format(name=ctx.local(framework.name), version=framework.version),
        )
    )
    facts.append((_("Revision"), str(review.revision)))
    if ctx.draft:
        facts.append((_("Status"), _("Draft, not adopted")))
    elif review.adopted_at is not None:
        facts.append((_("Status"), _("Adopted on {date}").format(date=format_date(review.adopted_at.date(), _))))
    flowables.append(key_value_table(ctx, facts))
    panel = [m for m in review.members if m.role.on_panel]
    if panel:
        flowables += [
            Spacer(1, 22),
            Para(markup(_("Committee") if ctx.assessment else _("Panel")), styles.cover_kind),
            key_value_table(ctx, [(capitalised(role_label(m.role, _)), m.name) for m in panel], label_width=0.24),
        ]
    if ctx.draft:
        flowables += [
            Spacer(1, 26),
            Para(markup(_("DRAFT: this report has not been adopted yet.")), styles.cover_draft),
        ]
    flowables += [NextPageTemplate(BODY), PageBreak()]
    return flowables
