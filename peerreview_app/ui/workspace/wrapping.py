"""Tables whose rows wrap their text: padded cells, and row heights that follow the column widths."""

from __future__ import annotations

from peerreview_app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QTimer,
)

PAD_X, PAD_Y = 6, 4


class PaddedDelegate(QStyledItemDelegate):
    """Air between the text and the grid lines, measured in the size hint too, so wrapped text is not cut.

    (A style sheet ``padding`` would be painted but not measured: the last wrapped line gets elided.)
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -2 * PAD_X, 0)
        size = super().sizeHint(narrowed, index)
        return QSize(size.width() + 2 * PAD_X, size.height() + 2 * PAD_Y)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = full.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The whole cell gets the (selection) background; the text is drawn inside the padding.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        # Rows are selected whole; a focus frame around one cell of the row only looks like a stray button.
        inner.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, inner, index)


def wrapping_table(table: QTableView) -> None:
    """Set up `table` for word-wrapped rows: air around the text, left-aligned headers, rows refitted.

    Row heights are refitted once after the columns settle (a resize makes every stretching column emit
    `sectionResized`; fitting inside that signal would measure half-updated widths).
    """
    table.setWordWrap(True)
    table.setItemDelegate(PaddedDelegate(table))
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move between rows
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    refit = QTimer(table)
    refit.setSingleShot(True)
    refit.setInterval(0)
    refit.timeout.connect(table.resizeRowsToContents)
    header.sectionResized.connect(lambda *_args: refit.start())
    header.geometriesChanged.connect(refit.start)
    model = table.model()
    if model is not None:
        model.modelReset.connect(refit.start)
        model.rowsInserted.connect(lambda *_args: refit.start())
