"""Editors for the fields a review kind defines: they save by themselves and every save can be undone.

A field editor saves at most `AUTOSAVE_MS` after typing stops (and at once when it loses focus) through the
services, then pushes a `SetFieldCommand` on the review's undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from peerreview_app.domain.kind import FieldSpec, FieldType, FieldValue, Scope
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services import findings
from peerreview_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPalette,
    QPlainTextEdit,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTimer,
    QUndoCommand,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.context import WorkspaceContext

AUTOSAVE_MS = 800


@dataclass(frozen=True)
class FieldTarget:
    """Where a field lives: a criterion, standard, development question (its UUID) or the conclusion."""

    scope: Scope
    ref: str = ""

    def write(self, context: WorkspaceContext, field_id: str, value: FieldValue) -> FieldValue:
        wb, review_id = context.workbench, context.review_id
        if self.scope is Scope.CRITERION:
            return findings.set_finding_value(wb, review_id, self.ref, field_id, value)
        if self.scope is Scope.STANDARD:
            return findings.set_standard_value(wb, review_id, self.ref, field_id, value)
        if self.scope is Scope.DEVELOPMENT_QUESTION:
            return findings.set_question_value(wb, review_id, UUID(self.ref), field_id, value)
        return findings.set_conclusion_value(wb, review_id, field_id, value)

    def read(self, review: Review, field_id: str) -> FieldValue:
        if self.scope is Scope.CRITERION:
            return review.findings[self.ref].values.get(field_id)
        if self.scope is Scope.STANDARD:
            return review.standard_conclusions[self.ref].values.get(field_id)
        if self.scope is Scope.DEVELOPMENT_QUESTION:
            return review.question(UUID(self.ref)).values.get(field_id)
        assert review.conclusion is not None
        return review.conclusion.values.get(field_id)


class SetFieldCommand(QUndoCommand):
    """One saved change of one field; undo writes the old value back through the services."""

    def __init__(self, editor: FieldEditor, old: FieldValue, new: FieldValue) -> None:
        super().__init__(_("Edit {field}").format(field=editor.spec.label.get(language())))
        self._editor = editor
        self._old, self._new = old, new
        self._saved = True  # pushed after the editor saved: the first redo has nothing to do

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self._editor.write(self._new)

    def undo(self) -> None:
        self._editor.write(self._old)


class FieldEditor(QWidget):
    """Base of the editors; subclasses provide `value`, `show_value` and call `changed_by_user`.

    Signals:
        saved(): the value was stored.
    """

    saved = Signal()

    def __init__(self, context: WorkspaceContext, target: FieldTarget, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.target, self.spec = context, target, spec
        self.setObjectName(f"field_{spec.id}")
        self._stored: FieldValue = spec.empty_value()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.commit)

    # -- for subclasses ----------------------------------------------------------------------------------

    def value(self) -> FieldValue:
        raise AssertionError("every editor defines value()")

    def show_value(self, value: FieldValue) -> None:
        raise AssertionError("every editor defines show_value()")

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def changed_by_user(self, *, at_once: bool = False) -> None:
        if at_once:
            self.commit()
        else:
            self._timer.start()

    # -- saving ------------------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Typed but not yet saved."""
        return self._timer.isActive() or self._normalised(self.value()) != self._stored

    def load(self, review: Review) -> None:
        """Show the stored value, unless the user is typing something not yet saved."""
        stored = self.target.read(review, self.spec.id)
        stored = self.spec.empty_value() if stored is None and self.spec.type is not FieldType.JUDGEMENT else stored
        if self.pending and self.hasFocus():
            self._stored = stored
            return
        self._stored = stored
        if self._normalised(self.value()) != stored:
            self.show_value(stored)

    def commit(self) -> bool:
        """Save now if the value differs from what is stored; push an undo step. Answers whether it is saved."""
        self._timer.stop()
        new = self.value()
        old = self._stored
        if self._normalised(new) == old:
            return True
        text = new if isinstance(new, str) else "\n".join(new or ())
        ok, stored = self.context.save(lambda: self.target.write(self.context, self.spec.id, new), unsaved_text=text)
        if not ok:
            return False
        self._stored = stored
        self.context.undo.push(SetFieldCommand(self, old, stored))
        self.saved.emit()
        return True

    def write(self, value: FieldValue) -> None:
        """Store `value` and show it (undo and redo)."""
        ok, stored = self.context.save(lambda: self.target.write(self.context, self.spec.id, value))
        if ok:
            self._stored = stored
            self.show_value(stored)

    def _normalised(self, value: FieldValue) -> FieldValue:
        if isinstance(value, str):
            return value.replace("\r\n", "\n")
        return value


class _PlainText(QPlainTextEdit):
    """A plain-text box that grows with its text, pastes rich text as plain text and saves on focus out."""

    MIN_HEIGHT = 64
    MAX_HEIGHT = 420

    def __init__(self, editor: FieldEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args: object) -> None:
        # Pages hold many fields: a box as tall as its text (within bounds) keeps them short and readable.
        lines = max(int(self.document().size().height()), 1)
        line_height = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins().top() + self.contentsMargins().bottom() + 2 * self.frameWidth() + 8
        wanted = lines * line_height + margins + line_height  # one spare line invites typing on
        self.setFixedHeight(max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, wanted)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def set_muted(self, muted: bool) -> None:
        """Read-only boxes take the window colour, so they do not look editable."""
        palette = self.palette()
        role = QPalette.ColorRole.Window if muted else QPalette.ColorRole.Base
        palette.setColor(QPalette.ColorRole.Base, self.style().standardPalette().color(role))
        self.setPalette(palette)

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if self._editor.pending:
            self._editor.commit()


