"""Planning and applying what a returned workbook changes: exact changes, all or nothing, idempotent."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from peerreview_app.domain.errors import (
    DomainError,
    InvalidValueError,
    ReviewLockedError,
    UnknownReferenceError,
)
from peerreview_app.domain.factcheck import Decision
from peerreview_app.domain.member_input import (
    Change,
    CommentEntry,
    CriterionEntry,
    FactCheckInput,
    MemberInput,
    apply_factcheck_import,
    apply_member_import,
    factcheck_comment_id,
    plan_factcheck_import,
    plan_member_import,
    workbook_note_id,
)
from peerreview_app.domain.partnership import PanelMember, Partnership, Role
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.records import Note
from peerreview_app.domain.review import Review

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)


def start(forms) -> tuple[Review, UUID]:
    review = Review.start(
        title="Review Noord", forms=forms, partnership=Partnership(uuid4(), "Noord"), created_at=T0, created_by="t"
    )
    for name, role in (("Voorzitter", Role.CHAIR), ("Secretaris", Role.SECRETARY), ("Lid", Role.MEMBER)):
        review.add_member(PanelMember(uuid4(), name, role))
    return review, review.members[2].id


@pytest.fixture
def assessment(make_forms) -> tuple[Review, UUID]:
    return start(make_forms("assessment"))


@pytest.fixture
def developmental(make_forms) -> tuple[Review, UUID]:
    return start(make_forms("developmental"))


def entry(criterion_id: str, notes: str = "", judgement: str | None = None, motivation: str = "") -> CriterionEntry:
    return CriterionEntry(criterion_id, notes, judgement, motivation, f"LL!D{criterion_id[-1]}")


def test_the_note_id_is_deterministic_per_review_member_and_criterion():
    review_id, member_id = uuid4(), uuid4()
    assert workbook_note_id(review_id, member_id, "LL-1") == workbook_note_id(review_id, member_id, "LL-1")
    assert len({workbook_note_id(review_id, member_id, c) for c in ("LL-1", "LL-2")}) == 2
    assert workbook_note_id(review_id, member_id, "LL-1") != workbook_note_id(uuid4(), member_id, "LL-1")
    assert factcheck_comment_id(review_id, "criterion/LL-1/observations/1") == factcheck_comment_id(
        review_id, "criterion/LL-1/observations/1"
    )


def test_plan_apply_and_again(assessment):
    review, member = assessment
    data = MemberInput(
        review.id,
        member,
        (entry("LL-1", "Visie gedeeld", "meets", "Gezien"), entry("LL-2", "", "does_not_meet"), entry("LL-3")),
    )
    expected = (
        Change("note", "LL-1", "", "Visie gedeeld"),
        Change("judgement", "LL-1", "", "voldoet"),
        Change("motivation", "LL-1", "", "Gezien"),
        Change("judgement", "LL-2", "", "voldoet niet"),
    )
    assert plan_member_import(review, data) == expected
    assert review.notes == [] and review.member_judgements == []  # planning changes nothing
    assert apply_member_import(review, data, now=NOW) == expected
    (note,) = review.notes
    assert (note.id, note.author_id, note.text, note.criterion_ids, note.created_at) == (
        workbook_note_id(review.id, member, "LL-1"),
        member,
        "Visie gedeeld",
        ("LL-1",),
        NOW,
    )
    assert [(j.criterion_id, j.judgement, j.motivation) for j in review.member_judgements] == [
        ("LL-1", "meets", "Gezien"),
        ("LL-2", "does_not_meet", ""),
    ]
    assert plan_member_import(review, data) == ()
    assert apply_member_import(review, data, now=NOW) == ()
    assert len(review.notes) == 1


def test_a_newer_file_updates_and_an_emptied_cell_removes(assessment):
    review, member = assessment
    apply_member_import(review, MemberInput(review.id, member, (entry("LL-1", "Eerst"), entry("LL-2", "Ook"))), now=T0)
    review.member_judgements.clear()
    review.set_member_judgement(member, "LL-2", "meets", motivation="m", dissent="Ik blijf bij voldoet.")
    newer = MemberInput(review.id, member, (entry("LL-1", "Daarna"), entry("LL-2", "", "meets", "m2")))
    assert apply_member_import(review, newer, now=NOW) == (
        Change("note", "LL-1", "Eerst", "Daarna"),
        Change("note", "LL-2", "Ook", ""),
        Change("motivation", "LL-2", "m", "m2"),
    )
    assert [(n.text, n.created_at) for n in review.notes] == [("Daarna", T0)]
    (judgement,) = review.member_judgements
    assert (judgement.judgement, judgement.motivation, judgement.dissent) == ("meets", "m2", "Ik blijf bij voldoet.")


def test_other_notes_of_the_member_are_left_alone(assessment):
    review, member = assessment
    own = Note(uuid4(), member, "In de app geschreven", T0, ("LL-1",))
    review.add_note(own)
    assert apply_member_import(review, MemberInput(review.id, member, (entry("LL-1", ""),)), now=NOW) == ()
    assert review.notes == [own]


def test_developmental_reviews_take_notes_but_no_judgements(developmental):
    review, member = developmental
    assert apply_member_import(review, MemberInput(review.id, member, (entry("LL-1", "Notitie"),)), now=NOW) == (
        Change("note", "LL-1", "", "Notitie"),
    )
    with pytest.raises(InvalidValueError, match="developmental review has no provisional judgements"):
        plan_member_import(review, MemberInput(review.id, member, (entry("LL-2", "", "meets"),)))


@pytest.mark.parametrize(
    ("make_input", "error", "message"),
    [
        (lambda r, m: MemberInput(uuid4(), m, ()), InvalidValueError, "the input belongs to review"),
        (lambda r, m: MemberInput(r.id, uuid4(), ()), UnknownReferenceError, "no panel member"),
        (lambda r, m: MemberInput(r.id, m, (entry("LL-1", "a"), entry("XX-1", "b"))), UnknownReferenceError, "XX-1"),
        (lambda r, m: MemberInput(r.id, m, (entry("LL-1", "a"), entry("LL-1", "b"))), InvalidValueError, "twice"),
        (lambda r, m: MemberInput(r.id, m, (entry("LL-1", "a"), entry("LL-2", "", "half"))), InvalidValueError, "half"),
        (lambda r, m: MemberInput(r.id, m, (entry("LL-1", "x" * 100_001),)), InvalidValueError, "100,001"),
    ],
)
def test_input_that_does_not_fit_changes_nothing(assessment, make_input, error, message):
    review, member = assessment
    before = copy.deepcopy(review)
    with pytest.raises(error, match=message):
        plan_member_import(review, make_input(review, member))
    with pytest.raises(error, match=message):
        apply_member_import(review, make_input(review, member), now=NOW)
    assert review == before  # all or nothing: the valid first entry was not applied either


def test_someone_not_on_the_panel_has_no_notes(assessment):
    review, _ = assessment
    contact = PanelMember(uuid4(), "Contact", Role.PARTNERSHIP_CONTACT)
    review.add_member(contact)
    with pytest.raises(InvalidValueError, match="not on the panel"):
        plan_member_import(review, MemberInput(review.id, contact.id, (entry("LL-1", "a"),)))


def test_an_adopted_review_accepts_nothing(assessment):
    review, member = assessment
    review.phase = Phase.ADOPTED
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError):
        apply_member_import(review, MemberInput(review.id, member, (entry("LL-1", "Te laat"),)), now=NOW)
    with pytest.raises(ReviewLockedError):
        apply_factcheck_import(review, FactCheckInput(review.id, ()), now=NOW)
    assert review == before


# -- fact-check comments ---------------------------------------------------------------------------------


def comment(target: str, text: str, quoted: str = "De alinea.") -> CommentEntry:
    return CommentEntry(target, quoted, text, "Feitencheck!D6")


def test_comments_are_recorded_once_and_empty_cells_skipped(developmental):
    review, _ = developmental
    data = FactCheckInput(
        review.id,
        (
            comment("criterion/LL-1/observations/1", "Klopt niet: 2022."),
            comment("criterion/LL-1/strengths/1", "   "),
            comment("conclusion/-/summary/2", "Ontbreekt: de mbo-partners."),
        ),
    )
    expected = (
        Change("comment", "criterion/LL-1/observations/1", "", "Klopt niet: 2022."),
        Change("comment", "conclusion/-/summary/2", "", "Ontbreekt: de mbo-partners."),
    )
    assert plan_factcheck_import(review, data) == expected
    assert review.factcheck_comments == []
    assert apply_factcheck_import(review, data, now=NOW) == expected
    first = review.factcheck_comments[0]
    assert (first.id, first.target, first.quoted, first.comment, first.received_at, first.decision) == (
        factcheck_comment_id(review.id, "criterion/LL-1/observations/1"),
        "criterion/LL-1/observations/1",
        "De alinea.",
        "Klopt niet: 2022.",
        NOW,
        Decision.PENDING,
    )
    assert plan_factcheck_import(review, data) == ()
    assert apply_factcheck_import(review, data, now=NOW) == ()
    assert len(review.factcheck_comments) == 2


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("criterion/XX-1/observations/1", UnknownReferenceError),
        ("criterion/LL-1/judgement/1", InvalidValueError),
        ("question/00000000-0000-0000-0000-000000000007/answer/1", UnknownReferenceError),
        ("LL-1 observations", InvalidValueError),
    ],
)
def test_comments_on_unknown_paragraphs_change_nothing(developmental, target, error):
    review, _ = developmental
    data = FactCheckInput(review.id, (comment("conclusion/-/summary/1", "Goed."), comment(target, "Fout.")))
    with pytest.raises(error):
        apply_factcheck_import(review, data, now=NOW)
    assert review.factcheck_comments == []


def test_a_fact_check_input_of_another_review(developmental):
    review, _ = developmental
    with pytest.raises(DomainError, match="belongs to review"):
        plan_factcheck_import(review, FactCheckInput(uuid4(), ()))
