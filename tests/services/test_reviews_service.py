"""Review use cases on a real database: snapshots, batches, deletion and read-only reviews."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerreview_app import config
from peerreview_app.domain.errors import DomainError, ReviewLockedError
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.phases import Phase
from peerreview_app.services import findings, interchange, reviews, workflow
from peerreview_app.services.demo import ASSESSMENT_ID, fill_demo
from peerreview_app.services.errors import InputError
from peerreview_app.services.workbench import Workbench

FORMS = Path(__file__).resolve().parents[2] / "forms"


def test_changing_the_forms_never_changes_an_existing_review(workbench: Workbench) -> None:
    old = reviews.create_review(workbench, kind="assessment", partnership="P")
    user_forms = config.user_forms_dir()
    user_forms.mkdir(parents=True)
    text = (FORMS / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8")
    changed = text.replace('version: "2021.1-werkversie"', 'version: "2027.1"').replace(
        "De lerende leraar", "De lerende professional", 1
    )
    (user_forms / "kader-2027.yaml").write_text(changed, encoding="utf-8")
    workbench.reload_forms()
    new = reviews.create_review(workbench, kind="assessment", partnership="P")
    assert new.framework.version == "2027.1"
    assert new.framework.standard("LL").title.nl == "De lerende professional"
    reloaded = reviews.get_review(workbench, old.id)
    assert reloaded.framework.version == "2021.1-werkversie"
    assert reloaded.framework.standard("LL").title.nl == "De lerende leraar"
    assert reloaded.forms.sha256 == old.forms.sha256 != new.forms.sha256


def test_reviews_on_the_same_forms_share_one_snapshot(workbench: Workbench) -> None:
    first = reviews.create_review(workbench, kind="developmental", partnership="A")
    second = reviews.create_review(workbench, kind="developmental", partnership="B")
    assert first.forms.sha256 == second.forms.sha256
    with workbench.database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM form_snapshot").scalar() == 1


def test_a_batch_is_all_or_nothing(workbench: Workbench) -> None:
    batch = [
        reviews.NewReview("assessment", "Nieuw Partnerschap", visit_dates=(date(2026, 4, 1),)),
        reviews.NewReview("developmental", "Nieuw Partnerschap"),
        reviews.NewReview("sideways", "Nieuw Partnerschap"),
    ]
    with pytest.raises(InputError, match="sideways"):
        reviews.create_reviews(workbench, batch)
    assert reviews.list_reviews(workbench) == []
    with workbench.database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM partnership").scalar() == 0
    created = reviews.create_reviews(workbench, batch[:2])
    assert [r.kind.value for r in created] == ["assessment", "developmental"]
    assert len({r.partnership.id for r in created}) == 1


def test_a_locked_review_refuses_edits_and_stays_unchanged(workbench: Workbench) -> None:
    fill_demo(workbench)
    workflow.adopt(workbench, ASSESSMENT_ID)
    before = interchange.export_review_json(workbench, ASSESSMENT_ID)
    with pytest.raises(ReviewLockedError):
        findings.set_finding_value(workbench, ASSESSMENT_ID, "LL-1", "motivation", "anders")
    with pytest.raises(DomainError):
        reviews.delete_review(workbench, ASSESSMENT_ID)
    assert interchange.export_review_json(workbench, ASSESSMENT_ID) == before


def test_a_draft_can_be_deleted_but_not_a_review_with_a_later_revision(workbench: Workbench) -> None:
    fill_demo(workbench)
    draft = reviews.create_review(workbench, kind="assessment", partnership="Weg")
    reviews.delete_review(workbench, draft.id)
    assert all(s.id != draft.id for s in reviews.list_reviews(workbench))
    workflow.adopt(workbench, ASSESSMENT_ID)
    revision = workflow.start_revision(workbench, ASSESSMENT_ID)
    assert revision.revision == 2 and revision.phase is Phase.REPORTING
    with pytest.raises(DomainError):
        workflow.start_revision(workbench, ASSESSMENT_ID)
    reviews.delete_review(workbench, revision.id)
    assert len(reviews.list_reviews(workbench, ReviewFilter(text="Heidezoom"))) == 1


def test_filters_combine(workbench: Workbench) -> None:
    fill_demo(workbench)
    assessments = reviews.list_reviews(workbench, ReviewFilter(kind=ReviewKind.ASSESSMENT))
    assert {s.kind.value for s in assessments} == {"assessment"} and len(assessments) == 2
    in_2024 = reviews.list_reviews(workbench, ReviewFilter(year=2024))
    assert [s.phase for s in in_2024] == [Phase.ADOPTED]
    reporting = reviews.list_reviews(workbench, ReviewFilter(phase=Phase.REPORTING, text="lingedelta"))
    assert len(reporting) == 1 and reporting[0].partnership == "Samen Opleiden Lingedelta"
