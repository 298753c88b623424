"""Signing in the interface: the identity as the user sees it, the sign dialog, the passphrase question."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from peerreview_app.i18n import _
from peerreview_app.reports.pdf.model import ReportError
from peerreview_app.reports.signing import SigningError, format_fingerprint
from peerreview_app.services.identity import IdentitySummary
from peerreview_app.ui import operations
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEventLoop,
    QFileDialog,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.dates import long_date

SIGNING_ERRORS: tuple[type[Exception], ...] = (SigningError, ReportError)
"""Errors of the reports layer that are meant for the user (a wrong passphrase, an unreadable PDF…)."""

IDENTITY_FILTER = "*.p12 *.pfx"


def show_task_failure(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show a background task's error unless `BackgroundTask` already did (it shows the service layer's errors)."""
    if isinstance(exc, SIGNING_ERRORS) and not isinstance(exc, operations.USER_ERRORS):
        operations.show_error(parent, exc, title)


class TaskKeeper:
    """The background tasks a widget has running, so it can let them end before it goes away.

    Qt aborts the whole application when a running thread is destroyed, and a `BackgroundTask` belongs to its
    widget: a page that is closed (another review opened) or a dialog deleted on close while a report is being
    built or checked must first let that work end. `finish()` waits for it, delivering its results.
    """

    def __init__(self) -> None:
        self._running: list[BackgroundTask] = []

    def start(self, task: BackgroundTask) -> BackgroundTask:
        self._running.append(task)
        task.done.connect(lambda _result: self._ended(task))
        task.failed.connect(lambda _exc: self._ended(task))
        task.start()
        return task

    def _ended(self, task: BackgroundTask) -> None:
        if task in self._running:
            self._running.remove(task)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def finish(self) -> None:
        """Wait until every task has ended; only posted events (the tasks' results) run meanwhile, no user input."""
        while self._running:
            task = self._running[0]
            loop = QEventLoop()
            task.done.connect(loop.quit)
            task.failed.connect(loop.quit)
            if task in self._running:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def grouped_fingerprint(fingerprint: str, per_line: int = 8) -> str:
    """The fingerprint in groups of four hex digits, `per_line` groups a line (two lines of eight by default)."""
    groups = format_fingerprint(fingerprint).split(" ")
    return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font


def no_identity_hint() -> str:
    """How to get an identity, said where the settings are not at hand."""
    return _(
        "No signing identity yet. Import one under Edit → Settings → “Import identity…”, "
        "or create one with: peerreview identity create --name NAME --email ADDRESS -o FILE.p12"
    )


def no_identity_hint_in_settings() -> str:
    return _(
        "No signing identity yet. Import a .p12 file with “Import identity…”, or create one first with: "
        "peerreview identity create --name NAME --email ADDRESS -o FILE.p12"
    )


class IdentityDetails(QWidget):
    """Name, e-mail, fingerprint and validity of the current signing identity, or how to get one."""

    def __init__(self, parent: QWidget | None = None, *, hint: str = "", per_line: int = 8) -> None:
        super().__init__(parent)
        self.setObjectName("identityDetails")
        self._hint = hint or no_identity_hint()
        self._per_line = per_line
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = self._value("identityNameValue")
        self.email = self._value("identityEmailValue")
        self.fingerprint = self._value("identityFingerprintValue")
        self.fingerprint.setFont(monospace())
        self.valid_until = self._value("identityValidUntilValue")
        self.form.addRow(_("Name:"), self.name)
        self.form.addRow(_("E-mail:"), self.email)
        self.form.addRow(_("Fingerprint:"), self.fingerprint)
        self.form.addRow(_("Valid until:"), self.valid_until)
        self.hint = self._value("identityHint")
        self.form.addRow(self.hint)
        self.summary: IdentitySummary | None = None
        self.set_identity(None)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_identity(self, summary: IdentitySummary | None, *, now: datetime | None = None) -> None:
        self.summary = summary
        for row in range(4):
            self.form.setRowVisible(row, summary is not None)
        self.form.setRowVisible(4, summary is None)
        if summary is None:
            self.hint.setText(self._hint)
            return
        self.name.setText(summary.name)
        self.email.setText(summary.email or "—")
        self.fingerprint.setText(grouped_fingerprint(summary.fingerprint, self._per_line))
        expired = summary.not_after < (now or datetime.now(UTC))
        until = long_date(summary.not_after.astimezone().date())
        self.valid_until.setText(_("{date} (expired)").format(date=until) if expired else until)
        self.valid_until.setStyleSheet("color: #b91c1c; font-weight: bold;" if expired else "")


