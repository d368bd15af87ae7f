"""Metrics 9 to 12, monthly: revenue, capacity, acquisition cost and freed time reinvested."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from generator.metrics.common import (
    compare,
    evolution,
    mean,
    monthly_sum,
    number,
    percent,
    ratio,
)
from generator.periods import split_months
from generator.schema import SCHEMAS

USES = SCHEMAS["freed_time.csv"].column("use").choices


def revenue(frame: pd.DataFrame | None, deployed_on: date, recent: int) -> list[dict[str, Any]]:
    """Metric 9: per stream, monthly revenue before and after, the difference and its %."""
    if frame is None or frame.empty:
        return []
    table = monthly_sum(frame, "revenue", ["stream"])
    streams = []
    for stream in table.columns:
        compared = compare(table[stream].astype(float), deployed_on, recent)
        before, after = compared["before"], compared["after"]
        delta = None if before is None or after is None else after - before
        months = series(table[stream], "revenue")
        streams.append({"stream": stream, **compared, "delta": delta, "months": months})
    return streams


def capacity(frame: pd.DataFrame | None, deployed_on: date, recent: int) -> dict[str, Any] | None:
    """Metric 10: handled per month before/after, per headcount, and the extra revenue
    (Δ handled × mean basket of the after months)."""
    if frame is None or frame.empty:
        return None
    by_month = frame.set_index("month").sort_index()
    handled = compare(by_month["handled"].astype(float), deployed_on, recent)
    per_head = compare(
        (by_month["handled"] / by_month["headcount"]).astype(float), deployed_on, recent
    )
    _, after_months = split_months(by_month.index, deployed_on, recent)
    basket = mean(float(v) for v in by_month.loc[after_months, "avg_basket"].dropna())
    before, after = handled["before"], handled["after"]
    extra = None if before is None or after is None or basket is None else (after - before) * basket
    months = [
        {
            "month": str(m),
            "handled": number(h),
            "headcount": number(n),
            "per_headcount": ratio(number(h), number(n)),
        }
        for m, h, n in zip(by_month.index, by_month["handled"], by_month["headcount"], strict=True)
    ]
    return {
        **handled,
        "per_headcount": per_head,
        "avg_basket": basket,
        "extra_revenue": extra,
        "months": months,
    }


def acquisition_figures(rows: pd.DataFrame, hourly_value: float) -> dict[str, float | None]:
    """Ratios of sums over a period's months: time per lead, costs, conversion, CAC."""
    if rows.empty:
        return dict.fromkeys(("time_per_lead", "cost_per_qualified_lead", "conversion", "cac"))
    total = (
        rows[["leads", "qualified_leads", "sales_minutes", "marketing_spend", "new_customers"]]
        .astype(float)
        .sum()
    )
    cost = total["sales_minutes"] / 60 * hourly_value + total["marketing_spend"]
    return {
        "time_per_lead": ratio(total["sales_minutes"], total["leads"]),
        "cost_per_qualified_lead": ratio(cost, total["qualified_leads"]),
        "conversion": percent(total["new_customers"], total["qualified_leads"]),
        "cac": ratio(cost, total["new_customers"]),
    }


def cac(
    frame: pd.DataFrame | None, hourly_value: float, deployed_on: date, recent: int
) -> dict[str, Any] | None:
    """Metric 11: customer acquisition cost before, after and evolution, with its parts."""
    if frame is None or frame.empty:
        return None
    before_months, after_months = split_months(frame["month"], deployed_on, recent)
    before = acquisition_figures(frame[frame["month"].isin(before_months)], hourly_value)
    after = acquisition_figures(frame[frame["month"].isin(after_months)], hourly_value)
    parts = {
        name: {
            "before": before[name],
            "after": after[name],
            "evolution": evolution(before[name], after[name]),
        }
        for name in before
    }
    months = [
        {"month": str(month), **acquisition_figures(rows, hourly_value)}
        for month, rows in frame.groupby("month", sort=True)
    ]
    return {**parts.pop("cac"), **parts, "months": months}


def freed_time(frame: pd.DataFrame | None, recent: int) -> list[dict[str, Any]]:
    """Metric 12: hours per use over the last ``recent`` months with answers, and shares in %."""
    if frame is None or frame.empty:
        return []
    months = sorted(frame["month"].unique())[-recent:]
    hours = frame[frame["month"].isin(months)].groupby("use")["hours"].sum().astype(float)
    overall = float(hours.sum())
    by_month = monthly_sum(frame, "hours", ["use"])
    return [
        {
            "use": use,
            "hours": float(hours.get(use, 0.0)),
            "share": percent(float(hours.get(use, 0.0)), overall),
            "months": series(by_month.get(use), "hours"),
        }
        for use in USES
    ]


def series(monthly: pd.Series | None, name: str) -> list[dict[str, Any]]:
    """A month-indexed series as ``[{"month": …, name: …}]`` for charts."""
    if monthly is None:
        return []
    return [{"month": str(m), name: number(v)} for m, v in monthly.sort_index().items()]
