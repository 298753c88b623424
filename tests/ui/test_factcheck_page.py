"""The fact-check page: the partnership's comments from a real workbook, decided with a reply, undoable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from peerreview_app.domain.factcheck import Decision
from peerreview_app.services import reviews, workbooks
from peerreview_app.services.demo import ADOPTED_ID, DEVELOPMENTAL_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.factcheck_page import FactCheckPage, decision_label, place_in_words
from peerreview_app.ui.workspace.view import PAGES, Location

ON_OBSERVATION = "Het leraarsprofiel is niet in 2023 maar in 2022 vastgesteld."
ON_RECOMMENDATION = "De herijking staat gepland voor 2026, niet voor 2027."


def factcheck_workbook(workbench: Workbench, folder: Path) -> Path:
    """The fact-check workbook as the partnership returns it: comments on two paragraphs of LL-1."""
    path = folder / "feitencheck.xlsx"
    workbooks.export_factcheck_workbook(workbench, DEVELOPMENTAL_ID, path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    rows = {sheet.cell(row=row, column=1).value: row for row in range(6, sheet.max_row + 1)}
    sheet.cell(row=rows["criterion/LL-1/observations/1"], column=4).value = ON_OBSERVATION
    sheet.cell(row=rows["criterion/LL-1/recommendations/1"], column=4).value = ON_RECOMMENDATION
    book.save(path)
    return path


@pytest.fixture
def page(
    qtbot: QtBot, demo_workbench: Workbench, make_context: Callable[[UUID], WorkspaceContext], tmp_path: Path
) -> FactCheckPage:
    imported = workbooks.import_workbook(demo_workbench, factcheck_workbook(demo_workbench, tmp_path))
    assert len(imported.changes) == 2
    context = make_context(DEVELOPMENTAL_ID)
    shown = FactCheckPage(context)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    shown.show_item(context.review(), "")
    context.changed.connect(lambda review: shown.show_item(review, ""))
    return shown


def stored(workbench: Workbench) -> dict[str, tuple[Decision, str, str]]:
    review = reviews.get_review(workbench, DEVELOPMENTAL_ID)
    return {c.comment: (c.decision, c.reply, c.decided_by) for c in review.factcheck_comments}


def test_the_page_is_registered_in_the_workspace() -> None:
    assert PAGES["factcheck"] == "peerreview_app.ui.workspace.factcheck_page:FactCheckPage"


def test_the_imported_comments_are_listed_with_their_place(page: FactCheckPage) -> None:
    assert page.model.rowCount() == 2
    review = page.context.review()
    texts = [page.model.comment_at(row) for row in range(2)]
    assert [c.comment for c in texts if c] == [ON_OBSERVATION, ON_RECOMMENDATION]  # report order
    where = page.model.index(0, 0).data()
    assert where == place_in_words(review, "criterion/LL-1/observations/1")
    assert where.startswith("LL-1 Gedeeld beeld")
    assert page.model.index(0, 3).data() == decision_label(Decision.PENDING)
    assert page.counter.text().startswith("0 ") and "2" in page.counter.text()
    assert page.table.isVisible() and not page.empty.isVisible()
    # The first comment is chosen and shown in full below the table.
    assert page.comment.text() == ON_OBSERVATION
    assert page.quoted.text() == page.model.comment_at(0).quoted  # type: ignore[union-attr]
    assert page.accept_button.isEnabled() and page.reject_button.isEnabled()


def test_accept_one_and_reject_the_other_with_a_reply(page: FactCheckPage, demo_workbench: Workbench) -> None:
    page.select_comment(page.model.comment_at(0).id)  # type: ignore[union-attr]
    page.reply.setPlainText("Dank u; het jaartal is verbeterd.")
    page.accept_button.click()
    # The next open comment is chosen for the secretary.
    assert page.comment.text() == ON_RECOMMENDATION
    page.reply.setPlainText("Het panel baseert zich op het jaarplan 2026, waarin 2027 staat.")
    page.reject_button.click()

    assert stored(demo_workbench) == {
        ON_OBSERVATION: (Decision.ACCEPTED, "Dank u; het jaartal is verbeterd.", "tester"),
        ON_RECOMMENDATION: (
            Decision.REJECTED,
            "Het panel baseert zich op het jaarplan 2026, waarin 2027 staat.",
            "tester",
        ),
    }
    assert page.counter.text().startswith("2 ")
    assert page.model.index(1, 3).data() == decision_label(Decision.REJECTED)
    assert page.model.index(1, 4).data().startswith("Het panel baseert")
    assert "tester" in page.status.text()


def test_rejecting_without_a_reply_says_so_and_stores_nothing(page: FactCheckPage, demo_workbench: Workbench) -> None:
    page.reply.setPlainText("   ")
    page.reject_button.click()  # a modal dialog would fail this test (see conftest)
    assert page.message.isVisible()
    assert page.message.text()
    assert all(decision is Decision.PENDING for decision, _reply, _by in stored(demo_workbench).values())
    assert not page.context.undo.canUndo()
    page.reply.setPlainText("Toch een reden.")
    assert not page.message.isVisible()  # typing a reply clears the message


def test_a_decision_can_be_undone_and_redone(page: FactCheckPage, demo_workbench: Workbench) -> None:
    page.reply.setPlainText("Terecht.")
    page.accept_button.click()
    assert stored(demo_workbench)[ON_OBSERVATION][0] is Decision.ACCEPTED
    undo = page.context.undo
    assert undo.canUndo()
    undo.undo()
    assert stored(demo_workbench)[ON_OBSERVATION] == (Decision.PENDING, "", "")
    assert page.counter.text().startswith("0 ")
    undo.redo()
    assert stored(demo_workbench)[ON_OBSERVATION] == (Decision.ACCEPTED, "Terecht.", "tester")


def test_without_comments_the_page_explains_the_round(
    qtbot: QtBot, make_context: Callable[[UUID], WorkspaceContext]
) -> None:
    context = make_context(DEVELOPMENTAL_ID)
    page = FactCheckPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_item(context.review(), "")
    assert page.empty.isVisible()
    assert not page.splitter.isVisible()
    assert page.empty.text().count("<li") == 3  # export, send, import
    assert page.export_button.isEnabled() and page.import_button.isEnabled()


def test_an_adopted_review_is_read_only(qtbot: QtBot, make_context: Callable[[UUID], WorkspaceContext]) -> None:
    context = make_context(ADOPTED_ID)
    page = FactCheckPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_item(context.review(), "")
    assert page.locked_note.isVisible()
    assert not page.export_button.isEnabled()
    assert not page.import_button.isEnabled()
    assert not page.accept_button.isEnabled() and not page.reject_button.isEnabled()
    assert "<li" not in page.empty.text()
    assert not page.decide(Decision.ACCEPTED)


def test_importing_through_the_window_fills_the_open_page(
    qtbot: QtBot, demo_workbench: Workbench, settings: Settings, tmp_path: Path
) -> None:
    window = MainWindow(demo_workbench, settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    window.open_review(DEVELOPMENTAL_ID, Location("factcheck"))
    assert window.workspace is not None
    shown = window.workspace.current_page()
    assert isinstance(shown, FactCheckPage)
    assert shown.model.rowCount() == 0

    dialog = window.preview_workbook(factcheck_workbook(demo_workbench, tmp_path))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert dialog.model.rowCount() == 2
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert shown.model.rowCount() == 2
    assert shown.table.isVisible()
    shown.grab().save(str(tmp_path / "factcheck-page.png"))
