"""Euros as ranges: low and high beside the likely cost per hour saved, monthly net gain and
payback, from the uncertainty already measured on the hours saved.

Two sources bound the hours saved in a month:

- **the weeks** (``weeks``): time saved's bootstrap interval of the hours per person per week
  over the last 8 weeks (``uncertainty.recent_interval``) gives a scale, ``low / mean`` and
  ``high / mean``, applied to the month's hours: the hours could be that much lower or higher;
- **the stopwatch** (``timings``): the month's hours recomputed with each timed task's
  pessimistic minutes (the low end of the interval of its median without AI, the high end with
  AI) and its optimistic ones; a side without an interval keeps its minutes.

They combine as the product of two intervals, [pessimistic, optimistic hours] × [low, high
scale]: the low hours are the smallest of the four products, the high hours the largest (when
every number is positive, pessimistic × low scale and optimistic × high scale). Treating the
two worst cases as happening together is conservative: the range is wider than either source
alone. Nothing is drawn at random here, and the bootstrap's seed is fixed: the same data give
the same range.

Then the cost per hour runs from cost / high hours to cost / low hours (no upper bound when the
low hours are ≤ 0: the AI could save no hour at all), the net gain from its value with the low
hours to its value with the high ones, and the payback from investment / high gain to
investment / low gain (no upper bound when the low gain is ≤ 0: it could never be repaid).
Without either source, ``low`` and ``high`` are null: there is no range, not a range of zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from generator.metrics.common import ratio
from generator.metrics.finance import net_gain
from generator.metrics.operations import monthly_hours
from generator.metrics.timings import SIDES
from generator.metrics.tools import hours_rows

NO_RANGE: dict[str, Any] = {"low": None, "high": None}


@dataclass(frozen=True)
class HoursRange:
    """Hours saved per month, at their lowest (``low``) and highest (``high``) within the
    uncertainty, with the sources behind them (``weeks``, ``timings``)."""

    low: pd.Series
    high: pd.Series
    sources: tuple[str, ...]

    def month(self, month: str) -> tuple[float, float]:
        """The low and high hours of ``month`` (0 for a month without usage)."""
        return float(self.low.get(month, 0.0)), float(self.high.get(month, 0.0))


def scale(interval: dict[str, Any] | None) -> tuple[float, float] | None:
    """The bootstrap interval as factors of its mean, ascending; None without an interval or
    with a mean of 0 (no scale to speak of).

    >>> scale({"mean": 2.0, "low": 1.5, "high": 2.5})
    (0.75, 1.25)
    >>> scale({"mean": -2.0, "low": -3.0, "high": -1.0})
    (0.5, 1.5)
    """
    if interval is None or not interval["mean"]:
        return None
    factors = sorted((interval["low"] / interval["mean"], interval["high"] / interval["mean"]))
    return factors[0], factors[1]


def bound_minutes(value: float, interval: Sequence[float] | None, side: str, best: bool) -> float:
    """A side's minutes at the pessimistic (``best`` false) or optimistic end of its interval:
    pessimistic is a short time without AI and a long time with it; no interval, no change.

    >>> bound_minutes(61.5, [51.0, 71.0], "before", False), bound_minutes(15.0, None, "after", True)
    (51.0, 15.0)
    """
    if interval is None:
        return value
    longer = (side == "before") == best
    return float(interval[1] if longer else interval[0])


def bound_tasks(tasks: pd.DataFrame, measured: list[dict[str, Any]], best: bool) -> pd.DataFrame:
    """``tasks`` (with the minutes the computation uses) at the pessimistic or optimistic end of
    each timed side's interval."""
    rows = {row["task"]: row for row in measured}
    bounded = tasks.copy()
    for side in SIDES:
        bounded[f"minutes_{side}"] = [
            bound_minutes(float(m), rows[str(t)][f"interval_{side}"], side, best)
            if str(t) in rows
            else float(m)
            for t, m in zip(tasks["task"], tasks[f"minutes_{side}"], strict=True)
        ]
    return bounded


def timed(measured: list[dict[str, Any]]) -> bool:
    """Whether any task has an interval on either side (5 measurements or more)."""
    return any(row[f"interval_{side}"] is not None for row in measured for side in SIDES)


def month_hours(
    usage: pd.DataFrame, tasks: pd.DataFrame, timings: pd.DataFrame | None = None
) -> pd.Series:
    """Hours saved per month with these tasks' minutes (and a (task, tool)'s own median where
    it was timed with that tool, as the likely hours have it: ``tools.hours_rows``)."""
    rows = hours_rows(usage, tasks, timings)
    return monthly_hours(rows) if not rows.empty else pd.Series(dtype=float)


