"""The standard (waarborg) page: its criteria at a glance, its judgement and the panel's text on it."""

from __future__ import annotations

from peerreview_app.domain.kind import FieldSpec, FieldType, KindDefinition, Scope
from peerreview_app.domain.records import Values
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services import findings
from peerreview_app.ui.qt import QResizeEvent, QSplitter, Qt, QVBoxLayout, QWidget, Signal
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.criterion import read_only_banner, share_splitter
from peerreview_app.ui.workspace.fields import FieldsForm
from peerreview_app.ui.workspace.judgement_override import (
    OverrideBox,
    criterion_judgement_label,
    focus_override_or_field,
)
from peerreview_app.ui.workspace.page import Page, heading, scrolling, vbox
from peerreview_app.ui.workspace.reference import ReferenceView, standard_html, standard_title
from peerreview_app.ui.workspace.tables import FitTable


def summary_columns(specs: tuple[FieldSpec, ...]) -> list[FieldSpec]:
    """The fields worth a column in an overview: lists (counted) and required texts (filled in or not)."""
    return [s for s in specs if s.type is FieldType.LIST or (s.type is FieldType.TEXT and s.required)]


def summary_cells(values: Values, specs: list[FieldSpec]) -> list[str]:
    """Per field: the number of list items, or ✓ / — for a text."""
    cells = []
    for spec in specs:
        value = values.get(spec.id)
        if spec.type is FieldType.LIST:
            cells.append(str(len([item for item in value or () if item.strip()])))
        else:
            cells.append("✓" if isinstance(value, str) and value.strip() else "—")
    return cells


def caption(spec: FieldSpec) -> str:
    text = spec.label.get(language())
    return text[:1].upper() + text[1:]


class StandardPage(Page):
    """A standard: its description beside a table of its criteria, its (derived or deviating) judgement and fields.

    Signals:
        navigate(str, str): go to a page, e.g. ("criterion", "LL-2") when a criterion row is clicked.
    """

    key = "standard"
    navigate = Signal(str, str)

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("standardPage")
        kind = context.review().forms.kind
        self._assessment = kind.derivation is not None
        self._columns = [] if self._assessment else summary_columns(kind.fields_for(Scope.CRITERION))
        self.reference = ReferenceView("standardReference", _("The standard in the framework"), self)

        content = self._build_content(kind)
        self.editor = scrolling(content)
        self.editor.setObjectName("standardEditor")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("standardSplitter")
        self.splitter.addWidget(self.reference)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self._shared = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self._criterion_ids: list[str] = []
        context.changed.connect(self._changed)

    def _build_content(self, kind: KindDefinition) -> QWidget:
        """The editing column: heading, criteria table, judgement (assessment) and the standard's fields."""
        content = QWidget()
        content.setObjectName("standardEditorContent")
        layout = vbox(content, margins=16, spacing=8)
        self.title = heading("", 1)
        self.title.setObjectName("standardHeading")
        layout.addWidget(self.title)
        layout.addSpacing(4)
        self.banner = read_only_banner(content)
        layout.addWidget(self.banner)
        layout.addWidget(heading(_("Criteria"), 2))
        extra = [_("Judgement")] if self._assessment else [caption(s) for s in self._columns]
        self.criteria = FitTable([_("Criterion"), _("Title"), *extra], clickable=True)
        self.criteria.setObjectName("standardCriteriaTable")
        self.criteria.setAccessibleName(_("Criteria of this standard; Enter opens one"))
        self.criteria.stretch(1)
        self.criteria.row_activated.connect(self._open_criterion)
        layout.addWidget(self.criteria)
        self.override: OverrideBox | None = None
        if kind.derivation is not None:
            self._scale = kind.derivation.standard_scale
            self.override = OverrideBox(
                kind.scale(self._scale),
                self._save_override,
                requires_reason=kind.derivation.override_requires_reason,
                undecided_text=_("not every criterion has a judgement yet"),
            )
            layout.addSpacing(12)
            layout.addWidget(heading(_("Judgement on the standard"), 2))
            layout.addWidget(self.override)
        layout.addSpacing(12)
        layout.addWidget(heading(_("The panel on this standard"), 2))
        self.form = FieldsForm(self.context, Scope.STANDARD)
        self.form.setObjectName("standardFields")
        form_layout = self.form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addStretch()
        return content

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._shared and event.size().width() > 0:
            self._shared = True
            share_splitter(self.splitter, event.size().width())

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        standard = review.framework.standard(ref)
        self.title.setText(standard_title(standard))
        self.reference.show_html(standard_html(standard))
        self.form.show_target(ref, review)
        self._show_state(review)

    def _show_state(self, review: Review) -> None:
        standard = review.framework.standard(self.ref)
        self.banner.setVisible(review.locked)
        self._criterion_ids = [c.id for c in standard.criteria]
        rows = []
        for criterion in standard.criteria:
            if self._assessment:
                extra = [criterion_judgement_label(review, criterion.id)]
            else:
                extra = summary_cells(review.findings[criterion.id].values, self._columns)
            rows.append([criterion.id, criterion.title.get(language()), *extra])
        self.criteria.set_rows(rows)
        if self.override is not None:
            conclusion = review.standard_conclusions[self.ref]
            derived = review.derived_standard_judgement(self.ref)
            self.override.show_state(review, self._scale, derived, conclusion.override, conclusion.override_reason)

    def _changed(self, review: Review) -> None:
        if self.ref:
            self._show_state(review)

    def _open_criterion(self, row: int) -> None:
        if 0 <= row < len(self._criterion_ids):
            self.commit()
            self.navigate.emit("criterion", self._criterion_ids[row])

    def _save_override(self, judgement: str | None, reason: str) -> bool:
        wb, review_id, standard_id = self.context.workbench, self.context.review_id, self.ref
        ok, _result = self.context.save(
            lambda: findings.set_standard_override(wb, review_id, standard_id, judgement, reason),
            unsaved_text=reason or None,
        )
        return ok

    def commit(self) -> bool:
        return self.form.commit()

    def focus_field(self, field: str) -> bool:
        return focus_override_or_field(field, self.override, self.form, self.editor)
