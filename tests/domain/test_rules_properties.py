"""Property tests of the derivation rules: what each rule answers, and that a decided answer is final."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, strategies as st

from peerreview_app.domain.kind import DerivationRule, JudgementScale, ScaleValue
from peerreview_app.domain.rules import RULES, Outcome, all_positive, derive, majority_positive, max_negative
from peerreview_app.domain.text import LocalizedText

outcome = st.sampled_from([True, False, None])
outcomes = st.lists(outcome, max_size=12)
small_outcomes = st.lists(outcome, max_size=7)  # every completion is enumerated: at most 2**7
max_param = st.integers(min_value=0, max_value=8)

ALL = DerivationRule("all_positive")
MAJORITY = DerivationRule("majority_positive")


def max_rule(n: int) -> DerivationRule:
    return DerivationRule("max_negative", (("max", n),))


def completions(values: Sequence[Outcome]) -> list[list[bool]]:
    """Every way of filling in the missing (None) outcomes."""
    missing = [i for i, v in enumerate(values) if v is None]
    result = []
    for fill in itertools.product([True, False], repeat=len(missing)):
        filled: list[bool] = [bool(v) for v in values]
        for index, value in zip(missing, fill, strict=True):
            filled[index] = value
        result.append(filled)
    return result


def rules_under_test(n: int) -> list[DerivationRule]:
    return [ALL, MAJORITY, max_rule(n)]


# -- all_positive ---------------------------------------------------------------------------------------


@given(outcomes)
def test_all_positive_is_false_exactly_when_one_is_negative(values):
    assert (all_positive(values, ALL) is False) == (False in values)


@given(outcomes)
def test_all_positive_is_undecided_exactly_when_nothing_is_negative_and_something_is_missing_or_empty(values):
    expected_none = False not in values and (not values or None in values)
    assert (all_positive(values, ALL) is None) == expected_none


@given(outcomes)
def test_all_positive_is_true_exactly_when_non_empty_and_all_positive(values):
    assert (all_positive(values, ALL) is True) == (bool(values) and all(v is True for v in values))


def test_all_positive_of_nothing_is_undecided():
    assert all_positive([], ALL) is None


# -- majority_positive ----------------------------------------------------------------------------------


@given(st.lists(st.booleans(), min_size=1, max_size=15))
def test_majority_positive_of_complete_outcomes_is_a_strict_majority(values):
    assert majority_positive(values, MAJORITY) is (sum(values) * 2 > len(values))


def test_majority_positive_examples():
    assert majority_positive([True, True, False], MAJORITY) is True
    assert majority_positive([True, False], MAJORITY) is False  # a tie is not a majority
    assert majority_positive([True, None, None], MAJORITY) is None
    assert majority_positive([True, True, None], MAJORITY) is True
    assert majority_positive([False, None], MAJORITY) is False
    assert majority_positive([], MAJORITY) is None


# -- max_negative ---------------------------------------------------------------------------------------


@given(outcomes, max_param)
def test_max_negative_is_false_exactly_when_more_than_max_are_negative(values, n):
    assert (max_negative(values, max_rule(n)) is False) == (values.count(False) > n)


@given(st.lists(st.booleans(), min_size=1, max_size=15), max_param)
def test_max_negative_of_complete_outcomes_counts_the_negatives(values, n):
    assert max_negative(values, max_rule(n)) is (values.count(False) <= n)


@given(outcomes)
def test_max_negative_with_default_zero_behaves_like_all_positive(values):
    assert max_negative(values, DerivationRule("max_negative")) == all_positive(values, ALL)


# -- every rule -----------------------------------------------------------------------------------------


@given(small_outcomes, max_param)
def test_a_decided_result_holds_for_every_completion_of_the_missing_outcomes(values, n):
    """The key soundness property: a rule may only decide early when no answer still to come can change it."""
    for rule in rules_under_test(n):
        result = RULES[rule.rule](values, rule)
        if result is None:
            continue
        for filled in completions(values):
            assert RULES[rule.rule](filled, rule) is result, (rule, values, filled)


@given(small_outcomes)
def test_all_positive_and_majority_are_undecided_only_while_the_answer_could_still_go_either_way(values):
    """These two decide as soon as they can: an undecided non-empty list has completions giving both answers.

    (max_negative makes no such promise: it waits for every judgement before answering positive.)
    """
    for rule in (ALL, MAJORITY):
        if RULES[rule.rule](values, rule) is not None or not values:
            continue
        answers = {RULES[rule.rule](filled, rule) for filled in completions(values)}
        assert answers == {True, False}, (rule, values)


@given(st.lists(st.booleans(), min_size=1, max_size=12), max_param)
def test_complete_non_empty_outcomes_are_always_decided(values, n):
    for rule in rules_under_test(n):
        assert RULES[rule.rule](values, rule) is not None


@given(outcomes, st.data(), max_param)
def test_filling_in_a_missing_outcome_with_positive_never_gives_a_negative_result(values, data, n):
    if None not in values:
        return
    index = data.draw(st.sampled_from([i for i, v in enumerate(values) if v is None]))
    filled = [*values[:index], True, *values[index + 1 :]]
    for rule in rules_under_test(n):
        before, after = RULES[rule.rule](values, rule), RULES[rule.rule](filled, rule)
        if before is not None:
            assert after is before
        else:
            assert after is not False


@given(outcomes, st.data(), max_param)
def test_turning_a_negative_into_a_positive_never_makes_the_result_worse(values, data, n):
    """Monotonicity: a better judgement below never gives a worse judgement above."""
    if False not in values:
        return
    index = data.draw(st.sampled_from([i for i, v in enumerate(values) if v is False]))
    improved = [*values[:index], True, *values[index + 1 :]]
    rank = {False: 0, None: 1, True: 2}
    for rule in rules_under_test(n):
        assert rank[RULES[rule.rule](improved, rule)] >= rank[RULES[rule.rule](values, rule)]


@given(outcomes, st.permutations(range(12)), max_param)
def test_rules_do_not_depend_on_the_order_of_the_outcomes(values, order, n):
    shuffled = [values[i] for i in order if i < len(values)]
    for rule in rules_under_test(n):
        assert RULES[rule.rule](shuffled, rule) is RULES[rule.rule](values, rule)


# -- derive ---------------------------------------------------------------------------------------------


def scale(scale_id: str, *values: tuple[str, bool]) -> JudgementScale:
    return JudgementScale(scale_id, tuple(ScaleValue(v, LocalizedText(v), positive) for v, positive in values))


# Several positive and negative values, interleaved, so "first positive" and "first negative" matter.
SOURCE = scale("source", ("good", True), ("poor", False), ("excellent", True), ("bad", False))
TARGET = scale("target", ("fail", False), ("pass", True), ("distinction", True), ("weak", False))

judgement = st.sampled_from([*SOURCE.ids(), None])


@given(st.lists(judgement, max_size=10), max_param)
def test_derive_answers_the_first_positive_or_first_negative_value_of_the_target(judgements, n):
    for rule in rules_under_test(n):
        outcome_ = RULES[rule.rule]([None if j is None else SOURCE.value(j).positive for j in judgements], rule)
        expected = {None: None, True: "pass", False: "fail"}[outcome_]
        assert derive(judgements, SOURCE, TARGET, rule) == expected


@given(st.lists(judgement, min_size=1, max_size=10))
def test_derive_with_all_positive_is_pass_exactly_when_every_judgement_is_a_positive_value(judgements):
    positive = {v.id for v in SOURCE.values if v.positive}
    result = derive(judgements, SOURCE, TARGET, ALL)
    assert (result == "pass") == all(j in positive for j in judgements)


def test_derive_refuses_a_value_that_is_not_on_the_source_scale():
    from peerreview_app.domain.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="'meets' is not one of"):
        derive(["good", "meets"], SOURCE, TARGET, ALL)
