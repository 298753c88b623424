"""Signing a review's report: adoption and the stored PDF in one transaction, refusals that change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from peerreview_app.domain.errors import TransitionError
from peerreview_app.domain.phases import Phase
from peerreview_app.reports.signing import SigningError, create_identity
from peerreview_app.services import identity, reports, reviews, workflow
from peerreview_app.services.demo import ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.workbench import Workbench

NOW = datetime.now(UTC) - timedelta(days=1)  # certificates valid from yesterday


@pytest.fixture
def bench(demo_db: Path) -> Workbench:
    workbench = Workbench.open(str(demo_db), actor="tester")
    yield workbench  # type: ignore[misc]
    workbench.close()


def make_identity(tmp_path: Path, name: str, email: str = "", passphrase: str = "geheim-123") -> Path:
    first = name.split(maxsplit=1)[0].lower()
    path = tmp_path / f"{first}.p12"
    path.write_bytes(create_identity(name, email or f"{first}@example.org", passphrase, now=NOW))
    return path


def test_two_signatures_adopt_the_review_and_verify(bench: Workbench, tmp_path: Path) -> None:
    secretary = make_identity(tmp_path, "Bram Hoekstra")
    chair = make_identity(tmp_path, "Annelies Koster")

    first = reports.sign_review(bench, ASSESSMENT_ID, secretary, "geheim-123")
    assert first.adopted_now
    assert first.field == "signature-secretary"
    assert first.unsigned_fields == ("signature-chair",)
    review = reviews.get_review(bench, ASSESSMENT_ID)
    assert review.phase is Phase.ADOPTED and review.locked

    second = reports.sign_review(bench, ASSESSMENT_ID, chair, "geheim-123")
    assert not second.adopted_now
    assert second.field == "signature-chair"
    assert second.unsigned_fields == ()

    stored = reports.stored_report(bench, ASSESSMENT_ID)
    assert stored is not None
    assert [s.name for s in stored.signers] == ["Bram Hoekstra", "Annelies Koster"]
    result = reports.verify_stored(bench, ASSESSMENT_ID)
    assert result.ok
    assert [c.signer for c in result.signatures] == ["Bram Hoekstra", "Annelies Koster"]
    assert all(c.intact and c.covers_final_revision and c.trusted for c in result.signatures)

    out = tmp_path / "rapport.pdf"
    exported = reports.export_pdf(bench, ASSESSMENT_ID, out)
    assert exported.signed
    assert out.read_bytes() == reports.stored_report_content(bench, ASSESSMENT_ID)


def test_a_wrong_passphrase_changes_nothing(bench: Workbench, tmp_path: Path) -> None:
    secretary = make_identity(tmp_path, "Bram Hoekstra")
    with pytest.raises(SigningError, match=r"bram\.p12"):
        reports.sign_review(bench, ASSESSMENT_ID, secretary, "wrong")
    assert reviews.get_review(bench, ASSESSMENT_ID).phase is Phase.REPORTING
    assert reports.stored_report(bench, ASSESSMENT_ID) is None


def test_an_incomplete_review_is_not_signed_and_says_what_is_open(bench: Workbench, tmp_path: Path) -> None:
    secretary = make_identity(tmp_path, "Jeroen Bakker")
    with pytest.raises(TransitionError, match="rapportage"):  # still in the visit phase
        reports.sign_review(bench, HALF_FILLED_ID, secretary, "geheim-123")
    workflow.move_to(bench, HALF_FILLED_ID, Phase.REPORTING)
    with pytest.raises(TransitionError, match=r"kan nog niet worden ondertekend") as caught:
        reports.sign_review(bench, HALF_FILLED_ID, secretary, "geheim-123")
    assert len(caught.value.problems) > 3  # every open item, for the "Nog nodig" list
    assert reviews.get_review(bench, HALF_FILLED_ID).phase is Phase.REPORTING
    assert reports.stored_report(bench, HALF_FILLED_ID) is None


def test_a_draft_export_is_rebuilt_and_marked_draft(bench: Workbench, tmp_path: Path) -> None:
    out = tmp_path / "concept.pdf"
    result = reports.export_pdf(bench, DEVELOPMENTAL_ID, out)
    assert result.draft and not result.signed
    assert out.read_bytes().startswith(b"%PDF")
    assert result.pages is not None and result.pages > 5


def test_a_correction_is_a_new_revision_and_the_signed_report_stays(bench: Workbench, tmp_path: Path) -> None:
    secretary = make_identity(tmp_path, "Bram Hoekstra")
    reports.sign_review(bench, ASSESSMENT_ID, secretary, "geheim-123")
    before = reports.stored_report_content(bench, ASSESSMENT_ID)
    revision = workflow.start_revision(bench, ASSESSMENT_ID)
    assert revision.revision == 2 and revision.phase is Phase.REPORTING
    assert reports.stored_report(bench, revision.id) is None
    assert reports.stored_report_content(bench, ASSESSMENT_ID) == before


def test_importing_an_identity_records_its_fingerprint_on_matching_members(bench: Workbench, tmp_path: Path) -> None:
    review = reviews.get_review(bench, DEVELOPMENTAL_ID)
    secretary = next(m for m in review.members if m.role.value == "secretary")
    from peerreview_app.services import panel

    panel.update_member(bench, DEVELOPMENTAL_ID, secretary.id, email="Secretaris@Example.org")
    path = make_identity(tmp_path, secretary.name, email="secretaris@example.org")
    imported = identity.import_identity(bench, path, "geheim-123")
    assert imported.members_updated == 1
    member = reviews.get_review(bench, DEVELOPMENTAL_ID).member(secretary.id)
    assert member.certificate_fingerprint == imported.summary.fingerprint
    current = identity.current_identity()
    assert current is not None and current.fingerprint == imported.summary.fingerprint
    assert identity.current_identity_file().read_bytes() == path.read_bytes()
