"""The main window: the review list, one open review's workspace, menus, completeness dock and status bar.

Kept thin: pages and dialogs do the work; this wires them together and remembers window state.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from peerreview_app.i18n import _
from peerreview_app.services import interchange, reviews
from peerreview_app.services.errors import NotFound
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui import excel_actions, workbook_import
from peerreview_app.ui.completeness import CompletenessPanel
from peerreview_app.ui.dialogs import SettingsDialog, show_about
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import (
    QAction,
    QCloseEvent,
    QDockWidget,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    Qt,
    QTimer,
    QUndoStack,
    QWidget,
)
from peerreview_app.ui.reviewlist.page import ReviewListPage
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.translations import apply_language
from peerreview_app.ui.wizard import NewReviewWizard
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.view import Location, WorkspaceView


class MainWindow(QMainWindow):
    """The application window (objectName "mainWindow")."""

    def __init__(self, workbench: Workbench, settings: Settings, events: AppEvents | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.workbench = workbench
        self.settings = settings
        self.events = events or AppEvents(self)
        self.workspace: WorkspaceView | None = None
        self._empty_undo = QUndoStack(self)
        self.import_dialog: workbook_import.ImportPreviewDialog | None = None
        self.setAcceptDrops(True)  # a filled-in workbook dropped anywhere opens its import preview
        self._build()
        geometry = settings.window_state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = settings.window_state("state")
        if state is not None:
            self.restoreState(state)

    # -- building (again after a language switch) ------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(_("Peer Review Workbench"))
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("mainPages")
        self.review_list = ReviewListPage(self.workbench, self.events, self.pages)
        self.pages.addWidget(self.review_list)
        self.setCentralWidget(self.pages)
        self.review_list.open_requested.connect(self.open_review)
        self.review_list.new_requested.connect(self.new_review)

        self.completeness = CompletenessPanel(self)
        self.completeness_dock = QDockWidget(_("Still needed"), self)
        self.completeness_dock.setObjectName("completenessDock")
        self.completeness_dock.setWidget(self.completeness)
        self.completeness_dock.setVisible(False)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.completeness_dock)
        self.completeness.item_activated.connect(self._focus_item)

        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.events.status.connect(self.saved_label.setText)
        self._build_menus()
        self._update_actions()

    def _action(self, text: str, name: str, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.review_list.new_action)
        file_menu.addAction(self.review_list.import_action)
        self.export_action = self._action(_("Export as &JSON…"), "exportJsonAction", "Ctrl+E")
        self.export_action.triggered.connect(self.export_json)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self._build_excel_actions(file_menu)
        file_menu.addSeparator()
        self.verify_action = self._action(_("Check &signatures…"), "verifySignaturesAction")
        self.verify_action.triggered.connect(self.check_signatures)
        file_menu.addAction(self.verify_action)
        file_menu.addSeparator()
        self.list_action = self._action(_("&Review list"), "reviewListAction", "Ctrl+L")
        self.list_action.triggered.connect(self.show_list)
        file_menu.addAction(self.list_action)
        file_menu.addSeparator()
        quit_action = self._action(_("&Quit"), "quitAction", QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(_("&Edit"))
        self.undo_action = self._action(_("&Undo"), "undoAction", "Ctrl+Z")
        self.redo_action = self._action(_("&Redo"), "redoAction", "Ctrl+Shift+Z")
        self.undo_action.triggered.connect(lambda: self._undo_stack().undo())
        self.redo_action.triggered.connect(lambda: self._undo_stack().redo())
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        settings_action = self._action(_("&Settings…"), "settingsAction", "Ctrl+,")
        settings_action.triggered.connect(self.edit_settings)
        edit_menu.addAction(settings_action)

        review_menu = bar.addMenu(_("Re&view"))
        self.next_action = self._action(_("&Next criterion"), "nextCriterionAction", "Ctrl+PgDown")
        self.previous_action = self._action(_("&Previous criterion"), "previousCriterionAction", "Ctrl+PgUp")
        self.next_action.triggered.connect(lambda: self._step(1))
        self.previous_action.triggered.connect(lambda: self._step(-1))
        self.completeness_action = self.completeness_dock.toggleViewAction()
        self.completeness_action.setText(_("&What is still needed"))
        self.completeness_action.setObjectName("completenessAction")
        self.completeness_action.setShortcut(QKeySequence("F9"))
        for action in (self.next_action, self.previous_action, self.completeness_action):
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(self.review_list.duplicate_action)
        review_menu.addAction(self.review_list.delete_action)

        help_menu = bar.addMenu(_("&Help"))
        about = self._action(_("&About"), "aboutAction")
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    def _build_excel_actions(self, menu: QMenu) -> None:
        self.excel_review_action = self._action(_("Export to E&xcel…"), "exportExcelAction")
        self.excel_review_action.triggered.connect(self.export_excel)
        self.excel_overview_action = self._action(_("&Overview to Excel…"), "overviewExcelAction")
        self.excel_overview_action.triggered.connect(self.export_overview)
        self.member_workbook_action = self._action(_("Workbook for a &panel member…"), "memberWorkbookAction")
        self.member_workbook_action.triggered.connect(self.export_member_workbook)
        self.factcheck_workbook_action = self._action(_("&Fact-check workbook…"), "factcheckWorkbookAction")
        self.factcheck_workbook_action.triggered.connect(self.export_factcheck_workbook)
        self.import_workbook_action = self._action(_("Import &workbook…"), "importWorkbookAction")
        self.import_workbook_action.triggered.connect(self.import_workbook)
        for action in (
            self.excel_review_action,
            self.excel_overview_action,
            self.member_workbook_action,
            self.factcheck_workbook_action,
            self.import_workbook_action,
        ):
            menu.addAction(action)

    def _step(self, step: int) -> None:
        if self.workspace is not None:
            self.workspace.step_criterion(step)

    def _undo_stack(self) -> QUndoStack:
        return self.workspace.context.undo if self.workspace is not None else self._empty_undo

    def _update_actions(self) -> None:
        stack = self._undo_stack()
        open_review = self.workspace is not None
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(
            _("&Undo {what}").format(what=stack.undoText()).strip() if stack.canUndo() else _("&Undo")
        )
        self.redo_action.setText(
            _("&Redo {what}").format(what=stack.redoText()).strip() if stack.canRedo() else _("&Redo")
        )
        for action in (self.export_action, self.next_action, self.previous_action, self.completeness_action):
            action.setEnabled(open_review)
        for action in (self.excel_review_action, self.member_workbook_action, self.factcheck_workbook_action):
            action.setEnabled(open_review)

    # -- reviews ----------------------------------------------------------------------------------------

    def open_review(self, review_id: UUID, location: Location | None = None) -> bool:
        """Open a review in the workspace (closing the one that was open)."""
        if not self._close_workspace():
            return False
        context = WorkspaceContext(self.workbench, self.events, self.settings, review_id, self)
        try:
            review = context.review()
        except NotFound:
            QMessageBox.warning(self, _("Peer Review Workbench"), _("This review no longer exists."))
            return False
        self.workspace = WorkspaceView(context, self.pages)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.open_review.connect(self.open_review)
        self.workspace.show_completeness.connect(lambda: self.completeness_dock.setVisible(True))
        context.changed.connect(self.completeness.show_review)
        context.undo.indexChanged.connect(self._update_actions)
        self.completeness.show_review(review)
        if location is not None:
            self.workspace.go_to(location)
        self.settings.last_review = review_id
        app_name = _("Peer Review Workbench")
        self.setWindowTitle(f"{review.title} — {app_name}")
        self._update_actions()
        return True

    def show_list(self) -> bool:
        """Back to the review list; answers False when the user kept the review open (unsaved text)."""
        if not self._close_workspace():
            return False
        self.review_list.reload()
        self.pages.setCurrentWidget(self.review_list)
        self.setWindowTitle(_("Peer Review Workbench"))
        self.settings.last_review = None
        return True

    def _close_workspace(self) -> bool:
        if self.workspace is None:
            return True
        if not self.workspace.commit():
            answer = QMessageBox.question(
                self,
                _("Not saved"),
                _("Some text could not be saved. Close the review anyway?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.pages.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.workspace = None
        self.completeness_dock.setVisible(False)
        self._update_actions()
        return True

    def _focus_item(self, item: object) -> None:
        if self.workspace is not None:
            self.workspace.focus_item(item)  # type: ignore[arg-type]

    def new_review(self) -> None:
        wizard = NewReviewWizard(self.workbench, self.settings, self)
        if wizard.exec() and wizard.created_review_id is not None:
            self.events.reviews_changed.emit()
            self.open_review(wizard.created_review_id)

    def export_json(self) -> None:
        if self.workspace is None:
            return
        review = self.workspace.context.review()
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export as JSON"), str(Path.home() / f"{review.title}.json"), _("Review files (*.json)")
        )
        if name:
            self.export_json_to(Path(name))

    def export_json_to(self, target: Path) -> BackgroundTask:
        assert self.workspace is not None
        review_id = self.workspace.context.review_id
        task = BackgroundTask(
            self, _("Exporting…"), lambda report: interchange.write_review_json(self.workbench, review_id, target)
        )
        task.done.connect(lambda size: self.events.status.emit(_("Exported to {path}").format(path=target)))
        task.start()
        return task

    # -- Excel ------------------------------------------------------------------------------------------

    def export_excel(self) -> None:
        if self.workspace is not None:
            context = self.workspace.context
            excel_actions.export_review_workbook(self, self.workbench, self.events, context.review())

    def export_overview(self) -> None:
        """All reviews, or those the review list's search and filters show."""
        excel_actions.export_overview(self, self.workbench, self.events, self.review_list.proxy.review_filter)

    def export_member_workbook(self) -> None:
        if self.workspace is not None:
            context = self.workspace.context
            excel_actions.export_member_workbook(self, self.workbench, self.events, context.review())

    def export_factcheck_workbook(self) -> None:
        if self.workspace is not None:
            context = self.workspace.context
            excel_actions.export_factcheck_workbook(self, self.workbench, self.events, context.review())

    def import_workbook(self) -> None:
        context = self.workspace.context if self.workspace is not None else None
        self.import_dialog = workbook_import.choose_and_preview(self, self.workbench, self.events, context)

    def preview_workbook(self, path: Path) -> workbook_import.ImportPreviewDialog:
        """Open the import preview of a filled-in workbook (also what a drop on the window does)."""
        context = self.workspace.context if self.workspace is not None else None
        self.import_dialog = workbook_import.open_preview(self, self.workbench, self.events, context, path)
        return self.import_dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if workbook_import.dropped_workbook(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = workbook_import.dropped_workbook(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Not inside the drop: the file manager would wait until the dialog is handled.
        QTimer.singleShot(0, lambda: self.preview_workbook(path))

    def check_signatures(self) -> None:
        """Ask for any PDF and show the check of its signatures."""
        from peerreview_app.ui.verify_dialog import open_verify_dialog  # noqa: PLC0415 - pyHanko loads when needed

        open_verify_dialog(self.workbench, self)

    def edit_settings(self) -> None:
        before = self.settings.language
        if SettingsDialog(self.settings, self, workbench=self.workbench).exec() and self.settings.language != before:
            self.switch_language(self.settings.language)
        elif self.workspace is not None:
            self.workspace.context.reload()

    def switch_language(self, language: str) -> None:
        """Rebuild the interface in `language`, keeping the open review and place."""
        location = self.workspace.location if self.workspace is not None else None
        review_id = self.workspace.context.review_id if self.workspace is not None else None
        if not self._close_workspace():
            return
        apply_language(language)
        self.removeDockWidget(self.completeness_dock)
        old: list[QWidget] = [self.pages, self.completeness_dock, self.saved_label]
        self._build()
        for widget in old:
            widget.deleteLater()
        if review_id is not None:
            self.open_review(review_id, location)

    def restore_last_review(self) -> None:
        last = self.settings.last_review
        if last is not None and any(s.id == last for s in reviews.list_reviews(self.workbench)):
            self.open_review(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        last = self.workspace.context.review_id if self.workspace is not None else None
        if not self._close_workspace():
            event.ignore()
            return
        self.settings.last_review = last
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("state", self.saveState())
        self.settings.sync()
        event.accept()
