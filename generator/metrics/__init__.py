"""The 12 metrics of the method (declared in ``core.method``, computed in ``compute``), from a
loaded :class:`Dataset` into the ``metrics.json`` structure of the data contract. Pure: no I/O
here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from generator.core.periods import complete_months, week_monday
from generator.input.dataset import Dataset
from generator.metrics import privacy
from generator.metrics.compute import measured_time, metric_inputs, metrics_of, tool_figures
from generator.metrics.detectors import detect
from generator.metrics.keyfigures import key_figures


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


def report(data: Dataset) -> dict[str, Any]:
    """The whole ``metrics.json``: company, as_of, rows read/used, warnings and metrics. The
    warnings are still data here: the loader's notices, then the detectors' findings, which
    ``generator.pages.warnings.worded`` turns into messages before anything shows them."""
    period = as_of(data.frame("usage"))
    inputs = metric_inputs(data, period["week"], period["month"])
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
        "warnings": [notice for notice in data.notices if notice.on_pages],
        "replaced": [] if data.public else list(data.replaced),  # inbox files name people
        "measured_time": measured_time(data),
        "metrics": metrics_of(inputs),
        "tools": tool_figures(inputs),
        "tools_withheld": None,
    }
    if data.public:  # before the detectors, which point at the figures they may show
        frames = {stem: data.frame(stem) for stem in ("capacity", "revenue")}
        result["metrics"] = privacy.mask_small_cuts(
            result["metrics"], data.frames["people"], frames, data.company.min_group_size
        )
        result |= privacy.public_tools(result["tools"], data.company.min_group_size)
    result["warnings"] += detect(data, result)
    if data.public:
        result["metrics"] = privacy.public_metrics(result["metrics"])
    result["key_figures"] = key_figures(result["metrics"])  # from the values a report shows
    return result
