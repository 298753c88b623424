"""Documents on a real SQLite file: attach, read back, store once, detect damage, remove, lock, revise."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from peerreview_app.domain.completeness import check
from peerreview_app.domain.documents import DocumentKind
from peerreview_app.domain.errors import InvalidValueError, ReviewLockedError
from peerreview_app.services import documents, interchange, reviews, workflow
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, fill_demo
from peerreview_app.services.errors import InputError, StorageError
from peerreview_app.services.workbench import Workbench

REFLECTION = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\nKritische reflectie Partnerschap Zuid\n%%EOF\n"


def write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def count(workbench: Workbench, table: str) -> int:
    with workbench.database.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


@pytest.fixture
def review_id(workbench: Workbench):
    return reviews.create_review(workbench, kind="developmental", partnership="Partnerschap Zuid").id


def test_an_attached_file_is_stored_with_its_hash_size_and_media_type(workbench, review_id, tmp_path):
    path = write(tmp_path, "Kritische reflectie 2025.pdf", REFLECTION)
    attached = documents.attach_document(workbench, review_id, path, DocumentKind.SELF_REFLECTION)
    assert attached.sha256 == hashlib.sha256(REFLECTION).hexdigest()
    assert (attached.name, attached.size, attached.media_type) == (
        "Kritische reflectie 2025.pdf",
        len(REFLECTION),
        "application/pdf",
    )
    assert attached.added_by == "tester"
    stored = reviews.get_review(workbench, review_id).documents
    assert [(d.id, d.kind, d.sha256, d.stamp.version) for d in stored] == [
        (attached.id, DocumentKind.SELF_REFLECTION, attached.sha256, 1)
    ]
    assert documents.document_content(workbench, review_id, attached.id) == REFLECTION


def test_an_unknown_extension_is_octet_stream_and_the_default_kind_is_evidence(workbench, review_id, tmp_path):
    attached = documents.attach_document(workbench, review_id, write(tmp_path, "bijlage.zzq", b"x"))
    assert attached.media_type == "application/octet-stream"
    assert attached.kind is DocumentKind.EVIDENCE


def test_the_same_file_twice_is_refused_and_nothing_changes(workbench, review_id, tmp_path):
    first = documents.attach_document(workbench, review_id, write(tmp_path, "reflectie.pdf", REFLECTION))
    copy = write(tmp_path, "reflectie (kopie).pdf", REFLECTION)
    with pytest.raises(InvalidValueError, match=r"reflectie\.pdf"):
        documents.attach_document(workbench, review_id, copy)
    assert [d.id for d in reviews.get_review(workbench, review_id).documents] == [first.id]
    assert count(workbench, "document_blob") == 1


def test_two_reviews_with_the_same_file_share_one_stored_copy(workbench, review_id, tmp_path):
    other = reviews.create_review(workbench, kind="assessment", partnership="Partnerschap Noord").id
    path = write(tmp_path, "gedeeld.pdf", REFLECTION)
    one = documents.attach_document(workbench, review_id, path)
    two = documents.attach_document(workbench, other, path)
    assert one.sha256 == two.sha256 and one.id != two.id
    assert (count(workbench, "document"), count(workbench, "document_blob")) == (2, 1)
    documents.remove_document(workbench, review_id, one.id)
    assert count(workbench, "document_blob") == 1, "the other review still uses the content"
    assert documents.document_content(workbench, other, two.id) == REFLECTION
    documents.remove_document(workbench, other, two.id)
    assert (count(workbench, "document"), count(workbench, "document_blob")) == (0, 0)


def test_changed_bytes_in_the_database_are_detected(workbench, review_id, tmp_path):
    attached = documents.attach_document(workbench, review_id, write(tmp_path, "reflectie.pdf", REFLECTION))
    damaged = REFLECTION.replace(b"Zuid", b"Noord")
    connection = sqlite3.connect(workbench.database.path)
    try:
        connection.execute("UPDATE document_blob SET content = ? WHERE sha256 = ?", (damaged, attached.sha256))
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(StorageError, match=rf"reflectie\.pdf.*{attached.sha256[:12]}"):
        documents.document_content(workbench, review_id, attached.id)
    target = tmp_path / "out" / "reflectie.pdf"
    target.parent.mkdir()
    with pytest.raises(StorageError):
        documents.export_document(workbench, review_id, attached.id, target)
    assert not target.exists()


def test_export_writes_the_original_bytes(workbench, review_id, tmp_path):
    attached = documents.attach_document(workbench, review_id, write(tmp_path, "reflectie.pdf", REFLECTION))
    target = tmp_path / "export" / "kopie.pdf"
    target.parent.mkdir()
    assert documents.export_document(workbench, review_id, attached.id, target) == len(REFLECTION)
    assert target.read_bytes() == REFLECTION
    assert [p.name for p in target.parent.iterdir()] == ["kopie.pdf"], "no partial file is left behind"
    with pytest.raises(InputError, match="nergens"):
        documents.export_document(workbench, review_id, attached.id, tmp_path / "nergens" / "x.pdf")
    with pytest.raises(InputError, match="export"):
        documents.export_document(workbench, review_id, attached.id, target.parent)


def test_remove_detaches_the_document_and_drops_its_unused_content(workbench, review_id, tmp_path):
    kept = documents.attach_document(workbench, review_id, write(tmp_path, "a.pdf", b"a"))
    gone = documents.attach_document(workbench, review_id, write(tmp_path, "b.pdf", b"b"))
    documents.remove_document(workbench, review_id, gone.id)
    assert [d.id for d in reviews.get_review(workbench, review_id).documents] == [kept.id]
    assert count(workbench, "document_blob") == 1


def test_deleting_a_review_drops_its_documents_and_their_unused_content(workbench, review_id, tmp_path):
    documents.attach_document(workbench, review_id, write(tmp_path, "a.pdf", b"a"))
    reviews.delete_review(workbench, review_id)
    assert (count(workbench, "document"), count(workbench, "document_blob")) == (0, 0)


@pytest.mark.parametrize("make", [lambda folder: folder / "bestaat-niet.pdf", lambda folder: folder])
def test_a_missing_file_or_a_folder_is_refused_naming_the_path(workbench, review_id, tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(InputError) as refused:
        documents.attach_document(workbench, review_id, path)
    assert str(path) in str(refused.value)


def test_a_file_over_200_mb_is_refused_before_it_is_read(workbench, review_id, tmp_path):
    path = tmp_path / "video.mp4"
    with path.open("wb") as handle:
        handle.truncate(documents.MAX_DOCUMENT_SIZE + 1)  # sparse: costs no disk space
    with pytest.raises(InputError, match="200 MB"):
        documents.attach_document(workbench, review_id, path)
    assert count(workbench, "document_blob") == 0


def test_progress_is_reported_while_reading(workbench, review_id, tmp_path):
    reported: list[tuple[int, int]] = []
    big = bytes(9 * 1024 * 1024)
    documents.attach_document(
        workbench, review_id, write(tmp_path, "groot.bin", big), progress=lambda d, t: reported.append((d, t))
    )
    assert reported[-1] == (len(big), len(big))
    assert len(reported) == 3


def test_an_adopted_review_refuses_attach_and_remove(workbench, tmp_path):
    fill_demo(workbench)
    path = write(tmp_path, "reflectie.pdf", REFLECTION)
    attached = documents.attach_document(workbench, ASSESSMENT_ID, path)
    workflow.adopt(workbench, ASSESSMENT_ID)
    with pytest.raises(ReviewLockedError):
        documents.attach_document(workbench, ADOPTED_ID, path)
    with pytest.raises(ReviewLockedError):
        documents.remove_document(workbench, ASSESSMENT_ID, attached.id)
    assert [d.id for d in reviews.get_review(workbench, ASSESSMENT_ID).documents] == [attached.id]
    assert count(workbench, "document_blob") == 1
    # Reading and saving a copy stay possible.
    assert documents.document_content(workbench, ASSESSMENT_ID, attached.id) == REFLECTION


def test_a_new_revision_carries_the_documents_and_shares_their_content(workbench, tmp_path):
    fill_demo(workbench)
    reflection = documents.attach_document(
        workbench, ASSESSMENT_ID, write(tmp_path, "reflectie.pdf", REFLECTION), DocumentKind.SELF_REFLECTION
    )
    documents.attach_document(workbench, ASSESSMENT_ID, write(tmp_path, "programma.docx", b"programma"))
    workflow.adopt(workbench, ASSESSMENT_ID)
    revision = workflow.start_revision(workbench, ASSESSMENT_ID)
    carried = reviews.get_review(workbench, revision.id).documents
    assert [(d.name, d.kind, d.sha256) for d in carried] == [
        ("reflectie.pdf", DocumentKind.SELF_REFLECTION, reflection.sha256),
        ("programma.docx", DocumentKind.EVIDENCE, hashlib.sha256(b"programma").hexdigest()),
    ]
    assert reflection.id not in {d.id for d in carried}
    assert (count(workbench, "document"), count(workbench, "document_blob")) == (4, 2)
    assert documents.document_content(workbench, revision.id, carried[0].id) == REFLECTION
    # The revision may drop a document; the adopted review keeps it, and so its content.
    documents.remove_document(workbench, revision.id, carried[0].id)
    assert documents.document_content(workbench, ASSESSMENT_ID, reflection.id) == REFLECTION


def test_the_json_export_of_a_review_with_documents_works_and_leaves_them_out(workbench, review_id, tmp_path):
    documents.attach_document(workbench, review_id, write(tmp_path, "reflectie.pdf", REFLECTION))
    exported = json.loads(interchange.export_review_json(workbench, review_id))
    assert "documents" not in exported and "reflectie.pdf" not in json.dumps(exported)


def test_the_suggested_kind_is_the_self_reflection_until_there_is_one(workbench, review_id, tmp_path):
    review = reviews.get_review(workbench, review_id)
    assert documents.suggested_kind(review) is DocumentKind.SELF_REFLECTION
    documents.attach_document(workbench, review_id, write(tmp_path, "r.pdf", b"r"), DocumentKind.SELF_REFLECTION)
    assert documents.suggested_kind(reviews.get_review(workbench, review_id)) is DocumentKind.EVIDENCE


def test_a_review_deleted_and_stored_again_in_one_unit_of_work_keeps_its_content(workbench, review_id, tmp_path):
    # What an import that replaces a review does; the content is released, but used again before the commit.
    attached = documents.attach_document(workbench, review_id, write(tmp_path, "reflectie.pdf", REFLECTION))
    with workbench.uow() as uow:
        review = uow.reviews.get(review_id)
        uow.reviews.delete(review_id)
        uow.flush()
        uow.reviews.add(review, check(review), keep_stamps=True)
        uow.commit()
    assert documents.document_content(workbench, review_id, attached.id) == REFLECTION


def test_an_import_that_replaces_a_review_keeps_its_documents(tmp_path: Path) -> None:
    """Interchange format 1 carries no documents, so replacing a review from a file must not drop them."""
    source = tmp_path / "kritische-reflectie.pdf"
    source.write_bytes(b"%PDF-1.4 kritische reflectie")
    with Workbench.open(str(tmp_path / "r.sqlite3"), actor="tester") as workbench:
        review = reviews.create_review(workbench, kind="developmental", partnership="P")
        documents.attach_document(workbench, review.id, source)
        exported = tmp_path / "review.json"
        interchange.write_review_json(workbench, review.id, exported)
        interchange.import_review_json(workbench, exported, replace=True)
        kept = reviews.get_review(workbench, review.id).documents
        assert [d.name for d in kept] == ["kritische-reflectie.pdf"]
        assert documents.document_content(workbench, review.id, kept[0].id) == source.read_bytes()
