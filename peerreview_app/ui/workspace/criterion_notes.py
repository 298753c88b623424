"""Notes on one criterion: the user's own (add, edit, remove, undoable) and those of the rest of the panel."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.records import Note
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services import programme
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTextCursor,
    QUndoCommand,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.page import wrap


class ServiceCommand(QUndoCommand):
    """An undo step made of two service calls; pushed after the change was saved, so the first redo is skipped."""

    def __init__(
        self, context: WorkspaceContext, text: str, redo: Callable[[], object], undo: Callable[[], object]
    ) -> None:
        super().__init__(text)
        self._context, self._redo, self._undo = context, redo, undo
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._context.save(self._redo)

    def undo(self) -> None:
        self._context.save(self._undo)


class Composer(QPlainTextEdit):
    """A plain-text box for a note; Ctrl+Enter submits it.

    Signals:
        submitted(): Ctrl+Enter (or Ctrl+Return) was pressed.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


def _card(parent: QWidget, caption: str, text: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("noteCard")
    card.setStyleSheet("QFrame#noteCard { border: 1px solid palette(mid); border-radius: 6px; }")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setSpacing(4)
    if caption:
        head = QLabel(caption, card)
        head.setObjectName("noteCaption")
        head.setWordWrap(True)
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        font.setBold(True)
        head.setFont(font)
        layout.addWidget(head)
    layout.addWidget(wrap(text, "noteText"))
    return card, layout


def _conversation_title(review: Review, note: Note) -> str:
    if note.conversation_id is None:
        return ""
    return review.conversation(note.conversation_id).title


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()  # later: the click that led here may still be running in one of its buttons


class MyNotesPanel(QWidget):
    """The current member's notes on a criterion and a box to write one; explains when the user is not on the panel.

    Signals:
        member_chosen(): the user chose which panel member they are; the page shows everything anew.
    """

    member_chosen = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._criterion = ""
        self._member: PanelMember | None = None
        self._editing: UUID | None = None
        self._shown: object = None

        self.list = QWidget(self)
        self.list.setObjectName("myNotes")
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(6)
        self.empty = wrap(_("You have no notes on this criterion yet."), "myNotesEmpty")
        self.empty.setEnabled(False)

        self._build_stranger()
        buttons = self._build_composer()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.stranger)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.composer)
        layout.addLayout(buttons)

    def _build_stranger(self) -> None:
        """The explanation and chooser shown when the user is not (recognised as) on the panel."""
        self.stranger = QFrame(self)
        self.stranger.setObjectName("notOnPanel")
        self.explanation = wrap("", "notOnPanelText")
        self.chooser = QComboBox(self.stranger)
        self.chooser.setObjectName("memberChooser")
        self.chooser.setAccessibleName(_("Who are you in this review?"))
        self.chooser.activated.connect(self._choose)
        chooser_label = QLabel(_("I &am:"), self.stranger)
        chooser_label.setBuddy(self.chooser)
        row = QHBoxLayout()
        row.addWidget(chooser_label)
        row.addWidget(self.chooser, 1)
        stranger_layout = QVBoxLayout(self.stranger)
        stranger_layout.setContentsMargins(0, 0, 0, 0)
        stranger_layout.addWidget(self.explanation)
        stranger_layout.addLayout(row)

    def _build_composer(self) -> QHBoxLayout:
        """The box to write a note in, and its buttons."""
        self.composer = Composer(self)
        self.composer.setObjectName("noteComposer")
        self.composer.setAccessibleName(_("New note"))
        self.composer.setPlaceholderText(_("Write a note on this criterion… (Ctrl+Enter adds it)"))
        self.composer.setTabChangesFocus(True)
        self.composer.setFixedHeight(self.composer.fontMetrics().lineSpacing() * 4 + 16)
        self.add = QPushButton(_("Add &note"), self)
        self.add.setObjectName("addNoteButton")
        self.add.clicked.connect(self.submit)
        self.cancel = QPushButton(_("Cancel editing"), self)
        self.cancel.setObjectName("cancelNoteEditButton")
        self.cancel.clicked.connect(self._stop_editing)
        self.cancel.hide()
        self.composer.submitted.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.add)
        return buttons

    # -- showing -----------------------------------------------------------------------------------------

    def show_notes(self, review: Review, criterion_id: str, member: PanelMember | None) -> None:
        if criterion_id != self._criterion:
            self.commit()  # a draft is never lost by moving to another criterion
            self._stop_editing()
        self._criterion, self._member = criterion_id, member
        mine = [n for n in review.notes_for_criterion(criterion_id) if member and n.author_id == member.id]
        shown = (criterion_id, member, review.locked, [(n.id, n.text, n.conversation_id) for n in mine])
        self._show_stranger(review, member)
        writable = member is not None and not review.locked
        self.composer.setVisible(writable)
        self.add.setVisible(writable)
        self.empty.setVisible(member is not None and not mine)
        if shown == self._shown:
            return
        self._shown = shown
        _clear(self._list_layout)
        for note in mine:
            card = self._note_card(review, note, writable)
            self._list_layout.addWidget(card)
            card.show()  # at once, not on the next turn of the event loop: the page is read right after

    def _show_stranger(self, review: Review, member: PanelMember | None) -> None:
        self.stranger.setVisible(member is None)
        if member is not None:
            return
        self.explanation.setText(
            _(
                "You are not on the panel of this review as {name}. Choose your name in Settings, "
                "or choose who you are in this review."
            ).format(name=self.context.settings.identity_name or _("(no name)"))
        )
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(_("— choose a panel member —"), None)
        for person in review.members:
            if person.role.on_panel:
                self.chooser.addItem(f"{person.name} ({role_label(person.role)})", str(person.id))
        self.chooser.blockSignals(False)

    def _note_card(self, review: Review, note: Note, writable: bool) -> QFrame:
        title = _conversation_title(review, note)
        caption = _("In the conversation: {title}").format(title=title) if title else ""
        card, layout = _card(self.list, caption, note.text)
        if writable:
            edit = QPushButton(_("Edit"), card)
            edit.setObjectName("editNoteButton")
            edit.setAccessibleName(_("Edit note"))
            edit.clicked.connect(lambda: self._start_editing(note))
            remove = QPushButton(_("Remove"), card)
            remove.setObjectName("removeNoteButton")
            remove.setAccessibleName(_("Remove note"))
            remove.setToolTip(_("Removes the note everywhere; Ctrl+Z brings it back"))
            remove.clicked.connect(lambda: self.remove(note.id))
            row = QHBoxLayout()
            row.addStretch()
            row.addWidget(edit)
            row.addWidget(remove)
            layout.addLayout(row)
        return card

    def focus_chain(self) -> list[QWidget]:
        """The focusable widgets in visual order, for the page's tab order."""
        chain: list[QWidget] = [self.chooser]
        for index in range(self._list_layout.count()):
            item = self._list_layout.itemAt(index)
            card = item.widget() if item is not None else None
            if card is not None:
                chain.extend(card.findChildren(QPushButton))
        return [*chain, self.composer, self.cancel, self.add]

    # -- changing ----------------------------------------------------------------------------------------

    def _choose(self) -> None:
        data = self.chooser.currentData()
        if data:
            self.context.settings.set_member_for(self.context.review_id, UUID(str(data)))
            self.member_chosen.emit()

    def submit(self) -> bool:
        """Add the composed note (or save the note being edited); answers whether it is stored."""
        text = self.composer.toPlainText()
        if not text.strip() or self._member is None:
            return True
        editing = self._editing
        # Out of the box before saving: the save announces a change, and the refresh that follows must not
        # find the same draft and store it a second time. A failed save puts it back.
        self.composer.clear()
        ok = self._store_edit(editing, text) if editing else self._store_new(self._member.id, text)
        if ok:
            self._stop_editing()
        else:
            self.composer.setPlainText(text)
        return ok

    def _store_edit(self, note_id: UUID, text: str) -> bool:
        wb, review_id = self.context.workbench, self.context.review_id
        old = self.context.review().note(note_id).text
        ok, _result = self.context.save(
            lambda: programme.update_note(wb, review_id, note_id, text=text), unsaved_text=text
        )
        if ok:
            self.context.undo.push(
                ServiceCommand(
                    self.context,
                    _("Edit note"),
                    lambda: programme.update_note(wb, review_id, note_id, text=text),
                    lambda: programme.update_note(wb, review_id, note_id, text=old),
                )
            )
        return ok

    def _store_new(self, author: UUID, text: str) -> bool:
        wb, review_id = self.context.workbench, self.context.review_id
        note_id, criteria = uuid4(), [self._criterion]

        def add() -> Note:
            return programme.add_note(
                wb, review_id, author_id=author, text=text, criterion_ids=criteria, note_id=note_id
            )

        ok, _result = self.context.save(add, unsaved_text=text)
        if ok:
            self.context.undo.push(
                ServiceCommand(self.context, _("Add note"), add, lambda: programme.remove_note(wb, review_id, note_id))
            )
        return ok

    def remove(self, note_id: UUID) -> None:
        wb, review_id = self.context.workbench, self.context.review_id
        note = self.context.review().note(note_id)
        if self._editing == note_id:
            self._stop_editing()

        def restore() -> Note:
            return programme.add_note(
                wb,
                review_id,
                author_id=note.author_id,
                text=note.text,
                criterion_ids=note.criterion_ids,
                conversation_id=note.conversation_id,
                note_id=note.id,
            )

        ok, _result = self.context.save(lambda: programme.remove_note(wb, review_id, note_id))
        if ok:
            self.context.undo.push(
                ServiceCommand(
                    self.context, _("Remove note"), lambda: programme.remove_note(wb, review_id, note_id), restore
                )
            )

    def _start_editing(self, note: Note) -> None:
        self._editing = note.id
        self.composer.setPlainText(note.text)
        self.composer.moveCursor(QTextCursor.MoveOperation.End)  # ready to add to the note
        self.add.setText(_("Save &note"))
        self.cancel.show()
        self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_editing(self) -> None:
        if self._editing is not None:
            self.composer.clear()
        self._editing = None
        self.add.setText(_("Add &note"))
        self.cancel.hide()

    def commit(self) -> bool:
        """Store a written but not yet added note, so that leaving the page never loses it."""
        if self.composer.toPlainText().strip() and self._member is not None and self._criterion:
            return self.submit()
        return True


class PanelNotesPanel(QWidget):
    """The notes of the other panel members on a criterion (author, conversation, text), read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelNotes")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._shown: object = None

    def show_notes(self, review: Review, criterion_id: str, member: PanelMember | None) -> None:
        others = [n for n in review.notes_for_criterion(criterion_id) if member is None or n.author_id != member.id]
        shown = (criterion_id, [(n.id, n.text, n.author_id, n.conversation_id) for n in others])
        if shown == self._shown:
            return
        self._shown = shown
        _clear(self._layout)
        if not others:
            empty = wrap(_("No notes of other panel members on this criterion yet."), "panelNotesEmpty")
            empty.setEnabled(False)
            self._layout.addWidget(empty)
            empty.show()
        names = {m.id: m.name for m in review.members}
        for note in others:
            title = _conversation_title(review, note)
            author = names.get(note.author_id, "?")
            caption = f"{author} · {title}" if title else author
            card, _layout = _card(self, caption, note.text)
            self._layout.addWidget(card)
            card.show()
