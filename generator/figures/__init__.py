"""Every figure of the site, built from the report: ``{figure id: Figure}``.

A figure without data is simply absent; pages then say what to collect.
"""

from __future__ import annotations

from typing import Any

from generator.figures import business, finance, operations
from generator.figures.common import Builder, ChartLabels, Figure

FIGURES: dict[str, Builder] = {
    "adoption": operations.adoption_figure,
    "hours_by_task": operations.hours_by_task_figure,
    "time_saved": operations.time_saved_figure,
    "spending": finance.spending_figure,
    "value_vs_cost": finance.value_vs_cost_figure,
    "cost_per_hour": finance.cost_per_hour_figure,
    "alternatives": finance.alternatives_figure,
    "cumulative": finance.cumulative_figure,
    "errors": business.errors_figure,
    "errors_months": business.errors_months_figure,
    "nps": business.nps_figure,
    "response": business.response_figure,
    "complaints": business.complaints_figure,
    "deliverables": business.deliverables_figure,
    "mental_load": business.mental_load_figure,
    "revenue": business.revenue_figure,
    "revenue_months": business.revenue_months_figure,
    "capacity": business.capacity_figure,
    "cac": business.cac_figure,
    "freed_time": business.freed_time_figure,
    "freed_time_months": business.freed_time_months_figure,
}

__all__ = ["FIGURES", "ChartLabels", "Figure", "build_figures"]


def build_figures(report: dict[str, Any], labels: ChartLabels) -> dict[str, Figure]:
    """The figures that have data, keyed by id."""
    built = {key: builder(report["metrics"], labels) for key, builder in FIGURES.items()}
    return {key: value for key, value in built.items() if value is not None}
