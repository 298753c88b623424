"""Feitencheck: the receiving partnership's comments on the draft report, each accepted or rejected with a reply.

The round: the secretary exports the fact-check workbook, the partnership writes its comments next to the
paragraphs and sends it back, the secretary imports it; this page lists the comments and records the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.factcheck import Decision, FactCheckComment, Target, question_number
from peerreview_app.domain.kind import MAX_TEXT_LENGTH, FieldType, Scope
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services import workbooks
from peerreview_app.ui.operations import USER_ERRORS, show_error
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.criterion_notes import ServiceCommand
from peerreview_app.ui.workspace.dates import locale, to_qdate
from peerreview_app.ui.workspace.page import Page, heading, push_button, scrolling, vbox, wrap
from peerreview_app.ui.workspace.record_table import Index, RecordTableModel
from peerreview_app.ui.workspace.wrapping import wrapping_table

SHOWN_IN_TABLE = 220
"""Characters of a quoted paragraph or comment the table shows; the details below show all of it."""

_SCOPES = {
    "criterion": Scope.CRITERION,
    "standard": Scope.STANDARD,
    "question": Scope.DEVELOPMENT_QUESTION,
    "conclusion": Scope.CONCLUSION,
}


def place_in_words(review: Review, target: str) -> str:
    """Where a paragraph reference is in the report, as a reader says it: e.g.
    ``LL-1 Gedeeld beeld van het leraarschap · Waarnemingen, alinea 2``; the reference itself if it is unknown."""
    lang = language()
    try:
        parsed = Target.parse(target)
        spec = review.forms.kind.field(_SCOPES[parsed.scope], parsed.field_id)
        if parsed.scope == "criterion":
            criterion = review.framework.criterion(parsed.holder)
            holder = f"{criterion.id} {criterion.title.get(lang)}"
        elif parsed.scope == "standard":
            standard = review.framework.standard(parsed.holder)
            holder = _("Standard {number}: {title}").format(number=standard.number, title=standard.title.get(lang))
        elif parsed.scope == "question":
            number = question_number(review, parsed.holder)
            if number is None:
                return target
            holder = _("Development question {number}").format(number=number)
        else:
            holder = _("Conclusion")
    except (DomainError, KeyError):
        return target
    label = spec.label.get(lang)
    label = label[:1].upper() + label[1:]
    if spec.type is FieldType.LIST:
        part = _("{field}, item {number}").format(field=label, number=parsed.paragraph)
    else:
        part = _("{field}, paragraph {number}").format(field=label, number=parsed.paragraph)
    return f"{holder} · {part}"


def decision_label(decision: Decision) -> str:
    labels = {
        Decision.PENDING: _("Pending"),
        Decision.ACCEPTED: _("Accepted"),
        Decision.REJECTED: _("Rejected"),
    }
    return labels[decision]


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_IN_TABLE else text[: SHOWN_IN_TABLE - 1].rstrip(" .,;:") + "…"


class CommentsModel(RecordTableModel):
    """The fact-check comments in report order: place, draft text, comment, decision, reply."""

    def __init__(self, parent: QWidget | None = None) -> None:
        headers = (_("Where"), _("Draft text"), _("Comment of the partnership"), _("Decision"), _("Reply"))
        super().__init__(headers, parent)
        self._places: dict[UUID, str] = {}

    def set_review(self, review: Review) -> None:
        comments = sorted(review.factcheck_comments, key=_report_order(review))
        self._places = {c.id: place_in_words(review, c.target) for c in comments}
        self.set_records(comments)

    def comment_at(self, row: int) -> FactCheckComment | None:
        comment: FactCheckComment | None = self.record_at(row)
        return comment

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        comment: FactCheckComment = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(comment, column, short=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(comment, column, short=False) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def _text(self, comment: FactCheckComment, column: int, *, short: bool) -> str:
        texts = (
            self._places.get(comment.id, comment.target),
            comment.quoted,
            comment.comment,
            decision_label(comment.decision),
            comment.reply,
        )
        text = texts[column]
        return _shortened(text) if short and column in (1, 2, 4) else text


def _report_order(review: Review) -> Callable[[FactCheckComment], tuple[int, int, int, str]]:
    """A sort key for comments: criteria and standards in framework order, then questions and the conclusion;
    within a holder the kind's field order, then the paragraph number."""
    holders: dict[str, int] = {}
    for standard in review.framework.standards:
        for criterion in standard.criteria:
            holders[f"criterion/{criterion.id}"] = len(holders)
        holders[f"standard/{standard.id}"] = len(holders)
    for question in review.questions:
        holders[f"question/{question.id}"] = len(holders)
    holders["conclusion/-"] = len(holders)

    def key(comment: FactCheckComment) -> tuple[int, int, int, str]:
        try:
            target = Target.parse(comment.target)
        except DomainError:
            return (len(holders), 0, 0, comment.target)
        fields = [spec.id for spec in review.forms.kind.fields_for(_SCOPES[target.scope])]
        field = fields.index(target.field_id) if target.field_id in fields else len(fields)
        holder = holders.get(f"{target.scope}/{target.holder}", len(holders))
        return (holder, field, target.paragraph, comment.target)

    return key


