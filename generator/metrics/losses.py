"""A loss read as a loss: tasks that take longer with the AI than without, and a total of
hours saved below zero, which no band of success may hide (see DECISIONS.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.input.dataset import Dataset
from generator.metrics.findings import Finding

LOSS_METRICS = ("time_saved", "cost_per_hour")


def slower_tasks(measured: list[dict[str, Any]], used: set[str]) -> list[str]:
    """Tasks used whose minutes with the AI (as metric 1 uses them) exceed those without.

    >>> slower_tasks([{"task": "cr", "used_before": 10.0, "used_after": 25.0}], {"cr"})
    ['cr']
    """
    return [
        row["task"]
        for row in measured
        if row["task"] in used and row["used_after"] > row["used_before"]
    ]


def is_loss(metrics: Mapping[str, Any]) -> bool:
    """Whether the headline time saved or the month's cost per hour is banded a loss."""
    return any(metrics[key]["band"] == "loss" for key in LOSS_METRICS)


def time_lost(data: Dataset, report: Mapping[str, Any]) -> list[Finding]:
    """The tasks slower with the AI; the message says so plainly when the total is a loss."""
    usage = data.frame("usage")
    used = set() if usage is None else set(usage.loc[usage["uses"] > 0, "task"])
    slower = slower_tasks(report["measured_time"], used)
    if not slower:
        return []
    variant = "total" if is_loss(report["metrics"]) else "tasks"
    return [Finding("time_lost", "time_saved", variant, {"tasks": slower})]
