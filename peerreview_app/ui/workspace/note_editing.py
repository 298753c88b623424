"""Editing a note's text and criteria: the criteria line that checks ids against the framework, and the dialog."""

from __future__ import annotations

import re

from peerreview_app.domain.framework import Framework
from peerreview_app.domain.records import Note
from peerreview_app.i18n import _
from peerreview_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)

_SEPARATORS = re.compile(r"[\s,;]+")


def parse_criteria(text: str, framework: Framework) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Criterion ids typed as ``LL-1, lo-3`` → (known ids in framework spelling, unknown words)."""
    known: list[str] = []
    unknown: list[str] = []
    for word in filter(None, _SEPARATORS.split(text)):
        candidate = word.upper()
        target = known if framework.has_criterion(candidate) else unknown
        if candidate not in target:
            target.append(candidate if target is known else word)
    return tuple(known), tuple(unknown)


class CriteriaEdit(QWidget):
    """A line for criterion ids (``LL-1, LO-3``) that says at once which ids the framework does not know.

    Signals:
        validity(bool): whether every id typed is known.
    """

    validity = Signal(bool)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework: Framework | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(_("Criteria (ids, separated by commas)"))
        self.edit.setPlaceholderText(_("Criteria, e.g. LL-1, LO-3"))
        self.problem = QLabel(self)
        self.problem.setObjectName(f"{name}Problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._check)

    def set_framework(self, framework: Framework) -> None:
        self.framework = framework
        self._check()

    def ids(self) -> tuple[str, ...]:
        return parse_criteria(self.edit.text(), self.framework)[0] if self.framework else ()

    def valid(self) -> bool:
        return not self.framework or not parse_criteria(self.edit.text(), self.framework)[1]

    def _check(self) -> None:
        unknown = parse_criteria(self.edit.text(), self.framework)[1] if self.framework else ()
        self.problem.setVisible(bool(unknown))
        if unknown:
            self.problem.setText(_("Not a criterion of this framework: {ids}").format(ids=", ".join(unknown)))
        self.validity.emit(not unknown)


class NoteDialog(QDialog):
    """Change the text and criteria of one of your own notes."""

    def __init__(self, note: Note, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(_("Change note"))
        self.resize(560, 340)
        self.text = QPlainTextEdit(note.text, self)
        self.text.setObjectName("noteDialogText")
        self.text.setAccessibleName(_("Note"))
        self.text.setTabChangesFocus(True)
        self.criteria = CriteriaEdit("noteDialogCriteria", self)
        self.criteria.edit.setText(", ".join(note.criterion_ids))
        self.criteria.set_framework(framework)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        for text, buddy, widget in (
            (_("&Note:"), self.text, self.text),
            (_("&Criteria:"), self.criteria.edit, self.criteria),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            layout.addWidget(label)
            layout.addWidget(widget, 1 if widget is self.text else 0)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        self.criteria.validity.connect(lambda _valid: self._check())
        self._check()

    def _check(self) -> None:
        self._ok.setEnabled(bool(self.text.toPlainText().strip()) and self.criteria.valid())

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.text.toPlainText().strip(), self.criteria.ids()
