"""The « Comparer les outils » chart: each tool's cost per hour saved beside the alternatives."""

from __future__ import annotations

from typing import Any

from generator.core.format import money, month_label
from generator.core.i18n import text
from generator.figures import charts
from generator.figures.common import ChartLabels, Figure, figure, texts, with_tips


def tool_name(entry: dict[str, Any]) -> str:
    """A tool as the site names it: its label, or « outil non précisé » for rows without one."""
    return str(entry["label"]) if entry["tool"] is not None else text("tools.unsaid")


def tools_figure(metrics: dict[str, Any], labels: ChartLabels) -> Figure | None:
    """Cost per hour saved of each tool of metric 3's month, then the company's alternatives;
    only when there are two tools or more to compare and a named tool has a cost per hour
    (« outil non précisé » alone would compare no tool)."""
    entries = metrics.get("tools") or []
    priced = [e for e in entries if e["value"] is not None]
    if len(entries) < 2 or all(e["tool"] is None for e in priced):
        return None
    points = [{"label": tool_name(e), "value": e["value"], "highlight": True} for e in priced] + [
        {"label": name, "value": price, "highlight": False}
        for name, price in labels.alternatives.items()
    ]
    tipped = with_tips("tools", points, label=lambda p: p["label"],
                       value=lambda p: money(p["value"], 2))  # fmt: skip
    chart = charts.horizontal_bars_chart(tipped, "value", texts("tools")["axes"])
    summary = {
        "month": month_label(metrics["cost_per_hour"]["month"], long=True),
        "cheapest": money(min(labels.alternatives.values(), default=None), 2),
    }
    rows = [(p["label"], money(p["value"], 2)) for p in points]
    return figure("tools", chart, summary, rows)
