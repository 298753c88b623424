"""The workspace pages Overzicht, Partnerschap & panel, Ontwikkelvragen, Bezoekprogramma and the completeness panel."""

# pytest-qt's QtBot methods carry no annotations; the calls are fine, only mypy cannot see their types.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar
from uuid import UUID

import pytest
from PySide6.QtTest import QAbstractItemModelTester  # test-only; not part of ui.qt
from pytestqt.qtbot import QtBot

from peerreview_app.domain.completeness import CompletenessItem
from peerreview_app.domain.errors import DomainError, TransitionError
from peerreview_app.domain.kind import Scope
from peerreview_app.domain.partnership import Role, Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.i18n import _
from peerreview_app.services import reviews, workflow
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.labels import phase_label
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.completeness import ITEM_ROLE, CompletenessPanel
from peerreview_app.ui.qt import QCheckBox, QDialogButtonBox, QMessageBox, QPushButton, Qt, QTime
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace import context as context_module
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.conversation_dialog import DATA_ROLE, ConversationDialog
from peerreview_app.ui.workspace.fields import TextEditor
from peerreview_app.ui.workspace.member_dialog import MemberDialog
from peerreview_app.ui.workspace.note_editing import NoteDialog, parse_criteria
from peerreview_app.ui.workspace.overview import OPEN_ITEMS_SHOWN, OverviewPage
from peerreview_app.ui.workspace.page import Page
from peerreview_app.ui.workspace.panel_page import PanelPage
from peerreview_app.ui.workspace.programme import ProgrammePage
from peerreview_app.ui.workspace.questions import QuestionDialog, QuestionsPage

MakeContext = Callable[[UUID], WorkspaceContext]
P = TypeVar("P", bound=Page)


def mount(qtbot: QtBot, page_class: type[P], context: WorkspaceContext, ref: str = "") -> P:
    """A page as the workspace shows it: refreshed with the current ref whenever the review changes."""
    page = page_class(context, None)
    qtbot.addWidget(page)
    context.changed.connect(lambda review: page.show_item(review, page.ref))
    page.show_item(context.review(), ref)
    page.resize(1200, 800)
    page.show()
    return page


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered Yes; the list collects the questions' titles."""
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """The errors `context.save` would show in a dialog."""
    shown: list[BaseException] = []
    monkeypatch.setattr(context_module, "show_error", lambda _parent, exc, *_args: shown.append(exc))
    return shown


def click(qtbot: QtBot, button: QPushButton | QCheckBox) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot: QtBot, dialog: MemberDialog | QuestionDialog | ConversationDialog | NoteDialog) -> int:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    return dialog.result()


# -- Overzicht --------------------------------------------------------------------------------------------


def test_the_stepper_shows_the_current_phase_of_every_demo_review(qtbot: QtBot, make_context: MakeContext) -> None:
    # One test over the four demo reviews: every test pays for filling a fresh demo database.
    expected = {
        DEVELOPMENTAL_ID: Phase.REPORTING,
        ASSESSMENT_ID: Phase.REPORTING,
        HALF_FILLED_ID: Phase.VISIT,
        ADOPTED_ID: Phase.ADOPTED,
    }
    for review_id, phase in expected.items():
        page = mount(qtbot, OverviewPage, make_context(review_id))
        stepper = page.findChild(type(page.stepper), "phaseStepper")
        assert stepper is page.stepper
        assert stepper.phase is phase
        assert phase_label(phase) in stepper.accessibleName()
        assert stepper.sizeHint().width() >= 6 * stepper.fontMetrics().horizontalAdvance(_("preparation"))
        assert not stepper.grab().isNull()


def test_the_forward_button_moves_a_visit_to_reporting(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench
) -> None:
    page = mount(qtbot, OverviewPage, make_context(HALF_FILLED_ID))
    assert page.forward_button.text() == _("To {phase}").format(phase=phase_label(Phase.REPORTING))
    assert page.back_button.text() == _("Back to {phase}").format(phase=phase_label(Phase.PREPARATION))
    assert page.revision_button.isHidden()

    click(qtbot, page.forward_button)

    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).phase is Phase.REPORTING
    assert page.stepper.phase is Phase.REPORTING
    assert page.forward_button.text() == _("Adopt…")


