"""Fact-check comments travel in the interchange file, and an older file never erases them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from peerreview_app.domain.factcheck import Decision, FactCheckComment, decide, record_comment
from peerreview_app.exchange.review_json import ExchangeError
from peerreview_app.services import interchange, reviews
from peerreview_app.services.demo import DEVELOPMENTAL_ID
from peerreview_app.services.editing import edit
from peerreview_app.services.workbench import Workbench

RECEIVED = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def bench(demo_db: Path) -> Workbench:
    workbench = Workbench.open(str(demo_db), actor="tester")
    yield workbench  # type: ignore[misc]
    workbench.close()


def add_comments(bench: Workbench) -> None:
    def change(review):  # type: ignore[no-untyped-def]
        first = FactCheckComment(uuid4(), "criterion/LL-1/observations/1", "Het partnerschap…", "2022.", RECEIVED)
        second = FactCheckComment(uuid4(), "conclusion/-/summary/1", "Het panel…", "Naam klopt niet.", RECEIVED)
        record_comment(review, first)
        record_comment(review, second)
        decide(review, second.id, Decision.REJECTED, "De naam is zo aangeleverd.", actor="tester", now=RECEIVED)

    edit(bench, DEVELOPMENTAL_ID, change)


def test_comments_round_trip_byte_for_byte(bench: Workbench, tmp_path: Path) -> None:
    add_comments(bench)
    first = interchange.export_review_json(bench, DEVELOPMENTAL_ID)
    document = json.loads(first)
    decisions = {c["target"]: c["decision"] for c in document["factcheck_comments"]}
    assert decisions == {"criterion/LL-1/observations/1": "pending", "conclusion/-/summary/1": "rejected"}
    path = tmp_path / "review.json"
    path.write_bytes(first)
    interchange.import_review_json(bench, path, replace=True)
    assert interchange.export_review_json(bench, DEVELOPMENTAL_ID) == first


def test_a_file_without_comments_keeps_the_ones_in_the_database(bench: Workbench, tmp_path: Path) -> None:
    path = tmp_path / "before.json"
    interchange.write_review_json(bench, DEVELOPMENTAL_ID, path)  # exported before the round
    assert "factcheck_comments" not in json.loads(path.read_bytes())
    add_comments(bench)
    interchange.import_review_json(bench, path, replace=True)
    assert len(reviews.get_review(bench, DEVELOPMENTAL_ID).factcheck_comments) == 2


def test_a_comment_on_an_unknown_paragraph_is_refused(bench: Workbench, tmp_path: Path) -> None:
    add_comments(bench)
    document = json.loads(interchange.export_review_json(bench, DEVELOPMENTAL_ID))
    document["factcheck_comments"][0]["target"] = "criterion/XX-9/observations/1"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        interchange.import_review_json(bench, path, replace=True)
    assert any("XX-9" in problem for problem in caught.value.problems)
