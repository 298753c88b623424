"""Named derivation rules: how a standard's or the overall judgement follows from the judgements below it.

A review kind names a rule in its form (``rule: all_positive``); the rule sees only whether each judgement
below is positive, negative or still missing, and answers positive, negative or "not yet decidable".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .kind import DerivationRule, JudgementScale

Outcome = bool | None
"""True: positive, False: negative, None: cannot be derived yet."""

RuleFunction = Callable[[Sequence[Outcome], DerivationRule], Outcome]


def all_positive(outcomes: Sequence[Outcome], rule: DerivationRule) -> Outcome:
    """Positive when every judgement is positive; negative as soon as one is negative (domain.md's default)."""
    if any(o is False for o in outcomes):
        return False
    if not outcomes or any(o is None for o in outcomes):
        return None
    return True


def majority_positive(outcomes: Sequence[Outcome], rule: DerivationRule) -> Outcome:
    """Positive when more than half are positive; decided as soon as the missing ones cannot change it."""
    if not outcomes:
        return None
    positive = sum(1 for o in outcomes if o is True)
    negative = sum(1 for o in outcomes if o is False)
    half = len(outcomes) / 2
    if positive > half:
        return True
    if negative >= half:
        return False
    return None


def max_negative(outcomes: Sequence[Outcome], rule: DerivationRule) -> Outcome:
    """Positive when at most ``max`` judgements are negative (parameter ``max``, default 0)."""
    allowed = rule.param("max", 0)
    negative = sum(1 for o in outcomes if o is False)
    if negative > allowed:
        return False
    if not outcomes or any(o is None for o in outcomes):
        return None
    return True


RULES: dict[str, RuleFunction] = {
    "all_positive": all_positive,
    "majority_positive": majority_positive,
    "max_negative": max_negative,
}
"""Every rule a form may name."""


def derive(
    judgements: Sequence[str | None],
    source: JudgementScale,
    target: JudgementScale,
    rule: DerivationRule,
) -> str | None:
    """Apply `rule` to `judgements` (values of `source`) and answer a value of `target`, or None."""
    outcomes = [None if j is None else source.value(j).positive for j in judgements]
    outcome = RULES[rule.rule](outcomes, rule)
    if outcome is None:
        return None
    return target.first_positive if outcome else target.first_negative
