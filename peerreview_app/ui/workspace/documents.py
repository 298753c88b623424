"""Documenten: the files attached to a review (the kritische reflectie, the bezoekprogramma, other evidence)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.review import Review
from peerreview_app.fileio import safe_file_name
from peerreview_app.i18n import _, ngettext
from peerreview_app.services import documents
from peerreview_app.services.documents import document_kind_label, suggested_kind
from peerreview_app.ui.operations import USER_ERRORS, BackgroundTask, Cancelled, attempt
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QKeySequence,
    QMessageBox,
    QModelIndex,
    QPersistentModelIndex,
    QShortcut,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.document_files import (
    Opener,
    added_text,
    dropped_files,
    open_with_system,
    size_text,
    viewer_copy,
)
from peerreview_app.ui.workspace.page import Page, heading, push_button, vbox, wrap

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HASH_SHOWN = 12
CELL_PADDING = 10

KindChooser = Callable[[list[Path]], DocumentKind | None]


class _PaddedWrap(QStyledItemDelegate):
    """Wraps text within the padded width: the style sheet's cell padding is not subtracted when rows are sized."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -2 * CELL_PADDING, 0)
        return super().sizeHint(narrower, index)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class DocumentsPage(Page):
    """The review's documents in a table: add (button or drop), open in the system viewer, save a copy, remove.

    No signals of its own: changes go through `context.save`, which announces them. `opener(path)` shows a file
    (the system viewer unless injected) and `choose_kind(paths)` asks the kind of new documents; tests replace
    both. An adopted review keeps Open and Save as but refuses additions and removals.
    """

    key = "documents"
    BACKGROUND_BYTES = 16 * 1024 * 1024
    """From this many bytes at once the files are read and stored off the interface thread, with progress."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None, *, opener: Opener | None = None):
        super().__init__(context, parent)
        self.setObjectName("documentsPage")
        self.setAcceptDrops(True)
        self.opener: Opener = opener or open_with_system
        self.choose_kind: KindChooser = self._ask_kind
        self.task: BackgroundTask | None = None
        self._documents: list[Document] = []
        self._locked = False

        layout = vbox(self, margins=16, spacing=10)
        layout.addWidget(heading(_("Documents")))
        layout.addWidget(
            wrap(
                _(
                    "The critical self-reflection, the visit programme and the other documents of this review. "
                    "They are kept in the review's database, so they travel with it; drop files on this page to "
                    "add them."
                ),
                "documentsIntro",
            )
        )
        self.locked_note = wrap(
            _("This review is adopted: its documents can be opened and saved, not added or removed."),
            "documentsLockedNote",
        )
        # The same quiet banner as the other pages of an adopted review.
        self.locked_note.setStyleSheet(
            "QLabel#documentsLockedNote { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        layout.addWidget(self.locked_note)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.add_button = push_button(self, _("&Add document…"), "addDocumentButton", self.add_documents)
        self.open_button = push_button(self, _("&Open"), "openDocumentButton", self.open_selected)
        self.save_button = push_button(self, _("&Save as…"), "saveDocumentButton", self.save_selected)
        self.remove_button = push_button(self, _("&Remove"), "removeDocumentButton", self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        for button in (self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.empty = wrap("", "documentsEmpty")
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)

        for first, second in (
            (self.add_button, self.table),
            (self.table, self.open_button),
            (self.open_button, self.save_button),
            (self.save_button, self.remove_button),
        ):
            QWidget.setTabOrder(first, second)
        context.changed.connect(self._fill)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 5, self)
        table.setObjectName("documentsTable")
        table.setAccessibleName(_("Documents of this review; Enter opens one"))
        table.setHorizontalHeaderLabels([_("Name"), _("Kind"), _("Size"), _("Added"), _("SHA-256")])
        size_header = table.horizontalHeaderItem(2)
        if size_header is not None:
            size_header.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItemDelegate(_PaddedWrap(table))
        table.verticalHeader().setVisible(False)
        # Long names wrap instead of losing their middle; rows follow the width of the name column.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a name without spaces keeps its extension visible
        # Room around the texts; ResizeToContents columns would otherwise end exactly at their last letter.
        table.setStyleSheet(
            f"QTableWidget::item {{ padding: 4px {CELL_PADDING}px; }}"
            " QHeaderView::section { padding: 4px 10px; border: none; border-right: 1px solid palette(mid);"
            " border-bottom: 1px solid palette(mid); background: palette(button); }"
        )
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(table.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 0 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        table.itemSelectionChanged.connect(self._update_actions)
        table.activated.connect(lambda _index: self.open_selected())
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        return table

    # -- showing ----------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._fill(review)

    def _fill(self, review: Review) -> None:
        selected = self.selected_document()
        self._documents = list(review.documents)
        self._locked = review.locked
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.table.setRowCount(len(self._documents))
        for row, document in enumerate(self._documents):
            cells = [
                document.name,
                capitalised(document_kind_label(document.kind)),
                size_text(document.size),
                added_text(document),
                document.sha256[:HASH_SHOWN],
            ]
            items = [QTableWidgetItem(text) for text in cells]
            name, size, digest = items[0], items[2], items[4]
            name.setData(ID_ROLE, str(document.id))
            name.setToolTip(f"{document.name}\n{document.media_type}")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            digest.setFont(mono)
            digest.setToolTip(_("SHA-256: {hash}").format(hash=document.sha256))
            for column, item in enumerate(items):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self._documents))
        self.empty.setVisible(not self._documents)
        self.empty.setText(
            _("This review has no documents.")
            if self._locked
            else _("No documents yet. Add the critical self-reflection with “Add document…”, or drop files here.")
        )
        self.locked_note.setVisible(self._locked)
        if selected is not None:
            self.select(selected.id)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_document() is not None
        self.add_button.setEnabled(not self._locked)
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self._locked)

    def selected_document(self) -> Document | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._documents):
            return None
        return self._documents[rows[0].row()]

    def select(self, document_id: UUID) -> None:
        for row, document in enumerate(self._documents):
            if document.id == document_id:
                self.table.selectRow(row)
                return

    # -- adding -----------------------------------------------------------------------------------------

    def add_documents(self) -> None:
        """Ask for files and their kind, then attach them."""
        names, _filter = QFileDialog.getOpenFileNames(self, _("Add documents"), str(Path.home()), _("All files (*)"))
        if names:
            self._add([Path(name) for name in names])

    def _add(self, paths: list[Path]) -> None:
        kind = self.choose_kind(paths)
        if kind is not None:
            self.attach_files(paths, kind)

    def _ask_kind(self, paths: list[Path]) -> DocumentKind | None:
        kinds = list(DocumentKind)
        labels = [capitalised(document_kind_label(k)) for k in kinds]
        question = ngettext("What is {name}?", "What are these {count} documents?", len(paths)).format(
            name=paths[0].name, count=len(paths)
        )
        default = kinds.index(suggested_kind(self.context.review()))
        text, ok = QInputDialog.getItem(self, _("Kind of document"), question, labels, default, False)
        return kinds[labels.index(text)] if ok and text in labels else None

    def attach_files(self, paths: list[Path], kind: DocumentKind) -> None:
        """Attach `paths` as documents of `kind`; many megabytes at once go through a background task."""
        if self._locked or not paths:
            return
        total = sum(_size(path) for path in paths)
        if total >= self.BACKGROUND_BYTES:
            self._attach_in_background(paths, kind, total)
            return
        workbench, review_id = self.context.workbench, self.context.review_id

        def attach(path: Path) -> Callable[[], Document]:
            return lambda: documents.attach_document(workbench, review_id, path, kind)

        last: Document | None = None
        for path in paths:
            ok, attached = self.context.save(attach(path))
            last = attached if ok else last
        if last is not None:
            self.select(last.id)

    def _attach_in_background(self, paths: list[Path], kind: DocumentKind, total: int) -> None:
        workbench, review_id = self.context.workbench, self.context.review_id

        def work(report: Callable[[int, int], None]) -> tuple[list[Document], list[tuple[Path, Exception]]]:
            attached: list[Document] = []
            failed: list[tuple[Path, Exception]] = []
            offset = 0
            for path in paths:

                def progress(done: int, _size_now: int, before: int = offset) -> None:
                    report((before + done) // 1024, max(total // 1024, 1))  # kilobytes: a progress bar is an int

                try:
                    attached.append(documents.attach_document(workbench, review_id, path, kind, progress=progress))
                except USER_ERRORS as exc:
                    failed.append((path, exc))
                offset += _size(path)
            return attached, failed

        self.task = BackgroundTask(self, _("Adding documents…"), work)
        self.task.done.connect(self._attached_in_background)
        self.task.failed.connect(self._background_failed)
        self.task.start()

    def _attached_in_background(self, result: Any) -> None:
        attached, failed = result
        if attached:
            self.context.save(lambda: attached)  # stored already: reload the review and announce the change
            self.select(attached[-1].id)
        if failed:
            box = QMessageBox(self)
            box.setObjectName("documentsNotAddedDialog")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(_("Documents"))
            box.setText(
                ngettext("{count} file was not added:", "{count} files were not added:", len(failed)).format(
                    count=len(failed)
                )
            )
            box.setInformativeText("\n".join(f"• {path.name}: {exc}" for path, exc in failed))
            box.exec()

    def _background_failed(self, exc: object) -> None:
        # Cancelled part-way: the files before the cancelled one are stored; show them.
        if isinstance(exc, Cancelled):
            self.context.reload()
            self.context.events.review_changed.emit(self.context.review_id)

    # -- drag and drop ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._locked and dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [] if self._locked else dropped_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Not inside the drop: a modal dialog here would keep the file manager waiting until it closes.
        QTimer.singleShot(0, lambda: self._add(paths))

    # -- open, save as, remove --------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Show the selected document in the system's viewer, from a read-only copy in a temporary folder."""
        document = self.selected_document()
        if document is None:
            return
        workbench, review_id = self.context.workbench, self.context.review_id
        ok, content = attempt(self, lambda: documents.document_content(workbench, review_id, document.id))
        if not ok or content is None:
            return
        ok, path = attempt(self, lambda: viewer_copy(document, content))
        if not ok or path is None:
            return
        if not self.opener(path):
            box = QMessageBox(self)
            box.setObjectName("documentNotOpenedDialog")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(_("Open document"))
            box.setText(_("No program could open {name}.").format(name=document.name))
            box.setInformativeText(_("Use “Save as…” to keep a copy and open it yourself."))
            box.exec()

    def save_selected(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save document as"), str(Path.home() / safe_file_name(document.name))
        )
        if name:
            self.save_document_as(document.id, Path(name))

    def save_document_as(self, document_id: UUID, target: Path) -> bool:
        """Write a copy of a document to `target`; errors are shown."""
        workbench, review_id = self.context.workbench, self.context.review_id
        ok, _written = attempt(self, lambda: documents.export_document(workbench, review_id, document_id, target))
        if ok:
            self.context.events.status.emit(_("Saved a copy as {path}").format(path=target))
        return ok

    def remove_selected(self) -> None:
        """Remove the selected document from the review, after confirmation."""
        document = self.selected_document()
        if document is None or self._locked:
            return
        answer = QMessageBox.question(
            self,
            _("Remove document"),
            _("Remove {name} from this review?").format(name=document.name)
            + "\n\n"
            + _("A copy on your computer is not affected."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workbench, review_id = self.context.workbench, self.context.review_id
        self.context.save(lambda: documents.remove_document(workbench, review_id, document.id))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0