def test_the_overview_lists_the_first_open_items_and_offers_all(qtbot: QtBot, make_context: MakeContext) -> None:
    context = make_context(HALF_FILLED_ID)
    page = mount(qtbot, OverviewPage, context)
    report = reviews.completeness_of(context.review())
    assert page.completeness_bar.value() == report.percent < 100
    text = page.open_items.text()
    assert report.items[0].text.split(":")[0] in text
    assert report.items[OPEN_ITEMS_SHOWN - 1].text.split(":")[0] in text
    assert report.items[-1].text not in text  # more than eight open: only the first are shown
    with qtbot.waitSignal(page.show_completeness):
        click(qtbot, page.show_all_button)


def test_adopting_asks_first_then_a_new_revision_opens(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = mount(qtbot, OverviewPage, make_context(ASSESSMENT_ID))
    assert page.forward_button.text() == _("Adopt…")
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    click(qtbot, page.forward_button)
    assert reviews.get_review(demo_workbench, ASSESSMENT_ID).phase is Phase.REPORTING  # said no: nothing happened

    asked: list[object] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    click(qtbot, page.forward_button)

    assert len(asked) == 1
    assert reviews.get_review(demo_workbench, ASSESSMENT_ID).phase is Phase.ADOPTED
    assert page.stepper.phase is Phase.ADOPTED
    assert not page.revision_button.isHidden()
    with qtbot.waitSignal(page.open_review) as opened:
        click(qtbot, page.revision_button)
    revision = reviews.get_review(demo_workbench, opened.args[0])
    assert revision.revision == 2
    assert revision.previous_revision_id == ASSESSMENT_ID
    assert revision.phase is Phase.REPORTING


def test_adopting_an_incomplete_review_shows_what_is_missing(
    qtbot: QtBot,
    make_context: MakeContext,
    demo_workbench: Workbench,
    errors: list[BaseException],
    answer_yes: list[str],
) -> None:
    workflow.move_to(demo_workbench, HALF_FILLED_ID, Phase.REPORTING)
    context = make_context(HALF_FILLED_ID)
    page = mount(qtbot, OverviewPage, context)
    open_items = reviews.completeness_of(context.review()).items

    click(qtbot, page.forward_button)

    assert answer_yes == []  # nothing to confirm: the review cannot be adopted yet
    assert len(errors) == 1
    assert isinstance(errors[0], TransitionError)
    assert list(errors[0].problems) == [item.text for item in open_items]
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).phase is Phase.REPORTING
    assert page.stepper.phase is Phase.REPORTING


# -- the completeness panel -------------------------------------------------------------------------------


def test_the_completeness_panel_lists_items_and_jumps_to_one(qtbot: QtBot, demo_workbench: Workbench) -> None:
    panel = CompletenessPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    panel.show_review(review)
    expected = [open_item.item for open_item in reviews.completeness_of(review).items]
    assert panel.items() == expected
    assert panel.list.count() > len(expected)  # with headings per standard

    wanted = next(
        i for i in range(panel.list.count()) if getattr(panel.list.item(i).data(ITEM_ROLE), "ref", "") == "OR-1"
    )
    entry = panel.list.item(wanted)
    with qtbot.waitSignal(panel.item_activated) as chosen:
        qtbot.mouseClick(
            panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(entry).center()
        )
    item = chosen.args[0]
    assert isinstance(item, CompletenessItem)
    assert item.ref == "OR-1"
    assert item.scope is Scope.CRITERION

    # Keyboard: arrows skip the headings, Enter activates.
    panel.list.setFocus()
    first = panel.first_item_row()
    assert first is not None
    panel.list.setCurrentRow(first)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.list.currentItem().data(ITEM_ROLE) == expected[1]
    with qtbot.waitSignal(panel.item_activated) as chosen:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert chosen.args[0] == expected[1]


def test_the_completeness_panel_says_when_everything_is_done(qtbot: QtBot, demo_workbench: Workbench) -> None:
    panel = CompletenessPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_review(reviews.get_review(demo_workbench, ASSESSMENT_ID))
    assert panel.list.isHidden()
    assert not panel.done.isHidden()
    assert _("Everything has been filled in.") in panel.done.text()


