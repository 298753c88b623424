"""The review list with 10,000 reviews: scrolling through it must stay fluid."""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date
from uuid import UUID

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.harness import Result, absolute_result
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewSummary
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language
from peerreview_app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStandardItemModel,
    Qt,
    QTableView,
)
from peerreview_app.ui.reviewlist.model import Column, ReviewFilterProxy, ReviewListModel
from peerreview_app.ui.reviewlist.table import ReviewTable

WIDTH, HEIGHT = 1440, 900
PARTNERSHIPS = ("Samen Opleiden", "Opleidingsschool", "Partnerschap", "Academische Opleidingsschool")
PLACES = ("Lingedelta", "Heidezoom", "Zuidwest", "Waddenkust", "Rivierenland", "Enschedé", "Kempen", "Veluwe")


def summaries(count: int, seed: int = 2026) -> list[ReviewSummary]:
    """`count` believable review lines: the list draws strings, so their lengths should be realistic."""
    rnd = random.Random(seed)
    lines = []
    for i in range(count):
        kind = rnd.choice(list(ReviewKind))
        partnership = f"{rnd.choice(PARTNERSHIPS)} {rnd.choice(PLACES)} {rnd.randint(1, 400)}"
        visit = date(rnd.randint(2019, 2027), rnd.randint(1, 12), rnd.randint(1, 28))
        prefix = "Ontwikkelingsgerichte" if kind is ReviewKind.DEVELOPMENTAL else "Beoordelingsgerichte"
        lines.append(
            ReviewSummary(
                id=UUID(int=rnd.getrandbits(128)),
                title=f"{prefix} peer review {partnership} {visit.year}",
                kind=kind,
                phase=rnd.choice(list(Phase)),
                partnership=partnership,
                sectors=tuple(rnd.sample(list(Sector), rnd.randint(1, 3))),
                first_visit_date=None if i % 101 == 0 else visit,
                revision=1 if i % 7 else 2,
                completeness_percent=rnd.randint(0, 100),
                open_items=rnd.randint(0, 40),
                language=Language.NL,
                framework_key="kwaliteitskader-so@2021.1-werkversie",
            )
        )
    return lines


def _application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def _frame_times(app: QApplication, view: QTableView, frames: int) -> list[float]:
    """Show `view`, then jump through the whole table in `frames` steps; the seconds of each step."""
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    view.viewport().repaint()  # the first paint fills font caches: not what scrolling costs
    bar = view.verticalScrollBar()
    samples = []
    for frame in range(1, frames + 1):
        # Each step lands on rows never shown before, so the model formats them: the worst case for it.
        start = time.perf_counter()
        bar.setValue(bar.maximum() * frame // frames)
        view.viewport().repaint()
        samples.append(time.perf_counter() - start)
    view.hide()
    app.processEvents()
    return samples


def _standard_view(lines: list[ReviewSummary], like: ReviewTable) -> QTableView:
    """A plain QTableView on a QStandardItemModel with the very strings the list shows, set up alike."""
    strings = ReviewListModel(lines)  # a model of its own, so the measured one starts with a cold cache
    model = QStandardItemModel(len(lines), len(Column))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    # setData, not setItem/appendRow: in PySide 6.12.0 those drop a reference to None on every call, and
    # 60,000 calls bring None's count to zero and abort the interpreter.
    for row in range(len(lines)):
        for column in Column:
            index = model.index(row, column)
            model.setData(index, strings.data(strings.index(row, column)))
            if column == Column.COMPLETENESS:
                model.setData(index, right, Qt.ItemDataRole.TextAlignmentRole)
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(like.verticalHeader().defaultSectionSize())
    for column in Column:
        view.horizontalHeader().resizeSection(column, like.horizontalHeader().sectionSize(column))
    return view


def bench_scroll(rows: int = 10_000, frames: int = 60) -> Result:
    """Scrolling the review list (model, filter proxy and table as the page builds them) at 1440×900."""
    app = _application()
    lines = summaries(rows)
    model = ReviewListModel(lines)
    proxy = ReviewFilterProxy(model)
    table = ReviewTable(proxy)
    table.fit_columns(lines)
    table.resize(WIDTH, HEIGHT)
    table.sortByColumn(Column.VISIT_DATE, Qt.SortOrder.DescendingOrder)
    baseline_view = _standard_view(lines, table)
    baseline = _frame_times(app, baseline_view, frames)
    measured = _frame_times(app, table, frames)
    baseline_view.deleteLater()
    table.deleteLater()
    app.processEvents()
    return absolute_result(
        f"scroll the review list of {rows:,} reviews at {WIDTH}×{HEIGHT} (worst of {frames} frames)",
        max(measured),
        f"QStandardItemModel with the same {rows:,} rows",
        max(baseline),
        0.050,
        note=(
            "slowest frame (set the scroll bar, repaint the viewport); median frame "
            f"{statistics.median(measured) * 1000:.1f} ms, baseline {statistics.median(baseline) * 1000:.1f} ms"
        ),
    )


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table([bench_scroll()])
