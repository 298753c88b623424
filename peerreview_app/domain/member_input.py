"""What a filled-in workbook changes in a review, and applying it.

A panel member without the app sends back notes and provisional judgements per criterion; the receiving
partnership sends back fact-check comments per paragraph of the draft. Reading the workbook (reports layer) gives
the plain data below; planning lists the changes for a preview; applying makes exactly those changes through the
review's own methods. Planning checks everything before applying touches anything, so an import is all or nothing,
and records get deterministic ids, so importing the same file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid5

from .errors import InvalidValueError
from .factcheck import FactCheckComment, Target, check_target, record_comment
from .kind import MAX_TEXT_LENGTH
from .records import MemberJudgement, Note
from .review import Review


@dataclass(frozen=True, slots=True)
class CriterionEntry:
    """One criterion row of a member's workbook: the notes, and (assessment) the provisional judgement."""

    criterion_id: str
    notes: str
    judgement: str | None  # a scale value id, not its label
    motivation: str
    cell: str = ""  # where the row is, e.g. "LL De lerende leraar!D7", for messages


@dataclass(frozen=True, slots=True)
class MemberInput:
    """What one panel member filled in in a member workbook."""

    review_id: UUID
    member_id: UUID
    entries: tuple[CriterionEntry, ...]


@dataclass(frozen=True, slots=True)
class CommentEntry:
    """One fact-check comment of the partnership on one paragraph of the draft."""

    target: str  # str(factcheck.Target)
    quoted: str  # the paragraph as the partnership saw it
    comment: str
    cell: str = ""