# -- Partnerschap & panel ---------------------------------------------------------------------------------


def test_adding_a_person_through_the_dialog(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = mount(qtbot, PanelPage, make_context(HALF_FILLED_ID))
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)

    def fill_in(dialog: MemberDialog) -> int:
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name, "Lieke Brouwer")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.EXPERT))
        qtbot.keyClicks(dialog.organisation, "Lectoraat Samen Opleiden")
        qtbot.keyClicks(dialog.email, "l.brouwer@example.nl")
        return press_ok(qtbot, dialog)

    monkeypatch.setattr(MemberDialog, "exec", fill_in)
    click(qtbot, page.add_button)

    added = [m for m in reviews.get_review(demo_workbench, HALF_FILLED_ID).members if m.name == "Lieke Brouwer"]
    assert len(added) == 1
    assert (added[0].role, added[0].organisation, added[0].email) == (
        Role.EXPERT,
        "Lectoraat Samen Opleiden",
        "l.brouwer@example.nl",
    )
    assert page.selected_member() == added[0]


def test_a_member_with_notes_cannot_be_removed_but_one_without_can(
    qtbot: QtBot,
    make_context: MakeContext,
    demo_workbench: Workbench,
    errors: list[BaseException],
    answer_yes: list[str],
) -> None:
    page = mount(qtbot, PanelPage, make_context(HALF_FILLED_ID))
    before = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    chair = before.members_with_role(Role.CHAIR)[0]
    assert before.notes_for_criterion("LL-1")[0].author_id == chair.id

    page.select_member(chair.id)
    click(qtbot, page.remove_button)

    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert chair.name in str(errors[0])
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).members == before.members

    secretary = before.members_with_role(Role.SECRETARY)[0]
    page.select_member(secretary.id)
    click(qtbot, page.remove_button)
    assert secretary.id not in {m.id for m in reviews.get_review(demo_workbench, HALF_FILLED_ID).members}
    assert len(answer_yes) == 2


def test_saying_who_you_are_marks_the_row(qtbot: QtBot, make_context: MakeContext, settings: Settings) -> None:
    context = make_context(HALF_FILLED_ID)
    page = mount(qtbot, PanelPage, context)
    member = context.review().members[2]
    page.select_member(member.id)
    click(qtbot, page.me_button)
    assert settings.member_for(HALF_FILLED_ID) == member.id
    assert context.current_member() == member
    row = page.model.row_of(member.id)
    assert _("This is you") in page.model.index(row, 0).data()
    assert not page.me_button.isEnabled()  # already this person


def test_partnership_and_review_details_are_saved(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench
) -> None:
    page = mount(qtbot, PanelPage, make_context(HALF_FILLED_ID))
    page.partnership.region.clear()
    qtbot.keyClicks(page.partnership.region, "Onderwijsregio Zeeland")
    qtbot.keyClick(page.partnership.region, Qt.Key.Key_Return)
    click(qtbot, page.details.sectors.boxes[Sector.PO])  # PO off: no sectors left
    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    assert review.partnership.region == "Onderwijsregio Zeeland"
    assert review.sectors == ()
    page.details.title_edit.selectAll()
    qtbot.keyClicks(page.details.title_edit, "Peer review Zuidwest 2026")
    assert page.commit()  # leaving the page saves what was typed
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).title == "Peer review Zuidwest 2026"
    page.details.visit.new_date.setDate(page.details.visit.new_date.date().addDays(1))
    click(qtbot, page.details.visit.add_button)
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).visit_dates == (date(2026, 11, 19), date(2026, 11, 20))


# -- Bezoekprogramma --------------------------------------------------------------------------------------


