"""Check that a review assembled from outside (an import, later a merge) is internally consistent."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from peerreview_app.domain.errors import InvalidValueError
from peerreview_app.domain.factcheck import Target, check_target
from peerreview_app.domain.kind import FieldType, Scope, normalise_value
from peerreview_app.domain.partnership import Role
from peerreview_app.domain.records import Values
from peerreview_app.domain.review import Review


def problems(review: Review) -> list[str]:
    """Every inconsistency in `review`, each naming the record; empty when the review is sound."""
    question_ids = {str(q.id) for q in review.questions}
    return [
        *_duplicate_ids(review),
        *_programme(review),
        *_findings(review, question_ids),
        *_member_judgements(review),
        *_conclusions(review, question_ids),
        *_questions(review, question_ids),
        *_factcheck(review),
    ]


def _duplicate_ids(review: Review) -> list[str]:
    ids = [
        review.id,
        *(m.id for m in review.members),
        *(c.id for c in review.conversations),
        *(n.id for n in review.notes),
        *(j.id for j in review.member_judgements),
        *(f.id for f in review.findings.values()),
        *(s.id for s in review.standard_conclusions.values()),
        *(q.id for q in review.questions),
        *(d.id for d in review.documents),
        *(c.id for c in review.factcheck_comments),
    ]
    if review.conclusion is not None:
        ids.append(review.conclusion.id)
    return [f"id {record_id} is used more than once" for record_id, n in Counter(ids).items() if n > 1]


def _programme(review: Review) -> list[str]:
    framework = review.framework
    found = [
        f"members: more than one {role.value}"
        for role in (Role.CHAIR, Role.SECRETARY)
        if len(review.members_with_role(role)) > 1
    ]
    members = {m.id: m for m in review.members}
    conversations = {c.id for c in review.conversations}
    for conversation in review.conversations:
        where = f"conversation {conversation.title!r}"
        found += [f"{where}: unknown member {m}" for m in conversation.member_ids if m not in members]
        found += [
            f"{where}: unknown topic {t!r}"
            for t in conversation.topics
            if not (framework.has_standard(t) or framework.has_criterion(t))
        ]
    for note in review.notes:
        where = f"note {note.id}"
        if note.author_id not in members:
            found.append(f"{where}: unknown author {note.author_id}")
        elif not members[note.author_id].role.on_panel:
            found.append(f"{where}: the author is not on the panel")
        if note.conversation_id is not None and note.conversation_id not in conversations:
            found.append(f"{where}: unknown conversation {note.conversation_id}")
        found += [f"{where}: unknown criterion {c!r}" for c in note.criterion_ids if not framework.has_criterion(c)]
    return found


def _findings(review: Review, question_ids: set[str]) -> list[str]:
    framework = review.framework
    found = [f"findings: no finding for criterion {c.id}" for c in framework.criteria() if c.id not in review.findings]
    for criterion_id, finding in review.findings.items():
        if not framework.has_criterion(criterion_id) or finding.criterion_id != criterion_id:
            found.append(f"findings: unknown criterion {criterion_id!r}")
            continue
        found += _values(review, Scope.CRITERION, criterion_id, finding.values, question_ids)
    return found


def _member_judgements(review: Review) -> list[str]:
    kind = review.forms.kind
    scale = kind.criterion_scale()
    members = {m.id for m in review.members}
    found = []
    pairs: Counter[tuple[UUID, str]] = Counter()
    for judgement in review.member_judgements:
        where = f"member judgement {judgement.id}"
        pairs[(judgement.member_id, judgement.criterion_id)] += 1
        if judgement.member_id not in members:
            found.append(f"{where}: unknown member {judgement.member_id}")
        if not review.framework.has_criterion(judgement.criterion_id):
            found.append(f"{where}: unknown criterion {judgement.criterion_id!r}")
        if scale is None or not kind.member_judgements:
            found.append(f"{where}: a {review.kind.value} review has no member judgements")
        elif judgement.judgement is not None and judgement.judgement not in scale.ids():
            found.append(f"{where}: {judgement.judgement!r} is not one of {', '.join(scale.ids())}")
    found += [f"member judgements: {c} has two judgements by member {m}" for (m, c), n in pairs.items() if n > 1]
    return found


def _conclusions(review: Review, question_ids: set[str]) -> list[str]:
    framework = review.framework
    found = []
    for standard in framework.standards:
        conclusion = review.standard_conclusions.get(standard.id)
        if conclusion is None:
            found.append(f"standard conclusions: none for {standard.id}")
            continue
        found += _values(review, Scope.STANDARD, standard.id, conclusion.values, question_ids)
        found += _override(review, standard.id, conclusion.override, conclusion.override_reason, "standard")
    found += [
        f"standard conclusions: unknown standard {s!r}"
        for s in review.standard_conclusions
        if not framework.has_standard(s)
    ]
    if review.conclusion is None:
        found.append("conclusion: missing")
    else:
        overall = review.conclusion
        found += _values(review, Scope.CONCLUSION, "conclusion", overall.values, question_ids)
        found += _override(review, "conclusion", overall.override, overall.override_reason, "overall")
    return found


def _questions(review: Review, question_ids: set[str]) -> list[str]:
    found = []
    numbers = [q.number for q in review.questions]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        found.append("development questions: numbers must run 1, 2, 3, …")
    if review.questions and not review.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION):
        found.append(f"development questions: a {review.kind.value} review has none")
    for question in review.questions:
        where = f"question {question.number}"
        found += _values(review, Scope.DEVELOPMENT_QUESTION, where, question.values, question_ids)
    return found


def _values(review: Review, scope: Scope, where: str, values: Values, question_ids: set[str]) -> list[str]:
    kind = review.forms.kind
    found = []
    specs = {spec.id: spec for spec in kind.fields_for(scope)}
    found += [f"{where}: unknown field {key!r}" for key in values if key not in specs]
    for field_id, spec in specs.items():
        if field_id not in values:
            found.append(f"{where}: field {field_id!r} is missing")
            continue
        value = values[field_id]
        try:
            normalised = normalise_value(spec, value, kind.scales)
        except InvalidValueError as exc:
            found.append(f"{where}: {exc}")
            continue
        if normalised != value:
            found.append(f"{where}: {field_id}: value is not in canonical form")
        if spec.type is FieldType.QUESTION_LINKS and isinstance(value, tuple):
            found += [f"{where}: {field_id}: unknown development question {v}" for v in value if v not in question_ids]
    return found


def _override(review: Review, where: str, override: str | None, reason: str, level: str) -> list[str]:
    if override is None:
        return []
    derivation = review.forms.kind.derivation
    if derivation is None:
        return [f"{where}: a {review.kind.value} review has no judgement to override"]
    scale = review.forms.kind.scale(derivation.standard_scale if level == "standard" else derivation.overall_scale)
    if override not in scale.ids():
        return [f"{where}: override {override!r} is not one of {', '.join(scale.ids())}"]
    if derivation.override_requires_reason and not reason.strip():
        return [f"{where}: the override has no reason"]
    return []


def _factcheck(review: Review) -> list[str]:
    found = []
    for comment in review.factcheck_comments:
        try:
            check_target(review, Target.parse(comment.target))
        except InvalidValueError as exc:
            found.append(f"fact-check comment {comment.id}: {exc}")
    return found
