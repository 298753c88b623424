"""Judgement labels, and the box that shows an effective judgement and lets the panel deviate from the derived one."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from peerreview_app.domain.kind import JudgementScale
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.fields import FieldsForm


def scale_label(review: Review, scale_id: str, value: str | None) -> str:
    """The label of `value` on a scale of the review's form, or an em dash when there is no value."""
    if not value:
        return "—"
    return review.forms.kind.scale(scale_id).value(value).label.get(language())


def criterion_judgement_label(review: Review, criterion_id: str) -> str:
    """The panel's judgement on a criterion in words (assessment kind)."""
    scale = review.forms.kind.criterion_scale()
    value = review.panel_judgement(criterion_id)
    return scale.value(value).label.get(language()) if scale and value else "—"


class OverrideBox(QWidget):
    """The effective judgement (derived, or a reasoned deviation from it) with the means to deviate.

    The page gives `save(judgement_or_None, reason)`, which stores through the services and answers success;
    `None` returns to the derived judgement. Without a reason the save button stays disabled when the form
    requires one, so an unreasoned deviation never reaches the domain.
    """

    def __init__(
        self,
        scale: JudgementScale,
        save: Callable[[str | None, str], bool],
        *,
        requires_reason: bool,
        undecided_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._requires_reason = requires_reason
        self._undecided_text = undecided_text
        self._override: str | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("effectiveJudgement")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deviate = QPushButton(_("&Deviate from the derived judgement…"), self)
        self.deviate.setObjectName("deviateButton")
        self.deviate.setCheckable(True)
        self.deviate.toggled.connect(self._open)

        self._build_panel(scale)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.deviate, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        self._update_buttons()

    def _build_panel(self, scale: JudgementScale) -> None:
        """The hidden panel with the deviating judgement, its reason and the buttons."""
        self.panel = QFrame(self)
        self.panel.setObjectName("overridePanel")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.combo = QComboBox(self.panel)
        self.combo.setObjectName("overrideCombo")
        self.combo.setAccessibleName(_("Judgement deviating from the derived one"))
        for value in scale.values:
            self.combo.addItem(value.label.get(language()), value.id)
        self.reason = QPlainTextEdit(self.panel)
        self.reason.setObjectName("overrideReason")
        self.reason.setAccessibleName(_("Reason for deviating"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("Why does the panel deviate from the judgement the rule derives?"))
        lines = self.reason.fontMetrics().lineSpacing()
        self.reason.setMinimumHeight(lines * 3 + 16)
        self.reason.setMaximumHeight(lines * 8 + 16)  # a reason is a paragraph; longer ones scroll
        self.reason.textChanged.connect(self._update_buttons)
        self.apply = QPushButton(_("&Save deviation"), self.panel)
        self.apply.setObjectName("saveOverrideButton")
        self.apply.clicked.connect(self._apply)
        self.clear = QPushButton(_("&Return to the derived judgement"), self.panel)
        self.clear.setObjectName("clearOverrideButton")
        self.clear.clicked.connect(self._clear)
        self.hint = QLabel(_("A written reason is required."), self.panel)
        self.hint.setObjectName("overrideHint")
        self.hint.setEnabled(False)  # rendered in the muted colour of disabled text

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        label = QLabel(_("&Judgement"), self.panel)
        label.setBuddy(self.combo)
        form.addRow(label, self.combo)
        reason_label = QLabel(_("&Reason"), self.panel)
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint)
        buttons.addStretch()
        buttons.addWidget(self.clear)
        buttons.addWidget(self.apply)
        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(12, 12, 12, 12)
        inner.addLayout(form)
        inner.addLayout(buttons)
        self.panel.hide()

    def show_state(self, review: Review, scale_id: str, derived: str | None, override: str | None, reason: str) -> None:
        """Show the stored judgement; an open, edited deviation panel is left alone."""
        self._override = override
        derived_text = scale_label(review, scale_id, derived) if derived else self._undecided_text
        if override:
            text = _("<b>Judgement: {judgement}</b> (deviating from the derived judgement: {derived})").format(
                judgement=escape(scale_label(review, scale_id, override)), derived=escape(derived_text)
            )
            if reason.strip():
                text += "<br/>" + _("Reason: {reason}").format(reason=escape(reason).replace("\n", "<br/>"))
        elif derived:
            text = _("<b>Judgement: {judgement}</b> (derived)").format(judgement=escape(derived_text))
        else:
            text = _("<b>Judgement: not yet decided</b> — {why}").format(why=escape(self._undecided_text))
        self.summary.setText(text)
        self.deviate.setText(_("&Change the deviation…") if override else _("&Deviate from the derived judgement…"))
        self.clear.setVisible(bool(override))
        if not self.deviate.isChecked():
            self._fill(derived, override, reason)
        locked = review.locked
        self.deviate.setEnabled(not locked)
        if locked:
            self.deviate.setChecked(False)

    def open_reason(self) -> None:
        """Open the deviation panel and put the cursor in the reason (for a completeness item)."""
        if self.deviate.isEnabled():
            self.deviate.setChecked(True)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, derived: str | None, override: str | None, reason: str) -> None:
        # Propose the opposite of the derived judgement: deviating to the same value says nothing.
        proposal = override or next((v for v in self._values() if v != derived), None)
        index = self.combo.findData(proposal) if proposal else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.reason.setPlainText(reason if override else "")

    def _values(self) -> list[str]:
        return [str(self.combo.itemData(i)) for i in range(self.combo.count())]

    def _open(self, checked: bool) -> None:
        self.panel.setVisible(checked)
        if checked:
            self.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        missing = self._requires_reason and not self.reason.toPlainText().strip()
        self.apply.setEnabled(not missing)
        self.hint.setVisible(missing)

    def _apply(self) -> None:
        if self._requires_reason and not self.reason.toPlainText().strip():
            return
        if self._save(str(self.combo.currentData()), self.reason.toPlainText()):
            self.deviate.setChecked(False)

    def _clear(self) -> None:
        if self._save(None, ""):
            self.deviate.setChecked(False)


def focus_override_or_field(field: str, override: OverrideBox | None, form: FieldsForm, area: QScrollArea) -> bool:
    """Completeness jumps on the standard and conclusion pages: the override's reason, or a kind field."""
    if field == "override" and override is not None:
        override.open_reason()
        area.ensureWidgetVisible(override.reason)
        return True
    if not form.focus_field(field):
        return False
    area.ensureWidgetVisible(form.editors[field])
    return True
