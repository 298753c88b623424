"""The new-review wizard, driven like a user would, checked through the services."""

# pytest-qt's QtBot methods carry no annotations; the calls are fine, only mypy cannot see their types.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerreview_app import config
from peerreview_app.domain.errors import DomainError
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import RecognitionStatus, Role, Sector
from peerreview_app.domain.text import Language
from peerreview_app.i18n import _
from peerreview_app.services import partnerships, reviews
from peerreview_app.services.errors import StorageError
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage.reviews import ReviewRepository
from peerreview_app.ui import operations
from peerreview_app.ui.qt import QComboBox, QDate, QLineEdit, QPoint, Qt, QTableWidgetItem, QWidget, QWizard
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.wizard import NewReviewWizard
from peerreview_app.ui.wizard.panel_page import NAME, ROLE, Person
from peerreview_app.ui.wizard.partnership_page import PartnershipPage

FORMS = Path(__file__).resolve().parents[2] / "forms"
DEFAULT_FRAMEWORK = "kwaliteitskader-so@2021.1-werkversie"


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the wizard shows, recorded instead of opening a modal message box."""
    shown: list[BaseException] = []

    def record(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
        shown.append(exc)

    monkeypatch.setattr(operations, "show_error", record)
    return shown


@pytest.fixture
def wizard(qtbot: QtBot, demo_workbench: Workbench, settings: Settings) -> NewReviewWizard:
    settings.identity_name = "Sanne de Vries"
    settings.identity_email = "sanne@example.org"
    shown = NewReviewWizard(demo_workbench, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click near the left edge: a radio button stretched by its layout only reacts on its circle and text."""
    point = QPoint(min(8, widget.width() // 2), widget.height() // 2)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def next_page(qtbot: QtBot, wizard: NewReviewWizard) -> None:
    before = wizard.currentId()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == before + 1


def cell(wizard: NewReviewWizard, row: int, column: int) -> QTableWidgetItem:
    item = wizard.panel_page.table.item(row, column)
    assert item is not None
    return item


def type_name(qtbot: QtBot, wizard: NewReviewWizard, row: int, text: str) -> None:
    """Type a name into the open cell editor and commit it with Enter, as a user does after "Add person"."""
    table = wizard.panel_page.table
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None, "Add person opens the name cell for editing"
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(wizard, row, NAME).text() == text)


def choose_role(qtbot: QtBot, wizard: NewReviewWizard, row: int, role: Role) -> None:
    """Open the role cell's combo box and pick `role` with the arrow keys."""
    table = wizard.panel_page.table
    table.setCurrentCell(row, ROLE)
    table.edit(table.currentIndex())
    combo = table.viewport().findChild(QComboBox, "roleEditor")
    assert combo is not None
    key = Qt.Key.Key_Down if combo.findData(role.value) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != role.value:
        qtbot.keyClick(combo, key)
    table.setCurrentCell(row, NAME)  # leaving the cell closes the editor


def to_partnership_page(qtbot: QtBot, wizard: NewReviewWizard, kind: ReviewKind) -> PartnershipPage:
    click(qtbot, wizard.kind_page.buttons[kind])
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    return wizard.partnership_page


def test_creates_an_assessment_review_for_a_new_partnership(
    qtbot: QtBot, wizard: NewReviewWizard, demo_workbench: Workbench, errors: list[BaseException]
) -> None:
    known = {p.id for p in partnerships.list_partnerships(demo_workbench)}
    page = to_partnership_page(qtbot, wizard, ReviewKind.ASSESSMENT)
    assert wizard.framework_page.framework_key() == DEFAULT_FRAMEWORK
    click(qtbot, page.new_radio)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "a new partnership needs a name"
    qtbot.keyClicks(page.name, "Partnerschap Rivierenland")
    qtbot.keyClicks(page.region, "Onderwijsregio Rivierenland")
    click(qtbot, page.sector_boxes[Sector.VO])
    assert page.recognition_status() is RecognitionStatus.ASPIRANT, "assessed partnerships are aspirant"
    next_page(qtbot, wizard)

    people = wizard.panel_page
    assert people.people() == [Person("Sanne de Vries", Role.SECRETARY, "", "sanne@example.org")]
    click(qtbot, people.add_button)
    type_name(qtbot, wizard, 1, "Jan Jansen")
    choose_role(qtbot, wizard, 1, Role.CHAIR)
    click(qtbot, people.add_button)
    type_name(qtbot, wizard, 2, "Ali Bakker")
    choose_role(qtbot, wizard, 2, Role.STUDENT_MEMBER)
    assert wizard.currentPage() is people, "Enter in a cell editor commits the cell, it does not advance"
    next_page(qtbot, wizard)

    visit = wizard.visit_page
    visit.day.setDate(QDate(2026, 3, 10))
    qtbot.keyClick(visit.day, Qt.Key.Key_Return)  # Enter in the date adds the day
    assert visit.visit_dates() == (date(2026, 3, 10),)
    visit.language_combo.setCurrentIndex(visit.language_combo.findData("en"))
    assert visit.title() == "Assessment peer review Partnerschap Rivierenland 2026"
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    assert errors == []
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.created_review_id is not None
    review = reviews.get_review(demo_workbench, wizard.created_review_id)
    assert review.kind is ReviewKind.ASSESSMENT
    assert review.framework.key == DEFAULT_FRAMEWORK
    assert review.partnership.name == "Partnerschap Rivierenland"
    assert review.partnership.id not in known
    assert review.partnership.region == "Onderwijsregio Rivierenland"
    assert review.partnership.status is RecognitionStatus.ASPIRANT
    assert review.sectors == (Sector.VO,)
    assert review.visit_dates == (date(2026, 3, 10),)
    assert review.language is Language.EN
    assert review.title == "Assessment peer review Partnerschap Rivierenland 2026"
    assert sorted((m.name, m.role) for m in review.members) == [
        ("Ali Bakker", Role.STUDENT_MEMBER),
        ("Jan Jansen", Role.CHAIR),
        ("Sanne de Vries", Role.SECRETARY),
    ]


def test_enter_advances_a_page(qtbot: QtBot, wizard: NewReviewWizard) -> None:
    wizard.kind_page.buttons[ReviewKind.DEVELOPMENTAL].setFocus()
    qtbot.keyClick(wizard.kind_page.buttons[ReviewKind.DEVELOPMENTAL], Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.framework_page


@pytest.mark.parametrize(
    ("roles", "names_ok"),
    [
        ((Role.SECRETARY, Role.CHAIR, Role.CHAIR), True),
        ((Role.CHAIR, Role.MEMBER), True),
        ((Role.SECRETARY, Role.CHAIR, Role.MEMBER), False),
    ],
    ids=["two chairs", "no secretary", "a nameless person"],
)
def test_the_panel_page_refuses_a_wrong_panel(
    qtbot: QtBot, wizard: NewReviewWizard, demo_workbench: Workbench, roles: tuple[Role, ...], names_ok: bool
) -> None:
    page = to_partnership_page(qtbot, wizard, ReviewKind.DEVELOPMENTAL)
    page.choose(partnerships.list_partnerships(demo_workbench)[0].id)
    next_page(qtbot, wizard)
    people = wizard.panel_page
    for row, role in enumerate(roles):
        if row >= people.table.rowCount():
            people.add_person(Person(f"Persoon {row}", Role.MEMBER))
        people.set_role(row, role)
    if not names_ok:
        cell(wizard, 2, NAME).setText("  ")

    expected = _("Choose exactly one chair and one secretary.") if names_ok else _("Every person needs a name.")
    assert not people.isComplete()
    assert not people.validatePage()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert people.problem.isVisibleTo(wizard)
    assert expected in people.problem.text()
    qtbot.keyClick(people.table, Qt.Key.Key_Return)
    assert wizard.currentPage() is people


def test_a_panel_with_one_chair_and_one_secretary_may_advance(qtbot: QtBot, wizard: NewReviewWizard) -> None:
    people = wizard.panel_page
    assert not people.isComplete(), "only the user, as secretary: no chair yet"
    people.add_person(Person("Jan Jansen", Role.CHAIR))
    assert people.isComplete()
    assert people.problem.isHidden()


def test_an_existing_partnership_is_reused(
    qtbot: QtBot, wizard: NewReviewWizard, demo_workbench: Workbench, errors: list[BaseException]
) -> None:
    before = partnerships.list_partnerships(demo_workbench)
    lingedelta = next(p for p in before if p.name == "Samen Opleiden Lingedelta")
    page = to_partnership_page(qtbot, wizard, ReviewKind.DEVELOPMENTAL)
    assert page.existing_radio.isChecked()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "nothing chosen yet"
    qtbot.keyClicks(page.search, "lingedelta")
    assert page.partnership() == lingedelta.id, "the only match is chosen"
    assert page.sectors() == lingedelta.sectors, "the partnership's sectors prefill the review's"
    click(qtbot, page.sector_boxes[Sector.MBO])
    next_page(qtbot, wizard)
    wizard.panel_page.add_person(Person("Jan Jansen", Role.CHAIR, "Hogeschool Rivierenland"))
    next_page(qtbot, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    assert errors == []
    assert wizard.created_review_id is not None
    review = reviews.get_review(demo_workbench, wizard.created_review_id)
    assert review.partnership.id == lingedelta.id
    assert review.kind is ReviewKind.DEVELOPMENTAL
    assert set(review.sectors) == {*lingedelta.sectors, Sector.MBO}
    assert len(partnerships.list_partnerships(demo_workbench)) == len(before)


def test_a_new_partnership_may_not_take_a_known_name(qtbot: QtBot, wizard: NewReviewWizard) -> None:
    page = to_partnership_page(qtbot, wizard, ReviewKind.DEVELOPMENTAL)
    click(qtbot, page.new_radio)
    qtbot.keyClicks(page.name, "samen opleiden lingedelta")
    assert not page.isComplete()
    assert page.problem.isVisibleTo(wizard)
    assert page.recognition_status() is RecognitionStatus.RECOGNISED


def test_the_developmental_kind_lists_only_fitting_frameworks(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    # An installed framework that no shipped kind names must not be offered.
    forms = config.user_forms_dir()
    forms.mkdir(parents=True, exist_ok=True)
    text = (FORMS / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8")
    (forms / "ander-kader.yaml").write_text(text.replace("id: kwaliteitskader-so", "id: ander-kader"), "utf-8")
    with Workbench.open(str(tmp_path / "fit.sqlite3"), actor="tester") as workbench:
        assert "ander-kader" in {f.id for f in workbench.catalog.frameworks()}
        wizard = NewReviewWizard(workbench, settings)
        qtbot.addWidget(wizard)
        wizard.show()
        click(qtbot, wizard.kind_page.buttons[ReviewKind.DEVELOPMENTAL])
        next_page(qtbot, wizard)
        kind = workbench.catalog.kind_form("developmental").kind
        assert kind is not None and kind.frameworks
        listed = wizard.framework_page.keys()
        assert {key.split("@")[0] for key in listed} == set(kind.frameworks)
        assert wizard.framework_page.framework_key() == DEFAULT_FRAMEWORK
        assert "4" in wizard.framework_page.facts.text() and "24" in wizard.framework_page.facts.text()
        assert wizard.framework_page.source_note.text().startswith("Werkversie")
        wizard.close()


def test_a_failure_while_storing_leaves_nothing_behind(
    qtbot: QtBot,
    wizard: NewReviewWizard,
    demo_workbench: Workbench,
    errors: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review, new partnership and panel are one transaction: a failure at the end leaves none of them."""
    before = {s.id for s in reviews.list_reviews(demo_workbench)}
    partnerships_before = {p.id for p in partnerships.list_partnerships(demo_workbench)}

    def full_disk(self: object, *args: object, **kwargs: object) -> None:
        raise StorageError("the disk holding the database is full; nothing was saved")

    monkeypatch.setattr(ReviewRepository, "add_many", full_disk)
    page = to_partnership_page(qtbot, wizard, ReviewKind.ASSESSMENT)
    click(qtbot, page.new_radio)
    qtbot.keyClicks(page.name, "Opleidingsschool Nergenshuizen")
    next_page(qtbot, wizard)
    wizard.panel_page.add_person(Person("Jan Jansen", Role.CHAIR))
    next_page(qtbot, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    assert {s.id for s in reviews.list_reviews(demo_workbench)} == before
    assert {p.id for p in partnerships.list_partnerships(demo_workbench)} == partnerships_before
    assert wizard.created_review_id is None
    assert wizard.isVisible(), "the wizard stays open with the user's entries"
    assert wizard.currentPage() is wizard.visit_page
    assert len(wizard.panel_page.people()) == 2
    assert [str(e) for e in errors] == ["the disk holding the database is full; nothing was saved"]


def test_a_failing_review_shows_the_error_and_stays_open(
    qtbot: QtBot,
    wizard: NewReviewWizard,
    demo_workbench: Workbench,
    errors: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = reviews.list_reviews(demo_workbench)

    def refuse(*args: object, **kwargs: object) -> None:
        raise DomainError("no reviews today")

    monkeypatch.setattr(reviews, "create_review", refuse)
    page = to_partnership_page(qtbot, wizard, ReviewKind.ASSESSMENT)
    page.choose(partnerships.list_partnerships(demo_workbench)[0].id)
    next_page(qtbot, wizard)
    wizard.panel_page.add_person(Person("Jan Jansen", Role.CHAIR))
    next_page(qtbot, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert [str(e) for e in errors] == ["no reviews today"]
    assert wizard.isVisible() and wizard.created_review_id is None
    assert len(reviews.list_reviews(demo_workbench)) == len(before)
