"""The demo fill: realistic reviews of both kinds, in the promised phases, and idempotent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.phases import Phase
from peerreview_app.services import reviews, workflow
from peerreview_app.services.demo import (
    ADOPTED_ID,
    ASSESSMENT_ID,
    DEVELOPMENTAL_ID,
    HALF_FILLED_ID,
    DemoResult,
    fill_demo,
)
from peerreview_app.services.workbench import Workbench

ALL_IDS = (DEVELOPMENTAL_ID, ASSESSMENT_ID, HALF_FILLED_ID, ADOPTED_ID)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workbench, DemoResult]]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workbench = Workbench.open(str(path), actor="test")
    try:
        yield workbench, fill_demo(workbench)
    finally:
        workbench.close()


def test_creates_reviews_of_both_kinds(filled: tuple[Workbench, DemoResult]) -> None:
    workbench, result = filled
    assert set(result.created) == set(ALL_IDS)
    assert result.already_present == ()
    kinds = {s.kind for s in reviews.list_reviews(workbench)}
    assert kinds == {ReviewKind.DEVELOPMENTAL, ReviewKind.ASSESSMENT}


def test_developmental_review_is_in_reporting_with_notes_of_three_members(
    filled: tuple[Workbench, DemoResult],
) -> None:
    workbench, _ = filled
    review = reviews.get_review(workbench, DEVELOPMENTAL_ID)
    assert review.kind is ReviewKind.DEVELOPMENTAL
    assert review.phase is Phase.REPORTING
    assert len({note.author_id for note in review.notes}) == 3
    assert len(review.notes) >= 12
    assert 6 <= len(review.conversations) <= 8
    assert 2 <= len(review.questions) <= 3
    assert all(finding.values["observations"] for finding in review.findings.values())
    assert any(finding.values["development_questions"] for finding in review.findings.values())


def test_half_filled_review_is_in_visit_and_about_half_done(filled: tuple[Workbench, DemoResult]) -> None:
    workbench, _ = filled
    assert reviews.get_review(workbench, HALF_FILLED_ID).phase is Phase.VISIT
    assert 20 <= reviews.completeness(workbench, HALF_FILLED_ID).percent <= 80


def test_earlier_review_is_adopted(filled: tuple[Workbench, DemoResult]) -> None:
    workbench, _ = filled
    assert reviews.get_review(workbench, ADOPTED_ID).phase is Phase.ADOPTED


def test_a_second_fill_creates_nothing(filled: tuple[Workbench, DemoResult]) -> None:
    workbench, _ = filled
    before = len(reviews.list_reviews(workbench))
    again = fill_demo(workbench)
    assert again.created == ()
    assert set(again.already_present) == set(ALL_IDS)
    assert len(reviews.list_reviews(workbench)) == before


def test_assessment_review_is_complete_and_can_be_adopted(filled: tuple[Workbench, DemoResult]) -> None:
    # Adopting changes the shared database; no other test looks at this review's phase.
    workbench, _ = filled
    review = reviews.get_review(workbench, ASSESSMENT_ID)
    assert review.kind is ReviewKind.ASSESSMENT
    assert review.phase is Phase.REPORTING
    assert reviews.completeness(workbench, ASSESSMENT_ID).complete
    assert review.overall_judgement() == "sufficient"
    assert any(j.dissent for j in review.member_judgements)
    assert len({j.member_id for j in review.member_judgements}) >= 3
    assert workflow.adopt(workbench, ASSESSMENT_ID).phase is Phase.ADOPTED
