"""The review aggregate: one peer review with its panel, programme, notes, findings and conclusions.

Every change goes through a method here, so that the rules hold everywhere: an adopted review is read-only,
values fit their fields, and references (criteria, members, questions, conversations) resolve.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from uuid import UUID, uuid4

from .documents import Document, DocumentKind, check_document
from .errors import DomainError, InvalidValueError, ReviewLockedError, TransitionError, UnknownReferenceError
from .factcheck import FactCheckComment
from .framework import Framework
from .kind import MAX_TEXT_LENGTH, FieldType, FieldValue, KindDefinition, ReviewKind, Scope, normalise_value
from .partnership import PanelMember, Partnership, Role, Sector, Stamp, missing_panel_roles
from .phases import Phase, allowed_targets
from .records import (
    Conclusion,
    Conversation,
    DevelopmentQuestion,
    Finding,
    MemberJudgement,
    Note,
    StandardConclusion,
)
from .rules import derive
from .text import Language

IdFactory = Callable[[], UUID]


@dataclass(frozen=True, slots=True)
class Forms:
    """The framework and review-kind form a review was started with, and the hash of their snapshot."""

    framework: Framework
    kind: KindDefinition
    sha256: str


@dataclass(slots=True)
class Review:
    """A peer review of one partnership, of one kind, against one framework version."""

    id: UUID
    title: str
    forms: Forms
    partnership: Partnership
    created_at: datetime
    created_by: str
    language: Language = Language.NL
    sectors: tuple[Sector, ...] = ()
    visit_dates: tuple[date, ...] = ()
    phase: Phase = Phase.PREPARATION
    revision: int = 1
    series_id: UUID | None = None  # shared by all revisions of one review
    previous_revision_id: UUID | None = None
    adopted_at: datetime | None = None
    adopted_by: str = ""
    members: list[PanelMember] = field(default_factory=list)
    conversations: list[Conversation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    findings: dict[str, Finding] = field(default_factory=dict)
    member_judgements: list[MemberJudgement] = field(default_factory=list)
    standard_conclusions: dict[str, StandardConclusion] = field(default_factory=dict)
    conclusion: Conclusion | None = None
    questions: list[DevelopmentQuestion] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    factcheck_comments: list[FactCheckComment] = field(default_factory=list)
    stamp: Stamp = field(default_factory=Stamp)

    # -- creation ---------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        *,
        title: str,
        forms: Forms,
        partnership: Partnership,
        created_at: datetime,
        created_by: str,
        language: Language = Language.NL,
        sectors: Iterable[Sector] = (),
        visit_dates: Iterable[date] = (),
        new_id: IdFactory = uuid4,
    ) -> Review:
        """A new review in voorbereiding, with an empty finding for every criterion of the framework."""
        title = title.strip()
        if not title:
            raise InvalidValueError("a review needs a title")
        review_id = new_id()
        kind = forms.kind
        review = cls(
            id=review_id,
            title=title,
            forms=forms,
            partnership=partnership,
            created_at=created_at,
            created_by=created_by,
            language=language,
            sectors=tuple(sectors) or partnership.sectors,
            visit_dates=tuple(sorted(set(visit_dates))),
            series_id=review_id,
        )
        review.findings = {
            c.id: Finding(new_id(), c.id, kind.empty_values(Scope.CRITERION)) for c in forms.framework.criteria()
        }
        review.standard_conclusions = {
            s.id: StandardConclusion(new_id(), s.id, kind.empty_values(Scope.STANDARD))
            for s in forms.framework.standards
        }
        review.conclusion = Conclusion(new_id(), kind.empty_values(Scope.CONCLUSION))
        return review

    # -- reading ----------------------------------------------------------------------------------------

    @property
    def kind(self) -> ReviewKind:
        return self.forms.kind.kind

    @property
    def framework(self) -> Framework:
        return self.forms.framework

    @property
    def locked(self) -> bool:
        return self.phase.locked

    def member(self, member_id: UUID) -> PanelMember:
        for member in self.members:
            if member.id == member_id:
                return member
        raise UnknownReferenceError(f"no panel member with id {member_id} in this review")

    def members_with_role(self, role: Role) -> list[PanelMember]:
        return [m for m in self.members if m.role is role]

    def conversation(self, conversation_id: UUID) -> Conversation:
        for conversation in self.conversations:
            if conversation.id == conversation_id:
                return conversation
        raise UnknownReferenceError(f"no conversation with id {conversation_id} in this review")

    def question(self, question_id: UUID) -> DevelopmentQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise UnknownReferenceError(f"no development question with id {question_id} in this review")

    def note(self, note_id: UUID) -> Note:
        for note in self.notes:
            if note.id == note_id:
                return note
        raise UnknownReferenceError(f"no note with id {note_id} in this review")

    def document(self, document_id: UUID) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise UnknownReferenceError(f"no document with id {document_id} in this review")

    def finding(self, criterion_id: str) -> Finding:
        self.framework.criterion(criterion_id)
        return self.findings[criterion_id]

    def notes_for_criterion(self, criterion_id: str) -> list[Note]:
        return [n for n in self.notes if criterion_id in n.criterion_ids]

    def judgements_for_criterion(self, criterion_id: str) -> list[MemberJudgement]:
        return [j for j in self.member_judgements if j.criterion_id == criterion_id]

    def panel_judgement(self, criterion_id: str) -> str | None:
        """The panel's judgement on a criterion (assessment kind), or None."""
        derivation = self.forms.kind.derivation
        if derivation is None:
            return None
        value = self.finding(criterion_id).values.get(derivation.criterion_field)
        return value if isinstance(value, str) and value else None

    def derived_standard_judgement(self, standard_id: str) -> str | None:
        """The standard's judgement as the form's rule derives it from its criteria."""
        kind = self.forms.kind
        derivation = kind.derivation
        if derivation is None:
            return None
        source = kind.criterion_scale()
        assert source is not None  # a derivation always has a criterion scale (checked on load)
        judgements = [self.panel_judgement(c.id) for c in self.framework.standard(standard_id).criteria]
        return derive(judgements, source, kind.scale(derivation.standard_scale), derivation.standard_rule)

    def standard_judgement(self, standard_id: str) -> str | None:
        """The standard's effective judgement: the reasoned override where there is one, else the derived."""
        conclusion = self.standard_conclusions[standard_id]
        return conclusion.override or self.derived_standard_judgement(standard_id)

    def derived_overall_judgement(self) -> str | None:
        kind = self.forms.kind
        derivation = kind.derivation
        if derivation is None:
            return None
        judgements = [self.standard_judgement(s.id) for s in self.framework.standards]
        return derive(
            judgements,
            kind.scale(derivation.standard_scale),
            kind.scale(derivation.overall_scale),
            derivation.overall_rule,
        )

    def overall_judgement(self) -> str | None:
        assert self.conclusion is not None
        return self.conclusion.override or self.derived_overall_judgement()

    # -- editing ----------------------------------------------------------------------------------------

    def ensure_editable(self) -> None:
        """Raise `ReviewLockedError` if the review is adopted or later."""
        if self.locked:
            raise ReviewLockedError(
                f"review {self.title!r} (revision {self.revision}) is {self.phase.value} and read-only; "
                "start a new revision to change it"
            )

    def set_details(
        self,
        *,
        title: str | None = None,
        language: Language | None = None,
        sectors: Iterable[Sector] | None = None,
        visit_dates: Iterable[date] | None = None,
    ) -> None:
        self.ensure_editable()
        if title is not None:
            if not title.strip():
                raise InvalidValueError("a review needs a title")
            self.title = title.strip()
        if language is not None:
            self.language = Language(language)
        if sectors is not None:
            self.sectors = tuple(dict.fromkeys(Sector(s) for s in sectors))
        if visit_dates is not None:
            self.visit_dates = tuple(sorted(set(visit_dates)))

    def add_member(self, member: PanelMember) -> None:
        """Add a person to the panel; a panel has one voorzitter and one secretaris at most."""
        self.ensure_editable()
        if not member.name.strip():
            raise InvalidValueError("a panel member needs a name")
        if any(m.id == member.id for m in self.members):
            raise InvalidValueError(f"panel member {member.id} is already in this review")
        self._check_unique_role(member.role, member.id)
        self.members.append(member)

    def update_member(self, member_id: UUID, **changes: object) -> None:
        self.ensure_editable()
        member = self.member(member_id)
        updated = replace(member, **changes)  # type: ignore[arg-type]
        if not updated.name.strip():
            raise InvalidValueError("a panel member needs a name")
        updated.role = Role(updated.role)
        self._check_unique_role(updated.role, member_id)
        self.members[self.members.index(member)] = updated

    def remove_member(self, member_id: UUID) -> None:
        """Remove a panel member who has not written anything yet."""
        self.ensure_editable()
        member = self.member(member_id)
        if any(n.author_id == member_id for n in self.notes) or any(
            j.member_id == member_id for j in self.member_judgements
        ):
            raise DomainError(f"{member.name} has notes or judgements in this review and cannot be removed")
        self.members.remove(member)
        for conversation in self.conversations:
            conversation.member_ids = tuple(m for m in conversation.member_ids if m != member_id)

    def _check_unique_role(self, role: Role, member_id: UUID) -> None:
        if role in (Role.CHAIR, Role.SECRETARY) and any(m.role is role and m.id != member_id for m in self.members):
            raise InvalidValueError(f"the panel already has a {role.value}; a panel has exactly one")

    def add_conversation(self, conversation: Conversation) -> None:
        self.ensure_editable()
        self._check_conversation(conversation)
        self.conversations.append(conversation)
        self.conversations.sort(key=Conversation.sort_key)

    def update_conversation(self, conversation_id: UUID, **changes: object) -> None:
        self.ensure_editable()
        current = self.conversation(conversation_id)
        updated = replace(current, **changes)  # type: ignore[arg-type]
        self._check_conversation(updated)
        self.conversations[self.conversations.index(current)] = updated
        self.conversations.sort(key=Conversation.sort_key)

    def remove_conversation(self, conversation_id: UUID) -> None:
        self.ensure_editable()
        conversation = self.conversation(conversation_id)
        if any(n.conversation_id == conversation_id for n in self.notes):
            raise DomainError(f"conversation {conversation.title!r} has notes and cannot be removed")
        self.conversations.remove(conversation)

    def _check_conversation(self, conversation: Conversation) -> None:
        if not conversation.title.strip():
            raise InvalidValueError("a conversation needs a title (the group the panel talks with)")
        if conversation.starts_at and conversation.ends_at and conversation.ends_at <= conversation.starts_at:
            raise InvalidValueError(f"conversation {conversation.title!r} ends before it starts")
        for member_id in conversation.member_ids:
            self.member(member_id)
        for topic in conversation.topics:
            if not (self.framework.has_standard(topic) or self.framework.has_criterion(topic)):
                raise UnknownReferenceError(f"unknown standard or criterion {topic!r} on the agenda")

    def add_note(self, note: Note) -> None:
        """Add a note by one panel member, tagged to criteria and/or written during a conversation."""
        self.ensure_editable()
        self._check_note(note)
        self.notes.append(note)

    def update_note(
        self, note_id: UUID, *, text: str | None = None, criterion_ids: Iterable[str] | None = None
    ) -> None:
        self.ensure_editable()
        current = self.note(note_id)
        updated = replace(
            current,
            text=current.text if text is None else text,
            criterion_ids=current.criterion_ids if criterion_ids is None else tuple(criterion_ids),
        )
        self._check_note(updated)
        self.notes[self.notes.index(current)] = updated

    def remove_note(self, note_id: UUID) -> None:
        self.ensure_editable()
        self.notes.remove(self.note(note_id))

    def _check_note(self, note: Note) -> None:
        author = self.member(note.author_id)
        if not author.role.on_panel:
            raise InvalidValueError(f"{author.name} is not on the panel and cannot write notes")
        if note.conversation_id is not None:
            self.conversation(note.conversation_id)
        for criterion_id in note.criterion_ids:
            self.framework.criterion(criterion_id)
        _check_text("note", note.text)

    def set_finding_value(self, criterion_id: str, field_id: str, value: object) -> FieldValue:
        """Set one field of the panel's finding on a criterion; answers the stored (normalised) value."""
        self.ensure_editable()
        finding = self.finding(criterion_id)
        normalised = self._normalise(Scope.CRITERION, field_id, value)
        finding.values = {**finding.values, field_id: normalised}
        return normalised

    def set_member_judgement(
        self,
        member_id: UUID,
        criterion_id: str,
        judgement: str | None,
        *,
        motivation: str = "",
        dissent: str = "",
        new_id: IdFactory = uuid4,
    ) -> MemberJudgement:
        """Record a member's provisional judgement (assessment kind); one per member and criterion."""
        self.ensure_editable()
        kind = self.forms.kind
        scale = kind.criterion_scale()
        if not kind.member_judgements or scale is None:
            raise DomainError(f"a {self.kind.value} review has no provisional judgements")
        member = self.member(member_id)
        if not member.role.on_panel:
            raise InvalidValueError(f"{member.name} is not on the panel")
        self.framework.criterion(criterion_id)
        if judgement:
            scale.value(judgement)
        _check_text("motivation", motivation)
        _check_text("dissent", dissent)
        for existing in self.member_judgements:
            if existing.member_id == member_id and existing.criterion_id == criterion_id:
                existing.judgement = judgement or None
                existing.motivation = motivation
                existing.dissent = dissent
                return existing
        created = MemberJudgement(new_id(), member_id, criterion_id, judgement or None, motivation, dissent)
        self.member_judgements.append(created)
        return created

    def set_standard_value(self, standard_id: str, field_id: str, value: object) -> FieldValue:
        self.ensure_editable()
        self.framework.standard(standard_id)
        conclusion = self.standard_conclusions[standard_id]
        normalised = self._normalise(Scope.STANDARD, field_id, value)
        conclusion.values = {**conclusion.values, field_id: normalised}
        return normalised

    def set_standard_override(self, standard_id: str, judgement: str | None, reason: str = "") -> None:
        """Deviate from the derived standard judgement; the form decides whether a reason is required."""
        self.ensure_editable()
        self.framework.standard(standard_id)
        target = self.standard_conclusions[standard_id]
        scale_id = self._override_scale("standard")
        target.override, target.override_reason = self._checked_override(scale_id, judgement, reason)

    def set_conclusion_value(self, field_id: str, value: object) -> FieldValue:
        self.ensure_editable()
        assert self.conclusion is not None
        normalised = self._normalise(Scope.CONCLUSION, field_id, value)
        self.conclusion.values = {**self.conclusion.values, field_id: normalised}
        return normalised

    def set_overall_override(self, judgement: str | None, reason: str = "") -> None:
        self.ensure_editable()
        assert self.conclusion is not None
        scale_id = self._override_scale("overall")
        self.conclusion.override, self.conclusion.override_reason = self._checked_override(scale_id, judgement, reason)

    def _override_scale(self, level: str) -> str:
        derivation = self.forms.kind.derivation
        if derivation is None:
            raise DomainError(f"a {self.kind.value} review has no judgements to override")
        return derivation.standard_scale if level == "standard" else derivation.overall_scale

    def _checked_override(self, scale_id: str, judgement: str | None, reason: str) -> tuple[str | None, str]:
        if not judgement:
            return None, ""
        self.forms.kind.scale(scale_id).value(judgement)
        derivation = self.forms.kind.derivation
        assert derivation is not None
        if derivation.override_requires_reason and not reason.strip():
            raise InvalidValueError("deviating from the derived judgement requires a written reason")
        _check_text("reason", reason)
        return judgement, reason

    def add_question(self, question: DevelopmentQuestion) -> None:
        """Add an ontwikkelvraag of the receiving partnership (developmental kind)."""
        self.ensure_editable()
        if not self.forms.kind.fields_for(Scope.DEVELOPMENT_QUESTION):
            raise DomainError(f"a {self.kind.value} review has no development questions")
        if not question.text.strip():
            raise InvalidValueError("a development question needs a text")
        _check_text("question", question.text)
        self.questions.append(question)
        self._renumber_questions()

    def update_question(self, question_id: UUID, *, text: str | None = None, context: str | None = None) -> None:
        self.ensure_editable()
        question = self.question(question_id)
        if text is not None:
            if not text.strip():
                raise InvalidValueError("a development question needs a text")
            _check_text("question", text)
            question.text = text
        if context is not None:
            _check_text("context", context)
            question.context = context

    def set_question_value(self, question_id: UUID, field_id: str, value: object) -> FieldValue:
        self.ensure_editable()
        question = self.question(question_id)
        normalised = self._normalise(Scope.DEVELOPMENT_QUESTION, field_id, value)
        question.values = {**question.values, field_id: normalised}
        return normalised

    def remove_question(self, question_id: UUID) -> None:
        """Remove a development question, and every link to it wherever the form has question links."""
        self.ensure_editable()
        self.questions.remove(self.question(question_id))
        gone = str(question_id)
        self._rewrite_question_links(lambda link: None if link == gone else link)
        self._renumber_questions()

    def add_document(self, document: Document) -> None:
        """Attach a document; the same content (SHA-256) is attached to a review once."""
        self.ensure_editable()
        check_document(document)
        document.kind = DocumentKind(document.kind)
        if any(d.id == document.id for d in self.documents):
            raise InvalidValueError(f"document {document.id} is already in this review")
        for existing in self.documents:
            if existing.sha256 == document.sha256:
                raise InvalidValueError(
                    f"{document.name!r} has the same content as {existing.name!r}, which is already attached"
                )
        self.documents.append(document)

    def remove_document(self, document_id: UUID) -> None:
        self.ensure_editable()
        self.documents.remove(self.document(document_id))

    def _value_holders(self) -> list[tuple[Scope, Finding | StandardConclusion | Conclusion | DevelopmentQuestion]]:
        holders: list[tuple[Scope, Finding | StandardConclusion | Conclusion | DevelopmentQuestion]] = [
            *((Scope.CRITERION, f) for f in self.findings.values()),
            *((Scope.STANDARD, c) for c in self.standard_conclusions.values()),
            *((Scope.DEVELOPMENT_QUESTION, q) for q in self.questions),
        ]
        if self.conclusion is not None:
            holders.append((Scope.CONCLUSION, self.conclusion))
        return holders

    def _rewrite_question_links(self, rewrite: Callable[[str], str | None]) -> None:
        """Apply `rewrite` to every question link in every scope; a None result drops the link."""
        kind = self.forms.kind
        for scope, holder in self._value_holders():
            for spec in kind.fields_for(scope):
                links = holder.values.get(spec.id)
                if spec.type is FieldType.QUESTION_LINKS and isinstance(links, tuple) and links:
                    kept = tuple(new for new in (rewrite(link) for link in links) if new is not None)
                    if kept != links:
                        holder.values = {**holder.values, spec.id: kept}

    def _renumber_questions(self) -> None:
        for number, question in enumerate(sorted(self.questions, key=lambda q: q.number), start=1):
            question.number = number
        self.questions.sort(key=lambda q: q.number)

    def _normalise(self, scope: Scope, field_id: str, value: object) -> FieldValue:
        kind = self.forms.kind
        spec = kind.field(scope, field_id)
        normalised = normalise_value(spec, value, kind.scales)
        if spec.type is FieldType.QUESTION_LINKS and isinstance(normalised, tuple):
            known = {str(q.id) for q in self.questions}
            for link in normalised:
                if link not in known:
                    raise UnknownReferenceError(f"{field_id}: no development question {link!r}")
        return normalised

    # -- workflow ---------------------------------------------------------------------------------------

    def move_to(self, target: Phase, *, actor: str, now: datetime, problems: Iterable[str] = ()) -> None:
        """Move the review to another phase, checking the transition and its conditions.

        `problems` are the open completeness items (rendered); adoption is refused while there are any.
        """
        target = Phase(target)
        if target not in allowed_targets(self.phase):
            raise TransitionError(f"a review cannot go from {self.phase.value} to {target.value}")
        if target is Phase.VISIT and self.phase is Phase.PREPARATION:
            missing = self.panel_role_problems()
            if missing:
                raise TransitionError("the panel is not complete", tuple(missing))
        if target is Phase.ADOPTED:
            open_items = tuple(problems)
            if open_items:
                raise TransitionError("the review is not complete", open_items)
            self.adopted_at = now
            self.adopted_by = actor
        self.phase = target

    def panel_role_problems(self) -> list[str]:
        """The roles the panel still lacks (role ids): exactly one chair and one secretary."""
        return [role.value for role in missing_panel_roles(m.role for m in self.members)]

    def new_revision(self, *, created_at: datetime, created_by: str, new_id: IdFactory = uuid4) -> Review:
        """A correction of an adopted review: a copy in rapportage with the next revision number.

        The adopted review stays as it is; every record of the copy gets a new id.
        """
        if self.phase is not Phase.ADOPTED and self.phase is not Phase.FOLLOW_UP:
            raise TransitionError("only an adopted review can get a new revision")
        clone = copy.deepcopy(self)
        clone.forms = self.forms  # immutable, shared
        clone.factcheck_comments = []  # the fact-check round belongs to the adopted report
        clone.partnership = self.partnership
        member_ids = {m.id: new_id() for m in clone.members}
        conversation_ids = {c.id: new_id() for c in clone.conversations}
        question_ids = {q.id: new_id() for q in clone.questions}
        links = {str(old): str(new) for old, new in question_ids.items()}
        for member in clone.members:
            member.id = member_ids[member.id]
        for conversation in clone.conversations:
            conversation.id = conversation_ids[conversation.id]
            conversation.member_ids = tuple(member_ids[m] for m in conversation.member_ids)
        for note in clone.notes:
            note.id = new_id()
            note.author_id = member_ids[note.author_id]
            if note.conversation_id is not None:
                note.conversation_id = conversation_ids[note.conversation_id]
        for judgement in clone.member_judgements:
            judgement.id = new_id()
            judgement.member_id = member_ids[judgement.member_id]
        for question in clone.questions:
            question.id = question_ids[question.id]
        for document in clone.documents:
            document.id = new_id()  # the content (sha256) stays shared with the adopted revision
        for finding in clone.findings.values():
            finding.id = new_id()
        clone._rewrite_question_links(lambda link: links.get(link, link))
        for conclusion in clone.standard_conclusions.values():
            conclusion.id = new_id()
        assert clone.conclusion is not None
        clone.conclusion.id = new_id()
        records: list[object] = [
            *clone.members,
            *clone.conversations,
            *clone.notes,
            *clone.member_judgements,
            *clone.questions,
            *clone.documents,
            *clone.findings.values(),
            *clone.standard_conclusions.values(),
            clone.conclusion,
        ]
        for record in records:
            record.stamp = Stamp()  # type: ignore[attr-defined]
        clone.id = new_id()
        clone.revision = self.revision + 1
        clone.previous_revision_id = self.id
        clone.series_id = self.series_id or self.id
        clone.phase = Phase.REPORTING
        clone.adopted_at = None
        clone.adopted_by = ""
        clone.created_at = created_at
        clone.created_by = created_by
        clone.stamp = Stamp()
        return clone


def _check_text(what: str, text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValueError(f"{what}: text of {len(text):,} characters is longer than {MAX_TEXT_LENGTH:,}")
