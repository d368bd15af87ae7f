"""The 12 metrics of the method, computed from a loaded :class:`Dataset` into the
``metrics.json`` structure of the data contract. Pure: no I/O here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from generator.core.periods import complete_months, is_baseline_month, week_monday
from generator.input.load import Dataset
from generator.metrics import (
    business,
    control,
    finance,
    operations,
    privacy,
    quality,
    timings,
)
from generator.metrics.bands import edges
from generator.metrics.declared import declared_vs_computed
from generator.metrics.detectors import detect

METRICS: tuple[str, ...] = (
    "time_saved",
    "adoption",
    "cost_per_hour",
    "payback",
    "errors_avoided",
    "customer",
    "deliverables",
    "mental_load",
    "revenue",
    "capacity",
    "cac",
    "freed_time",
)


def as_of(usage: pd.DataFrame | None) -> dict[str, str | None]:
    """The latest week with usage rows and the latest complete month."""
    if usage is None or usage.empty:
        return {"week": None, "month": None}
    months = complete_months(usage["week"].unique())
    return {"week": str(usage["week"].max()), "month": months[-1] if months else None}


PERIOD_COLUMNS = ("week", "month", "date", "start")


def latest_periods(frames: dict[str, pd.DataFrame]) -> dict[str, str | None]:
    """Each measurement file's latest week, month or date: how fresh the data is."""
    latest: dict[str, str | None] = {}
    for stem, frame in frames.items():
        column = next((c for c in PERIOD_COLUMNS if c in frame.columns), None)
        if column is None:
            continue
        value = frame[column].dropna().max() if not frame.empty else None
        latest[f"{stem}.csv"] = None if value is None or value is pd.NaT else str(value)[:10]
    return latest


def rollout_month(deployed_on: date, week: str | None) -> int | None:
    """Which month of the rollout the latest week falls in (the deployment month is 1).

    >>> rollout_month(date(2026, 1, 5), "2026-W40")
    9
    """
    if week is None:
        return None
    latest = week_monday(week)
    return (latest.year - deployed_on.year) * 12 + latest.month - deployed_on.month + 1


def measured_time(data: Dataset) -> list[dict[str, Any]]:
    """Each task's declared and stopwatch-measured minutes, and the minutes metric 1 uses."""
    return timings.measured_time(data.frames["tasks"], data.frame("timings"))


def compute_metrics(data: Dataset, week: str | None, month: str | None) -> dict[str, Any]:
    """Every metric, keyed as in ``metrics.json``."""
    c = data.company
    usage, people = data.frame("usage"), data.frames["people"]
    tasks = timings.effective_tasks(data.frames["tasks"], measured_time(data))
    usage_rows = (
        usage if usage is not None else pd.DataFrame(columns=["week", "person", "task", "uses"])
    )
    hours = operations.hours_saved_rows(usage_rows, tasks)
    monthly_hours = operations.monthly_hours(hours) if not hours.empty else pd.Series(dtype=float)
    complete = complete_months(usage_rows["week"].unique())
    complete_after = [m for m in complete if not is_baseline_month(m, c.deployed_on)]
    costs = data.frame("costs")
    recent = c.recent_months
    teams = control.team_groups(people)
    return {
        "time_saved": {
            **operations.time_saved(hours, week, edges(c.thresholds, "time_saved")),
            "declared_vs_computed": declared_vs_computed(usage_rows, tasks),
        },
        "adoption": operations.adoption(
            usage_rows, people, week, c.active_uses_per_week, edges(c.thresholds, "adoption")
        ),
        "cost_per_hour": finance.cost_per_hour(
            costs,
            monthly_hours,
            complete,
            month,
            c.alternatives,
            edges(c.thresholds, "cost_per_hour"),
        ),
        "payback": finance.payback(
            costs,
            monthly_hours,
            complete_after,
            month,
            c.hourly_value,
            recent,
            edges(c.thresholds, "payback"),
        ),
        "errors_avoided": quality.errors_avoided(
            data.frame("errors"), c.error_cost, c.deployed_on, recent
        ),
        "customer": quality.customer(data.frame("customers"), c.deployed_on, recent),
        "deliverables": quality.deliverables(data.frame("deliverables"), c.deployed_on, recent),
        "mental_load": {
            **privacy.mask_mental_load(
                quality.mental_load(data.frame("mental_load")),
                privacy.respondents(data.frame("mental_load")),
                c.min_group_size,
                c.show_names and not data.public,
            ),
            "tasks": privacy.mental_load_tasks(data.frame("mental_load"), c.min_group_size),
        },
        "revenue": business.revenue(data.frame("revenue"), c.deployed_on, recent, teams),
        "capacity": business.capacity(data.frame("capacity"), c.deployed_on, recent, teams),
        "cac": business.cac(data.frame("acquisition"), c.hourly_value, c.deployed_on, recent),
        "freed_time": privacy.freed_time_months(
            privacy.mask_freed_time(
                business.freed_time(data.frame("freed_time"), recent),
                privacy.respondents(data.frame("freed_time"), recent),
                c.min_group_size,
            ),
            data.frame("freed_time"),
            recent,
            c.min_group_size,
        ),
    }


def report(data: Dataset) -> dict[str, Any]:
    """The whole ``metrics.json``: company, as_of, rows read/used, warnings and metrics. The
    warnings are still data here: the loader's notices, then the detectors' findings, which
    ``generator.pages.warnings.worded`` turns into messages before anything shows them."""
    period = as_of(data.frame("usage"))
    result: dict[str, Any] = {
        "company": data.company.name,
        "deployed_on": data.company.deployed_on.isoformat(),
        "as_of": period,
        "rollout_month": rollout_month(data.company.deployed_on, period["week"]),
        "latest": latest_periods(data.frames),
        "rows": {
            name: {"read": count.read, "used": count.used} for name, count in data.rows.items()
        },
        "public": data.public,
        "warnings": list(data.notices),
        "replaced": [] if data.public else list(data.replaced),  # inbox files name people
        "measured_time": measured_time(data),
        "metrics": compute_metrics(data, period["week"], period["month"]),
    }
    if data.public:  # before the detectors, which point at the figures they may show
        frames = {stem: data.frame(stem) for stem in ("capacity", "revenue")}
        result["metrics"] = privacy.mask_small_cuts(
            result["metrics"], data.frames["people"], frames, data.company.min_group_size
        )
    result["warnings"] += detect(data, result)
    if data.public:
        result["metrics"] = privacy.public_metrics(result["metrics"])
    return result
