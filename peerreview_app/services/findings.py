"""Findings per criterion, member judgements, standard conclusions, the conclusion and development questions."""

from __future__ import annotations

from uuid import UUID, uuid4

from peerreview_app.domain.kind import FieldValue, Scope
from peerreview_app.domain.records import DevelopmentQuestion, MemberJudgement
from peerreview_app.domain.review import Review
from peerreview_app.services.editing import edit
from peerreview_app.services.workbench import Workbench


def set_finding_value(
    workbench: Workbench, review_id: UUID, criterion_id: str, field_id: str, value: object
) -> FieldValue:
    """Set one field of the panel's finding on a criterion (e.g. ``motivation`` of ``LL-2``)."""
    return edit(workbench, review_id, lambda review: review.set_finding_value(criterion_id, field_id, value))


def set_member_judgement(
    workbench: Workbench,
    review_id: UUID,
    member_id: UUID,
    criterion_id: str,
    judgement: str | None,
    *,
    motivation: str = "",
    dissent: str = "",
) -> MemberJudgement:
    """A member's provisional judgement on a criterion (assessment kind)."""

    def change(review: Review) -> MemberJudgement:
        return review.set_member_judgement(member_id, criterion_id, judgement, motivation=motivation, dissent=dissent)

    return edit(workbench, review_id, change)


def set_standard_value(
    workbench: Workbench, review_id: UUID, standard_id: str, field_id: str, value: object
) -> FieldValue:
    return edit(workbench, review_id, lambda review: review.set_standard_value(standard_id, field_id, value))


def set_standard_override(
    workbench: Workbench, review_id: UUID, standard_id: str, judgement: str | None, reason: str = ""
) -> None:
    """Deviate from the derived judgement of a standard (with a reason), or return to it (`judgement` None)."""
    edit(workbench, review_id, lambda review: review.set_standard_override(standard_id, judgement, reason))


def set_conclusion_value(workbench: Workbench, review_id: UUID, field_id: str, value: object) -> FieldValue:
    return edit(workbench, review_id, lambda review: review.set_conclusion_value(field_id, value))


def set_overall_override(workbench: Workbench, review_id: UUID, judgement: str | None, reason: str = "") -> None:
    edit(workbench, review_id, lambda review: review.set_overall_override(judgement, reason))


def add_question(
    workbench: Workbench, review_id: UUID, text: str, *, context: str = "", question_id: UUID | None = None
) -> DevelopmentQuestion:
    """Add an ontwikkelvraag of the receiving partnership; it is numbered after the existing ones."""

    def change(review: Review) -> DevelopmentQuestion:
        question = DevelopmentQuestion(
            question_id or uuid4(),
            len(review.questions) + 1,
            text,
            review.forms.kind.empty_values(Scope.DEVELOPMENT_QUESTION),
            context,
        )
        review.add_question(question)
        return question

    return edit(workbench, review_id, change)


def update_question(
    workbench: Workbench, review_id: UUID, question_id: UUID, *, text: str | None = None, context: str | None = None
) -> None:
    edit(workbench, review_id, lambda review: review.update_question(question_id, text=text, context=context))


def set_question_value(
    workbench: Workbench, review_id: UUID, question_id: UUID, field_id: str, value: object
) -> FieldValue:
    """Set a field of the panel's answer to a development question."""
    return edit(workbench, review_id, lambda review: review.set_question_value(question_id, field_id, value))


def remove_question(workbench: Workbench, review_id: UUID, question_id: UUID) -> None:
    edit(workbench, review_id, lambda review: review.remove_question(question_id))
