"""The fact-check round (feitelijke onjuistheden): the receiving partnership comments on the draft report.

The partnership comments on paragraphs of the draft findings; the secretary accepts or rejects each comment with
a reply. Decisions stay with the review and are listed in the report's annex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from .errors import InvalidValueError, UnknownReferenceError
from .kind import MAX_TEXT_LENGTH, FieldValue, Scope
from .partnership import Stamp

if TYPE_CHECKING:
    from .review import Review

# Where a paragraph of the draft lives: scope/holder/field/paragraph number, e.g. "criterion/LL-2/observations/3",
# "standard/LL/summary/1", "question/<question id>/answer/1", "conclusion/-/summary/1". A development question
# is named by its id, not its number: removing one question renumbers the others, and a comment must not move.
_TARGET = re.compile(r"(criterion|standard|question|conclusion)/([^/]+)/([a-z][a-z0-9_-]*)/([1-9][0-9]*)")


class Decision(StrEnum):
    """What the secretary decided about a comment."""

    PENDING = "pending"
    ACCEPTED = "accepted"  # the report is corrected
    REJECTED = "rejected"  # the text stays, the reply says why


@dataclass(frozen=True, slots=True)
class Target:
    """The paragraph a comment is on."""

    scope: str  # criterion, standard, question or conclusion
    holder: str  # criterion id, standard id, question number, or "-" for the conclusion
    field_id: str
    paragraph: int  # 1-based

    @classmethod
    def parse(cls, text: str) -> Target:
        match = _TARGET.fullmatch(text)
        if match is None:
            raise InvalidValueError(f"{text!r} is not a paragraph reference")
        scope, holder, field_id, paragraph = match.groups()
        return cls(scope, holder, field_id, int(paragraph))

    def __str__(self) -> str:
        return f"{self.scope}/{self.holder}/{self.field_id}/{self.paragraph}"


@dataclass(slots=True)
class FactCheckComment:
    """One comment of the receiving partnership on one paragraph of the draft report, and its handling."""

    id: UUID
    target: str  # str(Target)
    quoted: str  # the paragraph as the partnership saw it, so the decision stays readable after corrections
    comment: str
    received_at: datetime
    decision: Decision = Decision.PENDING
    reply: str = ""
    decided_at: datetime | None = None
    decided_by: str = ""
    stamp: Stamp = field(default_factory=Stamp)


def check_target(review: Review, target: Target) -> None:
    """Raise `UnknownReferenceError` unless `target` names a field of this review's kind and framework."""
    scopes = {
        "criterion": Scope.CRITERION,
        "standard": Scope.STANDARD,
        "question": Scope.DEVELOPMENT_QUESTION,
        "conclusion": Scope.CONCLUSION,
    }
    scope = scopes[target.scope]
    if target.scope == "criterion":
        review.framework.criterion(target.holder)
    elif target.scope == "standard":
        review.framework.standard(target.holder)
    elif target.scope == "question":
        if question_number(review, target.holder) is None:
            raise UnknownReferenceError("the development question was removed")
    elif target.holder != "-":
        raise UnknownReferenceError(f"{target}: the conclusion has no holder id")
    review.forms.kind.field(scope, target.field_id)


def record_comment(review: Review, comment: FactCheckComment) -> bool:
    """Record a comment, or update the one with the same id; answers whether anything changed.

    Comments arrive before adoption only: an adopted review is not corrected any more.
    """
    review.ensure_editable()
    check_target(review, Target.parse(comment.target))
    _check_text("comment", comment.comment)
    if not comment.comment.strip():
        raise InvalidValueError(f"{comment.target}: an empty comment")
    for existing in review.factcheck_comments:
        if existing.id == comment.id:
            if (existing.comment, existing.quoted) == (comment.comment, comment.quoted):
                return False
            existing.comment = comment.comment
            existing.quoted = comment.quoted
            existing.received_at = comment.received_at
            existing.decision = Decision.PENDING  # a changed comment needs a new decision
            existing.decided_at = None
            existing.decided_by = ""
            return True
    review.factcheck_comments.append(comment)
    return True


def decide(review: Review, comment_id: UUID, decision: Decision, reply: str, *, actor: str, now: datetime) -> None:
    """Accept or reject a comment with a reply (a rejection needs one), or set it back to pending."""
    review.ensure_editable()
    decision = Decision(decision)
    _check_text("reply", reply)
    if decision is Decision.REJECTED and not reply.strip():
        raise InvalidValueError("a rejected comment needs a reply that says why")
    comment = comment_by_id(review, comment_id)
    comment.decision = decision
    comment.reply = reply
    comment.decided_at = None if decision is Decision.PENDING else now
    comment.decided_by = "" if decision is Decision.PENDING else actor


def question_number(review: Review, holder: str) -> int | None:
    """The current number of the development question a target names by id, or None when it is gone."""
    return next((q.number for q in review.questions if str(q.id) == holder), None)


def paragraphs(value: FieldValue) -> list[str]:
    """The paragraphs of a field value as the partnership comments on them: text split at blank lines, or list items."""
    if isinstance(value, tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return []


def comment_by_id(review: Review, comment_id: UUID) -> FactCheckComment:
    for comment in review.factcheck_comments:
        if comment.id == comment_id:
            return comment
    raise UnknownReferenceError(f"no fact-check comment {comment_id}")


def pending(review: Review) -> list[FactCheckComment]:
    """Comments that still wait for the secretary's decision."""
    return [c for c in review.factcheck_comments if c.decision is Decision.PENDING]


def _check_text(what: str, text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValueError(f"{what}: text of {len(text):,} characters is longer than {MAX_TEXT_LENGTH:,}")