@dataclass(frozen=True, slots=True)
class FactCheckInput:
    """The comments of a filled-in fact-check workbook (rows without a comment are left out)."""

    review_id: UUID
    comments: tuple[CommentEntry, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One change an import makes, for a preview: what, where (criterion id or paragraph), before and after."""

    what: str  # "note", "judgement", "motivation" or "comment"
    where: str
    before: str
    after: str


def workbook_note_id(review_id: UUID, member_id: UUID, criterion_id: str) -> UUID:
    """The id of a member's workbook note on a criterion: the same on every import, so it is updated in place."""
    return uuid5(review_id, f"workbook-note:{member_id}:{criterion_id}")


def factcheck_comment_id(review_id: UUID, target: str) -> UUID:
    """The id of the partnership's fact-check comment on a paragraph (one comment per paragraph)."""
    return uuid5(review_id, f"factcheck:{target}")


_Step = tuple[tuple[Change, ...], Callable[[], object]]


# -- member workbook ------------------------------------------------------------------------------------


def plan_member_import(review: Review, data: MemberInput) -> tuple[Change, ...]:
    """The changes importing `data` would make; empty when the review already holds all of it.

    Raises `InvalidValueError` (or `UnknownReferenceError`) when `data` does not fit the review.
    """
    return tuple(change for changes, _ in _member_steps(review, data, now=None) for change in changes)


def apply_member_import(review: Review, data: MemberInput, *, now: datetime) -> tuple[Change, ...]:
    """Make the changes of `plan_member_import` and answer them; `ReviewLockedError` for an adopted review."""
    review.ensure_editable()
    steps = _member_steps(review, data, now=now)  # checks everything before the first change
    for _, apply in steps:
        apply()
    return tuple(change for changes, _ in steps for change in changes)


def _member_steps(review: Review, data: MemberInput, *, now: datetime | None) -> list[_Step]:
    _check_review(review, data.review_id)
    member = review.member(data.member_id)
    if not member.role.on_panel:
        raise InvalidValueError(f"{member.name} is not on the panel and has no notes or judgements")
    seen: set[str] = set()
    steps: list[_Step] = []
    for entry in data.entries:
        review.framework.criterion(entry.criterion_id)
        if entry.criterion_id in seen:
            raise InvalidValueError(f"criterion {entry.criterion_id} appears twice")
        seen.add(entry.criterion_id)
        for what, text in (("notes", entry.notes), ("motivation", entry.motivation)):
            _check_length(entry, what, text)
        note_step = _note_step(review, data.member_id, entry, now)
        if note_step is not None:
            steps.append(note_step)
        judgement_step = _judgement_step(review, data.member_id, entry)
        if judgement_step is not None:
            steps.append(judgement_step)
    return steps


def _note_step(review: Review, member_id: UUID, entry: CriterionEntry, now: datetime | None) -> _Step | None:
    note_id = workbook_note_id(review.id, member_id, entry.criterion_id)
    current = next((n for n in review.notes if n.id == note_id), None)
    before = current.text if current is not None else ""
    if entry.notes == before:
        return None
    change = (Change("note", entry.criterion_id, before, entry.notes),)
    if current is None:
        note = Note(note_id, member_id, entry.notes, now or datetime.min, (entry.criterion_id,))
        return change, lambda: review.add_note(note)
    if not entry.notes:
        return change, lambda: review.remove_note(note_id)
    return change, lambda: review.update_note(note_id, text=entry.notes)


def _judgement_step(review: Review, member_id: UUID, entry: CriterionEntry) -> _Step | None:
    kind = review.forms.kind
    scale = kind.criterion_scale()
    if not kind.member_judgements or scale is None:
        if entry.judgement or entry.motivation:
            raise InvalidValueError(f"a {review.kind.value} review has no provisional judgements")
        return None
    if entry.judgement:
        scale.value(entry.judgement)
    current: MemberJudgement | None = next(
        (j for j in review.member_judgements if j.member_id == member_id and j.criterion_id == entry.criterion_id),
        None,
    )
    before_judgement = current.judgement if current is not None else None
    before_motivation = current.motivation if current is not None else ""
    after_judgement = entry.judgement or None

    def label(value_id: str | None) -> str:
        return scale.value(value_id).label.get(review.language) if value_id else ""

    changes: list[Change] = []
    if after_judgement != before_judgement:
        changes.append(Change("judgement", entry.criterion_id, label(before_judgement), label(after_judgement)))
    if entry.motivation != before_motivation:
        changes.append(Change("motivation", entry.criterion_id, before_motivation, entry.motivation))
    if not changes:
        return None
    dissent = current.dissent if current is not None else ""  # the workbook has no dissent column: keep it
    return tuple(changes), lambda: review.set_member_judgement(
        member_id, entry.criterion_id, after_judgement, motivation=entry.motivation, dissent=dissent
    )


# -- fact-check workbook --------------------------------------------------------------------------------


def plan_factcheck_import(review: Review, data: FactCheckInput) -> tuple[Change, ...]:
    """The comments importing `data` would record or change; empty when all of them are recorded already."""
    return tuple(change for changes, _ in _factcheck_steps(review, data, now=None) for change in changes)


def apply_factcheck_import(review: Review, data: FactCheckInput, *, now: datetime) -> tuple[Change, ...]:
    """Record the comments of `data` against their paragraphs; `ReviewLockedError` for an adopted review.

    Empty comments are skipped: an emptied cell does not withdraw a comment the secretary may have answered.
    """
    review.ensure_editable()
    steps = _factcheck_steps(review, data, now=now)
    for _, apply in steps:
        apply()
    return tuple(change for changes, _ in steps for change in changes)


def _factcheck_steps(review: Review, data: FactCheckInput, *, now: datetime | None) -> list[_Step]:
    _check_review(review, data.review_id)
    seen: set[str] = set()
    steps: list[_Step] = []
    for entry in data.comments:
        if not entry.comment.strip():
            continue
        target = Target.parse(entry.target)
        check_target(review, target)
        if entry.target in seen:
            raise InvalidValueError(f"paragraph {entry.target} has two comments")
        seen.add(entry.target)
        for what, text in (("comment", entry.comment), ("quoted paragraph", entry.quoted)):
            if len(text) > MAX_TEXT_LENGTH:
                raise InvalidValueError(f"{entry.target}: {what} of {len(text):,} characters is too long")
        comment_id = factcheck_comment_id(review.id, entry.target)
        current = next((c for c in review.factcheck_comments if c.id == comment_id), None)
        if current is not None and (current.comment, current.quoted) == (entry.comment, entry.quoted):
            continue
        before = current.comment if current is not None else ""
        comment = FactCheckComment(comment_id, entry.target, entry.quoted, entry.comment, now or datetime.min)
        steps.append(((Change("comment", entry.target, before, entry.comment),), _recorder(review, comment)))
    return steps


def _recorder(review: Review, comment: FactCheckComment) -> Callable[[], object]:
    return lambda: record_comment(review, comment)


def _check_review(review: Review, review_id: UUID) -> None:
    if review_id != review.id:
        raise InvalidValueError(f"the input belongs to review {review_id}, not to {review.title!r} ({review.id})")


def _check_length(entry: CriterionEntry, what: str, text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValueError(
            f"{entry.criterion_id}: {what} of {len(text):,} characters is longer than {MAX_TEXT_LENGTH:,}"
        )
