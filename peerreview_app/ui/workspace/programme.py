"""Bezoekprogramma: the conversations of the visit day and the notes the panel takes in them."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from peerreview_app.domain.records import Conversation
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services import programme
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QMessageBox,
    QModelIndex,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.conversation_dialog import ConversationDialog, ConversationValues
from peerreview_app.ui.workspace.dates import short_day, time_span
from peerreview_app.ui.workspace.page import Page, heading, push_button, vbox
from peerreview_app.ui.workspace.programme_notes import ConversationNotes
from peerreview_app.ui.workspace.record_table import Index, RecordTableModel
from peerreview_app.ui.workspace.wrapping import wrapping_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ProgrammeModel(RecordTableModel):
    """The conversations of a review in order of day and time: dag, tijd, gesprek, deelnemers, panel, topics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        headers = (_("Day"), _("Time"), _("Conversation"), _("Participants"), _("Panel"), _("Topics"))
        super().__init__(headers, parent)
        self._review: Review | None = None

    def set_review(self, review: Review) -> None:
        self._review = review
        self.set_records(sorted(review.conversations, key=Conversation.sort_key))

    def conversation_at(self, row: int) -> Conversation | None:
        conversation: Conversation | None = self.record_at(row)
        return conversation

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._review is None:
            return None
        conversation: Conversation = self._records[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            names = [m.name for m in self._review.members if m.id in conversation.member_ids]
            return "\n".join(names) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(conversation, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == ID_ROLE:
            return conversation.id
        return None

    def _text(self, conversation: Conversation, column: int) -> str:
        assert self._review is not None
        if column == 0:
            return short_day(conversation.day)
        if column == 1:
            return time_span(conversation.starts_at, conversation.ends_at)
        if column == 2:
            return conversation.title + (f"\n{conversation.location}" if conversation.location else "")
        if column == 3:
            return conversation.participants
        if column == 4:
            return self._panel_text(conversation)
        return ", ".join(conversation.topics)

    def _panel_text(self, conversation: Conversation) -> str:
        assert self._review is not None
        panel = [m for m in self._review.members if m.role.on_panel]
        present = [m for m in panel if m.id in conversation.member_ids]
        if not present:
            return "—"
        if len(present) == len(panel):
            return _("Whole panel")
        absent = [m for m in panel if m.id not in conversation.member_ids]
        if len(present) > len(absent):
            return _("All but {names}").format(names=", ".join(m.name for m in absent))
        return ", ".join(m.name for m in present)


class ProgrammePage(Page):
    """The visit day programme (add, change, remove conversations) above the notes of the chosen one."""

    key = "programme"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("programmePage")
        self._selected: UUID | None = None
        self._locked = False
        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(heading(_("Visit programme")))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("programmeSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._make_programme())
        self.notes = ConversationNotes(context, splitter)
        splitter.addWidget(self.notes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([430, 330])
        layout.addWidget(splitter, 1)

    def _make_programme(self) -> QWidget:
        holder = QWidget(self)
        self.model = ProgrammeModel(self)
        self.table = QTableView(holder)
        self.table.setObjectName("programmeTable")
        self.table.setAccessibleName(_("Conversations of the visit day"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        wrapping_table(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        widths = (90, 104, 270, 0, 160, 130)
        for column, width in enumerate(widths):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_conversation())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._chosen(current))
        remove = QAction(_("Remove"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_conversation)
        self.table.addAction(remove)
        self.add_button = push_button(self, _("&Add conversation…"), "addConversationButton", self.add_conversation)
        self.edit_button = push_button(self, _("&Change…"), "editConversationButton", self.edit_conversation)
        self.remove_button = push_button(self, _("&Remove"), "removeConversationButton", self.remove_conversation)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return holder

    # -- showing --------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._locked = review.locked
        selected = self._selected
        self.model.set_review(review)
        self.table.resizeRowsToContents()
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        self.table.selectionModel().blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self._selected = self._current_id()
        self.notes.show_conversation(review, self.selected_conversation(review))
        self._enable()

    def focus_field(self, field: str) -> bool:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _current_id(self) -> UUID | None:
        conversation = self.model.conversation_at(self.table.currentIndex().row())
        return conversation.id if conversation else None

    def selected_conversation(self, review: Review | None = None) -> Conversation | None:
        review = review or self.context.review()
        return next((c for c in review.conversations if c.id == self._selected), None)

    def select_conversation(self, conversation_id: UUID) -> None:
        row = self.model.row_of(conversation_id)
        if row >= 0:
            self.table.selectRow(row)

    def _chosen(self, current: QModelIndex) -> None:
        conversation = self.model.conversation_at(current.row())
        self._selected = conversation.id if conversation else None
        self.notes.show_conversation(self.context.review(), conversation)
        self._enable()

    def _enable(self) -> None:
        has_selection = self._selected is not None
        self.add_button.setEnabled(not self._locked)
        self.edit_button.setEnabled(not self._locked and has_selection)
        self.remove_button.setEnabled(not self._locked and has_selection)

    # -- actions --------------------------------------------------------------------------------------

    def add_conversation(self) -> None:
        if self._locked:
            return
        dialog = ConversationDialog(self.context.review(), None, self)
        if not dialog.exec():
            return
        values = dialog.values()
        ok, conversation = self.context.save(lambda: self._add(values))
        if ok and conversation is not None:
            self._selected = conversation.id
            self.select_conversation(conversation.id)

    def _add(self, values: ConversationValues) -> Conversation:
        # The dialog's fields are the service's keywords.
        return programme.add_conversation(self.context.workbench, self.context.review_id, **asdict(values))

    def edit_conversation(self) -> None:
        conversation = self.selected_conversation()
        if conversation is None or self._locked:
            return
        dialog = ConversationDialog(self.context.review(), conversation, self)
        if not dialog.exec():
            return
        values = dialog.values()
        self.context.save(
            lambda: programme.update_conversation(
                self.context.workbench, self.context.review_id, conversation.id, **asdict(values)
            )
        )

    def remove_conversation(self) -> None:
        conversation = self.selected_conversation()
        if conversation is None or self._locked:
            return
        answer = QMessageBox.question(
            self,
            _("Remove conversation"),
            _("Remove “{title}” from the programme?").format(title=conversation.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.save(
                lambda: programme.remove_conversation(self.context.workbench, self.context.review_id, conversation.id)
            )
