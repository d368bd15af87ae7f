"""Every figure of the site and the function that builds it from the report. Importing this
module loads Altair: ``build_figures`` does so only for figures not yet in the cache."""

from __future__ import annotations

from generator.figures import business, finance, operations, tools
from generator.figures.common import Builder

FIGURES: dict[str, Builder] = {
    "adoption": operations.adoption_figure,
    "hours_by_task": operations.hours_by_task_figure,
    "time_saved": operations.time_saved_figure,
    "spending": finance.spending_figure,
    "value_vs_cost": finance.value_vs_cost_figure,
    "cost_per_hour": finance.cost_per_hour_figure,
    "alternatives": finance.alternatives_figure,
    "tools": tools.tools_figure,
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
