"""Importing a panel member's fill-in workbook of 40 criteria: read, check, plan and apply, beside openpyxl alone."""

from __future__ import annotations

import copy
import io
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

from openpyxl import load_workbook

from benchmarks.harness import Result, absolute_result, median_time
from peerreview_app.domain.member_input import apply_member_import, plan_member_import
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.review import Review
from peerreview_app.reports.excel.member_workbook import (
    FIRST_ROW,
    JUDGEMENT_COLUMN,
    MOTIVATION_COLUMN,
    NOTES_COLUMN,
    write_member_workbook,
)
from peerreview_app.reports.excel.workbook_import import read_member_workbook, read_workbook_meta

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def run(quick: bool) -> list[Result]:
    """The 40-criterion import against its 0.5 s target; the baseline is openpyxl loading the same file."""
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="peerreview-bench-workbook-") as folder:
        review = _forty_criteria_review(Path(folder))
    member = next(m for m in review.members if m.role is Role.MEMBER)
    data = _filled_workbook(review, member.id)

    def import_workbook(target: Review) -> None:
        meta = read_workbook_meta(data, "notes.xlsx")
        member_input = read_member_workbook(data, "notes.xlsx", target, meta)
        plan_member_import(target, member_input)
        changes = apply_member_import(target, member_input, now=NOW)
        assert len(changes) == 120  # a note, a judgement and a motivation on each of the 40 criteria

    seconds = median_time(lambda: copy.deepcopy(review), import_workbook, runs)
    baseline = median_time(lambda: data, lambda d: load_workbook(io.BytesIO(d)), runs)
    return [
        absolute_result(
            "import a member workbook of 40 criteria (read, check, plan, apply)",
            seconds,
            "openpyxl load_workbook of the same file",
            baseline,
            0.5,
            note=f"{len(data) / 1024:.0f} KB workbook; every criterion has a new note, judgement and motivation",
        )
    ]


def _forty_criteria_review(folder: Path) -> Review:
    """The storage benchmark's full 40-criterion assessment review, in a throwaway database and data folder."""
    from benchmarks.storage_bench import forty_criteria_review
    from peerreview_app.services import reviews
    from peerreview_app.services.workbench import Workbench

    previous = os.environ.get("PEERREVIEW_DATA_DIR")
    if previous is None:  # run on its own: never install the benchmark form in the user's data folder
        os.environ["PEERREVIEW_DATA_DIR"] = str(folder / "data")
    try:
        workbench = Workbench.open(str(folder / "workbook.sqlite3"), actor="benchmark")
        try:
            review = reviews.get_review(workbench, forty_criteria_review(workbench, folder))
        finally:
            workbench.close()
    finally:
        if previous is None:
            del os.environ["PEERREVIEW_DATA_DIR"]
    assert review.framework.criterion_count == 40
    return review


def _filled_workbook(review: Review, member_id: UUID) -> bytes:
    """The member's workbook with every input cell filled in (and every judgement changed), as they would."""
    assert review.forms.kind.member_judgements
    data = write_member_workbook(review, member_id, created_at=NOW)
    book = load_workbook(io.BytesIO(data))
    meta = read_workbook_meta(data, "notes.xlsx")
    negative = review.forms.kind.criterion_scale()
    assert negative is not None
    label = next(v for v in negative.values if not v.positive).label.get(meta.language)
    for ref in meta.sheets:
        sheet = book[ref.title]
        for row in range(FIRST_ROW, FIRST_ROW + len(review.framework.standard(ref.key).criteria)):
            sheet.cell(row=row, column=NOTES_COLUMN).value = f"Aantekening bij rij {row}: " + "wat ik zag. " * 30
            sheet.cell(row=row, column=JUDGEMENT_COLUMN).value = label
            sheet.cell(row=row, column=MOTIVATION_COLUMN).value = "Niet gezien in de gesprekken. " * 10
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    import sys

    from benchmarks.harness import print_table

    results = run("--quick" in sys.argv)
    print_table(results)
    sys.exit(0 if all(r.met for r in results) else 1)
