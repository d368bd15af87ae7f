"""Shared arithmetic of the metrics: plain numbers in, plain numbers (or None) out."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd

from generator.core.periods import Periods, compared_months


def number(value: Any) -> float | None:
    """A plain float, or None for missing, NaN or infinite values."""
    if value is None or value is pd.NA:
        return None
    result = float(value)
    return result if math.isfinite(result) else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, None when either is missing or the denominator is 0.

    >>> ratio(200, 50), ratio(1, 0)
    (4.0, None)
    """
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def percent(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator × 100``, None when the ratio is undefined.

    >>> percent(1, 3)
    33.33333333333333
    """
    value = ratio(numerator, denominator)
    return None if value is None else value * 100


def evolution(before: float | None, after: float | None) -> float | None:
    """(after − before) / before × 100, in %; None when before is missing or 0.

    >>> evolution(8, 11)
    37.5
    """
    change = ratio(None if after is None or before is None else after - before, before)
    return None if change is None else change * 100


def mean(values: Iterable[float]) -> float | None:
    """The mean, or None for no values."""
    items = [v for v in values if v is not None]
    return sum(items) / len(items) if items else None


def compare(monthly: pd.Series, deployed_on: date, recent: int) -> dict[str, Any]:
    """Before, after and evolution of a series indexed by month, on the basis
    :func:`~generator.core.periods.compared_months` chooses (the same months a year earlier when the
    file has them, else the mean of the baseline months). Missing months are simply absent."""
    series = monthly.dropna()
    return compare_over(series, compared_months(series.index, deployed_on, recent))


def compare_over(monthly: pd.Series, periods: Periods) -> dict[str, Any]:
    """Before (mean over ``periods.before``), after (mean over ``periods.after``), evolution
    and basis; a month the series lacks is left out of its mean."""
    series = monthly.dropna()
    before = mean(float(series[m]) for m in periods.before if m in series.index)
    after = mean(float(series[m]) for m in periods.after if m in series.index)
    return {
        "before": before,
        "after": after,
        "evolution": evolution(before, after),
        "basis": periods.basis,
        "after_months": [m for m in periods.after if m in series.index],
    }


def monthly_sum(frame: pd.DataFrame, value: str, by: list[str]) -> pd.DataFrame:
    """A month × group table of sums, 0 where a group has no row in a month of the file."""
    return frame.pivot_table(index="month", columns=by, values=value, aggfunc="sum", fill_value=0)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (NaN becomes None)."""
    return [
        {key: clean(value) for key, value in row.items()} for row in frame.to_dict(orient="records")
    ]


def clean(value: Any) -> Any:
    """A JSON-ready scalar: numpy numbers unwrapped, NaN and NA as None."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return number(value)
    if value is pd.NA or value is None:
        return None
    if hasattr(value, "item"):
        return clean(value.item())
    return value
