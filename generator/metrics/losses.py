"""A loss read as a loss: tasks that take longer with the AI than without, and a total of
hours saved below zero, which no band of success may hide (see DECISIONS.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.input.dataset import Dataset
from generator.metrics.findings import Finding
from generator.metrics.tools import tool_column, tool_minutes_after

LOSS_METRICS = ("time_saved", "cost_per_hour")


def slower_tasks(
    measured: list[dict[str, Any]],
    used: set[str],
    tool_after: Mapping[tuple[str, str], float] | None = None,
) -> list[str]:
    """Tasks used whose minutes with the AI (as metric 1 uses them) exceed those without: the
    task's own, or those of a tool timed on it that its rows use (``tool_after``: the median of
    each (task, tool) used, as ``tools.hours_rows`` applies it).

    >>> slower_tasks([{"task": "cr", "used_before": 10.0, "used_after": 25.0}], {"cr"})
    ['cr']
    >>> row = {"task": "cr", "used_before": 45.0, "used_after": 10.0}
    >>> slower_tasks([row], {"cr"}, {("cr", "copilot"): 60.0})
    ['cr']
    """
    tools = tool_after or {}
    return [
        row["task"]
        for row in measured
        if row["task"] in used
        and max([row["used_after"], *(v for (t, _), v in tools.items() if t == row["task"])])
        > row["used_before"]
    ]


def used_tool_minutes(data: Dataset) -> dict[tuple[str, str], float]:
    """The median with AI of each (task, tool) timed with that tool and used (uses > 0)."""
    usage = data.frame("usage")
    if usage is None:
        return {}
    active = usage[usage["uses"] > 0]
    pairs = set(zip(active["task"], tool_column(active), strict=True))
    timed = tool_minutes_after(data.frame("timings"))
    return {pair: minutes for pair, minutes in timed.items() if pair in pairs}


def is_loss(metrics: Mapping[str, Any]) -> bool:
    """Whether the headline time saved or the month's cost per hour is banded a loss."""
    return any(metrics[key]["band"] == "loss" for key in LOSS_METRICS)


def time_lost(data: Dataset, report: Mapping[str, Any]) -> list[Finding]:
    """The tasks slower with the AI; the message says so plainly when the total is a loss."""
    usage = data.frame("usage")
    used = set() if usage is None else set(usage.loc[usage["uses"] > 0, "task"])
    slower = slower_tasks(report["measured_time"], used, used_tool_minutes(data))
    if not slower:
        return []
    variant = "total" if is_loss(report["metrics"]) else "tasks"
    return [Finding("time_lost", "time_saved", variant, {"tasks": slower})]
