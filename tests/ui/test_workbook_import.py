"""Importing filled-in workbooks in the app: the preview, applying it, problems, and a drop on the main window."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from peerreview_app.domain.member_input import workbook_note_id
from peerreview_app.services import reviews, workbooks
from peerreview_app.services.demo import ADOPTED_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.qt import QDropEvent, QMimeData, QPointF, Qt, QUrl
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workbook_import import ImportPreviewDialog, dropped_workbook, what_label
from peerreview_app.ui.workspace.factcheck_page import place_in_words
from peerreview_app.ui.workspace.view import Location

MEMBER = "Noor Hendriks"  # a panel member of the half-filled assessment review (in the visit phase)
NOTE = "Het gedeelde beeld kwam in alle gesprekken terug, ook bij de werkplekbegeleiders."
MOTIVATION = "Leerlingen en ouders zijn niet betrokken bij het leraarsprofiel."


@pytest.fixture
def window(qtbot: QtBot, demo_workbench: Workbench, settings: Settings) -> MainWindow:
    main = MainWindow(demo_workbench, settings)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    return main


def member_workbook(workbench: Workbench, folder: Path, name: str = "noor.xlsx") -> Path:
    """Noor's workbook as she sends it back: a note, a different judgement and a motivation on LL-1."""
    path = folder / name
    workbooks.export_member_workbook(workbench, HALF_FILLED_ID, MEMBER, path)
    book = load_workbook(path)
    sheet = book["LL De lerende leraar"]
    assert sheet["A6"].value == "LL-1"
    sheet["D6"] = NOTE
    sheet["E6"] = "voldoet niet"
    sheet["F6"] = MOTIVATION
    book.save(path)
    return path


def noor_id(workbench: Workbench) -> UUID:
    review = reviews.get_review(workbench, HALF_FILLED_ID)
    return next(m.id for m in review.members if m.name == MEMBER)


def preview(qtbot: QtBot, window: MainWindow, path: Path) -> ImportPreviewDialog:
    dialog = window.preview_workbook(path)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() != 0, timeout=10_000)
    return dialog


