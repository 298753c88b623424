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


@dataclass(frozen=True, slots=True)
class OverviewReview:
    """One review in the cross-review overview workbook, with labels already in the export language."""

    id: UUID
    title: str
    partnership: str
    sectors: tuple[Sector, ...]
    kind: ReviewKind
    kind_label: str
    visit_date: date | None
    phase_label: str
    revision: int
    framework: str  # name and version of the framework
    overall_judgement: str  # label, or "" (developmental reviews have none)
    criteria: int
    judged: int  # criteria with a panel judgement (assessment) or with findings (developmental)
    strengths: int
    development_points: int


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One review × criterion row of the overview workbook."""

    review: OverviewReview
    standard_id: str
    standard_title: str
    criterion_id: str
    criterion_title: str
    judgement: str  # label, or "" when not (yet) judged or the kind has no judgements
    strengths: int
    development_points: int
