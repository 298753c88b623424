"""The overview export from the database (``export-xlsx --all``) against bare openpyxl writing the same rows.

Unlike excel_bench, the timed part includes everything the command does in-process: streaming the reviews
from SQLite (`ReviewRepository.outlines`), building the labels of every row and writing the workbook to disk.
"""

from __future__ import annotations

import copy
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from openpyxl import Workbook, load_workbook

from benchmarks.harness import Result, median_time, ratio_result
from peerreview_app.domain.completeness import check
from peerreview_app.domain.kind import FieldType, Scope
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.services import reviews, workbooks
from peerreview_app.services.demo import (
    ADOPTED_ID,
    ASSESSMENT_ID,
    DEVELOPMENTAL_ID,
    HALF_FILLED_ID,
    fill_demo,
)
from peerreview_app.services.workbench import Workbench

CRITERIA_PER_REVIEW = 24
Sheet = list[tuple[Any, ...]]


@dataclass(frozen=True)
class Database:
    """The filled workbench, the folder to write into, and the exported sheets as plain rows (for the baseline)."""

    workbench: Workbench
    folder: Path
    criteria: Sheet
    reviews: Sheet


def bench_overview_db(folder: Path, count: int, runs: int) -> Result:
    database = filled_database(folder, count)
    try:
        ours = median_time(lambda: database, export, runs)
        baseline = median_time(lambda: database, write_bare, runs)
    finally:
        database.workbench.close()
    return ratio_result(
        f"overview from the database, {count:,} reviews ({count * CRITERIA_PER_REVIEW:,} rows)",
        ours,
        "bare openpyxl write-only, same rows",
        baseline,
        1.3,
        note="query, labels and an fsynced file write timed; the baseline writes both sheets' values as tuples",
    )


def export(database: Database) -> None:
    count = workbooks.export_overview(database.workbench, database.folder / "overview.xlsx", None, lang=Language.NL)
    assert count == len(database.reviews) - 1


def write_bare(database: Database) -> None:
    """The exported values in two plain write-only sheets of tuples: no query, styles, widths, tables or text guard."""
    workbook = Workbook(write_only=True)
    for title, rows in (("Kenmerken", database.criteria), ("Reviews", database.reviews)):
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(database.folder / "bare.xlsx")


# -- the database: N copies of the two complete demo reviews ------------------------------------------------


def filled_database(folder: Path, count: int) -> Database:
    """A workbench holding `count` complete reviews (assessment and developmental in turn) and nothing else."""
    workbench = Workbench.open(str(folder / "overview.sqlite3"), actor="bench")
    fill_demo(workbench)
    templates = [reviews.get_review(workbench, ASSESSMENT_ID), reviews.get_review(workbench, DEVELOPMENTAL_ID)]
    copies = [_fresh_copy(templates[index % 2], index) for index in range(count)]
    assert all(len(r.findings) == CRITERIA_PER_REVIEW for r in copies)
    with workbench.uow() as uow:
        # The demo reviews go (their partnerships and form snapshots stay): the export holds exactly `count`.
        for review_id in (ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID, ADOPTED_ID):
            uow.reviews.delete(review_id)
        uow.flush()
        uow.reviews.add_many([(review, check(review)) for review in copies])
        uow.commit()
    # Export once (untimed) to check it and to take the baseline's values from the file itself.
    target = folder / "overview.xlsx"
    assert workbooks.export_overview(workbench, target, None, lang=Language.NL) == count
    criteria, summaries = _sheets(target)
    assert len(criteria) == count * CRITERIA_PER_REVIEW + 1 and len(summaries) == count + 1
    assert all(len(row) == 12 for row in criteria)
    return Database(workbench, folder, criteria, summaries)


def _sheets(path: Path) -> tuple[Sheet, Sheet]:
    book = load_workbook(path, read_only=True)
    try:
        return tuple(  # type: ignore[return-value]
            [tuple(_plain(v) for v in row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets
        )
    finally:
        book.close()


def _plain(value: Any) -> Any:
    # openpyxl reads a date cell back as a datetime; the export wrote a date.
    return value.date() if isinstance(value, datetime) else value


def _fresh_copy(template: Review, index: int) -> Review:
    """A deep copy of `template` with a new id on every record and the references among them remapped."""
    # The forms and the partnership are shared, as in a real database: no copy of the framework per review.
    review = copy.deepcopy(
        template, {id(template.forms): template.forms, id(template.partnership): template.partnership}
    )
    review.id = uuid4()
    review.series_id = None
    review.previous_revision_id = None
    review.title = f"{template.title} ({index + 1})"
    review.visit_dates = tuple(_earlier(d, index % 5) for d in template.visit_dates)
    members = {member.id: uuid4() for member in review.members}
    conversations = {conversation.id: uuid4() for conversation in review.conversations}
    questions = {question.id: uuid4() for question in review.questions}
    for member in review.members:
        member.id = members[member.id]
    for conversation in review.conversations:
        conversation.id = conversations[conversation.id]
        conversation.member_ids = tuple(members[m] for m in conversation.member_ids)
    for note in review.notes:
        note.id = uuid4()
        note.author_id = members[note.author_id]
        if note.conversation_id is not None:
            note.conversation_id = conversations[note.conversation_id]
    for judgement in review.member_judgements:
        judgement.id = uuid4()
        judgement.member_id = members[judgement.member_id]
    for question in review.questions:
        question.id = questions[question.id]
    for record in (
        *review.findings.values(),
        *review.standard_conclusions.values(),
        *review.documents,
        *review.factcheck_comments,
    ):
        record.id = uuid4()
    if review.conclusion is not None:
        review.conclusion.id = uuid4()
    _remap_question_links(review, {str(old): str(new) for old, new in questions.items()})
    return review


def _remap_question_links(review: Review, links: dict[str, str]) -> None:
    kind = review.forms.kind
    holders: list[tuple[Scope, Any]] = [
        *((Scope.CRITERION, f) for f in review.findings.values()),
        *((Scope.STANDARD, c) for c in review.standard_conclusions.values()),
        *((Scope.DEVELOPMENT_QUESTION, q) for q in review.questions),
        (Scope.CONCLUSION, review.conclusion),
    ]
    for scope, holder in holders:
        for spec in kind.fields_for(scope):
            value = holder.values.get(spec.id) if holder is not None else None
            if spec.type is FieldType.QUESTION_LINKS and isinstance(value, tuple) and value:
                holder.values = {**holder.values, spec.id: tuple(links[link] for link in value)}


def _earlier(day: date, years: int) -> date:
    return day.replace(year=day.year - years, day=min(day.day, 28))


def run(quick: bool) -> list[Result]:
    """The overview export of 1,000 database reviews (quick: 100) against bare openpyxl writing its values."""
    with tempfile.TemporaryDirectory(prefix="peerreview-bench-overview-db-") as folder:
        return [bench_overview_db(Path(folder), 100 if quick else 1000, 3 if quick else 5)]


if __name__ == "__main__":
    import sys

    from benchmarks.harness import print_table

    with tempfile.TemporaryDirectory(prefix="peerreview-bench-data-") as data:
        # Never the user's data folder, forms or settings.
        os.environ.setdefault("PEERREVIEW_DATA_DIR", data)
        results = run("--quick" in sys.argv)
    print_table(results)
    sys.exit(0 if all(r.met for r in results) else 1)
