"""Small dialogs of the main window: settings and about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peerreview_app import __version__, config
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _, ngettext
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.operations import BackgroundTask, attempt
from peerreview_app.ui.qt import (
    QBuffer,
    QByteArray,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QImage,
    QIODevice,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.settings import Settings

LOGO_MAX = (1600, 800)
"""A cover logo larger than this (pixels) is scaled down when chosen: the report needs no more."""
LOGO_SHOWN = (200, 72)


def logo_png(content: bytes) -> bytes | None:
    """`content` (PNG or JPEG) as PNG bytes, scaled down to `LOGO_MAX`; None when it is not an image."""
    image = QImage()
    if not content or not image.loadFromData(QByteArray(content)) or image.isNull():
        return None
    if image.width() > LOGO_MAX[0] or image.height() > LOGO_MAX[1]:
        image = image.scaled(
            LOGO_MAX[0], LOGO_MAX[1], Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes only str
    return bytes(buffer.data().data())


class SettingsDialog(QDialog):
    """Who the user is (their notes are theirs), the language, the signing identity and the report logo.

    Importing an identity happens at once (it is a file of its own); a new or removed logo is kept on OK.
    """

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, workbench: Workbench | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(600)
        self.settings = settings
        self.workbench = workbench
        self.task: BackgroundTask | None = None
        self._logo: bytes | None = None  # the chosen logo as PNG, kept on OK
        self._logo_removed = False
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
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self._make_signing_box())
        layout.addWidget(self._make_logo_box())
        layout.addWidget(buttons)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # -- signing identity -------------------------------------------------------------------------------

    def _make_signing_box(self) -> QGroupBox:
        from peerreview_app.ui.signing_dialogs import (  # noqa: PLC0415 - pyHanko loads when needed
            IdentityDetails,
            no_identity_hint_in_settings,
        )

        box = QGroupBox(_("Signing"), self)
        box.setObjectName("signingBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        self.identity = IdentityDetails(box, hint=no_identity_hint_in_settings())
        self.import_note = QLabel(box)
        self.import_note.setObjectName("identityImportNote")
        self.import_note.setWordWrap(True)
        self.import_note.setVisible(False)
        self.import_button = QPushButton(_("&Import identity…"), box)
        self.import_button.setObjectName("importIdentityButton")
        self.import_button.setEnabled(self.workbench is not None)
        self.import_button.clicked.connect(self.import_identity)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.import_button)
        layout.addWidget(self.identity)
        layout.addWidget(self.import_note)
        layout.addLayout(row)
        self._show_identity()
        return box

    def _show_identity(self) -> None:
        from peerreview_app.services import identity  # noqa: PLC0415 - pyHanko loads when needed

        now = self.workbench.clock() if self.workbench is not None else None
        self.identity.set_identity(identity.current_identity(), now=now)

    def import_identity(self) -> None:
        """Ask for a .p12 file and its passphrase, and make it the current signing identity."""
        from peerreview_app.ui.signing_dialogs import IDENTITY_FILTER, ask_passphrase  # noqa: PLC0415

        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import identity"),
            str(Path.home()),
            _("Identity files ({patterns})").format(patterns=IDENTITY_FILTER),
        )
        if not name:
            return
        passphrase = ask_passphrase(self, _("Import identity"), _("Passphrase of {name}:").format(name=Path(name).name))
        if passphrase is not None:
            self.import_identity_from(Path(name), passphrase)

    def import_identity_from(self, path: Path, passphrase: str) -> BackgroundTask | None:
        from peerreview_app.services import identity  # noqa: PLC0415 - pyHanko loads when needed

        workbench = self.workbench
        if workbench is None:
            return None
        task = BackgroundTask(
            self, _("Importing the identity…"), lambda _report: identity.import_identity(workbench, path, passphrase)
        )
        task.done.connect(self._imported)
        task.failed.connect(self._import_failed)
        self.task = task
        task.start()
        return task

    def _import_failed(self, exc: BaseException) -> None:
        from peerreview_app.ui.signing_dialogs import show_task_failure  # noqa: PLC0415 - pyHanko loads when needed

        show_task_failure(self, exc, _("Import identity"))

    def _imported(self, imported: Any) -> None:
        self._show_identity()
        count = imported.members_updated
        text = (
            ngettext(
                "Imported. Its fingerprint is now recorded for {count} panel member.",
                "Imported. Its fingerprint is now recorded for {count} panel members.",
                count,
            ).format(count=count)
            if count
            else _("Imported. No panel member of an editable review has this e-mail address.")
        )
        self.import_note.setText(text)
        self.import_note.setVisible(True)

    # -- report logo ------------------------------------------------------------------------------------

    def _make_logo_box(self) -> QGroupBox:
        box = QGroupBox(_("Report"), self)
        box.setObjectName("logoBox")
        layout = QHBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(12)
        self.logo_preview = QLabel(box)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_SHOWN[0] + 12, LOGO_SHOWN[1] + 12)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setWordWrap(True)
        explanation = QLabel(_("The logo on the cover of every report: a PNG or JPEG image."), box)
        explanation.setWordWrap(True)
        self.logo_error = QLabel(box)
        self.logo_error.setObjectName("logoError")
        self.logo_error.setWordWrap(True)
        self.logo_error.setStyleSheet("color: #b91c1c;")
        self.logo_error.setVisible(False)
        self.choose_logo_button = QPushButton(_("&Choose logo…"), box)
        self.choose_logo_button.setObjectName("chooseLogoButton")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(_("&Remove logo"), box)
        self.remove_logo_button.setObjectName("removeLogoButton")
        self.remove_logo_button.clicked.connect(self.remove_logo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(explanation)
        column.addWidget(self.logo_error)
        column.addLayout(buttons)
        column.addStretch()
        layout.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(column, 1)
        current = config.report_logo_path()
        self._show_logo(current.read_bytes() if current.is_file() else None)
        return box

    def _show_logo(self, png: bytes | None) -> None:
        pixmap = QPixmap()
        if png is not None and pixmap.loadFromData(QByteArray(png)):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    LOGO_SHOWN[0],
                    LOGO_SHOWN[1],
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        self.remove_logo_button.setEnabled(png is not None)

    def choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), str(Path.home()), _("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.use_logo(Path(name))

    def use_logo(self, path: Path) -> bool:
        """Take the image in `path` as the new logo (kept on OK); False, with the reason shown, if it is none."""
        try:
            content = path.read_bytes()
        except OSError as exc:
            return self._logo_refused(_("{name} cannot be read: {reason}").format(name=path.name, reason=exc.strerror))
        png = logo_png(content)
        if png is None:
            return self._logo_refused(_("{name} is not a PNG or JPEG image.").format(name=path.name))
        self._logo, self._logo_removed = png, False
        self.logo_error.setVisible(False)
        self._show_logo(png)
        return True

    def _logo_refused(self, text: str) -> bool:
        self.logo_error.setText(text)
        self.logo_error.setVisible(True)
        return False

    def remove_logo(self) -> None:
        self._logo, self._logo_removed = None, True
        self.logo_error.setVisible(False)
        self._show_logo(None)

    def _save_logo(self) -> None:
        target = config.report_logo_path()
        if self._logo is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, self._logo)
        elif self._logo_removed:
            target.unlink(missing_ok=True)

    # -- closing ----------------------------------------------------------------------------------------

    def accept(self) -> None:
        if (self._logo is not None or self._logo_removed) and not attempt(self, self._save_logo)[0]:
            return
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
