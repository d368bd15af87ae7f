"""Measured time: stopwatch measurements (``timings.csv``) replace a task's declared minutes.

For each task of ``tasks.csv``, the median of its ``with_ai = no`` measurements replaces
``minutes_before`` and the median of its ``with_ai = yes`` measurements replaces
``minutes_after``. Each side is replaced on its own, as soon as it has one measurement; a side
without any keeps the declared minutes. The median resists one odd measurement (a meeting cut
short, an interruption) better than the mean.

With at least :data:`MIN_FOR_INTERVAL` measurements on a side, an interval for the median is
given: the distribution-free confidence interval from order statistics. Sorted
``x(1) ≤ … ≤ x(n)``, the interval ``[x(k), x(n+1−k)]`` holds the true median unless at least
``n+1−k`` measurements fall on the same side of it, which has probability
``2 × P(B ≤ k−1)`` for ``B`` binomial ``(n, ½)``: its coverage is exact, assumes no shape of
distribution, and is computed with fractions, so a build is reproducible byte for byte. ``k`` is
the largest rank whose coverage is at least 95 %; with 5 measurements no rank reaches 95 %,
and the interval is the smallest to the largest measurement (93.75 %).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import comb
from statistics import median
from typing import Any

import pandas as pd

MIN_FOR_INTERVAL = 5
LEVEL = Fraction(95, 100)
SIDES = {"before": "no", "after": "yes"}


def coverage(n: int, k: int) -> Fraction:
    """Probability that ``[x(k), x(n+1−k)]`` of ``n`` measurements holds the median:
    1 − 2 × P(B ≤ k−1), B binomial (n, ½).

    >>> coverage(5, 1), coverage(9, 2)
    (Fraction(15, 16), Fraction(123, 128))
    """
    tail = sum(comb(n, i) for i in range(k))
    return 1 - Fraction(2 * tail, 2**n)


def interval_rank(n: int, level: Fraction = LEVEL) -> int:
    """The largest rank ``k`` whose interval covers at least ``level``; 1 (the smallest to the
    largest value) when none does.

    >>> [interval_rank(n) for n in (5, 6, 8, 9, 12, 20)]
    [1, 1, 1, 2, 3, 6]
    """
    k = 1
    while k + 1 <= (n + 1) // 2 and coverage(n, k + 1) >= level:
        k += 1
    return k


def median_interval(values: Sequence[float]) -> tuple[float, float, float] | None:
    """(low, high, coverage in %) of the median of ``values``; None under 5 values.

    >>> median_interval([14, 17, 15, 16, 15])
    (14, 17, 93.75)
    >>> median_interval([3, 4]) is None
    True
    """
    n = len(values)
    if n < MIN_FOR_INTERVAL:
        return None
    ordered = sorted(values)
    k = interval_rank(n)
    return ordered[k - 1], ordered[n - k], float(coverage(n, k) * 100)


FIELDS = ("declared", "measured", "count", "interval", "confidence", "used")


def side_summary(values: Sequence[float], declared: float) -> dict[str, Any]:
    """One side of a task: measured median, count, interval (and its coverage in %) and the
    minutes the computation uses (the median when there is a measurement, else the declared
    minutes)."""
    measured = float(median(values)) if values else None
    interval = median_interval(values)
    return {
        "declared": declared,
        "measured": measured,
        "count": len(values),
        "interval": None if interval is None else [interval[0], interval[1]],
        "confidence": None if interval is None else interval[2],
        "used": declared if measured is None else measured,
    }


def measured_time(tasks: pd.DataFrame, timings: pd.DataFrame | None) -> list[dict[str, Any]]:
    """Every task of ``tasks.csv`` (in its order), declared and measured minutes side by side,
    keyed ``declared_before``, ``declared_after``, ``measured_before``…

    >>> t = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [15.0]})
    >>> m = pd.DataFrame({"task": ["cr", "cr"], "minutes": [50.0, 56.0], "with_ai": ["no", "no"]})
    >>> row = measured_time(t, m)[0]
    >>> row["used_before"], row["count_before"], row["used_after"], row["count_after"]
    (53.0, 2, 15.0, 0)
    """
    rows = []
    for task, before, after in zip(
        tasks["task"], tasks["minutes_before"], tasks["minutes_after"], strict=True
    ):
        sides = {
            side: side_summary(measurements(timings, str(task), side), float(declared))
            for side, declared in (("before", before), ("after", after))
        }
        row: dict[str, Any] = {"task": str(task)}
        row |= {f"{name}_{side}": sides[side][name] for name in FIELDS for side in SIDES}
        if by_tool := tool_medians(timings, str(task)):  # no key without a timed tool
            row["after_by_tool"] = by_tool
        rows.append(row)
    return rows


def tool_medians(timings: pd.DataFrame | None, task: str) -> list[dict[str, Any]]:
    """The median with AI of each tool timed on ``task`` and how many measurements it has:
    that tool's usage rows use it instead of ``used_after`` (``tools.hours_rows``).

    >>> m = pd.DataFrame({"task": ["cr"] * 3, "minutes": [60.0, 50.0, 9.0],
    ...     "with_ai": ["yes"] * 3, "tool": ["copilot", "copilot", None]})
    >>> tool_medians(m, "cr")
    [{'tool': 'copilot', 'measured': 55.0, 'count': 2}]
    """
    if timings is None or "tool" not in timings.columns:
        return []
    chosen = (timings["task"] == task) & (timings["with_ai"] == "yes") & timings["tool"].notna()
    return [
        {"tool": str(tool), "measured": float(median(group["minutes"])), "count": len(group)}
        for tool, group in timings[chosen].groupby("tool", sort=True)
    ]


def measurements(timings: pd.DataFrame | None, task: str, side: str) -> list[float]:
    """The minutes measured for ``task`` without AI (``before``) or with AI (``after``). A
    measurement with AI that names its tool is that tool's alone (``tool_medians``): another
    tool, never timed, does not take it; the task's own minutes with AI come from the
    measurements that name no tool, else from ``tasks.csv``.

    >>> m = pd.DataFrame({"task": ["cr"] * 3, "minutes": [60.0, 50.0, 9.0],
    ...     "with_ai": ["yes"] * 3, "tool": ["copilot", "copilot", None]})
    >>> measurements(m, "cr", "after")
    [9.0]
    """
    if timings is None or timings.empty:
        return []
    chosen = (timings["task"] == task) & (timings["with_ai"] == SIDES[side])
    if side == "after" and "tool" in timings.columns:
        chosen &= timings["tool"].isna()
    return [float(v) for v in timings.loc[chosen, "minutes"]]


def effective_tasks(tasks: pd.DataFrame, measured: list[dict[str, Any]]) -> pd.DataFrame:
    """``tasks`` with the minutes the computation uses (measured where there are measurements).

    >>> t = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [15.0]})
    >>> rows = [{"task": "cr", "used_before": 53.0, "used_after": 15.0}]
    >>> effective_tasks(t, rows)[["minutes_before", "minutes_after"]].values.tolist()
    [[53.0, 15.0]]
    """
    used = {row["task"]: row for row in measured}
    adjusted = tasks.copy()
    for side in SIDES:
        adjusted[f"minutes_{side}"] = [
            used[str(t)][f"used_{side}"] if str(t) in used else float(m)
            for t, m in zip(tasks["task"], tasks[f"minutes_{side}"], strict=True)
        ]
    return adjusted
