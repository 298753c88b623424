"""The review list's table model and its filter proxy.

Like Anki's browser table, the model holds the summaries the service returned and formats a row only when the
view first asks for it; after that a cell is a tuple lookup. Sorting happens here, in Python with key lists,
because Qt's proxy would call back into Python for every comparison: ten thousand rows must sort in a blink.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from uuid import UUID

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter, ReviewSummary
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import ORDER, Phase
from peerreview_app.i18n import _, language
from peerreview_app.services.labels import phase_label
from peerreview_app.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QDate,
    QGuiApplication,
    QIcon,
    QLocale,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QPixmap,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A value that sorts the column naturally: folded text, the date's day number, the percentage as a number."""

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_PHASE_RANK = {phase: ORDER.index(phase) for phase in Phase}


class Column(IntEnum):
    PARTNERSHIP = 0
    TITLE = 1
    KIND = 2
    PHASE = 3
    VISIT_DATE = 4
    COMPLETENESS = 5


# data() runs thousands of times per paint: plain ints compare faster than enum members looked up each time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP, _DECORATION, _FOREGROUND, int(SORT_ROLE)})
_PHASE = int(Column.PHASE)
_COMPLETENESS = int(Column.COMPLETENESS)


def column_titles() -> tuple[str, ...]:
    return (_("Partnership"), _("Title"), _("Kind"), _("Phase"), _("Visit date"), _("Completeness"))


def kind_text(kind: ReviewKind) -> str:
    """The short name of a review kind, as the list and its filter show it."""
    return _("developmental") if kind is ReviewKind.DEVELOPMENTAL else _("assessment")


def phase_text(phase: Phase, revision: int = 1) -> str:
    """A phase as the list shows it; a later revision says which one."""
    label = phase_label(phase)
    if revision > 1:
        return _("{phase}, revision {revision}").format(phase=label, revision=revision)
    return label


def fold(text: str) -> str:
    """`text` without case and accents, so "enschede" finds "Enschedé" and sorting ignores both."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def lock_icon(color: QColor, size: int = 16) -> QIcon:
    """A small padlock drawn in `color` (no icon theme or emoji font is needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color)
    pen.setWidthF(size / 9)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(size * 0.32, size * 0.14, size * 0.36, size * 0.5), size * 0.18, size * 0.18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(size * 0.2, size * 0.44, size * 0.6, size * 0.44), size * 0.08, size * 0.08)
    painter.end()
    return QIcon(pixmap)


