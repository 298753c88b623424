"""Example tests of the review aggregate: creation, panel, notes, values, judgements, completeness, revisions."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time
from uuid import UUID, uuid4

import pytest
import yaml

from peerreview_app.domain import integrity
from peerreview_app.domain.completeness import Problem, check
from peerreview_app.domain.errors import InvalidValueError, TransitionError, UnknownReferenceError
from peerreview_app.domain.kind import MAX_TEXT_LENGTH, Scope
from peerreview_app.domain.partnership import PanelMember, Partnership, Role, Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.records import Conversation, DevelopmentQuestion, Note
from peerreview_app.domain.review import Review
from peerreview_app.forms.loader import load_form_file, load_form_text
from peerreview_app.forms.snapshot import forms_from_snapshot, snapshot_content

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
REGION = "kwaliteitskader-so-onderwijsregio.yaml"


def start(forms) -> Review:
    partnership = Partnership(uuid4(), "Partnerschap Zuid", (Sector.VO, Sector.MBO))
    return Review.start(title="  Review Zuid  ", forms=forms, partnership=partnership, created_at=T0, created_by="t")


@pytest.fixture
def assessment(make_forms) -> Review:
    return start(make_forms("assessment"))


@pytest.fixture
def developmental(make_forms) -> Review:
    return start(make_forms("developmental"))


def add(review: Review, role: Role, name: str = "") -> PanelMember:
    person = PanelMember(uuid4(), name or role.value, role)
    review.add_member(person)
    return person


def judge_all(review: Review, judgement: str = "meets") -> None:
    for criterion in review.framework.criteria():
        review.set_finding_value(criterion.id, "judgement", judgement)


def furnished(review: Review) -> Review:
    """A review with a panel, a visit, a conversation, a note, a member judgement (assessment) and a question."""
    chair, _secretary, panellid = add(review, Role.CHAIR), add(review, Role.SECRETARY), add(review, Role.MEMBER)
    review.set_details(visit_dates=[date(2025, 4, 2)])
    conversation = Conversation(uuid4(), "Schoolopleiders", date(2025, 4, 2), time(9), time(10), "", "", (chair.id,))
    review.add_conversation(conversation)
    review.add_note(Note(uuid4(), panellid.id, "Visie is breed gedragen", T0, ("LL-1", "LL-3"), conversation.id))
    if review.forms.kind.member_judgements:
        review.set_member_judgement(panellid.id, "LL-1", "meets", motivation="Gezien")
        review.set_finding_value("LL-1", "judgement", "meets")
        review.set_finding_value("LL-1", "motivation", "Beeld is gedeeld")
    if review.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION):
        question = DevelopmentQuestion(
            uuid4(), 1, "Hoe betrekken we starters?", review.forms.kind.empty_values(Scope.DEVELOPMENT_QUESTION)
        )
        review.add_question(question)
        review.set_finding_value("LL-2", "development_questions", [str(question.id)])
        review.set_finding_value("LL-2", "strengths", ["Sterke visie"])
    return review


# -- creation -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("framework", "criteria", "standards"), [("kwaliteitskader-so.yaml", 24, 4), (REGION, 20, 5)])
@pytest.mark.parametrize("kind", ["assessment", "developmental"])
def test_start_gives_an_empty_finding_for_every_criterion(make_forms, kind, framework, criteria, standards):
    forms = make_forms(kind, framework)
    review = start(forms)
    assert list(review.findings) == [c.id for c in forms.framework.criteria()]
    assert len(review.findings) == criteria
    assert list(review.standard_conclusions) == [s.id for s in forms.framework.standards]
    assert len(review.standard_conclusions) == standards
    assert review.conclusion is not None
    assert all(f.values == forms.kind.empty_values(Scope.CRITERION) for f in review.findings.values())
    assert (review.title, review.phase, review.revision, review.series_id) == (
        "Review Zuid",
        Phase.PREPARATION,
        1,
        review.id,
    )
    assert review.sectors == (Sector.VO, Sector.MBO)
    assert integrity.problems(review) == []


def test_start_refuses_a_blank_title(make_forms):
    with pytest.raises(InvalidValueError, match="title"):
        Review.start(
            title="  ", forms=make_forms(), partnership=Partnership(uuid4(), "P"), created_at=T0, created_by="t"
        )


# -- panel ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CHAIR, Role.SECRETARY])
def test_a_panel_has_at_most_one_chair_and_one_secretary(assessment, role):
    add(assessment, role, "Eerste")
    with pytest.raises(InvalidValueError, match=f"already has a {role.value}"):
        add(assessment, role, "Tweede")
    other = add(assessment, Role.MEMBER, "Derde")
    with pytest.raises(InvalidValueError, match=f"already has a {role.value}"):
        assessment.update_member(other.id, role=role)
    assert len(assessment.members_with_role(role)) == 1
    assert assessment.member(other.id).role is Role.MEMBER


def test_several_members_and_experts_are_fine(assessment):
    for _ in range(3):
        add(assessment, Role.MEMBER)
        add(assessment, Role.EXPERT)
    assert len(assessment.members) == 6


# -- notes ----------------------------------------------------------------------------------------------


def test_a_note_needs_an_author_on_the_panel(assessment):
    contact = add(assessment, Role.PARTNERSHIP_CONTACT, "Contact")
    with pytest.raises(InvalidValueError, match="not on the panel"):
        assessment.add_note(Note(uuid4(), contact.id, "tekst", T0))
    with pytest.raises(UnknownReferenceError, match="no panel member"):
        assessment.add_note(Note(uuid4(), uuid4(), "tekst", T0))
    assert assessment.notes == []


def test_a_note_needs_known_criteria_and_a_known_conversation(assessment):
    author = add(assessment, Role.STUDENT_MEMBER)
    with pytest.raises(UnknownReferenceError, match="'XX-1'"):
        assessment.add_note(Note(uuid4(), author.id, "tekst", T0, ("LL-1", "XX-1")))
    with pytest.raises(UnknownReferenceError, match="no conversation"):
        assessment.add_note(Note(uuid4(), author.id, "tekst", T0, ("LL-1",), uuid4()))
    note = Note(uuid4(), author.id, "tekst", T0, ("LL-1",))
    assessment.add_note(note)
    with pytest.raises(UnknownReferenceError):
        assessment.update_note(note.id, criterion_ids=["LL-99"])
    assert assessment.notes_for_criterion("LL-1") == [note]


# -- values ---------------------------------------------------------------------------------------------


def test_an_unknown_field_is_refused_with_its_name(assessment):
    with pytest.raises(InvalidValueError, match="no field 'strengths'"):
        assessment.set_finding_value("LL-1", "strengths", ["x"])


def test_a_value_of_the_wrong_type_is_refused_with_the_field_name(assessment):
    with pytest.raises(InvalidValueError, match=r"^motivation: expected text"):
        assessment.set_finding_value("LL-1", "motivation", 42)
    with pytest.raises(InvalidValueError, match=r"^judgement: expected a judgement"):
        assessment.set_finding_value("LL-1", "judgement", True)
    with pytest.raises(InvalidValueError, match=r"^recommendations: expected a list"):
        assessment.set_conclusion_value("recommendations", "one string")


def test_a_judgement_outside_the_scale_is_refused(assessment):
    with pytest.raises(InvalidValueError, match=r"^judgement: 'sufficient' is not one of meets, does_not_meet"):
        assessment.set_finding_value("LL-1", "judgement", "sufficient")
    assert assessment.finding("LL-1").values["judgement"] is None


def test_an_unknown_criterion_is_refused(assessment):
    with pytest.raises(UnknownReferenceError, match="'ZZ-1'"):
        assessment.set_finding_value("ZZ-1", "motivation", "x")


def test_text_longer_than_the_maximum_is_refused(assessment):
    assert assessment.set_finding_value("LL-1", "motivation", "a" * MAX_TEXT_LENGTH) == "a" * MAX_TEXT_LENGTH
    with pytest.raises(InvalidValueError, match="motivation: text of 100,001 characters"):
        assessment.set_finding_value("LL-1", "motivation", "b" * (MAX_TEXT_LENGTH + 1))
    assert assessment.finding("LL-1").values["motivation"] == "a" * MAX_TEXT_LENGTH


def test_list_values_drop_blank_items_and_text_gets_unix_newlines(assessment, developmental):
    assert assessment.set_conclusion_value("recommendations", ["Een", "  ", "", "Twee"]) == ("Een", "Twee")
    assert developmental.set_finding_value("LL-1", "strengths", ("", "Sterk", "\n")) == ("Sterk",)
    assert assessment.set_finding_value("LL-1", "motivation", "a\r\nb\rc") == "a\nb\nc"
    assert assessment.set_finding_value("LL-1", "judgement", "") is None


# -- judgements -----------------------------------------------------------------------------------------


def test_all_criteria_meet_gives_meets_per_standard_and_sufficient_overall(assessment):
    judge_all(assessment)
    assert [assessment.standard_judgement(s.id) for s in assessment.framework.standards] == ["meets"] * 4
    assert assessment.overall_judgement() == "sufficient"


def test_one_criterion_that_does_not_meet_fails_its_standard_and_the_whole(assessment):
    judge_all(assessment)
    assessment.set_finding_value("OR-2", "judgement", "does_not_meet")
    assert assessment.standard_judgement("OR") == "does_not_meet"
    assert assessment.standard_judgement("LL") == "meets"
    assert assessment.overall_judgement() == "insufficient"


def test_a_missing_criterion_judgement_leaves_the_standard_and_the_whole_open(assessment):
    judge_all(assessment)
    assessment.set_finding_value("KC-3", "judgement", None)
    assert assessment.standard_judgement("KC") is None
    assert assessment.overall_judgement() is None


def test_an_override_needs_a_reason_and_then_wins(assessment):
    judge_all(assessment)
    assessment.set_finding_value("LO-1", "judgement", "does_not_meet")
    with pytest.raises(InvalidValueError, match="written reason"):
        assessment.set_standard_override("LO", "meets", "   ")
    assert assessment.standard_judgement("LO") == "does_not_meet"
    assessment.set_standard_override("LO", "meets", "Het tekort is inmiddels hersteld")
    assert assessment.derived_standard_judgement("LO") == "does_not_meet"
    assert assessment.standard_judgement("LO") == "meets"
    assert assessment.overall_judgement() == "sufficient"
    with pytest.raises(InvalidValueError, match="'sufficient' is not one of"):
        assessment.set_standard_override("LO", "sufficient", "verkeerde schaal")
    assessment.set_standard_override("LO", None)
    assert assessment.standard_judgement("LO") == "does_not_meet"
    assessment.set_overall_override("sufficient", "Zwaarwegend")
    assert assessment.overall_judgement() == "sufficient"


def test_a_developmental_review_has_no_judgements(developmental):
    assert developmental.overall_judgement() is None
    assert developmental.standard_judgement("LL") is None


# -- completeness ---------------------------------------------------------------------------------------


def test_a_missing_required_field_is_an_addressable_item_until_it_is_filled(assessment):
    def item(ref: str, field: str):
        return [i for i in check(assessment).items if (i.ref, i.field) == (ref, field)]

    assert [(i.scope, i.problem) for i in item("LL-2", "motivation")] == [(Scope.CRITERION, Problem.MISSING)]
    assert item("LL-2", "motivation")[0].label.nl == "motivering"
    before = check(assessment)
    assessment.set_finding_value("LL-2", "motivation", "Onderbouwd")
    assert item("LL-2", "motivation") == []
    assert len(check(assessment).items) == len(before.items) - 1
    assessment.set_finding_value("LL-2", "motivation", "   ")
    assert len(item("LL-2", "motivation")) == 1
    assert item("LL-2", "observations") == []  # not required


def test_completeness_reaches_100_percent_only_when_nothing_is_open(assessment):
    furnished(assessment)
    assert check(assessment).percent < 100
    judge_all(assessment)
    for criterion in assessment.framework.criteria():
        assessment.set_finding_value(criterion.id, "motivation", "m")
    for standard in assessment.framework.standards:
        assessment.set_standard_value(standard.id, "motivation", "m")
    open_items = check(assessment)
    assert [(i.scope, i.field) for i in open_items.items] == [(Scope.CONCLUSION, "motivation")]
    assert open_items.percent == (open_items.required - 1) * 100 // open_items.required
    assessment.set_conclusion_value("motivation", "m")
    assert check(assessment).complete
    assert check(assessment).percent == 100


# -- revisions ------------------------------------------------------------------------------------------


def all_ids(review: Review) -> set[UUID]:
    return {
        review.id,
        *(m.id for m in review.members),
        *(c.id for c in review.conversations),
        *(n.id for n in review.notes),
        *(j.id for j in review.member_judgements),
        *(f.id for f in review.findings.values()),
        *(s.id for s in review.standard_conclusions.values()),
        *(q.id for q in review.questions),
        review.conclusion.id,
    }


@pytest.mark.parametrize("kind", ["assessment", "developmental"])
def test_a_new_revision_copies_the_content_under_new_ids(make_forms, kind):
    review = furnished(start(make_forms(kind)))
    for phase in (Phase.VISIT, Phase.REPORTING, Phase.ADOPTED):
        review.move_to(phase, actor="chair", now=T0)
    adopted = copy.deepcopy(review)
    with pytest.raises(TransitionError):
        start(make_forms(kind)).new_revision(created_at=T0, created_by="t")

    later = datetime(2025, 6, 1, tzinfo=UTC)
    clone = review.new_revision(created_at=later, created_by="secretaris")

    assert review == adopted, "the adopted review must stay as it is"
    assert all_ids(clone).isdisjoint(all_ids(review))
    assert (clone.revision, clone.phase, clone.previous_revision_id) == (2, Phase.REPORTING, review.id)
    assert (clone.series_id, clone.adopted_at, clone.created_at, clone.created_by) == (
        review.id,
        None,
        later,
        "secretaris",
    )
    assert [(m.name, m.role) for m in clone.members] == [(m.name, m.role) for m in review.members]
    members = {m.id for m in clone.members}
    assert [n.text for n in clone.notes] == [n.text for n in review.notes]
    assert all(n.author_id in members for n in clone.notes)
    assert clone.member(clone.notes[0].author_id).name == review.member(review.notes[0].author_id).name
    assert clone.notes[0].conversation_id == clone.conversations[0].id
    assert set(clone.conversations[0].member_ids) <= members
    assert [(j.criterion_id, j.judgement) for j in clone.member_judgements] == [
        (j.criterion_id, j.judgement) for j in review.member_judgements
    ]
    assert all(j.member_id in members for j in clone.member_judgements)
    assert clone.findings["LL-1"].values == review.findings["LL-1"].values
    assert [q.text for q in clone.questions] == [q.text for q in review.questions]
    assert integrity.problems(clone) == []
    if kind == "developmental":
        assert clone.findings["LL-2"].values["development_questions"] == (str(clone.questions[0].id),)
        assert clone.findings["LL-2"].values["strengths"] == ("Sterke visie",)
    clone.set_finding_value("LL-1", "observations", "Gecorrigeerd")  # the revision is editable
    assert review.findings["LL-1"].values["observations"] != "Gecorrigeerd"


# -- integrity ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["assessment", "developmental"])
def test_a_sound_review_has_no_integrity_problems(make_forms, kind):
    assert integrity.problems(furnished(start(make_forms(kind)))) == []


def test_integrity_names_an_unknown_criterion_in_a_note(assessment):
    furnished(assessment)
    note = assessment.notes[0]
    note.criterion_ids = (*note.criterion_ids, "QQ-7")
    assert integrity.problems(assessment) == [f"note {note.id}: unknown criterion 'QQ-7'"]


def test_integrity_names_a_duplicate_id(assessment):
    furnished(assessment)
    assessment.findings["LO-2"].id = assessment.members[0].id
    assert integrity.problems(assessment) == [f"id {assessment.members[0].id} is used more than once"]


def test_integrity_names_a_judgement_outside_the_scale(assessment):
    furnished(assessment)
    assessment.findings["LL-4"].values = {**assessment.findings["LL-4"].values, "judgement": "excellent"}
    assessment.member_judgements[0].judgement = "sufficient"
    found = integrity.problems(assessment)
    assert "LL-4: judgement: 'excellent' is not one of meets, does_not_meet" in found
    assert any("member judgement" in p and "'sufficient' is not one of" in p for p in found)
    assert len(found) == 2


def test_integrity_names_missing_records_and_a_second_chair(assessment):
    furnished(assessment)
    del assessment.findings["KC-1"]
    assessment.members.append(PanelMember(uuid4(), "Tweede voorzitter", Role.CHAIR))
    found = integrity.problems(assessment)
    assert "findings: no finding for criterion KC-1" in found
    assert "members: more than one chair" in found


# -- question links outside the criteria ----------------------------------------------------------------


@pytest.fixture
def links_on_standards(forms_dir) -> Review:
    """A developmental review whose (valid) form also links standards to development questions."""
    kind = copy.deepcopy(load_form_file(forms_dir / "kinds" / "ontwikkelingsgericht.yaml").data)
    kind["fields"]["standard"].append({"id": "questions", "type": "question_links", "label": {"nl": "vragen"}})
    kind_form = load_form_text(yaml.safe_dump(kind), "met-links.yaml")
    framework = load_form_file(forms_dir / "frameworks" / "kwaliteitskader-so.yaml")
    review = start(forms_from_snapshot(*snapshot_content(framework.data, kind_form.data)))
    question = DevelopmentQuestion(uuid4(), 1, "Vraag", review.forms.kind.empty_values(Scope.DEVELOPMENT_QUESTION))
    review.add_question(question)
    review.set_standard_value("LL", "questions", [str(question.id)])
    assert integrity.problems(review) == []
    return review


def test_a_new_revision_remaps_question_links_on_standards_too(links_on_standards):
    review = links_on_standards
    review.members = [PanelMember(uuid4(), "A", Role.CHAIR), PanelMember(uuid4(), "B", Role.SECRETARY)]
    for phase in (Phase.VISIT, Phase.REPORTING, Phase.ADOPTED):
        review.move_to(phase, actor="chair", now=T0)
    clone = review.new_revision(created_at=T0, created_by="t")
    assert clone.standard_conclusions["LL"].values["questions"] == (str(clone.questions[0].id),)
    assert integrity.problems(clone) == []


def test_removing_a_question_removes_its_links_from_standards_too(links_on_standards):
    review = links_on_standards
    review.remove_question(review.questions[0].id)
    assert review.standard_conclusions["LL"].values["questions"] == ()
    assert integrity.problems(review) == []
