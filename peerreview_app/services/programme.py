"""The bezoekdag programme (conversations) and the members' notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from uuid import UUID, uuid4

from peerreview_app.domain.records import Conversation, Note
from peerreview_app.domain.review import Review
from peerreview_app.services.editing import edit
from peerreview_app.services.workbench import Workbench


def add_conversation(
    workbench: Workbench,
    review_id: UUID,
    *,
    title: str,
    day: date | None = None,
    starts_at: time | None = None,
    ends_at: time | None = None,
    participants: str = "",
    location: str = "",
    member_ids: Iterable[UUID] = (),
    topics: Iterable[str] = (),
    conversation_id: UUID | None = None,
) -> Conversation:
    conversation = Conversation(
        conversation_id or uuid4(),
        title.strip(),
        day,
        starts_at,
        ends_at,
        participants,
        location,
        tuple(member_ids),
        tuple(topics),
    )

    def change(review: Review) -> Conversation:
        review.add_conversation(conversation)
        return conversation

    return edit(workbench, review_id, change)


def update_conversation(
    workbench: Workbench, review_id: UUID, conversation_id: UUID, **changes: object
) -> Conversation:
    def change(review: Review) -> Conversation:
        review.update_conversation(conversation_id, **changes)
        return review.conversation(conversation_id)

    return edit(workbench, review_id, change)


def remove_conversation(workbench: Workbench, review_id: UUID, conversation_id: UUID) -> None:
    edit(workbench, review_id, lambda review: review.remove_conversation(conversation_id))


def add_note(
    workbench: Workbench,
    review_id: UUID,
    *,
    author_id: UUID,
    text: str,
    criterion_ids: Iterable[str] = (),
    conversation_id: UUID | None = None,
    note_id: UUID | None = None,
) -> Note:
    """A member's note, on a conversation and/or tagged to criteria."""
    note = Note(note_id or uuid4(), author_id, text, workbench.clock(), tuple(criterion_ids), conversation_id)

    def change(review: Review) -> Note:
        review.add_note(note)
        return note

    return edit(workbench, review_id, change)


def update_note(
    workbench: Workbench,
    review_id: UUID,
    note_id: UUID,
    *,
    text: str | None = None,
    criterion_ids: Iterable[str] | None = None,
) -> Note:
    def change(review: Review) -> Note:
        review.update_note(note_id, text=text, criterion_ids=criterion_ids)
        return review.note(note_id)

    return edit(workbench, review_id, change)


def remove_note(workbench: Workbench, review_id: UUID, note_id: UUID) -> None:
    edit(workbench, review_id, lambda review: review.remove_note(note_id))
