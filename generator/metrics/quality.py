"""Metrics 5 to 8, monthly or by survey: errors avoided, customers, deliverables, mental load."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from generator.core.periods import compared_months
from generator.metrics.common import compare, evolution, mean, monthly_sum, percent, records


def errors_avoided(
    errors: pd.DataFrame | None, error_cost: float, deployed_on: date, recent: int
) -> dict[str, Any]:
    """Metric 5: per error type, monthly errors before − after and their value; totals.

    A type without a row in a month where the file has rows counts 0 that month.
    """
    empty: dict[str, Any] = {"avoided_per_month": None, "value_per_month": None, "types": []}
    if errors is None or errors.empty:
        return empty
    rows = errors.assign(
        value=errors["count"].astype(float) * errors["unit_cost"].fillna(error_cost).astype(float)
    )
    counts, values = (
        monthly_sum(rows, "count", ["error_type"]),
        monthly_sum(rows, "value", ["error_type"]),
    )
    types = []
    for error_type in counts.columns:
        count = compare(counts[error_type].astype(float), deployed_on, recent)
        value = compare(values[error_type].astype(float), deployed_on, recent)
        months = [{"month": str(m), "count": float(c)} for m, c in counts[error_type].items()]
        types.append(
            {
                "error_type": error_type,
                **count,
                "avoided": difference(count),
                "value": difference(value),
                "months": months,
            }
        )
    return {
        "avoided_per_month": total(t["avoided"] for t in types),
        "value_per_month": total(t["value"] for t in types),
        "types": types,
    }


def difference(compared: dict[str, Any]) -> float | None:
    """before − after, None when either side is missing."""
    before, after = compared["before"], compared["after"]
    return None if before is None or after is None else before - after


def total(values: Any) -> float | None:
    """The sum, None as soon as one value is missing (a partial total would mislead)."""
    items = list(values)
    return None if not items or any(v is None for v in items) else float(sum(items))


def complaint_rates(customers: pd.DataFrame, deployed_on: date, recent: int) -> dict[str, Any]:
    """Σ complaints / Σ orders × 100 over each period (periods as :func:`compare` picks them)."""
    measured = customers.dropna(subset=["complaints", "orders"])
    periods = compared_months(measured["month"], deployed_on, recent)

    def rate(months: list[str]) -> float | None:
        part = measured[measured["month"].isin(months)]
        return percent(float(part["complaints"].sum()), float(part["orders"].sum()))

    before, after = rate(periods.before), rate(periods.after)
    return {
        "before": before,
        "after": after,
        "evolution": evolution(before, after),
        "basis": periods.basis,
        "after_months": sorted(set(periods.after) & set(measured["month"])),
    }


def customer(
    customers: pd.DataFrame | None, deployed_on: date, recent: int
) -> dict[str, Any] | None:
    """Metric 6: NPS, response time and complaint rate, before, after and evolution."""
    if customers is None or customers.empty:
        return None
    by_month = customers.set_index("month").sort_index()
    return {
        "nps": compare(by_month["nps"].astype(float), deployed_on, recent),
        "response_minutes": compare(
            by_month["response_minutes"].astype(float), deployed_on, recent
        ),
        "complaint_rate": complaint_rates(customers, deployed_on, recent),
        "months": records(customer_months(customers)),
    }


def customer_months(customers: pd.DataFrame) -> pd.DataFrame:
    """The monthly rows with each month's complaint rate in %."""
    columns = ["month", "nps", "response_minutes", "complaints", "orders"]
    months = customers[columns].sort_values("month")
    orders = months["orders"].astype(float).where(months["orders"] > 0)
    return months.assign(complaint_rate=months["complaints"].astype(float) / orders * 100)


def improved(before: float | None, after: float | None, better: str) -> bool | None:
    """Did the indicator move the way ``better`` (up or down) says? None if unknown.

    >>> improved(12, 8, "down"), improved(20, 23, "up"), improved(5, 5, "up")
    (True, True, False)
    """
    if before is None or after is None:
        return None
    return after > before if better == "up" else after < before


def deliverables(
    frame: pd.DataFrame | None, deployed_on: date, recent: int
) -> list[dict[str, Any]]:
    """Metric 7: per role and indicator, before, after, evolution (keeps its sign), improved."""
    if frame is None or frame.empty:
        return []
    result = []
    for (role, indicator), rows in frame.groupby(["role", "indicator"], sort=True):
        better = str(rows.sort_values("month")["better"].iloc[-1])
        monthly = rows.groupby("month")["value"].mean().astype(float).sort_index()
        compared = compare(monthly, deployed_on, recent)
        entry = {"role": role, "indicator": indicator, "better": better, **compared}
        change = improved(compared["before"], compared["after"], better)
        series = [{"month": str(m), "value": float(v)} for m, v in monthly.items()]
        result.append({**entry, "improved": change, "months": series})
    return result


def latest_answers(frame: pd.DataFrame) -> pd.DataFrame:
    """Each person's latest answer for each task (by ``date``)."""
    return frame.sort_values("date").groupby(["person", "task"], as_index=False).last()


def mental_load(frame: pd.DataFrame | None) -> dict[str, Any]:
    """Metric 8: per person and task (latest answer), load before, after, evolution; mean."""
    if frame is None or frame.empty:
        return {"mean_evolution": None, "rows": []}
    latest = latest_answers(frame)
    rows = [
        {
            "person": p,
            "task": t,
            "before": int(b),
            "after": int(a),
            "evolution": evolution(float(b), float(a)),
        }
        for p, t, b, a in latest[["person", "task", "before", "after"]].itertuples(
            index=False, name=None
        )
    ]
    return {"mean_evolution": mean(r["evolution"] for r in rows), "rows": rows}
