"""Percentile maths of the benchmark."""

from __future__ import annotations

import pytest

from bench.stats import percentile, summary


def test_percentiles_interpolate_between_closest_ranks():
    values = [1, 2, 3, 4]
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 4
    assert percentile(values, 50) == 2.5
    assert percentile(values, 95) == pytest.approx(3.85)


def test_the_order_of_the_values_does_not_matter():
    assert percentile([5, 1, 3], 50) == 3


def test_one_value_is_every_percentile():
    assert percentile([7.5], 1) == percentile([7.5], 99) == 7.5


def test_percentile_refuses_nothing_and_out_of_range():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_summary_is_in_milliseconds():
    result = summary([i / 1000 for i in range(1, 101)])  # 1 ms … 100 ms
    assert result == {"p50_ms": 50.5, "p95_ms": 95.05, "p99_ms": 99.01, "n": 100}