def ask_passphrase(parent: QWidget, title: str, text: str) -> str | None:
    """The passphrase of an identity file, typed hidden; None when the user cancels."""
    value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return value if ok and value else None


class SignDialog(QDialog):
    """Sign the report: which identity (the current one or another file), which field, and the passphrase.

    `adopts`: this signature adopts the review (it says so, prominently); `first`: no signed report exists yet.

    Accepting leaves `identity_file`, `field` (None: the signer's own field) and `passphrase` for the caller.
    """

    def __init__(
        self,
        identity: IdentitySummary | None,
        identity_file: Path | None,
        fields: list[tuple[str, str]],
        *,
        adopts: bool,
        first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(_("Sign the report"))
        self.setMinimumWidth(560)
        self.identity_file = identity_file
        self.field: str | None = None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Sign"))
        self.ok_button.setObjectName("signOkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(QLabel("<b>" + _("Sign as") + "</b>", self))
        self._add_identity(layout, identity)
        layout.addLayout(self._make_form(fields))
        layout.addWidget(self._make_explanation(adopts, first))
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()
        self._update_ok()

    def _add_identity(self, layout: QVBoxLayout, identity: IdentitySummary | None) -> None:
        self.identity = IdentityDetails(self)
        self.identity.set_identity(identity)
        self.other_file = QLabel(self)
        self.other_file.setObjectName("signOtherFile")
        self.other_file.setWordWrap(True)
        self.other_file.setVisible(False)
        choose = QPushButton(_("Use another identity file…"), self)
        choose.setObjectName("chooseIdentityButton")
        choose.clicked.connect(self.choose_identity_file)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(choose)
        layout.addWidget(self.identity)
        layout.addWidget(self.other_file)
        layout.addLayout(row)

    def _make_form(self, fields: list[tuple[str, str]]) -> QFormLayout:
        self.fields = QComboBox(self)
        self.fields.setObjectName("signFieldCombo")
        self.fields.setAccessibleName(_("Signature field"))
        self.fields.addItem(_("Automatic: the field of my role on the panel"), None)
        for name, description in fields:
            self.fields.addItem(description, name)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("signPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase of the identity"))
        self.passphrase.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        field_label = QLabel(_("&Field:"), self)
        field_label.setBuddy(self.fields)
        passphrase_label = QLabel(_("&Passphrase:"), self)
        passphrase_label.setBuddy(self.passphrase)
        form.addRow(field_label, self.fields)
        form.addRow(passphrase_label, self.passphrase)
        return form

    def _make_explanation(self, adopts: bool, first: bool) -> QLabel:
        """What signing will do: adopt the review (first signature), start the signed report, or add to it."""
        self.explanation = explanation = QLabel(self)
        explanation.setObjectName("signExplanation")
        explanation.setWordWrap(True)
        if not adopts:
            explanation.setText(
                _("The final report is built and signed; the signed report is kept with the review.")
                if first
                else _(
                    "Your signature is added to the signed report kept with the review; earlier signatures stay valid."
                )
            )
            return explanation
        explanation.setText(
            _(
                "This is the first signature: signing adopts the review. From then on the review is read-only "
                "for everyone; a correction becomes a new, numbered revision. The signed report is kept with "
                "the review."
            )
        )
        explanation.setStyleSheet(
            "QLabel#signExplanation { background: #fef9c3; color: #713f12; border: 1px solid #fde047;"
            " border-radius: 4px; padding: 8px 10px; }"
        )
        return explanation

    def choose_identity_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose an identity file"),
            str(self.identity_file.parent if self.identity_file else Path.home()),
            _("Identity files ({patterns})").format(patterns=IDENTITY_FILTER),
        )
        if name:
            self.use_identity_file(Path(name))

    def use_identity_file(self, path: Path) -> None:
        """Sign with `path` instead of the current identity (its details show once the passphrase opens it)."""
        self.identity_file = path
        self.identity.setVisible(False)
        self.other_file.setText(_("Identity file: {path}").format(path=path))
        self.other_file.setVisible(True)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.identity_file is not None and bool(self.passphrase.text()))

    def accept(self) -> None:
        if self.identity_file is None or not self.passphrase.text():
            return
        self.field = self.fields.currentData()
        super().accept()
