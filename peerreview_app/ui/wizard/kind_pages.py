"""The first two steps of the new-review wizard: the kind of review and the quality framework."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.i18n import _, language, ngettext
from peerreview_app.services import reviews
from peerreview_app.services.errors import InputError
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.qt import QFont, QLabel, QListWidget, QListWidgetItem, QRadioButton, Qt, QVBoxLayout, QWidget
from peerreview_app.ui.wizard.common import ProblemLabel, buddy, note, page_layout, with_mnemonic
from peerreview_app.ui.wizard.page import WizardPage

if TYPE_CHECKING:
    from peerreview_app.forms.loader import FormFile

# Developmental first: it is the regular six-yearly review; assessment is the exception for aspirants.
KIND_ORDER = (ReviewKind.DEVELOPMENTAL, ReviewKind.ASSESSMENT)


class KindPage(WizardPage):
    """Step 1: an ontwikkelingsgerichte or a beoordelingsgerichte peer review, described by the installed forms.

    Signals: completeChanged (from QWizardPage) when the choice changes.
    """

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kindPage")
        self.setTitle(_("Kind of peer review"))
        self.setSubTitle(_("Choose what the review is for: the partnership's development, or an assessment."))
        self._forms: dict[ReviewKind, FormFile] = {}
        self.buttons: dict[ReviewKind, QRadioButton] = {}
        layout = page_layout(self)
        used: set[str] = set()
        for kind in KIND_ORDER:
            try:
                form = workbench.catalog.kind_form(kind.value)
            except LookupError:
                continue  # not installed: the kind simply is not offered
            assert form.kind is not None
            self._forms[kind] = form
            button = QRadioButton(with_mnemonic(form.kind.name.get(language()), used))
            button.setObjectName(f"{kind.value}KindRadio")
            button.setAccessibleName(form.kind.name.get(language()))
            button.setAccessibleDescription(form.kind.description.get(language()))
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            button.toggled.connect(self.completeChanged)
            self.buttons[kind] = button
            description = note(form.kind.description.get(language()), f"{kind.value}KindDescription")
            description.setContentsMargins(26, 0, 0, 0)  # under the radio's text, not under its circle
            box = QVBoxLayout()
            box.setSpacing(4)
            box.addWidget(button)
            box.addWidget(description)
            layout.addLayout(box)
            layout.addSpacing(6)
        self.problem = ProblemLabel("kindProblem")
        if not self._forms:
            self.problem.show_problem(_("No review-kind form is installed; ask an administrator to import one."))
        layout.addWidget(self.problem)
        layout.addStretch(1)
        if self.buttons:
            next(iter(self.buttons.values())).setChecked(True)

    def kind(self) -> ReviewKind | None:
        return next((kind for kind, button in self.buttons.items() if button.isChecked()), None)

    def kind_form(self) -> FormFile | None:
        kind = self.kind()
        return self._forms[kind] if kind is not None else None

    def set_kind(self, kind: ReviewKind) -> None:
        self.buttons[kind].setChecked(True)

    def isComplete(self) -> bool:
        return self.kind() is not None


class FrameworkPage(WizardPage):
    """Step 2: an installed framework that fits the chosen kind, with its version, status and source note.

    Signals: completeChanged (from QWizardPage) when the selection changes.
    """

    def __init__(self, workbench: Workbench, kind_form: Callable[[], FormFile | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("frameworkPage")
        self.setTitle(_("Quality framework"))
        self.setSubTitle(_("Choose the framework the review works with; the review keeps this version for good."))
        self._workbench = workbench
        self._kind_form = kind_form
        self.list = QListWidget()
        self.list.setObjectName("frameworkList")
        self.list.setAccessibleName(_("Installed frameworks"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setMaximumHeight(150)
        self.list.currentItemChanged.connect(self._show_details)
        self.name = QLabel()
        self.name.setObjectName("frameworkName")
        self.name.setWordWrap(True)
        font = QFont(self.name.font())
        font.setBold(True)
        self.name.setFont(font)
        self.facts = note("", "frameworkFacts")
        self.source_note = note("", "frameworkSourceNote")
        self.problem = ProblemLabel("frameworkProblem")
        layout = page_layout(self)
        layout.addWidget(buddy(_("&Frameworks that fit this kind of review:"), self.list))
        layout.addWidget(self.list)
        details = QVBoxLayout()
        details.setSpacing(4)
        details.addWidget(self.name)
        details.addWidget(self.facts)
        details.addSpacing(4)
        details.addWidget(self.source_note)
        layout.addLayout(details)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Fill the list for the kind chosen on the previous page, keeping a choice that still fits."""
        kind_form = self._kind_form()
        previous = self.framework_key()
        self.list.clear()
        if kind_form is None or kind_form.kind is None:
            return
        fitting = kind_form.kind.frameworks
        for form in self._workbench.catalog.frameworks():
            if fitting and form.id not in fitting:
                continue
            assert form.framework is not None
            item = QListWidgetItem(f"{form.framework.name.get(language())}\n{form.version}")
            item.setData(Qt.ItemDataRole.UserRole, form)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{form.framework.name.get(language())} {form.version}")
            self.list.addItem(item)
        wanted = previous if previous in self.keys() else self._default(kind_form)
        rows = self.keys()
        self.list.setCurrentRow(rows.index(wanted) if wanted in rows else 0)
        self.problem.show_problem(
            "" if self.list.count() else _("No installed framework fits this kind of review; ask an administrator.")
        )
        self.completeChanged.emit()

    def _default(self, kind_form: FormFile) -> str | None:
        try:
            return reviews.choose_forms(self._workbench, kind_form.key)[0].key
        except InputError:
            return None

    def keys(self) -> list[str]:
        """The ``id@version`` of every listed framework, in list order."""
        return [self._form(self.list.item(row)).key for row in range(self.list.count())]

    def framework_key(self) -> str | None:
        item = self.list.currentItem()
        return self._form(item).key if item is not None else None

    @staticmethod
    def _form(item: QListWidgetItem) -> FormFile:
        form = item.data(Qt.ItemDataRole.UserRole)
        assert form is not None
        return cast("FormFile", form)

    def _show_details(self, item: QListWidgetItem | None) -> None:
        framework = self._form(item).framework if item is not None else None
        if framework is None:
            self.name.clear()
            self.facts.clear()
            self.source_note.clear()
        else:
            counts = _("{standards}, {criteria}").format(
                standards=ngettext("{count} standard", "{count} standards", len(framework.standards)).format(
                    count=len(framework.standards)
                ),
                criteria=ngettext("{count} criterion", "{count} criteria", framework.criterion_count).format(
                    count=framework.criterion_count
                ),
            )
            self.name.setText(framework.name.get(language()))
            self.facts.setText(
                _("Version {version} · status: {status} · {counts}").format(
                    version=framework.version, status=framework.status, counts=counts
                )
            )
            self.source_note.setText(framework.source_note.get(language()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.list.currentItem() is not None
