"""The issue-13 bars on an external suite (Recognizers-Text's Chinese number-with-unit specs).

bench/number_suite.py scores the whole finder on the vendored suite; these tests hold the
bars: value accuracy at least 0.98 and recall at least 0.9 per class, on the forms report
prose uses, and no indicator in the suite's sentences that hold no quantity.
"""
from __future__ import annotations

import pytest

from bench import number_suite
from extract.find.indicators import unit_table


@pytest.fixture(scope="module")
def scored():
    expected, negatives = number_suite.load_cases()
    return number_suite.score(expected), negatives


@pytest.mark.parametrize("klass", number_suite.BAR_CLASSES)
def test_each_class_meets_the_bar(scored, klass):
    score = scored[0][klass]
    misses = [number_suite.describe(*row) for row in score.rows if row[0] in ("missed", "wrong")]
    assert score.in_scope > 0
    assert score.recall >= 0.9, misses
    assert score.accuracy >= 0.98, misses


def test_sentences_without_a_quantity_give_no_indicator(scored):
    assert number_suite.false_positives(scored[1]) == []


def test_the_bar_s_quantities_expect_our_canonical_units():
    # The suite's unit names are mapped to ours (or converted from Duckling's), so a right value
    # is one our table would chart in that unit.
    ours = set(unit_table().canonical.values())
    expected, _ = number_suite.load_cases()
    in_bar = [q for q in expected if q.klass in number_suite.BAR_CLASSES and not q.excluded]
    assert in_bar and all(set(q.units) <= ours for q in in_bar)


def test_exclusions_are_a_minority_and_each_has_a_reason(scored):
    # The bar must stand on most of the suite: left-out forms are counted, never silently dropped.
    in_bar = [scored[0][k] for k in number_suite.BAR_CLASSES]
    assert sum(s.excluded for s in in_bar) < sum(s.in_scope for s in in_bar)
    rows = [row for s in in_bar for row in s.rows if row[0] == "excluded"]
    assert all(quantity.excluded for _, quantity, _ in rows)