class ReviewListModel(QAbstractTableModel):
    """The reviews as a table of six columns; rows are formatted when first shown and cached until `reload`."""

    def __init__(self, summaries: Sequence[ReviewSummary] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._summaries: list[ReviewSummary] = []
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._reset_caches(summaries)

    def _reset_caches(self, summaries: Sequence[ReviewSummary]) -> None:
        self._summaries = list(summaries)
        self._display: list[tuple[str, ...] | None] = [None] * len(self._summaries)
        self._folded: list[tuple[str, str] | None] = [None] * len(self._summaries)
        # The language is read again on every reload, so a language switch shows after one.
        self._titles = column_titles()
        self._locale = QLocale(language().value)
        self._kinds = {kind: kind_text(kind) for kind in ReviewKind}
        self._phases: dict[tuple[Phase, int], str] = {}
        self._dates: dict[int, str] = {}
        self._muted: QBrush | None = None
        self._lock: QIcon | None = None

    # -- reading ----------------------------------------------------------------------------------------

    def reload(self, summaries: Sequence[ReviewSummary]) -> None:
        """Show `summaries` instead, in the current sort order."""
        self.beginResetModel()
        self._reset_caches(summaries)
        if self._order is not None:
            self._rearrange(self._sorted(*self._order))
        self.endResetModel()

    def summary(self, row: int) -> ReviewSummary:
        return self._summaries[row]

    def review_id(self, row: int) -> UUID:
        return self._summaries[row].id

    def row_of(self, review_id: UUID) -> int:
        """The row of the review with this id, or -1."""
        return next((i for i, s in enumerate(self._summaries) if s.id == review_id), -1)

    def summaries(self) -> list[ReviewSummary]:
        return list(self._summaries)

    def folded(self, row: int) -> tuple[str, str]:
        """The partnership and title of a row without case and accents, for search and sorting."""
        cached = self._folded[row]
        if cached is None:
            s = self._summaries[row]
            cached = self._folded[row] = (fold(s.partnership), fold(s.title))
        return cached

    # -- the Qt model -----------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._summaries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section == Column.COMPLETENESS else _LEFT
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        # Called for every role of every visible cell on every paint: constant work only, never a service call,
        # and roles the list does not use leave at the first test.
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            display = self._display[row]
            if display is None:
                display = self._display[row] = self._format(self._summaries[row])
            return display[column]
        if role == _ALIGNMENT:
            return _RIGHT if column == _COMPLETENESS else _LEFT
        if role == _TOOLTIP:
            return self._tooltip(self._summaries[row], column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if column == _PHASE and self._summaries[row].phase.locked:
            # Adopted reviews are read-only: a small lock and a muted phase say so without shouting.
            return self._lock_icon() if role == _DECORATION else self._muted_brush()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort stably by `column` (ties keep the previous order); later reloads keep this order."""
        if not 0 <= column < len(Column):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_rows = [index.row() for index in before]
        permutation = self._sorted(column, order)
        self._rearrange(permutation)
        position = [0] * len(permutation)
        for new, old in enumerate(permutation):
            position[old] = new
        after = [self.index(position[row], index.column()) for row, index in zip(old_rows, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- sorting ----------------------------------------------------------------------------------------

    def _sort_key(self, row: int, column: int) -> str | int:
        s = self._summaries[row]
        if column == Column.PARTNERSHIP:
            return self.folded(row)[0]
        if column == Column.TITLE:
            return self.folded(row)[1]
        if column == Column.KIND:
            return self._kinds[s.kind]
        if column == Column.PHASE:
            return _PHASE_RANK[s.phase] * 10_000 + s.revision  # workflow order, not alphabetical
        if column == Column.VISIT_DATE:
            return s.first_visit_date.toordinal() if s.first_visit_date else 0
        return s.completeness_percent

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The old row numbers in their new order."""
        keys = [self._sort_key(row, column) for row in range(len(self._summaries))]
        # sorted() stays stable with reverse=True, so ties keep their order both ways.
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def _rearrange(self, permutation: list[int]) -> None:
        self._summaries = [self._summaries[i] for i in permutation]
        self._display = [self._display[i] for i in permutation]
        self._folded = [self._folded[i] for i in permutation]

    # -- formatting -------------------------------------------------------------------------------------

    def _format(self, s: ReviewSummary) -> tuple[str, ...]:
        phase = self._phases.get((s.phase, s.revision))
        if phase is None:
            phase = self._phases[s.phase, s.revision] = phase_text(s.phase, s.revision)
        return (
            s.partnership,
            s.title,
            self._kinds[s.kind],
            phase,
            self._date_text(s),
            f"{s.completeness_percent} %",
        )

    def _date_text(self, s: ReviewSummary) -> str:
        if s.first_visit_date is None:
            return ""
        day = s.first_visit_date.toordinal()
        text = self._dates.get(day)
        if text is None:
            d = s.first_visit_date
            text = self._dates[day] = self._locale.toString(QDate(d.year, d.month, d.day), "d MMM yyyy")
        return text

    def _tooltip(self, s: ReviewSummary, column: int) -> str | None:
        if column in (Column.PARTNERSHIP, Column.TITLE):
            return f"{s.title}\n{s.partnership}"
        if column == Column.PHASE and s.phase.locked:
            return _("Adopted: this review can no longer be changed")
        if column == Column.COMPLETENESS and s.open_items:
            return _("{count} item(s) open").format(count=s.open_items)
        return None

    def _muted_brush(self) -> QBrush:
        if self._muted is None:
            self._muted = QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        return self._muted

    def _lock_icon(self) -> QIcon:
        if self._lock is None:
            self._lock = lock_icon(self._muted_brush().color())
        return self._lock


class ReviewFilterProxy(QSortFilterProxyModel):
    """Search and filters on the review list; each filter is None for "any", the search folds case and accents.

    Sorting is handed to the source model (see the module docstring); the proxy keeps the source's order.
    """

    def __init__(self, model: ReviewListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._filter = ReviewFilter()
        self._words: tuple[str, ...] = ()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    @property
    def list_model(self) -> ReviewListModel:
        return self._model

    @property
    def review_filter(self) -> ReviewFilter:
        return self._filter

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text))

    def set_kind(self, kind: ReviewKind | None) -> None:
        self.set_filter(replace(self._filter, kind=kind))

    def set_phase(self, phase: Phase | None) -> None:
        self.set_filter(replace(self._filter, phase=phase))

    def set_year(self, year: int | None) -> None:
        self.set_filter(replace(self._filter, year=year))

    def set_sector(self, sector: Sector | None) -> None:
        self.set_filter(replace(self._filter, sector=sector))

    def set_filter(self, where: ReviewFilter) -> None:
        if where == self._filter:
            return
        # Only rows are filtered, so Qt is told so and leaves the columns alone.
        self.beginFilterChange()
        self._filter = where
        self._words = tuple(fold(where.text).split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def review_id(self, row: int) -> UUID:
        """The review id of a proxy row."""
        return self._model.review_id(self.mapToSource(self.index(row, 0)).row())

    def row_of(self, review_id: UUID) -> int:
        """The proxy row of a review, or -1 when it is filtered out or unknown."""
        source = self._model.row_of(review_id)
        return -1 if source < 0 else self.mapFromSource(self._model.index(source, 0)).row()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        where = self._filter
        s = self._model.summary(source_row)
        if where.kind is not None and s.kind != where.kind:
            return False
        if where.phase is not None and s.phase != where.phase:
            return False
        if where.year is not None and (s.first_visit_date is None or s.first_visit_date.year != where.year):
            return False
        if where.sector is not None and where.sector not in s.sectors:
            return False
        if self._words:
            partnership, title = self._model.folded(source_row)
            return all(word in partnership or word in title for word in self._words)
        return True
