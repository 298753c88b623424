"""Small dialogs of the main window: settings and about."""

from __future__ import annotations

from peerreview_app import __version__
from peerreview_app.i18n import _
from peerreview_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.settings import Settings


class SettingsDialog(QDialog):
    """Who the user is (their notes are theirs) and the language of the interface."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(480)
        self.settings = settings
        self.name = QLineEdit(settings.identity_name, self)
        self.name.setObjectName("identityName")
        self.name.setAccessibleName(_("Your name"))
        self.email = QLineEdit(settings.identity_email, self)
        self.email.setObjectName("identityEmail")
        self.email.setAccessibleName(_("Your e-mail address"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(_("Language"))
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))

        form = QFormLayout()
        form.addRow(self._label(_("&Your name"), self.name), self.name)
        form.addRow(self._label(_("&E-mail"), self.email), self.email)
        form.addRow(self._label(_("&Language"), self.language), self.language)
        explanation = QLabel(
            _(
                "Your name decides which panel member you are in a review: your notes and provisional "
                "judgements are recorded under that member."
            ),
            self,
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def accept(self) -> None:
        self.settings.identity_name = self.name.text()
        self.settings.identity_email = self.email.text()
        self.settings.language = str(self.language.currentData())
        self.settings.sync()
        super().accept()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _("About the Peer Review Workbench"),
        _(
            "<p><b>Peer Review Workbench</b> {version}</p><p>Peer reviews of partnerships Samen Opleiden &amp; "
            "Professionaliseren: notes, findings, judgements and reports, offline.</p>"
        ).format(version=__version__),
    )
