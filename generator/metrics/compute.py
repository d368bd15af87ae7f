"""Each metric's compute function, bound to its key of the method's declaration
(``core.method.METRICS``) by :func:`computes`. Every one takes the same :class:`MetricInputs`,
built once per report, and returns the metric's entry of ``metrics.json``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from generator.core.method import METRICS
from generator.core.periods import complete_months, is_baseline_month
from generator.input.company import Company
from generator.input.dataset import Dataset
from generator.metrics import (
    business,
    control,
    finance,
    operations,
    privacy,
    quality,
    ranges,
    timings,
)
from generator.metrics import tools as per_tool
from generator.metrics.bands import edges
from generator.metrics.declared import declared_vs_computed

MetricValue = dict[str, Any] | list[dict[str, Any]] | None
USAGE_COLUMNS = ["week", "person", "task", "uses"]


@dataclass(frozen=True)
class MetricInputs:
    """What the compute functions share, derived once from the dataset and the report's periods:
    the usage rows (empty without ``usage.csv``), the tasks' effective durations, the hours
    saved per row and per month, time saved's bootstrap interval, the hours' low and high
    bounds (``metrics.ranges``), the complete months (all, and after the baseline), the AI and
    control teams."""

    data: Dataset
    week: str | None
    month: str | None
    usage: pd.DataFrame
    tasks: pd.DataFrame
    hours: pd.DataFrame
    monthly_hours: pd.Series
    time_interval: dict[str, Any] | None
    hours_range: ranges.HoursRange | None
    complete: list[str]
    complete_after: list[str]
    teams: control.TeamGroups

    @property
    def company(self) -> Company:
        return self.data.company

    def edges(self, key: str) -> tuple[float, ...]:
        """The band edges of metric ``key``: the company's, else the article's."""
        return edges(self.company.thresholds, key)


Compute = Callable[[MetricInputs], MetricValue]
COMPUTE: dict[str, Compute] = {}
"""Each metric's compute function, by key (filled by :func:`computes`)."""


def computes(key: str) -> Callable[[Compute], Compute]:
    """Bind the decorated function to metric ``key``; a key bound twice is a bug."""

    def bind(function: Compute) -> Compute:
        assert key not in COMPUTE, f"metric {key!r} has two compute functions"
        COMPUTE[key] = function
        return function

    return bind


def measured_time(data: Dataset) -> list[dict[str, Any]]:
    """Each task's declared and stopwatch-measured minutes, and the minutes metric 1 uses."""
    return timings.measured_time(data.frames["tasks"], data.frame("timings"))


def metric_inputs(data: Dataset, week: str | None, month: str | None) -> MetricInputs:
    """The shared inputs of the compute functions, for the report's latest week and month."""
    usage = data.frame("usage")
    usage_rows = usage if usage is not None else pd.DataFrame(columns=USAGE_COLUMNS)
    measured = measured_time(data)
    tasks = timings.effective_tasks(data.frames["tasks"], measured)
    hours = per_tool.hours_rows(usage_rows, tasks, data.frame("timings"))
    interval = operations.time_saved_interval(operations.weekly_time_saved(hours), week)
    complete = complete_months(usage_rows["week"].unique())
    return MetricInputs(
        data=data,
        week=week,
        month=month,
        usage=usage_rows,
        tasks=tasks,
        hours=hours,
        monthly_hours=(
            operations.monthly_hours(hours) if not hours.empty else pd.Series(dtype=float)
        ),
        time_interval=interval,
        hours_range=ranges.hours_range(
            usage_rows, tasks, measured, interval, data.frame("timings")
        ),
        complete=complete,
        complete_after=[m for m in complete if not is_baseline_month(m, data.company.deployed_on)],
        teams=control.team_groups(data.frames["people"]),
    )


def metrics_of(inputs: MetricInputs) -> dict[str, Any]:
    """Every metric, keyed and ordered as in ``metrics.json``: the method's order."""
    return {metric.key: COMPUTE[metric.key](inputs) for metric in METRICS}


