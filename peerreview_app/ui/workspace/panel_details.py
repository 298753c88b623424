"""The editable details on the Partnerschap & panel page: the partnership and the review itself.

Each control saves on its own (a text when the user leaves it or presses Enter, a choice at once) through
`context.save`, which reloads the review so every page shows the change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from peerreview_app.domain.partnership import RecognitionStatus, Sector
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _
from peerreview_app.services import partnerships, reviews
from peerreview_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.dates import from_qdate, long_date, to_qdate

SECTOR_NAMES = {Sector.PO: "primair onderwijs", Sector.VO: "voortgezet onderwijs", Sector.MBO: "mbo"}


class SectorBoxes(QWidget):
    """One check box per sector (PO, VO, MBO); `on_change` runs when the user ticks one."""

    def __init__(self, prefix: str, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Sector, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for sector in Sector:
            box = QCheckBox(sector.value, self)
            box.setObjectName(f"{prefix}Sector_{sector.value}")
            box.setAccessibleName(_("Sector {sector}").format(sector=sector.value))
            box.setToolTip(SECTOR_NAMES[sector])
            box.clicked.connect(on_change)
            layout.addWidget(box)
            self.boxes[sector] = box
        layout.addStretch()

    def chosen(self) -> tuple[Sector, ...]:
        return tuple(sector for sector, box in self.boxes.items() if box.isChecked())

    def show_sectors(self, sectors: tuple[Sector, ...]) -> None:
        for sector, box in self.boxes.items():
            box.setChecked(sector in sectors)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)


def _line(name: str, accessible: str, on_done: Callable[[], None], parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.editingFinished.connect(on_done)
    return edit


def _show_text(edit: QLineEdit, text: str) -> None:
    """Show a stored text, unless the user is in the middle of changing it."""
    if edit.hasFocus() and edit.isModified():
        return
    edit.setText(text)
    edit.setCursorPosition(0)  # long titles show their beginning
    edit.setModified(False)


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setContentsMargins(14, 12, 14, 14)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


def _label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


class PartnershipBox(QGroupBox):
    """The receiving partnership: name, sectors, onderwijsregio and erkend/aspirant."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Partnership"), parent)
        self.setObjectName("partnershipBox")
        self.context = context
        self.name = _line("partnershipName", _("Name of the partnership"), self._save_name, self)
        self.sectors = SectorBoxes("partnership", self._save_sectors, self)
        self.region = _line("partnershipRegion", _("Onderwijsregio"), self._save_region, self)
        self.status = QComboBox(self)
        self.status.setObjectName("partnershipStatus")
        self.status.setAccessibleName(_("Recognition"))
        self.status.addItem(_("recognised"), RecognitionStatus.RECOGNISED)
        self.status.addItem(_("aspirant"), RecognitionStatus.ASPIRANT)
        self.status.activated.connect(self._save_status)
        note = QLabel(_("Changes here apply to every review of this partnership."), self)
        note.setObjectName("partnershipNote")
        note.setWordWrap(True)
        note.setEnabled(False)  # drawn in the muted colour of a hint
        form = _form(self)
        form.addRow(_label(_("&Name:"), self.name, self), self.name)
        form.addRow(_label(_("Sectors:"), self.sectors, self), self.sectors)
        form.addRow(_label(_("Onderwijs&regio:"), self.region, self), self.region)
        form.addRow(_label(_("Recognition:"), self.status, self), self.status)
        form.addRow(note)

    def show_review(self, review: Review) -> None:
        partnership = review.partnership
        _show_text(self.name, partnership.name)
        _show_text(self.region, partnership.region)
        self.sectors.show_sectors(partnership.sectors)
        self.status.setCurrentIndex(max(self.status.findData(partnership.status), 0))
        read_only = review.locked
        self.name.setEnabled(not read_only)
        self.region.setEnabled(not read_only)
        self.sectors.set_read_only(read_only)
        self.status.setEnabled(not read_only)

    def _update(
        self,
        *,
        name: str | None = None,
        sectors: tuple[Sector, ...] | None = None,
        region: str | None = None,
        status: RecognitionStatus | None = None,
    ) -> None:
        review = self.context.review()
        ok, _result = self.context.save(
            lambda: partnerships.update_partnership(
                self.context.workbench, review.partnership.id, name=name, sectors=sectors, region=region, status=status
            )
        )
        if not ok:  # refused (e.g. an empty name): show what is stored again
            self.show_review(review)

    def commit(self) -> None:
        self._save_name()
        self._save_region()

    def _save_name(self) -> None:
        if self.name.isModified() and self.name.text().strip() != self.context.review().partnership.name:
            self.name.setModified(False)
            self._update(name=self.name.text())

    def _save_region(self) -> None:
        if self.region.isModified() and self.region.text().strip() != self.context.review().partnership.region:
            self.region.setModified(False)
            self._update(region=self.region.text())

    def _save_sectors(self) -> None:
        self._update(sectors=self.sectors.chosen())

    def _save_status(self) -> None:
        status = RecognitionStatus(self.status.currentData())
        if status is not self.context.review().partnership.status:
            self._update(status=status)


