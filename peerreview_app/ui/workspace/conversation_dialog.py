"""The dialog for one conversation (gesprek) of the bezoekdag programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from peerreview_app.domain.records import Conversation
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    Qt,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.dates import from_qdate, from_qtime, to_qdate, to_qtime

DATA_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_LENGTH = timedelta(minutes=45)


@dataclass(frozen=True, slots=True)
class ConversationValues:
    """What the dialog collected, in the shape `programme.add_conversation` takes."""

    title: str
    day: date
    starts_at: time
    ends_at: time
    participants: str
    location: str
    member_ids: tuple[UUID, ...]
    topics: tuple[str, ...]


def _checkable(list_widget: QListWidget, text: str, data: object, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text, list_widget)
    item.setData(DATA_ROLE, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _checked(list_widget: QListWidget) -> list[object]:
    return [
        list_widget.item(row).data(DATA_ROLE)
        for row in range(list_widget.count())
        if list_widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def _suggested_slot(review: Review, day: date) -> tuple[time, time]:
    """Right after the last conversation of `day`, or 09:00; 45 minutes long."""
    ends = [c.ends_at or c.starts_at for c in review.conversations if c.day == day and (c.ends_at or c.starts_at)]
    start = max((e for e in ends if e is not None), default=time(9, 0))
    if start >= time(23, 0):
        start = time(9, 0)
    end = (datetime.combine(day, start) + DEFAULT_LENGTH).time()
    return start, end


class ConversationDialog(QDialog):
    """Title, day, time, participants, location, the panel members present and the topics on the agenda."""

    def __init__(self, review: Review, conversation: Conversation | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conversationDialog")
        self.setWindowTitle(_("Change conversation") if conversation else _("Add conversation"))
        self.resize(900, 620)
        self.title = self._line("conversationTitle", _("Conversation"), _("e.g. Student teachers"))
        self.day = QDateEdit(self)
        self.day.setObjectName("conversationDay")
        self.day.setAccessibleName(_("Day"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.starts = self._time("conversationStart", _("Starts at"))
        self.ends = self._time("conversationEnd", _("Ends at"))
        self.location = self._line("conversationLocation", _("Location"), _("e.g. meeting room 2"))
        self.participants = QPlainTextEdit(self)
        self.participants.setObjectName("conversationParticipants")
        self.participants.setAccessibleName(_("Participants"))
        self.participants.setTabChangesFocus(True)
        self.participants.setMaximumHeight(self.participants.fontMetrics().height() * 5 + 14)
        self.participants.setPlaceholderText(_("Who of the partnership takes part, e.g. six starting teachers"))
        self.members = QListWidget(self)
        self.members.setObjectName("conversationMembers")
        self.members.setAccessibleName(_("Panel members present"))
        self.topics = QListWidget(self)
        self.topics.setObjectName("conversationTopics")
        self.topics.setAccessibleName(_("Topics on the agenda"))
        self.problem = QLabel(self)
        self.problem.setObjectName("conversationProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._fill(review, conversation)
        self._lay_out()
        for signal in (self.title.textChanged, self.starts.timeChanged, self.ends.timeChanged):
            signal.connect(self._check)
        self._check()

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def _time(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("HH:mm")
        return edit

    def _fill(self, review: Review, conversation: Conversation | None) -> None:
        lang = language()
        if conversation is not None:
            self.title.setText(conversation.title)
            self.location.setText(conversation.location)
            self.participants.setPlainText(conversation.participants)
        day = (conversation.day if conversation else None) or (review.visit_dates[0] if review.visit_dates else None)
        self.day.setDate(to_qdate(day) if day else QDate.currentDate())
        start, end = _suggested_slot(review, from_qdate(self.day.date()))
        if conversation is not None:
            start, end = conversation.starts_at or start, conversation.ends_at or end
        self.starts.setTime(to_qtime(start))
        self.ends.setTime(to_qtime(end))
        present = set(conversation.member_ids) if conversation else None
        for member in (m for m in review.members if m.role.on_panel):
            text = f"{member.name} ({role_label(member.role)})"
            _checkable(self.members, text, member.id, present is None or member.id in present)
        topics = set(conversation.topics) if conversation else set()
        bold = QFont(self.topics.font())
        bold.setBold(True)
        for standard in review.framework.standards:
            item = _checkable(self.topics, f"{standard.id}  {standard.title.get(lang)}", standard.id, False)
            item.setCheckState(Qt.CheckState.Checked if standard.id in topics else Qt.CheckState.Unchecked)
            item.setFont(bold)
            for criterion in standard.criteria:
                text = f"      {criterion.id}  {criterion.title.get(lang)}"
                _checkable(self.topics, text, criterion.id, criterion.id in topics).setToolTip(
                    criterion.title.get(lang)
                )

    def _lay_out(self) -> None:
        times = QHBoxLayout()
        times.setSpacing(6)
        times.addWidget(self.starts)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.ends)
        times.addStretch()
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(12)
        for text, buddy, field in (
            (_("&Conversation with:"), self.title, self.title),
            (_("&Day:"), self.day, self.day),
            (_("&Time:"), self.starts, times),
            (_("&Location:"), self.location, self.location),
            (_("&Participants:"), self.participants, self.participants),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self._labelled(_("Panel &members present:"), self.members), 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addLayout(left, 0, 0)
        grid.addWidget(self._labelled(_("T&opics on the agenda (standards and criteria):"), self.topics), 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(grid, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _labelled(self, text: str, widget: QWidget) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        label = QLabel(text, holder)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return holder

    def _check(self) -> None:
        # An empty title only disables OK; a wrong time is explained, it is easy to miss.
        problem = _("The conversation must end after it starts.") if self.ends.time() <= self.starts.time() else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem and bool(self.title.text().strip()))

    def values(self) -> ConversationValues:
        return ConversationValues(
            title=self.title.text().strip(),
            day=from_qdate(self.day.date()),
            starts_at=from_qtime(self.starts.time()),
            ends_at=from_qtime(self.ends.time()),
            participants=self.participants.toPlainText().strip(),
            location=self.location.text().strip(),
            member_ids=tuple(UUID(str(m)) for m in _checked(self.members)),
            topics=tuple(str(t) for t in _checked(self.topics)),
        )