def test_adding_a_conversation_and_a_note_on_it(
    qtbot: QtBot,
    make_context: MakeContext,
    demo_workbench: Workbench,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
) -> None:
    context = make_context(HALF_FILLED_ID)
    page = mount(qtbot, ProgrammePage, context)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    notes = page.notes

    # The user is nobody on this panel: the notes form explains and offers to say who they are.
    assert notes.stack.currentIndex() == 1
    noor = next(m for m in context.review().members if m.name == "Noor Hendriks")
    notes.who.setCurrentIndex(notes.who.findData(noor.id))
    click(qtbot, notes.me_button)
    assert settings.member_for(HALF_FILLED_ID) == noor.id
    assert notes.stack.currentIndex() == 0

    def fill_in(dialog: ConversationDialog) -> int:
        qtbot.keyClicks(dialog.title, "Alumni")
        dialog.starts.setTime(QTime(14, 15))
        dialog.ends.setTime(QTime(15, 0))
        qtbot.keyClicks(dialog.location, "Teamkamer")
        topics = dialog.topics
        lo2 = next(topics.item(r) for r in range(topics.count()) if topics.item(r).data(DATA_ROLE) == "LO-2")
        lo2.setCheckState(Qt.CheckState.Checked)
        return press_ok(qtbot, dialog)

    monkeypatch.setattr(ConversationDialog, "exec", fill_in)
    click(qtbot, page.add_button)

    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    added = next(c for c in review.conversations if c.title == "Alumni")
    assert (added.day, added.starts_at, added.ends_at) == (date(2026, 11, 19), time(14, 15), time(15, 0))
    assert added.topics == ("LO-2",)
    assert noor.id in added.member_ids
    assert page.selected_conversation() == added
    rows = [page.model.conversation_at(row) for row in range(page.model.rowCount())]
    order = [c.sort_key() for c in rows if c is not None]
    assert len(order) == 7
    assert order == sorted(order)  # the new one sits between 13:30 and 15:30

    qtbot.keyClicks(notes.note_text, "Alumni missen terugkoppeling van de pabo.")
    qtbot.keyClicks(notes.criteria.edit, "XX-1")
    assert not notes.add_button.isEnabled()
    assert not notes.criteria.problem.isHidden()
    notes.criteria.edit.clear()
    qtbot.keyClicks(notes.criteria.edit, "lo-2")
    click(qtbot, notes.add_button)

    written = [n for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes if n.conversation_id == added.id]
    assert len(written) == 1
    assert (written[0].author_id, written[0].criterion_ids) == (noor.id, ("LO-2",))
    assert written[0].text == "Alumni missen terugkoppeling van de pabo."
    assert notes.note_text.toPlainText() == ""
    assert notes.table.rowCount() == 1


def test_own_notes_can_be_changed_and_removed_and_conversations_changed(
    qtbot: QtBot,
    make_context: MakeContext,
    demo_workbench: Workbench,
    *,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    answer_yes: list[str],
) -> None:
    before = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    chair = before.members_with_role(Role.CHAIR)[0]
    settings.set_member_for(HALF_FILLED_ID, chair.id)
    page = mount(qtbot, ProgrammePage, make_context(HALF_FILLED_ID))
    notes = page.notes
    first = before.conversations[0]
    assert page.selected_conversation() == first
    own = next(n for n in before.notes if n.conversation_id == first.id and n.author_id == chair.id)
    notes.select_note(own.id)
    assert notes.edit_button.isEnabled() and notes.remove_button.isEnabled()

    def rewrite(dialog: NoteDialog) -> int:
        dialog.text.setPlainText("Visie breed gedragen.")
        dialog.criteria.edit.setText("LL-1 LL-3")
        return press_ok(qtbot, dialog)

    monkeypatch.setattr(NoteDialog, "exec", rewrite)
    click(qtbot, notes.edit_button)
    changed = reviews.get_review(demo_workbench, HALF_FILLED_ID).note(own.id)
    assert (changed.text, changed.criterion_ids) == ("Visie breed gedragen.", ("LL-1", "LL-3"))

    notes.select_note(own.id)
    click(qtbot, notes.remove_button)
    assert own.id not in {n.id for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes}

    # Someone else's note cannot be changed.
    other = next(n for n in before.notes if n.author_id != chair.id and n.conversation_id is not None)
    page.select_conversation(other.conversation_id)  # type: ignore[arg-type]
    notes.select_note(other.id)
    assert notes.selected_note() == other
    assert not notes.edit_button.isEnabled() and not notes.remove_button.isEnabled()

    def later(dialog: ConversationDialog) -> int:
        dialog.ends.setTime(QTime(12, 0))
        return press_ok(qtbot, dialog)

    monkeypatch.setattr(ConversationDialog, "exec", later)
    click(qtbot, page.edit_button)
    conversation = reviews.get_review(demo_workbench, HALF_FILLED_ID).conversation(other.conversation_id)  # type: ignore[arg-type]
    assert conversation.ends_at == time(12, 0)


