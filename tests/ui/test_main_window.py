"""The main window as a user meets it: list, open, navigate, jump to what is missing, undo, language, restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerreview_app import i18n
from peerreview_app.services import reviews
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, HALF_FILLED_ID
from peerreview_app.services.errors import StorageError
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.qt import QMessageBox
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.view import Location


@pytest.fixture
def window(qtbot, demo_workbench: Workbench, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(demo_workbench, settings)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    return main


def test_the_list_shows_the_demo_and_opens_a_review(window: MainWindow) -> None:
    assert window.review_list.findChild(object, "reviewTable").model().rowCount() == 4
    assert window.open_review(ASSESSMENT_ID)
    assert window.workspace is not None
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.location == Location("overview")
    assert "Heidezoom" in window.windowTitle()


def test_next_and_previous_criterion(window: MainWindow) -> None:
    window.open_review(ASSESSMENT_ID)
    assert window.workspace is not None
    window.next_action.trigger()
    assert window.workspace.location == Location("criterion", "LL-1")
    window.next_action.trigger()
    assert window.workspace.location == Location("criterion", "LL-2")
    window.previous_action.trigger()
    window.previous_action.trigger()
    assert window.workspace.location == Location("criterion", "KC-6")  # wraps around to the last one


def test_a_completeness_item_jumps_to_its_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.open_review(HALF_FILLED_ID)
    assert window.workspace is not None
    open_items = reviews.completeness_of(window.workspace.context.review()).items
    criterion_item = next(i.item for i in open_items if i.item.ref and i.item.ref[0].isalpha() and "-" in i.item.ref)
    window.completeness.item_activated.emit(criterion_item)
    assert window.workspace.location == Location("criterion", criterion_item.ref)
    editor = window.workspace.current_page().findChild(object, f"field_{criterion_item.field}")
    qtbot.waitUntil(lambda: editor.hasFocus() or editor.focusProxy().hasFocus(), timeout=2000)


def test_undo_and_redo_from_the_menu(qtbot, window: MainWindow, demo_workbench: Workbench) -> None:  # type: ignore[no-untyped-def]
    window.open_review(HALF_FILLED_ID, Location("criterion", "OR-3"))
    assert window.workspace is not None
    editor = window.workspace.current_page().findChild(object, "field_motivation")
    before = reviews.get_review(demo_workbench, HALF_FILLED_ID).findings["OR-3"].values["motivation"]
    editor.box.setFocus()
    qtbot.keyClicks(editor.box, " Aangevuld tijdens het bezoek.")
    assert editor.commit()
    after = reviews.get_review(demo_workbench, HALF_FILLED_ID).findings["OR-3"].values["motivation"]
    assert after.endswith("Aangevuld tijdens het bezoek.")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).findings["OR-3"].values["motivation"] == before
    assert editor.box.toPlainText() == before
    window.redo_action.trigger()
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).findings["OR-3"].values["motivation"] == after


def test_switching_the_language_keeps_the_place(window: MainWindow) -> None:
    window.open_review(ASSESSMENT_ID, Location("criterion", "LO-3"))
    assert window.menuBar().actions()[0].text() == "&Bestand"
    window.switch_language("en")
    try:
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.workspace is not None
        assert window.workspace.location == Location("criterion", "LO-3")
        labels = [window.workspace.model.item(row).text() for row in range(window.workspace.model.rowCount())]
        assert labels[0] == "Overview"
    finally:
        window.switch_language("nl")
    assert window.menuBar().actions()[0].text() == "&Bestand"
    assert i18n.language().value == "nl"


def test_an_adopted_review_shows_it_is_read_only(window: MainWindow) -> None:
    window.open_review(ADOPTED_ID)
    assert window.workspace is not None
    assert window.workspace.banner.isVisible()


def test_the_last_review_and_window_size_come_back(qtbot, demo_workbench: Workbench, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(demo_workbench, settings)
    qtbot.addWidget(first)
    first.resize(760, 520)  # within the offscreen screen, which restoreGeometry clamps to
    first.show()
    first.open_review(ASSESSMENT_ID)
    first.close()
    second = MainWindow(demo_workbench, Settings(settings.file))
    qtbot.addWidget(second)
    second.show()
    second.restore_last_review()
    assert second.workspace is not None and second.workspace.context.review_id == ASSESSMENT_ID
    assert second.size().width() == 760


def test_text_is_kept_when_the_database_disappears(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.open_review(HALF_FILLED_ID, Location("criterion", "OR-3"))
    assert window.workspace is not None
    rescued: list[str] = []
    monkeypatch.setattr(WorkspaceContext, "_offer_rescue", lambda self, exc, text: rescued.append(text))

    def gone(*args: object, **kwargs: object) -> None:
        raise StorageError("/media/usb/peerreview.sqlite3 cannot be opened (disk I/O error)")

    monkeypatch.setattr("peerreview_app.services.findings.set_finding_value", gone)
    editor = window.workspace.current_page().findChild(object, "field_motivation")
    editor.box.setPlainText("Belangrijke bevinding die niet verloren mag gaan.")
    assert not editor.commit()
    assert rescued == ["Belangrijke bevinding die niet verloren mag gaan."]
    assert editor.box.toPlainText() == "Belangrijke bevinding die niet verloren mag gaan."
    assert editor.pending
    asked: list[str] = []
    monkeypatch.setattr(
        "peerreview_app.ui.main_window.QMessageBox.question",
        lambda *args: asked.append(str(args[2])) or QMessageBox.StandardButton.No,
    )
    assert not window.show_list() and window.workspace is not None, "unsaved text keeps the review open"
    assert asked and "kon worden opgeslagen" in asked[0]
    monkeypatch.setattr(
        "peerreview_app.ui.main_window.QMessageBox.question", lambda *args: QMessageBox.StandardButton.Yes
    )


def test_emoji_and_pasted_rich_text_are_stored_as_plain_text(
    qtbot, window: MainWindow, demo_workbench: Workbench
) -> None:  # type: ignore[no-untyped-def]
    from peerreview_app.ui.qt import QMimeData

    window.open_review(HALF_FILLED_ID, Location("criterion", "OR-4"))
    assert window.workspace is not None
    editor = window.workspace.current_page().findChild(object, "field_motivation")
    editor.box.clear()
    rich = QMimeData()
    rich.setHtml("<p><b>Sterk</b> verbeterd 👍 — <i>zie</i> bijlage</p>")
    rich.setText("Sterk verbeterd 👍 — zie bijlage")
    editor.box.setFocus()
    # What paste() does with the clipboard's contents; the system clipboard itself is left alone, because
    # Qt owning clipboard data at interpreter exit crashes the offscreen platform.
    editor.box.insertFromMimeData(rich)
    # Emoji arrive through the input method; QTest.keyClicks cannot type characters beyond the BMP.
    editor.box.insertPlainText(" 🎓✨")
    assert editor.commit()
    stored = reviews.get_review(demo_workbench, HALF_FILLED_ID).findings["OR-4"].values["motivation"]
    assert stored == "Sterk verbeterd 👍 — zie bijlage 🎓✨"
