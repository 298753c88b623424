"""Rapport: the report as a PDF preview, export, signing (the first signature adopts the review) and checking."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from uuid import UUID

from peerreview_app.domain.errors import TransitionError
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.review import Review
from peerreview_app.domain.signatures import StoredReport
from peerreview_app.fileio import safe_file_name
from peerreview_app.i18n import _, ngettext
from peerreview_app.reports.pdf import signing_order
from peerreview_app.reports.signing import Verification
from peerreview_app.services import identity, reports
from peerreview_app.services.errors import InputError
from peerreview_app.services.labels import phase_label, role_label
from peerreview_app.services.reports import ExportedReport, SignOutcome
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import (
    QBuffer,
    QByteArray,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QIODevice,
    QLabel,
    QMessageBox,
    QPdfDocument,
    QPdfView,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.signing_dialogs import IdentityDetails, SignDialog, TaskKeeper, show_task_failure
from peerreview_app.ui.verify_dialog import VerifyDialog, signed_at_text, style_verdict, verdict_of
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.dates import long_date
from peerreview_app.ui.workspace.page import Page, heading, push_button, scrolling, vbox, wrap

PROBLEMS_SHOWN = 12
PHASES_BEFORE_SIGNING = (Phase.PREPARATION, Phase.VISIT)


@dataclass(frozen=True)
class Preview:
    """What the preview shows: the signed report kept with the review (and its check), else a fresh build."""

    content: bytes
    stored: StoredReport | None
    verification: Verification | None


def load_preview(workbench: Workbench, review_id: UUID) -> Preview:
    """The signed report with its verification when there is one, else the unsigned report (off the UI thread)."""
    signed = reports.signed_report(workbench, review_id)
    if signed is not None:
        stored, content = signed
        return Preview(content, stored, reports.verify_content(workbench, content))
    return Preview(reports.build_review_report(workbench, review_id).content, None, None)


def signing_fields(review: Review) -> list[tuple[str, str]]:
    """The report's signature fields in signing order, each with who signs it, e.g. ("signature-chair", …)."""
    return [
        (field_name, _("{role}: {name}").format(role=capitalised(role_label(member.role)), name=member.name))
        for field_name, member in signing_order(review)
    ]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def quiet_box(label: QLabel) -> None:
    label.setStyleSheet(
        "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px;"
        " padding: 6px 10px; }"
    )