def test_criteria_are_read_leniently_and_checked_against_the_framework(demo_workbench: Workbench) -> None:
    framework = reviews.get_review(demo_workbench, HALF_FILLED_ID).framework
    assert parse_criteria("ll-1, LO-3;KC-2  lo-3", framework) == (("LL-1", "LO-3", "KC-2"), ())
    assert parse_criteria("LL-1, XX-9, LL", framework) == (("LL-1",), ("XX-9", "LL"))


# -- Ontwikkelvragen --------------------------------------------------------------------------------------


def test_adding_and_answering_a_development_question(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = mount(qtbot, QuestionsPage, make_context(DEVELOPMENTAL_ID), "Q2")
    assert page.selected_question().number == 2  # type: ignore[union-attr]

    def fill_in(dialog: QuestionDialog) -> int:
        qtbot.keyClicks(dialog.text, "Hoe betrekken we het mbo?")
        qtbot.keyClicks(dialog.context, "Het mbo sloot in 2025 aan.")
        return press_ok(qtbot, dialog)

    monkeypatch.setattr(QuestionDialog, "exec", fill_in)
    click(qtbot, page.add_button)

    questions = reviews.get_review(demo_workbench, DEVELOPMENTAL_ID).questions
    assert [q.number for q in questions] == [1, 2, 3, 4]
    new = questions[-1]
    assert (new.text, new.context) == ("Hoe betrekken we het mbo?", "Het mbo sloot in 2025 aan.")
    assert page.selected_question() == new

    editor = page.form.editors["answer"]
    assert isinstance(editor, TextEditor)
    qtbot.keyClicks(editor.box, "Begin met een gezamenlijke studiedag.")
    assert page.commit()
    stored = reviews.get_review(demo_workbench, DEVELOPMENTAL_ID).question(new.id)
    assert stored.values["answer"] == "Begin met een gezamenlijke studiedag."


def test_removing_a_development_question_asks_first(
    qtbot: QtBot, make_context: MakeContext, demo_workbench: Workbench, answer_yes: list[str]
) -> None:
    page = mount(qtbot, QuestionsPage, make_context(DEVELOPMENTAL_ID), "Q3")
    doomed = page.selected_question()
    assert doomed is not None
    click(qtbot, page.remove_button)
    assert answer_yes == [_("Remove development question")]
    assert doomed.id not in {q.id for q in reviews.get_review(demo_workbench, DEVELOPMENTAL_ID).questions}


# -- an adopted review is read-only -----------------------------------------------------------------------


def test_every_page_is_read_only_on_an_adopted_review(qtbot: QtBot, make_context: MakeContext) -> None:
    context = make_context(ADOPTED_ID)
    panel = mount(qtbot, PanelPage, context)
    panel.select_member(context.review().members[0].id)
    assert not any(b.isEnabled() for b in (panel.add_button, panel.edit_button, panel.remove_button))
    assert not panel.partnership.name.isEnabled()
    assert not panel.details.title_edit.isEnabled()
    assert not panel.details.visit.add_button.isEnabled()

    programme = mount(qtbot, ProgrammePage, context)
    assert programme.selected_conversation() is not None
    assert not any(b.isEnabled() for b in (programme.add_button, programme.edit_button, programme.remove_button))
    assert programme.notes.stack.currentIndex() == 2  # "adopted and read-only" instead of the form
    assert not programme.notes.add_button.isEnabled()

    questions = mount(qtbot, QuestionsPage, context)
    assert not questions.add_button.isEnabled()
    assert not questions.remove_button.isEnabled()
    assert questions.text.isReadOnly()
    answer = questions.form.editors["answer"]
    assert isinstance(answer, TextEditor)
    assert answer.box.isReadOnly()

    overview = mount(qtbot, OverviewPage, context)
    assert not overview.revision_button.isHidden()
    assert overview.forward_button.text() == _("To {phase}").format(phase=phase_label(Phase.FOLLOW_UP))
