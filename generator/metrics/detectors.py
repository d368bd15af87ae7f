"""The method's five measurement mistakes, caught from the data itself.

One small pure function per detector; each returns the :class:`Notice` objects it finds
(a stable ``code``, the ``metric`` it concerns, "" for the whole site, and a French message for
a manager from ``locales/fr-detectors.yml``). :func:`detect` runs them all, in a fixed order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

import pandas as pd

from generator.core.format import day_label, decimal, month_label, number, week_label
from generator.core.i18n import text
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
from generator.input.load import Dataset, Notice
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


def notice(code: str, metric: str, key: str = "message", **values: object) -> Notice:
    return Notice(code, metric, text(f"detectors.{code}.{key}", **values))


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


def span(months: list[str]) -> str:
    """``oct. 2025 – déc. 2025``, or one month's label."""
    first, last = month_label(months[0]), month_label(months[-1])
    return first if first == last else f"{first} – {last}"


def no_baseline(data: Dataset) -> list[Notice]:
    """Mistake 2, measuring too late: a before/after file without any baseline month."""
    deployed = data.company.deployed_on
    return [
        notice("no_baseline", metric, file=f"{stem}.csv", month=month_label(month_of(deployed)))
        for metric, stem in BEFORE_AFTER.items()
        if (frame := rows_of(data, stem)) is not None
        and not baseline_months(frame["month"], deployed)
    ]


def short_baseline(data: Dataset) -> list[Notice]:
    """Mistake 2: a before/after file with a single baseline month (2 at least are needed).
    No weekly file compares a before with an after (see DECISIONS.md)."""
    found = []
    for metric, stem in BEFORE_AFTER.items():
        frame = rows_of(data, stem)
        months = [] if frame is None else frame["month"]
        count = len(baseline_months(months, data.company.deployed_on))
        if 0 < count < MIN_BASELINE_MONTHS:
            file, minimum = f"{stem}.csv", MIN_BASELINE_MONTHS
            found.append(notice("short_baseline", metric, file=file, count=count, minimum=minimum))
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


def non_equivalent_periods(data: Dataset, metrics: Mapping[str, Any]) -> list[Notice]:
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
            notice(
                "non_equivalent_periods",
                metric,
                key=non_equivalent_key(metrics[metric], earlier),
                file=f"{stem}.csv",
                before=span(before),
                after=span(after),
                earlier=span(earlier or after),
            )
        )
    return found


def measured_tasks(timings: pd.DataFrame | None) -> set[str]:
    """Tasks with at least one stopwatch measurement without AI and one with AI."""
    if timings is None:
        return set()
    sides = [set(timings.loc[timings["with_ai"] == side, "task"]) for side in ("no", "yes")]
    return sides[0] & sides[1]


def declared_only(data: Dataset) -> list[Notice]:
    """Mistake 3, trusting feelings: tasks used whose minutes were never timed."""
    usage = rows_of(data, "usage")
    if usage is None:
        return []
    tasks = data.frames["tasks"]
    used = set(usage.loc[usage["uses"] > 0, "task"])
    timed = measured_tasks(data.frame("timings"))
    pairs = zip(tasks["task"], tasks["label"], strict=True)
    missing = [f"« {label or task} »" for task, label in pairs if task in used - timed]
    if not missing:
        return []
    key = "all" if len(missing) == len(used) else "message"
    labels = ", ".join(missing)
    return [
        notice(
            "declared_only",
            "time_saved",
            key=key,
            tasks=labels,
            count=len(missing),
            total=len(used),
        )
    ]


def far(ratio: float | None) -> bool:
    """A declared / computed ratio beyond ×1.5 either way.

    >>> far(1.6), far(0.6), far(1.5), far(None)
    (True, True, False, False)
    """
    return ratio is not None and (ratio > DECLARED_LIMIT or ratio < 1 / DECLARED_LIMIT)


def declared_vs_measured(ratios: Mapping[str, Any], names: Mapping[str, str]) -> list[Notice]:
    """Mistake 3: declared minutes saved beyond ×1.5 of the computed ones, overall and per
    person (``ratios`` is ``metrics.time_saved.declared_vs_computed``)."""
    found = []
    overall = ratios["overall"]
    if far(overall):
        people = ratios["people"]
        found.append(
            notice(
                "declared_vs_measured",
                "time_saved",
                key="overall_over" if overall > 1 else "overall_under",
                ratio=decimal(overall),
                declared=number(sum(p["declared"] for p in people)),
                computed=number(sum(p["computed"] for p in people)),
            )
        )
    flagged = [p for p in ratios["people"] if far(p["ratio"])]
    if flagged:
        listed = " ; ".join(
            f"{names.get(p['person'], p['person'])} (×{decimal(p['ratio'])})" for p in flagged
        )
        limit = number(DECLARED_LIMIT, 1)
        named = notice(
            "declared_vs_measured", "time_saved", key="people", people=listed, limit=limit
        )
        anonymous = text("public.declared_people_public", count=len(flagged), limit=limit)
        found.append(replace(named, public_message=anonymous))
    return found


def too_many_metrics(data: Dataset, rollout_month: int | None) -> list[Notice]:
    """Mistake 1, measuring too much: more than 4 metrics fed in the first month."""
    fed = fed_metrics(data)
    if rollout_month != 1 or len(fed) <= FIRST_MONTH_METRICS:
        return []
    titles = ", ".join(text(f"metrics.{m}.short") for m in fed)
    return [notice("too_many_metrics", "", count=len(fed), metrics=titles)]


def qualitative_missing(data: Dataset, rollout_month: int | None) -> list[Notice]:
    """Mistake 5, ignoring qualitative gains: no quality metric (5–8) fed from month 3 on."""
    if rollout_month is None or rollout_month < QUALITY_FROM_MONTH:
        return []
    if any(m in QUALITY for m in fed_metrics(data)):
        return []
    return [notice("qualitative_missing", "", month=rollout_month)]


def age(period: str, reference: date) -> int:
    """Whole weeks (or months) from a week (or month) to the one containing ``reference``."""
    if period_kind(period) == "week":
        return (week_monday(week_of(reference)) - week_monday(period)).days // 7
    return months_between(period, month_of(reference))


def stale_data(latest: Mapping[str, str | None]) -> list[Notice]:
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
            shown = week_label(period) if kind == "week" else month_label(period, long=True)
            found.append(
                notice(
                    "stale_data",
                    metric,
                    key=kind,
                    file=name,
                    latest=shown,
                    age=behind,
                    source=source,
                    reference=day_label(ends[source]),
                )
            )
    return found


def detect(data: Dataset, report: Mapping[str, Any]) -> list[Notice]:
    """Every detector's notices, in the order of the method's five mistakes."""
    ratios = report["metrics"]["time_saved"]["declared_vs_computed"]
    month = report["rollout_month"]
    return [
        *no_baseline(data),
        *short_baseline(data),
        *non_equivalent_periods(data, report["metrics"]),
        *declared_only(data),
        *time_lost(data, report),
        *declared_vs_measured(ratios, data.display_names()),
        *too_many_metrics(data, month),
        *qualitative_missing(data, month),
        *stale_data(report["latest"]),
    ]
