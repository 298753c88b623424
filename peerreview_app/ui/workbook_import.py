"""Importing a filled-in workbook (a panel member's, or the partnership's fact check): preview first, then apply.

The dialog reads and checks the workbook off the interface thread and shows what would change; "Import" applies
all of it or nothing. Problems in the file are listed one by one, with sheet and cell. Opened from the File menu,
the fact-check page, or by dropping a workbook on the main window.

openpyxl (through the services) is imported only when a workbook is read, so the main window starts without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language, ngettext
from peerreview_app.services import reviews
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.operations import USER_ERRORS, BackgroundTask
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.dates import locale, to_qdate
from peerreview_app.ui.workspace.document_files import dropped_files
from peerreview_app.ui.workspace.page import heading, wrap
from peerreview_app.ui.workspace.wrapping import wrapping_table

if TYPE_CHECKING:
    from peerreview_app.domain.member_input import Change
    from peerreview_app.services.workbooks import ImportPreview
    from peerreview_app.ui.workspace.context import WorkspaceContext

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""What a drop on the main window takes for a workbook (.xlsm only to say that macros are refused)."""

SHOWN_IN_TABLE = 400
"""Characters of a text the preview table shows per cell; the tooltip holds all of it."""

Index = QModelIndex | QPersistentModelIndex


def dropped_workbook(mime: QMimeData) -> Path | None:
    """The workbook when exactly one Excel file was dropped; None for anything else."""
    paths = dropped_files(mime)
    if len(paths) == 1 and paths[0].suffix.lower() in WORKBOOK_SUFFIXES:
        return paths[0]
    return None


def choose_and_preview(
    parent: QWidget, workbench: Workbench, events: AppEvents, context: WorkspaceContext | None
) -> ImportPreviewDialog | None:
    """Ask for a filled-in workbook and open its preview; None when the user chose nothing."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import workbook"), str(Path.home()), _("Excel workbooks (*.xlsx *.xlsm)")
    )
    if not name:
        return None
    return open_preview(parent, workbench, events, context, Path(name))


def open_preview(
    parent: QWidget, workbench: Workbench, events: AppEvents, context: WorkspaceContext | None, path: Path
) -> ImportPreviewDialog:
    """Show the preview dialog of `path` (window-modal, not blocking) and start reading the workbook."""
    dialog = ImportPreviewDialog(workbench, path, parent, events=events, context=context)
    dialog.open()
    dialog.load()
    return dialog


def announce_import(preview: ImportPreview, events: AppEvents, context: WorkspaceContext | None) -> None:
    """After an import: the open workspace of that review reloads, lists refresh, the status bar says how much."""
    review_id = preview.meta.review_id
    if context is not None and context.review_id == review_id:
        # Undo steps from before the import could silently overwrite what was just imported.
        context.undo.clear()
        context.reload()
    events.review_changed.emit(review_id)
    count = len(preview.changes)
    events.status.emit(
        ngettext("Imported {count} change from {file}", "Imported {count} changes from {file}", count).format(
            count=count, file=preview.path.name
        )
        if count
        else _("Nothing changed: {file} was imported before").format(file=preview.path.name)
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What reading or importing a workbook came to: a preview (with the review), or the problems."""

    preview: ImportPreview | None = None
    review: Review | None = None
    problems: tuple[str, ...] = ()


def _outcome(workbench: Workbench, path: Path, call: Callable[[Workbench, Path], ImportPreview]) -> Outcome:
    """Run `call` and answer its preview, or every problem it found (user errors are outcomes, not failures)."""
    from peerreview_app.reports.excel.workbook_import import WorkbookProblems  # noqa: PLC0415 - see the docstring

    try:
        preview = call(workbench, path)
        review = reviews.get_review(workbench, preview.meta.review_id)
    except WorkbookProblems as exc:
        return Outcome(problems=exc.problems or (str(exc),))
    except USER_ERRORS as exc:
        return Outcome(problems=(str(exc),))
    return Outcome(preview, review)


def what_label(what: str) -> str:
    labels = {
        "note": _("Note"),
        "judgement": _("Provisional judgement"),
        "motivation": _("Motivation"),
        "comment": _("Comment"),
    }
    return labels.get(what, what)


