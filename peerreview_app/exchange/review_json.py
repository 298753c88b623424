"""The JSON interchange format of one review (``peerreview/review``, format version 1).

Export writes every record with its id and stamp, in a fixed order with sorted keys, so that export → import
→ export gives the same bytes. Import checks the whole document (JSON Schema, the embedded forms, the
internal references) before anything is stored.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

from peerreview_app.domain.factcheck import Decision, FactCheckComment
from peerreview_app.domain.integrity import problems as integrity_problems
from peerreview_app.domain.kind import FieldValue
from peerreview_app.domain.partnership import PanelMember, Partnership, RecognitionStatus, Role, Sector, Stamp
from peerreview_app.domain.phases import Phase
from peerreview_app.domain.records import (
    Conclusion,
    Conversation,
    DevelopmentQuestion,
    Finding,
    MemberJudgement,
    Note,
    StandardConclusion,
)
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.forms.errors import FormError
from peerreview_app.forms.snapshot import forms_from_snapshot, snapshot_content, snapshot_data
from peerreview_app.forms.yamlsource import format_path

FORMAT = "peerreview/review"
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "review-1.schema.json"
MAX_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS = 50


class ExchangeError(Exception):
    """A review file cannot be imported; `problems` says what is wrong and where (``path: message``)."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems[:MAX_PROBLEMS]
        super().__init__("\n".join(f"{source}: {p}" for p in self.problems))


# -- export ---------------------------------------------------------------------------------------------


def to_document(review: Review, snapshot: str) -> dict[str, Any]:
    """The interchange document of `review`; `snapshot` is the stored forms snapshot JSON."""
    forms = snapshot_data(snapshot)
    p = review.partnership
    assert review.conclusion is not None
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "forms": {"sha256": review.forms.sha256, "framework": forms["framework"], "kind": forms["kind"]},
        "partnership": {
            "id": str(p.id),
            "name": p.name,
            "sectors": [s.value for s in p.sectors],
            "region": p.region,
            "status": p.status.value,
            "stamp": _stamp(p.stamp),
        },
        "review": {
            "id": str(review.id),
            "series_id": str(review.series_id or review.id),
            "previous_revision_id": _id_or_none(review.previous_revision_id),
            "revision": review.revision,
            "title": review.title,
            "kind": review.kind.value,
            "phase": review.phase.value,
            "language": review.language.value,
            "sectors": [s.value for s in review.sectors],
            "visit_dates": [d.isoformat() for d in review.visit_dates],
            "created_at": _timestamp(review.created_at),
            "created_by": review.created_by,
            "adopted_at": _timestamp(review.adopted_at) if review.adopted_at else None,
            "adopted_by": review.adopted_by,
            "stamp": _stamp(review.stamp),
        },
        "members": [
            {
                "id": str(m.id),
                "name": m.name,
                "role": m.role.value,
                "organisation": m.organisation,
                "email": m.email,
                "certificate_fingerprint": m.certificate_fingerprint,
                "stamp": _stamp(m.stamp),
            }
            for m in review.members
        ],
        "conversations": [
            {
                "id": str(c.id),
                "title": c.title,
                "day": c.day.isoformat() if c.day else None,
                "starts_at": c.starts_at.isoformat() if c.starts_at else None,
                "ends_at": c.ends_at.isoformat() if c.ends_at else None,
                "participants": c.participants,
                "location": c.location,
                "member_ids": [str(x) for x in c.member_ids],
                "topics": list(c.topics),
                "stamp": _stamp(c.stamp),
            }
            for c in sorted(review.conversations, key=lambda c: (c.sort_key(), str(c.id)))
        ],
        "development_questions": [
            {
                "id": str(q.id),
                "number": q.number,
                "text": q.text,
                "context": q.context,
                "values": _values(q.values),
                "stamp": _stamp(q.stamp),
            }
            for q in sorted(review.questions, key=lambda q: q.number)
        ],
        "findings": [
            {"id": str(f.id), "criterion_id": f.criterion_id, "values": _values(f.values), "stamp": _stamp(f.stamp)}
            for f in (review.findings[c.id] for c in review.framework.criteria())
        ],
        "member_judgements": [
            {
                "id": str(j.id),
                "member_id": str(j.member_id),
                "criterion_id": j.criterion_id,
                "judgement": j.judgement,
                "motivation": j.motivation,
                "dissent": j.dissent,
                "stamp": _stamp(j.stamp),
            }
            for j in sorted(review.member_judgements, key=lambda j: (j.criterion_id, str(j.member_id)))
        ],
        "notes": [
            {
                "id": str(n.id),
                "author_id": str(n.author_id),
                "conversation_id": _id_or_none(n.conversation_id),
                "text": n.text,
                "criterion_ids": list(n.criterion_ids),
                "created_at": _timestamp(n.created_at),
                "stamp": _stamp(n.stamp),
            }
            for n in sorted(review.notes, key=lambda n: (n.created_at, str(n.id)))
        ],
        "standard_conclusions": [
            _conclusion(review.standard_conclusions[s.id], standard_id=s.id) for s in review.framework.standards
        ],
        "conclusion": _conclusion(review.conclusion),
    }
    if review.factcheck_comments:  # optional: files of reviews without a fact-check round stay as they were
        document["factcheck_comments"] = [
            {
                "id": str(c.id),
                "target": c.target,
                "quoted": c.quoted,
                "comment": c.comment,
                "received_at": _timestamp(c.received_at),
                "decision": c.decision.value,
                "reply": c.reply,
                "decided_at": _timestamp(c.decided_at) if c.decided_at else None,
                "decided_by": c.decided_by,
                "stamp": _stamp(c.stamp),
            }
            for c in sorted(review.factcheck_comments, key=lambda c: (c.received_at, c.target, str(c.id)))
        ]
    return document


