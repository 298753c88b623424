"""The workspace of one review: a navigator on the left and the page of the chosen item on the right."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from peerreview_app.domain.completeness import CompletenessItem
from peerreview_app.domain.kind import ReviewKind, Scope
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services import workflow
from peerreview_app.services.labels import phase_label
from peerreview_app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.page import Page

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2

# Page key → "module:Class"; imported when first shown, so opening a review builds only what is visible.
PAGES = {
    "overview": "peerreview_app.ui.workspace.overview:OverviewPage",
    "panel": "peerreview_app.ui.workspace.panel_page:PanelPage",
    "documents": "peerreview_app.ui.workspace.documents:DocumentsPage",
    "questions": "peerreview_app.ui.workspace.questions:QuestionsPage",
    "programme": "peerreview_app.ui.workspace.programme:ProgrammePage",
    "standard": "peerreview_app.ui.workspace.standard:StandardPage",
    "criterion": "peerreview_app.ui.workspace.criterion:CriterionPage",
    "conclusion": "peerreview_app.ui.workspace.conclusion:ConclusionPage",
    "report": "peerreview_app.ui.workspace.report_page:ReportPage",
    "factcheck": "peerreview_app.ui.workspace.factcheck_page:FactCheckPage",
}


@dataclass(frozen=True)
class Location:
    """A place in the workspace: a page key and the item on it (criterion id, standard id, "Q2", or "")."""

    key: str
    ref: str = ""


def location_of(item: CompletenessItem) -> tuple[Location, str]:
    """Where a completeness item is fixed, and the field to focus."""
    if item.scope is Scope.CRITERION:
        return Location("criterion", item.ref), item.field
    if item.scope is Scope.STANDARD:
        return Location("standard", item.ref), item.field
    if item.scope is Scope.DEVELOPMENT_QUESTION:
        return Location("questions", item.ref), item.field
    if item.scope is Scope.CONCLUSION:
        return Location("conclusion"), item.field
    if item.field == "questions":
        return Location("questions"), ""
    if item.field == "conversations":
        return Location("programme"), ""
    return Location("panel"), item.field


class WorkspaceView(QWidget):
    """Navigator + pages for one review; `step_criterion` (Ctrl+PgDown / Ctrl+PgUp in the main window's menu).

    Signals:
        open_review(object): another review (a new revision) should be opened, by UUID.
        show_completeness(): the user asked for the full completeness list.
    """

    open_review = Signal(object)
    show_completeness = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.context = context
        self._pages: dict[str, Page] = {}
        self._location = Location("overview")
        self._criteria: list[str] = []

        self.banner = self._make_banner()
        self.navigator = QTreeView(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setAccessibleName(_("Review contents"))
        self.navigator.setHeaderHidden(True)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.navigator.setMinimumWidth(240)
        self.model = QStandardItemModel(self)
        self.navigator.setModel(self.model)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("workspaceSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1100])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)  # the read-only banner keeps its own height

        self.navigator.selectionModel().currentChanged.connect(self._navigated)
        context.changed.connect(self._review_changed)
        self._build_navigator(context.review())
        self.go_to(Location("overview"))

    # -- navigation -----------------------------------------------------------------------------------

    def go_to(self, location: Location, field: str = "") -> None:
        """Show the page of `location` (saving what the current page has pending), and focus `field`."""
        current = self._pages.get(self._location.key)
        if current is not None and location != self._location:
            current.commit()
        self._location = location
        page = self._page(location.key)
        self.stack.setCurrentWidget(page)
        page.show_item(self.context.review(), location.ref)
        self._select(location)
        if field:
            page.focus_field(field)

    def focus_item(self, item: CompletenessItem) -> None:
        """Jump to where a completeness item can be fixed."""
        location, field = location_of(item)
        self.go_to(location, field)

    def step_criterion(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) criterion; from elsewhere, the first or last one."""
        if not self._criteria:
            return
        if self._location.key == "criterion" and self._location.ref in self._criteria:
            index = (self._criteria.index(self._location.ref) + step) % len(self._criteria)
        else:
            index = 0 if step > 0 else len(self._criteria) - 1
        self.go_to(Location("criterion", self._criteria[index]))

    @property
    def location(self) -> Location:
        return self._location

    def current_page(self) -> Page:
        return self._page(self._location.key)

    def commit(self) -> bool:
        """Save whatever the visible page has pending (before closing or switching reviews)."""
        page = self._pages.get(self._location.key)
        return page.commit() if page is not None else True

    def _page(self, key: str) -> Page:
        if key not in self._pages:
            module_name, class_name = PAGES[key].split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page: Page = page_class(self.context, self.stack)
            for signal_name, slot in (
                ("navigate", self._navigate_signal),
                ("open_review", self.open_review.emit),
                ("show_completeness", self.show_completeness.emit),
            ):
                signal = getattr(page, signal_name, None)
                if signal is not None:
                    signal.connect(slot)
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def _navigate_signal(self, key: str, ref: str) -> None:
        self.go_to(Location(key, ref))

    def _navigated(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE)
        if key:
            location = Location(str(key), str(current.data(REF_ROLE) or ""))
            if location != self._location:
                self.go_to(location)

    def _select(self, location: Location) -> None:
        match = self._find(location)
        if match is not None and self.navigator.currentIndex() != match:
            self.navigator.blockSignals(True)
            self.navigator.setCurrentIndex(match)
            self.navigator.blockSignals(False)
            self.navigator.scrollTo(match)

    def _find(self, location: Location) -> QModelIndex | None:
        pending = [self.model.invisibleRootItem()]
        while pending:
            parent = pending.pop()
            for row in range(parent.rowCount()):
                child = parent.child(row)
                if child.data(KEY_ROLE) == location.key and (child.data(REF_ROLE) or "") == location.ref:
                    return child.index()
                pending.append(child)
        return None

    # -- building ---------------------------------------------------------------------------------------

    def _build_navigator(self, review: Review) -> None:
        self.model.clear()
        root = self.model.invisibleRootItem()
        lang = language()
        root.appendRow(_item(_("Overview"), "overview"))
        root.appendRow(_item(_("Partnership & panel"), "panel"))
        root.appendRow(_item(_("Documents"), "documents"))
        if review.kind is ReviewKind.DEVELOPMENTAL or review.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION):
            root.appendRow(_item(_("Development questions"), "questions"))
        root.appendRow(_item(_("Visit programme"), "programme"))
        standards = _item(_("Standards"), "")
        standards.setSelectable(False)
        root.appendRow(standards)
        self._criteria = []
        for standard in review.framework.standards:
            node = _item(f"{standard.number}. {standard.title.get(lang)}", "standard", standard.id)
            standards.appendRow(node)
            for criterion in standard.criteria:
                node.appendRow(_item(f"{criterion.id}  {criterion.title.get(lang)}", "criterion", criterion.id))
                self._criteria.append(criterion.id)
        root.appendRow(_item(_("Conclusion"), "conclusion"))
        root.appendRow(_item(_("Report"), "report"))
        root.appendRow(_item(_("Fact check"), "factcheck"))
        self.navigator.expandAll()
        self._update_banner(review)

    def _review_changed(self, review: Review) -> None:
        self._update_banner(review)
        page = self._pages.get(self._location.key)
        if page is not None and self.stack.currentWidget() is page:
            page.show_item(review, self._location.ref)

    def _make_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("readOnlyBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(12, 6, 12, 6)
        self._banner_text = QLabel(banner)
        self._banner_text.setWordWrap(True)
        layout.addWidget(self._banner_text, 1)
        self._revise = QPushButton(_("New revision"), banner)
        self._revise.setObjectName("newRevisionButton")
        self._revise.clicked.connect(self._start_revision)
        layout.addWidget(self._revise)
        banner.setVisible(False)
        return banner

    def _update_banner(self, review: Review) -> None:
        self.banner.setVisible(review.locked)
        if review.locked:
            self._banner_text.setText(
                _("This review is {phase} and read-only. A correction is a new revision.").format(
                    phase=phase_label(review.phase)
                )
            )

    def _start_revision(self) -> None:
        ok, revision = self.context.save(
            lambda: workflow.start_revision(self.context.workbench, self.context.review_id)
        )
        if ok and revision is not None:
            self.context.events.reviews_changed.emit()
            self.open_review.emit(revision.id)


def _item(text: str, key: str, ref: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setData(key, KEY_ROLE)
    item.setData(ref, REF_ROLE)
    item.setEditable(False)
    item.setToolTip(text)
    return item
