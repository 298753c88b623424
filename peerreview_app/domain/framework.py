"""A quality framework (kwaliteitskader): standards (waarborgen) made concrete in criteria (kenmerken)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .errors import UnknownReferenceError
from .text import LocalizedText


@dataclass(frozen=True, slots=True)
class CoreFunction:
    """A core function (kernfunctie) such as opleiden, begeleiden or professionaliseren."""

    id: str
    label: LocalizedText


@dataclass(frozen=True, slots=True)
class Criterion:
    """A kenmerk: the minimum in which a standard must be visible."""

    id: str
    standard_id: str
    title: LocalizedText
    description: LocalizedText
    baseline: LocalizedText
    ambition: LocalizedText
    core_functions: tuple[str, ...]
    guiding_questions: tuple[LocalizedText, ...]


@dataclass(frozen=True, slots=True)
class Standard:
    """A waarborg, stated at basiskwaliteit (baseline) and at ambitieniveau (ambition)."""

    id: str
    number: int
    title: LocalizedText
    description: LocalizedText
    baseline: LocalizedText
    ambition: LocalizedText
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class Framework:
    """A version of a quality framework, as loaded from a form file."""

    id: str
    version: str
    status: str
    name: LocalizedText
    source_note: LocalizedText
    regulation: LocalizedText
    core_functions: tuple[CoreFunction, ...]
    standards: tuple[Standard, ...]
    adopted_on: date | None = None
    _criteria: dict[str, Criterion] = field(init=False, repr=False, compare=False)
    _standards: dict[str, Standard] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen for safety, indexed once because every lookup in a review goes through here.
        object.__setattr__(self, "_standards", {s.id: s for s in self.standards})
        object.__setattr__(self, "_criteria", {c.id: c for s in self.standards for c in s.criteria})

    @property
    def key(self) -> str:
        """Identifies this framework version, e.g. ``kwaliteitskader-so@2021.1-werkversie``."""
        return f"{self.id}@{self.version}"

    def criteria(self) -> Iterator[Criterion]:
        """All criteria in framework order."""
        for standard in self.standards:
            yield from standard.criteria

    def criterion(self, criterion_id: str) -> Criterion:
        try:
            return self._criteria[criterion_id]
        except KeyError:
            raise UnknownReferenceError(f"unknown criterion {criterion_id!r}") from None

    def standard(self, standard_id: str) -> Standard:
        try:
            return self._standards[standard_id]
        except KeyError:
            raise UnknownReferenceError(f"unknown standard {standard_id!r}") from None

    def has_criterion(self, criterion_id: str) -> bool:
        return criterion_id in self._criteria

    def has_standard(self, standard_id: str) -> bool:
        return standard_id in self._standards

    @property
    def criterion_count(self) -> int:
        return len(self._criteria)
