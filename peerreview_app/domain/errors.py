"""Errors the domain raises when a rule would be broken."""

from __future__ import annotations


class DomainError(Exception):
    """A domain rule refused an operation; the message says which and why."""


class ReviewLockedError(DomainError):
    """The review is adopted (vastgesteld) or later and can no longer be edited."""


class TransitionError(DomainError):
    """A phase transition is not allowed, or its conditions are not met."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class InvalidValueError(DomainError):
    """A value does not fit the field, scale or reference it is meant for."""


class UnknownReferenceError(InvalidValueError):
    """An id (criterion, standard, member, question, conversation) does not exist in this review."""
