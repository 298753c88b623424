"""What a review still lacks before it can be adopted: a list of precise, addressable items."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .kind import FieldSpec, Scope, is_empty
from .partnership import Role
from .records import Values
from .review import Review
from .text import LocalizedText


class Problem(StrEnum):
    """Why an item is incomplete."""

    MISSING = "missing"  # a required field is empty
    OVERRIDE_REASON_MISSING = "override_reason_missing"
    ROLE_MISSING = "role_missing"  # no voorzitter or no secretaris
    ROLE_DUPLICATE = "role_duplicate"
    NO_VISIT_DATE = "no_visit_date"
    NO_DEVELOPMENT_QUESTIONS = "no_development_questions"
    NO_CONVERSATIONS = "no_conversations"


REVIEW_RULES = frozenset({"panel_roles", "visit_date", "development_questions", "conversations"})
"""Review-level completeness rules a form may name."""


@dataclass(frozen=True, slots=True)
class CompletenessItem:
    """One thing missing, addressable so the interface can jump to it.

    `ref` is a criterion id (``LL-2``), a standard id, ``Q3`` for development question 3, or empty for the
    review as a whole; `field` is the field id where there is one; `label` is the field's name.
    """

    scope: Scope | None
    ref: str
    field: str
    problem: Problem
    label: LocalizedText | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Completeness:
    """The outcome of a completeness check: open items and how much of what is required is done."""

    items: tuple[CompletenessItem, ...]
    required: int

    @property
    def complete(self) -> bool:
        return not self.items

    @property
    def percent(self) -> int:
        """Whole percent done; 100 only when nothing is open."""
        if not self.items:
            return 100
        done = max(self.required - len(self.items), 0)
        return min(99, done * 100 // max(self.required, 1))


def check(review: Review) -> Completeness:
    """Every item the review still lacks, in the order of the form."""
    kind = review.forms.kind
    items: list[CompletenessItem] = []
    required = 0

    def fields(scope: Scope, ref: str, values: Values) -> None:
        nonlocal required
        for spec in kind.fields_for(scope):
            if spec.required:
                required += 1
                if is_empty(values.get(spec.id)):
                    items.append(_missing(scope, ref, spec))

    for rule in kind.review_rules:
        required += 1
        items.extend(_review_rule(review, rule))
    for standard in review.framework.standards:
        for criterion in standard.criteria:
            fields(Scope.CRITERION, criterion.id, review.findings[criterion.id].values)
        conclusion = review.standard_conclusions[standard.id]
        fields(Scope.STANDARD, standard.id, conclusion.values)
        if conclusion.override and not conclusion.override_reason.strip():
            items.append(CompletenessItem(Scope.STANDARD, standard.id, "override", Problem.OVERRIDE_REASON_MISSING))
    for question in review.questions:
        fields(Scope.DEVELOPMENT_QUESTION, f"Q{question.number}", question.values)
    if review.conclusion is not None:
        fields(Scope.CONCLUSION, "", review.conclusion.values)
        if review.conclusion.override and not review.conclusion.override_reason.strip():
            items.append(CompletenessItem(Scope.CONCLUSION, "", "override", Problem.OVERRIDE_REASON_MISSING))
    return Completeness(tuple(items), required)


def _missing(scope: Scope, ref: str, spec: FieldSpec) -> CompletenessItem:
    return CompletenessItem(scope, ref, spec.id, Problem.MISSING, spec.label)


def _review_rule(review: Review, rule: str) -> list[CompletenessItem]:
    if rule == "panel_roles":
        found = []
        for role in (Role.CHAIR, Role.SECRETARY):
            count = len(review.members_with_role(role))
            if count != 1:
                problem = Problem.ROLE_MISSING if count == 0 else Problem.ROLE_DUPLICATE
                found.append(CompletenessItem(None, "", "panel", problem, detail=role.value))
        return found
    if rule == "visit_date" and not review.visit_dates:
        return [CompletenessItem(None, "", "visit_dates", Problem.NO_VISIT_DATE)]
    if rule == "development_questions" and not review.questions:
        return [CompletenessItem(None, "", "questions", Problem.NO_DEVELOPMENT_QUESTIONS)]
    if rule == "conversations" and not review.conversations:
        return [CompletenessItem(None, "", "conversations", Problem.NO_CONVERSATIONS)]
    return []
