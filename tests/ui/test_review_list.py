"""The review list: model and proxy correctness and speed, search and filters, and the actions on reviews."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.logging import _QtMessageCapture

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewSummary
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.services import interchange, reviews
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.qt import QComboBox, QMessageBox, QPushButton, Qt
from peerreview_app.ui.reviewlist.model import (
    SORT_ROLE,
    Column,
    ReviewFilterProxy,
    ReviewListModel,
    phase_text,
)
from peerreview_app.ui.reviewlist.page import ReviewListPage

Big = tuple[ReviewListModel, ReviewFilterProxy]
YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


@pytest.fixture
def page(qtbot, demo_workbench: Workbench, events: AppEvents) -> ReviewListPage:  # type: ignore[no-untyped-def]
    widget = ReviewListPage(demo_workbench, events)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make QMessageBox.question answer `button`; the returned list collects the questions asked."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def listed_ids(workbench: Workbench) -> set[UUID]:
    return {s.id for s in reviews.list_reviews(workbench)}


def shown_ids(page: ReviewListPage) -> list[UUID]:
    return [page.proxy.review_id(row) for row in range(page.proxy.rowCount())]


def synthetic(count: int, seed: int = 7) -> list[ReviewSummary]:
    rnd = random.Random(seed)
    names = ["Samen Opleiden Één", "Opleidingsschool Noord", "Partnerschap Zuid", "Académie Oost"]
    return [
        ReviewSummary(
            id=uuid4(),
            title=f"Peer review {rnd.randint(0, 10**6)} {i}",
            kind=rnd.choice(list(ReviewKind)),
            phase=rnd.choice(list(Phase)),
            partnership=f"{rnd.choice(names)} {rnd.randint(0, 500)}",
            sectors=tuple(rnd.sample(list(Sector), rnd.randint(1, 3))),
            first_visit_date=None if i % 97 == 0 else date(rnd.randint(2019, 2027), rnd.randint(1, 12), 1),
            revision=1 + i % 3,
            completeness_percent=rnd.randint(0, 100),
            open_items=rnd.randint(0, 30),
            language=Language.NL,
            framework_key="kwaliteitskader-so@2021.1-werkversie",
        )
        for i in range(count)
    ]


@pytest.fixture
def big() -> Iterator[Big]:
    model = ReviewListModel(synthetic(10_000))
    yield model, ReviewFilterProxy(model)


# -- model and proxy -------------------------------------------------------------------------------------


def test_model_and_proxy_pass_qts_model_tester(  # type: ignore[no-untyped-def]
    qtbot, qtlog: _QtMessageCapture, page: ReviewListPage
) -> None:
    mode = QAbstractItemModelTester.FailureReportingMode.Warning
    testers = [QAbstractItemModelTester(page.model, mode), QAbstractItemModelTester(page.proxy, mode)]
    for column in Column:
        page.proxy.sort(column, Qt.SortOrder.AscendingOrder)
        page.proxy.sort(column, Qt.SortOrder.DescendingOrder)
    page.proxy.set_phase(Phase.REPORTING)
    page.proxy.set_text("heide")
    page.reload()
    page.proxy.set_text("")
    page.proxy.set_phase(None)
    assert len(testers) == 2 and page.proxy.rowCount() == 4
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []


def test_cells_show_formatted_values_and_sort_by_numbers(page: ReviewListPage) -> None:
    model = page.model
    row = model.row_of(HALF_FILLED_ID)
    assert model.data(model.index(row, Column.COMPLETENESS)) == "48 %"
    assert model.data(model.index(row, Column.COMPLETENESS), SORT_ROLE) == 48
    assert model.data(model.index(row, Column.VISIT_DATE)) == "19 nov 2026"
    assert model.data(model.index(row, Column.VISIT_DATE), SORT_ROLE) == date(2026, 11, 19).toordinal()
    assert model.data(model.index(row, Column.KIND)) == "beoordelingsgericht"
    assert model.data(model.index(row, Column.PHASE)) == "bezoek"
    title = reviews.get_review(page._workbench, HALF_FILLED_ID).title
    assert title in str(model.data(model.index(row, Column.TITLE), Qt.ItemDataRole.ToolTipRole))
    # Only adopted reviews carry the lock.
    adopted = model.row_of(ADOPTED_ID)
    assert model.data(model.index(adopted, Column.PHASE), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(row, Column.PHASE), Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Titel"


def test_default_order_is_newest_visit_first(page: ReviewListPage) -> None:
    assert shown_ids(page) == [HALF_FILLED_ID, DEVELOPMENTAL_ID, ASSESSMENT_ID, ADOPTED_ID]
    page.table.sortByColumn(Column.COMPLETENESS, Qt.SortOrder.AscendingOrder)
    assert shown_ids(page)[0] == HALF_FILLED_ID
    page.table.sortByColumn(Column.PARTNERSHIP, Qt.SortOrder.AscendingOrder)
    assert shown_ids(page)[0] == ASSESSMENT_ID  # Opleidingsschool Heidezoom
    page.reload()
    assert shown_ids(page)[0] == ASSESSMENT_ID, "a reload keeps the user's sort order"


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


@pytest.mark.parametrize("column", list(Column))
def test_ten_thousand_rows_sort_quickly_and_correctly(big: Big, column: Column) -> None:
    _model, proxy = big
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        start = time.perf_counter()
        proxy.sort(column, order)
        assert time.perf_counter() - start < 1.0
        keys = [proxy.data(proxy.index(row, column), SORT_ROLE) for row in range(proxy.rowCount())]
        assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)


def test_ten_thousand_rows_filter_quickly_and_cells_are_cheap(big: Big) -> None:
    model, proxy = big
    proxy.sort(Column.VISIT_DATE, Qt.SortOrder.DescendingOrder)
    assert _timed(lambda: proxy.set_text("EEN")) < 1.0  # folded: "Één" is found as "een"
    shown = {proxy.data(proxy.index(r, Column.PARTNERSHIP)).rsplit(" ", 1)[0] for r in range(proxy.rowCount())}
    assert shown == {"Samen Opleiden Één"}
    assert _timed(lambda: proxy.set_phase(Phase.ADOPTED)) < 1.0
    assert _timed(lambda: proxy.set_text("")) < 1.0
    expected = sum(1 for s in model.summaries() if s.phase is Phase.ADOPTED)
    assert proxy.rowCount() == expected
    assert _timed(lambda: proxy.set_sector(Sector.MBO)) < 1.0
    assert proxy.rowCount() == sum(1 for s in model.summaries() if s.phase is Phase.ADOPTED and Sector.MBO in s.sectors)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole, SORT_ROLE]
    start = time.perf_counter()
    cells = [proxy.data(proxy.index(r, c), role) for r in range(50) for c in Column for role in roles]
    assert time.perf_counter() - start < 0.5
    assert all(isinstance(cells[i], str) and cells[i] for i in range(0, 4 * len(Column), 4) if i // 4 != 4)
    assert _timed(lambda: model.reload(synthetic(10_000, seed=8))) < 1.0


# -- search and filters ----------------------------------------------------------------------------------


def test_search_narrows_the_list_ignoring_case_and_accents(  # type: ignore[no-untyped-def]
    qtbot, page: ReviewListPage
) -> None:
    qtbot.keyClicks(page.search, "WADDEN")
    assert shown_ids(page) == [ADOPTED_ID]
    assert "1" in page.count_label.text() and "4" in page.count_label.text()
    page.search.clear()
    page.search.setText("héidezoom")  # QTest types ASCII only
    assert shown_ids(page) == [ASSESSMENT_ID]
    page.search.setText("samen 2024")  # every word must occur
    assert shown_ids(page) == [ADOPTED_ID]
    page.search.setText("opleiden")
    assert set(shown_ids(page)) == {DEVELOPMENTAL_ID, ADOPTED_ID}
    page.search.clear()
    assert page.proxy.rowCount() == 4


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_filters_combine(page: ReviewListPage) -> None:
    choose(page.kind_filter, ReviewKind.ASSESSMENT)
    assert set(shown_ids(page)) == {HALF_FILLED_ID, ASSESSMENT_ID}
    choose(page.phase_filter, Phase.REPORTING)
    assert shown_ids(page) == [ASSESSMENT_ID]
    choose(page.kind_filter, None)
    assert set(shown_ids(page)) == {ASSESSMENT_ID, DEVELOPMENTAL_ID}
    choose(page.phase_filter, None)
    assert [page.year_filter.itemData(i) for i in range(page.year_filter.count())] == [None, 2026, 2024]
    choose(page.year_filter, 2024)
    assert shown_ids(page) == [ADOPTED_ID]
    choose(page.year_filter, None)
    choose(page.sector_filter, Sector.MBO)
    assert set(shown_ids(page)) == {ASSESSMENT_ID, ADOPTED_ID}
    choose(page.sector_filter, Sector.PO)
    assert page.proxy.rowCount() == 3


def test_ctrl_f_focuses_the_search_and_enter_opens(  # type: ignore[no-untyped-def]
    qtbot, page: ReviewListPage
) -> None:
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, "lingedelta")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # moves to the first match
    assert page.table.hasFocus() and page.selected_id() == DEVELOPMENTAL_ID
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [DEVELOPMENTAL_ID]


def test_double_click_opens(qtbot, page: ReviewListPage) -> None:  # type: ignore[no-untyped-def]
    row = page.proxy.row_of(ASSESSMENT_ID)
    rect = page.table.visualRect(page.proxy.index(row, Column.TITLE))
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [ASSESSMENT_ID]


# -- actions ---------------------------------------------------------------------------------------------


def test_adopted_review_cannot_be_deleted(page: ReviewListPage, demo_workbench: Workbench) -> None:
    assert not page.delete_action.isEnabled()  # nothing selected
    assert page.select(ADOPTED_ID)
    assert not page.delete_action.isEnabled()
    assert page.duplicate_action.isEnabled() and page.open_action.isEnabled()
    page.delete_selected()
    assert ADOPTED_ID in listed_ids(demo_workbench)
    assert page.select(HALF_FILLED_ID)
    assert page.delete_action.isEnabled() and not page.duplicate_action.isEnabled()
    menu = page.context_menu()
    assert page.delete_action in menu.actions() and page.import_action in menu.actions()


def test_delete_a_draft_after_confirmation(
    monkeypatch: pytest.MonkeyPatch, page: ReviewListPage, demo_workbench: Workbench
) -> None:
    title = reviews.get_review(demo_workbench, HALF_FILLED_ID).title
    asked = answer(monkeypatch, NO)
    page.select(HALF_FILLED_ID)
    page.delete_action.trigger()
    assert HALF_FILLED_ID in listed_ids(demo_workbench) and title in asked[0]
    answer(monkeypatch, YES)
    page.delete_action.trigger()
    assert HALF_FILLED_ID not in listed_ids(demo_workbench)
    assert page.model.row_of(HALF_FILLED_ID) == -1 and page.model.rowCount() == 3


def test_duplicate_as_revision_opens_revision_two(  # type: ignore[no-untyped-def]
    qtbot, page: ReviewListPage, demo_workbench: Workbench
) -> None:
    page.select(ADOPTED_ID)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.duplicate_action.trigger()
    new_id = opened.args[0]
    revision = reviews.get_review(demo_workbench, new_id)
    assert new_id != ADOPTED_ID and revision.revision == 2 and revision.previous_revision_id == ADOPTED_ID
    row = page.model.row_of(new_id)
    assert page.model.data(page.model.index(row, Column.PHASE)) == phase_text(revision.phase, 2)
    assert page.selected_id() == new_id and page.delete_action.isEnabled()


def test_import_json_from_another_workbench(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, page: ReviewListPage, demo_workbench: Workbench
) -> None:
    with Workbench.open(str(tmp_path / "other.sqlite3"), actor="elsewhere") as other:
        created = reviews.create_review(
            other, kind="developmental", partnership="Partnerschap Elders", visit_dates=[date(2025, 5, 6)]
        )
        source = tmp_path / "elders.json"
        interchange.write_review_json(other, created.id, source)
    page.import_file(source)
    qtbot.waitUntil(lambda: page.proxy.row_of(created.id) >= 0, timeout=10_000)
    assert created.id in listed_ids(demo_workbench)
    assert page.selected_id() == created.id
    assert [page.year_filter.itemData(i) for i in range(page.year_filter.count())] == [None, 2026, 2025, 2024]


def test_import_asks_before_replacing_a_review(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, page: ReviewListPage, demo_workbench: Workbench
) -> None:
    source = tmp_path / "zuidwest.json"
    original = reviews.get_review(demo_workbench, HALF_FILLED_ID).title
    interchange.write_review_json(demo_workbench, HALF_FILLED_ID, source)
    reviews.update_details(demo_workbench, HALF_FILLED_ID, title="Changed here")

    asked = answer(monkeypatch, NO)
    page.import_file(source)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).title == "Changed here"

    asked = answer(monkeypatch, YES)
    page.import_file(source)
    qtbot.waitUntil(lambda: reviews.get_review(demo_workbench, HALF_FILLED_ID).title == original, timeout=10_000)
    assert "Changed here" in asked[0]
    qtbot.waitUntil(lambda: page.model.summary(page.model.row_of(HALF_FILLED_ID)).title == original)


# -- keeping up with changes -----------------------------------------------------------------------------


def test_review_changes_reach_the_list_lazily(  # type: ignore[no-untyped-def]
    qtbot, page: ReviewListPage, events: AppEvents, demo_workbench: Workbench
) -> None:
    def shown_title() -> str:
        return page.model.summary(page.model.row_of(HALF_FILLED_ID)).title

    page.select(HALF_FILLED_ID)
    reviews.update_details(demo_workbench, HALF_FILLED_ID, title="Eerste wijziging")
    events.review_changed.emit(HALF_FILLED_ID)
    assert shown_title() != "Eerste wijziging"  # not at once: edits come in bursts
    qtbot.waitUntil(lambda: shown_title() == "Eerste wijziging", timeout=3000)
    assert page.selected_id() == HALF_FILLED_ID, "the selection survives the reload"

    page.hide()
    reviews.update_details(demo_workbench, HALF_FILLED_ID, title="Tweede wijziging")
    events.review_changed.emit(HALF_FILLED_ID)
    qtbot.wait(600)
    assert shown_title() == "Eerste wijziging"  # hidden: nothing read
    page.show()
    assert shown_title() == "Tweede wijziging"


def test_empty_database_shows_a_friendly_start(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, events: AppEvents
) -> None:
    with Workbench.open(str(tmp_path / "empty.sqlite3"), actor="tester") as workbench:
        empty = ReviewListPage(workbench, events)
        qtbot.addWidget(empty)
        empty.show()
        assert empty.stack.currentWidget() is empty.empty_label
        assert not empty.search.isVisible() and not empty.filter_bar.isVisible()
        reviews.create_review(workbench, kind="assessment", partnership="Nieuw Partnerschap")
        events.reviews_changed.emit()
        assert empty.stack.currentWidget() is empty.table and empty.search.isVisible()
        assert empty.model.rowCount() == 1


def test_new_review_is_requested(qtbot, page: ReviewListPage) -> None:  # type: ignore[no-untyped-def]
    button = page.findChild(QPushButton, "newReviewButton")
    with qtbot.waitSignal(page.new_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
