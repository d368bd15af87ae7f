"""The method's five measurement mistakes, caught from the data itself.

One small pure function per detector; each returns the :class:`Finding` objects it finds
(a stable ``code``, the ``metric`` it concerns, "" for the whole site, and the values found:
months, counts, ids). The pages word them for a manager (``generator.pages.warnings``, from
``locales/fr-metrics.yml``). :func:`detect` runs them all, in a fixed order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from generator.core.method import METRICS, in_phase
from generator.core.periods import (
    compared_months,
    is_baseline_month,
    month_of,
    months_between,
    period_end,
    period_kind,
    week_monday,
    week_of,
    year_earlier,
)
from generator.input.dataset import Dataset
from generator.metrics.findings import Finding
from generator.metrics.losses import time_lost

# Metrics that compare a monthly "before" with an "after", and the file each reads.
BEFORE_AFTER: dict[str, str] = {m.key: m.inputs[0] for m in METRICS if m.before_after}
# The measurement files a metric needs (reference files aside): it is "fed" when all have rows.
FEEDS: dict[str, tuple[str, ...]] = {m.key: m.inputs for m in METRICS}
QUALITY = in_phase("months2_3")
# Weekly and monthly measurement files checked for freshness, and the metric each feeds.
FRESHNESS: dict[str, str] = {
    "usage.csv": "time_saved",
    **{f"{stem}.csv": metric for metric, stem in BEFORE_AFTER.items()},
    "freed_time.csv": "freed_time",
}
NOT_A_REFERENCE = ("costs.csv",)  # its months are payment dates, possibly planned ahead
MIN_BASELINE_MONTHS = 2
MAX_AGE = {"week": 2, "month": 2}
DECLARED_LIMIT = 1.5
FIRST_MONTH_METRICS = 4
QUALITY_FROM_MONTH = 3


def rows_of(data: Dataset, stem: str) -> pd.DataFrame | None:
    """The rows of ``<stem>.csv``, None when the file is absent or has no row."""
    frame = data.frame(stem)
    return None if frame is None or frame.empty else frame


def fed_metrics(data: Dataset) -> list[str]:
    """The metrics whose measurement files all have rows, in the method's order."""
    return [m for m, stems in FEEDS.items() if all(rows_of(data, s) is not None for s in stems)]


def baseline_months(months: Iterable[str], deployed_on: date) -> list[str]:
    """The distinct months before the month of ``deployed_on``.

    >>> baseline_months(["2025-12", "2025-11", "2025-12", "2026-01"], date(2026, 1, 5))
    ['2025-11', '2025-12']
    """
    return sorted(m for m in set(months) if is_baseline_month(m, deployed_on))


def no_baseline(data: Dataset) -> list[Finding]:
    """Mistake 2, measuring too late: a before/after file without any baseline month."""
    deployed = data.company.deployed_on
    return [
        Finding("no_baseline", metric, values={"file": f"{stem}.csv", "month": month_of(deployed)})
        for metric, stem in BEFORE_AFTER.items()
        if (frame := rows_of(data, stem)) is not None
        and not baseline_months(frame["month"], deployed)
    ]


def short_baseline(data: Dataset) -> list[Finding]:
    """Mistake 2: a before/after file with a single baseline month (2 at least are needed).
    No weekly file compares a before with an after (see DECISIONS.md)."""
    found = []
    for metric, stem in BEFORE_AFTER.items():
        frame = rows_of(data, stem)
        months = [] if frame is None else frame["month"]
        count = len(baseline_months(months, data.company.deployed_on))
        if 0 < count < MIN_BASELINE_MONTHS:
            values = {"file": f"{stem}.csv", "count": count, "minimum": MIN_BASELINE_MONTHS}
            found.append(Finding("short_baseline", metric, values=values))
    return found


def has_control_group(value: Any) -> bool:
    """Whether a metric (or one of its rows) has a difference-in-differences effect."""
    rows = value if isinstance(value, list) else [value]
    return any(isinstance(r, dict) and (r.get("did") or {}).get("effect") is not None for r in rows)


def non_equivalent_key(value: Any, earlier: list[str] | None) -> str:
    """Which message: the control group's comparison, else the months to add a year earlier,
    else (a year earlier the AI was already there) caution."""
    if has_control_group(value):
        return "control"
    return "message" if earlier else "deployed_a_year_earlier"


def non_equivalent_periods(data: Dataset, metrics: Mapping[str, Any]) -> list[Finding]:
    """Mistake 4, apples and pears: the months compared are not the same calendar months,
    because the file lacks them a year earlier (in the baseline) for a year-over-year
    comparison. With a control group, the message points to its comparison instead."""
    found, deployed = [], data.company.deployed_on
    for metric, stem in BEFORE_AFTER.items():
        frame = rows_of(data, stem)
        present = set() if frame is None else set(frame["month"])
        periods = compared_months(present, deployed, data.company.recent_months)
        before, after = periods.before, periods.after
        if not before or not after or {m[5:] for m in before} == {m[5:] for m in after}:
            continue
        earlier = year_earlier(after, deployed)
        found.append(
            Finding(
                "non_equivalent_periods",
                metric,
                non_equivalent_key(metrics[metric], earlier),
                {"file": f"{stem}.csv", "before": before, "after": after, "earlier": earlier},
            )
        )
    return found


