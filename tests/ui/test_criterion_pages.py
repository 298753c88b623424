"""The criterion, standard and conclusion pages, driven through their widgets and checked through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest
from pytestqt.qtbot import QtBot

from peerreview_app.domain.kind import Scope
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.phases import Phase
from peerreview_app.services import panel, programme, reviews, workflow
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID, demo_uuid
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.qt import QComboBox, QFrame, QLabel, QLineEdit, QPlainTextEdit, QPushButton, Qt, QTimer, QWidget
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace import context as context_module
from peerreview_app.ui.workspace.conclusion import ConclusionPage
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.criterion import CriterionPage
from peerreview_app.ui.workspace.fields import JudgementEditor, TextEditor
from peerreview_app.ui.workspace.judgements import DissentDialog
from peerreview_app.ui.workspace.standard import StandardPage

MakeContext = Callable[[UUID], WorkspaceContext]
NOOR = demo_uuid("zuidwest-2026", "member", "noor")


def criterion_page(qtbot, context: WorkspaceContext, criterion_id: str) -> CriterionPage:
    page = CriterionPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.show_item(context.review(), criterion_id)
    return page


def child(page: QWidget, kind: type, name: str):
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


def stored(workbench: Workbench, review_id: UUID, criterion_id: str, field: str) -> object:
    return reviews.get_review(workbench, review_id).findings[criterion_id].values.get(field)


# -- a whole assessment, filled in through the pages ------------------------------------------------------


def test_an_assessment_filled_in_through_the_pages_can_be_adopted_and_is_then_read_only(
    qtbot: QtBot, demo_workbench: Workbench, make_context: MakeContext
) -> None:
    review = reviews.create_review(demo_workbench, kind="assessment", partnership="Partnerschap Testland")
    panel.add_member(demo_workbench, review.id, name="Vera Voorzitter", role=Role.CHAIR)
    panel.add_member(demo_workbench, review.id, name="Sam Secretaris", role=Role.SECRETARY)
    reviews.update_details(demo_workbench, review.id, visit_dates=[date(2026, 5, 12)])
    programme.add_conversation(demo_workbench, review.id, title="Studenten en startende leraren")
    context = make_context(review.id)
    criteria = [c.id for c in context.review().framework.criteria()]
    page = criterion_page(qtbot, context, criteria[0])

    for criterion_id in criteria:
        page.show_item(context.review(), criterion_id)
        combo = child(page, QComboBox, "judgement_judgement")
        combo.setCurrentIndex(combo.findData("meets"))  # a judgement saves at once
        assert stored(demo_workbench, review.id, criterion_id, "judgement") == "meets"
        qtbot.keyClicks(child(page, QPlainTextEdit, "text_motivation"), f"Gezien en gehoord bij {criterion_id}.")
        assert page.commit()
        assert stored(demo_workbench, review.id, criterion_id, "motivation") == f"Gezien en gehoord bij {criterion_id}."

    standard_page = StandardPage(context)
    qtbot.addWidget(standard_page)
    for standard in context.review().framework.standards:
        standard_page.show_item(context.review(), standard.id)
        assert standard_page.override is not None
        assert "voldoet" in standard_page.override.summary.text()
        qtbot.keyClicks(child(standard_page, QPlainTextEdit, "text_motivation"), f"Alle kenmerken van {standard.id}.")
        assert standard_page.commit()

    conclusion_page = ConclusionPage(context)
    qtbot.addWidget(conclusion_page)
    conclusion_page.show_item(context.review(), "")
    assert conclusion_page.override is not None
    assert "basiskwaliteit voldoende" in conclusion_page.override.summary.text()
    qtbot.keyClicks(child(conclusion_page, QPlainTextEdit, "text_motivation"), "Basiskwaliteit is gerealiseerd.")
    assert conclusion_page.commit()

    report = reviews.completeness(demo_workbench, review.id)
    assert report.percent == 100, [item.text for item in report.items]
    workflow.move_to(demo_workbench, review.id, Phase.VISIT)
    workflow.move_to(demo_workbench, review.id, Phase.REPORTING)
    assert workflow.adopt(demo_workbench, review.id).phase is Phase.ADOPTED

    adopted = context.reload()
    fresh = criterion_page(qtbot, context, criteria[3])
    assert_read_only(fresh)
    fresh_standard = StandardPage(context)
    qtbot.addWidget(fresh_standard)
    fresh_standard.show_item(adopted, "LO")
    assert fresh_standard.override is not None
    assert not fresh_standard.override.deviate.isEnabled()
    assert all(editor.box.isReadOnly() for editor in fresh_standard.form.editors.values())  # type: ignore[attr-defined]
    fresh_conclusion = ConclusionPage(context)
    qtbot.addWidget(fresh_conclusion)
    fresh_conclusion.show_item(adopted, "")
    assert fresh_conclusion.override is not None
    assert not fresh_conclusion.override.deviate.isEnabled()


def assert_read_only(page: CriterionPage) -> None:
    for editor in page.form.editors.values():
        if isinstance(editor, TextEditor):
            assert editor.box.isReadOnly(), editor.spec.id
        elif isinstance(editor, JudgementEditor):
            assert not editor.isEnabled(), editor.spec.id
        else:
            assert not editor.focusProxy().isEnabled(), editor.spec.id
    assert not page.notes.composer.isVisibleTo(page)
    assert not page.notes.add.isVisibleTo(page)
    assert not page.findChildren(QPushButton, "editNoteButton")
    assert page.banner.isVisibleTo(page)
    if page.judgements is not None:
        assert not page.judgements.combo.isEnabled()
        assert not page.judgements.motivation.isEnabled()


def test_an_adopted_developmental_review_shows_read_only_editors(
    qtbot: QtBot, make_context: MakeContext, settings: Settings
) -> None:
    context = make_context(ADOPTED_ID)
    member = next(m for m in context.review().members if m.role is Role.MEMBER)
    settings.identity_name = member.name  # even a panel member cannot add notes to an adopted review
    page = criterion_page(qtbot, context, "LL-1")
    assert page.judgements is None
    assert_read_only(page)


# -- undo and redo ----------------------------------------------------------------------------------------


def test_undo_and_redo_of_a_motivation_reach_the_service_and_the_editor(
    qtbot: QtBot, demo_workbench: Workbench, make_context: MakeContext
) -> None:
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LL-1")
    box = child(page, QPlainTextEdit, "text_motivation")
    old = box.toPlainText()
    assert old
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " Nagekeken.")
    assert page.commit()
    assert stored(demo_workbench, HALF_FILLED_ID, "LL-1", "motivation") == old + " Nagekeken."

    context.undo.undo()
    assert stored(demo_workbench, HALF_FILLED_ID, "LL-1", "motivation") == old
    assert box.toPlainText() == old
    context.undo.redo()
    assert stored(demo_workbench, HALF_FILLED_ID, "LL-1", "motivation") == old + " Nagekeken."
    assert box.toPlainText() == old + " Nagekeken."


# -- notes ------------------------------------------------------------------------------------------------


def test_my_note_is_stored_as_mine_on_this_criterion_and_can_be_edited_removed_and_restored(
    qtbot: QtBot,
    demo_workbench: Workbench,
    make_context: MakeContext,
    settings: Settings,
) -> None:
    settings.identity_name = "Noor Hendriks"
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LO-5")
    mine_before = [n for n in context.review().notes if n.author_id == NOOR]
    composer = child(page, QPlainTextEdit, "noteComposer")
    qtbot.keyClicks(composer, "Starters bij bestuur B kennen geen inductie.")
    qtbot.mouseClick(child(page, QPushButton, "addNoteButton"), Qt.MouseButton.LeftButton)

    notes = reviews.get_review(demo_workbench, HALF_FILLED_ID).notes
    added = next(n for n in notes if n.text == "Starters bij bestuur B kennen geen inductie.")
    assert added.author_id == NOOR
    assert added.criterion_ids == ("LO-5",)
    assert added.conversation_id is None
    assert composer.toPlainText() == ""
    assert len([n for n in notes if n.author_id == NOOR]) == len(mine_before) + 1

    qtbot.keyClicks(composer, "Tweede aantekening")
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert any(n.text == "Tweede aantekening" for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes)
    context.undo.undo()
    assert not any(n.text == "Tweede aantekening" for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes)

    qtbot.mouseClick(note_button(page, added.text, "editNoteButton"), Qt.MouseButton.LeftButton)
    assert composer.toPlainText() == added.text
    qtbot.keyClicks(composer, " Navragen.")
    qtbot.mouseClick(child(page, QPushButton, "addNoteButton"), Qt.MouseButton.LeftButton)
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).note(added.id).text == added.text + " Navragen."

    qtbot.mouseClick(note_button(page, added.text + " Navragen.", "removeNoteButton"), Qt.MouseButton.LeftButton)
    assert all(n.id != added.id for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes)
    context.undo.undo()
    restored = reviews.get_review(demo_workbench, HALF_FILLED_ID).note(added.id)
    assert (restored.text, restored.author_id, restored.criterion_ids) == (
        added.text + " Navragen.",
        NOOR,
        ("LO-5",),
    )


def note_button(page: CriterionPage, text: str, name: str) -> QPushButton:
    """The button `name` on the card of my note with `text`, as shown now."""
    for card in page.notes.findChildren(QFrame, "noteCard"):
        label = card.findChild(QLabel, "noteText")
        if card.isVisibleTo(page) and label is not None and label.text() == text:
            return child(card, QPushButton, name)  # type: ignore[no-any-return]
    raise AssertionError(f"no card shows {text!r}")


def test_a_user_not_on_the_panel_is_told_so_and_can_say_who_they_are(
    qtbot: QtBot,
    make_context: MakeContext,
    settings: Settings,
) -> None:
    settings.identity_name = "Iemand Anders"
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LO-5")
    assert page.notes.stranger.isVisible()
    assert "Iemand Anders" in page.notes.explanation.text()
    assert not page.notes.composer.isVisible()
    notes_on_page = page.panel_notes.findChildren(QWidget, "noteCard")
    assert len(notes_on_page) == len(context.review().notes_for_criterion("LO-5"))

    chooser = child(page, QComboBox, "memberChooser")
    chooser.setCurrentIndex(chooser.findData(str(NOOR)))
    chooser.activated.emit(chooser.currentIndex())
    assert settings.member_for(HALF_FILLED_ID) == NOOR
    assert context.current_member() is not None
    assert not page.notes.stranger.isVisible()
    assert page.notes.composer.isVisible()


def test_a_draft_note_is_kept_when_leaving_the_page(
    qtbot: QtBot,
    demo_workbench: Workbench,
    make_context: MakeContext,
    settings: Settings,
) -> None:
    settings.identity_name = "Noor Hendriks"
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LO-5")
    qtbot.keyClicks(child(page, QPlainTextEdit, "noteComposer"), "Nog uitzoeken")
    page.show_item(context.review(), "LO-6")
    note = next(n for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes if n.text == "Nog uitzoeken")
    assert note.criterion_ids == ("LO-5",)


# -- provisional judgements -------------------------------------------------------------------------------


def test_my_provisional_judgement_is_stored_and_changes_the_spread_and_dissent_can_be_recorded(
    qtbot: QtBot,
    demo_workbench: Workbench,
    make_context: MakeContext,
    settings: Settings,
) -> None:
    settings.identity_name = "Noor Hendriks"
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LL-1")
    assert page.judgements is not None
    spread = child(page, QWidget, "judgementSpread")
    before = spread.text()
    assert "3×" in before
    dissent_button = child(page, QPushButton, "recordDissentButton")
    assert not dissent_button.isVisible()  # everyone agrees with the panel

    combo = child(page, QComboBox, "myJudgementCombo")
    combo.setCurrentIndex(combo.findData("does_not_meet"))
    motivation = child(page, QLineEdit, "myMotivationEdit")
    motivation.setFocus()
    qtbot.keyClicks(motivation, "Visie is niet bij alle scholen bekend.")
    qtbot.keyClick(motivation, Qt.Key.Key_Return)

    mine = next(j for j in reviews.get_review(demo_workbench, HALF_FILLED_ID).member_judgements if j.member_id == NOOR)
    assert (mine.criterion_id, mine.judgement, mine.motivation) == (
        "LL-1",
        "does_not_meet",
        "Visie is niet bij alle scholen bekend.",
    )
    assert spread.text() != before
    assert "2×" in spread.text()
    assert "1×" in spread.text()
    assert dissent_button.isVisible()

    def write_dissent() -> None:
        dialog = page.findChild(DissentDialog, "dissentDialog")
        assert dialog is not None
        dialog.text.setPlainText("Ik blijf bij voldoet niet.")
        dialog.accept()

    QTimer.singleShot(0, write_dissent)
    qtbot.mouseClick(dissent_button, Qt.MouseButton.LeftButton)
    mine = next(j for j in reviews.get_review(demo_workbench, HALF_FILLED_ID).member_judgements if j.member_id == NOOR)
    assert (mine.judgement, mine.dissent) == ("does_not_meet", "Ik blijf bij voldoet niet.")
    assert mine.motivation == "Visie is niet bij alle scholen bekend."


def test_a_developmental_criterion_has_no_provisional_judgements(qtbot: QtBot, make_context: MakeContext) -> None:
    context = make_context(DEVELOPMENTAL_ID)
    page = criterion_page(qtbot, context, "LO-2")
    assert page.judgements is None
    assert set(page.form.editors) == {spec.id for spec in context.review().forms.kind.fields_for(Scope.CRITERION)}
    assert page.findChild(QComboBox, "myJudgementCombo") is None


# -- standard and conclusion ------------------------------------------------------------------------------


def test_a_standard_override_needs_a_reason_and_then_shows_as_the_judgement(
    qtbot: QtBot, demo_workbench: Workbench, make_context: MakeContext
) -> None:
    context = make_context(HALF_FILLED_ID)
    page = StandardPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_item(context.review(), "LL")
    box = page.override
    assert box is not None
    assert "voldoet" in box.summary.text()
    qtbot.mouseClick(child(page, QPushButton, "deviateButton"), Qt.MouseButton.LeftButton)
    combo = child(page, QComboBox, "overrideCombo")
    combo.setCurrentIndex(combo.findData("does_not_meet"))
    save = child(page, QPushButton, "saveOverrideButton")
    assert not save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).standard_conclusions["LL"].override is None

    qtbot.keyClicks(child(page, QPlainTextEdit, "overrideReason"), "De visie is alleen op papier gedeeld.")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    conclusion = reviews.get_review(demo_workbench, HALF_FILLED_ID).standard_conclusions["LL"]
    assert (conclusion.override, conclusion.override_reason) == (
        "does_not_meet",
        "De visie is alleen op papier gedeeld.",
    )
    assert "voldoet niet" in box.summary.text()
    assert "De visie is alleen op papier gedeeld." in box.summary.text()
    assert not box.panel.isVisible()

    qtbot.mouseClick(child(page, QPushButton, "deviateButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(page, QPushButton, "clearOverrideButton"), Qt.MouseButton.LeftButton)
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).standard_conclusions["LL"].override is None


def test_a_criterion_row_of_a_standard_navigates_to_that_criterion(qtbot: QtBot, make_context: MakeContext) -> None:
    context = make_context(ASSESSMENT_ID)
    page = StandardPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.show_item(context.review(), "KC")
    table = page.criteria
    assert table.item(1, 0).text() == "KC-2"
    assert table.item(1, 2).text() == "voldoet niet"
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(1, 1)).center()
        )
    assert blocker.args == ["criterion", "KC-2"]
    table.setCurrentCell(3, 0)
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == ["criterion", "KC-4"]


def test_the_developmental_standard_counts_strengths_and_development_points(
    qtbot: QtBot, make_context: MakeContext
) -> None:
    context = make_context(DEVELOPMENTAL_ID)
    review = context.review()
    page = StandardPage(context)
    qtbot.addWidget(page)
    page.show_item(review, "LO")
    assert page.override is None
    headers = [page.criteria.horizontalHeaderItem(c).text() for c in range(page.criteria.columnCount())]
    strengths = headers.index("Sterke punten")
    for row, criterion in enumerate(review.framework.standard("LO").criteria):
        expected = len(review.findings[criterion.id].values["strengths"] or ())
        assert page.criteria.item(row, strengths).text() == str(expected)


def test_the_conclusion_shows_the_standards_and_a_reasoned_overall_override(
    qtbot: QtBot, demo_workbench: Workbench, make_context: MakeContext
) -> None:
    context = make_context(ASSESSMENT_ID)
    page = ConclusionPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_item(context.review(), "")
    assert page.standards.rowCount() == 4
    assert page.standards.item(3, 1).text() == "voldoet"
    box = page.override
    assert box is not None
    assert "basiskwaliteit voldoende" in box.summary.text()
    qtbot.mouseClick(child(page, QPushButton, "deviateButton"), Qt.MouseButton.LeftButton)
    combo = child(page, QComboBox, "overrideCombo")
    assert combo.currentData() == "insufficient"  # the opposite of the derived judgement is proposed
    qtbot.keyClicks(child(page, QPlainTextEdit, "overrideReason"), "Uitstroomgegevens ontbreken.")
    qtbot.mouseClick(child(page, QPushButton, "saveOverrideButton"), Qt.MouseButton.LeftButton)
    conclusion = reviews.get_review(demo_workbench, ASSESSMENT_ID).conclusion
    assert conclusion is not None
    assert (conclusion.override, conclusion.override_reason) == ("insufficient", "Uitstroomgegevens ontbreken.")
    assert "basiskwaliteit onvoldoende" in box.summary.text()
    with qtbot.waitSignal(page.navigate) as blocker:
        page.standards.setCurrentCell(0, 0)
        qtbot.keyClick(page.standards, Qt.Key.Key_Return)
    assert blocker.args == ["standard", "LL"]


# -- very long texts --------------------------------------------------------------------------------------


def test_a_very_long_text_is_saved_and_a_too_long_one_is_refused_but_kept_in_the_editor(
    qtbot: QtBot, demo_workbench: Workbench, make_context: MakeContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(context_module, "show_error", lambda _parent, exc, *_args: shown.append(exc))
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "LO-3")
    editor = page.form.editors["motivation"]
    assert isinstance(editor, TextEditor)

    long_text = ("Lange motivering met veel details. " * 1500)[:50_000]
    editor.box.setPlainText(long_text)
    assert page.commit()
    assert stored(demo_workbench, HALF_FILLED_ID, "LO-3", "motivation") == long_text
    assert not shown

    too_long = "x" * 150_000
    editor.box.setPlainText(too_long)
    assert not page.commit()
    assert len(shown) == 1
    assert editor.box.toPlainText() == too_long
    assert stored(demo_workbench, HALF_FILLED_ID, "LO-3", "motivation") == long_text


def test_focus_field_puts_the_cursor_in_the_field(qtbot: QtBot, make_context: MakeContext) -> None:
    context = make_context(HALF_FILLED_ID)
    page = criterion_page(qtbot, context, "OR-2")
    qtbot.waitExposed(page)
    page.activateWindow()
    assert page.focus_field("motivation")
    qtbot.waitUntil(lambda: child(page, QPlainTextEdit, "text_motivation").hasFocus())
    assert not page.focus_field("no_such_field")
