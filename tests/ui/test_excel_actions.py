"""The Excel entries of the File menu write real workbooks where the user chose, and say so in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import Role
from peerreview_app.services import reviews
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui import excel_actions
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.qt import QFileDialog, QMenu, QMessageBox
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace.view import Location

META_SHEET = "_peerreview"


@pytest.fixture
def window(qtbot: QtBot, demo_workbench: Workbench, settings: Settings) -> MainWindow:
    main = MainWindow(demo_workbench, settings)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    return main


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer the save dialog with `target`; the suggested names are collected."""
    suggested: list[str] = []

    def answer(
        _parent: object, _title: str, directory: str = "", _filter: str = "", *a: object, **k: object
    ) -> tuple[str, str]:
        suggested.append(directory)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return suggested


def meta(path: Path) -> dict[str, str]:
    sheet = load_workbook(path)[META_SHEET]
    return {str(row[0]): str(row[1]) for row in sheet.iter_rows(values_only=True) if row[0]}


def wait_for_status(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    qtbot.waitUntil(lambda: str(path) in window.saved_label.text(), timeout=15_000)


def test_the_file_menu_has_the_excel_entries(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = [a.objectName() for a in file_menu.actions()]
    for name in (
        "exportExcelAction",
        "overviewExcelAction",
        "memberWorkbookAction",
        "factcheckWorkbookAction",
        "importWorkbookAction",
    ):
        assert name in names
    # Without an open review only the overview and the import make sense.
    assert not window.excel_review_action.isEnabled()
    assert not window.member_workbook_action.isEnabled()
    assert not window.factcheck_workbook_action.isEnabled()
    assert window.excel_overview_action.isEnabled() and window.import_workbook_action.isEnabled()
    window.open_review(ASSESSMENT_ID)
    assert window.excel_review_action.isEnabled() and window.member_workbook_action.isEnabled()


def test_export_the_open_review(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "heidezoom.xlsx"
    suggested = save_as(monkeypatch, target)
    window.open_review(ASSESSMENT_ID)
    window.excel_review_action.trigger()
    wait_for_status(qtbot, window, target)
    review = reviews.get_review(window.workbench, ASSESSMENT_ID)
    assert Path(suggested[0]).name == f"{review.title}.xlsx"
    book = load_workbook(target)
    assert len(book.sheetnames) >= 1 + len(review.framework.standards)  # an overview and a sheet per standard
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value}
    assert review.title in cells
    assert all(criterion.id in cells for criterion in review.framework.criteria())


def test_the_overview_follows_the_list_filter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "overzicht.xlsx"
    save_as(monkeypatch, target)
    window.review_list.proxy.set_kind(ReviewKind.ASSESSMENT)
    window.excel_overview_action.trigger()
    wait_for_status(qtbot, window, target)
    per_review = load_workbook(target).worksheets[1]
    ids = {row[0] for row in per_review.iter_rows(min_row=2, values_only=True) if row[0]}
    assert ids == {str(ASSESSMENT_ID), str(HALF_FILLED_ID)}
    assert "2" in window.saved_label.text()


def test_the_overview_without_a_filter_holds_every_review(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "alles"  # no extension typed: .xlsx is added
    save_as(monkeypatch, target)
    window.excel_overview_action.trigger()
    written = tmp_path / "alles.xlsx"
    wait_for_status(qtbot, window, written)
    per_review = load_workbook(written).worksheets[1]
    assert sum(1 for row in per_review.iter_rows(min_row=2, values_only=True) if row[0]) == 4


def test_a_workbook_for_the_chosen_panel_member(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    review = reviews.get_review(window.workbench, HALF_FILLED_ID)
    noor = next(m for m in review.members if m.name == "Noor Hendriks")
    monkeypatch.setattr(excel_actions, "choose_member", lambda _parent, _review: noor)
    target = tmp_path / "noor.xlsx"
    suggested = save_as(monkeypatch, target)
    window.open_review(HALF_FILLED_ID)
    window.member_workbook_action.trigger()
    wait_for_status(qtbot, window, target)
    assert "Noor Hendriks" in Path(suggested[0]).name
    assert "Noor Hendriks" in window.saved_label.text()
    written = meta(target)
    assert (written["review_id"], written["member_id"]) == (str(HALF_FILLED_ID), str(noor.id))


def test_choosing_no_member_writes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel_actions, "choose_member", lambda _parent, _review: None)
    window.open_review(HALF_FILLED_ID)
    window.member_workbook_action.trigger()  # no save dialog follows: the guard in conftest would fail the test


def test_the_member_dialog_lists_the_panel_with_the_secretary_last(qtbot: QtBot, demo_workbench: Workbench) -> None:
    review = reviews.get_review(demo_workbench, HALF_FILLED_ID)
    dialog = excel_actions.MemberChoiceDialog(review)
    qtbot.addWidget(dialog)
    panel = [m for m in review.members if m.role.on_panel]
    assert dialog.combo.count() == len(panel)
    assert dialog.members[-1].role is Role.SECRETARY
    assert dialog.chosen() == dialog.members[0]
    dialog.combo.setCurrentIndex(2)
    assert dialog.chosen() == dialog.members[2]
    assert dialog.members[2].name in dialog.combo.currentText()


def test_the_fact_check_workbook(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "feitencheck.xlsx"
    save_as(monkeypatch, target)
    window.open_review(DEVELOPMENTAL_ID)
    window.factcheck_workbook_action.trigger()
    wait_for_status(qtbot, window, target)
    assert meta(target)["format"] == "peerreview/factcheck-workbook"


def test_the_fact_check_workbook_of_an_adopted_review_is_refused(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    target = tmp_path / "te-laat.xlsx"
    save_as(monkeypatch, target)
    window.open_review(ADOPTED_ID)
    window.factcheck_workbook_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert reviews.get_review(window.workbench, ADOPTED_ID).title in shown[0]
    assert not target.exists()


def test_the_fact_check_page_buttons_export_too(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "via-pagina.xlsx"
    save_as(monkeypatch, target)
    window.open_review(DEVELOPMENTAL_ID, Location("factcheck"))
    assert window.workspace is not None
    window.workspace.current_page().export_button.click()  # type: ignore[attr-defined]
    wait_for_status(qtbot, window, target)
    assert target.is_file()
