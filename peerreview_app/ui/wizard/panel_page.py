"""Step 4 of the new-review wizard: the people of the review and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from peerreview_app.domain.partnership import Role, missing_panel_roles
from peerreview_app.i18n import _
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QtCore,
    QWidget,
)
from peerreview_app.ui.wizard.common import ProblemLabel, buddy, note, page_layout
from peerreview_app.ui.wizard.page import WizardPage

NAME, ROLE, ORGANISATION, EMAIL = range(4)
ROLE_DATA = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Person:
    """One row of the panel table."""

    name: str
    role: Role
    organisation: str = ""
    email: str = ""


def panel_problem(people: list[Person]) -> str:
    """Why this panel cannot start a review yet, or "" (the review itself insists on one chair and one secretary)."""
    problems = []
    if any(not person.name for person in people):
        problems.append(_("Every person needs a name."))
    if missing_panel_roles(person.role for person in people):
        problems.append(_("Choose exactly one chair and one secretary."))
    return "\n".join(problems)


class RoleDelegate(QStyledItemDelegate):
    """Edits the role column with a combo box of every role; a choice is committed at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("roleEditor")
        combo.setAccessibleName(_("Role"))
        for role in Role:
            combo.addItem(role_label(role), role.value)
        combo.activated.connect(lambda: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(ROLE_DATA)), 0))

    def setModelData(self, editor: QWidget, model: QtCore.QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        role = Role(editor.currentData())
        model.setData(index, role.value, ROLE_DATA)
        model.setData(index, role_label(role), Qt.ItemDataRole.DisplayRole)


class PanelPage(WizardPage):
    """Step 4: a table of people (name, role, organisation, e-mail); the user starts as secretary.

    Signals: completeChanged (from QWizardPage) after every edit.
    """

    def __init__(self, name: str, email: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelPage")
        self.setTitle(_("Panel"))
        self.setSubTitle(_("Who takes part? A panel has exactly one chair and one secretary."))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("panelTable")
        self.table.setAccessibleName(_("People in the review"))
        self.table.setHorizontalHeaderLabels([_("Name"), _("Role"), _("Organisation"), _("E-mail")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # Tab leaves the table for the buttons; the arrow keys move between cells.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the longest role and the combo box's arrow, so the editor never clips a role.
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        widest = max(self.table.fontMetrics().horizontalAdvance(role_label(role)) for role in Role)
        self.table.setColumnWidth(ROLE, widest + 48)
        header.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)

        self.add_button = QPushButton(_("&Add person"))
        self.add_button.setObjectName("addPersonButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(_("&Remove person"))
        self.remove_button.setObjectName("removePersonButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.problem = ProblemLabel("panelProblem")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = page_layout(self)
        layout.addWidget(buddy(_("&People:"), self.table))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            note(_("Type in a cell or press F2 to edit it. The partnership's contact person is not on the panel."))
        )
        layout.addWidget(self.problem)
        self.add_person(Person(name.strip(), Role.SECRETARY, "", email.strip()))
        self._selection_changed()

    def add_person(self, person: Person) -> int:
        """Append a row for `person` and answer its row number."""
        row = self.table.rowCount()
        self.table.blockSignals(True)  # one check after the whole row, not one per cell
        self.table.insertRow(row)
        for column, text in ((NAME, person.name), (ORGANISATION, person.organisation), (EMAIL, person.email)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        role = QTableWidgetItem(role_label(person.role))
        role.setData(ROLE_DATA, person.role.value)
        self.table.setItem(row, ROLE, role)
        self.table.blockSignals(False)
        self._changed()
        return row

    def set_role(self, row: int, role: Role) -> None:
        item = self._item(row, ROLE)
        item.setData(ROLE_DATA, role.value)
        item.setText(role_label(role))

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._changed()
        self._selection_changed()

    def people(self) -> list[Person]:
        return [
            Person(
                self._text(row, NAME),
                Role(str(self._item(row, ROLE).data(ROLE_DATA))),
                self._text(row, ORGANISATION),
                self._text(row, EMAIL),
            )
            for row in range(self.table.rowCount())
        ]

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # add_person fills every cell
        return item

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def problem_text(self) -> str:
        return panel_problem(self.people())

    def isComplete(self) -> bool:
        return not self.problem_text()

    def validatePage(self) -> bool:
        self._changed()
        return self.isComplete()

    def _add_clicked(self) -> None:
        row = self.add_person(Person("", Role.MEMBER))
        self.table.setCurrentCell(row, NAME)
        self.table.setFocus()
        self.table.editItem(self._item(row, NAME))

    def _changed(self) -> None:
        self.problem.show_problem(self.problem_text())
        self.completeChanged.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0)
