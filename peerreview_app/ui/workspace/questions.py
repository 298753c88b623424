"""Ontwikkelvragen: the partnership's development questions and the panel's answers (developmental kind)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from peerreview_app.domain.kind import Scope
from peerreview_app.domain.records import DevelopmentQuestion
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services import findings
from peerreview_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QtGui,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.fields import FieldsForm
from peerreview_app.ui.workspace.page import Page, heading, scrolling, vbox, wrap

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QuestionText(QPlainTextEdit):
    """A plain-text box that calls `on_leave` when it loses focus (where the question's texts are saved)."""

    def __init__(self, name: str, accessible: str, on_leave: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setTabChangesFocus(True)
        self._on_leave = on_leave
        self._editable_palette = self.palette()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only and visibly so: the box takes the window's background."""
        self.setReadOnly(read_only)
        palette = QPalette(self._editable_palette)
        if read_only:
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._on_leave()

    def show_text(self, text: str) -> None:
        """Show a stored text, unless the user is typing in this box."""
        if self.hasFocus() and self.document().isModified():
            return
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)


class QuestionDialog(QDialog):
    """A new development question: its text and, optionally, the context the partnership gives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.setWindowTitle(_("Add development question"))
        self.setMinimumSize(520, 360)
        self.resize(600, 440)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("newQuestionText")
        self.text.setAccessibleName(_("Question"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("e.g. How do we strengthen the line from training to induction?"))
        self.context = QPlainTextEdit(self)
        self.context.setObjectName("newQuestionContext")
        self.context.setAccessibleName(_("Context"))
        self.context.setTabChangesFocus(True)
        self.context.setPlaceholderText(_("Why the partnership asks this question (optional)"))
        question_label = QLabel(_("&Question:"), self)
        question_label.setBuddy(self.text)
        context_label = QLabel(_("&Context:"), self)
        context_label.setBuddy(self.context)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(question_label)
        layout.addWidget(self.text, 2)
        layout.addWidget(context_label)
        layout.addWidget(self.context, 3)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text.toPlainText().strip()))

    def values(self) -> tuple[str, str]:
        return self.text.toPlainText().strip(), self.context.toPlainText().strip()


class QuestionsPage(Page):
    """The list of ontwikkelvragen on the left; the chosen question, its context and the panel's answer right.

    `show_item(review, "Q2")` selects question 2; "" keeps the current question (or the first).

    Signals:
        navigate(str, str): the user chose another question (page key, "Q<number>"), so the workspace's
            location follows the selection.
    """

    key = "questions"
    navigate = Signal(str, str)

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("questionsPage")
        self._selected: UUID | None = None
        self._locked = False
        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(heading(_("Development questions")))
        layout.addWidget(
            wrap(
                _(
                    "The questions the receiving partnership puts to the panel, with the context it gives; "
                    "the panel answers each one in the report."
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("questionsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._make_list_side())
        splitter.addWidget(self._make_detail_side())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 700])
        layout.addWidget(splitter, 1)

    def _make_list_side(self) -> QWidget:
        side = QWidget(self)
        self.list = QListWidget(side)
        self.list.setObjectName("questionList")
        self.list.setAccessibleName(_("Development questions"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(lambda _current, _previous: self._chosen())
        self.add_button = QPushButton(_("&Add development question…"), side)
        self.add_button.setObjectName("addQuestionButton")
        self.add_button.clicked.connect(self.add_question)
        self.remove_button = QPushButton(_("&Remove"), side)
        self.remove_button.setObjectName("removeQuestionButton")
        self.remove_button.clicked.connect(self.remove_question)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        return side

    def _make_detail_side(self) -> QWidget:
        self.detail = QWidget(self)
        self.detail.setObjectName("questionDetail")
        layout = vbox(self.detail, margins=0, spacing=8)
        layout.setContentsMargins(8, 0, 8, 8)
        self.title = heading("", level=2)
        self.title.setObjectName("questionHeading")
        self.text = QuestionText("questionText", _("Question"), self._save_texts, self.detail)
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(110)
        self.context_text = QuestionText("questionContext", _("Context"), self._save_texts, self.detail)
        self.context_text.setMinimumHeight(90)
        self.context_text.setMaximumHeight(160)
        self.context_text.setPlaceholderText(_("Why the partnership asks this question"))
        self.form = FieldsForm(self.context, Scope.DEVELOPMENT_QUESTION, self.detail)
        self.form.setObjectName("questionAnswerForm")
        form_layout = self.form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)  # align the answer with the boxes above it
        layout.addWidget(self.title)
        for text, editor in (
            (_("&Question:"), self.text),
            (_("C&ontext given by the partnership:"), self.context_text),
        ):
            label = QLabel(text, self.detail)
            label.setBuddy(editor)
            layout.addWidget(label)
            layout.addWidget(editor)
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addStretch()
        self.empty = wrap(
            _(
                "No development questions yet. Add the questions the partnership brings to the panel; "
                "agree them before the visit day."
            ),
            "questionsEmpty",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(24, 48, 24, 24)
        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(8, 0, 0, 0)
        self.detail_area = scrolling(self.detail)
        holder_layout.addWidget(self.detail_area, 1)
        holder_layout.addWidget(self.empty, 1)
        return holder

    # -- showing --------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._locked = review.locked
        wanted = self._selected
        if ref.startswith("Q") and ref[1:].isdigit():
            wanted = next((q.id for q in review.questions if q.number == int(ref[1:])), wanted)
        if wanted not in {q.id for q in review.questions}:
            wanted = review.questions[0].id if review.questions else None
        self.list.blockSignals(True)
        self.list.clear()
        for question in review.questions:
            item = QListWidgetItem(f"{question.number}.  {question.text}", self.list)
            item.setData(ID_ROLE, question.id)
            item.setToolTip(question.text)
            if question.id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._selected = wanted
        self._show_selected(review)

    def _show_selected(self, review: Review) -> None:
        question = self.selected_question(review)
        self.detail_area.setVisible(question is not None)
        self.empty.setVisible(question is None)
        self.add_button.setEnabled(not self._locked)
        self.remove_button.setEnabled(not self._locked and question is not None)
        if question is None:
            return
        self.title.setText(_("Development question {number}").format(number=question.number))
        self.text.show_text(question.text)
        self.context_text.show_text(question.context)
        self.text.set_read_only(self._locked)
        self.context_text.set_read_only(self._locked)
        self.form.show_target(str(question.id), review)

    def selected_question(self, review: Review | None = None) -> DevelopmentQuestion | None:
        review = review or self.context.review()
        return next((q for q in review.questions if q.id == self._selected), None)

    def _chosen(self) -> None:
        item = self.list.currentItem()
        chosen = item.data(ID_ROLE) if item is not None else None
        if chosen == self._selected:
            return
        self.commit()
        self._selected = chosen
        review = self.context.review()
        self._show_selected(review)
        question = self.selected_question(review)
        if question is not None:
            self.ref = f"Q{question.number}"
            self.navigate.emit(self.key, self.ref)

    # -- saving ---------------------------------------------------------------------------------------

    def commit(self) -> bool:
        texts_saved = self._save_texts()
        return self.form.commit() and texts_saved

    def focus_field(self, field: str) -> bool:
        if field == "text":
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return self.form.focus_field(field)

    def _save_texts(self) -> bool:
        """Save the question's text and context if the user changed them."""
        question = self.selected_question()
        if question is None or self._locked:
            return True
        text, context = self.text.toPlainText(), self.context_text.toPlainText()
        if text == question.text and context == question.context:
            return True
        question_id = question.id
        self.text.document().setModified(False)
        self.context_text.document().setModified(False)
        ok, _result = self.context.save(
            lambda: findings.update_question(
                self.context.workbench, self.context.review_id, question_id, text=text, context=context
            )
        )
        if not ok:  # e.g. an emptied question: show what is stored
            self.text.setPlainText(question.text)
            self.context_text.setPlainText(question.context)
        return ok

    # -- actions --------------------------------------------------------------------------------------

    def add_question(self) -> None:
        if self._locked:
            return
        dialog = QuestionDialog(self)
        if not dialog.exec():
            return
        text, context = dialog.values()
        self.commit()
        ok, question = self.context.save(
            lambda: findings.add_question(self.context.workbench, self.context.review_id, text, context=context)
        )
        if ok and question is not None:
            self.show_item(self.context.review(), f"Q{question.number}")
            self.form.focus_field(next(iter(self.form.editors), ""))

    def remove_question(self) -> None:
        question = self.selected_question()
        if question is None or self._locked:
            return
        answer = QMessageBox.question(
            self,
            _("Remove development question"),
            _(
                "Remove development question {number} and the panel's answer to it? Links to it from findings "
                "are removed as well."
            ).format(number=question.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        question_id = question.id
        ok, _result = self.context.save(
            lambda: findings.remove_question(self.context.workbench, self.context.review_id, question_id)
        )
        if ok:
            self._selected = None
            self.show_item(self.context.review(), f"Q{max(question.number - 1, 1)}")
