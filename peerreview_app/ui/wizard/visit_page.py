"""Step 5 of the new-review wizard: visit days, the review's title and the report language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from peerreview_app.domain.text import Language
from peerreview_app.i18n import _, language
from peerreview_app.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QPushButton,
    Qt,
    QtGui,
    QVBoxLayout,
    QWidget,
    Signal,
)
from peerreview_app.ui.wizard.common import buddy, form_layout, note, page_layout
from peerreview_app.ui.wizard.page import WizardPage

DefaultTitle = Callable[[tuple[date, ...], Language], str]


def ui_locale() -> QLocale:
    """The Qt locale of the interface language, for dates (not the system's, which may differ)."""
    return QLocale(QLocale.Language.Dutch if language() is Language.NL else QLocale.Language.English)


def long_date(day: date) -> str:
    """``dinsdag 10 maart 2026`` in the interface language."""
    return ui_locale().toString(QDate(day), QLocale.FormatType.LongFormat)


class DayEdit(QDateEdit):
    """A date edit where Enter adds the day instead of finishing the wizard with the day left out.

    Signals: submitted() when the user presses Enter.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VisitPage(WizardPage):
    """Step 5: the visit day(s), the title (prefilled until the user edits it) and the report language.

    Signals: completeChanged (from QWizardPage); the page is always complete, visit days are advised only.
    """

    def __init__(self, default_title: DefaultTitle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitPage")
        self.setTitle(_("Visit and report"))
        self.setSubTitle(_("When is the visit, what is the review called, and in which language is the report?"))
        self._default_title = default_title
        self._title_touched = False
        form = form_layout()
        form.addRow(buddy(_("Visit &day:"), self._build_days()), self._days_layout)
        self._build_details()
        form.addRow(buddy(_("T&itle:"), self.title_edit), self.title_edit)
        form.addRow(buddy(_("Report &language:"), self.language_combo), self.language_combo)
        layout = page_layout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self._selection_changed()
        self._update_advice()

    def _build_days(self) -> QWidget:
        """The day picker, the list of days and their buttons; answers the widget the label points to."""
        self.day = DayEdit(QDate.currentDate())
        self.day.setObjectName("visitDayEdit")
        self.day.setAccessibleName(_("Visit day"))
        self.day.setCalendarPopup(True)
        self.day.setLocale(ui_locale())
        self.day.setDisplayFormat("ddd d MMM yyyy")  # the weekday helps to pick a visit day; no ambiguous 3/4
        self.day.submitted.connect(self.add_current_day)
        self.add_button = QPushButton(_("&Add day"))
        self.add_button.setObjectName("addVisitDayButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current_day)
        self.days = QListWidget()
        self.days.setObjectName("visitDayList")
        self.days.setAccessibleName(_("Visit days"))
        self.days.setMaximumHeight(110)
        self.days.setStyleSheet("QListWidget#visitDayList::item { padding: 3px 2px; }")
        self.days.currentRowChanged.connect(self._selection_changed)
        self.remove_button = QPushButton(_("R&emove day"))
        self.remove_button.setObjectName("removeVisitDayButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current_day)
        self.advice = note(_("Add at least one visit day now or later: the review is complete only with one."))
        self.advice.setObjectName("visitDayAdvice")
        picker = QHBoxLayout()
        picker.addWidget(self.day)
        picker.addWidget(self.add_button)
        picker.addStretch(1)
        remove = QHBoxLayout()
        remove.addWidget(self.remove_button)
        remove.addStretch(1)
        self._days_layout = QVBoxLayout()
        self._days_layout.setSpacing(6)
        self._days_layout.addLayout(picker)
        self._days_layout.addWidget(self.days)
        self._days_layout.addLayout(remove)
        self._days_layout.addWidget(self.advice)
        return self.day

    def _build_details(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("reviewTitleEdit")
        self.title_edit.setAccessibleName(_("Title of the review"))
        self.title_edit.textEdited.connect(self._title_edited)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("reportLanguageCombo")
        self.language_combo.setAccessibleName(_("Report language"))
        # Each language under its own name, so every reader recognises theirs (as in the settings dialog).
        self.language_combo.addItem("Nederlands", Language.NL.value)
        self.language_combo.addItem("English", Language.EN.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language().value))
        self.language_combo.currentIndexChanged.connect(self._refresh_title)

    def initializePage(self) -> None:
        self._refresh_title()

    # -- what the page answers ------------------------------------------------------------------------------
    def visit_dates(self) -> tuple[date, ...]:
        found = (self.days.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.days.count()))
        return tuple(day for day in found if isinstance(day, date))

    def report_language(self) -> Language:
        return Language(self.language_combo.currentData())

    def title(self) -> str:
        return self.title_edit.text().strip()

    # -- actions --------------------------------------------------------------------------------------------
    def add_day(self, day: date) -> None:
        """Add `day` to the list, in date order, once."""
        if day in self.visit_dates():
            return
        ordered = sorted((*self.visit_dates(), day))
        self.days.clear()
        for each in ordered:
            item = QListWidgetItem(long_date(each))
            item.setData(Qt.ItemDataRole.UserRole, each)
            self.days.addItem(item)
        self.days.setCurrentRow(ordered.index(day))
        self._update_advice()
        self._refresh_title()

    def add_current_day(self) -> None:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        self.add_day(day)

    def remove_current_day(self) -> None:
        row = self.days.currentRow()
        if row >= 0:
            self.days.takeItem(row)
            self._update_advice()
            self._refresh_title()

    def _update_advice(self) -> None:
        self.advice.setVisible(self.days.count() == 0)

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.days.currentRow() >= 0)

    def _title_edited(self, text: str) -> None:
        # Emptying the title hands it back to the wizard, which fills in the default again.
        self._title_touched = bool(text.strip())

    def _refresh_title(self) -> None:
        default = self._default_title(self.visit_dates(), self.report_language())
        self.title_edit.setPlaceholderText(default)
        if not self._title_touched:
            self.title_edit.setText(default)
