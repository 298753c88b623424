"""The new-review wizard: kind, framework, partnership, panel and visit, then one review through the services."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _
from peerreview_app.services import reviews
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui import operations
from peerreview_app.ui.qt import QWidget, QWizard
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.wizard.kind_pages import FrameworkPage, KindPage
from peerreview_app.ui.wizard.panel_page import PanelPage
from peerreview_app.ui.wizard.partnership_page import PartnershipPage
from peerreview_app.ui.wizard.visit_page import VisitPage


class NewReviewWizard(QWizard):
    """Start a review in five steps; on Finish it is created with its panel, or not at all.

    `created_review_id` is the new review's id after the wizard was accepted, else None.
    Signals: only QDialog's accepted/rejected/finished.
    """

    def __init__(self, workbench: Workbench, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newReviewWizard")
        self.setWindowTitle(_("New peer review"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(760, 560)
        self._workbench = workbench
        self.created_review_id: UUID | None = None
        self.kind_page = KindPage(workbench)
        self.framework_page = FrameworkPage(workbench, self.kind_page.kind_form)
        self.partnership_page = PartnershipPage(workbench, self.kind_page.kind)
        self.panel_page = PanelPage(settings.identity_name, settings.identity_email)
        self.visit_page = VisitPage(self.default_title)
        for page in (self.kind_page, self.framework_page, self.partnership_page, self.panel_page, self.visit_page):
            self.addPage(page)

    def default_title(self, visit_dates: tuple[date, ...], report_language: Language) -> str:
        """The title the services would give; the visit page shows it until the user types another."""
        form = self.kind_page.kind_form()
        if form is None:
            return ""
        today = self._workbench.clock().date()
        name = self.partnership_page.partnership_name()
        return reviews.default_title(form, name, visit_dates, report_language, today)

    def accept(self) -> None:
        """Create the review with its partnership and panel in one transaction; on failure stay open."""
        review = self._create_review()
        if review is None:
            return
        self.created_review_id = review.id
        super().accept()

    def _create_review(self) -> Review | None:
        kind = self.kind_page.kind()
        partnership = self.partnership_page.partnership()
        if kind is None or partnership is None:  # the pages do not let this happen; be safe anyway
            return None
        people = [reviews.NewMember(p.name, p.role, p.organisation, p.email) for p in self.panel_page.people()]
        try:
            return reviews.create_review(
                self._workbench,
                kind=kind.value,
                partnership=partnership,
                framework=self.framework_page.framework_key(),
                title=self.visit_page.title() or None,
                sectors=self.partnership_page.sectors(),
                visit_dates=self.visit_page.visit_dates(),
                language=self.visit_page.report_language(),
                region=self.partnership_page.region_text(),
                status=self.partnership_page.recognition_status(),
                members=people,
            )
        except operations.USER_ERRORS as exc:
            operations.show_error(self, exc, _("The review was not created"))
            return None
