"""Properties of the metric functions that must hold for any data (hypothesis)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.periods import by_month, complete_months, month_weekdays, week_of
from generator.metrics import finance, operations
from generator.metrics.common import evolution

PEOPLE = ["ana", "ben", "cleo", "dan"]
TASKS = pd.DataFrame(
    {
        "task": ["cr", "mail", "prop"],
        "minutes_before": [60.0, 10.0, 240.0],
        "minutes_after": [15.0, 3.0, 120.0],
    }
)
WEEKS = [f"2026-W{n:02d}" for n in range(2, 20)]

usage_rows = st.lists(
    st.tuples(
        st.sampled_from(WEEKS),
        st.sampled_from(PEOPLE),
        st.sampled_from(["cr", "mail", "prop"]),
        st.integers(0, 40),
    ),
    min_size=1,
    max_size=60,
    unique_by=lambda row: row[:3],
)


def usage_frame(rows: list[tuple[str, str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["week", "person", "task", "uses"])


def people_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"person": PEOPLE, "group": ["ai"] * 4, "trained_on": pd.to_datetime(["2026-01-05"] * 4)}
    )


@given(usage_rows, st.integers(0, 59), st.integers(1, 20))
def test_adding_uses_never_lowers_time_saved(rows, index, extra):
    before = operations.weekly_time_saved(operations.hours_saved_rows(usage_frame(rows), TASKS))
    week, person, task, uses = rows[index % len(rows)]
    more = [*rows]
    more[index % len(rows)] = (week, person, task, uses + extra)
    after = operations.weekly_time_saved(operations.hours_saved_rows(usage_frame(more), TASKS))
    assert after.at[week, "hours_per_person"] > before.at[week, "hours_per_person"]
    assert (after["hours"] >= before["hours"]).all()


@given(usage_rows, st.randoms())
def test_row_order_does_not_change_any_weekly_figure(rows, rng):
    shuffled = [*rows]
    rng.shuffle(shuffled)
    first = operations.weekly_time_saved(operations.hours_saved_rows(usage_frame(rows), TASKS))
    second = operations.weekly_time_saved(operations.hours_saved_rows(usage_frame(shuffled), TASKS))
    pd.testing.assert_frame_equal(first, second)
    weeks_a = operations.adoption_weeks(usage_frame(rows), people_frame(), 3)
    weeks_b = operations.adoption_weeks(usage_frame(shuffled), people_frame(), 3)
    assert weeks_a == weeks_b


@given(usage_rows)
def test_adoption_rate_is_a_share_of_trained_people(rows):
    for week in operations.adoption_weeks(usage_frame(rows), people_frame(), 3):
        assert week["trained"] == 4
        assert 0 <= week["active"] <= 4
        assert week["rate"] == week["active"] / 4 * 100


@given(
    st.dictionaries(
        st.sampled_from([*WEEKS, "2026-W22", "2026-W27"]), st.floats(0, 500), min_size=1
    )
)
def test_splitting_weeks_into_months_keeps_every_hour(weekly):
    spread = by_month(pd.Series(weekly, dtype=float))
    assert abs(spread.sum() - sum(weekly.values())) < 1e-6


@given(st.sets(st.sampled_from(WEEKS), min_size=1))
def test_complete_months_have_every_weekday_reported(weeks):
    for month in complete_months(weeks):
        assert all(week_of(day) in weeks for day in month_weekdays(month))


costs_rows = st.lists(
    st.tuples(
        st.floats(1, 5000),
        st.sampled_from(["monthly", "one_off"]),
        st.sampled_from(["2026-01", "2026-02", "2026-03"]),
        st.sampled_from([None, 3, 6]),
    ),
    min_size=1,
    max_size=8,
)


def costs_frame(
    rows: list[tuple[float, str, str, int | None]], factor: float = 1.0
) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "category": "licence",
                "amount": amount * factor,
                "kind": kind,
                "start": start,
                "end": None,
                "amortize_months": months if kind == "one_off" else None,
            }
            for amount, kind, start, months in rows
        ]
    )


@given(costs_rows, st.floats(1, 400), st.sampled_from([2.0, 3.0, 10.0]))
def test_cost_per_hour_scales_with_costs_and_inversely_with_hours(rows, hours, factor):
    edges = (10, 20)
    series = pd.Series({"2026-03": hours})
    months = ["2026-03"]
    base = finance.cost_per_hour(costs_frame(rows), series, months, "2026-03", {}, edges)["value"]
    scaled = finance.cost_per_hour(costs_frame(rows, factor), series, months, "2026-03", {}, edges)
    more = finance.cost_per_hour(costs_frame(rows), series * factor, months, "2026-03", {}, edges)
    if base is None:
        return
    assert abs(scaled["value"] - base * factor) < 1e-6 * max(1, scaled["value"])
    assert abs(more["value"] - base / factor) < 1e-6 * max(1, base)


@settings(max_examples=50)
@given(costs_rows, st.floats(0, 400))
def test_payback_break_even_is_where_the_running_total_turns_positive(rows, hours):
    months = ["2026-01", "2026-02", "2026-03", "2026-04"]
    series = pd.Series({m: hours for m in months})
    result = finance.payback(costs_frame(rows), series, months, "2026-04", 35.0, 3, (2, 6))
    cumulative = [row["cumulative"] for row in result["cumulative"]]
    if result["break_even_month"] is None:
        assert all(total < 0 for total in cumulative)
    else:
        index = [row["month"] for row in result["cumulative"]].index(result["break_even_month"])
        assert cumulative[index] >= 0 and all(total < 0 for total in cumulative[:index])
    if result["months"] is not None:
        assert result["months"] >= 0 and result["band"] != "never"


@given(st.floats(0.01, 1e6), st.floats(0, 1e6))
def test_evolution_has_the_sign_of_the_change(before, after):
    change = evolution(before, after)
    assert change is not None
    assert (change > 0) == (after > before) or abs(after - before) < 1e-9


def test_evolution_from_zero_is_undefined():
    assert evolution(0, 5) is None
    assert evolution(None, 5) is None


def test_week_split_example_from_the_calendar():
    # 2026-W14 runs Mon 30 March to Fri 3 April: 2 weekdays in March, 3 in April.
    spread = by_month(pd.Series({"2026-W14": 10.0}))
    assert spread.to_dict() == {"2026-03": 4.0, "2026-04": 6.0}
    assert date(2026, 3, 30).isocalendar()[1] == 14