class ReportPage(Page):
    """The report of the review: status and signatures on the left, the PDF on the right.

    The preview is (re)built off the UI thread when the page is shown, when the review changed while it is
    visible, and on "Vernieuwen"; never per keystroke. A signed review shows the signed PDF kept with it and
    the verification, since QtPdf does not draw signature stamps.

    Signals:
        show_completeness(): signing was refused because the review is incomplete; show what is still needed.
        preview_ready(): a new preview is shown (or failed to build).
    """

    key = "report"
    show_completeness = Signal()
    preview_ready = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("reportPage")
        self.preview: Preview | None = None
        self.preview_task: BackgroundTask | None = None
        self.task: BackgroundTask | None = None  # the latest export or signing
        self.tasks = TaskKeeper()
        self.verify_dialog: VerifyDialog | None = None
        self._preview_wanted = False
        self._preview_scheduled = False
        self._fields: list[tuple[str, str]] = []
        self._waiting: list[tuple[str, str]] = []
        self._buffer: QBuffer | None = None

        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(heading(_("Report")))
        layout.addWidget(
            wrap(
                _(
                    "The report as it will be sent: check it here, export it as a PDF, and sign it. The first "
                    "signature adopts the review; the signed PDF is kept with the review and can be exported again "
                    "at any time."
                ),
                "reportIntro",
            )
        )
        layout.addLayout(self._make_buttons())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("reportSplitter")
        splitter.setChildrenCollapsible(False)
        status = scrolling(self._make_status())
        status.setMinimumWidth(340)
        splitter.addWidget(status)
        splitter.addWidget(self._make_preview())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        layout.addWidget(splitter, 1)
        context.changed.connect(self._review_changed)

    # -- building ---------------------------------------------------------------------------------------

    def _make_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.refresh_button = push_button(self, _("&Refresh"), "refreshReportButton", self.request_preview)
        self.refresh_button.setToolTip(_("Build the preview again from the review as it is now"))
        self.export_button = push_button(self, _("&Export as PDF…"), "exportReportButton", self.export)
        self.verify_button = push_button(self, _("&Check signatures"), "verifyReportButton", self.check_signatures)
        self.sign_button = push_button(self, _("&Sign…"), "signReportButton", self.sign)
        row.addWidget(self.refresh_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        row.addWidget(self.sign_button)
        return row

    def _make_status(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)

        status_box = QGroupBox(_("Status"), panel)
        status_box.setObjectName("reportStatusBox")
        status_layout = QVBoxLayout(status_box)
        status_layout.setContentsMargins(12, 10, 12, 12)
        self.state = wrap("", "reportState")
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.state_detail = wrap("", "reportStateDetail")
        status_layout.addWidget(self.state)
        status_layout.addWidget(self.state_detail)

        signatures_box = QGroupBox(_("Signatures"), panel)
        signatures_box.setObjectName("reportSignaturesBox")
        signatures_layout = QVBoxLayout(signatures_box)
        signatures_layout.setContentsMargins(12, 10, 12, 12)
        signatures_layout.setSpacing(8)
        self.signatures = wrap("", "reportSignatures")
        self.signatures.setTextFormat(Qt.TextFormat.RichText)
        self.verdict = wrap("", "reportVerdict")
        self.verdict.setVisible(False)
        signatures_layout.addWidget(self.signatures)
        signatures_layout.addWidget(self.verdict)

        identity_box = QGroupBox(_("Your signing identity"), panel)
        identity_box.setObjectName("reportIdentityBox")
        identity_layout = QVBoxLayout(identity_box)
        identity_layout.setContentsMargins(12, 10, 12, 12)
        self.identity = IdentityDetails(identity_box, per_line=4)  # a narrow column: four lines of four
        identity_layout.addWidget(self.identity)

        layout.addWidget(status_box)
        layout.addWidget(signatures_box)
        layout.addWidget(identity_box)
        layout.addStretch(1)
        return panel

    def _make_preview(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(6)
        self.caption = wrap("", "reportPreviewCaption")
        quiet_box(self.caption)
        self.document = QPdfDocument(self)
        self.view = QPdfView(panel)
        self.view.setObjectName("reportPreview")
        self.view.setAccessibleName(_("Preview of the report"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        return panel

    # -- showing ----------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._show_status(review)
        self.request_preview()

    def _review_changed(self, review: Review) -> None:
        # Hidden, the page waits: show_item rebuilds when it is shown again.
        if self.isVisible():
            self._show_status(review)
            self.request_preview()

    def commit(self) -> bool:
        # Leaving the page may delete it (another review opened): a build or signing in progress ends first.
        self.tasks.finish()
        return True

    def _show_status(self, review: Review) -> None:
        stored = self.preview.stored if self.preview is not None else None
        self._fields = signing_fields(review)
        signed = {signer.field for signer in stored.signers} if stored else set()
        self._waiting = [(name, label) for name, label in self._fields if name not in signed]
        if review.locked and review.adopted_at is not None:
            moment = review.adopted_at
            day = (moment.astimezone() if moment.tzinfo is not None else moment).date()
            self.state.setText(_("Adopted on {date}").format(date=long_date(day)))
        elif review.locked:
            self.state.setText(capitalised(phase_label(review.phase)))
        else:
            self.state.setText(_("Draft: not adopted yet"))
        detail = [
            _("Revision {number}, phase: {phase}.").format(number=review.revision, phase=phase_label(review.phase))
        ]
        if not review.locked:
            detail.append(_("The draft carries a CONCEPT watermark. The first signature adopts the review."))
        elif stored is None:
            detail.append(_("No signed report is kept with this review yet."))
        else:
            detail.append(_("The signed report is kept with the review."))
        self.state_detail.setText(" ".join(detail))
        self._show_signatures(stored)
        self.identity.set_identity(identity.current_identity(), now=self.context.workbench.clock())
        self._update_actions(review)

    def _show_signatures(self, stored: StoredReport | None) -> None:
        labels = dict(self._fields)
        lines: list[str] = []
        for signer in stored.signers if stored else ():
            where = labels.get(signer.field, signer.field)
            moment = signed_at_text(signer.signed_at)
            # The field names its member; say who signed only when it was someone else.
            when = (
                _("signed on {moment}").format(moment=moment)
                if signer.name in where
                else _("signed by {name} on {moment}").format(name=signer.name, moment=moment)
            )
            lines.append(f"<p>✓ <b>{escape(where)}</b><br>{escape(when)}</p>")
        if not lines:
            none_yet = escape(_("No signatures yet."))
            lines.append(f"<p>{none_yet}</p>")
        if self._waiting:
            waiting = "".join(f"<li>{escape(label)}</li>" for _name, label in self._waiting)
            still_to_sign = escape(_("Still to sign:"))
            lines.append(f"<p>{still_to_sign}</p><ul style='margin-left:-20px; margin-top:0px'>{waiting}</ul>")
        elif stored is not None:
            all_signed = escape(_("Every signature field is signed."))
            lines.append(f"<p>{all_signed}</p>")
        self.signatures.setText("".join(lines))

    def _update_actions(self, review: Review) -> None:
        stored = self.preview is not None and self.preview.stored is not None
        self.verify_button.setEnabled(stored)
        self.verify_button.setToolTip(
            _("Check the signatures of the signed report kept with the review")
            if stored
            else _("There is no signed report yet")
        )
        can_sign = bool(self._waiting) and review.phase not in PHASES_BEFORE_SIGNING
        self.sign_button.setEnabled(can_sign)
        if not self._waiting:
            self.sign_button.setToolTip(_("Every signature field is signed"))
        elif review.phase in PHASES_BEFORE_SIGNING:
            self.sign_button.setToolTip(_("The report can be signed from the reporting phase on"))
        else:
            self.sign_button.setToolTip(_("Sign the report with your identity; the first signature adopts the review"))

    # -- the preview ------------------------------------------------------------------------------------

    def request_preview(self) -> None:
        """Rebuild the preview soon; requests in the same turn of the event loop, or during a build, merge."""
        self._preview_wanted = True
        if not self._preview_scheduled:
            self._preview_scheduled = True
            QTimer.singleShot(0, self._start_preview)

    def _start_preview(self) -> None:
        self._preview_scheduled = False
        if not self._preview_wanted or self.preview_task is not None:
            return  # a build is running: it starts the next one when it ends
        self._preview_wanted = False
        self.caption.setText(_("Building the preview…"))
        self.refresh_button.setEnabled(False)
        workbench, review_id = self.context.workbench, self.context.review_id
        task = BackgroundTask(self, _("Building the report…"), lambda _report: load_preview(workbench, review_id))
        task.done.connect(self._preview_loaded)
        task.failed.connect(self._preview_failed)
        self.preview_task = self.tasks.start(task)

    def _preview_built(self) -> None:
        self.preview_task = None
        self.refresh_button.setEnabled(True)
        if self._preview_wanted:
            self.request_preview()

    def _preview_loaded(self, preview: Preview) -> None:
        self.preview = preview
        self._load_document(preview.content)
        pages = self.document.pageCount()
        pages_text = ngettext("{count} page", "{count} pages", pages).format(count=pages)
        if preview.stored is not None:
            self.caption.setText(
                _(
                    "The signed report as kept with the review ({pages}). This preview does not draw the signature "
                    "stamps; the check of the signatures is on the left."
                ).format(pages=pages_text)
            )
        elif self.context.review().locked:
            self.caption.setText(_("The final report, not signed yet ({pages}).").format(pages=pages_text))
        else:
            self.caption.setText(
                _("Preview of the draft ({pages}). Signing builds the final report, without the CONCEPT mark.").format(
                    pages=pages_text
                )
            )
        if preview.verification is not None:
            style_verdict(self.verdict, verdict_of(preview.verification))
            self.verdict.setVisible(True)
        else:
            self.verdict.setVisible(False)
        self._show_status(self.context.review())
        self._preview_built()
        self.preview_ready.emit()

    def _preview_failed(self, exc: object) -> None:
        reason = str(exc) if isinstance(exc, Exception) else ""
        self.caption.setText(_("The preview could not be built: {reason}").format(reason=reason))
        if isinstance(exc, BaseException):
            show_task_failure(self, exc, _("Report"))
        self._preview_built()
        self.preview_ready.emit()

    def _load_document(self, content: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(content))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()  # the document has let go of it
        self._buffer = buffer

    def page_count(self) -> int:
        return self.document.pageCount()

    # -- export -----------------------------------------------------------------------------------------

    def export(self) -> None:
        review = self.context.review()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export as PDF"),
            str(Path.home() / f"{safe_file_name(review.title)}.pdf"),
            _("PDF documents (*.pdf)"),
        )
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def export_to(self, path: Path) -> BackgroundTask:
        """Write the report to `path`: the signed one when there is one, else the draft or final build."""
        workbench, review_id = self.context.workbench, self.context.review_id
        task = BackgroundTask(self, _("Exporting…"), lambda _report: reports.export_pdf(workbench, review_id, path))
        task.done.connect(self._exported)
        task.failed.connect(self._export_failed)
        self.task = self.tasks.start(task)
        return task

    def _export_failed(self, exc: BaseException) -> None:
        show_task_failure(self, exc, _("Export as PDF"))

    def _exported(self, exported: ExportedReport) -> None:
        text = (
            _("Signed report saved as {path}")
            if exported.signed
            else _("Draft report exported to {path}")
            if exported.draft
            else _("Report exported to {path}")
        )
        self.context.events.status.emit(text.format(path=exported.path))

    # -- signing ----------------------------------------------------------------------------------------

    def sign(self) -> None:
        """Ask for the identity and passphrase, then sign in the background."""
        review = self.context.review()
        try:
            current_file: Path | None = identity.current_identity_file()
        except InputError:
            current_file = None
        summary = identity.current_identity() if current_file is not None else None
        first = self.preview is None or self.preview.stored is None
        dialog = SignDialog(
            summary, current_file, list(self._waiting), adopts=not review.locked, first=first, parent=self
        )
        if dialog.exec() and dialog.identity_file is not None:
            self.sign_with(dialog.identity_file, dialog.passphrase.text(), dialog.field)

    def sign_with(self, identity_file: Path, passphrase: str, field: str | None = None) -> BackgroundTask:
        workbench, review_id = self.context.workbench, self.context.review_id

        def work(_report: Any) -> SignOutcome | TransitionError:
            try:
                return reports.sign_review(workbench, review_id, identity_file, passphrase, field=field)
            except TransitionError as exc:
                return exc  # shown with the offer to open the list of what is still needed

        task = BackgroundTask(self, _("Signing…"), work)
        task.done.connect(self._signed)
        task.failed.connect(self._sign_failed)
        self.task = self.tasks.start(task)
        return task

    def _sign_failed(self, exc: BaseException) -> None:
        show_task_failure(self, exc, _("Sign the report"))

    def _signed(self, result: SignOutcome | TransitionError) -> None:
        if isinstance(result, TransitionError):
            self._refused(result)
            return
        # Stored already: reload the review (now locked) and announce the change to the workspace and the list.
        self.context.save(lambda: result)
        signer = result.report.signers[-1].name if result.report.signers else ""
        text = _("Signed by {name}.").format(name=signer)
        if result.adopted_now:
            text += " " + _("The review is adopted and read-only from now on.")
        self.context.events.status.emit(text)

    def _refused(self, exc: TransitionError) -> None:
        box = QMessageBox(self)
        box.setObjectName("signRefusedDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Sign the report"))
        box.setText(str(exc))
        shown = list(exc.problems[:PROBLEMS_SHOWN])
        details = "\n".join(f"• {problem}" for problem in shown)
        if len(exc.problems) > len(shown):
            details += "\n" + _("… and {count} more").format(count=len(exc.problems) - len(shown))
        box.setInformativeText(details)
        show = None
        if exc.problems:
            show = box.addButton(_("Show what is still needed"), QMessageBox.ButtonRole.ActionRole)
            show.setObjectName("showCompletenessButton")
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if show is not None and box.clickedButton() is show:
            self.show_completeness.emit()

    # -- checking ---------------------------------------------------------------------------------------

    def check_signatures(self) -> VerifyDialog | None:
        """Check the signed report kept with the review, in the verification dialog."""
        if self.preview is None or self.preview.stored is None:
            return None
        dialog = VerifyDialog(self.context.workbench, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.verify_stored(self.context.review_id, self.context.review().title)
        self.verify_dialog = dialog
        return dialog