def measured_tasks(timings: pd.DataFrame | None) -> set[str]:
    """Tasks with at least one stopwatch measurement without AI and one with AI."""
    if timings is None:
        return set()
    sides = [set(timings.loc[timings["with_ai"] == side, "task"]) for side in ("no", "yes")]
    return sides[0] & sides[1]


def declared_only(data: Dataset) -> list[Finding]:
    """Mistake 3, trusting feelings: tasks used whose minutes were never timed."""
    usage = rows_of(data, "usage")
    if usage is None:
        return []
    used = set(usage.loc[usage["uses"] > 0, "task"])
    timed = measured_tasks(data.frame("timings"))
    missing = [task for task in data.frames["tasks"]["task"] if task in used - timed]
    if not missing:
        return []
    variant = "all" if len(missing) == len(used) else "message"
    return [Finding("declared_only", "time_saved", variant, {"tasks": missing, "total": len(used)})]


def far(ratio: float | None) -> bool:
    """A declared / computed ratio beyond ×1.5 either way.

    >>> far(1.6), far(0.6), far(1.5), far(None)
    (True, True, False, False)
    """
    return ratio is not None and (ratio > DECLARED_LIMIT or ratio < 1 / DECLARED_LIMIT)


def declared_vs_measured(ratios: Mapping[str, Any]) -> list[Finding]:
    """Mistake 3: declared minutes saved beyond ×1.5 of the computed ones, overall and per
    person (``ratios`` is ``metrics.time_saved.declared_vs_computed``)."""
    found = []
    overall, people = ratios["overall"], ratios["people"]
    if far(overall):
        values = {
            "ratio": overall,
            "declared": sum(p["declared"] for p in people),
            "computed": sum(p["computed"] for p in people),
        }
        variant = "overall_over" if overall > 1 else "overall_under"
        found.append(Finding("declared_vs_measured", "time_saved", variant, values))
    flagged = [(p["person"], p["ratio"]) for p in people if far(p["ratio"])]
    if flagged:
        values = {"people": flagged, "limit": DECLARED_LIMIT}
        found.append(Finding("declared_vs_measured", "time_saved", "people", values))
    return found


def too_many_metrics(data: Dataset, rollout_month: int | None) -> list[Finding]:
    """Mistake 1, measuring too much: more than 4 metrics fed in the first month."""
    fed = fed_metrics(data)
    if rollout_month != 1 or len(fed) <= FIRST_MONTH_METRICS:
        return []
    return [Finding("too_many_metrics", "", values={"metrics": fed})]


def qualitative_missing(data: Dataset, rollout_month: int | None) -> list[Finding]:
    """Mistake 5, ignoring qualitative gains: no quality metric (5–8) fed from month 3 on."""
    if rollout_month is None or rollout_month < QUALITY_FROM_MONTH:
        return []
    if any(m in QUALITY for m in fed_metrics(data)):
        return []
    return [Finding("qualitative_missing", "", values={"month": rollout_month})]


def age(period: str, reference: date) -> int:
    """Whole weeks (or months) from a week (or month) to the one containing ``reference``."""
    if period_kind(period) == "week":
        return (week_monday(week_of(reference)) - week_monday(period)).days // 7
    return months_between(period, month_of(reference))


def stale_data(latest: Mapping[str, str | None]) -> list[Finding]:
    """A weekly file more than 2 weeks, or a monthly file more than 2 months, behind the newest
    period of any data file (not the clock: a build must not depend on the day it runs)."""
    ends = {
        name: period_end(period)
        for name, period in latest.items()
        if period and name not in NOT_A_REFERENCE
    }
    if not ends:
        return []
    source = max(ends, key=lambda name: ends[name])
    found = []
    for name, metric in FRESHNESS.items():
        period = latest.get(name)
        if not period:
            continue
        kind = period_kind(period)
        behind = age(period, ends[source])
        if behind > MAX_AGE[kind]:
            values = {
                "file": name,
                "latest": period,
                "age": behind,
                "source": source,
                "reference": ends[source],
            }
            found.append(Finding("stale_data", metric, kind, values))
    return found


def detect(data: Dataset, report: Mapping[str, Any]) -> list[Finding]:
    """Every detector's notices, in the order of the method's five mistakes."""
    ratios = report["metrics"]["time_saved"]["declared_vs_computed"]
    month = report["rollout_month"]
    return [
        *no_baseline(data),
        *short_baseline(data),
        *non_equivalent_periods(data, report["metrics"]),
        *declared_only(data),
        *time_lost(data, report),
        *declared_vs_measured(ratios),
        *too_many_metrics(data, month),
        *qualitative_missing(data, month),
        *stale_data(report["latest"]),
    ]
