"""Provisional judgements of the panel members on one criterion (assessment kind), their spread and dissent."""

from __future__ import annotations

from uuid import UUID

from peerreview_app.domain.kind import JudgementScale
from peerreview_app.domain.partnership import PanelMember
from peerreview_app.domain.records import MemberJudgement
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language, ngettext
from peerreview_app.services import findings
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.page import wrap
from peerreview_app.ui.workspace.tables import FitTable


class DissentDialog(QDialog):
    """Asks for a member's minority view (minderheidsstandpunt) on a criterion."""

    def __init__(self, member: str, own: str, panel: str, dissent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dissentDialog")
        self.setWindowTitle(_("Record minority view"))
        self.setMinimumWidth(460)
        intro = wrap(
            _(
                "{member} judges “{own}”, the panel “{panel}”. Write down why {member} disagrees; "
                "the minority view is kept with the criterion."
            ).format(member=member, own=own, panel=panel)
        )
        self.text = QPlainTextEdit(dissent, self)
        self.text.setObjectName("dissentText")
        self.text.setAccessibleName(_("Minority view"))
        self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class MemberJudgementsPanel(QWidget):
    """Every panel member's provisional judgement on a criterion; the user's own can be changed here."""

    def __init__(self, context: WorkspaceContext, scale: JudgementScale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberJudgements")
        self.context = context
        self.scale = scale
        self._criterion = ""
        self._member: PanelMember | None = None
        self._rows: list[tuple[PanelMember, MemberJudgement | None, bool]] = []

        self.spread = wrap("", "judgementSpread")
        self.table = FitTable([_("Panel member"), _("Provisional judgement"), _("Motivation"), _("Minority view")])
        self.table.setObjectName("memberJudgementsTable")
        self.table.setAccessibleName(_("Provisional judgements of the panel"))
        self.table.stretch(2, 3)
        self.table.itemSelectionChanged.connect(self._update_dissent_button)

        self.own = QLabel(_("My &provisional judgement:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("myJudgementCombo")
        self.combo.setAccessibleName(_("My provisional judgement"))
        self.combo.addItem(_("— not judged yet —"), None)
        for value in scale.values:
            self.combo.addItem(value.label.get(language()), value.id)
        self.combo.currentIndexChanged.connect(self._save_own)
        self.own.setBuddy(self.combo)
        self.motivation = QLineEdit(self)
        self.motivation.setObjectName("myMotivationEdit")
        self.motivation.setAccessibleName(_("Motivation of my provisional judgement"))
        self.motivation.setPlaceholderText(_("Short motivation (Enter saves)"))
        self.motivation.editingFinished.connect(self._save_own)
        self.dissent = QPushButton(_("Record &minority view…"), self)
        self.dissent.setObjectName("recordDissentButton")
        self.dissent.clicked.connect(self._dissent_clicked)

        own_row = QHBoxLayout()
        own_row.addWidget(self.own)
        own_row.addWidget(self.combo)
        own_row.addWidget(self.motivation, 1)
        dissent_row = QHBoxLayout()
        dissent_row.addStretch()
        dissent_row.addWidget(self.dissent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.spread)
        layout.addWidget(self.table)
        layout.addLayout(own_row)
        layout.addLayout(dissent_row)

    # -- showing -----------------------------------------------------------------------------------------

    def show_judgements(self, review: Review, criterion_id: str, member: PanelMember | None) -> None:
        if criterion_id != self._criterion:
            self.commit()
        self._criterion, self._member = criterion_id, member
        given = {j.member_id: j for j in review.judgements_for_criterion(criterion_id)}
        panel = review.panel_judgement(criterion_id)
        self._rows = []
        rows: list[list[str]] = []
        for person in review.members:
            if not person.role.on_panel:
                continue
            judged = given.get(person.id)
            value = judged.judgement if judged else None
            differs = bool(panel and value and value != panel)
            self._rows.append((person, judged, differs))
            name = f"{person.name} ({role_label(person.role)})"
            if member and person.id == member.id:
                name = _("{name} — you").format(name=name)
            label = self._label(value) + ("  ≠ " + _("panel") if differs else "")
            rows.append([name, label, judged.motivation if judged else "", judged.dissent if judged else ""])
        self.table.set_rows(rows)
        for row, (person, _judged, differs) in enumerate(self._rows):
            self.table.mark_row(row, attention=differs, bold=bool(member and person.id == member.id))
        self.spread.setText(self._spread_text(panel))
        self._show_own(review, given.get(member.id) if member else None)
        self._update_dissent_button()

    def _label(self, value: str | None) -> str:
        return self.scale.value(value).label.get(language()) if value else "—"

    def _spread_text(self, panel: str | None) -> str:
        values = [judged.judgement if judged else None for _person, judged, _differs in self._rows]
        parts = [
            _("{count}× {label}").format(count=values.count(v.id), label=v.label.get(language()))
            for v in self.scale.values
            if values.count(v.id)
        ]
        missing = values.count(None)
        if missing:
            parts.append(_("{count} not judged yet").format(count=missing))
        text = ", ".join(parts) if any(values) else _("No provisional judgements yet")
        differing = sum(1 for _person, _judged, differs in self._rows if differs)
        if differing:
            text += " · " + ngettext(
                "{count} differs from the panel's judgement ({panel})",
                "{count} differ from the panel's judgement ({panel})",
                differing,
            ).format(count=differing, panel=self._label(panel))
        return text

    def _show_own(self, review: Review, judged: MemberJudgement | None) -> None:
        editable = self._member is not None and not review.locked
        for widget in (self.own, self.combo, self.motivation):
            widget.setEnabled(editable)
        if self._member is None:
            self.motivation.setPlaceholderText(_("Choose who you are above to give a provisional judgement"))
        index = self.combo.findData(judged.judgement) if judged and judged.judgement else 0
        self.combo.blockSignals(True)  # showing the stored value is not a choice of the user
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        if not self.motivation.hasFocus() or not self.motivation.isModified():
            self.motivation.setText(judged.motivation if judged else "")
            self.motivation.setModified(False)
        self.dissent.setVisible(any(differs for _person, _judged, differs in self._rows))
        self.dissent.setEnabled(not review.locked)

    def _update_dissent_button(self) -> None:
        target = self._dissent_target()
        self.dissent.setToolTip(
            _("Record why {member} disagrees with the panel").format(member=target.name) if target else ""
        )

    def _dissent_target(self) -> PanelMember | None:
        """The selected row if it differs, else the user's own differing row, else the first differing one."""
        differing = [person for person, _judged, differs in self._rows if differs]
        row = self.table.currentRow()
        if 0 <= row < len(self._rows) and self._rows[row][2]:
            return self._rows[row][0]
        own = next((p for p in differing if self._member and p.id == self._member.id), None)
        return own or (differing[0] if differing else None)

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.combo, self.motivation, self.dissent]

    # -- changing ----------------------------------------------------------------------------------------

    def _current(self, member_id: UUID) -> MemberJudgement | None:
        for judged in self.context.review().judgements_for_criterion(self._criterion):
            if judged.member_id == member_id:
                return judged
        return None

    def _save_own(self) -> None:
        if self._member is None or not self._criterion:
            return
        current = self._current(self._member.id)
        judgement = self.combo.currentData()
        motivation = self.motivation.text()
        old = (current.judgement, current.motivation) if current else (None, "")
        if (judgement, motivation) == old:
            return
        dissent = current.dissent if current else ""
        self._store(self._member.id, judgement, motivation, dissent)
        self.motivation.setModified(False)

    def _store(self, member_id: UUID, judgement: str | None, motivation: str, dissent: str) -> bool:
        wb, review_id, criterion = self.context.workbench, self.context.review_id, self._criterion
        ok, _result = self.context.save(
            lambda: findings.set_member_judgement(
                wb, review_id, member_id, criterion, judgement, motivation=motivation, dissent=dissent
            ),
            unsaved_text=motivation or dissent or None,
        )
        if ok:
            self.show_judgements(self.context.review(), criterion, self._member)
        return ok

    def _dissent_clicked(self) -> None:
        target = self._dissent_target()
        if target is not None:
            self.record_dissent(target.id)

    def record_dissent(self, member_id: UUID) -> bool:
        """Ask for the minority view of `member_id` and store it with their provisional judgement."""
        review = self.context.review()
        judged = self._current(member_id)
        if judged is None:
            return False
        panel = review.panel_judgement(self._criterion)
        dialog = DissentDialog(
            review.member(member_id).name, self._label(judged.judgement), self._label(panel), judged.dissent, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._store(member_id, judged.judgement, judged.motivation, dialog.text.toPlainText())

    def commit(self) -> bool:
        """Store a typed but not yet saved motivation."""
        if self._member is not None and self.motivation.isModified():
            self._save_own()
        return True
