"""Fill the database with demo reviews of fictional partnerships, through the public services only.

Every demo review, member, conversation, note and question has a fixed id (``uuid5`` in `NAMESPACE`), so
filling twice changes nothing: a review whose id is already stored is left as it is and reported as present,
also when an earlier fill stopped half-way through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from uuid import UUID, uuid5

from peerreview_app.domain.partnership import Role
from peerreview_app.domain.phases import Phase
from peerreview_app.services import findings, panel, programme, reviews, workflow
from peerreview_app.services.demo_texts import (
    DEMOS,
    HEIDEZOOM,
    LINGEDELTA,
    WADDENKUST,
    ZUIDWEST,
    AssessmentDemo,
    DevelopmentalDemo,
    NoteText,
    Person,
    Question,
    Setting,
    Talk,
)
from peerreview_app.services.workbench import Workbench

NAMESPACE = UUID("3f6b1d52-8c0e-4a7b-9d21-6e5c4b3a2f10")
"""The namespace of every demo id; never change it, or a second fill would duplicate the demo."""

Demo = DevelopmentalDemo | AssessmentDemo

_ROUTE = (Phase.VISIT, Phase.REPORTING, Phase.ADOPTED)
"""The phases a demo review passes through after voorbereiding, in order."""

_JUDGING_ROLES = frozenset({Role.CHAIR, Role.MEMBER, Role.STUDENT_MEMBER, Role.EXPERT})
"""Who gives provisional judgements in an assessment review (the secretary does not)."""


@dataclass(frozen=True, slots=True)
class DemoResult:
    """The demo reviews this fill created, and those that were already there."""

    created: tuple[UUID, ...]
    already_present: tuple[UUID, ...]


def demo_uuid(*parts: str) -> UUID:
    """The fixed id of a demo record, e.g. ``demo_uuid("lingedelta-2026", "member", "chair")``."""
    return uuid5(NAMESPACE, "demo-" + "-".join(parts))


DEVELOPMENTAL_ID = demo_uuid(LINGEDELTA.setting.key)
"""Ontwikkelingsgerichte peer review in rapportage, complete but not adopted."""
ASSESSMENT_ID = demo_uuid(HEIDEZOOM.setting.key)
"""Beoordelingsgerichte peer review in rapportage, complete and ready to adopt."""
HALF_FILLED_ID = demo_uuid(ZUIDWEST.setting.key)
"""Beoordelingsgerichte peer review in bezoek, about half filled in."""
ADOPTED_ID = demo_uuid(WADDENKUST.setting.key)
"""Ontwikkelingsgerichte peer review from 2024, adopted."""


def fill_demo(workbench: Workbench) -> DemoResult:
    """Create every demo review that is not stored yet; leave the others untouched."""
    present = {summary.id for summary in reviews.list_reviews(workbench)}
    created: list[UUID] = []
    already: list[UUID] = []
    for demo in DEMOS:
        review_id = demo_uuid(demo.setting.key)
        if review_id in present:
            already.append(review_id)
            continue
        _fill(workbench, review_id, demo)
        created.append(review_id)
    return DemoResult(tuple(created), tuple(already))


def _fill(workbench: Workbench, review_id: UUID, demo: Demo) -> None:
    _create(workbench, review_id, demo.setting)
    _add_panel(workbench, review_id, demo.setting, demo.panel)
    _add_programme(workbench, review_id, demo.setting, demo.programme)
    if isinstance(demo, DevelopmentalDemo):
        _add_questions(workbench, review_id, demo.setting, demo.questions)
        _add_notes(workbench, review_id, demo.setting, demo.notes)
        _fill_developmental(workbench, review_id, demo)
    else:
        _add_notes(workbench, review_id, demo.setting, demo.notes)
        _fill_assessment(workbench, review_id, demo)
    _advance(workbench, review_id, demo.setting.phase)


# -- the review and its preparation -------------------------------------------------------------------


def _create(workbench: Workbench, review_id: UUID, setting: Setting) -> None:
    reviews.create_review(
        workbench,
        kind=setting.kind,
        partnership=setting.partnership,
        sectors=setting.sectors,
        visit_dates=(setting.visit,),
        region=setting.region,
        status=setting.status,
        review_id=review_id,
    )


def _add_panel(workbench: Workbench, review_id: UUID, setting: Setting, people: tuple[Person, ...]) -> None:
    for person in people:
        panel.add_member(
            workbench,
            review_id,
            name=person.name,
            role=person.role,
            organisation=person.organisation,
            member_id=_member_id(setting, person.key),
        )


def _add_programme(workbench: Workbench, review_id: UUID, setting: Setting, talks: tuple[Talk, ...]) -> None:
    for talk in talks:
        programme.add_conversation(
            workbench,
            review_id,
            title=talk.title,
            day=setting.visit,
            starts_at=time.fromisoformat(talk.starts),
            ends_at=time.fromisoformat(talk.ends),
            participants=talk.participants,
            location=talk.location,
            member_ids=[_member_id(setting, key) for key in talk.members],
            topics=talk.topics,
            conversation_id=_talk_id(setting, talk.key),
        )


def _add_questions(workbench: Workbench, review_id: UUID, setting: Setting, questions: tuple[Question, ...]) -> None:
    for question in questions:
        question_id = _question_id(setting, question.key)
        findings.add_question(workbench, review_id, question.text, context=question.context, question_id=question_id)
        findings.set_question_value(workbench, review_id, question_id, "answer", question.answer)


def _add_notes(workbench: Workbench, review_id: UUID, setting: Setting, notes: tuple[NoteText, ...]) -> None:
    for number, note in enumerate(notes, start=1):
        programme.add_note(
            workbench,
            review_id,
            author_id=_member_id(setting, note.author),
            text=note.text,
            criterion_ids=note.criteria,
            conversation_id=_talk_id(setting, note.talk) if note.talk else None,
            note_id=demo_uuid(setting.key, "note", str(number)),
        )


# -- developmental: findings, standards, conclusion ---------------------------------------------------


def _fill_developmental(workbench: Workbench, review_id: UUID, demo: DevelopmentalDemo) -> None:
    for criterion_id, finding in demo.findings.items():
        values: dict[str, str | tuple[str, ...]] = {
            "observations": finding.observations,
            "strengths": finding.strengths,
            "development_points": finding.development_points,
            "recommendations": finding.recommendations,
            "development_questions": tuple(str(_question_id(demo.setting, q)) for q in finding.questions),
        }
        for field_id, value in values.items():
            if value:
                findings.set_finding_value(workbench, review_id, criterion_id, field_id, value)
    for standard_id, text in demo.standards.items():
        values = {
            "summary": text.summary,
            "strengths": text.strengths,
            "development_points": text.development_points,
            "recommendations": text.recommendations,
        }
        for field_id, value in values.items():
            if value:
                findings.set_standard_value(workbench, review_id, standard_id, field_id, value)
    findings.set_conclusion_value(workbench, review_id, "summary", demo.summary)
    findings.set_conclusion_value(workbench, review_id, "key_recommendations", demo.key_recommendations)


# -- assessment: judgements, member judgements, overrides, conclusion ---------------------------------


def _fill_assessment(workbench: Workbench, review_id: UUID, demo: AssessmentDemo) -> None:
    judges = [_member_id(demo.setting, p.key) for p in demo.panel if p.role in _JUDGING_ROLES]
    for criterion_id, judged in demo.findings.items():
        findings.set_finding_value(workbench, review_id, criterion_id, "judgement", judged.judgement)
        findings.set_finding_value(workbench, review_id, criterion_id, "motivation", judged.motivation)
        if judged.observations:
            findings.set_finding_value(workbench, review_id, criterion_id, "observations", judged.observations)
        for member_id in judges:
            findings.set_member_judgement(workbench, review_id, member_id, criterion_id, judged.judgement)
    for dissent in demo.dissents:
        findings.set_member_judgement(
            workbench,
            review_id,
            _member_id(demo.setting, dissent.member),
            dissent.criterion,
            dissent.judgement,
            motivation=dissent.motivation,
            dissent=dissent.dissent,
        )
    _conclude_assessment(workbench, review_id, demo)


def _conclude_assessment(workbench: Workbench, review_id: UUID, demo: AssessmentDemo) -> None:
    for override in demo.overrides:
        findings.set_standard_override(workbench, review_id, override.standard, override.judgement, override.reason)
    for standard_id, motivation in demo.standards.items():
        findings.set_standard_value(workbench, review_id, standard_id, "motivation", motivation)
    if demo.motivation:
        findings.set_conclusion_value(workbench, review_id, "motivation", demo.motivation)
    if demo.recommendations:
        findings.set_conclusion_value(workbench, review_id, "recommendations", demo.recommendations)


# -- phases and ids -----------------------------------------------------------------------------------


def _advance(workbench: Workbench, review_id: UUID, target: Phase) -> None:
    """Move from voorbereiding through every phase up to `target` (adoption included)."""
    if target not in _ROUTE:
        return
    for phase in _ROUTE[: _ROUTE.index(target) + 1]:
        workflow.move_to(workbench, review_id, phase)


def _member_id(setting: Setting, key: str) -> UUID:
    return demo_uuid(setting.key, "member", key)


def _talk_id(setting: Setting, key: str) -> UUID:
    return demo_uuid(setting.key, "conversation", key)


def _question_id(setting: Setting, key: str) -> UUID:
    return demo_uuid(setting.key, "question", key)


__all__ = [
    "ADOPTED_ID",
    "ASSESSMENT_ID",
    "DEVELOPMENTAL_ID",
    "HALF_FILLED_ID",
    "NAMESPACE",
    "DemoResult",
    "demo_uuid",
    "fill_demo",
]
