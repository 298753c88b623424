"""Step 3 of the new-review wizard: the receiving partnership, an existing one or a new one."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import Partnership, RecognitionStatus, Sector
from peerreview_app.i18n import _
from peerreview_app.services import partnerships, reviews
from peerreview_app.services.labels import status_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.wizard.common import ProblemLabel, buddy, form_layout, page_layout
from peerreview_app.ui.wizard.page import WizardPage


def default_status(kind: ReviewKind | None) -> RecognitionStatus:
    return reviews.default_status(kind) if kind is not None else RecognitionStatus.RECOGNISED


class PartnershipPage(WizardPage):
    """Step 3: choose a partnership from the database or describe a new one, and the review's sectors.

    Signals: completeChanged (from QWizardPage) whenever the choice or the new name changes.
    """

    def __init__(
        self, workbench: Workbench, kind: Callable[[], ReviewKind | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnershipPage")
        self.setTitle(_("Partnership"))
        self.setSubTitle(_("Which partnership receives the review? Choose one you know or add a new one."))
        self._kind = kind
        self._status_touched = False
        self._known = sorted(partnerships.list_partnerships(workbench), key=lambda p: p.name.casefold())

        self.existing_radio = QRadioButton(_("Choose an &existing partnership"))
        self.existing_radio.setObjectName("existingPartnershipRadio")
        self.new_radio = QRadioButton(_("&Create a new partnership"))
        self.new_radio.setObjectName("newPartnershipRadio")
        self.stack = QStackedWidget()
        self.stack.setObjectName("partnershipStack")
        self.stack.addWidget(self._existing_panel())
        self.stack.addWidget(self._new_panel())

        # One row of sector boxes, moved under the list or under the new partnership's form (see _mode_changed).
        self.sector_row = QWidget()
        self.sector_row.setObjectName("sectorRow")
        self.sector_label = QLabel()
        self.sector_boxes: dict[Sector, QCheckBox] = {}
        sectors = QHBoxLayout(self.sector_row)
        sectors.setContentsMargins(0, 4, 0, 0)
        sectors.setSpacing(18)
        sectors.addWidget(self.sector_label)
        for sector, text in ((Sector.PO, "&PO"), (Sector.VO, "V&O"), (Sector.MBO, "&MBO")):
            box = QCheckBox(text)
            box.setObjectName(f"sector{sector.value}Check")
            box.setAccessibleName(sector.value)
            self.sector_boxes[sector] = box
            sectors.addWidget(box)
        sectors.addStretch(1)
        self.problem = ProblemLabel("partnershipProblem")

        choice = QHBoxLayout()
        choice.setSpacing(24)
        choice.addWidget(self.existing_radio)
        choice.addWidget(self.new_radio)
        choice.addStretch(1)
        layout = page_layout(self)
        layout.addLayout(choice)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.problem)

        self.existing_radio.toggled.connect(self._mode_changed)
        self.existing_radio.setEnabled(bool(self._known))
        (self.existing_radio if self._known else self.new_radio).setChecked(True)
        self._mode_changed()

    def _existing_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("existingPartnershipPanel")
        self.search = QLineEdit()
        self.search.setObjectName("partnershipSearch")
        self.search.setAccessibleName(_("Search partnerships"))
        self.search.setPlaceholderText(_("Part of a name or region"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("partnershipList")
        self.list.setAccessibleName(_("Partnerships"))
        self.list.setStyleSheet("QListWidget#partnershipList::item { padding: 3px 2px; }")
        for partnership in self._known:
            item = QListWidgetItem(f"{partnership.name}\n{self._facts(partnership)}")
            item.setData(Qt.ItemDataRole.UserRole, partnership.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{partnership.name}, {self._facts(partnership)}")
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._chosen)
        form = form_layout()
        form.addRow(buddy(_("Searc&h:"), self.search), self.search)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        self._existing_layout = layout
        return panel

    def _new_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("newPartnershipPanel")
        self.name = QLineEdit()
        self.name.setObjectName("newPartnershipName")
        self.name.setAccessibleName(_("Name of the new partnership"))
        self.name.setPlaceholderText(_("Required"))
        self.name.textChanged.connect(self._name_changed)
        self.region = QLineEdit()
        self.region.setObjectName("newPartnershipRegion")
        self.region.setAccessibleName(_("Education region"))
        self.region.setPlaceholderText(_("For example Onderwijsregio Utrecht"))
        self.status = QComboBox()
        self.status.setObjectName("newPartnershipStatus")
        self.status.setAccessibleName(_("Recognition status"))
        for status in (RecognitionStatus.RECOGNISED, RecognitionStatus.ASPIRANT):
            self.status.addItem(status_label(status), status)
        self.status.activated.connect(self._status_chosen)
        form = form_layout()
        form.addRow(buddy(_("N&ame:"), self.name), self.name)
        form.addRow(buddy(_("Education &region:"), self.region), self.region)
        form.addRow(buddy(_("&Status:"), self.status), self.status)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self._new_layout = layout
        return panel

    @staticmethod
    def _facts(partnership: Partnership) -> str:
        parts = [partnership.region, ", ".join(s.value for s in partnership.sectors), status_label(partnership.status)]
        return " · ".join(p for p in parts if p)

    def initializePage(self) -> None:
        if not self._status_touched:
            self.status.setCurrentIndex(self.status.findData(default_status(self._kind())))

    # -- what the page answers ------------------------------------------------------------------------------
    def is_new(self) -> bool:
        return self.new_radio.isChecked()

    def partnership(self) -> UUID | str | None:
        """The chosen partnership's id, or the name of the new one (the service creates it)."""
        if self.is_new():
            return self.name.text().strip() or None
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        assert isinstance(value, UUID)
        return value

    def partnership_name(self) -> str:
        chosen = self.partnership()
        if isinstance(chosen, UUID):
            return next(p.name for p in self._known if p.id == chosen)
        return chosen or ""

    def sectors(self) -> tuple[Sector, ...]:
        return tuple(sector for sector, box in self.sector_boxes.items() if box.isChecked())

    def region_text(self) -> str:
        return self.region.text().strip() if self.is_new() else ""

    def recognition_status(self) -> RecognitionStatus | None:
        if not self.is_new():
            return None
        value = self.status.currentData()
        return RecognitionStatus(value) if value else None

    def choose(self, partnership_id: UUID) -> None:
        """Select a known partnership (as a click in the list would)."""
        self.existing_radio.setChecked(True)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == partnership_id:
                self.list.setCurrentRow(row)
                return
        raise LookupError(partnership_id)

    def _duplicate_name(self) -> bool:
        wanted = self.name.text().strip().casefold()
        return bool(wanted) and any(p.name.casefold() == wanted for p in self._known)

    def isComplete(self) -> bool:
        if self.is_new():
            return bool(self.name.text().strip()) and not self._duplicate_name()
        return isinstance(self.partnership(), UUID)

    # -- reactions ------------------------------------------------------------------------------------------
    def _mode_changed(self) -> None:
        new = self.is_new()
        self.stack.setCurrentIndex(1 if new else 0)
        if new:
            self._new_layout.insertWidget(1, self.sector_row)  # under the form, above the stretch
        else:
            self._existing_layout.addWidget(self.sector_row)
        # For a new partnership the sectors are the partnership's as well as the review's.
        self.sector_label.setText(_("Sectors:") if new else _("Sectors of this review:"))
        if not new:
            self._chosen(self.list.currentItem())
        self._name_changed()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and not self.is_new():
            chosen = next(p for p in self._known if p.id == item.data(Qt.ItemDataRole.UserRole))
            for sector, box in self.sector_boxes.items():
                box.setChecked(sector in chosen.sectors)
        self.completeChanged.emit()

    def _name_changed(self) -> None:
        duplicate = self.is_new() and self._duplicate_name()
        self.problem.show_problem(
            _("A partnership with this name already exists; choose it under “existing partnership”.")
            if duplicate
            else ""
        )
        self.completeChanged.emit()

    def _status_chosen(self) -> None:
        self._status_touched = True

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())
        current = self.list.currentItem()
        if current is None or current.isHidden():
            visible = [self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()]
            self.list.setCurrentItem(visible[0] if len(visible) == 1 else None)  # type: ignore[arg-type]
        self.completeChanged.emit()