def hours_range(
    usage: pd.DataFrame,
    tasks: pd.DataFrame,
    measured: list[dict[str, Any]],
    interval: dict[str, Any] | None,
    timings: pd.DataFrame | None = None,
) -> HoursRange | None:
    """The low and high hours saved of every month, or None with neither source.

    ``tasks`` carry the minutes the computation uses; ``measured`` is ``measured_time``'s rows,
    ``interval`` time saved's bootstrap interval."""
    factors = scale(interval)
    sources = (*(("weeks",) if factors else ()), *(("timings",) if timed(measured) else ()))
    if not sources:
        return None
    likely = month_hours(usage, tasks, timings)
    worst, best = (
        month_hours(usage, bound_tasks(tasks, measured, b), timings) for b in (False, True)
    )
    low_scale, high_scale = factors or (1.0, 1.0)
    products = [h * f for h in (worst, best) for f in (low_scale, high_scale)]
    every = pd.concat([likely, *products], axis=1)
    return HoursRange(low=every.min(axis=1), high=every.max(axis=1), sources=sources)


def cost_per_hour_range(metric: dict[str, Any], hours: HoursRange | None) -> dict[str, Any]:
    """``low`` and ``high`` of the month's cost per hour, the hours behind them and the
    sources; ``high`` None when the low hours are ≤ 0. No range without a likely value.

    >>> h = HoursRange(pd.Series({"2026-09": 80.0}), pd.Series({"2026-09": 125.0}), ("weeks",))
    >>> r = cost_per_hour_range({"value": 10.0, "cost": 1000.0, "month": "2026-09"}, h)
    >>> r["low"], r["high"], r["range_sources"]
    (8.0, 12.5, ['weeks'])
    """
    if hours is None or metric["value"] is None:
        return {**NO_RANGE, "hours_low": None, "hours_high": None, "range_sources": sources(hours)}
    low_hours, high_hours = hours.month(metric["month"])
    return {
        "low": ratio(metric["cost"], high_hours),
        "high": ratio(metric["cost"], low_hours) if low_hours > 0 else None,
        "hours_low": low_hours,
        "hours_high": high_hours,
        "range_sources": list(hours.sources),
    }


def payback_range(
    metric: dict[str, Any], costs: pd.DataFrame | None, hours: HoursRange | None, hourly: float
) -> dict[str, Any]:
    """The net gain's ``net_gain_low`` and ``net_gain_high`` (over the same months), and the
    payback's ``low`` and ``high`` months (``high`` None when the low gain is ≤ 0). No months'
    range without likely months; no gain's range without a likely gain."""
    gain = metric["net_gain_per_month"]
    if hours is None or costs is None or gain is None:
        return {**NO_RANGE, "net_gain_low": None, "net_gain_high": None,
                "range_sources": sources(hours)}  # fmt: skip
    used = metric["months_used"]
    gain_low, gain_high = (net_gain(costs, h, used, hourly) for h in (hours.low, hours.high))
    months = payback_months(metric["investment"], gain_low, gain_high, metric["months"])
    return {
        **months,
        "net_gain_low": gain_low,
        "net_gain_high": gain_high,
        "range_sources": list(hours.sources),
    }


def payback_months(
    investment: float, gain_low: float | None, gain_high: float | None, likely: float | None
) -> dict[str, Any]:
    """Investment / high gain and investment / low gain (None when the low gain is ≤ 0); no
    range when the likely months are undefined.

    >>> payback_months(3000.0, 1000.0, 2000.0, 2.0), payback_months(3000.0, -5.0, 2000.0, 2.0)
    ({'low': 1.5, 'high': 3.0}, {'low': 1.5, 'high': None})
    """
    if likely is None or gain_low is None or gain_high is None:
        return dict(NO_RANGE)
    high = ratio(investment, gain_low) if gain_low > 0 else None
    return {"low": ratio(investment, gain_high), "high": high}


def sources(hours: HoursRange | None) -> list[str]:
    """The sources of a range, none without one."""
    return [] if hours is None else list(hours.sources)


Band = Callable[[float], str | None]


def edges_crossed(
    value: float | None, low: float | None, high: float | None, band: Band, edges: Sequence[float]
) -> dict[str, float | None]:
    """The band edges the range crosses: ``above``, the highest edge the high end reaches in
    another band than the likely value's, ``below`` the lowest the low end reaches. None when
    the range stays in the value's band (or there is no range); an open high end (None beside
    a low) reaches every edge above the value.

    >>> band = lambda x: "a" if x < 10 else "b" if x <= 20 else "c"
    >>> edges_crossed(6.0, 4.8, 12.0, band, (10, 20)), edges_crossed(6.0, 4.8, 7.9, band, (10, 20))
    ({'above': 10, 'below': None}, {'above': None, 'below': None})
    >>> edges_crossed(15.0, 9.0, None, band, (10, 20))
    {'above': 20, 'below': 10}
    """
    if value is None or low is None:
        return {"above": None, "below": None}
    top = float("inf") if high is None else high
    above = [e for e in edges if value <= e <= top]
    below = [e for e in edges if low <= e <= value]
    moved_up = high is None or band(high) != band(value)
    return {
        "above": max(above) if above and moved_up else None,
        "below": min(below) if below and band(low) != band(value) else None,
    }
