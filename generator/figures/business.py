"""Figures of the quarterly business dashboard (metrics 5 to 12)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.core.format import change, decimal, hours, money, month_label, number, percent
from generator.core.i18n import catalogue
from generator.figures import charts
from generator.figures.common import ChartLabels, Figure, figure, texts, with_day, with_tips
from generator.figures.finance import long_month


def before_after_points(
    figure_id: str, items: list[dict[str, Any]], label: str, show: Callable[[float], str]
) -> list[dict[str, Any]]:
    """Two bars per item: the baseline mean and the recent mean, each value told by ``show``
    in its tooltip."""
    axes = texts(figure_id)["axes"]
    points = [
        {"label": str(item[label]), "period": axes[period], "value": item[period]}
        for item in items
        for period in ("before", "after")
        if item[period] is not None
    ]
    return with_tips(figure_id, points, label=lambda p: p["label"],
                     period=lambda p: p["period"], value=lambda p: show(p["value"]))  # fmt: skip


def errors_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Errors per month by type, before and after."""
    errors = metrics["errors_avoided"]
    if not errors["types"] or errors["avoided_per_month"] is None:
        return None
    axes = texts("errors")["axes"]
    points = before_after_points("errors", errors["types"], "error_type", one_decimal)
    chart = charts.grouped_bars_chart(points, axes)
    summary = {
        "avoided": number(errors["avoided_per_month"], 1),
        "value": money(errors["value_per_month"]),
    }
    rows = [
        (
            t["error_type"],
            number(t["before"], 1),
            number(t["after"], 1),
            number(t["avoided"], 1),
            money(t["value"]),
        )
        for t in errors["types"]
    ]
    return figure("errors", chart, summary, rows)


def monthly_series_figure(
    figure_id: str,
    rows: list[dict[str, Any]],
    field: str,
    labels: ChartLabels,
    show: Callable[[float], str],
) -> Figure | None:
    """A monthly line (or lines, by ``series``) with the deployment month marked."""
    points = [row for row in rows if row.get(field) is not None]
    if not points:
        return None
    axes = texts(figure_id)["axes"]
    tipped = with_tips(figure_id, points, month=long_month,
                       series=lambda p: str(p.get("series", "")),
                       value=lambda p: show(p[field]))  # fmt: skip
    chart = charts.monthly_line_chart(with_day(tipped), field, axes, f"{labels.deployed_month}-01")
    last_month = points[-1]["month"]
    total = sum(p[field] for p in points if p["month"] == last_month)
    summary = {"month": month_label(last_month), "value": show(total)}
    table = [
        tuple(
            part
            for part in (month_label(p["month"]), p.get("series"), show(p[field]))
            if part is not None
        )
        for p in points
    ]
    return figure(figure_id, chart, summary, table)


def one_decimal(value: float) -> str:
    return number(value, 1)


def cents(value: float) -> str:
    return money(value, 2)


def errors_months_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    rows = [
        {**month, "series": t["error_type"]}
        for t in metrics["errors_avoided"]["types"]
        for month in t["months"]
    ]
    return monthly_series_figure("errors_months", rows, "count", labels, number)


def nps_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    customer = metrics["customer"]
    return (
        monthly_series_figure("nps", customer["months"], "nps", labels, number)
        if customer
        else None
    )


def response_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    customer = metrics["customer"]
    return (
        monthly_series_figure("response", customer["months"], "response_minutes", labels, number)
        if customer
        else None
    )


def complaints_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    customer = metrics["customer"]
    return (
        monthly_series_figure(
            "complaints", customer["months"], "complaint_rate", labels, one_decimal
        )
        if customer
        else None
    )


def deliverables_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Evolution of each role's quality indicator, coloured by whether it improved."""
    items = [d for d in metrics["deliverables"] if d["evolution"] is not None]
    if not items:
        return None
    points = [
        {
            "label": f"{d['role']} : {d['indicator']}",
            "evolution": d["evolution"],
            "improved": bool(d["improved"]),
        }
        for d in items
    ]
    tipped = with_tips("deliverables", points, label=lambda p: p["label"],
                       value=lambda p: change(p["evolution"]))  # fmt: skip
    chart = charts.evolution_bars_chart(tipped, texts("deliverables")["axes"])
    summary = {
        "improved": number(sum(1 for d in items if d["improved"])),
        "count": number(len(items)),
    }
    rows = [
        (
            d["role"],
            d["indicator"],
            number(d["before"], 1),
            number(d["after"], 1),
            change(d["evolution"]),
        )
        for d in items
    ]
    return figure("deliverables", chart, summary, rows)


