"""The notes of one conversation: read everyone's, add your own tagged to criteria, change or remove your own."""

from __future__ import annotations

from uuid import UUID

from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.records import Conversation, Note
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, ngettext
from peerreview_app.services import programme
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.dates import time_span
from peerreview_app.ui.workspace.note_editing import CriteriaEdit, NoteDialog
from peerreview_app.ui.workspace.wrapping import wrapping_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ConversationNotes(QWidget):
    """Everyone's notes on the selected conversation; the user adds notes as the panel member they are.

    If the user is nobody on this panel, the form explains it and lets them say who they are.
    """

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationNotesPanel")
        self.context = context
        self.conversation: Conversation | None = None
        self._review: Review | None = None
        self.header = QLabel(self)
        self.header.setObjectName("notesHeader")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addLayout(self._make_list(), 3)
        columns.addWidget(self._make_new_note(), 2)
        layout.addLayout(columns, 1)

    # -- building -------------------------------------------------------------------------------------

    def _make_list(self) -> QVBoxLayout:
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conversationNotes")
        self.table.setAccessibleName(_("Notes on this conversation"))
        self.table.setHorizontalHeaderLabels([_("Author"), _("Note"), _("Criteria")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        wrapping_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 160)
        header.resizeSection(2, 110)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemActivated.connect(lambda _item: self.edit_note())
        self.edit_button = QPushButton(_("C&hange note…"), self)
        self.edit_button.setObjectName("editNoteButton")
        self.edit_button.clicked.connect(self.edit_note)
        self.remove_button = QPushButton(_("Remove n&ote"), self)
        self.remove_button.setObjectName("removeNoteButton")
        self.remove_button.clicked.connect(self.remove_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        return column

    def _make_new_note(self) -> QGroupBox:
        self.new_box = QGroupBox(_("New note"), self)
        self.new_box.setObjectName("newNoteBox")
        self.stack = QStackedWidget(self.new_box)
        self.stack.addWidget(self._make_form())
        self.stack.addWidget(self._make_chooser())
        locked = QLabel(_("This review is adopted and read-only: notes can no longer be added or changed."))
        locked.setObjectName("notesLockedExplanation")
        locked.setWordWrap(True)
        locked.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(locked)
        layout = QVBoxLayout(self.new_box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addWidget(self.stack)
        return self.new_box

    def _make_form(self) -> QWidget:
        """The new note, written as the member the user is."""
        form = QWidget(self.stack)
        self.author = QLabel(form)
        self.author.setObjectName("noteAuthor")
        self.author.setWordWrap(True)
        self.note_text = QPlainTextEdit(form)
        self.note_text.setObjectName("noteText")
        self.note_text.setAccessibleName(_("New note"))
        self.note_text.setTabChangesFocus(True)
        self.note_text.setPlaceholderText(_("What did you hear or see? (Ctrl+Enter adds the note)"))
        self.criteria = CriteriaEdit("noteCriteria", form)
        self.add_button = QPushButton(_("Add &note"), form)
        self.add_button.setObjectName("addNoteButton")
        self.add_button.clicked.connect(self.add_note)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.note_text)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_note)
        self.note_text.textChanged.connect(self._enable)
        self.criteria.validity.connect(lambda _valid: self._enable())
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(6)
        form_layout.addWidget(self.author)
        form_layout.addWidget(self.note_text, 1)
        form_layout.addWidget(self.criteria)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.add_button)
        form_layout.addLayout(row)
        return form

    def _make_chooser(self) -> QWidget:
        """Shown instead of the form when the user is nobody on this panel."""
        chooser = QWidget(self.stack)
        explanation = QLabel(
            _(
                "You are not a member of this panel, so you cannot add notes. If you are on the panel under "
                "another name, say who you are:"
            ),
            chooser,
        )
        explanation.setObjectName("notMemberExplanation")
        explanation.setWordWrap(True)
        self.who = QComboBox(chooser)
        self.who.setObjectName("whoAmICombo")
        self.who.setAccessibleName(_("Who you are in this review"))
        self.me_button = QPushButton(_("&This is me"), chooser)
        self.me_button.setObjectName("thisIsMeButton")
        self.me_button.clicked.connect(self.choose_member)
        chooser_layout = QVBoxLayout(chooser)
        chooser_layout.setContentsMargins(0, 0, 0, 0)
        chooser_layout.setSpacing(8)
        chooser_layout.addWidget(explanation)
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(self.who, 1)
        chooser_row.addWidget(self.me_button)
        chooser_layout.addLayout(chooser_row)
        chooser_layout.addStretch()
        return chooser

    # -- showing --------------------------------------------------------------------------------------

    def show_conversation(self, review: Review, conversation: Conversation | None) -> None:
        self._review = review
        self.conversation = conversation
        self.criteria.set_framework(review.framework)
        me = self.context.current_member()
        selected = self.selected_note()
        self.table.setRowCount(0)
        if conversation is None:
            self.header.setText(_("Choose a conversation to see its notes."))
        else:
            notes = sorted(
                (n for n in review.notes if n.conversation_id == conversation.id), key=lambda n: n.created_at
            )
            heading = _("Notes on “{title}” ({time})").format(
                title=conversation.title, time=time_span(conversation.starts_at, conversation.ends_at)
            )
            count = (
                ngettext("{count} note", "{count} notes", len(notes)).format(count=len(notes))
                if notes
                else _("no notes yet")
            )
            self.header.setText(f"{heading} · {count}")
            for note in notes:
                self._add_row(review, note, me)
            self.table.resizeRowsToContents()
            if selected is not None:
                self.select_note(selected.id)
        self._show_form(review, me)
        self._enable()

    def _add_row(self, review: Review, note: Note, me: PanelMember | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        author = next((m for m in review.members if m.id == note.author_id), None)
        name = author.name if author else "?"
        if me is not None and note.author_id == me.id:
            name += " " + _("(you)")
        cells = (name, note.text, ", ".join(note.criterion_ids))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, note.id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            item.setToolTip(text if column else f"{name}, {note.created_at:%d-%m-%Y %H:%M}")
            self.table.setItem(row, column, item)

    def _show_form(self, review: Review, me: PanelMember | None) -> None:
        self.stack.setCurrentIndex(2 if review.locked else 0 if me is not None else 1)
        if me is not None:
            self.author.setText(_("As {name} ({role})").format(name=me.name, role=role_label(me.role)))
            topics = [t for t in (self.conversation.topics if self.conversation else ()) if "-" in t]
            if topics:
                self.criteria.edit.setPlaceholderText(_("Criteria, e.g. {ids}").format(ids=", ".join(topics[:3])))
            return
        self.who.clear()
        for member in (m for m in review.members if m.role.on_panel):
            self.who.addItem(f"{member.name} ({role_label(member.role)})", member.id)

    def _enable(self) -> None:
        review = self._review
        locked = review is None or review.locked
        me = self.context.current_member() if review is not None else None
        note = self.selected_note()
        own = note is not None and me is not None and note.author_id == me.id
        self.edit_button.setEnabled(own and not locked)
        self.remove_button.setEnabled(own and not locked)
        can_write = not locked and self.conversation is not None and me is not None
        self.note_text.setEnabled(can_write)
        self.criteria.setEnabled(can_write)
        self.add_button.setEnabled(can_write and bool(self.note_text.toPlainText().strip()) and self.criteria.valid())
        self.who.setEnabled(self.who.count() > 0)
        self.me_button.setEnabled(self.who.count() > 0)

    def selected_note(self) -> Note | None:
        items = self.table.selectedItems()
        if not items or self._review is None:
            return None
        note_id = items[0].data(ID_ROLE)
        return next((n for n in self._review.notes if n.id == note_id), None)

    def select_note(self, note_id: UUID) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == note_id:
                self.table.selectRow(row)
                return

    # -- actions --------------------------------------------------------------------------------------

    def add_note(self) -> None:
        me = self.context.current_member()
        conversation = self.conversation
        text = self.note_text.toPlainText().strip()
        if (
            me is None
            or conversation is None
            or not text
            or not self.criteria.valid()
            or not self.add_button.isEnabled()
        ):
            return
        author_id, criteria = me.id, self.criteria.ids()
        ok, _note = self.context.save(
            lambda: programme.add_note(
                self.context.workbench,
                self.context.review_id,
                author_id=author_id,
                text=text,
                criterion_ids=criteria,
                conversation_id=conversation.id,
            )
        )
        if ok:
            self.note_text.clear()
            self.criteria.edit.clear()

    def edit_note(self) -> None:
        note = self.selected_note()
        if note is None or self._review is None or not self.edit_button.isEnabled():
            return
        dialog = NoteDialog(note, self._review.framework, self)
        if dialog.exec():
            text, criteria = dialog.values()
            self.context.save(
                lambda: programme.update_note(
                    self.context.workbench, self.context.review_id, note.id, text=text, criterion_ids=criteria
                )
            )

    def remove_note(self) -> None:
        note = self.selected_note()
        if note is None or not self.remove_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            _("Remove note"),
            _("Remove your note “{start}…”?").format(start=note.text[:60]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.save(lambda: programme.remove_note(self.context.workbench, self.context.review_id, note.id))

    def choose_member(self) -> None:
        """The user says which panel member they are (a preference); every page then shows them as such."""
        member_id = self.who.currentData()
        if member_id is None:
            return
        self.context.settings.set_member_for(self.context.review_id, member_id)
        self.context.reload()
