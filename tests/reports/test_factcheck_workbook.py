"""The fact-check round end to end: the draft paragraph by paragraph, the partnership's comments read back and
recorded against their paragraphs, the same file again changing nothing; and bad input refused with its cell."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest
from openpyxl import Workbook, load_workbook

from peerreview_app import i18n
from peerreview_app.domain import factcheck
from peerreview_app.domain.errors import ReviewLockedError
from peerreview_app.domain.factcheck import Decision
from peerreview_app.domain.kind import FieldType, Scope
from peerreview_app.domain.member_input import (
    Change,
    FactCheckInput,
    apply_factcheck_import,
    factcheck_comment_id,
    plan_factcheck_import,
)
from peerreview_app.domain.review import Review
from peerreview_app.reports.excel.factcheck_workbook import write_factcheck_workbook
from peerreview_app.reports.excel.member_workbook import write_member_workbook
from peerreview_app.reports.excel.styles import INPUT_FILL
from peerreview_app.reports.excel.workbook_import import (
    WorkbookProblems,
    read_factcheck_workbook,
    read_workbook_meta,
)
from peerreview_app.reports.excel.workbook_meta import META_SHEET, paragraph_digest

MADE = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
ROWS = "rows must not be moved, inserted, deleted or changed"


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("nl")


def expected_paragraphs(review: Review) -> list[tuple[str, str]]:
    """(reference, text) of every paragraph of the draft, computed here independently of the writer."""
    kind = review.forms.kind
    holders: list[tuple[Scope, str, str, dict]] = []
    for standard in review.framework.standards:
        for criterion in standard.criteria:
            holders.append((Scope.CRITERION, "criterion", criterion.id, review.findings[criterion.id].values))
        holders.append((Scope.STANDARD, "standard", standard.id, review.standard_conclusions[standard.id].values))
    for question in review.questions:
        holders.append((Scope.DEVELOPMENT_QUESTION, "question", str(question.id), question.values))
    holders.append((Scope.CONCLUSION, "conclusion", "-", review.conclusion.values))
    rows = []
    for scope, name, holder, values in holders:
        for spec in kind.fields_for(scope):
            if spec.type in (FieldType.TEXT, FieldType.LIST):
                for number, text in enumerate(factcheck.paragraphs(values.get(spec.id)), start=1):
                    rows.append((f"{name}/{holder}/{spec.id}/{number}", text))
    return rows


@pytest.fixture
def review(developmental_review: Review) -> Review:
    return copy.deepcopy(developmental_review)


@pytest.fixture
def workbook(review: Review) -> bytes:
    return write_factcheck_workbook(review, created_at=MADE)


def sheet_title(data: bytes) -> str:
    return read_workbook_meta(data, "factcheck.xlsx").sheets[0].title


def row_of(data: bytes, target: str) -> int:
    return 6 + [p.target for p in read_workbook_meta(data, "factcheck.xlsx").paragraphs].index(target)


def fill(data: bytes, comments: dict[str, object], change: Callable[[Workbook], None] | None = None) -> bytes:
    """The partnership types `comments` (by paragraph reference) into the comment column and saves."""
    book = load_workbook(io.BytesIO(data))
    sheet = book[sheet_title(data)]
    for target, comment in comments.items():
        sheet.cell(row=row_of(data, target), column=4).value = comment
    if change is not None:
        change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read(data: bytes, review: Review) -> FactCheckInput:
    return read_factcheck_workbook(data, "factcheck.xlsx", review, read_workbook_meta(data, "factcheck.xlsx"))


def problems_of(data: bytes, review: Review) -> tuple[str, ...]:
    before = copy.deepcopy(review)
    with pytest.raises(WorkbookProblems) as caught:
        read(data, review)
    assert review == before
    return caught.value.problems


def test_every_paragraph_of_the_draft_has_a_row_with_a_comment_cell(review, workbook):
    expected = expected_paragraphs(review)
    assert len(expected) > 100
    book = load_workbook(io.BytesIO(workbook))
    sheet = book[sheet_title(workbook)]
    rows = [
        (sheet.cell(row=row, column=1).value, sheet.cell(row=row, column=3).value)
        for row in range(6, 6 + len(expected))
    ]
    assert rows == expected
    assert sheet.cell(row=6 + len(expected), column=1).value is None
    assert sheet.column_dimensions["A"].hidden
    assert sheet["B6"].value == "LL De lerende leraar · LL-1 Gedeeld beeld van het leraarschap · waarnemingen, alinea 1"
    assert sheet.protection.sheet and book.security.lockStructure
    for row in (6, 6 + len(expected) - 1):
        assert [sheet.cell(row=row, column=c).protection.locked for c in range(1, 5)] == [True, True, True, False]
        assert sheet.cell(row=row, column=4).fill.start_color.rgb.endswith(INPUT_FILL.start_color.rgb[-6:])
    meta = read_workbook_meta(workbook, "factcheck.xlsx")
    assert (meta.kind, meta.review_id, meta.member_id, meta.form_hash, meta.created_at) == (
        "factcheck",
        review.id,
        None,
        review.forms.sha256,
        MADE,
    )
    assert [(p.target, p.digest) for p in meta.paragraphs] == [(t, paragraph_digest(text)) for t, text in expected]
    assert book[META_SHEET].sheet_state == "veryHidden"


def test_judgements_are_not_paragraphs(assessment_review):
    data = write_factcheck_workbook(assessment_review, created_at=MADE)
    targets = [p.target for p in read_workbook_meta(data, "f.xlsx").paragraphs]
    assert targets == [t for t, _ in expected_paragraphs(assessment_review)]
    assert "criterion/LL-1/motivation/1" in targets
    assert not any("/judgement/" in t for t in targets)


def test_the_fact_check_round_end_to_end(review, workbook):
    first = "criterion/LL-1/observations/1"
    second = f"question/{review.questions[1].id}/answer/1"
    assert read(workbook, review) == FactCheckInput(review.id, ())
    filled = fill(
        workbook,
        {
            first: "Het profiel is in 2022 vastgesteld, niet in 2023.",
            second: "  De stuurgroep is sinds 2025 gezamenlijk. ",
        },
    )
    data = read(filled, review)
    quoted = dict(expected_paragraphs(review))
    title = sheet_title(workbook)
    assert [(c.target, c.quoted, c.comment, c.cell) for c in data.comments] == [
        (
            first,
            quoted[first],
            "Het profiel is in 2022 vastgesteld, niet in 2023.",
            f"{title}!D{row_of(workbook, first)}",
        ),
        (second, quoted[second], "De stuurgroep is sinds 2025 gezamenlijk.", f"{title}!D{row_of(workbook, second)}"),
    ]
    expected = (
        Change("comment", first, "", "Het profiel is in 2022 vastgesteld, niet in 2023."),
        Change("comment", second, "", "De stuurgroep is sinds 2025 gezamenlijk."),
    )
    assert plan_factcheck_import(review, data) == expected
    assert apply_factcheck_import(review, data, now=NOW) == expected
    recorded = {c.target: c for c in review.factcheck_comments}
    assert set(recorded) == {first, second}
    comment = recorded[first]
    assert (comment.id, comment.quoted, comment.received_at, comment.decision) == (
        factcheck_comment_id(review.id, first),
        quoted[first],
        NOW,
        Decision.PENDING,
    )

    # The same file again changes nothing, and keeps the secretary's decision.
    factcheck.decide(review, comment.id, Decision.ACCEPTED, "Aangepast.", actor="secretaris", now=NOW)
    assert plan_factcheck_import(review, read(filled, review)) == ()
    assert apply_factcheck_import(review, read(filled, review), now=NOW) == ()
    assert len(review.factcheck_comments) == 2 and comment.decision is Decision.ACCEPTED

    # A newer file: a changed comment needs a new decision; an emptied cell withdraws nothing.
    newer = fill(workbook, {first: "Vastgesteld in 2022.", second: None})
    assert apply_factcheck_import(review, read(newer, review), now=NOW) == (
        Change("comment", first, "Het profiel is in 2022 vastgesteld, niet in 2023.", "Vastgesteld in 2022."),
    )
    assert comment.decision is Decision.PENDING and len(review.factcheck_comments) == 2


def test_an_adopted_review_accepts_no_comments(adopted_review):
    review = copy.deepcopy(adopted_review)
    data = write_factcheck_workbook(review, created_at=MADE)
    filled = read(fill(data, {"conclusion/-/summary/1": "Onjuist."}), review)
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError):
        apply_factcheck_import(review, filled, now=NOW)
    assert review == before


def test_a_modified_paragraph_reference(review, workbook):
    target = "criterion/LL-2/strengths/1"
    row = row_of(workbook, target)
    title = sheet_title(workbook)

    def modify(book: Workbook) -> None:
        book[title].cell(row=row, column=1).value = "criterion/LL-9/strengths/1"

    assert problems_of(fill(workbook, {target: "Klopt niet."}, modify), review) == (
        f"{title}!A{row}: expected paragraph {target} in this row, found 'criterion/LL-9/strengths/1'; {ROWS}",
    )


def test_changed_draft_text_formulas_dates_and_merged_cells_are_all_reported(review, workbook):
    title = sheet_title(workbook)
    rows = {t: row_of(workbook, t) for t in ("criterion/LL-1/observations/1", "standard/LL/summary/1")}
    first, second = rows.values()

    def damage(book: Workbook) -> None:
        sheet = book[title]
        sheet.cell(row=first, column=3).value = "Een andere tekst."
        sheet.merge_cells(f"D{second + 1}:D{second + 2}")

    filled = fill(
        workbook,
        {"standard/LL/summary/1": '=HYPERLINK("http://x")', "conclusion/-/summary/1": datetime(2026, 1, 2)},
        damage,
    )
    last = row_of(workbook, "conclusion/-/summary/1")
    assert problems_of(filled, review) == (
        f"{title}!D{second + 1}:D{second + 2}: merged cells in the input area; unmerge them",
        f"{title}!C{first}: the draft text was changed; leave it as it is and write your correction in the comment "
        "column",
        f"{title}!D{second}: a formula; type the text itself (formulas are not imported)",
        f"{title}!D{last}: a date where text was expected; type it as text",
    )


def test_a_comment_on_a_paragraph_that_is_gone(review, workbook):
    gone = f"question/{review.questions[0].id}/answer/1"
    review.remove_question(review.questions[0].id)
    row = row_of(workbook, gone)
    assert problems_of(fill(workbook, {gone: "Onjuist."}), review) == (
        f"{sheet_title(workbook)}!D{row}: paragraph {gone} is no longer in the review "
        "(the development question was removed)",
    )


def test_removing_a_question_does_not_move_comments_to_another_one(review, workbook):
    """Questions are renumbered when one is removed; a comment stays with the question it was written on."""
    third = review.questions[2]
    target = f"question/{third.id}/answer/1"
    filled = fill(workbook, {target: "Dit klopt niet."})
    review.remove_question(review.questions[0].id)  # question 3 is now question 2
    data = read(filled, review)
    apply_factcheck_import(review, data, now=NOW)
    (recorded,) = review.factcheck_comments
    assert recorded.target == target
    assert review.question(third.id).number == 2


def test_workbooks_of_another_kind_or_review(review, workbook):
    member = write_member_workbook(review, review.members[2].id, created_at=MADE)
    with pytest.raises(WorkbookProblems) as caught:
        read_factcheck_workbook(member, "m.xlsx", review, read_workbook_meta(member, "m.xlsx"))
    assert caught.value.problems == ("file: this is a panel member's workbook, not a fact-check workbook",)
    other = copy.deepcopy(review)
    other.id = uuid4()
    assert problems_of(workbook, other) == (
        f"file: this workbook was made for another review (id {review.id}), not for '{review.title}'",
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_reads_the_same(review, workbook, tmp_path: Path):
    filled = fill(workbook, {"criterion/LL-1/observations/1": "Vastgesteld in 2022.", "conclusion/-/summary/1": "Ja."})
    source = tmp_path / "factcheck.xlsx"
    source.write_bytes(filled)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "saved"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = (tmp_path / "saved" / "factcheck.xlsx").read_bytes()
    assert read(saved, review) == read(filled, review)
    assert len(read(saved, review).comments) == 2
