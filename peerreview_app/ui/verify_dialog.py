"""Handtekeningen controleren: every signature in a PDF (any file, or a review's stored report) and a verdict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from html import escape
from pathlib import Path
from typing import Any
from uuid import UUID

from peerreview_app.domain.partnership import Role
from peerreview_app.i18n import _, ngettext
from peerreview_app.reports.signing import SignatureCheck, SigningError, Verification, format_fingerprint
from peerreview_app.services import reports
from peerreview_app.services.labels import role_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFont,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.signing_dialogs import TaskKeeper, show_task_failure
from peerreview_app.ui.workspace.dates import long_date


class Level(Enum):
    GOOD = "good"
    WARNING = "warning"
    BAD = "bad"


# Text and background as pairs, so the verdict stays readable in a dark theme too; the words carry the meaning.
LEVEL_COLOURS = {
    Level.GOOD: ("#14532d", "#dcfce7", "#86efac"),
    Level.WARNING: ("#713f12", "#fef9c3", "#fde047"),
    Level.BAD: ("#7f1d1d", "#fee2e2", "#fca5a5"),
}
NO_COLOUR = QColor("#b91c1c")


@dataclass(frozen=True)
class Verdict:
    level: Level
    text: str


def verdict_of(verification: Verification) -> Verdict:
    """One sentence on the whole document: intact or not, and whether every signer is known."""
    count = len(verification.signatures)
    if not verification.signatures:
        return Verdict(Level.BAD, "✗ " + _("Not in order: this document contains no signatures."))
    if not verification.ok:
        return Verdict(
            Level.BAD,
            "✗ " + _("Not in order: the document was changed after signing, or a signature is not valid. See below."),
        )
    unknown = sum(1 for check in verification.signatures if not check.trusted)
    if unknown:
        return Verdict(
            Level.WARNING,
            "⚠ "
            + ngettext(
                "Intact, but {unknown} of {count} signers is unknown: compare the fingerprint with the person.",
                "Intact, but {unknown} of {count} signers are unknown: compare the fingerprints with the people.",
                unknown,
            ).format(unknown=unknown, count=count),
        )
    return Verdict(
        Level.GOOD,
        "✓ "
        + ngettext(
            "In order: the signature is intact and nothing was changed after it.",
            "In order: all {count} signatures are intact and nothing was changed after the last one.",
            count,
        ).format(count=count),
    )


def style_verdict(label: QLabel, verdict: Verdict) -> None:
    text, background, border = LEVEL_COLOURS[verdict.level]
    label.setText(verdict.text)
    label.setStyleSheet(
        f"QLabel {{ color: {text}; background: {background}; border: 1px solid {border}; border-radius: 4px;"
        " padding: 8px 10px; font-weight: bold; }"
    )
    label.setAccessibleName(verdict.text)


def signed_at_text(moment: datetime | None) -> str:
    """The signing time in local time, e.g. ``8 oktober 2026 14:32``; a dash when unknown."""
    if moment is None:
        return "—"
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{long_date(local.date())} {local:%H:%M}"


def field_text(name: str) -> str:
    """A signature field as people say it ("signature-chair" → "Voorzitter", "signature-member-2" → "Panellid 2").

    Follows the names the report gives its fields; any other name (a PDF from elsewhere) is shown as it is.
    """
    rest = name.removeprefix("signature-")
    if rest == name:
        return name
    head, _dash, tail = rest.rpartition("-")
    number = ""
    if head and tail.isdigit():
        rest, number = head, tail
    try:
        role = Role(rest.replace("-", "_"))
    except ValueError:
        return name
    label = capitalised(role_label(role))
    return f"{label} {number}" if number else label


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def yes_no(value: bool) -> str:
    return "✓ " + _("yes") if value else "✗ " + _("no")


def details_html(verification: Verification) -> str:
    """Problems of the document and of each signature, and the fields still empty, as a short HTML text."""
    parts: list[str] = []
    problems = list(verification.problems)
    for check in verification.signatures:
        who = check.signer or check.field
        problems += [_("{who}: {problem}").format(who=who, problem=p) for p in check.problems]
    if problems:
        items = "".join(f"<li>{escape(p)}</li>" for p in problems)
        heading = escape(_("Problems"))
        parts.append(f"<p><b>{heading}</b></p><ul style='margin-left:-20px'>{items}</ul>")
    if verification.unsigned_fields:
        parts.append(
            "<p>"
            + escape(
                _("Signature fields not signed yet: {fields}").format(
                    fields=", ".join(field_text(name) for name in verification.unsigned_fields)
                )
            )
            + "</p>"
        )
    parts.append(
        "<p>"
        + escape(
            _(
                "Our identities are self-signed: a signer counts as known when the certificate's fingerprint belongs "
                "to a panel member or to someone who signed a report in this workbench. Compare the fingerprint "
                "with the signer when in doubt."
            )
        )
        + "</p>"
    )
    return "".join(parts)


class SignatureTableModel(QAbstractTableModel):
    """The signatures of one PDF, one row each (read-only)."""

    HEADERS = ("signer", "field", "signed_at", "intact", "covers", "trusted", "fingerprint")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checks: list[SignatureCheck] = []

    def set_checks(self, checks: Sequence[SignatureCheck]) -> None:
        self.beginResetModel()
        self._checks = list(checks)
        self.endResetModel()

    def check(self, row: int) -> SignatureCheck:
        return self._checks[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._checks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                "signer": _("Signer"),
                "field": _("Field"),
                "signed_at": _("Signed at"),
                "intact": _("Intact"),
                "covers": _("Covers final version"),
                "trusted": _("Known signer"),
                "fingerprint": _("Fingerprint (SHA-256)"),
            }[self.HEADERS[section]]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self._checks[index.row()]
        column = self.HEADERS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(check, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "fingerprint":
                return format_fingerprint(check.fingerprint)
            if column == "field":
                return check.field
            return "\n".join(check.problems) or None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("intact", "covers", "trusted"):
            value = {"intact": check.intact, "covers": check.covers_final_revision, "trusted": check.trusted}[column]
            return None if value else NO_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == "fingerprint":
            mono = QFont("monospace")
            mono.setStyleHint(QFont.StyleHint.TypeWriter)
            return mono
        return None

    def _text(self, check: SignatureCheck, column: str) -> str:
        if column == "signer":
            who = check.signer or _("(unreadable)")
            return f"{who}\n{check.email}" if check.email else who
        if column == "field":
            return field_text(check.field)
        if column == "signed_at":
            return signed_at_text(check.signed_at)
        if column == "intact":
            return yes_no(check.intact)
        if column == "covers":
            return yes_no(check.covers_final_revision)
        if column == "trusted":
            if not check.trusted:
                return yes_no(False)
            return "✓ " + (check.known_as or _("trusted certificate"))
        grouped = format_fingerprint(check.fingerprint).split(" ")
        # Two lines of eight groups: the whole fingerprint stays visible without a very wide column.
        return "\n".join(" ".join(grouped[i : i + 8]) for i in range(0, len(grouped), 8)) if grouped != [""] else "—"


class VerifyDialog(QDialog):
    """Shows the verification of a PDF: a verdict line, a table of signatures, problems and empty fields.

    `verify_path(path)` and `verify_stored(review_id)` check off the UI thread; `show_verification` shows a result
    that is already there. Signals: verified(object): the `Verification` now shown.
    """

    verified = Signal(object)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(_("Check signatures"))
        self.resize(1240, 520)
        self.workbench = workbench
        self.task: BackgroundTask | None = None
        self.verification: Verification | None = None
        self._checking = ""  # what the running check is about
        self.tasks = TaskKeeper()

        self.source = QLabel(_("No document checked yet."), self)
        self.source.setObjectName("verifySource")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.model = SignatureTableModel(self)
        self.table = self._make_table()
        self.details = QLabel(self)
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(_("Open another PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("verifyOpenButton")
        self.open_button.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.source)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        self._filler = QWidget(self)  # takes the table's room when there is no table, so the texts stay together
        self._filler.setVisible(False)
        layout.addWidget(self._filler, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("signaturesTable")
        table.setAccessibleName(_("Signatures in the document"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setStyleSheet("QTableView::item { padding: 4px 8px; }")
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # -- checking ---------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a PDF and check it."""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Check signatures"), str(Path.home()), _("PDF documents (*.pdf);;All files (*)")
        )
        if name:
            self.verify_path(Path(name))

    def verify_path(self, path: Path) -> BackgroundTask:
        workbench = self.workbench

        def check() -> Verification:
            try:
                return reports.verify_file(workbench, path)
            except SigningError as exc:
                # The message names the file, whichever file the user picked.
                raise SigningError(exc.problem, exc.source or path.name) from None

        return self._run(_("File: {path}").format(path=path), check)

    def verify_stored(self, review_id: UUID, title: str) -> BackgroundTask:
        workbench = self.workbench
        return self._run(
            _("The signed report of “{title}”, as kept with the review").format(title=title),
            lambda: reports.verify_stored(workbench, review_id),
        )

    def _run(self, source: str, call: Callable[[], Verification]) -> BackgroundTask:
        self.source.setText(_("Checking…"))
        self._checking = source
        self.task = BackgroundTask(self, _("Checking signatures…"), lambda _report: call())
        self.task.done.connect(self._checked)
        self.task.failed.connect(self._failed)
        return self.tasks.start(self.task)

    def done(self, result: int) -> None:
        self.tasks.finish()  # deleted on close: a check in progress ends first
        super().done(result)

    def _checked(self, verification: Verification) -> None:
        self.show_verification(verification, self._checking)

    def _failed(self, exc: object) -> None:
        self.source.setText(_("The document could not be checked."))
        self.verdict.setVisible(False)
        self.model.set_checks(())
        self.details.setText("")
        if isinstance(exc, BaseException):
            show_task_failure(self, exc, _("Check signatures"))

    # -- showing ----------------------------------------------------------------------------------------

    def show_verification(self, verification: Verification, source: str) -> None:
        self.verification = verification
        self.source.setText(source)
        style_verdict(self.verdict, verdict_of(verification))
        self.verdict.setVisible(True)
        self.model.set_checks(verification.signatures)
        self.table.setVisible(bool(verification.signatures))  # the verdict says when there are none
        self._filler.setVisible(not verification.signatures)
        self.table.resizeRowsToContents()
        self.details.setText(details_html(verification))
        self.verified.emit(verification)


def open_verify_dialog(workbench: Workbench, parent: QWidget) -> VerifyDialog | None:
    """Ask for a PDF, then show the dialog that checks it (non-modal, deleted on close)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Check signatures"), str(Path.home()), _("PDF documents (*.pdf);;All files (*)")
    )
    if not name:
        return None
    dialog = VerifyDialog(workbench, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.verify_path(Path(name))
    return dialog
