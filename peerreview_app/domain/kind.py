"""Review kinds and their forms: which fields a review gets, its judgement scales and rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .errors import InvalidValueError
from .text import LocalizedText


class ReviewKind(StrEnum):
    """The two kinds of peer review."""

    DEVELOPMENTAL = "developmental"  # ontwikkelingsgericht
    ASSESSMENT = "assessment"  # beoordelingsgericht


class Judgement(StrEnum):
    """Ids of the judgement values in the shipped forms; a form may define other scales."""

    MEETS = "meets"  # voldoet
    DOES_NOT_MEET = "does_not_meet"  # voldoet niet
    SUFFICIENT = "sufficient"  # basiskwaliteit voldoende
    INSUFFICIENT = "insufficient"  # basiskwaliteit onvoldoende


class Scope(StrEnum):
    """Where a field of a review kind lives."""

    CRITERION = "criterion"
    STANDARD = "standard"
    CONCLUSION = "conclusion"
    DEVELOPMENT_QUESTION = "development_question"


class FieldType(StrEnum):
    """What a field holds: free text, a bullet list, a judgement or links to development questions."""

    TEXT = "text"
    LIST = "list"
    JUDGEMENT = "judgement"
    QUESTION_LINKS = "question_links"


FieldValue = str | tuple[str, ...] | None
"""A field's value: text (``str``), a list or links (``tuple``), or a judgement id (``str``) or ``None``."""

MAX_TEXT_LENGTH = 100_000
"""The longest text one field may hold; about forty pages, far beyond any finding."""


@dataclass(frozen=True, slots=True)
class ScaleValue:
    """One value of a judgement scale, e.g. *voldoet*."""

    id: str
    label: LocalizedText
    positive: bool


@dataclass(frozen=True, slots=True)
class JudgementScale:
    """An ordered set of judgement values."""

    id: str
    values: tuple[ScaleValue, ...]

    def value(self, value_id: str) -> ScaleValue:
        for value in self.values:
            if value.id == value_id:
                return value
        allowed = ", ".join(v.id for v in self.values)
        raise InvalidValueError(f"{value_id!r} is not one of {allowed}")

    def ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.values)

    @property
    def first_positive(self) -> str:
        return next(v.id for v in self.values if v.positive)

    @property
    def first_negative(self) -> str:
        return next(v.id for v in self.values if not v.positive)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A field a review kind gives to each criterion, standard, development question or the conclusion."""

    id: str
    type: FieldType
    label: LocalizedText
    required: bool = False
    scale: str | None = None
    help: LocalizedText | None = None

    def empty_value(self) -> FieldValue:
        if self.type in (FieldType.LIST, FieldType.QUESTION_LINKS):
            return ()
        if self.type is FieldType.JUDGEMENT:
            return None
        return ""


@dataclass(frozen=True, slots=True)
class DerivationRule:
    """A named rule from `rules.RULES` with its parameters, as the form configures it."""

    rule: str
    params: tuple[tuple[str, int], ...] = ()

    def param(self, name: str, default: int) -> int:
        return dict(self.params).get(name, default)


@dataclass(frozen=True, slots=True)
class Derivation:
    """How standard and overall judgements follow from the criterion judgements."""

    criterion_field: str
    standard_scale: str
    overall_scale: str
    standard_rule: DerivationRule
    overall_rule: DerivationRule
    override_requires_reason: bool = True


@dataclass(frozen=True, slots=True)
class KindDefinition:
    """The form of a review kind, as loaded from a form file."""

    id: str
    version: str
    kind: ReviewKind
    name: LocalizedText
    description: LocalizedText
    fields: dict[Scope, tuple[FieldSpec, ...]]
    scales: dict[str, JudgementScale]
    derivation: Derivation | None
    member_judgements: bool
    review_rules: tuple[str, ...]
    report_sections: tuple[str, ...]
    frameworks: tuple[str, ...] = ()
    # Panel roles that sign the report, in signing order (role values of `partnership.Role`).
    report_signers: tuple[str, ...] = ("secretary", "chair")
    _index: dict[tuple[Scope, str], FieldSpec] = field(init=False, repr=False, compare=False)
    _empty: dict[Scope, dict[str, FieldValue]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {(scope, spec.id): spec for scope, specs in self.fields.items() for spec in specs}
        object.__setattr__(self, "_index", index)
        empty = {scope: {spec.id: spec.empty_value() for spec in specs} for scope, specs in self.fields.items()}
        object.__setattr__(self, "_empty", empty)

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def fields_for(self, scope: Scope) -> tuple[FieldSpec, ...]:
        return self.fields.get(scope, ())

    def field(self, scope: Scope, field_id: str) -> FieldSpec:
        try:
            return self._index[(scope, field_id)]
        except KeyError:
            known = ", ".join(f.id for f in self.fields_for(scope)) or "none"
            raise InvalidValueError(f"the {scope.value} has no field {field_id!r} (fields: {known})") from None

    def scale(self, scale_id: str) -> JudgementScale:
        try:
            return self.scales[scale_id]
        except KeyError:
            raise InvalidValueError(f"unknown judgement scale {scale_id!r}") from None

    def criterion_scale(self) -> JudgementScale | None:
        """The scale of the criterion judgement that derivation and member judgements use."""
        if self.derivation is None:
            return None
        return self.scale(self.field(Scope.CRITERION, self.derivation.criterion_field).scale or "")

    def empty_values(self, scope: Scope) -> dict[str, FieldValue]:
        """A new dict with every field of `scope` empty (values are immutable, so a shallow copy will do)."""
        return dict(self._empty.get(scope, {}))


def normalise_value(spec: FieldSpec, value: object, scales: dict[str, JudgementScale]) -> FieldValue:
    """Check `value` against `spec` and return it in canonical form; raise `InvalidValueError` if it does not fit."""
    if spec.type is FieldType.TEXT:
        if not isinstance(value, str):
            raise InvalidValueError(f"{spec.id}: expected text")
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        _check_length(spec, text)
        return text
    if spec.type in (FieldType.LIST, FieldType.QUESTION_LINKS):
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise InvalidValueError(f"{spec.id}: expected a list of texts")
        items: list[str] = []
        for item in value:
            if not isinstance(item, str):
                raise InvalidValueError(f"{spec.id}: every item must be text")
            _check_length(spec, item)
            if item.strip():
                items.append(item.strip() if spec.type is FieldType.QUESTION_LINKS else item)
        return tuple(items)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidValueError(f"{spec.id}: expected a judgement")
    try:
        scales[spec.scale or ""].value(value)
    except KeyError:
        raise InvalidValueError(f"{spec.id}: unknown judgement scale {spec.scale!r}") from None
    except InvalidValueError as exc:
        raise InvalidValueError(f"{spec.id}: {exc}") from None
    return value


def is_empty(value: FieldValue) -> bool:
    """Whether a field value counts as not filled in."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return not any(item.strip() for item in value)


def _check_length(spec: FieldSpec, text: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidValueError(
            f"{spec.id}: text of {len(text):,} characters is longer than the {MAX_TEXT_LENGTH:,} allowed"
        )


REPORT_SECTIONS = (
    "cover",
    "contents",
    "introduction",
    "process",
    "standards",
    "development_questions",
    "conclusion",
    "overview",
    "annexes",
    "signatures",
)
"""The report sections a review kind can put in its report, in any order."""
