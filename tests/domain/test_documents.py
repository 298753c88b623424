"""Documents on the review aggregate: what may be attached, duplicates, removal, locking and revisions."""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from peerreview_app.domain import integrity
from peerreview_app.domain.documents import MAX_NAME_LENGTH, Document, DocumentKind
from peerreview_app.domain.errors import InvalidValueError, ReviewLockedError, UnknownReferenceError
from peerreview_app.domain.partnership import PanelMember, Partnership, Role, Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.review import Review

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def document(name: str = "kritische-reflectie.pdf", content: bytes = b"reflectie", **changes: object) -> Document:
    values: dict[str, object] = {
        "id": uuid4(),
        "name": name,
        "kind": DocumentKind.SELF_REFLECTION,
        "media_type": "application/pdf",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
        "added_at": T0,
        "added_by": "secretaris",
    }
    values.update(changes)
    return Document(**values)  # type: ignore[arg-type]


@pytest.fixture
def review(make_forms) -> Review:
    partnership = Partnership(uuid4(), "Partnerschap Zuid", (Sector.VO,))
    return Review.start(
        title="Review Zuid", forms=make_forms("developmental"), partnership=partnership, created_at=T0, created_by="t"
    )


def adopt(review: Review) -> None:
    review.add_member(PanelMember(uuid4(), "Anna", Role.CHAIR))
    review.add_member(PanelMember(uuid4(), "Bram", Role.SECRETARY))
    for phase in (Phase.VISIT, Phase.REPORTING, Phase.ADOPTED):
        review.move_to(phase, actor="Anna", now=T0)


def test_documents_are_attached_in_order_and_found_by_id(review):
    reflection = document()
    programme = document("bezoekprogramma.docx", b"programma", kind=DocumentKind.PROGRAMME)
    review.add_document(reflection)
    review.add_document(programme)
    assert review.documents == [reflection, programme]
    assert review.document(programme.id) is programme
    with pytest.raises(UnknownReferenceError):
        review.document(uuid4())


def test_the_same_content_twice_is_refused_naming_the_document_already_there(review):
    review.add_document(document("reflectie.pdf", b"zelfde"))
    with pytest.raises(InvalidValueError, match=r"'reflectie\.pdf'") as refused:
        review.add_document(document("kopie van reflectie.pdf", b"zelfde"))
    assert "kopie van reflectie.pdf" in str(refused.value)
    assert [d.name for d in review.documents] == ["reflectie.pdf"]


def test_the_same_name_with_other_content_is_fine(review):
    review.add_document(document("bijlage.pdf", b"versie 1"))
    review.add_document(document("bijlage.pdf", b"versie 2"))
    assert len(review.documents) == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "needs a name"),
        ({"name": "   "}, "needs a name"),
        ({"name": "x" * (MAX_NAME_LENGTH + 1)}, "longer than 255"),
        ({"sha256": "ABC"}, "not a SHA-256"),
        ({"sha256": "A" * 64}, "not a SHA-256"),
        ({"size": -1}, "negative"),
        ({"kind": "verslag"}, "unknown kind"),
    ],
)
def test_an_unusable_document_is_refused(review, changes, message):
    with pytest.raises(InvalidValueError, match=message):
        review.add_document(document(**changes))
    assert review.documents == []


def test_a_name_of_exactly_the_maximum_length_is_fine(review):
    review.add_document(document("x" * MAX_NAME_LENGTH))
    assert len(review.documents[0].name) == MAX_NAME_LENGTH


def test_a_kind_given_as_text_becomes_the_enum(review):
    review.add_document(document(kind="programme"))
    assert review.documents[0].kind is DocumentKind.PROGRAMME


def test_the_same_id_twice_is_refused(review):
    first = document(content=b"een")
    review.add_document(first)
    with pytest.raises(InvalidValueError, match="already in this review"):
        review.add_document(document(content=b"twee", id=first.id))


def test_remove_takes_the_document_away_and_an_unknown_id_is_named(review):
    kept, gone = document("a.pdf", b"a"), document("b.pdf", b"b")
    review.add_document(kept)
    review.add_document(gone)
    review.remove_document(gone.id)
    assert review.documents == [kept]
    with pytest.raises(UnknownReferenceError, match=str(gone.id)):
        review.remove_document(gone.id)
    review.add_document(document("b again.pdf", b"b"))  # removed content can be attached again
    assert len(review.documents) == 2


def test_an_adopted_review_refuses_attaching_and_removing(review):
    review.add_document(document())
    adopt(review)
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError):
        review.add_document(document("later.pdf", b"later"))
    with pytest.raises(ReviewLockedError):
        review.remove_document(review.documents[0].id)
    assert review == before


def test_a_new_revision_carries_the_documents_under_new_ids_with_the_same_content(review):
    review.add_document(document())
    review.add_document(document("bijlage.xlsx", b"cijfers", kind=DocumentKind.EVIDENCE))
    adopt(review)
    clone = review.new_revision(created_at=T0, created_by="Bram")
    assert [(d.name, d.kind, d.sha256, d.size) for d in clone.documents] == [
        (d.name, d.kind, d.sha256, d.size) for d in review.documents
    ]
    assert {d.id for d in clone.documents}.isdisjoint({d.id for d in review.documents})
    assert all(d.stamp.version == 0 for d in clone.documents)
    clone.remove_document(clone.documents[0].id)  # the revision is editable, the adopted review untouched
    assert len(review.documents) == 2
    assert integrity.problems(clone) == []


def test_integrity_names_a_document_id_used_twice(review):
    first = document(content=b"een")
    review.add_document(first)
    review.documents.append(document(content=b"twee", id=first.id))  # as an import might assemble it
    assert f"id {first.id} is used more than once" in integrity.problems(review)
