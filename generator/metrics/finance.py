"""Metrics 3 and 4, monthly: cost per hour saved and the payback period."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from generator.core.periods import add_months, month_range
from generator.metrics.bands import cost_per_hour_band, payback_band
from generator.metrics.common import mean, number, ratio


def recurring_cost(costs: pd.DataFrame, month: str) -> float:
    """The ``monthly`` rows running in ``month`` (blank ``end``: still running)."""
    monthly = costs[costs["kind"] == "monthly"]
    running = (monthly["start"] <= month) & (monthly["end"].isna() | (monthly["end"] >= month))
    return float(monthly.loc[running, "amount"].sum())


def amortized_cost(costs: pd.DataFrame, month: str) -> float:
    """The share of amortized one-off costs that falls in ``month`` (amount / n for n months)."""
    one_off = costs[(costs["kind"] == "one_off") & costs["amortize_months"].notna()]
    total = 0.0
    for amount, start, months in one_off[["amount", "start", "amortize_months"]].itertuples(
        index=False, name=None
    ):
        if start <= month <= add_months(start, int(months) - 1):
            total += float(amount) / int(months)
    return total


def monthly_cost(costs: pd.DataFrame, month: str) -> float:
    """Metric 3's cost of a month: monthly rows + amortized one-off shares.

    >>> c = pd.DataFrame({"kind": ["monthly", "one_off"], "amount": [80.0, 1200.0],
    ...     "start": ["2026-01", "2026-01"], "end": [None, None], "amortize_months": [None, 6]})
    >>> monthly_cost(c, "2026-02")
    280.0
    """
    return recurring_cost(costs, month) + amortized_cost(costs, month)


def one_off_paid(costs: pd.DataFrame, month: str) -> float:
    """One-off amounts paid in full in ``month``."""
    one_off = costs[(costs["kind"] == "one_off") & (costs["start"] == month)]
    return float(one_off["amount"].sum())


def month_cost(costs: pd.DataFrame, hours: pd.Series, month: str) -> dict[str, Any]:
    """A month's cost, hours saved and cost per hour: none when no hour was saved (a cost
    divided by hours lost is not a price).

    >>> c = pd.DataFrame({"kind": ["monthly"], "amount": [80.0], "start": ["2026-01"],
    ...     "end": [None], "amortize_months": [None]})
    >>> month_cost(c, pd.Series({"2026-01": -4.0}), "2026-01")["value"] is None
    True
    """
    cost, saved = monthly_cost(costs, month), number(hours.get(month, 0.0))
    value = ratio(cost, saved) if saved is not None and saved > 0 else None
    return {"month": month, "cost": cost, "hours": saved, "value": value}


def cost_per_hour(
    costs: pd.DataFrame | None,
    hours: pd.Series,
    complete: list[str],
    month: str | None,
    alternatives: Mapping[str, float],
    edges: tuple[float, ...],
) -> dict[str, Any]:
    """Metric 3 for ``month`` (``as_of.month``): cost / hours saved that month, with the
    series of ``complete`` months and the alternatives. None without costs or hours."""
    empty = {"value": None, "band": None, "month": month, "cost": None, "hours": None}
    if costs is None or month is None:
        return {**empty, "months": [], "alternatives": dict(alternatives)}
    months = [month_cost(costs, hours, m) for m in complete]
    current = next((row for row in months if row["month"] == month), None)
    value = current["value"] if current else None
    return {
        "value": value,
        "band": cost_per_hour_band(value, edges, current["hours"] if current else None),
        "month": month,
        "cost": current["cost"] if current else None,
        "hours": current["hours"] if current else None,
        "months": months,
        "alternatives": dict(alternatives),
    }


def net_gain(
    costs: pd.DataFrame, hours: pd.Series, months: list[str], hourly_value: float
) -> float | None:
    """Mean over ``months`` of hours saved × hourly value − the monthly rows."""
    gains = (float(hours.get(m, 0.0)) * hourly_value - recurring_cost(costs, m) for m in months)
    return mean(gains)


def spending(costs: pd.DataFrame, months: list[str]) -> list[dict[str, Any]]:
    """Money paid per month and category: running monthly rows, one-offs in full when paid."""
    monthly = costs[costs["kind"] == "monthly"]
    rows = []
    for month in months:
        running = (monthly["start"] <= month) & (monthly["end"].isna() | (monthly["end"] >= month))
        one_off = costs[(costs["kind"] == "one_off") & (costs["start"] == month)]
        paid = pd.concat([monthly[running], one_off])
        for category, amount in paid.groupby("category")["amount"].sum().items():
            rows.append({"month": month, "category": str(category), "amount": float(amount)})
    return rows


def cumulative_gain(
    costs: pd.DataFrame, hours: pd.Series, last: str, hourly_value: float
) -> list[dict[str, Any]]:
    """Month by month from the first cost: value − monthly rows − one-offs, and its running sum."""
    first = str(costs["start"].min())
    total = 0.0
    rows = []
    for month in month_range(first, last):
        value = float(hours.get(month, 0.0)) * hourly_value
        spent = recurring_cost(costs, month) + one_off_paid(costs, month)
        total += value - spent
        rows.append({"month": month, "value": value, "cost": spent, "cumulative": total})
    return rows


def payback(
    costs: pd.DataFrame | None,
    hours: pd.Series,
    complete_after: list[str],
    as_of_month: str | None,
    hourly_value: float,
    recent: int,
    edges: tuple[float, ...],
) -> dict[str, Any]:
    """Metric 4: one-off total / mean monthly net gain over the last ``recent`` complete months
    (``months_used``: the ones there are, possibly fewer), and the break-even month of the
    cumulative net gain."""
    empty = {"months": None, "band": None, "break_even_month": None, "investment": None}
    if costs is None or costs.empty:
        return {**empty, "net_gain_per_month": None, "months_used": [], "cumulative": [],
                "spending": []}  # fmt: skip
    investment = float(costs.loc[costs["kind"] == "one_off", "amount"].sum())
    used = complete_after[-recent:]
    gain = net_gain(costs, hours, used, hourly_value) if used else None
    months = ratio(investment, gain) if gain is not None and gain > 0 else None
    cumulative = cumulative_gain(costs, hours, as_of_month, hourly_value) if as_of_month else []
    break_even = next((row["month"] for row in cumulative if row["cumulative"] >= 0), None)
    return {
        "months": months,
        "band": payback_band(months, gain, edges),
        "break_even_month": break_even,
        "investment": investment,
        "net_gain_per_month": gain,
        "months_used": used,
        "cumulative": cumulative,
        "spending": spending(costs, [row["month"] for row in cumulative]),
    }
