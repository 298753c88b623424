"""The review table view: set up once for speed (fixed row heights, column widths from the font, not the data)."""

from __future__ import annotations

from collections.abc import Sequence

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewSummary
from peerreview_app.domain.phases import Phase
from peerreview_app.i18n import _, language
from peerreview_app.services.labels import phase_label
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QDate,
    QFontMetrics,
    QHeaderView,
    QItemSelectionModel,
    QLocale,
    QResizeEvent,
    QSortFilterProxyModel,
    QStyle,
    Qt,
    QTableView,
    QWidget,
)
from peerreview_app.ui.reviewlist.model import Column, column_titles, kind_text, phase_text

CELL_PADDING = 28
"""Room beside a column's widest text: the cell margins and the header's sort arrow."""
MIN_PARTNERSHIP_WIDTH = 160


class ReviewTable(QTableView):
    """The table of reviews (objectName "reviewTable"), newest visit first.

    Qt's resize-to-contents would ask the model for thousands of cells on every change; instead `fit_columns`
    measures the few distinct texts a column shows, and the title takes the remaining width.
    """

    def __init__(self, model: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTable")
        self.setAccessibleName(_("Peer reviews"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        # Uniform row heights: Qt then never measures rows, which keeps 10,000 of them fast.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setMinimumSectionSize(48)
        header.setSortIndicator(Column.VISIT_DATE, Qt.SortOrder.DescendingOrder)
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self._widths: dict[Column, int] = {}
        self._sizing = False
        self._user_sized = False  # once the user drags a column edge, their widths stay
        header.sectionResized.connect(self._section_resized)
        self.setSortingEnabled(True)
        self.fit_columns(())

    def fit_columns(self, summaries: Sequence[ReviewSummary]) -> None:
        """Give the fixed columns the width of the widest text they show, unless the user resized a column.

        Only distinct values are measured (a few dozen at most), so this stays cheap for 10,000 reviews.
        """
        if self._user_sized:
            return
        titles = column_titles()
        locale = QLocale(language().value)
        texts = {
            Column.PARTNERSHIP: {s.partnership for s in summaries},
            Column.KIND: {kind_text(kind) for kind in ReviewKind},
            Column.PHASE: {phase_text(s.phase, s.revision) for s in summaries} or {phase_label(Phase.PREPARATION)},
            Column.VISIT_DATE: {locale.toString(QDate(2026, month, 28), "d MMM yyyy") for month in range(1, 13)},
            Column.COMPLETENESS: {"100 %"},
        }
        metrics = self.fontMetrics()
        bold = self.horizontalHeader().font()
        bold.setBold(True)  # some styles draw the sorted section in bold
        header_metrics = QFontMetrics(bold)
        self._widths = {
            column: max(
                [header_metrics.horizontalAdvance(titles[column])] + [metrics.horizontalAdvance(t) for t in shown]
            )
            + CELL_PADDING
            for column, shown in texts.items()
        }
        if any(s.phase.locked for s in summaries):  # room for the lock of adopted reviews
            self._widths[Column.PHASE] += self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        self._apply_widths()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_sized:
            self._apply_widths()

    def _apply_widths(self) -> None:
        # The title takes what is left; the partnership its widest name, but never more than a third.
        header = self.horizontalHeader()
        self._sizing = True
        third = max(MIN_PARTNERSHIP_WIDTH, self.viewport().width() // 3)
        for column, width in self._widths.items():
            header.resizeSection(column, min(width, third) if column == Column.PARTNERSHIP else width)
        self._sizing = False

    def _section_resized(self, column: int, old: int, new: int) -> None:
        if not self._sizing and column != Column.TITLE:
            self._user_sized = True

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
