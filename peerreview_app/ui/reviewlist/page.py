"""The review list page: every review in a sortable, searchable table, and the actions on whole reviews."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from uuid import UUID

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter, ReviewSummary
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.i18n import _, ngettext
from peerreview_app.services import reviews, workflow
from peerreview_app.services.interchange import ImportResult
from peerreview_app.services.labels import phase_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.operations import BackgroundTask, attempt
from peerreview_app.ui.qt import (
    QAction,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHideEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPoint,
    QPushButton,
    QShortcut,
    QShowEvent,
    QStackedWidget,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from peerreview_app.ui.reviewlist.importing import ReviewImporter
from peerreview_app.ui.reviewlist.model import ReviewFilterProxy, ReviewListModel, kind_text
from peerreview_app.ui.reviewlist.table import ReviewTable
from peerreview_app.ui.workspace.page import heading, vbox

E = TypeVar("E", ReviewKind, Phase, Sector)

REFRESH_DELAY_MS = 400
"""Edits in an open review change its completeness; the list catches up this long after the last one."""


class ReviewListPage(QWidget):
    """The first screen: all reviews with search and filters (objectName "reviewListPage").

    Signals:
        open_requested(object): open the review with this UUID (Openen, double-click, Enter, after duplicating).
        new_requested(): the user asked for a new review; the main window runs the wizard.
    """

    open_requested = Signal(object)
    new_requested = Signal()

    def __init__(self, workbench: Workbench, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewListPage")
        self._workbench = workbench
        self._events = events
        self._stale = False
        self.model = ReviewListModel(parent=self)
        self.proxy = ReviewFilterProxy(self.model, self)
        self.importer = ReviewImporter(workbench, self)
        self.importer.imported.connect(self._imported)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self._refresh_if_stale)
        self._build_actions()
        layout = vbox(self, margins=16, spacing=12)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())
        self.setTabOrder(self.search, self.kind_filter)
        self.setTabOrder(self.sector_filter, self.table)
        events.reviews_changed.connect(self.reload)
        events.review_changed.connect(self._review_changed)
        self.reload()

    # -- building ---------------------------------------------------------------------------------------

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(_("&New review…"), "newReviewAction", self.request_new)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.open_action = self._action(_("&Open"), "openReviewAction", self.open_selected)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.duplicate_action = self._action(
            _("D&uplicate as revision"), "duplicateRevisionAction", self.duplicate_selected
        )
        self.duplicate_action.setToolTip(_("Start a new revision of the adopted review; the adopted one stays"))
        self.import_action = self._action(_("&Import JSON…"), "importJsonAction", self.import_json)
        self.delete_action = self._action(_("&Delete…"), "deleteReviewAction", self.delete_selected)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Open and delete act on the table's selection, so their keys only count while the table has focus.
        for action in (self.open_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addActions([self.new_action, self.import_action])
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

    def _build_header(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(heading(_("Peer reviews")), 1)
        self.search = QLineEdit(self)
        self.search.setObjectName("reviewSearch")
        self.search.setAccessibleName(_("Search reviews"))
        self.search.setPlaceholderText(_("Search by partnership or title"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.search.textChanged.connect(self._filters_changed)
        self.search.returnPressed.connect(self._focus_first_row)
        top.addWidget(self.search)
        return top

    def _build_filters(self) -> QWidget:
        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName("reviewFilterBar")
        row = QHBoxLayout(self.filter_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.kind_filter = self._combo(row, _("&Kind"), "kindFilter", [(kind_text(k), k) for k in ReviewKind])
        self.phase_filter = self._combo(row, _("&Phase"), "phaseFilter", [(phase_label(p), p) for p in Phase])
        self.year_filter = self._combo(row, _("&Year"), "yearFilter", [])
        self.sector_filter = self._combo(row, _("Se&ctor"), "sectorFilter", [(s.value, s) for s in Sector])
        row.addStretch(1)
        self.count_label = QLabel(self.filter_bar)
        self.count_label.setObjectName("reviewCount")
        row.addWidget(self.count_label)
        return self.filter_bar

    def _combo(self, row: QHBoxLayout, label: str, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self.filter_bar)
        combo.setObjectName(name)
        combo.setAccessibleName(label.replace("&", ""))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(_("all"), None)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._filters_changed)
        caption = QLabel(label, self.filter_bar)
        caption.setBuddy(combo)
        row.addWidget(caption)
        row.addWidget(combo)
        row.addSpacing(8)
        return combo

    def _build_table(self) -> QStackedWidget:
        self.table = ReviewTable(self.proxy, self)
        self.table.activated.connect(lambda index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.addActions([self.open_action, self.delete_action])
        self.empty_label = QLabel(_("No peer reviews yet. Start with ‘New review…’ or import a JSON file."), self)
        self.empty_label.setObjectName("emptyListLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(48, 48, 48, 48)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("reviewListStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        return self.stack

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(_button(self.new_action, "newReviewButton"))
        row.addWidget(_button(self.import_action, "importJsonButton"))
        row.addStretch(1)
        self._selection_buttons = [
            _button(self.duplicate_action, "duplicateRevisionButton"),
            _button(self.delete_action, "deleteReviewButton"),
            _button(self.open_action, "openReviewButton"),
        ]
        for button in self._selection_buttons:
            row.addWidget(button)
        return row

    # -- reading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again from the services, keeping the selected review selected."""
        selected = self.selected_id()
        ok, summaries = attempt(self, lambda: reviews.list_reviews(self._workbench))
        if not ok or summaries is None:
            return
        self._stale = False
        self.model.reload(summaries)
        self.table.fit_columns(summaries)
        self._fill_years(summaries)
        # With nothing to search, the search and filters would only distract from the two ways to begin.
        self.stack.setCurrentWidget(self.table if summaries else self.empty_label)
        for widget in (self.search, self.filter_bar, *self._selection_buttons):
            widget.setVisible(bool(summaries))
        if selected is not None:
            self.select(selected)
        self._update_count()
        self._update_actions()

    def _fill_years(self, summaries: list[ReviewSummary]) -> None:
        chosen = self.year_filter.currentData()
        years = sorted({s.first_visit_date.year for s in summaries if s.first_visit_date}, reverse=True)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(_("all"), None)
        for year in years:
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(chosen)) if chosen in years else 0)
        self.year_filter.blockSignals(False)
        self.proxy.set_year(self.year_filter.currentData())

    def _review_changed(self, review_id: object) -> None:
        # Completeness changes with every edit; reading 10,000 summaries each time would be wasteful.
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._update_actions()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._update_actions()

    # -- selection and filters --------------------------------------------------------------------------

    def selected_summary(self) -> ReviewSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(self.proxy.mapToSource(rows[0]).row())

    def selected_id(self) -> UUID | None:
        summary = self.selected_summary()
        return summary.id if summary is not None else None

    def select(self, review_id: UUID) -> bool:
        """Select a review's row and scroll to it; False when it is not shown (filtered out or unknown)."""
        row = self.proxy.row_of(review_id)
        if row < 0:
            return False
        self.table.select_row(row)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_first_row(self) -> None:
        if self.proxy.rowCount() and not self.selected_summary():
            self.table.select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _filters_changed(self) -> None:
        where = ReviewFilter(
            text=self.search.text(),
            kind=_chosen(self.kind_filter, ReviewKind),
            phase=_chosen(self.phase_filter, Phase),
            year=self.year_filter.currentData(),
            sector=_chosen(self.sector_filter, Sector),
        )
        self.proxy.set_filter(where)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = ngettext("{total} review", "{total} reviews", total)
        else:
            text = ngettext("{shown} of {total} review", "{shown} of {total} reviews", total)
        self.count_label.setText(text.format(shown=shown, total=total))

    def _update_actions(self) -> None:
        # Hidden behind an open review, the list's selection must not be the target of menu actions.
        summary = self.selected_summary() if self.isVisible() else None
        self.open_action.setEnabled(summary is not None)
        self.duplicate_action.setEnabled(summary is not None and summary.phase.locked)
        self.delete_action.setEnabled(summary is not None and not summary.phase.locked)

    def context_menu(self) -> QMenu:
        """The table's context menu (built on request, so it shows the current state of the actions)."""
        menu = QMenu(self)
        menu.setObjectName("reviewListMenu")
        menu.addActions([self.open_action, self.duplicate_action, self.delete_action])
        menu.addSeparator()
        menu.addActions([self.new_action, self.import_action])
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.select_row(index.row())
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- actions ----------------------------------------------------------------------------------------

    def request_new(self) -> None:
        self.new_requested.emit()

    def open_selected(self) -> None:
        review_id = self.selected_id()
        if review_id is not None:
            self.open_requested.emit(review_id)

    def duplicate_selected(self) -> None:
        """Start a new revision of the selected adopted review and open it."""
        summary = self.selected_summary()
        if summary is None or not summary.phase.locked:
            return
        ok, revision = attempt(self, lambda: workflow.start_revision(self._workbench, summary.id))
        if not ok or revision is None:
            return
        self._events.reviews_changed.emit()
        self.select(revision.id)
        self._events.status.emit(
            _("Started revision {revision} of {title}").format(revision=revision.revision, title=summary.title)
        )
        self.open_requested.emit(revision.id)

    def delete_selected(self) -> None:
        """Delete the selected review after confirmation; adopted reviews are never deleted."""
        summary = self.selected_summary()
        if summary is None or summary.phase.locked:
            return
        answer = QMessageBox.question(
            self,
            _("Delete review"),
            _("Delete “{title}” ({partnership})? This cannot be undone.").format(
                title=summary.title, partnership=summary.partnership
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _result = attempt(self, lambda: reviews.delete_review(self._workbench, summary.id))
        if ok:
            self._events.reviews_changed.emit()
            self._events.status.emit(_("Deleted {title}").format(title=summary.title))

    def import_json(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import review"), str(Path.home()), _("Review files (*.json)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, source: Path) -> BackgroundTask:
        """Import a review file in the background (the action asks for the file first); tests call this."""
        return self.importer.start(source)

    def _imported(self, result: ImportResult) -> None:
        self._events.reviews_changed.emit()
        self.select(result.review_id)
        message = _("Replaced {title} ({id})") if result.replaced else _("Imported {title} ({id})")
        self._events.status.emit(message.format(title=result.title, id=result.review_id))


def _chosen(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member a filter combo stands on, or None for "all"."""
    data = combo.currentData()
    return enum(data) if data else None  # Qt hands StrEnum item data back as plain strings


def _button(action: QAction, name: str) -> QPushButton:
    """A push button that mirrors an action (text, tooltip and enabled state) and triggers it."""
    button = QPushButton(action.text())
    button.setObjectName(name)
    button.setAccessibleName(action.text().replace("&", ""))

    def follow() -> None:
        button.setText(action.text())
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    follow()
    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    return button