def who(row: dict[str, Any], labels: ChartLabels) -> str:
    """« Person : task » as the pages show them."""
    person = labels.names.get(row["person"], row["person"])
    return f"{person} : {labels.tasks.get(row['task'], row['task'])}"


def mental_load_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Load before and after, per person and task."""
    load = metrics["mental_load"]
    if not load["rows"]:
        return mental_load_tasks_figure(load, labels)
    axes = texts("mental_load")["axes"]
    items = [{**r, "who": who(r, labels)} for r in load["rows"]]
    chart = charts.grouped_bars_chart(
        before_after_points("mental_load", items, "who", number), axes
    )
    summary = {"mean": change(load["mean_evolution"]), "count": number(len(items))}
    rows = [
        (i["who"], f"{i['before']}/10", f"{i['after']}/10", change(i["evolution"])) for i in items
    ]
    return figure("mental_load", chart, summary, rows)


def mental_load_tasks_figure(load: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Load before and after, per task: what a public report shows of metric 8 (tasks
    answered by too few people are left out, as ``metrics.privacy`` masks them)."""
    tasks = [t for t in load.get("tasks", []) if not t.get("masked")]
    if not tasks or load.get("masked"):
        return None
    axes = texts("mental_load_tasks")["axes"]
    items = [{**t, "label": labels.tasks.get(t["task"], t["task"])} for t in tasks]
    points = before_after_points("mental_load_tasks", items, "label", one_decimal)
    chart = charts.grouped_bars_chart(points, axes)
    summary = {"mean": change(load["mean_evolution"]), "count": number(len(items))}
    rows = [
        (i["label"], number(i["respondents"]), f"{decimal(i['before'])}/10",
         f"{decimal(i['after'])}/10", change(i["evolution"]))
        for i in items
    ]  # fmt: skip
    return replace(figure("mental_load_tasks", chart, summary, rows), id="mental_load")


def revenue_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Monthly revenue per stream, before and after."""
    streams = [s for s in metrics["revenue"] if s["before"] is not None and s["after"] is not None]
    if not streams:
        return None
    axes = texts("revenue")["axes"]
    chart = charts.grouped_bars_chart(
        before_after_points("revenue", streams, "stream", money), axes
    )
    delta = sum(s["delta"] for s in streams)
    summary = {"delta": money(delta), "count": number(len(streams))}
    rows = [
        (
            s["stream"],
            money(s["before"]),
            money(s["after"]),
            money(s["delta"]),
            change(s["evolution"]),
        )
        for s in streams
    ]
    return figure("revenue", chart, summary, rows)


def revenue_months_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    rows = [{**m, "series": s["stream"]} for s in metrics["revenue"] for m in s.get("months", [])]
    return monthly_series_figure("revenue_months", rows, "revenue", labels, number)


def capacity_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    capacity = metrics["capacity"]
    return (
        monthly_series_figure("capacity", capacity["months"], "handled", labels, one_decimal)
        if capacity
        else None
    )


def cac_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    cac = metrics["cac"]
    return monthly_series_figure("cac", cac["months"], "cac", labels, cents) if cac else None


def freed_time_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Share of the freed hours by use."""
    uses = metrics["freed_time"]
    if not uses or all(u["share"] is None for u in uses):
        return None
    names = catalogue()["uses"]
    shown = [u for u in uses if u["share"] is not None]
    if not any(u["hours"] for u in shown):  # every use with answers is masked
        return None
    points = [{"label": names[u["use"]], "share": u["share"], "highlight": True} for u in shown]
    tipped = with_tips("freed_time", points, label=lambda p: p["label"],
                       value=lambda p: percent(p["share"]))  # fmt: skip
    chart = charts.horizontal_bars_chart(tipped, "share", texts("freed_time")["axes"])
    top = max(shown, key=lambda u: u["hours"])
    summary = {
        "top": names[top["use"]],
        "share": percent(top["share"]),
        "hours": hours(total_freed_hours(shown)),
    }
    rows = [(names[u["use"]], hours(u["hours"]), percent(u["share"])) for u in shown]
    return figure("freed_time", chart, summary, rows)


def total_freed_hours(shown: list[dict[str, Any]]) -> float:
    """All hours of metric 12, masked uses included: a shown use's hours ÷ its share (the
    total is over enough people; only its split between masked uses is not published)."""
    with_share = [u for u in shown if u["share"]]
    if not with_share:
        return float(sum(u["hours"] for u in shown))
    return float(with_share[0]["hours"] / with_share[0]["share"] * 100)


def freed_time_months_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    names = catalogue()["uses"]
    rows = [
        {**m, "series": names[u["use"]]} for u in metrics["freed_time"] for m in u.get("months", [])
    ]
    return monthly_series_figure("freed_time_months", rows, "hours", labels, one_decimal)
