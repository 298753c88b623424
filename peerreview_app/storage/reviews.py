"""The review repository: load a whole review, save what changed, add new ones fast, list many."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, String, delete, func, insert, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from peerreview_app.domain.completeness import Completeness
from peerreview_app.domain.kind import FieldValue, ReviewKind
from peerreview_app.domain.listing import ReviewFilter, ReviewSummary
from peerreview_app.domain.partnership import Sector, Stamp
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.records import Conclusion, Finding, StandardConclusion
from peerreview_app.domain.review import Forms, Review
from peerreview_app.domain.text import Language
from peerreview_app.forms.snapshot import forms_from_snapshot
from peerreview_app.storage import mapping as mp, models as m
from peerreview_app.storage.documents import DocumentBlobRepository
from peerreview_app.storage.errors import NotFound


class _Record(Protocol):
    id: uuid.UUID
    stamp: Stamp


R = TypeVar("R", bound=_Record)


class ReviewRepository:
    """Reviews in one session; `get` remembers the rows it loaded so `save` can write only the changes."""

    def __init__(
        self,
        session: Session,
        actor: str,
        clock: Callable[[], datetime],
        blobs: DocumentBlobRepository | None = None,
    ) -> None:
        self._session = session
        self._actor = actor
        self._clock = clock
        self._blobs = blobs or DocumentBlobRepository(session)
        self._rows: dict[uuid.UUID, m.ReviewRow] = {}

    # -- reading ----------------------------------------------------------------------------------------

    def get(self, review_id: uuid.UUID) -> Review:
        """The whole review with every record; raises `NotFound`."""
        row = self._session.scalars(
            select(m.ReviewRow)
            .where(m.ReviewRow.id == review_id)
            .options(
                selectinload(m.ReviewRow.partnership),
                selectinload(m.ReviewRow.members),
                selectinload(m.ReviewRow.conversations),
                selectinload(m.ReviewRow.notes),
                selectinload(m.ReviewRow.findings),
                selectinload(m.ReviewRow.member_judgements),
                selectinload(m.ReviewRow.standard_conclusions),
                selectinload(m.ReviewRow.conclusion),
                selectinload(m.ReviewRow.questions),
                selectinload(m.ReviewRow.documents),
                selectinload(m.ReviewRow.factcheck_comments),
            )
        ).one_or_none()
        if row is None:
            raise NotFound(f"no review with id {review_id}")
        self._rows[row.id] = row
        return self._to_domain(row)

    def _to_domain(self, row: m.ReviewRow) -> Review:
        review = Review(
            id=row.id,
            title=row.title,
            forms=self._forms(row.forms_sha256),
            partnership=mp.partnership_record(row.partnership),
            created_at=row.created_at,
            created_by=row.created_by,
            language=Language(row.language),
            sectors=tuple(Sector(s) for s in row.sectors),
            visit_dates=mp.visit_dates_from_json(row.visit_dates),
            phase=Phase(row.phase),
            revision=row.revision,
            series_id=row.series_id,
            previous_revision_id=row.previous_revision_id,
            adopted_at=row.adopted_at,
            adopted_by=row.adopted_by,
            members=[mp.member_record(r) for r in row.members],
            conversations=sorted((mp.conversation_record(r) for r in row.conversations), key=lambda c: c.sort_key()),
            notes=sorted((mp.note_record(r) for r in row.notes), key=lambda n: (n.created_at, str(n.id))),
            member_judgements=[mp.judgement_record(r) for r in row.member_judgements],
            questions=sorted((mp.question_record(r) for r in row.questions), key=lambda q: q.number),
            documents=sorted((mp.document_record(r) for r in row.documents), key=lambda d: (d.added_at, str(d.id))),
            factcheck_comments=sorted(
                (mp.factcheck_record(r) for r in row.factcheck_comments), key=lambda c: (c.received_at, c.target)
            ),
            stamp=mp.stamp_of(row),
        )
        findings = {r.criterion_id: mp.finding_record(r) for r in row.findings}
        review.findings = {c.id: findings[c.id] for c in review.framework.criteria() if c.id in findings}
        conclusions = {r.standard_id: mp.standard_conclusion_record(r) for r in row.standard_conclusions}
        review.standard_conclusions = {
            s.id: conclusions[s.id] for s in review.framework.standards if s.id in conclusions
        }
        review.conclusion = mp.conclusion_record(row.conclusion) if row.conclusion else None
        review.member_judgements.sort(key=lambda j: (j.criterion_id, str(j.member_id)))
        return review

    def outlines(self, where: ReviewFilter | None = None, *, chunk: int = 500) -> Iterator[Review]:
        """Reviews with only their partnership, findings and conclusions loaded, for overviews across many.

        Members, notes, programme and documents stay empty; the judgements derive exactly as in the full review.
        Newest visit first. Records are read as plain rows, a chunk of reviews at a time: thirty thousand ORM
        objects for a thousand reviews would cost more than writing the overview itself.
        """
        r, p = m.ReviewRow, m.PartnershipRow
        where = where or ReviewFilter()
        query = filtered(
            select(
                r.id,
                r.title,
                r.forms_sha256,
                r.partnership_id,
                r.created_at,
                r.created_by,
                r.language,
                r.sectors,
                r.visit_dates,
                r.phase,
                r.revision,
                r.adopted_at,
            ).join(p, p.id == r.partnership_id),
            where,
        ).order_by(r.first_visit_date.desc().nulls_last(), r.title, r.revision.desc())
        rows = self._session.execute(query).all()
        partnerships = {
            row.id: mp.partnership_record(row)
            for row in self._session.scalars(select(p).where(p.id.in_({row.partnership_id for row in rows})))
        }
        forms: dict[str, Forms] = {}
        for start in range(0, len(rows), chunk):
            part: dict[str, Review] = {}
            for row in rows[start : start + chunk]:
                if row.forms_sha256 not in forms:
                    forms[row.forms_sha256] = self._forms(row.forms_sha256)
                part[row.id.hex] = Review(
                    id=row.id,
                    title=row.title,
                    forms=forms[row.forms_sha256],
                    partnership=partnerships[row.partnership_id],
                    created_at=row.created_at,
                    created_by=row.created_by,
                    language=_LANGUAGES[row.language],
                    sectors=tuple(Sector(s) for s in row.sectors),
                    visit_dates=mp.visit_dates_from_json(row.visit_dates),
                    phase=_PHASES[row.phase],
                    revision=row.revision,
                    adopted_at=row.adopted_at,
                )
            self._load_outline_records(part)
            for review in part.values():
                if where.sector is None or where.sector in review.sectors:
                    yield review

    def _load_outline_records(self, reviews: dict[str, Review]) -> None:
        """Give these reviews (keyed by their id's hex) their findings and conclusions, from three plain queries."""
        connection = self._session.connection()
        review_ids = [review.id for review in reviews.values()]
        f, s, c = m.FindingRow, m.StandardConclusionRow, m.ConclusionRow
        for review_id, record_id, criterion_id, values in connection.execute(
            select(_as_text(f.review_id), _as_text(f.id), f.criterion_id, _as_text(f.values)).where(
                f.review_id.in_(review_ids)
            )
        ):
            finding = Finding(_uuid(record_id), criterion_id, _values(values))
            reviews[_uuid(review_id).hex].findings[criterion_id] = finding
        for review_id, record_id, standard_id, values, override, reason in connection.execute(
            select(
                _as_text(s.review_id), _as_text(s.id), s.standard_id, _as_text(s.values), s.override, s.override_reason
            ).where(s.review_id.in_(review_ids))
        ):
            conclusion = StandardConclusion(_uuid(record_id), standard_id, _values(values), override, reason)
            reviews[_uuid(review_id).hex].standard_conclusions[standard_id] = conclusion
        for review_id, record_id, values, override, reason in connection.execute(
            select(_as_text(c.review_id), _as_text(c.id), _as_text(c.values), c.override, c.override_reason).where(
                c.review_id.in_(review_ids)
            )
        ):
            overall = Conclusion(_uuid(record_id), _values(values), override, reason)
            reviews[_uuid(review_id).hex].conclusion = overall

    def _forms(self, sha256: str) -> Forms:
        content = self._session.scalar(select(m.FormSnapshotRow.content).where(m.FormSnapshotRow.sha256 == sha256))
        if content is None:
            raise NotFound(f"the forms snapshot {sha256[:12]} of this review is missing")
        return forms_from_snapshot(content, sha256)

    def ids(self) -> list[uuid.UUID]:
        return list(self._session.scalars(select(m.ReviewRow.id)))

    def with_member_email(self, email: str) -> list[uuid.UUID]:
        """Reviews with a panel member of this e-mail address (compared case-insensitively)."""
        query = select(m.PanelMemberRow.review_id).where(func.lower(m.PanelMemberRow.email) == email.casefold())
        return list(dict.fromkeys(self._session.scalars(query)))

    def member_fingerprints(self) -> list[tuple[str, str, str]]:
        """(certificate fingerprint, name, role) of every panel member with a signing certificate."""
        member = m.PanelMemberRow
        query = select(member.certificate_fingerprint, member.name, member.role).where(
            member.certificate_fingerprint != ""
        )
        return [(row[0], row[1], row[2]) for row in self._session.execute(query)]

    def exists(self, review_id: uuid.UUID) -> bool:
        return self._session.scalar(select(func.count()).where(m.ReviewRow.id == review_id)) == 1

    def phase_of(self, review_id: uuid.UUID) -> Phase | None:
        value = self._session.scalar(select(m.ReviewRow.phase).where(m.ReviewRow.id == review_id))
        return Phase(value) if value else None

    def revisions_of(self, review_id: uuid.UUID) -> list[uuid.UUID]:
        """Reviews that are a later revision of `review_id`."""
        return list(self._session.scalars(select(m.ReviewRow.id).where(m.ReviewRow.previous_revision_id == review_id)))

    def summaries(self, where: ReviewFilter | None = None, limit: int | None = None) -> list[ReviewSummary]:
        """The review list, newest visit first, in one query.

        Ten thousand rows must stay fluid, so the columns are read as stored text and converted here with
        cached lookups instead of through SQLAlchemy's per-value result processing.
        """
        r, p = m.ReviewRow, m.PartnershipRow
        query = select(
            type_coerce(r.id, String),
            r.title,
            r.kind,
            r.phase,
            p.name,
            type_coerce(r.sectors, String),
            type_coerce(r.first_visit_date, String),
            r.revision,
            r.completeness_percent,
            r.open_items,
            r.language,
            r.framework_key,
        ).join(p, p.id == r.partnership_id)
        where = where or ReviewFilter()
        query = filtered(query, where)
        query = query.order_by(r.first_visit_date.desc().nulls_last(), r.title, r.revision.desc())
        if limit:
            query = query.limit(limit)
        kinds, phases, languages = _KINDS, _PHASES, _LANGUAGES
        sectors_of, id_of, date_of = _sectors, _uuid, _date
        summaries = [
            ReviewSummary(
                id_of(row[0]),
                row[1],
                kinds[row[2]],
                phases[row[3]],
                row[4],
                sectors_of(row[5]),
                date_of(row[6]),
                row[7],
                row[8],
                row[9],
                languages[row[10]],
                row[11],
            )
            for row in self._session.connection().execute(query)
        ]
        if where.sector:
            summaries = [s for s in summaries if where.sector in s.sectors]
        return summaries

    # -- writing ----------------------------------------------------------------------------------------

    def add(self, review: Review, completeness: Completeness, *, keep_stamps: bool = False) -> None:
        """Insert a new review with all its records; see `add_many`."""
        self.add_many([(review, completeness)], keep_stamps=keep_stamps)

    def add_many(self, items: Sequence[tuple[Review, Completeness]], *, keep_stamps: bool = False) -> None:
        """Insert new reviews with all their records, one executemany per table.

        With `keep_stamps` (imports) the records keep the stamps they carry; otherwise they get version 1. An id
        that exists already makes the unit of work fail with `Conflict`.
        """
        if not keep_stamps:
            for review, _ in items:
                self._stamp_new(review)
        # Core inserts on the session's connection: the ORM's bulk path costs more than the statements
        # themselves, and these rows are not needed as ORM objects in this unit of work.
        tables: dict[type[m.Base], list[dict[str, Any]]] = {model: [] for model, _ in _CHILD_TABLES}
        review_rows = []
        for review, completeness in items:
            review_rows.append({"id": review.id, **_review_columns(review, completeness), **_stamp(review.stamp)})
            for model, records in _children(review):
                columns = _CHILD_COLUMNS[model]
                tables[model].extend(
                    {"id": rec.id, "review_id": review.id, **columns(rec, i), **_stamp(rec.stamp)}
                    for i, rec in enumerate(records)
                )
        # Core statements do not autoflush: pending ORM objects (a partnership created in this unit of work)
        # must reach the database before the rows that refer to them.
        self._session.flush()
        self._session.execute(insert(m.table_of(m.ReviewRow)), review_rows)
        for model, rows in tables.items():
            if rows:
                self._session.execute(insert(m.table_of(model)), rows)

    def _stamp_new(self, review: Review) -> None:
        now = self._clock()
        for record in _records(review):
            record.stamp = Stamp(now, self._actor, 1)
        review.stamp = Stamp(now, self._actor, 1)

    def save(self, review: Review, completeness: Completeness) -> None:
        """Write what changed in a review loaded with `get`; changed records get a new stamp."""
        row = self._rows.get(review.id)
        if row is None:
            raise NotFound(f"review {review.id} was not loaded in this unit of work")
        self._update(row, _review_columns(review, completeness))
        review.stamp = mp.stamp_of(row)
        # Parents before children and children before parents' removal: the rows have no ORM relationships
        # among each other, so the order of flushes keeps the foreign keys satisfied.
        gone_members = self._sync(row.members, m.PanelMemberRow, review.members, mp.member_columns, row.id)
        gone_conversations = self._sync(
            row.conversations, m.ConversationRow, review.conversations, mp.conversation_columns, row.id
        )
        self._session.flush()
        self._sync(row.notes, m.NoteRow, review.notes, mp.note_columns, row.id, remove=True)
        self._sync(
            row.member_judgements,
            m.MemberJudgementRow,
            review.member_judgements,
            mp.judgement_columns,
            row.id,
            remove=True,
        )
        self._sync(row.findings, m.FindingRow, list(review.findings.values()), mp.finding_columns, row.id, remove=True)
        self._sync(
            row.standard_conclusions,
            m.StandardConclusionRow,
            list(review.standard_conclusions.values()),
            mp.standard_conclusion_columns,
            row.id,
            remove=True,
        )
        self._sync(row.questions, m.DevelopmentQuestionRow, review.questions, mp.question_columns, row.id, remove=True)
        kept = {d.sha256 for d in review.documents}
        self._blobs.release(r.sha256 for r in row.documents if r.sha256 not in kept)
        self._sync(row.documents, m.DocumentRow, review.documents, mp.document_columns, row.id, remove=True)
        self._sync(
            row.factcheck_comments,
            m.FactCheckCommentRow,
            review.factcheck_comments,
            mp.factcheck_columns,
            row.id,
            remove=True,
        )
        if review.conclusion is not None:
            if row.conclusion is None:
                row.conclusion = m.ConclusionRow(
                    id=review.conclusion.id,
                    review_id=row.id,
                    **mp.conclusion_columns(review.conclusion, 0),
                    **self._new(),
                )
            else:
                self._update(row.conclusion, mp.conclusion_columns(review.conclusion, 0))
            review.conclusion.stamp = mp.stamp_of(row.conclusion)
        self._session.flush()
        for collection, gone in ((row.members, gone_members), (row.conversations, gone_conversations)):
            for child in gone:
                collection.remove(child)
        self._session.flush()

    def delete(self, review_id: uuid.UUID) -> None:
        """Delete a review with all its records; document content no other review uses goes on commit."""
        self._rows.pop(review_id, None)
        self._blobs.release(
            self._session.scalars(select(m.DocumentRow.sha256).where(m.DocumentRow.review_id == review_id))
        )
        self._session.execute(delete(m.ReviewRow).where(m.ReviewRow.id == review_id))

    def _sync(
        self,
        collection: list[Any],
        model: type[Any],
        records: Sequence[R],
        to_columns: Callable[[R, int], dict[str, Any]],
        review_id: uuid.UUID,
        *,
        remove: bool = False,
    ) -> list[Any]:
        existing = {child.id: child for child in collection}
        for position, record in enumerate(records):
            columns = to_columns(record, position)
            child = existing.pop(record.id, None)
            if child is None:
                child = model(id=record.id, review_id=review_id, **columns, **self._new())
                collection.append(child)
            else:
                self._update(child, columns)
            record.stamp = mp.stamp_of(child)
        gone = list(existing.values())
        if remove:
            for child in gone:
                collection.remove(child)
        return gone

    def _update(self, row: m.Stamped, columns: dict[str, Any]) -> None:
        changed = False
        for key, value in columns.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
                changed = True
        if changed:
            row.updated_at = self._clock()
            row.updated_by = self._actor
            row.version += 1

    def _new(self) -> dict[str, Any]:
        return {"updated_at": self._clock(), "updated_by": self._actor, "version": 1}


SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")


def filtered(query: SelectT, where: ReviewFilter) -> SelectT:
    """`query` (over reviews joined with their partnership) narrowed by the filter, except sectors (JSON)."""
    r, p = m.ReviewRow, m.PartnershipRow
    if where.text:
        pattern = f"%{where.text.strip()}%"
        query = query.where(or_(r.title.ilike(pattern), p.name.ilike(pattern)))
    if where.kind:
        query = query.where(r.kind == where.kind.value)
    if where.phase:
        query = query.where(r.phase == where.phase.value)
    if where.year:
        query = query.where(r.first_visit_date.between(date(where.year, 1, 1), date(where.year, 12, 31)))
    if where.partnership_id:
        query = query.where(r.partnership_id == where.partnership_id)
    return query


_KINDS = {k.value: k for k in ReviewKind}
_PHASES = {p.value: p for p in Phase}
_LANGUAGES = {lang.value: lang for lang in Language}


@lru_cache(maxsize=64)
def _sectors(stored: str) -> tuple[Sector, ...]:
    return tuple(Sector(s) for s in json.loads(stored))


def _uuid(stored: str) -> uuid.UUID:
    # SQLite keeps UUIDs as 32 hex digits, PostgreSQL as native uuid (text with dashes here).
    return uuid.UUID(stored)


def _as_text(column: Any) -> Any:
    """The column as stored text: converting here is cheaper than SQLAlchemy's per-value result processing."""
    return type_coerce(column, String)


def _values(stored: str) -> dict[str, FieldValue]:
    return mp.values_from_json(json.loads(stored))


def _date(stored: str | None) -> date | None:
    return date.fromisoformat(stored) if stored else None


_CHILD_TABLES: tuple[tuple[type[m.Base], Callable[[Any, int], dict[str, Any]]], ...] = (
    # Parents first: notes and judgements refer to members and conversations.
    (m.PanelMemberRow, mp.member_columns),
    (m.ConversationRow, mp.conversation_columns),
    (m.FindingRow, mp.finding_columns),
    (m.StandardConclusionRow, mp.standard_conclusion_columns),
    (m.ConclusionRow, mp.conclusion_columns),
    (m.DevelopmentQuestionRow, mp.question_columns),
    (m.NoteRow, mp.note_columns),
    (m.MemberJudgementRow, mp.judgement_columns),
    (m.DocumentRow, mp.document_columns),  # the blobs are stored first, by the blob repository
    (m.FactCheckCommentRow, mp.factcheck_columns),
)
_CHILD_COLUMNS = dict(_CHILD_TABLES)


def _children(review: Review) -> list[tuple[type[m.Base], Sequence[Any]]]:
    return [
        (m.PanelMemberRow, review.members),
        (m.ConversationRow, review.conversations),
        (m.FindingRow, list(review.findings.values())),
        (m.StandardConclusionRow, list(review.standard_conclusions.values())),
        (m.ConclusionRow, [review.conclusion] if review.conclusion else []),
        (m.DevelopmentQuestionRow, review.questions),
        (m.NoteRow, review.notes),
        (m.MemberJudgementRow, review.member_judgements),
        (m.DocumentRow, review.documents),
        (m.FactCheckCommentRow, review.factcheck_comments),
    ]


def _stamp(stamp: Stamp) -> dict[str, Any]:
    return {"updated_at": stamp.updated_at, "updated_by": stamp.updated_by, "version": stamp.version}


def _records(review: Review) -> list[_Record]:
    records: list[_Record] = [
        *review.members,
        *review.conversations,
        *review.notes,
        *review.member_judgements,
        *review.findings.values(),
        *review.standard_conclusions.values(),
        *review.questions,
        *review.documents,
        *review.factcheck_comments,
    ]
    if review.conclusion is not None:
        records.append(review.conclusion)
    return records


def _review_columns(review: Review, completeness: Completeness) -> dict[str, Any]:
    return {
        "series_id": review.series_id or review.id,
        "previous_revision_id": review.previous_revision_id,
        "revision": review.revision,
        "title": review.title,
        "kind": review.kind.value,
        "phase": review.phase.value,
        "language": review.language.value,
        "partnership_id": review.partnership.id,
        "forms_sha256": review.forms.sha256,
        "framework_key": review.framework.key,
        "kind_key": review.forms.kind.key,
        "sectors": [s.value for s in review.sectors],
        "visit_dates": mp.visit_dates_to_json(review.visit_dates),
        "first_visit_date": review.visit_dates[0] if review.visit_dates else None,
        "created_at": review.created_at,
        "created_by": review.created_by,
        "adopted_at": review.adopted_at,
        "adopted_by": review.adopted_by,
        "completeness_percent": completeness.percent,
        "open_items": len(completeness.items),
    }
