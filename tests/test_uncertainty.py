"""The interval around recent weekly figures: deterministic, and wide only when weeks vary."""

from __future__ import annotations

import numpy as np

from generator.metrics.uncertainty import bootstrap_interval, recent_interval


def test_constant_weeks_give_a_point_interval():
    assert bootstrap_interval([3.0] * 6) == (3.0, 3.0)


def test_too_few_weeks_give_no_interval():
    assert bootstrap_interval([1.0, 2.0, 3.0]) is None


def test_the_interval_holds_the_mean_and_stays_within_the_data():
    values = [0.83, 2.75, 2.68, 2.64, 3.03, 3.18, 2.45, 2.84]
    low, high = bootstrap_interval(values)
    mean = sum(values) / 8  # 20.40 / 8 = 2.55
    assert min(values) <= low < mean < high <= max(values)
    # The standard error of the mean is about sd / sqrt(8) ≈ 0.71 / 2.83 ≈ 0.25: a 95 % interval
    # spans roughly ± 2 × 0.25 around 2.55.
    assert 0.6 < high - low < 1.3


def test_same_data_same_interval():
    values = list(np.linspace(1, 5, 9))
    assert bootstrap_interval(values) == bootstrap_interval(values)


def test_recent_interval_uses_the_last_eight_reported_weeks():
    weeks = [{"week": f"2026-W{n:02d}", "rate": 100.0 if n <= 10 else 50.0} for n in range(1, 21)]
    interval = recent_interval(weeks, "rate")
    # Weeks 13 to 20 are all 50 %: the old 100 % weeks do not count.
    assert interval == {
        "weeks": 8,
        "first_week": "2026-W13",
        "mean": 50.0,
        "low": 50.0,
        "high": 50.0,
    }
