"""The dialog to add a person to a review or change their details."""

from __future__ import annotations

from dataclasses import dataclass

from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.i18n import _
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class MemberValues:
    """What the dialog collected."""

    name: str
    role: Role
    organisation: str
    email: str


class MemberDialog(QDialog):
    """Name, role, organisation and e-mail of one person; OK only once there is a name."""

    def __init__(self, parent: QWidget | None = None, member: PanelMember | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(_("Change person") if member else _("Add person"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(self)
        self.name.setObjectName("memberName")
        self.name.setAccessibleName(_("Name"))
        self.role = QComboBox(self)
        self.role.setObjectName("memberRole")
        self.role.setAccessibleName(_("Role"))
        for role in Role:
            self.role.addItem(role_label(role).capitalize(), role)
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("memberOrganisation")
        self.organisation.setAccessibleName(_("Organisation"))
        self.organisation.setPlaceholderText(_("e.g. the school, institute or partnership they come from"))
        self.email = QLineEdit(self)
        self.email.setObjectName("memberEmail")
        self.email.setAccessibleName(_("E-mail address"))
        self.email.setPlaceholderText(_("name@example.nl"))
        if member is not None:
            self.name.setText(member.name)
            self.role.setCurrentIndex(max(self.role.findData(member.role), 0))
            self.organisation.setText(member.organisation)
            self.email.setText(member.email)
        else:
            self.role.setCurrentIndex(max(self.role.findData(Role.MEMBER), 0))

        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self._label(_("&Name:"), self.name), self.name)
        form.addRow(self._label(_("&Role:"), self.role), self.role)
        form.addRow(self._label(_("&Organisation:"), self.organisation), self.organisation)
        form.addRow(self._label(_("&E-mail:"), self.email), self.email)
        hint = QLabel(
            _(
                "A panel has exactly one chair and one secretary. The partnership's contact person is not on "
                "the panel and writes no notes."
            ),
            self,
        )
        hint.setObjectName("memberHint")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def values(self) -> MemberValues:
        return MemberValues(
            name=self.name.text().strip(),
            role=Role(self.role.currentData()),
            organisation=self.organisation.text().strip(),
            email=self.email.text().strip(),
        )
