"""Figures of the weekly operations dashboard (metrics 1 and 2)."""

from __future__ import annotations

from typing import Any

from generator import charts
from generator.figures.common import Figure, Labels, figure, texts, with_monday
from generator.format import hours, number, percent


def adoption_figure(metrics: dict[str, Any], labels: Labels) -> Figure | None:
    """Weekly adoption rate with its band edges."""
    weeks = metrics["adoption"]["weeks"]
    if not weeks:
        return None
    last = weeks[-1]
    low, high = labels.edges["adoption"]
    chart = charts.adoption_chart(with_monday(weeks), (low, high), texts("adoption")["axes"])
    summary = {
        "week": last["week"],
        "rate": percent(last["rate"]),
        "active": number(last["active"]),
        "trained": number(last["trained"]),
        "low": number(low),
        "high": number(high),
    }
    rows = [
        (w["week"], number(w["trained"]), number(w["active"]), percent(w["rate"]))
        for w in reversed(weeks)
    ]
    return figure("adoption", chart, summary, rows)


def hours_by_task_figure(metrics: dict[str, Any], labels: Labels) -> Figure | None:
    """Hours saved per week, stacked by task."""
    by_task = metrics["time_saved"].get("by_task", [])
    if not by_task:
        return None
    points = [{**row, "label": labels.tasks.get(row["task"], row["task"])} for row in by_task]
    chart = charts.stacked_weeks_chart(with_monday(points), texts("hours_by_task")["axes"])
    totals: dict[str, float] = {}
    for row in points:
        totals[row["label"]] = totals.get(row["label"], 0.0) + row["hours"]
    top = max(totals, key=lambda label: totals[label])
    summary = {"top": top, "top_hours": hours(totals[top]), "total": hours(sum(totals.values()))}
    rows = [(p["week"], p["label"], hours(p["hours"])) for p in reversed(points)]
    return figure("hours_by_task", chart, summary, rows)


def time_saved_figure(metrics: dict[str, Any], labels: Labels) -> Figure | None:
    """Hours saved per reporting person, week by week."""
    weeks = metrics["time_saved"]["weeks"]
    if not weeks:
        return None
    chart = charts.weekly_line_chart(
        with_monday(weeks), "hours_per_person", texts("time_saved")["axes"]
    )
    last = weeks[-1]
    summary = {
        "week": last["week"],
        "hours": hours(last["hours_per_person"]),
        "month": hours(metrics["time_saved"]["hours_per_person_month"]),
    }
    rows = [
        (w["week"], hours(w["hours"]), number(w["people"]), hours(w["hours_per_person"]))
        for w in reversed(weeks)
    ]
    return figure("time_saved", chart, summary, rows)
