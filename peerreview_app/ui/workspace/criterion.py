"""The criterion page: the framework's text beside the panel's notes, findings and provisional judgements."""

from __future__ import annotations

from itertools import pairwise

from peerreview_app.domain.kind import Scope
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _
from peerreview_app.ui.qt import QResizeEvent, QSplitter, Qt, QVBoxLayout, QWidget
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.criterion_notes import MyNotesPanel, PanelNotesPanel
from peerreview_app.ui.workspace.fields import FieldsForm
from peerreview_app.ui.workspace.judgements import MemberJudgementsPanel
from peerreview_app.ui.workspace.page import Page, heading, scrolling, vbox, wrap
from peerreview_app.ui.workspace.reference import ReferenceView, criterion_html

REFERENCE_SHARE = (38, 62)
"""How the page width is shared between the reference column and the editing column."""


def share_splitter(splitter: QSplitter, width: int) -> None:
    """Give the reference column its share of `width`."""
    left = width * REFERENCE_SHARE[0] // sum(REFERENCE_SHARE)
    splitter.setSizes([left, width - left])


def read_only_banner(parent: QWidget) -> QWidget:
    """A quiet line telling that the review is adopted and cannot be changed."""
    banner = wrap(_("This review is adopted and read-only; start a new revision to change it."), "readOnlyBanner")
    banner.setParent(parent)
    banner.setStyleSheet(
        "QLabel#readOnlyBanner { background: palette(alternate-base); border: 1px solid palette(mid);"
        " border-radius: 4px; padding: 6px 10px; }"
    )
    return banner


class CriterionPage(Page):
    """One criterion (kenmerk): reference on the left, the user's notes, the panel's notes, the findings and, in an
    assessment, the members' provisional judgements on the right. Edits save themselves; no signals of its own.
    """

    key = "criterion"

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("criterionPage")
        kind = context.review().forms.kind
        self.reference = ReferenceView("criterionReference", _("The criterion in the framework"), self)
        self.notes = MyNotesPanel(context)
        self.notes.member_chosen.connect(self._member_chosen)
        self.panel_notes = PanelNotesPanel()
        self.form = FieldsForm(context, Scope.CRITERION)
        self.form.setObjectName("criterionFields")
        form_layout = self.form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)  # align the fields with the section headings
        scale = kind.criterion_scale()
        self.judgements = MemberJudgementsPanel(context, scale) if kind.member_judgements and scale else None

        content = QWidget()
        content.setObjectName("criterionEditorContent")
        layout = vbox(content, margins=16, spacing=8)
        self.banner = read_only_banner(content)
        layout.addWidget(self.banner)
        self._section(layout, _("My notes"), self.notes, first=True)
        self._section(layout, _("Notes of the panel"), self.panel_notes)
        self._section(layout, _("Findings of the panel"), self.form)
        if self.judgements is not None:
            self._section(layout, _("Provisional judgements"), self.judgements)
        layout.addStretch()
        self.editor = scrolling(content)
        self.editor.setObjectName("criterionEditor")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("criterionSplitter")
        self.splitter.addWidget(self.reference)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, REFERENCE_SHARE[0])
        self.splitter.setStretchFactor(1, REFERENCE_SHARE[1])
        self._shared = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        context.changed.connect(self._changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._shared and event.size().width() > 0:
            # Once, when the page first gets its width; afterwards the user's splitter position stays.
            self._shared = True
            share_splitter(self.splitter, event.size().width())

    @staticmethod
    def _section(layout: QVBoxLayout, title: str, body: QWidget, *, first: bool = False) -> None:
        if not first:
            layout.addSpacing(12)
        layout.addWidget(heading(title, 2))
        layout.addWidget(body)

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self.reference.show_html(criterion_html(review, review.framework.criterion(ref)))
        self.form.show_target(ref, review)
        self._show_panels(review)

    def _show_panels(self, review: Review) -> None:
        member = self.context.current_member()
        self.banner.setVisible(review.locked)
        self.notes.show_notes(review, self.ref, member)
        self.panel_notes.show_notes(review, self.ref, member)
        if self.judgements is not None:
            self.judgements.show_judgements(review, self.ref, member)
        self._order_tabs()

    def _changed(self, review: Review) -> None:
        # Notes and judgements follow every change (also undo); the field editors keep their own state.
        if self.ref:
            self._show_panels(review)

    def _member_chosen(self) -> None:
        if self.ref:
            self._show_panels(self.context.review())

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [self.reference, *self.notes.focus_chain()]
        chain += [editor.focusProxy() or editor for editor in self.form.editors.values()]
        if self.judgements is not None:
            chain += self.judgements.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def commit(self) -> bool:
        results = [self.notes.commit(), self.form.commit()]
        if self.judgements is not None:
            results.append(self.judgements.commit())
        return all(results)

    def focus_field(self, field: str) -> bool:
        if not self.form.focus_field(field):
            return False
        self.editor.ensureWidgetVisible(self.form.editors[field])
        return True