def import_and_wait(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    """Click Import and wait until the import is done and the dialog closed (it is deleted afterwards)."""
    with qtbot.waitSignals([dialog.imported, dialog.finished], timeout=10_000):
        dialog.import_button.click()


def state(dialog: ImportPreviewDialog) -> str:
    """Which view the dialog shows: importPreview or importProblems."""
    shown = dialog.stack.currentWidget()
    return shown.objectName() if shown is not None else ""


def table_rows(dialog: ImportPreviewDialog) -> list[tuple[str, str, str, str]]:
    return [dialog.model.row_texts(row) for row in range(dialog.model.rowCount())]


def test_the_preview_lists_the_changes_and_importing_applies_them(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = member_workbook(demo_workbench, tmp_path)
    window.open_review(HALF_FILLED_ID, Location("criterion", "LL-1"))
    dialog = preview(qtbot, window, path)

    assert state(dialog) == "importPreview"
    assert dialog.review_label.text() == reviews.get_review(demo_workbench, HALF_FILLED_ID).title
    assert MEMBER in dialog.who_label.text()
    rows = table_rows(dialog)
    assert len(rows) == 3
    what = {row[0]: row for row in rows}
    note, judgement, motivation = (what_label(w) for w in ("note", "judgement", "motivation"))
    assert set(what) == {note, judgement, motivation}
    assert what[note][1].startswith("LL-1 Gedeeld beeld")  # the criterion with its title
    assert what[note][2:] == ("", NOTE)
    assert what[judgement][2:] == ("voldoet", "voldoet niet")
    assert what[motivation][3] == MOTIVATION
    assert dialog.import_button.isEnabled()

    # Nothing is stored before the user imports.
    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    assert all(note.text != NOTE for note in review.notes)

    import_and_wait(qtbot, dialog)
    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    member = noor_id(demo_workbench)
    stored_note = review.note(workbook_note_id(review.id, member, "LL-1"))
    assert stored_note.text == NOTE
    assert stored_note.criterion_ids == ("LL-1",)
    stored = next(j for j in review.member_judgements if j.member_id == member and j.criterion_id == "LL-1")
    assert (stored.judgement, stored.motivation) == ("does_not_meet", MOTIVATION)

    # The open workspace shows the new note, and the status bar says how much was imported.
    assert window.workspace is not None
    assert any(n.text == NOTE for n in window.workspace.context.review().notes)
    assert NOTE in _texts_of(window.workspace.current_page())
    assert "3" in window.saved_label.text() and path.name in window.saved_label.text()


def _texts_of(widget: object) -> str:
    from peerreview_app.ui.qt import QLabel, QPlainTextEdit

    texts = [label.text() for label in widget.findChildren(QLabel)]  # type: ignore[attr-defined]
    texts += [box.toPlainText() for box in widget.findChildren(QPlainTextEdit)]  # type: ignore[attr-defined]
    return "\n".join(texts)


def test_importing_the_same_file_again_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = member_workbook(demo_workbench, tmp_path)
    workbooks.import_workbook(demo_workbench, path)
    before = reviews.get_review(demo_workbench, HALF_FILLED_ID)

    dialog = preview(qtbot, window, path)
    assert state(dialog) == "importPreview"
    assert dialog.unchanged.isVisible()
    assert not dialog.table.isVisible()
    assert not dialog.import_button.isEnabled()
    assert dialog.apply() is None
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).notes == before.notes


def test_every_problem_is_listed_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = member_workbook(demo_workbench, tmp_path, "noor-bad.xlsx")
    book = load_workbook(path)
    sheet = book["LL De lerende leraar"]
    sheet["E7"] = "voldoet half"
    sheet["D8"] = "=1+1"
    sheet["E9"] = "prima"
    book.save(path)
    before = reviews.get_review(demo_workbench, HALF_FILLED_ID)

    dialog = preview(qtbot, window, path)
    assert state(dialog) == "importProblems"
    problems = [dialog.problem_list.item(row).text() for row in range(dialog.problem_list.count())]
    assert len(problems) == 3
    assert any(p.startswith("LL De lerende leraar!E7") and "voldoet half" in p for p in problems)
    assert any(p.startswith("LL De lerende leraar!D8") for p in problems)
    assert any(p.startswith("LL De lerende leraar!E9") and "prima" in p for p in problems)
    assert path.name in dialog.problems_intro.text()
    assert "3" in dialog.problems_intro.text()
    assert not dialog.import_button.isEnabled()
    after = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    assert (after.notes, after.member_judgements, after.revision) == (
        before.notes,
        before.member_judgements,
        before.revision,
    )


def test_an_adopted_review_accepts_nothing(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    adopted = reviews.get_review(demo_workbench, ADOPTED_ID)
    member = next(m for m in adopted.members if m.role.on_panel)
    path = tmp_path / "adopted.xlsx"
    workbooks.export_member_workbook(demo_workbench, ADOPTED_ID, str(member.id), path)
    book = load_workbook(path)
    book[book.sheetnames[1]]["D6"] = "Te laat."
    book.save(path)

    dialog = preview(qtbot, window, path)
    assert state(dialog) == "importProblems"
    assert dialog.problem_list.count() == 1
    assert adopted.title in dialog.problem_list.item(0).text()
    assert reviews.get_review(demo_workbench, ADOPTED_ID).notes == adopted.notes


def test_a_file_that_is_no_workbook_is_named_in_the_problem(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_text("naam;oordeel\nLL-1;voldoet\n", encoding="utf-8")
    dialog = preview(qtbot, window, path)
    assert state(dialog) == "importProblems"
    assert dialog.problem_list.count() == 1
    assert "lijst.xlsx" in dialog.problems_intro.text()


def _drop_event(paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event._mime = mime  # type: ignore[attr-defined]  # keep the mime data alive as long as the event
    return event


def test_dropping_a_workbook_on_the_main_window_opens_its_preview(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = member_workbook(demo_workbench, tmp_path)
    event = _drop_event([path])
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=5_000)
    dialog = window.import_dialog
    assert dialog is not None and dialog.path == path
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() != 0, timeout=10_000)
    assert dialog.model.rowCount() == 3
    import_and_wait(qtbot, dialog)
    assert any(n.text == NOTE for n in reviews.get_review(demo_workbench, HALF_FILLED_ID).notes)


def test_only_one_excel_file_counts_as_a_dropped_workbook(tmp_path: Path) -> None:
    workbook, macro, text = tmp_path / "a.xlsx", tmp_path / "b.XLSM", tmp_path / "c.txt"
    for path in (workbook, macro, text):
        path.write_bytes(b"x")

    def mime(*paths: Path) -> QMimeData:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        return data

    assert dropped_workbook(mime(workbook)) == workbook
    assert dropped_workbook(mime(macro)) == macro  # to say that macros are refused
    assert dropped_workbook(mime(text)) is None
    assert dropped_workbook(mime(workbook, macro)) is None
    assert dropped_workbook(mime(tmp_path / "gone.xlsx")) is None


def test_a_macro_workbook_is_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = member_workbook(demo_workbench, tmp_path)
    macro = path.with_suffix(".xlsm")
    path.rename(macro)
    dialog = preview(qtbot, window, macro)
    assert dialog.problem_list.count() == 1
    assert ".xlsm" in dialog.problem_list.item(0).text()


def test_a_fact_check_workbook_shows_the_paragraphs_in_words(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    path = tmp_path / "feitencheck.xlsx"
    workbooks.export_factcheck_workbook(demo_workbench, DEVELOPMENTAL_ID, path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    assert sheet["A6"].value == "criterion/LL-1/observations/1"
    sheet["D6"] = "Het profiel is in 2022 vastgesteld."
    book.save(path)
    dialog = preview(qtbot, window, path)
    rows = table_rows(dialog)
    assert len(rows) == 1
    what, where, before, after = rows[0]
    review = reviews.get_review(demo_workbench, DEVELOPMENTAL_ID)
    assert what == what_label("comment")
    assert where == place_in_words(review, "criterion/LL-1/observations/1")
    assert where.startswith("LL-1 Gedeeld beeld")
    assert (before, after) == ("", "Het profiel is in 2022 vastgesteld.")
    assert review.partnership.name in dialog.who_label.text()


def test_the_preview_dialog_looks_right(
    qtbot: QtBot, window: MainWindow, demo_workbench: Workbench, tmp_path: Path
) -> None:
    dialog = preview(qtbot, window, member_workbook(demo_workbench, tmp_path))
    image = dialog.grab()
    image.save(str(tmp_path / "preview.png"))
    assert image.width() >= 900
    # Every row is tall enough for its wrapped text.
    for row in range(dialog.model.rowCount()):
        assert dialog.table.rowHeight(row) >= dialog.table.fontMetrics().height()