def tool_figures(i: MetricInputs) -> list[dict[str, Any]]:
    """``metrics.json``'s ``tools``: metric 3's month per tool (``[]`` without tools)."""
    return per_tool.tools(
        i.data.frame("tools"),
        i.hours,
        i.data.frame("costs"),
        i.month,
        i.edges("cost_per_hour"),
        i.company.min_group_size,
    )


@computes("time_saved")
def time_saved(i: MetricInputs) -> MetricValue:
    return {
        **operations.time_saved(i.hours, i.week, i.edges("time_saved"), i.time_interval),
        "declared_vs_computed": declared_vs_computed(i.usage, i.tasks),
    }


@computes("adoption")
def adoption(i: MetricInputs) -> MetricValue:
    people, c = i.data.frames["people"], i.company
    return operations.adoption(i.usage, people, i.week, c.active_uses_per_week, i.edges("adoption"))


@computes("cost_per_hour")
def cost_per_hour(i: MetricInputs) -> MetricValue:
    metric = finance.cost_per_hour(
        i.data.frame("costs"),
        i.monthly_hours,
        i.complete,
        i.month,
        i.company.alternatives,
        i.edges("cost_per_hour"),
    )
    return {**metric, **ranges.cost_per_hour_range(metric, i.hours_range)}


@computes("payback")
def payback(i: MetricInputs) -> MetricValue:
    c = i.company
    costs = i.data.frame("costs")
    metric = finance.payback(
        costs,
        i.monthly_hours,
        i.complete_after,
        i.month,
        c.hourly_value,
        c.recent_months,
        i.edges("payback"),
    )
    return {**metric, **ranges.payback_range(metric, costs, i.hours_range, c.hourly_value)}


@computes("errors_avoided")
def errors_avoided(i: MetricInputs) -> MetricValue:
    c = i.company
    return quality.errors_avoided(
        i.data.frame("errors"), c.error_cost, c.deployed_on, c.recent_months
    )


@computes("customer")
def customer(i: MetricInputs) -> MetricValue:
    return quality.customer(
        i.data.frame("customers"), i.company.deployed_on, i.company.recent_months
    )


@computes("deliverables")
def deliverables(i: MetricInputs) -> MetricValue:
    return quality.deliverables(
        i.data.frame("deliverables"), i.company.deployed_on, i.company.recent_months
    )


@computes("mental_load")
def mental_load(i: MetricInputs) -> MetricValue:
    frame, c = i.data.frame("mental_load"), i.company
    return {
        **privacy.mask_mental_load(
            quality.mental_load(frame),
            privacy.respondents(frame),
            c.min_group_size,
            c.show_names and not i.data.public,
        ),
        "tasks": privacy.mental_load_tasks(frame, c.min_group_size),
    }


@computes("revenue")
def revenue(i: MetricInputs) -> MetricValue:
    c = i.company
    return business.revenue(i.data.frame("revenue"), c.deployed_on, c.recent_months, i.teams)


@computes("capacity")
def capacity(i: MetricInputs) -> MetricValue:
    c = i.company
    return business.capacity(i.data.frame("capacity"), c.deployed_on, c.recent_months, i.teams)


@computes("cac")
def cac(i: MetricInputs) -> MetricValue:
    c = i.company
    return business.cac(i.data.frame("acquisition"), c.hourly_value, c.deployed_on, c.recent_months)


@computes("freed_time")
def freed_time(i: MetricInputs) -> MetricValue:
    frame, c = i.data.frame("freed_time"), i.company
    recent, minimum = c.recent_months, c.min_group_size
    return privacy.freed_time_months(
        privacy.mask_freed_time(
            business.freed_time(frame, recent),
            privacy.respondents(frame, recent),
            minimum,
        ),
        frame,
        recent,
        minimum,
    )
