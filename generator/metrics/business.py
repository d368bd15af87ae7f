"""Metrics 9 to 12, monthly: revenue, capacity, acquisition cost and freed time reinvested."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from generator.core.periods import compared_months
from generator.input.schema import SCHEMAS
from generator.metrics.common import (
    compare,
    compare_over,
    evolution,
    mean,
    monthly_sum,
    number,
    percent,
    ratio,
)
from generator.metrics.control import TeamGroups, by_team, difference_in_differences

USES = SCHEMAS["freed_time.csv"].column("use").choices
NO_TEAMS = TeamGroups()


def revenue(
    frame: pd.DataFrame | None,
    deployed_on: date,
    recent: int,
    groups: TeamGroups = NO_TEAMS,
) -> list[dict[str, Any]]:
    """Metric 9: per stream, monthly revenue before and after (every team summed), the
    difference and its %, and the difference-in-differences when the file names teams."""
    if frame is None or frame.empty:
        return []
    table = monthly_sum(frame, "revenue", ["stream"])
    periods = compared_months(table.index, deployed_on, recent)
    streams = []
    for stream in table.columns:
        compared = compare_over(table[stream].astype(float), periods)
        before, after = compared["before"], compared["after"]
        delta = None if before is None or after is None else after - before
        months = series(table[stream], "revenue")
        teams = by_team(frame[frame["stream"] == stream], "revenue", True)
        did = difference_in_differences(teams.reindex(table.index, fill_value=0.0), groups, periods)
        streams.append({"stream": stream, **compared, "delta": delta, "months": months, "did": did})
    return streams


def revenue_total(streams: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The one headline of metric 9: the sum over streams of the difference-in-differences
    effect (per AI team and month) when every stream has one, each in whole euros as the table
    shows it (so that the total is the sum a reader makes), else the sum of the simple deltas;
    with the number of streams and the "after" months used. None without a figure.

    >>> row = {"delta": 10.0, "after_months": ["2026-03"], "did": None}
    >>> revenue_total([row, {**row, "delta": 5.0}])["value"]
    15.0
    """
    effects = [(s.get("did") or {}).get("effect") for s in streams]
    if streams and all(e is not None for e in effects):
        months = streams[0]["did"]["ai"]["after_months"]
        return {
            "kind": "did",
            "value": float(sum(round(float(e)) for e in effects if e is not None)),
            "count": len(streams),
            "months": months,
        }
    deltas = [s.get("delta") for s in streams]
    if not streams or any(d is None for d in deltas):
        return None
    total = sum(float(d) for d in deltas if d is not None)
    return {
        "kind": "simple",
        "value": total,
        "count": len(streams),
        "months": streams[0]["after_months"],
    }


def capacity_months(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per month, every team summed: handled, headcount (empty when a row of the month
    has none), per headcount, and the basket averaged with each row's handled as weight."""
    rows = frame.assign(
        weighted=frame["avg_basket"].astype(float) * frame["handled"].astype(float),
        basket_handled=frame["handled"].astype(float).where(frame["avg_basket"].notna()),
    )
    grouped = rows.groupby("month", sort=True)
    handled = grouped["handled"].sum().astype(float)
    headcount = grouped["headcount"].agg(
        lambda h: h.astype(float).sum() if h.notna().all() else None
    )
    headcount = headcount.astype(float)
    weighted = grouped["weighted"].sum(min_count=1) / grouped["basket_handled"].sum()
    plain = grouped["avg_basket"].mean()
    basket = weighted.where(grouped["basket_handled"].sum() > 0, plain).astype(float)
    return pd.DataFrame(
        {
            "handled": handled,
            "headcount": headcount,
            "per_headcount": handled / headcount.where(headcount > 0),
            "avg_basket": basket,
        }
    )


def capacity(
    frame: pd.DataFrame | None,
    deployed_on: date,
    recent: int,
    groups: TeamGroups = NO_TEAMS,
) -> dict[str, Any] | None:
    """Metric 10: handled per month before/after (every team summed), per headcount, the extra
    revenue (Δ handled × mean basket of the after months) and the difference-in-differences of
    the handled per team when the file names teams."""
    if frame is None or frame.empty:
        return None
    by_month = capacity_months(frame)
    periods = compared_months(by_month.index, deployed_on, recent)
    handled = compare_over(by_month["handled"], periods)
    per_head = compare(by_month["per_headcount"], deployed_on, recent)
    basket = mean(float(v) for v in by_month.loc[periods.after, "avg_basket"].dropna())
    before, after = handled["before"], handled["after"]
    extra = None if before is None or after is None or basket is None else (after - before) * basket
    months = [
        {
            "month": str(m),
            "handled": number(h),
            "headcount": number(n),
            "per_headcount": number(p),
        }
        for m, h, n, p in by_month[["handled", "headcount", "per_headcount"]].itertuples(name=None)
    ]
    did = difference_in_differences(by_team(frame, "handled", False), groups, periods)
    return {
        **handled,
        "per_headcount": per_head,
        "avg_basket": basket,
        "extra_revenue": extra,
        "months": months,
        "did": did,
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
    periods = compared_months(frame["month"], deployed_on, recent)
    before = acquisition_figures(frame[frame["month"].isin(periods.before)], hourly_value)
    after = acquisition_figures(frame[frame["month"].isin(periods.after)], hourly_value)
    parts = {
        name: {
            "before": before[name],
            "after": after[name],
            "evolution": evolution(before[name], after[name]),
            "basis": periods.basis,
            "after_months": sorted(set(periods.after) & set(frame["month"])),
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