class VisitDates(QWidget):
    """The visit day(s): a short list, a date to add, and a button to remove the selected day."""

    def __init__(self, on_change: Callable[[tuple[date, ...]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._dates: tuple[date, ...] = ()
        self.list = QListWidget(self)
        self.list.setObjectName("visitDatesList")
        self.list.setAccessibleName(_("Visit days"))
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 3 + 12)
        self.new_date = QDateEdit(self)
        self.new_date.setObjectName("visitDateEdit")
        self.new_date.setAccessibleName(_("Visit day to add"))
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd-MM-yyyy")
        self.new_date.setDate(QDate.currentDate())
        self.add_button = QPushButton(_("Add day"), self)
        self.add_button.setObjectName("addVisitDateButton")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(_("Remove day"), self)
        self.remove_button.setObjectName("removeVisitDateButton")
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.new_date, 1)
        controls.addWidget(self.add_button)
        controls.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addLayout(controls)
        self._read_only = False

    def show_dates(self, dates: tuple[date, ...], read_only: bool) -> None:
        self._dates = dates
        self._read_only = read_only
        self.list.clear()
        for day in dates:
            item = QListWidgetItem(long_date(day), self.list)
            item.setData(Qt.ItemDataRole.UserRole, day)
        if not dates:
            placeholder = QListWidgetItem(_("No visit day planned yet"), self.list)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        elif not self.new_date.hasFocus():
            self.new_date.setDate(to_qdate(dates[-1]))
        self._enable()

    def _enable(self) -> None:
        item = self.list.currentItem()
        self.list.setEnabled(bool(self._dates))
        self.new_date.setEnabled(not self._read_only)
        self.add_button.setEnabled(not self._read_only)
        self.remove_button.setEnabled(not self._read_only and item is not None and bool(item.flags()))

    def _add(self) -> None:
        day = from_qdate(self.new_date.date())
        if day not in self._dates:
            self._on_change((*self._dates, day))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            day = item.data(Qt.ItemDataRole.UserRole)
            self._on_change(tuple(d for d in self._dates if d != day))


class ReviewDetailsBox(QGroupBox):
    """This review: title, visit day(s), sectors and the language of the report."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(_("This review"), parent)
        self.setObjectName("reviewDetailsBox")
        self.context = context
        self.title_edit = _line("reviewTitle", _("Title of the review"), self._save_title, self)
        self.visit = VisitDates(lambda dates: self._update(visit_dates=dates), self)
        self.sectors = SectorBoxes("review", lambda: self._update(sectors=self.sectors.chosen()), self)
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        self.language.setAccessibleName(_("Language of the report"))
        self.language.addItem("Nederlands", Language.NL)
        self.language.addItem("English", Language.EN)
        self.language.activated.connect(self._save_language)
        form = _form(self)
        form.addRow(_label(_("&Title:"), self.title_edit, self), self.title_edit)
        form.addRow(_label(_("&Visit days:"), self.visit.list, self), self.visit)
        form.addRow(_label(_("Sectors:"), self.sectors, self), self.sectors)
        form.addRow(_label(_("Report &language:"), self.language, self), self.language)

    def show_review(self, review: Review) -> None:
        _show_text(self.title_edit, review.title)
        self.visit.show_dates(review.visit_dates, review.locked)
        self.sectors.show_sectors(review.sectors)
        self.language.setCurrentIndex(max(self.language.findData(review.language), 0))
        self.title_edit.setEnabled(not review.locked)
        self.sectors.set_read_only(review.locked)
        self.language.setEnabled(not review.locked)

    def _update(
        self,
        *,
        title: str | None = None,
        visit_dates: tuple[date, ...] | None = None,
        sectors: tuple[Sector, ...] | None = None,
        language: Language | None = None,
    ) -> None:
        review = self.context.review()
        ok, _result = self.context.save(
            lambda: reviews.update_details(
                self.context.workbench,
                self.context.review_id,
                title=title,
                visit_dates=visit_dates,
                sectors=sectors,
                language=language,
            )
        )
        if not ok:
            self.show_review(review)

    def commit(self) -> None:
        self._save_title()

    def _save_title(self) -> None:
        if self.title_edit.isModified() and self.title_edit.text().strip() != self.context.review().title:
            self.title_edit.setModified(False)
            self._update(title=self.title_edit.text())

    def _save_language(self) -> None:
        chosen = Language(self.language.currentData())
        if chosen is not self.context.review().language:
            self._update(language=chosen)