def where_label(review: Review | None, change: Change) -> str:
    """A criterion id or a paragraph reference, as words (the criterion's title, the place in the report)."""
    if review is None:
        return change.where
    if change.what == "comment":
        from peerreview_app.ui.workspace.factcheck_page import place_in_words  # noqa: PLC0415 - avoid a cycle

        return place_in_words(review, change.where)
    try:
        criterion = review.framework.criterion(change.where)
    except DomainError:  # an unknown id is shown as it is
        return change.where
    return f"{criterion.id} {criterion.title.get(language())}"


class ChangesModel(QAbstractTableModel):
    """The changes of an import: what, where, before, after (long texts shortened; the tooltip has them whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = (_("What"), _("Where"), _("Before"), _("After"))
        self._rows: list[tuple[str, str, str, str]] = []

    def set_changes(self, review: Review | None, changes: Sequence[Change]) -> None:
        self.beginResetModel()
        self._rows = [(what_label(c.what), where_label(review, c), c.before, c.after) for c in changes]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() >= 2 and not text:
                return "—"
            return text if len(text) <= SHOWN_IN_TABLE else text[: SHOWN_IN_TABLE - 1].rstrip() + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def row_texts(self, row: int) -> tuple[str, str, str, str]:
        return self._rows[row]


class ImportPreviewDialog(QDialog):
    """Reads a workbook, shows what importing it changes, and imports it on "Import" (objectName
    "workbookImportDialog"). Nothing changes until the user imports; problems are listed instead of a preview.

    Signals:
        imported(object): the `ImportPreview` of what was imported.
    """

    imported = Signal(object)

    def __init__(
        self,
        workbench: Workbench,
        path: Path,
        parent: QWidget | None = None,
        *,
        events: AppEvents | None = None,
        context: WorkspaceContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workbookImportDialog")
        self.setWindowTitle(_("Import workbook"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1040, 680)
        self.workbench = workbench
        self.path = path
        self.events = events
        self.context = context
        self.preview: ImportPreview | None = None
        self.problems: tuple[str, ...] = ()
        self.task: BackgroundTask | None = None

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("importStates")
        self.reading = wrap(_("Reading {file}…").format(file=path.name), "importReading")
        self.reading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.reading)
        self.stack.addWidget(self._make_preview())
        self.stack.addWidget(self._make_problems())

        self.buttons = QDialogButtonBox(self)
        self.import_button: QPushButton = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.cancel_button: QPushButton = self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelImportButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.finished.connect(self.deleteLater)

    def _make_preview(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importPreview")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading(_("What this workbook changes")))
        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        facts.setVerticalSpacing(4)
        self.file_label = self._fact("importFile")
        self.review_label = self._fact("importReview")
        self.who_label = self._fact("importWho")
        self.made_label = self._fact("importMade")
        facts.addRow(_("File:"), self.file_label)
        facts.addRow(_("Review:"), self.review_label)
        facts.addRow(_("Filled in by:"), self.who_label)
        facts.addRow(_("Made on:"), self.made_label)
        layout.addLayout(facts)
        self.summary = wrap("", "importSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.model = ChangesModel(self)
        self.table = QTableView(page)
        self.table.setObjectName("importChanges")
        self.table.setAccessibleName(_("Changes the import makes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        wrapping_table(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((150, 230, 0, 0)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.unchanged = wrap(
            _(
                "Nothing changes: everything in this workbook is in the review already. It was imported before, "
                "or nothing was filled in."
            ),
            "importNothing",
        )
        layout.addWidget(self.unchanged, 1, Qt.AlignmentFlag.AlignTop)
        return page

    def _fact(self, name: str) -> QLabel:
        return wrap("", name)

    def _make_problems(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importProblems")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading(_("This workbook cannot be imported")))
        self.problems_intro = wrap("", "importProblemsIntro")
        layout.addWidget(self.problems_intro)
        self.problem_list = QListWidget(page)
        self.problem_list.setObjectName("importProblemList")
        self.problem_list.setAccessibleName(_("Problems in the workbook"))
        self.problem_list.setWordWrap(True)
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.setSpacing(2)
        self.problem_list.setStyleSheet("QListWidget::item { padding: 4px 6px; }")
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(
            wrap(
                _(
                    "Correct these cells in the workbook (or ask the sender to), save it and import it again. "
                    "A workbook that was changed outside its tinted cells is best replaced by a new one."
                ),
                "importProblemsAdvice",
            )
        )
        return page

    # -- reading --------------------------------------------------------------------------------------

    def load(self) -> BackgroundTask:
        """Read and check the workbook in the background; the preview or the problems follow."""
        from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

        self.stack.setCurrentIndex(0)
        self.import_button.setEnabled(False)
        workbench, path = self.workbench, self.path
        self.task = BackgroundTask(
            self,
            _("Reading {file}…").format(file=path.name),
            lambda report: _outcome(workbench, path, workbooks.preview_import),
        )
        self.task.done.connect(self._read)
        self.task.failed.connect(self._failed)
        self.task.start()
        return self.task

    def _read(self, outcome: Outcome) -> None:
        if outcome.preview is None:
            self._show_problems(outcome.problems)
            return
        self.preview = outcome.preview
        self._show_preview(outcome.preview, outcome.review)

    def _show_preview(self, preview: ImportPreview, review: Review | None) -> None:
        meta = preview.meta
        self.file_label.setText(str(preview.path))
        revision = _(" (revision {number})").format(number=meta.revision) if meta.revision > 1 else ""
        self.review_label.setText(preview.review_title + revision)
        if meta.kind == "member":
            who = _("{name}, panel member").format(name=preview.who)
        else:
            who = _("{partnership}, in the fact check of the draft report").format(partnership=preview.who)
        self.who_label.setText(who)
        moment = meta.created_at.astimezone() if meta.created_at.tzinfo else meta.created_at
        day = locale().toString(to_qdate(moment.date()), "d MMMM yyyy")
        self.made_label.setText(f"{day} {moment:%H:%M}")
        count = len(preview.changes)
        self.model.set_changes(review, preview.changes)
        self.summary.setText(
            ngettext("Importing makes {count} change:", "Importing makes {count} changes:", count).format(count=count)
        )
        self.summary.setVisible(bool(count))
        self.table.setVisible(bool(count))
        self.unchanged.setVisible(not count)
        self.import_button.setEnabled(bool(count))
        self.import_button.setDefault(bool(count))
        self.cancel_button.setText(_("Cancel") if count else _("Close"))
        self.stack.setCurrentIndex(1)
        self.table.resizeRowsToContents()

    def _failed(self, exc: object) -> None:
        # User errors arrive as outcomes; this is a cancel or a defect, which must not leave "Reading…" standing.
        self._show_problems((str(exc) or type(exc).__name__,))

    def _show_problems(self, problems: tuple[str, ...]) -> None:
        self.preview = None
        self.problems = problems
        self.problems_intro.setText(
            ngettext(
                "{file} cannot be imported because of {count} problem. Nothing was changed.",
                "{file} cannot be imported because of {count} problems. Nothing was changed.",
                len(problems),
            ).format(file=self.path.name, count=len(problems))
        )
        self.problem_list.clear()
        self.problem_list.addItems(list(problems))
        self.import_button.setEnabled(False)
        self.import_button.setVisible(False)
        self.cancel_button.setText(_("Close"))
        self.cancel_button.setDefault(True)
        self.stack.setCurrentIndex(2)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- importing ------------------------------------------------------------------------------------

    def apply(self) -> BackgroundTask | None:
        """Import the workbook (all of it or nothing) in the background; the dialog closes when it is done."""
        from peerreview_app.services import workbooks  # noqa: PLC0415 - see the module docstring

        if self.preview is None or not self.preview.changes:
            return None
        self.import_button.setEnabled(False)
        workbench, path = self.workbench, self.path
        self.task = BackgroundTask(
            self,
            _("Importing {file}…").format(file=path.name),
            lambda report: _outcome(workbench, path, workbooks.import_workbook),
        )
        self.task.done.connect(self._applied)
        self.task.failed.connect(self._failed)
        self.task.start()
        return self.task

    def _applied(self, outcome: Outcome) -> None:
        if outcome.preview is None:
            self._show_problems(outcome.problems)
            return
        if self.events is not None:
            announce_import(outcome.preview, self.events, self.context)
        self.imported.emit(outcome.preview)
        self.accept()
