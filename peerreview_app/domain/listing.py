"""What the review list shows and how it can be filtered: read models, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.text import Language


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """One line of the review list, read without loading the review."""

    id: UUID
    title: str
    kind: ReviewKind
    phase: Phase
    partnership: str
    sectors: tuple[Sector, ...]
    first_visit_date: date | None
    revision: int
    completeness_percent: int
    open_items: int
    language: Language
    framework_key: str


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """What to list; every filter is optional and they combine with AND."""

    text: str = ""  # in the title or the partnership's name
    kind: ReviewKind | None = None
    phase: Phase | None = None
    year: int | None = None  # of the first visit date
    sector: Sector | None = None
    partnership_id: UUID | None = None
