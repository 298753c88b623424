"""The records a review is made of: conversations, notes, findings, judgements and conclusions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from uuid import UUID

from .kind import FieldValue
from .partnership import Stamp

Values = dict[str, FieldValue]


@dataclass(slots=True)
class Conversation:
    """One conversation (gesprek) of the bezoekdag programme."""

    id: UUID
    title: str  # the group, e.g. "Studenten en startende leraren"
    day: date | None = None
    starts_at: time | None = None
    ends_at: time | None = None
    participants: str = ""  # who of the receiving partnership takes part
    location: str = ""
    member_ids: tuple[UUID, ...] = ()  # panel members present
    topics: tuple[str, ...] = ()  # standard and criterion ids on the agenda
    stamp: Stamp = field(default_factory=Stamp)

    def sort_key(self) -> tuple[date, time, str]:
        return (self.day or date.min, self.starts_at or time.min, self.title)


@dataclass(slots=True)
class Note:
    """A panel member's note, on one conversation and/or tagged to criteria; every note has one author."""

    id: UUID
    author_id: UUID
    text: str
    created_at: datetime
    criterion_ids: tuple[str, ...] = ()
    conversation_id: UUID | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class Finding:
    """The panel's consolidated findings (bevindingen) on one criterion, in the fields of the review kind."""

    id: UUID
    criterion_id: str
    values: Values
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class MemberJudgement:
    """One panel member's provisional judgement on a criterion, with a recorded dissent if they keep it."""

    id: UUID
    member_id: UUID
    criterion_id: str
    judgement: str | None = None
    motivation: str = ""
    dissent: str = ""  # minderheidsstandpunt: why the member disagrees with the panel's judgement
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class StandardConclusion:
    """The panel's conclusion on one standard (waarborg), with an optional reasoned override."""

    id: UUID
    standard_id: str
    values: Values
    override: str | None = None
    override_reason: str = ""
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class Conclusion:
    """The review's overall conclusion, with an optional reasoned override of the derived judgement."""

    id: UUID
    values: Values
    override: str | None = None
    override_reason: str = ""
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(slots=True)
class DevelopmentQuestion:
    """An ontwikkelvraag the receiving partnership brings to the panel, with the panel's answer fields."""

    id: UUID
    number: int
    text: str
    values: Values
    context: str = ""
    stamp: Stamp = field(default_factory=Stamp)
