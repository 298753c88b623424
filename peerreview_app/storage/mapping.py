"""Translate between database rows and domain records.

Each record type has a `*_columns` function (domain → column values, without review id and stamps) and a
`*_record` function (row → domain). `values` dicts hold lists in JSON and tuples in the domain.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.factcheck import Decision, FactCheckComment
from peerreview_app.domain.kind import FieldValue
from peerreview_app.domain.partnership import PanelMember, Partnership, RecognitionStatus, Role, Sector, Stamp
from peerreview_app.domain.records import (
    Conclusion,
    Conversation,
    DevelopmentQuestion,
    Finding,
    MemberJudgement,
    Note,
    StandardConclusion,
)
from peerreview_app.storage import models as m


def stamp_of(row: m.Stamped) -> Stamp:
    return Stamp(row.updated_at, row.updated_by, row.version)


def values_to_json(values: dict[str, FieldValue]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in values.items()}


def values_from_json(values: dict[str, Any]) -> dict[str, FieldValue]:
    return {key: tuple(value) if isinstance(value, list) else value for key, value in values.items()}


def partnership_columns(p: Partnership) -> dict[str, Any]:
    return {"name": p.name, "sectors": [s.value for s in p.sectors], "region": p.region, "status": p.status.value}


def partnership_record(row: m.PartnershipRow) -> Partnership:
    return Partnership(
        id=row.id,
        name=row.name,
        sectors=tuple(Sector(s) for s in row.sectors),
        region=row.region,
        status=RecognitionStatus(row.status),
        stamp=stamp_of(row),
    )


def member_columns(member: PanelMember, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "name": member.name,
        "role": member.role.value,
        "organisation": member.organisation,
        "email": member.email,
        "certificate_fingerprint": member.certificate_fingerprint,
    }


def member_record(row: m.PanelMemberRow) -> PanelMember:
    return PanelMember(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        organisation=row.organisation,
        email=row.email,
        certificate_fingerprint=row.certificate_fingerprint,
        stamp=stamp_of(row),
    )


def conversation_columns(c: Conversation, position: int) -> dict[str, Any]:
    return {
        "title": c.title,
        "day": c.day,
        "starts_at": c.starts_at,
        "ends_at": c.ends_at,
        "participants": c.participants,
        "location": c.location,
        "member_ids": [str(x) for x in c.member_ids],
        "topics": list(c.topics),
    }


def conversation_record(row: m.ConversationRow) -> Conversation:
    return Conversation(
        id=row.id,
        title=row.title,
        day=row.day,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        participants=row.participants,
        location=row.location,
        member_ids=tuple(UUID(x) for x in row.member_ids),
        topics=tuple(row.topics),
        stamp=stamp_of(row),
    )


def note_columns(n: Note, position: int) -> dict[str, Any]:
    return {
        "author_id": n.author_id,
        "conversation_id": n.conversation_id,
        "text": n.text,
        "criterion_ids": list(n.criterion_ids),
        "created_at": n.created_at,
    }


def note_record(row: m.NoteRow) -> Note:
    return Note(
        id=row.id,
        author_id=row.author_id,
        text=row.text,
        created_at=row.created_at,
        criterion_ids=tuple(row.criterion_ids),
        conversation_id=row.conversation_id,
        stamp=stamp_of(row),
    )


def finding_columns(f: Finding, position: int) -> dict[str, Any]:
    return {"criterion_id": f.criterion_id, "values": values_to_json(f.values)}


def finding_record(row: m.FindingRow) -> Finding:
    return Finding(row.id, row.criterion_id, values_from_json(row.values), stamp_of(row))


def judgement_columns(j: MemberJudgement, position: int) -> dict[str, Any]:
    return {
        "member_id": j.member_id,
        "criterion_id": j.criterion_id,
        "judgement": j.judgement,
        "motivation": j.motivation,
        "dissent": j.dissent,
    }


def judgement_record(row: m.MemberJudgementRow) -> MemberJudgement:
    return MemberJudgement(
        row.id, row.member_id, row.criterion_id, row.judgement, row.motivation, row.dissent, stamp_of(row)
    )


def standard_conclusion_columns(c: StandardConclusion, position: int) -> dict[str, Any]:
    return {
        "standard_id": c.standard_id,
        "values": values_to_json(c.values),
        "override": c.override,
        "override_reason": c.override_reason,
    }


def standard_conclusion_record(row: m.StandardConclusionRow) -> StandardConclusion:
    return StandardConclusion(
        row.id, row.standard_id, values_from_json(row.values), row.override, row.override_reason, stamp_of(row)
    )


def conclusion_columns(c: Conclusion, position: int) -> dict[str, Any]:
    return {"values": values_to_json(c.values), "override": c.override, "override_reason": c.override_reason}


def conclusion_record(row: m.ConclusionRow) -> Conclusion:
    return Conclusion(row.id, values_from_json(row.values), row.override, row.override_reason, stamp_of(row))


def question_columns(q: DevelopmentQuestion, position: int) -> dict[str, Any]:
    return {"number": q.number, "text": q.text, "context": q.context, "values": values_to_json(q.values)}


def question_record(row: m.DevelopmentQuestionRow) -> DevelopmentQuestion:
    return DevelopmentQuestion(row.id, row.number, row.text, values_from_json(row.values), row.context, stamp_of(row))


def document_columns(d: Document, position: int) -> dict[str, Any]:
    return {
        "name": d.name,
        "kind": d.kind.value,
        "media_type": d.media_type,
        "size": d.size,
        "sha256": d.sha256,
        "added_at": d.added_at,
        "added_by": d.added_by,
    }


def document_record(row: m.DocumentRow) -> Document:
    return Document(
        id=row.id,
        name=row.name,
        kind=DocumentKind(row.kind),
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_at=row.added_at,
        added_by=row.added_by,
        stamp=stamp_of(row),
    )


def visit_dates_to_json(dates: tuple[date, ...]) -> list[str]:
    return [d.isoformat() for d in dates]


def visit_dates_from_json(values: list[Any]) -> tuple[date, ...]:
    return tuple(date.fromisoformat(v) for v in values)


def factcheck_columns(c: FactCheckComment, position: int) -> dict[str, Any]:
    return {
        "target": c.target,
        "quoted": c.quoted,
        "comment": c.comment,
        "received_at": c.received_at,
        "decision": c.decision.value,
        "reply": c.reply,
        "decided_at": c.decided_at,
        "decided_by": c.decided_by,
    }


def factcheck_record(row: m.FactCheckCommentRow) -> FactCheckComment:
    return FactCheckComment(
        id=row.id,
        target=row.target,
        quoted=row.quoted,
        comment=row.comment,
        received_at=row.received_at,
        decision=Decision(row.decision),
        reply=row.reply,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        stamp=stamp_of(row),
    )
