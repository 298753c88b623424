"""A compact, read-only table that is exactly as tall as its rows, for tables inside scrolling pages."""

from __future__ import annotations

from peerreview_app.ui.qt import (
    QAbstractItemView,
    QAbstractScrollArea,
    QBrush,
    QColor,
    QFont,
    QHeaderView,
    QKeyEvent,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QWidget,
    Signal,
)

ATTENTION = QColor(255, 236, 200)
"""The background of a row that needs attention (a differing judgement); light enough for black text."""


class FitTable(QTableWidget):
    """A read-only table without inner scrolling; its height follows its (word-wrapped) rows.

    Signals:
        row_activated(int): a row was clicked, or Enter was pressed on it (only when `clickable`).
    """

    row_activated = Signal(int)

    def __init__(self, columns: list[str], *, clickable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self._clickable = clickable
        self.setHorizontalHeaderLabels(columns)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next widget, arrows move between rows
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setStyleSheet("QTableWidget::item { padding: 3px 6px; }")  # text needs air from the grid lines
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Rows re-wrap when a column changes width; one fit after all sections settled is enough.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.horizontalHeader().sectionResized.connect(lambda *_args: self._refit.start())
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.cellClicked.connect(lambda row, _column: self.row_activated.emit(row))

    def stretch(self, *columns: int) -> None:
        """Let `columns` share the free width; the others fit their contents."""
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column in columns else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def set_rows(self, rows: list[list[str]]) -> None:
        """Replace the contents with `rows` of texts."""
        self.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, item)
        self.fit()

    def mark_row(self, row: int, *, attention: bool = False, bold: bool = False) -> None:
        for column in range(self.columnCount()):
            item = self.item(row, column)
            if item is None:
                continue
            if attention:
                item.setBackground(QBrush(ATTENTION))
                item.setForeground(QBrush(QColor(Qt.GlobalColor.black)))
            if bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)

    def fit(self) -> None:
        """Resize the rows to their wrapped text and the table to its rows."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.row_activated.emit(self.currentRow())
            return
        super().keyPressEvent(event)