def dumps(document: dict[str, Any]) -> bytes:
    """The file content of a document: UTF-8, sorted keys, two-space indent, newline at the end."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def _conclusion(c: StandardConclusion | Conclusion, standard_id: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(c.id),
        "values": _values(c.values),
        "override": c.override,
        "override_reason": c.override_reason,
        "stamp": _stamp(c.stamp),
    }
    if standard_id is not None:
        data["standard_id"] = standard_id
    return data


def _values(values: dict[str, FieldValue]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def _stamp(stamp: Stamp) -> dict[str, Any]:
    assert stamp.updated_at is not None, "records are stamped when stored"
    return {"updated_at": _timestamp(stamp.updated_at), "updated_by": stamp.updated_by, "version": stamp.version}


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _id_or_none(value: UUID | None) -> str | None:
    return str(value) if value else None


# -- import ---------------------------------------------------------------------------------------------


def parse(raw: bytes, source: str) -> dict[str, Any]:
    """Parse and validate a review file completely; raise `ExchangeError` listing every problem."""
    if len(raw) > MAX_BYTES:
        raise ExchangeError(source, [f"the file is larger than {MAX_BYTES // 1024 // 1024} MB"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(source, [f"not UTF-8 text (byte {exc.start}); is this a review JSON file?"]) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise ExchangeError(source, [f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]) from None
    except (ValueError, RecursionError) as exc:
        raise ExchangeError(source, [f"not usable JSON: {exc}"]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(source, [f"not a review file: 'format' must be {FORMAT!r}"])
    if data.get("format_version") != FORMAT_VERSION:
        raise ExchangeError(
            source,
            [
                f"format_version {data.get('format_version')!r} is not supported (this app reads {FORMAT_VERSION}); "
                "a newer app wrote it"
            ],
        )
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        raise ExchangeError(source, [f"{format_path(tuple(e.absolute_path)) or '(top)'}: {e.message}" for e in errors])
    return data


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


@cache
def _validator() -> Any:
    # Imported here: the interface imports this module at start (for ExchangeError), imports are rare.
    import jsonschema  # noqa: PLC0415

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def from_document(data: dict[str, Any], source: str) -> tuple[Review, str]:
    """The review in a validated document and its forms snapshot JSON; raises `ExchangeError`."""
    from peerreview_app.forms.loader import FRAMEWORK, REVIEW_KIND, load_form_data  # noqa: PLC0415 - see _validator

    problems: list[str] = []
    forms_data = data["forms"]
    for key, expected in (("framework", FRAMEWORK), ("kind", REVIEW_KIND)):
        try:
            load_form_data(forms_data[key], f"forms.{key}", expected)
        except FormError as exc:
            problems += [str(p) for p in exc.problems]
    if problems:
        raise ExchangeError(source, problems)
    content, sha256 = snapshot_content(forms_data["framework"], forms_data["kind"])
    if sha256 != forms_data["sha256"]:
        raise ExchangeError(source, ["forms.sha256: does not match the forms in the file; the file was altered"])
    forms = forms_from_snapshot(content, sha256)
    if forms.kind.kind.value != data["review"]["kind"]:
        raise ExchangeError(source, ["review.kind: does not match the review kind of the forms"])
    duplicated = [
        f"{collection}: {key} {value!r} occurs more than once"
        for collection, key in (("findings", "criterion_id"), ("standard_conclusions", "standard_id"))
        for value, count in Counter(item[key] for item in data[collection]).items()
        if count > 1
    ]
    if duplicated:
        raise ExchangeError(source, duplicated)
    try:
        review = _review(data, forms)
    except (ValueError, KeyError) as exc:
        raise ExchangeError(source, [f"a value cannot be read: {exc}"]) from None
    found = integrity_problems(review)
    if found:
        raise ExchangeError(source, found)
    return review, content


def _review(data: dict[str, Any], forms: Any) -> Review:
    r = data["review"]
    p = data["partnership"]
    partnership = Partnership(
        UUID(p["id"]),
        p["name"],
        tuple(Sector(s) for s in p["sectors"]),
        p["region"],
        RecognitionStatus(p["status"]),
        _read_stamp(p["stamp"]),
    )
    review = Review(
        id=UUID(r["id"]),
        title=r["title"],
        forms=forms,
        partnership=partnership,
        created_at=_read_timestamp(r["created_at"]),
        created_by=r["created_by"],
        language=Language(r["language"]),
        sectors=tuple(Sector(s) for s in r["sectors"]),
        visit_dates=tuple(sorted(date.fromisoformat(d) for d in r["visit_dates"])),
        phase=Phase(r["phase"]),
        revision=r["revision"],
        series_id=UUID(r["series_id"]),
        previous_revision_id=UUID(r["previous_revision_id"]) if r["previous_revision_id"] else None,
        adopted_at=_read_timestamp(r["adopted_at"]) if r["adopted_at"] else None,
        adopted_by=r["adopted_by"],
        stamp=_read_stamp(r["stamp"]),
    )
    review.members = [
        PanelMember(
            UUID(m["id"]),
            m["name"],
            Role(m["role"]),
            m["organisation"],
            m["email"],
            m["certificate_fingerprint"],
            _read_stamp(m["stamp"]),
        )
        for m in data["members"]
    ]
    review.conversations = [
        Conversation(
            UUID(c["id"]),
            c["title"],
            date.fromisoformat(c["day"]) if c["day"] else None,
            time.fromisoformat(c["starts_at"]) if c["starts_at"] else None,
            time.fromisoformat(c["ends_at"]) if c["ends_at"] else None,
            c["participants"],
            c["location"],
            tuple(UUID(x) for x in c["member_ids"]),
            tuple(c["topics"]),
            _read_stamp(c["stamp"]),
        )
        for c in data["conversations"]
    ]
    review.questions = [
        DevelopmentQuestion(
            UUID(q["id"]), q["number"], q["text"], _read_values(q["values"]), q["context"], _read_stamp(q["stamp"])
        )
        for q in data["development_questions"]
    ]
    review.findings = {
        f["criterion_id"]: Finding(UUID(f["id"]), f["criterion_id"], _read_values(f["values"]), _read_stamp(f["stamp"]))
        for f in data["findings"]
    }
    review.member_judgements = [
        MemberJudgement(
            UUID(j["id"]),
            UUID(j["member_id"]),
            j["criterion_id"],
            j["judgement"],
            j["motivation"],
            j["dissent"],
            _read_stamp(j["stamp"]),
        )
        for j in data["member_judgements"]
    ]
    review.notes = [
        Note(
            UUID(n["id"]),
            UUID(n["author_id"]),
            n["text"],
            _read_timestamp(n["created_at"]),
            tuple(n["criterion_ids"]),
            UUID(n["conversation_id"]) if n["conversation_id"] else None,
            _read_stamp(n["stamp"]),
        )
        for n in data["notes"]
    ]
    review.standard_conclusions = {
        s["standard_id"]: StandardConclusion(
            UUID(s["id"]),
            s["standard_id"],
            _read_values(s["values"]),
            s["override"],
            s["override_reason"],
            _read_stamp(s["stamp"]),
        )
        for s in data["standard_conclusions"]
    }
    c = data["conclusion"]
    review.conclusion = Conclusion(
        UUID(c["id"]), _read_values(c["values"]), c["override"], c["override_reason"], _read_stamp(c["stamp"])
    )
    review.factcheck_comments = [
        FactCheckComment(
            id=UUID(f["id"]),
            target=f["target"],
            quoted=f["quoted"],
            comment=f["comment"],
            received_at=_read_timestamp(f["received_at"]),
            decision=Decision(f["decision"]),
            reply=f["reply"],
            decided_at=_read_timestamp(f["decided_at"]) if f["decided_at"] else None,
            decided_by=f["decided_by"],
            stamp=_read_stamp(f["stamp"]),
        )
        for f in data.get("factcheck_comments", [])
    ]
    return review


def _read_values(values: dict[str, Any]) -> dict[str, FieldValue]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


def _read_stamp(data: dict[str, Any]) -> Stamp:
    return Stamp(_read_timestamp(data["updated_at"]), data["updated_by"], data["version"])


def _read_timestamp(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"timestamp {text!r} has no time zone")
    return value.astimezone(UTC)
