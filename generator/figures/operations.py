"""Figures of the weekly operations dashboard (metrics 1 and 2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from generator.core.format import hours, number, percent, week_days, week_label, week_period
from generator.core.i18n import text
from generator.figures import charts
from generator.figures.common import (
    ChartLabels,
    Figure,
    figure,
    texts,
    with_monday,
    with_tips,
)

WINDOW_WEEKS = 52  # a longer weekly series shows its last year: pages carry aggregates, not rows
TABLE_WEEKS = 13  # and the table of hours per task and week, its last quarter


def recent(rows: list[dict[str, Any]], window: int = WINDOW_WEEKS) -> list[dict[str, Any]]:
    """The rows of the last ``window`` weeks of a longer series; a shorter one whole.

    >>> len(recent([{"week": f"2026-W{w:02d}"} for w in range(1, 54)]))
    52
    """
    weeks = sorted({row["week"] for row in rows})
    if len(weeks) <= window:
        return rows
    kept = set(weeks[-window:])
    return [row for row in rows if row["week"] in kept]


def windowed(
    summary: str, rows: list[dict[str, Any]], shown: list[dict[str, Any]], key: str
) -> str:
    """The summary, saying so when only the last weeks are shown."""
    if len(shown) == len(rows):
        return summary
    return f"{summary} {text(key, weeks=WINDOW_WEEKS, table=TABLE_WEEKS)}"


def adoption_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Weekly adoption rate with its band edges."""
    every = metrics["adoption"]["weeks"]
    if not every:
        return None
    weeks = recent(every)
    last = weeks[-1]
    low, high = labels.edges["adoption"]
    points = with_tips(
        "adoption",
        weeks,
        week=lambda w: sentence_start(week_label(w["week"])),
        rate=lambda w: percent(w["rate"]),
        active=lambda w: number(w["active"]),
        trained=lambda w: number(w["trained"]),
    )
    chart = charts.adoption_chart(with_monday(points), (low, high), texts("adoption")["axes"])
    summary = {
        "week": sentence_start(week_label(last["week"])),
        "rate": percent(last["rate"]),
        "active": number(last["active"]),
        "trained": number(last["trained"]),
        "low": number(low),
        "high": number(high),
    }
    rows = [
        (week_days(w["week"]), number(w["trained"]), number(w["active"]), percent(w["rate"]))
        for w in reversed(weeks)
    ]
    return windowed_figure("adoption", chart, summary, rows, every, weeks)


def hours_by_task_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Hours saved per week, stacked by task."""
    by_task = metrics["time_saved"].get("by_task", [])
    if not by_task:
        return None
    points = [{**row, "label": labels.tasks.get(row["task"], row["task"])} for row in by_task]
    shown = recent(points)
    if len(shown) < len(points):  # a long series: only the fields the chart reads
        shown = [{key: p[key] for key in ("week", "label", "hours")} for p in shown]
    tipped = with_tips(
        "hours_by_task",
        shown,
        week=lambda p: sentence_start(week_label(p["week"])),
        label=lambda p: p["label"],
        hours=lambda p: hours(p["hours"]),
    )
    chart = charts.stacked_weeks_chart(with_monday(tipped), texts("hours_by_task")["axes"])
    totals: dict[str, float] = {}
    for row in points:
        totals[row["label"]] = totals.get(row["label"], 0.0) + row["hours"]
    top = max(totals, key=lambda label: totals[label])
    summary = {"top": top, "top_hours": hours(totals[top]), "total": hours(sum(totals.values()))}
    table = recent(shown, TABLE_WEEKS) if len(shown) < len(points) else shown
    rows = [(week_days(p["week"]), p["label"], hours(p["hours"])) for p in reversed(table)]
    built = figure("hours_by_task", chart, summary, rows)
    note = windowed(built.summary, points, shown, "perf.recent_weeks_table")
    return replace(built, summary=note)


def sentence_start(words: str) -> str:
    """``semaine du 2 au 8 mars 2026`` at the start of a sentence: ``Semaine du …``."""
    return words[:1].upper() + words[1:]


def time_saved_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Hours saved per reporting person, week by week."""
    every = metrics["time_saved"]["weeks"]
    if not every:
        return None
    weeks = recent(every)
    points = with_tips(
        "time_saved",
        weeks,
        week=lambda w: sentence_start(week_label(w["week"])),
        hours=lambda w: hours(w["hours_per_person"]),
        people=lambda w: number(w["people"]),
    )
    chart = charts.weekly_line_chart(
        with_monday(points), "hours_per_person", texts("time_saved")["axes"]
    )
    last = weeks[-1]
    summary = {
        "week": sentence_start(week_label(last["week"])),
        "hours": hours(last["hours_per_person"]),
        "month": hours(metrics["time_saved"]["hours_per_person_month"]),
        "weeks": week_period(metrics["time_saved"].get("weeks_used")),
    }
    rows = [
        (week_days(w["week"]), hours(w["hours"]), number(w["people"]), hours(w["hours_per_person"]))
        for w in reversed(weeks)
    ]
    return windowed_figure("time_saved", chart, summary, rows, every, weeks)


def windowed_figure(
    figure_id: str,
    chart: Any,
    summary: dict[str, str],
    rows: Sequence[Sequence[str]],
    every: list[dict[str, Any]],
    shown: list[dict[str, Any]],
) -> Figure:
    """The figure, its summary saying so when only the last weeks are shown."""
    built = figure(figure_id, chart, summary, rows)
    return replace(built, summary=windowed(built.summary, every, shown, "perf.recent_weeks"))
