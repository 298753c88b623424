"""Overzicht: what the review is, which phase it is in, how to move on, and what is still needed."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from peerreview_app.domain.partnership import RecognitionStatus, Role
from peerreview_app.domain.phases import ORDER, Phase, allowed_targets, next_phase
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language, ngettext
from peerreview_app.services import workflow
from peerreview_app.services.labels import phase_label
from peerreview_app.services.reviews import CompletenessReport, completeness_of
from peerreview_app.ui.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.dates import dates_text, long_date
from peerreview_app.ui.workspace.page import Page, heading, scrolling, vbox, wrap
from peerreview_app.ui.workspace.stepper import PhaseStepper

OPEN_ITEMS_SHOWN = 8


def phase_hint(phase: Phase) -> str:
    """What happens in `phase`, in one or two sentences."""
    hints = {
        Phase.PREPARATION: _(
            "Put the panel together, agree the development questions and plan the conversations of the visit day."
        ),
        Phase.VISIT: _("The panel holds the visit day; every member takes notes per conversation and per criterion."),
        Phase.REPORTING: _(
            "The secretary merges the notes into findings per criterion and standard and writes the conclusion; "
            "the partnership may check the facts."
        ),
        Phase.ADOPTED: _("The report is adopted and read-only. A correction becomes a new, numbered revision."),
        Phase.FOLLOW_UP: _("The partnership works on the recommendations and reports back to the panel later."),
        Phase.ARCHIVED: _("The review is archived."),
    }
    return hints[phase]


def status_label(status: RecognitionStatus) -> str:
    return _("recognised") if status is RecognitionStatus.RECOGNISED else _("aspirant")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class OverviewPage(Page):
    """The first page of a review: details, the phase stepper with its transitions, and the open items.

    Signals:
        open_review(object): a new revision was started; its UUID, for the main window to open.
        show_completeness(): the user wants to see every open item (the completeness panel).
    """

    key = "overview"
    open_review = Signal(object)
    show_completeness = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("overviewPage")
        content = QWidget(self)
        layout = vbox(content, margins=16, spacing=14)
        self.title = heading("")
        self.title.setObjectName("overviewTitle")
        self.subtitle = wrap("", "overviewSubtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self._make_phase_box())
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._make_details_box(), 3)
        columns.addWidget(self._make_todo_box(), 2)
        layout.addLayout(columns)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        self._targets: dict[QPushButton, Phase] = {}

    # -- building -------------------------------------------------------------------------------------

    def _make_phase_box(self) -> QGroupBox:
        box = QGroupBox(_("Phase"), self)
        box.setObjectName("phaseBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(10)
        self.stepper = PhaseStepper(box)
        self.stepper.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.phase_text = wrap("", "phaseHint")
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.back_button = self._button("phaseBackButton")
        self.forward_button = self._button("phaseForwardButton")
        self.forward_button.setDefault(True)
        self.other_buttons: list[QPushButton] = []
        self.revision_button = QPushButton(_("New revision"), box)
        self.revision_button.setObjectName("newRevisionButton")
        self.revision_button.setAccessibleName(_("Start a new revision"))
        self.revision_button.setToolTip(_("A copy in reporting to correct; this adopted revision stays as it is"))
        self.revision_button.clicked.connect(self.start_revision)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.revision_button)
        self.buttons.addStretch()
        self.buttons.addWidget(self.forward_button)
        layout.addWidget(self.stepper)
        layout.addWidget(self.phase_text)
        layout.addLayout(self.buttons)
        return box

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._clicked(button))
        return button

    def _make_details_box(self) -> QGroupBox:
        box = QGroupBox(_("Details"), self)
        box.setObjectName("detailsBox")
        self.details = QFormLayout(box)
        self.details.setContentsMargins(14, 12, 14, 14)
        self.details.setHorizontalSpacing(16)
        self.details.setVerticalSpacing(8)
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail_values: dict[str, QLabel] = {}
        rows = (
            ("partnership", _("Partnership")),
            ("kind", _("Kind")),
            ("framework", _("Framework")),
            ("visit", _("Visit date")),
            ("revision", _("Revision")),
            ("sectors", _("Sectors")),
            ("language", _("Report language")),
            ("panel", _("Panel")),
            ("programme", _("Visit programme")),
        )
        for key, label in rows:
            value = wrap("", f"detail_{key}")
            name = QLabel(label + ":", box)
            name.setObjectName(f"detailLabel_{key}")
            self.details.addRow(name, value)
            self.detail_values[key] = value
        return box

    def _make_todo_box(self) -> QGroupBox:
        box = QGroupBox(_("What is still needed"), self)
        box.setObjectName("todoBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(8)
        self.completeness_bar = QProgressBar(box)
        self.completeness_bar.setObjectName("completenessBar")
        self.completeness_bar.setAccessibleName(_("Completeness"))
        self.completeness_bar.setRange(0, 100)
        self.completeness_bar.setFormat(_("%p% complete"))
        self.open_items = wrap("", "openItems")
        self.open_items.setTextFormat(Qt.TextFormat.RichText)
        self.show_all_button = QPushButton(_("Show all…"), box)
        self.show_all_button.setObjectName("showAllButton")
        self.show_all_button.setAccessibleName(_("Show every open item"))
        self.show_all_button.clicked.connect(self.show_completeness.emit)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.show_all_button)
        layout.addWidget(self.completeness_bar)
        layout.addWidget(self.open_items)
        layout.addStretch()
        layout.addLayout(row)
        return box

    # -- showing --------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self.title.setText(review.title)
        facts = [
            _("Revision {number}").format(number=review.revision),
            capitalised(phase_label(review.phase)),
            _("visit day {date}").format(date=long_date(review.visit_dates[0])) if review.visit_dates else "",
        ]
        self.subtitle.setText(" · ".join(f for f in facts if f))
        self.stepper.set_phase(review.phase)
        self.phase_text.setText(
            _("Current phase: {phase}.").format(phase=phase_label(review.phase)) + " " + phase_hint(review.phase)
        )
        self._show_transitions(review)
        self._show_details(review)
        self._show_completeness(completeness_of(review), review)

    def _show_transitions(self, review: Review) -> None:
        phase = review.phase
        allowed = allowed_targets(phase)
        forward = next_phase(phase)
        forward = forward if forward in allowed else None
        index = ORDER.index(phase)
        back = ORDER[index - 1] if index > 0 and ORDER[index - 1] in allowed else None
        self._targets = {}
        self._set_target(self.forward_button, forward, self._forward_text(forward))
        self._set_target(self.back_button, back, _("Back to {phase}").format(phase=phase_label(back)) if back else "")
        for button in self.other_buttons:
            self.buttons.removeWidget(button)
            button.deleteLater()
        self.other_buttons = []
        for other in (p for p in ORDER if p in allowed and p not in (forward, back)):
            button = self._button("phaseOtherButton")
            self._set_target(button, other, _("To {phase}").format(phase=phase_label(other)))
            self.buttons.insertWidget(self.buttons.indexOf(self.forward_button), button)
            self.other_buttons.append(button)
        self.revision_button.setVisible(phase in (Phase.ADOPTED, Phase.FOLLOW_UP))
        # Tab follows the buttons as they are laid out, the extra transitions included.
        chain = [self.back_button, self.revision_button, *self.other_buttons, self.forward_button, self.show_all_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _forward_text(self, target: Phase | None) -> str:
        if target is Phase.ADOPTED:
            return _("Adopt…")
        return _("To {phase}").format(phase=phase_label(target)) if target else ""

    def _set_target(self, button: QPushButton, target: Phase | None, text: str) -> None:
        button.setVisible(target is not None)
        if target is None:
            return
        self._targets[button] = target
        button.setText(text)
        button.setAccessibleName(_("Move the review to {phase}").format(phase=phase_label(target)))

    def _show_details(self, review: Review) -> None:
        lang = language()
        partnership = review.partnership
        where = f" · {partnership.region}" if partnership.region else ""
        framework = review.framework
        values = {
            "partnership": f"{partnership.name} ({status_label(partnership.status)}){where}",
            "kind": review.forms.kind.name.get(lang),
            "framework": _("{name}, version {version}").format(
                name=framework.name.get(lang), version=framework.version
            ),
            "visit": dates_text(review.visit_dates) or _("not planned yet"),
            "revision": self._revision_text(review),
            "sectors": ", ".join(s.value for s in review.sectors) or "—",
            "language": "Nederlands" if review.language is Language.NL else "English",
            "panel": self._panel_text(review),
            "programme": ngettext("{count} conversation", "{count} conversations", len(review.conversations)).format(
                count=len(review.conversations)
            ),
        }
        for key, value in values.items():
            self.detail_values[key].setText(value)

    def _revision_text(self, review: Review) -> str:
        text = str(review.revision)
        if review.adopted_at is not None:
            text += " · " + _("adopted on {date}").format(date=long_date(review.adopted_at.date()))
        return text

    def _panel_text(self, review: Review) -> str:
        on_panel = [m for m in review.members if m.role.on_panel]
        text = ngettext("{count} person", "{count} people", len(on_panel)).format(count=len(on_panel))
        chair = review.members_with_role(Role.CHAIR)
        if chair:
            text += " · " + _("chair: {name}").format(name=chair[0].name)
        return text

    def _show_completeness(self, report: CompletenessReport, review: Review) -> None:
        self.completeness_bar.setValue(report.percent)
        self.show_all_button.setVisible(not report.complete)
        if report.complete:
            done = "✓ " + _("Everything has been filled in.")
            if review.phase is Phase.REPORTING:
                done += " " + _("The review can be adopted.")
            self.open_items.setText(escape(done))
            return
        shown = report.items[:OPEN_ITEMS_SHOWN]
        lines = "".join(f"<li>{escape(item.text)}</li>" for item in shown)
        more = len(report.items) - len(shown)
        summary = ngettext("{count} item open:", "{count} items open:", len(report.items)).format(
            count=len(report.items)
        )
        text = f"<p>{escape(summary)}</p><ul style='margin-left:-20px'>{lines}</ul>"
        if more:
            text += "<p>" + escape(_("… and {count} more").format(count=more)) + "</p>"
        self.open_items.setText(text)

    # -- actions --------------------------------------------------------------------------------------

    def _clicked(self, button: QPushButton) -> None:
        target = self._targets.get(button)
        if target is not None:
            self.move_to(target)

    def move_to(self, target: Phase) -> bool:
        """Move the review to `target`; adoption asks first. Refusals show what is missing (via context.save)."""
        review = self.context.review()
        if target is Phase.ADOPTED and completeness_of(review).complete and not self._confirm_adoption(review):
            return False
        ok, _result = self.context.save(
            lambda: workflow.move_to(self.context.workbench, self.context.review_id, target)
        )
        return ok

    def _confirm_adoption(self, review: Review) -> bool:
        text = _(
            "Adopting makes revision {revision} of “{title}” final: from then on nobody can change it. "
            "A correction becomes a new, numbered revision.\n\nAdopt the review now?"
        ).format(revision=review.revision, title=review.title)
        answer = QMessageBox.question(
            self,
            _("Adopt review"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_revision(self) -> None:
        """Start a new revision of this adopted review and ask for it to be opened."""
        ok, revision = self.context.save(
            lambda: workflow.start_revision(self.context.workbench, self.context.review_id)
        )
        if ok and revision is not None:
            self.context.events.reviews_changed.emit()
            self.open_review.emit(revision.id)
