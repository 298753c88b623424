"""Property tests of the workflow: which phase moves succeed, and that an adopted review never changes again."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from uuid import uuid4

import pytest
from hypothesis import given, settings, strategies as st

from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.errors import ReviewLockedError, TransitionError
from peerreview_app.domain.kind import Scope
from peerreview_app.domain.partnership import PanelMember, Partnership, Role, Sector
from peerreview_app.domain.phases import LOCKED_PHASES, Phase, allowed_targets, next_phase
from peerreview_app.domain.records import Conversation, DevelopmentQuestion, Note
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def new_review(forms) -> Review:
    partnership = Partnership(uuid4(), "Partnerschap Noord", (Sector.PO,))
    return Review.start(title="Review", forms=forms, partnership=partnership, created_at=T0, created_by="tester")


def member(role: Role, name: str = "") -> PanelMember:
    return PanelMember(uuid4(), name or role.value, role)


def document(name: str, digit: str) -> Document:
    return Document(uuid4(), name, DocumentKind.EVIDENCE, "application/pdf", 10, digit * 64, T0, "tester")


# -- transitions ----------------------------------------------------------------------------------------

step = st.tuples(st.sampled_from(list(Phase)), st.lists(st.sampled_from(["LL-1: motivering ontbreekt"]), max_size=2))


@settings(deadline=None)  # building and copying a whole review takes a while
@given(
    kind=st.sampled_from(["assessment", "developmental"]),
    panel=st.tuples(
        st.integers(0, 2),  # chairs
        st.integers(0, 2),  # secretaries
        st.lists(st.sampled_from([Role.MEMBER, Role.STUDENT_MEMBER, Role.EXPERT, Role.PARTNERSHIP_CONTACT])),
    ),
    steps=st.lists(step, max_size=25),
)
def test_a_move_succeeds_exactly_when_allowed_and_its_conditions_hold(make_forms, kind, panel, steps):
    chairs, secretaries, others = panel
    review = new_review(make_forms(kind))
    # Set the panel directly: the domain refuses a second chair on add_member, but the transition must check too.
    review.members = [
        *(member(Role.CHAIR) for _ in range(chairs)),
        *(member(Role.SECRETARY) for _ in range(secretaries)),
        *(member(role) for role in others),
    ]
    panel_complete = chairs == 1 and secretaries == 1
    was_locked = False
    for number, (target, problems) in enumerate(steps):
        current = review.phase
        now = T0 + timedelta(hours=number)
        expected = (
            target in allowed_targets(current)
            and (panel_complete or not (current is Phase.PREPARATION and target is Phase.VISIT))
            and (not problems or target is not Phase.ADOPTED)
        )
        before = copy.deepcopy(review)
        if expected:
            review.move_to(target, actor=f"actor{number}", now=now, problems=problems)
            assert review.phase is target
            if target is Phase.ADOPTED:
                assert (review.adopted_at, review.adopted_by) == (now, f"actor{number}")
        else:
            with pytest.raises(TransitionError) as refused:
                review.move_to(target, actor=f"actor{number}", now=now, problems=problems)
            assert review == before, "a refused move must not change the review"
            if target in allowed_targets(current) and target is Phase.ADOPTED:
                assert refused.value.problems == tuple(problems)
        # Invariants after every step.
        assert not (was_locked and not review.locked), "a locked review was unlocked"
        was_locked = review.locked
        assert (review.adopted_at is not None) == review.locked
        assert review.locked == (review.phase in LOCKED_PHASES)


@settings(deadline=None)  # building and copying a whole review takes a while
@given(st.lists(st.sampled_from(list(Phase)), max_size=30))
def test_moving_never_skips_adoption_on_the_way_to_a_locked_phase(make_forms, targets):
    review = new_review(make_forms("assessment"))
    review.members = [member(Role.CHAIR), member(Role.SECRETARY)]
    visited = [review.phase]
    for target in targets:
        try:
            review.move_to(target, actor="tester", now=T0)
        except TransitionError:
            continue
        visited.append(review.phase)
    first_locked = next((i for i, p in enumerate(visited) if p.locked), None)
    if first_locked is not None:
        assert visited[first_locked] is Phase.ADOPTED
        assert all(p.locked for p in visited[first_locked:])
        assert visited[first_locked - 1] is Phase.REPORTING


def test_the_phase_order_walks_forward_through_the_allowed_transitions():
    phase = Phase.PREPARATION
    walked = [phase]
    while (following := next_phase(phase)) is not None:
        if following in allowed_targets(phase):
            walked.append(following)
        phase = following
    assert walked == [Phase.PREPARATION, Phase.VISIT, Phase.REPORTING, Phase.ADOPTED, Phase.FOLLOW_UP, Phase.ARCHIVED]
    assert allowed_targets(Phase.ARCHIVED) == frozenset()


# -- a locked review cannot be edited -------------------------------------------------------------------


def prepared_review(forms) -> Review:
    """A review in rapportage with a panel, a conversation, a note and (developmental) a question."""
    review = new_review(forms)
    chair, secretary, panellid = member(Role.CHAIR, "Anna"), member(Role.SECRETARY, "Bram"), member(Role.MEMBER, "Cas")
    for person in (chair, secretary, panellid):
        review.add_member(person)
    review.set_details(visit_dates=[date(2025, 4, 1)])
    conversation = Conversation(uuid4(), "Studenten", date(2025, 4, 1), time(9), time(10), member_ids=(chair.id,))
    review.add_conversation(conversation)
    review.add_conversation(Conversation(uuid4(), "Bestuurders", date(2025, 4, 1), time(14), time(15)))
    review.add_note(Note(uuid4(), panellid.id, "Goed gesprek", T0, ("LL-1",), conversation.id))
    review.add_document(document("kritische-reflectie.pdf", "a"))
    if review.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION):
        empty = review.forms.kind.empty_values(Scope.DEVELOPMENT_QUESTION)
        review.add_question(DevelopmentQuestion(uuid4(), 1, "Hoe verder?", empty))
    review.move_to(Phase.VISIT, actor="tester", now=T0)
    review.move_to(Phase.REPORTING, actor="tester", now=T0)
    return review


def lock(review: Review, phase: Phase) -> None:
    review.move_to(Phase.ADOPTED, actor="tester", now=T0)
    if phase is not Phase.ADOPTED:
        review.move_to(phase, actor="tester", now=T0)


def find(review: Review, role: Role) -> PanelMember:
    return review.members_with_role(role)[0]


Edit = Callable[[Review], object]

# Every edit method, with arguments that are valid on an editable review of that kind.
EDITS: dict[str, tuple[str, Edit]] = {
    "set_details": ("assessment", lambda r: r.set_details(title="Nieuwe titel", language=Language.EN)),
    "add_member": ("assessment", lambda r: r.add_member(member(Role.EXPERT, "Dirk"))),
    "update_member": ("assessment", lambda r: r.update_member(find(r, Role.MEMBER).id, name="Cas de Vries")),
    "remove_member": ("assessment", lambda r: r.remove_member(find(r, Role.SECRETARY).id)),
    "add_conversation": ("assessment", lambda r: r.add_conversation(Conversation(uuid4(), "Werkplekbegeleiders"))),
    "update_conversation": ("assessment", lambda r: r.update_conversation(r.conversations[0].id, location="Aula")),
    "remove_conversation": ("assessment", lambda r: r.remove_conversation(r.conversations[-1].id)),
    "add_note": (
        "assessment",
        lambda r: r.add_note(Note(uuid4(), find(r, Role.CHAIR).id, "Nog een notitie", T0, ("LO-1",))),
    ),
    "update_note": ("assessment", lambda r: r.update_note(r.notes[0].id, text="Aangepast")),
    "remove_note": ("assessment", lambda r: r.remove_note(r.notes[0].id)),
    "set_finding_value": ("assessment", lambda r: r.set_finding_value("LL-1", "motivation", "Omdat")),
    "set_finding_judgement": ("assessment", lambda r: r.set_finding_value("LL-1", "judgement", "meets")),
    "set_member_judgement": (
        "assessment",
        lambda r: r.set_member_judgement(find(r, Role.MEMBER).id, "LL-1", "meets", motivation="Zo is het"),
    ),
    "set_standard_value": ("assessment", lambda r: r.set_standard_value("LL", "motivation", "Samengevat")),
    "set_standard_override": ("assessment", lambda r: r.set_standard_override("LL", "meets", "Met reden")),
    "set_conclusion_value": ("assessment", lambda r: r.set_conclusion_value("recommendations", ["Doe dit"])),
    "set_overall_override": ("assessment", lambda r: r.set_overall_override("sufficient", "Met reden")),
    "add_question": (
        "developmental",
        lambda r: r.add_question(
            DevelopmentQuestion(uuid4(), 2, "Nog een vraag", r.forms.kind.empty_values(Scope.DEVELOPMENT_QUESTION))
        ),
    ),
    "update_question": ("developmental", lambda r: r.update_question(r.questions[0].id, context="Achtergrond")),
    "set_question_value": ("developmental", lambda r: r.set_question_value(r.questions[0].id, "answer", "Zo")),
    "remove_question": ("developmental", lambda r: r.remove_question(r.questions[0].id)),
    "add_document": ("assessment", lambda r: r.add_document(document("bijlage.pdf", "b"))),
    "remove_document": ("assessment", lambda r: r.remove_document(r.documents[0].id)),
    "set_finding_list": ("developmental", lambda r: r.set_finding_value("LL-2", "strengths", ["Sterk punt"])),
    "set_finding_question_links": (
        "developmental",
        lambda r: r.set_finding_value("LL-2", "development_questions", [str(r.questions[0].id)]),
    ),
}


def test_the_edits_cover_every_method_that_checks_the_lock():
    checking = {
        name
        for name, method in vars(Review).items()
        if callable(method) and not name.startswith("_") and "self.ensure_editable()" in inspect.getsource(method)
    }
    assert len(checking) >= 20
    assert checking <= set(EDITS)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_every_edit_works_on_an_editable_review_and_changes_it(make_forms, name):
    kind, edit = EDITS[name]
    review = prepared_review(make_forms(kind))
    before = copy.deepcopy(review)
    edit(review)
    assert review != before


@pytest.mark.parametrize("phase", sorted(LOCKED_PHASES))
@pytest.mark.parametrize("name", sorted(EDITS))
def test_every_edit_of_a_locked_review_is_refused_and_changes_nothing(make_forms, name, phase):
    kind, edit = EDITS[name]
    review = prepared_review(make_forms(kind))
    lock(review, phase)
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError, match="read-only"):
        edit(review)
    assert review == before


@settings(deadline=None)  # building and copying a whole review takes a while
@given(
    kind=st.sampled_from(["assessment", "developmental"]),
    phase=st.sampled_from(sorted(LOCKED_PHASES)),
    criterion=st.sampled_from(["LL-1", "LO-3", "KC-6", "XX-9"]),
    value=st.one_of(st.text(max_size=20), st.none(), st.lists(st.text(max_size=5), max_size=3)),
)
def test_any_finding_value_on_a_locked_review_is_refused_before_it_is_checked(
    make_forms, kind, phase, criterion, value
):
    review = prepared_review(make_forms(kind))
    lock(review, phase)
    before = copy.deepcopy(review)
    with pytest.raises(ReviewLockedError):
        review.set_finding_value(criterion, "observations", value)
    assert review == before
