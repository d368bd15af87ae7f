"""Figures of the monthly financial dashboard (metrics 3 and 4)."""

from __future__ import annotations

from typing import Any

from generator.core.format import hours, money, month_label
from generator.core.i18n import catalogue
from generator.figures import charts
from generator.figures.common import ChartLabels, Figure, figure, texts, with_day, with_tips


def long_month(point: dict[str, Any]) -> str:
    """A point's month in words, for its tooltip: ``janvier 2026``."""
    return month_label(point["month"], long=True)


def spending_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Money paid per month, stacked by category."""
    spending = metrics["payback"].get("spending", [])
    if not spending:
        return None
    names = catalogue()["categories"]
    points = [{**row, "series": names[row["category"]]} for row in spending]
    tipped = with_tips("spending", points, month=long_month, series=lambda p: p["series"],
                       amount=lambda p: money(p["amount"], 2))  # fmt: skip
    chart = charts.stacked_months_chart(with_day(tipped), "amount", texts("spending")["axes"])
    total = sum(row["amount"] for row in spending)
    summary = {"total": money(total), "first": month_label(spending[0]["month"])}
    rows = [(month_label(p["month"]), p["series"], money(p["amount"], 2)) for p in points]
    return figure("spending", chart, summary, rows)


def value_vs_cost_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Value of the hours saved against the money spent, month by month."""
    cumulative = metrics["payback"].get("cumulative", [])
    if not cumulative:
        return None
    axes = texts("value_vs_cost")["axes"]
    points = [
        {"month": row["month"], "series": axes[kind], "amount": row[kind]}
        for row in cumulative
        for kind in ("value", "cost")
    ]
    tipped = with_tips("value_vs_cost", points, month=long_month, series=lambda p: p["series"],
                       amount=lambda p: money(p["amount"]))  # fmt: skip
    chart = charts.monthly_line_chart(with_day(tipped), "amount", axes)
    last = cumulative[-1]
    summary = {
        "month": month_label(last["month"]),
        "value": money(last["value"]),
        "cost": money(last["cost"]),
    }
    rows = [(month_label(r["month"]), money(r["value"]), money(r["cost"])) for r in cumulative]
    return figure("value_vs_cost", chart, summary, rows)


def cost_per_hour_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Cost per hour saved, complete month by complete month."""
    months = [row for row in metrics["cost_per_hour"].get("months", []) if row["value"] is not None]
    if not months:
        return None
    tipped = with_tips("cost_per_hour", months, month=long_month,
                       value=lambda r: money(r["value"], 2), cost=lambda r: money(r["cost"]),
                       hours=lambda r: hours(r["hours"]))  # fmt: skip
    chart = charts.monthly_line_chart(with_day(tipped), "value", texts("cost_per_hour")["axes"])
    last = months[-1]
    summary = {"month": month_label(last["month"]), "value": money(last["value"], 2)}
    rows = [
        (month_label(r["month"]), money(r["cost"], 2), hours(r["hours"]), money(r["value"], 2))
        for r in months
    ]
    return figure("cost_per_hour", chart, summary, rows)


def alternatives_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """The AI's cost per hour saved beside the alternatives of company.yml."""
    value = metrics["cost_per_hour"]["value"]
    if value is None:
        return None
    axes = texts("alternatives")["axes"]
    points = [{"label": axes["ai"], "value": value, "highlight": True}] + [
        {"label": name, "value": price, "highlight": False}
        for name, price in labels.alternatives.items()
    ]
    tipped = with_tips("alternatives", points, label=lambda p: p["label"],
                       value=lambda p: money(p["value"], 2))  # fmt: skip
    chart = charts.horizontal_bars_chart(tipped, "value", axes)
    cheapest = min(labels.alternatives.values(), default=None)
    summary = {"value": money(value, 2), "cheapest": money(cheapest, 2)}
    rows = [(p["label"], money(p["value"], 2)) for p in points]
    return figure("alternatives", chart, summary, rows)


def cumulative_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Cumulative net gain since the first cost, break-even month marked."""
    payback = metrics["payback"]
    cumulative = payback.get("cumulative", [])
    if not cumulative:
        return None
    break_even = payback["break_even_month"]
    marked = f"{break_even}-01" if break_even else None
    tipped = with_tips("cumulative", cumulative, month=long_month,
                       value=lambda r: money(r["cumulative"]))  # fmt: skip
    chart = charts.cumulative_chart(with_day(tipped), marked, texts("cumulative")["axes"])
    entry = texts("cumulative")
    summary = {
        "break_even": month_label(break_even, long=True) if break_even else entry["never"],
        "total": money(cumulative[-1]["cumulative"]),
        "month": month_label(cumulative[-1]["month"]),
    }
    rows = [
        (month_label(r["month"]), money(r["value"]), money(r["cost"]), money(r["cumulative"]))
        for r in cumulative
    ]
    return figure("cumulative", chart, summary, rows)
