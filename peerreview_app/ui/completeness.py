"""The completeness panel: every item a review still lacks, each a way to jump to where it is fixed."""

from __future__ import annotations

from html import escape

from peerreview_app.domain.completeness import CompletenessItem
from peerreview_app.domain.kind import Scope
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language, ngettext
from peerreview_app.services.reviews import completeness_of
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QFont,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QProgressBar,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def group_of(item: CompletenessItem, review: Review) -> str:
    """The heading an item is listed under: its standard, the questions, the conclusion or the preparation."""
    framework = review.framework
    standard_id = ""
    if item.scope is Scope.CRITERION and framework.has_criterion(item.ref):
        standard_id = framework.criterion(item.ref).standard_id
    elif item.scope is Scope.STANDARD and framework.has_standard(item.ref):
        standard_id = item.ref
    if standard_id:
        standard = framework.standard(standard_id)
        return f"{standard.number}. {standard.title.get(language())}"
    if item.scope is Scope.DEVELOPMENT_QUESTION:
        return _("Development questions")
    if item.scope is Scope.CONCLUSION:
        return _("Conclusion")
    return _("Panel and programme")


class _Delegate(QStyledItemDelegate):
    """Air around the items, open items indented under their heading, a gap above every heading but the first."""

    INDENT = 14
    GAP = 8

    def _heading(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.data(ITEM_ROLE) is None

    def _rect_for(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if self._heading(index):
            option.rect.adjust(4, self.GAP if index.row() > 0 else 2, -4, -2)
        else:
            option.rect.adjust(self.INDENT, 2, -4, -2)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrowed = QStyleOptionViewItem(option)
        self._rect_for(narrowed, index)
        size = super().sizeHint(narrowed, index)
        extra = self.GAP + 2 if self._heading(index) and index.row() > 0 else 4
        return QSize(size.width() + self.INDENT, size.height() + extra)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        shifted = QStyleOptionViewItem(option)
        self._rect_for(shifted, index)
        super().paint(painter, shifted, index)


class CompletenessPanel(QWidget):
    """What is still needed before adoption, grouped by standard, in the form's order (lives in a dock).

    Click an item or press Enter on it to go where it is fixed.

    Signals:
        item_activated(object): the `CompletenessItem` the user chose.
    """

    item_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completenessPanel")
        self.setAccessibleName(_("What is still needed"))
        self.header = QLabel(self)
        self.header.setObjectName("completenessHeader")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("completenessPanelBar")
        self.bar.setAccessibleName(_("Completeness"))
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.list = QListWidget(self)
        self.list.setObjectName("completenessList")
        self.list.setAccessibleName(_("Open items"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(_Delegate(self.list))
        self.done = QLabel(self)
        self.done.setObjectName("completenessDone")
        self.done.setWordWrap(True)
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.done.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.done.setMargin(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.done, 1)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._chosen)  # Enter, and double-click where the style says so
        self.list.itemClicked.connect(self._chosen)
        self.show_empty()

    def show_empty(self) -> None:
        """No review open."""
        self.header.setText(_("No review open"))
        self.bar.setValue(0)
        self.list.clear()
        self.list.setVisible(False)
        self.done.setVisible(False)

    def show_review(self, review: Review) -> None:
        """List what `review` still lacks."""
        report = completeness_of(review)
        self.bar.setValue(report.percent)
        header = _("{percent}% complete").format(percent=report.percent)
        if not report.complete:
            count = len(report.items)
            header += " · " + ngettext("{count} item open", "{count} items open", count).format(count=count)
        self.header.setText(header)
        self.list.clear()
        self.list.setVisible(not report.complete)
        self.done.setVisible(report.complete)
        if report.complete:
            text = "<p style='font-size:x-large'>✓</p><p><b>{}</b></p>".format(
                escape(_("Everything has been filled in."))
            )
            if review.phase is Phase.REPORTING:
                text += "<p>{}</p>".format(escape(_("The review can be adopted on the overview page.")))
            self.done.setText(text)
            return
        group = None
        for open_item in report.items:
            current = group_of(open_item.item, review)
            if current != group:
                self._add_heading(current)
                group = current
            entry = QListWidgetItem(open_item.text, self.list)
            entry.setData(ITEM_ROLE, open_item.item)
            entry.setToolTip(_("Go to: {item}").format(item=open_item.text))
        first = self.first_item_row()
        if first is not None:
            self.list.setCurrentRow(first)

    def _add_heading(self, text: str) -> None:
        heading = QListWidgetItem(text, self.list)
        # Disabled, so the keyboard and clicks pass it by; drawn in the normal text colour to stay readable.
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setForeground(self.list.palette().text())
        font = QFont(self.list.font())
        font.setBold(True)
        heading.setFont(font)

    def first_item_row(self) -> int | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ITEM_ROLE) is not None:
                return row
        return None

    def items(self) -> list[CompletenessItem]:
        """The open items as listed (headings left out)."""
        found = (self.list.item(row).data(ITEM_ROLE) for row in range(self.list.count()))
        return [item for item in found if isinstance(item, CompletenessItem)]

    def _chosen(self, entry: QListWidgetItem) -> None:
        item = entry.data(ITEM_ROLE)
        if isinstance(item, CompletenessItem):
            self.item_activated.emit(item)
