"""Partnerschap & panel: who is reviewed, the review's details, and the people on the panel."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.services import panel
from peerreview_app.services.labels import role_label
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QFont,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QMessageBox,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.member_dialog import MemberDialog, MemberValues
from peerreview_app.ui.workspace.page import Page, heading, push_button, scrolling, vbox, wrap
from peerreview_app.ui.workspace.panel_details import PartnershipBox, ReviewDetailsBox
from peerreview_app.ui.workspace.record_table import Index, RecordTableModel

ROLE_ORDER = tuple(Role)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PanelModel(RecordTableModel):
    """The people of a review, chair and secretary first; the user's own row is marked "this is you"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((_("Name"), _("Role"), _("Organisation"), _("E-mail")), parent)
        self._me: UUID | None = None

    def set_members(self, members: list[PanelMember], me: UUID | None) -> None:
        self._me = me
        self.set_records(sorted(members, key=lambda m: ROLE_ORDER.index(m.role)))

    def member_at(self, row: int) -> PanelMember | None:
        member: PanelMember | None = self.record_at(row)
        return member

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        member: PanelMember = self._records[index.row()]
        mine = member.id == self._me
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                member.name + ("  ·  " + _("This is you") if mine else ""),
                role_label(member.role),
                member.organisation,
                member.email,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.FontRole and mine:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.name} ({role_label(member.role)})"
        if role == ID_ROLE:
            return member.id
        return None


class PanelPage(Page):
    """The partnership, the review's details and the panel (add, change, remove people; say who you are)."""

    key = "panel"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("panelPage")
        content = QWidget(self)
        layout = vbox(content, margins=16, spacing=14)
        layout.addWidget(heading(_("Partnership & panel")))
        self.partnership = PartnershipBox(context, content)
        self.details = ReviewDetailsBox(context, content)
        boxes = QHBoxLayout()
        boxes.setSpacing(14)
        boxes.addWidget(self.partnership, 1)
        boxes.addWidget(self.details, 1)
        layout.addLayout(boxes)
        layout.addWidget(self._make_panel_box(content), 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        self._locked = False

    def _make_panel_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(_("Panel"), parent)
        box.setObjectName("panelBox")
        self.identity = wrap("", "identityLabel")
        self.model = PanelModel(self)
        self.table = QTableView(box)
        self.table.setObjectName("panelTable")
        self.table.setAccessibleName(_("People in this review"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        widest_role = max(self.table.fontMetrics().horizontalAdvance(role_label(r)) for r in Role)
        header.resizeSection(1, widest_role + 32)
        self.table.activated.connect(lambda _index: self.edit_member())
        remove = QAction(_("Remove"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_member)
        self.table.addAction(remove)

        self.add_button = push_button(self, _("&Add person…"), "addMemberButton", self.add_member)
        self.edit_button = push_button(self, _("&Change…"), "editMemberButton", self.edit_member)
        self.remove_button = push_button(self, _("Re&move"), "removeMemberButton", self.remove_member)
        self.me_button = push_button(self, _("&I am this person"), "iAmThisPersonButton", self.i_am_selected)
        self.me_button.setToolTip(_("Your notes in this review are recorded under this person"))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.me_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(8)
        layout.addWidget(self.identity)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._enable())
        return box

    # -- showing --------------------------------------------------------------------------------------

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self._locked = review.locked
        self.partnership.show_review(review)
        self.details.show_review(review)
        selected = self.selected_member()
        me = self.context.current_member()
        self.model.set_members(review.members, me.id if me else None)
        if selected is not None and self.model.row_of(selected.id) >= 0:
            self.table.selectRow(self.model.row_of(selected.id))
        if me is not None:
            self.identity.setText(
                _("You are {name} ({role}) in this review.").format(name=me.name, role=role_label(me.role))
            )
        else:
            self.identity.setText(
                _(
                    "You are not linked to anyone on this panel yet. Select yourself in the list and choose "
                    "“I am this person” to write notes."
                )
            )
        self._enable()

    def commit(self) -> bool:
        """Save a name, region or title that was typed but not yet confirmed (leaving the page)."""
        self.partnership.commit()
        self.details.commit()
        return True

    def focus_field(self, field: str) -> bool:
        """Completeness items of the review as a whole point here: the panel roles and the visit days."""
        if field == "visit_dates":
            self.details.visit.new_date.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def selected_member(self) -> PanelMember | None:
        return self.model.member_at(self.table.currentIndex().row())

    def select_member(self, member_id: UUID) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)

    def _enable(self) -> None:
        member = self.selected_member()
        self.add_button.setEnabled(not self._locked)
        self.edit_button.setEnabled(not self._locked and member is not None)
        self.remove_button.setEnabled(not self._locked and member is not None)
        me = self.context.current_member()
        self.me_button.setEnabled(member is not None and member.role.on_panel and (me is None or me.id != member.id))

    # -- actions --------------------------------------------------------------------------------------

    def add_member(self) -> None:
        if self._locked:
            return
        dialog = MemberDialog(self)
        if dialog.exec():
            values = dialog.values()
            ok, member = self.context.save(lambda: self._add(values))
            if ok and member is not None:
                self.select_member(member.id)

    def _add(self, values: MemberValues) -> PanelMember:
        # The dialog's fields are the service's keywords.
        return panel.add_member(self.context.workbench, self.context.review_id, **asdict(values))

    def edit_member(self) -> None:
        member = self.selected_member()
        if member is None or self._locked:
            return
        dialog = MemberDialog(self, member)
        if dialog.exec():
            values = dialog.values()
            self.context.save(
                lambda: panel.update_member(self.context.workbench, self.context.review_id, member.id, **asdict(values))
            )
            self.select_member(member.id)

    def remove_member(self) -> None:
        member = self.selected_member()
        if member is None or self._locked:
            return
        answer = QMessageBox.question(
            self,
            _("Remove person"),
            _("Remove {name} ({role}) from this review?").format(name=member.name, role=role_label(member.role)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.save(lambda: panel.remove_member(self.context.workbench, self.context.review_id, member.id))

    def i_am_selected(self) -> None:
        """Remember that the user is the selected person in this review (a preference, not a review change)."""
        member = self.selected_member()
        if member is None or not member.role.on_panel:
            return
        self.context.settings.set_member_for(self.context.review_id, member.id)
        self.context.reload()
        self.select_member(member.id)


__all__ = ["PanelModel", "PanelPage"]
