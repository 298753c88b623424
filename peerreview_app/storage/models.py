"""The database tables as typed SQLAlchemy models.

Every editable record has a UUID key and a `Stamped` trio (`updated_at`, `updated_by`, `version`) so that
copies edited on two laptops can later be merged record by record.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from peerreview_app.storage.types import UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, for executemany inserts that skip the ORM's bookkeeping."""
    return cast(Table, model.__table__)


class Stamped:
    """Who changed the record last and when; `version` counts the changes (a merge compares it)."""

    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)


class FormSnapshotRow(Base):
    """The exact forms (framework + review kind) a review was started with, stored once per content hash."""

    __tablename__ = "form_snapshot"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    framework_key: Mapped[str] = mapped_column(String(200))
    kind_key: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class PartnershipRow(Stamped, Base):
    __tablename__ = "partnership"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    sectors: Mapped[list[Any]]
    region: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))


class ReviewRow(Stamped, Base):
    __tablename__ = "review"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    series_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # Not a foreign key: a revision can be exchanged or imported without the revision before it.
    previous_revision_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    revision: Mapped[int]
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    phase: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5))
    partnership_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partnership.id", ondelete="RESTRICT"), index=True)
    forms_sha256: Mapped[str] = mapped_column(ForeignKey("form_snapshot.sha256", ondelete="RESTRICT"))
    framework_key: Mapped[str] = mapped_column(String(200))
    kind_key: Mapped[str] = mapped_column(String(200))
    sectors: Mapped[list[Any]]
    visit_dates: Mapped[list[Any]]
    first_visit_date: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    adopted_at: Mapped[datetime | None]
    adopted_by: Mapped[str] = mapped_column(String(200))
    # Kept up to date by every save, so that a list of 10,000 reviews needs no findings.
    completeness_percent: Mapped[int]
    open_items: Mapped[int]

    partnership: Mapped[PartnershipRow] = relationship(lazy="raise")
    members: Mapped[list[PanelMemberRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise", order_by="PanelMemberRow.position"
    )
    conversations: Mapped[list[ConversationRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    notes: Mapped[list[NoteRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True, lazy="raise")
    findings: Mapped[list[FindingRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True, lazy="raise")
    member_judgements: Mapped[list[MemberJudgementRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    standard_conclusions: Mapped[list[StandardConclusionRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    conclusion: Mapped[ConclusionRow | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    questions: Mapped[list[DevelopmentQuestionRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    documents: Mapped[list[DocumentRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    factcheck_comments: Mapped[list[FactCheckCommentRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )

    __table_args__ = (Index("ix_review_phase_kind", "phase", "kind"),)


def _review_fk() -> Mapped[uuid.UUID]:
    return mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)


class PanelMemberRow(Stamped, Base):
    __tablename__ = "panel_member"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(30))
    organisation: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(300))
    certificate_fingerprint: Mapped[str] = mapped_column(String(100))


class ConversationRow(Stamped, Base):
    __tablename__ = "conversation"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    title: Mapped[str] = mapped_column(String(500))
    day: Mapped[date | None] = mapped_column(Date)
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    participants: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(300))
    member_ids: Mapped[list[Any]]
    topics: Mapped[list[Any]]


class NoteRow(Stamped, Base):
    __tablename__ = "note"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("panel_member.id", ondelete="RESTRICT"), index=True)
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("conversation.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    criterion_ids: Mapped[list[Any]]
    created_at: Mapped[datetime]


class FindingRow(Stamped, Base):
    __tablename__ = "finding"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    criterion_id: Mapped[str] = mapped_column(String(20))
    values: Mapped[dict[str, Any]]
    __table_args__ = (UniqueConstraint("review_id", "criterion_id"),)


class MemberJudgementRow(Stamped, Base):
    __tablename__ = "member_judgement"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("panel_member.id", ondelete="RESTRICT"))
    criterion_id: Mapped[str] = mapped_column(String(20))
    judgement: Mapped[str | None] = mapped_column(String(60))
    motivation: Mapped[str] = mapped_column(Text)
    dissent: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("member_id", "criterion_id"),)


class StandardConclusionRow(Stamped, Base):
    __tablename__ = "standard_conclusion"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    standard_id: Mapped[str] = mapped_column(String(20))
    values: Mapped[dict[str, Any]]
    override: Mapped[str | None] = mapped_column(String(60))
    override_reason: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("review_id", "standard_id"),)


class ConclusionRow(Stamped, Base):
    __tablename__ = "review_conclusion"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), unique=True)
    values: Mapped[dict[str, Any]]
    override: Mapped[str | None] = mapped_column(String(60))
    override_reason: Mapped[str] = mapped_column(Text)


class DevelopmentQuestionRow(Stamped, Base):
    __tablename__ = "development_question"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text)
    values: Mapped[dict[str, Any]]


class DocumentBlobRow(Base):
    """The bytes of an attached document, stored once per content hash however many reviews use them."""

    __tablename__ = "document_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentRow(Stamped, Base):
    __tablename__ = "document"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(30))
    media_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("document_blob.sha256", ondelete="RESTRICT"), index=True)
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(String(200))


class FactCheckCommentRow(Stamped, Base):
    """A comment of the receiving partnership on a paragraph of the draft report, and the secretary's decision."""

    __tablename__ = "factcheck_comment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    target: Mapped[str] = mapped_column(String(200))
    quoted: Mapped[str] = mapped_column(Text)
    comment: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime]
    decision: Mapped[str] = mapped_column(String(20))
    reply: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str] = mapped_column(String(200))


class ReportFileRow(Base):
    """A signed report as it left the app: append-only, one row per signature added, the newest is current.

    Kept apart from review records on purpose: the bytes are what was signed and must never be rebuilt.
    """

    __tablename__ = "report_file"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    review_id: Mapped[uuid.UUID] = _review_fk()
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    signatures: Mapped[int] = mapped_column(Integer)
    signers: Mapped[list[Any]]  # [{"field", "name", "fingerprint", "signed_at"}], oldest first
    content: Mapped[bytes] = mapped_column(LargeBinary)