class FactCheckPage(Page):
    """The comments of the fact-check round in a table, and the chosen one with Accept / Reject and a reply.

    Decisions go through `workbooks.decide_comment` and are undoable. An adopted review shows the decisions
    read-only; a reject without a reply is refused with a message under the reply, not stored.
    """

    key = "factcheck"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("factcheckPage")
        self._selected: UUID | None = None
        self._locked = False
        self.import_dialog: QWidget | None = None

        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(heading(_("Fact check")))
        layout.addWidget(
            wrap(
                _(
                    "The receiving partnership checks the draft report for factual errors. Accept a comment when "
                    "the report is to be corrected (then correct the text on its page); reject it with a reply that "
                    "says why the text stays. The decisions are listed in the report's annex."
                ),
                "factcheckIntro",
            )
        )
        top = QHBoxLayout()
        top.setSpacing(8)
        self.counter = QLabel(self)
        self.counter.setObjectName("factcheckCounter")
        font = self.counter.font()
        font.setBold(True)
        self.counter.setFont(font)
        top.addWidget(self.counter)
        top.addStretch(1)
        self.export_button = push_button(
            self, _("Make fact-check &workbook…"), "exportFactcheckButton", self.export_workbook
        )
        self.import_button = push_button(self, _("&Import workbook…"), "importFactcheckButton", self.import_workbook)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)

        self.locked_note = wrap(
            _("This review is adopted: the decisions of the fact check can be read, not changed."),
            "factcheckLockedNote",
        )
        self.locked_note.setStyleSheet(
            "QLabel#factcheckLockedNote { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        layout.addWidget(self.locked_note)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("factcheckSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._make_table())
        self.splitter.addWidget(self._make_details())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([360, 380])
        layout.addWidget(self.splitter, 1)

        self.empty = wrap("", "factcheckEmpty")
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)

    def _make_table(self) -> QTableView:
        self.model = CommentsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("factcheckTable")
        self.table.setAccessibleName(_("Comments of the partnership on the draft report"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        wrapping_table(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((220, 0, 0, 110, 0)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._chosen(current))
        return self.table

    def _make_details(self) -> QWidget:
        """The chosen comment: what the partnership read and wrote on the left, the decision on the right."""
        content = QWidget(self)
        content.setObjectName("factcheckDetails")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 10, 8, 0)
        outer.setSpacing(8)
        self.place = heading("", level=2)
        self.place.setObjectName("factcheckPlace")
        outer.addWidget(self.place)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        outer.addLayout(columns, 1)

        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addWidget(_caption(_("Draft text")))
        self.quoted = _quote(wrap("", "factcheckQuoted"))
        texts.addWidget(self.quoted)
        texts.addSpacing(4)
        texts.addWidget(_caption(_("Comment of the partnership")))
        self.comment = _quote(wrap("", "factcheckComment"))
        texts.addWidget(self.comment)
        texts.addStretch(1)
        columns.addLayout(texts, 1)

        columns.addLayout(self._make_decision(content), 1)
        self.details = scrolling(content)
        self.details.setObjectName("factcheckDetailsArea")
        return self.details

    def _make_decision(self, content: QWidget) -> QVBoxLayout:
        decision = QVBoxLayout()
        decision.setSpacing(6)
        reply_label = _caption(_("&Reply to the partnership"))
        decision.addWidget(reply_label)
        self.reply = QPlainTextEdit(content)
        self.reply.setObjectName("factcheckReply")
        self.reply.setAccessibleName(_("Reply to the partnership"))
        self.reply.setTabChangesFocus(True)
        self.reply.setMinimumHeight(90)
        self.reply.setMaximumHeight(170)
        self.reply.setPlaceholderText(_("Required when you reject the comment; welcome when you accept it."))
        self.reply.textChanged.connect(self._hide_message)
        reply_label.setBuddy(self.reply)
        decision.addWidget(self.reply)
        self.message = wrap("", "factcheckMessage")
        self.message.setStyleSheet("QLabel#factcheckMessage { color: #b3261e; font-weight: bold; }")
        self.message.setVisible(False)
        decision.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.accept_button = push_button(content, _("&Accept"), "acceptCommentButton", self.accept_selected)
        self.reject_button = push_button(content, _("Re&ject"), "rejectCommentButton", self.reject_selected)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        decision.addLayout(buttons)
        self.status = wrap("", "factcheckStatus")
        decision.addWidget(self.status)
        decision.addStretch(1)
        return decision

    # -- showing --------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._locked = review.locked
        selected = self._selected
        self.model.set_review(review)
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        comment = self.model.comment_at(row)
        self._selected = comment.id if comment else None
        decided = sum(1 for c in review.factcheck_comments if c.decision is not Decision.PENDING)
        total = len(review.factcheck_comments)
        self.counter.setText(_("{done} of {total} decided").format(done=decided, total=total))
        self.counter.setVisible(total > 0)
        self.export_button.setEnabled(not self._locked)
        self.import_button.setEnabled(not self._locked)
        self.locked_note.setVisible(self._locked)
        self.splitter.setVisible(total > 0)
        self.empty.setVisible(total == 0)
        self.empty.setText(self._empty_text())
        self._show_details(comment)

    def _empty_text(self) -> str:
        if self._locked:
            return _("No comments were received in the fact check of this review.")
        steps = (
            _("Make the fact-check workbook: it holds the draft findings, one paragraph per row."),
            _("Send it to the receiving partnership; they write their comments in the column next to a paragraph."),
            _("Import the returned workbook: the comments appear here, and you accept or reject each with a reply."),
        )
        items = "".join(f"<li style='margin-bottom: 6px'>{_escaped(step)}</li>" for step in steps)
        none_yet, how = _escaped(_("No comments from the partnership yet.")), _escaped(_("How the fact check works:"))
        return f"<p><b>{none_yet}</b></p><p>{how}</p><ol>{items}</ol>"

    def _chosen(self, current: QModelIndex) -> None:
        comment = self.model.comment_at(current.row())
        self._selected = comment.id if comment else None
        self._show_details(comment)

    def _show_details(self, comment: FactCheckComment | None) -> None:
        self.details.setEnabled(comment is not None)
        self.message.setVisible(False)
        if comment is None:
            for label in (self.place, self.quoted, self.comment, self.status):
                label.setText("")
            self.reply.setPlainText("")
            self.accept_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            return
        review = self.context.review()
        self.place.setText(place_in_words(review, comment.target))
        self.quoted.setText(comment.quoted)
        self.comment.setText(comment.comment)
        self.status.setText(self._status_text(comment))
        self.reply.blockSignals(True)
        self.reply.setPlainText(comment.reply)
        self.reply.blockSignals(False)
        self.reply.setReadOnly(self._locked)
        self.accept_button.setEnabled(not self._locked)
        self.reject_button.setEnabled(not self._locked)

    def _status_text(self, comment: FactCheckComment) -> str:
        if comment.decision is Decision.PENDING:
            return _("Not decided yet.")
        when = ""
        if comment.decided_at is not None:
            moment = comment.decided_at.astimezone()
            day = locale().toString(to_qdate(moment.date()), "d MMMM yyyy")
            when = f"{day} {moment:%H:%M}"
        texts = {
            Decision.ACCEPTED: _("Accepted by {who} on {when}."),
            Decision.REJECTED: _("Rejected by {who} on {when}."),
        }
        return texts[comment.decision].format(who=comment.decided_by or "?", when=when)

    def selected_comment(self) -> FactCheckComment | None:
        review = self.context.review()
        return next((c for c in review.factcheck_comments if c.id == self._selected), None)

    def select_comment(self, comment_id: UUID) -> None:
        row = self.model.row_of(comment_id)
        if row >= 0:
            self.table.selectRow(row)

    def focus_field(self, field: str) -> bool:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- deciding -------------------------------------------------------------------------------------

    def accept_selected(self) -> bool:
        return self.decide(Decision.ACCEPTED)

    def reject_selected(self) -> bool:
        return self.decide(Decision.REJECTED)

    def decide(self, decision: Decision) -> bool:
        """Store `decision` with the reply in the editor for the selected comment; answers whether it was stored."""
        comment = self.selected_comment()
        if comment is None or self._locked:
            return False
        reply = self.reply.toPlainText().strip()
        problem = ""
        if decision is Decision.REJECTED and not reply:
            problem = _("A rejection needs a reply that tells the partnership why the text stays.")
        elif len(reply) > MAX_TEXT_LENGTH:
            problem = _("The reply is {length} characters long; at most {limit} fit.").format(
                length=f"{len(reply):,}", limit=f"{MAX_TEXT_LENGTH:,}"
            )
        if problem:
            self._say(problem)
            return False
        before = (comment.decision, comment.reply)
        wb, review_id, comment_id = self.context.workbench, self.context.review_id, comment.id
        try:
            workbooks.decide_comment(wb, review_id, comment_id, decision, reply)
        except DomainError as exc:  # the domain's own rules, said under the reply instead of in a dialog
            self._say(str(exc))
            return False
        except USER_ERRORS as exc:
            show_error(self, exc)
            return False
        self.context.save(lambda: None)  # stored already: reload the review and announce the change
        texts = {Decision.ACCEPTED: _("Accept comment"), Decision.REJECTED: _("Reject comment")}
        self.context.undo.push(
            ServiceCommand(
                self.context,
                texts.get(decision, _("Decide on comment")),
                lambda: workbooks.decide_comment(wb, review_id, comment_id, decision, reply),
                lambda: workbooks.decide_comment(wb, review_id, comment_id, *before),
            )
        )
        self._select_next_open(comment_id)
        return True

    def _hide_message(self) -> None:
        self.message.setVisible(False)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.reply.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_next_open(self, after: UUID) -> None:
        """After a decision the next comment that is still open is chosen, so the secretary can go on."""
        start = self.model.row_of(after)
        for row in [*range(start + 1, self.model.rowCount()), *range(max(start, 0))]:
            comment = self.model.comment_at(row)
            if comment is not None and comment.decision is Decision.PENDING:
                self.table.selectRow(row)
                return

    # -- the round's workbooks ------------------------------------------------------------------------

    def export_workbook(self) -> None:
        from peerreview_app.ui import excel_actions  # noqa: PLC0415 - openpyxl loads when it is needed

        excel_actions.export_factcheck_workbook(
            self, self.context.workbench, self.context.events, self.context.review()
        )

    def import_workbook(self) -> None:
        from peerreview_app.ui import workbook_import  # noqa: PLC0415 - openpyxl loads when it is needed

        self.import_dialog = workbook_import.choose_and_preview(
            self, self.context.workbench, self.context.events, self.context
        )


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("factcheckCaption")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _quote(label: QLabel) -> QLabel:
    label.setStyleSheet(
        f"QLabel#{label.objectName()} {{ background: palette(alternate-base); border-left: 3px solid palette(mid);"
        " padding: 6px 10px; }"
    )
    label.setFrameShape(QFrame.Shape.NoFrame)
    return label


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
