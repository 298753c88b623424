"""The Excel exports of the File menu: the open review, an overview of reviews, and the fill-in workbooks.

Each asks where to save, writes in a background task and says in the status bar where the file went; errors are
shown by the task. openpyxl (through the services) is imported only when a workbook is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.fileio import safe_file_name
from peerreview_app.i18n import _, ngettext
from peerreview_app.services.labels import role_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def ask_target(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to save a workbook (".xlsx" added when the name has no extension); None when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / safe_file_name(suggested)), _("Excel workbooks (*.xlsx)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _run(
    parent: QWidget, events: AppEvents, label: str, work: Callable[[], object], said: Callable[[object], str]
) -> BackgroundTask:
    task = BackgroundTask(parent, label, lambda report: work())
    task.done.connect(lambda result: events.status.emit(said(result)))
    task.start()
    return task


# -- the open review --------------------------------------------------------------------------------------


def export_review_workbook(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review
) -> BackgroundTask | None:
    """Ask for a file and write the review's workbook (overview, a sheet per standard, programme, questions)."""
    target = ask_target(parent, _("Export to Excel"), f"{review.title}.xlsx")
    return None if target is None else export_review_workbook_to(parent, workbench, events, review, target)


def export_review_workbook_to(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review, target: Path
) -> BackgroundTask:
    from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

    review_id = review.id
    return _run(
        parent,
        events,
        _("Exporting to Excel…"),
        lambda: workbooks.export_review_workbook(workbench, review_id, target),
        lambda _result: _("Exported to {path}").format(path=target),
    )


# -- all reviews ------------------------------------------------------------------------------------------


def export_overview(
    parent: QWidget, workbench: Workbench, events: AppEvents, where: ReviewFilter | None
) -> BackgroundTask | None:
    """Ask for a file and write the overview of the reviews that `where` selects (all when None)."""
    target = ask_target(parent, _("Overview to Excel"), _("Overview of peer reviews.xlsx"))
    return None if target is None else export_overview_to(parent, workbench, events, where, target)


def export_overview_to(
    parent: QWidget, workbench: Workbench, events: AppEvents, where: ReviewFilter | None, target: Path
) -> BackgroundTask:
    from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

    def said(count: object) -> str:
        number = int(count) if isinstance(count, int) else 0
        return ngettext(
            "Wrote an overview of {count} review to {path}", "Wrote an overview of {count} reviews to {path}", number
        ).format(count=number, path=target)

    return _run(
        parent, events, _("Writing the overview…"), lambda: workbooks.export_overview(workbench, target, where), said
    )


# -- fill-in workbooks ------------------------------------------------------------------------------------


def panel_members(review: Review) -> list[PanelMember]:
    """Who can get a member workbook: the panel, secretary last (they usually work in the app)."""
    panel = [m for m in review.members if m.role.on_panel]
    return sorted(panel, key=lambda m: m.role is Role.SECRETARY)


class MemberChoiceDialog(QDialog):
    """Choose the panel member a fill-in workbook is for (objectName "memberChoiceDialog")."""

    def __init__(self, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberChoiceDialog")
        self.setWindowTitle(_("Workbook for a panel member"))
        self.setMinimumWidth(460)
        self.members = panel_members(review)
        self.combo = QComboBox(self)
        self.combo.setObjectName("memberCombo")
        self.combo.setAccessibleName(_("Panel member"))
        for member in self.members:
            self.combo.addItem(f"{member.name} ({role_label(member.role)})", str(member.id))
        explanation = QLabel(
            _(
                "A workbook with a sheet per standard, in which this panel member writes notes"
                " (and, in an assessment review, provisional judgements) without the app. Import it when it comes"
                " back."
            ),
            self,
        )
        explanation.setWordWrap(True)
        label = QLabel(_("&Panel member:"), self)
        label.setBuddy(self.combo)
        form = QFormLayout()
        form.addRow(label, self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> PanelMember | None:
        index = self.combo.currentIndex()
        return self.members[index] if 0 <= index < len(self.members) else None


def choose_member(parent: QWidget, review: Review) -> PanelMember | None:
    """Ask which panel member the workbook is for; None when cancelled."""
    dialog = MemberChoiceDialog(review, parent)
    return dialog.chosen() if dialog.exec() else None


def export_member_workbook(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review
) -> BackgroundTask | None:
    """Ask for the member and a file, and write that member's fill-in workbook."""
    member = choose_member(parent, review)
    if member is None:
        return None
    target = ask_target(parent, _("Workbook for a panel member"), f"{review.title} - {member.name}.xlsx")
    return (
        None if target is None else export_member_workbook_to(parent, workbench, events, review, member, target=target)
    )


def export_member_workbook_to(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review, member: PanelMember, *, target: Path
) -> BackgroundTask:
    from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

    review_id, member_id = review.id, str(member.id)
    return _run(
        parent,
        events,
        _("Writing the workbook…"),
        lambda: workbooks.export_member_workbook(workbench, review_id, member_id, target),
        lambda name: _("Wrote the workbook for {name} to {path}").format(name=name, path=target),
    )


def export_factcheck_workbook(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review
) -> BackgroundTask | None:
    """Ask for a file and write the fact-check workbook for the receiving partnership."""
    target = ask_target(parent, _("Fact-check workbook"), _("Fact check {title}.xlsx").format(title=review.title))
    return None if target is None else export_factcheck_workbook_to(parent, workbench, events, review, target)


def export_factcheck_workbook_to(
    parent: QWidget, workbench: Workbench, events: AppEvents, review: Review, target: Path
) -> BackgroundTask:
    from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

    review_id = review.id

    def said(count: object) -> str:
        number = int(count) if isinstance(count, int) else 0
        return ngettext(
            "Wrote the fact-check workbook ({count} paragraph) to {path}",
            "Wrote the fact-check workbook ({count} paragraphs) to {path}",
            number,
        ).format(count=number, path=target)

    return _run(
        parent,
        events,
        _("Writing the fact-check workbook…"),
        lambda: workbooks.export_factcheck_workbook(workbench, review_id, target),
        said,
    )
