"""The phases a review goes through and the transitions allowed between them."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """A review's phase; the values are stable identifiers used in storage and interchange."""

    PREPARATION = "preparation"  # voorbereiding
    VISIT = "visit"  # bezoek
    REPORTING = "reporting"  # rapportage
    ADOPTED = "adopted"  # vastgesteld
    FOLLOW_UP = "follow_up"  # opvolging
    ARCHIVED = "archived"  # gearchiveerd

    @property
    def locked(self) -> bool:
        """From adoption on, the content of a review can no longer change."""
        return self in LOCKED_PHASES


LOCKED_PHASES = frozenset({Phase.ADOPTED, Phase.FOLLOW_UP, Phase.ARCHIVED})

ORDER: tuple[Phase, ...] = tuple(Phase)

TRANSITIONS: dict[Phase, frozenset[Phase]] = {
    Phase.PREPARATION: frozenset({Phase.VISIT}),
    # Going back is allowed until adoption: a visit can be rescheduled, a report reopened.
    Phase.VISIT: frozenset({Phase.PREPARATION, Phase.REPORTING}),
    Phase.REPORTING: frozenset({Phase.VISIT, Phase.ADOPTED}),
    Phase.ADOPTED: frozenset({Phase.FOLLOW_UP, Phase.ARCHIVED}),
    Phase.FOLLOW_UP: frozenset({Phase.ARCHIVED}),
    Phase.ARCHIVED: frozenset(),
}


def allowed_targets(phase: Phase) -> frozenset[Phase]:
    """The phases a review in `phase` may move to (conditions aside)."""
    return TRANSITIONS[phase]


def next_phase(phase: Phase) -> Phase | None:
    """The next phase forward, or None at the end."""
    index = ORDER.index(phase)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None
