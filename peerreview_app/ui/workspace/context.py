"""What every page of an open review shares: the review, its undo stack, saving and who the user is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar
from uuid import UUID

from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services import reviews
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.operations import USER_ERRORS, show_error
from peerreview_app.ui.qt import QFileDialog, QMessageBox, QObject, QUndoStack, QWidget, Signal
from peerreview_app.ui.settings import Settings

T = TypeVar("T")


class WorkspaceContext(QObject):
    """One open review.

    Signals:
        changed(object): the review was changed and reloaded; the argument is the fresh `Review`.
    """

    changed = Signal(object)

    def __init__(
        self, workbench: Workbench, events: AppEvents, settings: Settings, review_id: UUID, window: QWidget
    ) -> None:
        super().__init__(window)
        self.workbench = workbench
        self.events = events
        self.settings = settings
        self.review_id = review_id
        self.window = window
        self.undo = QUndoStack(self)
        self.undo.setObjectName("undoStack")
        self._review: Review | None = None

    def review(self) -> Review:
        """The review as stored now (loaded once per change)."""
        if self._review is None:
            self._review = reviews.get_review(self.workbench, self.review_id)
        return self._review

    def reload(self) -> Review:
        self._review = None
        review = self.review()
        self.changed.emit(review)
        return review

    def save(self, call: Callable[[], T], *, unsaved_text: str | None = None) -> tuple[bool, T | None]:
        """Run one service call that changes this review; on success reload and announce the change.

        When storage fails (a pulled USB stick, a full disk) and `unsaved_text` is given, the user is offered to
        keep that text in a file of their choice; the text also stays in the editor.
        """
        try:
            result = call()
        except DomainError as exc:
            show_error(self.window, exc)
            return False, None
        except USER_ERRORS as exc:
            if unsaved_text:
                self._offer_rescue(exc, unsaved_text)
            else:
                show_error(self.window, exc)
            self.events.status.emit(_("Not saved"))
            return False, None
        self._review = None
        review = self.review()
        self.events.review_changed.emit(self.review_id)
        self.events.status.emit(_("Saved at {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        self.changed.emit(review)
        return True, result

    def _offer_rescue(self, exc: BaseException, text: str) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("saveFailedDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Not saved"))
        box.setText(_("Your text could not be saved: {reason}").format(reason=exc))
        box.setInformativeText(_("The text is still in the field. You can also keep a copy in a file."))
        keep = box.addButton(_("Save text as…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is keep:
            name, _filter = QFileDialog.getSaveFileName(
                self.window, _("Save text as"), str(Path.home() / "peerreview-tekst.txt"), _("Text (*.txt)")
            )
            if name:
                Path(name).write_text(text, encoding="utf-8")

    def current_member(self) -> PanelMember | None:
        """The panel member the user is in this review: chosen in the review, else matched by name."""
        review = self.review()
        chosen = self.settings.member_for(review.id)
        for member in review.members:
            if member.id == chosen and member.role.on_panel:
                return member
        name = self.settings.identity_name.strip().casefold()
        for member in review.members:
            if member.role.on_panel and member.name.strip().casefold() == name:
                return member
        return None