class TextEditor(FieldEditor):
    """Free text, e.g. a motivation."""

    def __init__(self, context: WorkspaceContext, target: FieldTarget, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(context, target, spec, parent)
        self.box = _PlainText(self)
        self.box.setObjectName(f"text_{spec.id}")
        self.box.setAccessibleName(spec.label.get(language()))
        if spec.help:
            self.box.setPlaceholderText(spec.help.get(language()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.box.textChanged.connect(self._typed)
        self.setFocusProxy(self.box)

    def _typed(self) -> None:
        if not self.signalsBlocked():
            self.changed_by_user()

    def value(self) -> FieldValue:
        return self.box.toPlainText()

    def show_value(self, value: FieldValue) -> None:
        self.blockSignals(True)
        self.box.blockSignals(True)
        self.box.setPlainText(value if isinstance(value, str) else "")
        self.box.blockSignals(False)
        self.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.box.setReadOnly(read_only)
        self.box.set_muted(read_only)


class ListEditor(TextEditor):
    """A bullet list, one item per line (strengths, development points, recommendations)."""

    def __init__(self, context: WorkspaceContext, target: FieldTarget, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(context, target, spec, parent)
        self.box.setPlaceholderText(_("One item per line"))

    def value(self) -> FieldValue:
        return tuple(line.strip() for line in self.box.toPlainText().split("\n") if line.strip())

    def show_value(self, value: FieldValue) -> None:
        super().show_value("\n".join(value) if isinstance(value, tuple) else "")


class JudgementEditor(FieldEditor):
    """A judgement from the field's scale, or none yet."""

    def __init__(self, context: WorkspaceContext, target: FieldTarget, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(context, target, spec, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"judgement_{spec.id}")
        self.combo.setAccessibleName(spec.label.get(language()))
        self.combo.addItem(_("— not judged yet —"), None)
        scale = context.review().forms.kind.scale(spec.scale or "")
        for value in scale.values:
            self.combo.addItem(value.label.get(language()), value.id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch()
        self.combo.currentIndexChanged.connect(self._chosen)
        self.setFocusProxy(self.combo)

    def _chosen(self) -> None:
        if not self.combo.signalsBlocked():
            self.changed_by_user(at_once=True)

    def value(self) -> FieldValue:
        data = self.combo.currentData()
        return str(data) if data else None

    def show_value(self, value: FieldValue) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(value) if value else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)


class QuestionLinksEditor(FieldEditor):
    """Which development questions a finding relates to."""

    def __init__(self, context: WorkspaceContext, target: FieldTarget, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(context, target, spec, parent)
        self.list = QListWidget(self)
        self.list.setObjectName(f"links_{spec.id}")
        self.list.setAccessibleName(spec.label.get(language()))
        self.list.setMaximumHeight(130)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemChanged.connect(lambda _item: self.changed_by_user(at_once=True))
        self.setFocusProxy(self.list)

    def load(self, review: Review) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for question in review.questions:
            item = QListWidgetItem(f"{question.number}. {question.text}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(question.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not review.questions:
            placeholder = QListWidgetItem(_("No development questions yet"), self.list)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.blockSignals(False)
        super().load(review)

    def value(self) -> FieldValue:
        links = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                links.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(links)

    def show_value(self, value: FieldValue) -> None:
        chosen = set(value or ())
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            link = item.data(Qt.ItemDataRole.UserRole)
            if link:
                item.setCheckState(Qt.CheckState.Checked if link in chosen else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEnabled(not read_only)


EDITORS: dict[FieldType, type[FieldEditor]] = {
    FieldType.TEXT: TextEditor,
    FieldType.LIST: ListEditor,
    FieldType.JUDGEMENT: JudgementEditor,
    FieldType.QUESTION_LINKS: QuestionLinksEditor,
}


class FieldsForm(QFrame):
    """All fields of one scope of the review kind, labelled, in the form's order."""

    def __init__(self, context: WorkspaceContext, scope: Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scope = scope
        self.editors: dict[str, FieldEditor] = {}
        self._target = FieldTarget(scope)
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for spec in context.review().forms.kind.fields_for(scope):
            editor = EDITORS[spec.type](context, self._target, spec, self)
            label = QLabel(spec.label.get(language()).capitalize() + (" *" if spec.required else ""), self)
            label.setObjectName(f"label_{spec.id}")
            label.setBuddy(editor.focusProxy() or editor)
            if spec.required:
                label.setToolTip(_("Required before the review can be adopted"))
            self._layout.addRow(label, editor)
            self.editors[spec.id] = editor

    def show_target(self, ref: str, review: Review) -> None:
        """Point every editor at `ref` (e.g. another criterion) and show its stored values."""
        if ref != self._target.ref:
            self.commit()
            self._target = FieldTarget(self.scope, ref)
            for editor in self.editors.values():
                editor.target = self._target
                editor._stored = editor.spec.empty_value()
                editor.show_value(editor.spec.empty_value())
        for editor in self.editors.values():
            editor.load(review)
            editor.set_read_only(review.locked)

    def commit(self) -> bool:
        results = [editor.commit() for editor in self.editors.values() if editor.pending]  # commit every one
        return all(results)

    def focus_field(self, field_id: str) -> bool:
        editor = self.editors.get(field_id)
        if editor is None:
            return False
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
