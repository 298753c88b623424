"""The conclusion page: the standards at a glance, the overall judgement and the panel's closing text."""

from __future__ import annotations

from peerreview_app.domain.kind import Scope
from peerreview_app.domain.review import Review
from peerreview_app.i18n import _, language
from peerreview_app.services import findings
from peerreview_app.ui.qt import QVBoxLayout, QWidget, Signal
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.criterion import read_only_banner
from peerreview_app.ui.workspace.fields import FieldsForm
from peerreview_app.ui.workspace.judgement_override import OverrideBox, focus_override_or_field, scale_label
from peerreview_app.ui.workspace.page import Page, heading, scrolling, vbox, wrap
from peerreview_app.ui.workspace.standard import caption, summary_cells, summary_columns
from peerreview_app.ui.workspace.tables import FitTable


class ConclusionPage(Page):
    """The review's conclusion: a table of the standards (judgements or counts), the overall judgement with a
    reasoned deviation (assessment) and the conclusion fields of the review kind.

    Signals:
        navigate(str, str): go to a page, e.g. ("standard", "LL") when a standard row is clicked.
    """

    key = "conclusion"
    navigate = Signal(str, str)

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("conclusionPage")
        kind = context.review().forms.kind
        derivation = kind.derivation
        self._columns = [] if derivation else summary_columns(kind.fields_for(Scope.STANDARD))

        content = QWidget()
        content.setObjectName("conclusionContent")
        layout = vbox(content, margins=16, spacing=8)
        title = heading(_("Conclusion"), 1)
        layout.addWidget(title)
        layout.addSpacing(4)
        self.banner = read_only_banner(content)
        layout.addWidget(self.banner)
        layout.addWidget(heading(_("Standards"), 2))
        extra = [_("Judgement"), _("How")] if derivation else [caption(s) for s in self._columns]
        self.standards = FitTable([_("Standard"), *extra], clickable=True)
        self.standards.setObjectName("conclusionStandardsTable")
        self.standards.setAccessibleName(_("The standards; Enter opens one"))
        self.standards.stretch(0)
        self.standards.row_activated.connect(self._open_standard)
        layout.addWidget(self.standards)
        self.override: OverrideBox | None = None
        if derivation is not None:
            self._scales = (derivation.standard_scale, derivation.overall_scale)
            self.override = OverrideBox(
                kind.scale(derivation.overall_scale),
                self._save_override,
                requires_reason=derivation.override_requires_reason,
                undecided_text=_("not every standard has a judgement yet"),
            )
            layout.addSpacing(12)
            layout.addWidget(heading(_("Overall judgement"), 2))
            layout.addWidget(self.override)
        layout.addSpacing(12)
        layout.addWidget(heading(_("The panel's conclusion"), 2))
        if not kind.fields_for(Scope.CONCLUSION):
            layout.addWidget(wrap(_("This review kind has no conclusion fields.")))
        self.form = FieldsForm(context, Scope.CONCLUSION)
        self.form.setObjectName("conclusionFields")
        form_layout = self.form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addStretch()
        self.editor = scrolling(content)
        self.editor.setObjectName("conclusionEditor")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.editor)
        self._standard_ids: list[str] = []
        self._shown = False
        context.changed.connect(self._changed)

    def show_item(self, review: Review, ref: str) -> None:
        super().show_item(review, ref)
        self.form.show_target("", review)
        self._show_state(review)
        self._shown = True

    def _show_state(self, review: Review) -> None:
        self.banner.setVisible(review.locked)
        self._standard_ids = [s.id for s in review.framework.standards]
        rows = []
        for standard in review.framework.standards:
            name = f"{standard.number}. {standard.title.get(language())}"
            conclusion = review.standard_conclusions[standard.id]
            if self.override is not None:
                effective = scale_label(review, self._scales[0], review.standard_judgement(standard.id))
                how = _("deviating from the derived judgement") if conclusion.override else _("derived")
                if not review.standard_judgement(standard.id):
                    how = _("not yet decided")
                rows.append([name, effective, how])
            else:
                rows.append([name, *summary_cells(conclusion.values, self._columns)])
        self.standards.set_rows(rows)
        if self.override is not None:
            assert review.conclusion is not None
            self.override.show_state(
                review,
                self._scales[1],
                review.derived_overall_judgement(),
                review.conclusion.override,
                review.conclusion.override_reason,
            )

    def _changed(self, review: Review) -> None:
        if self._shown:
            self._show_state(review)

    def _open_standard(self, row: int) -> None:
        if 0 <= row < len(self._standard_ids):
            self.commit()
            self.navigate.emit("standard", self._standard_ids[row])

    def _save_override(self, judgement: str | None, reason: str) -> bool:
        wb, review_id = self.context.workbench, self.context.review_id
        ok, _result = self.context.save(
            lambda: findings.set_overall_override(wb, review_id, judgement, reason), unsaved_text=reason or None
        )
        return ok

    def commit(self) -> bool:
        return self.form.commit()

    def focus_field(self, field: str) -> bool:
        return focus_override_or_field(field, self.override, self.form, self.editor)
