"""The dashboards' key figures: each one's value now and the value it is compared with, from
the metrics already computed (and, in a public report, already masked). Plain numbers and
codes: the pages word them (``generator.pages.tiles``).

A key figure is ``{"value", "previous", "change", "evolution", "basis"}``, and the € figures
add their range's ``low`` and ``high``: ``change`` is value − previous (in the value's unit,
points for a rate or a score), ``evolution`` the same in % of previous; ``basis`` names what
the value is compared with: ``previous_week``, ``previous_weeks`` (the four weeks before the
four averaged), ``previous_month``, or a before/after metric's own (``baseline``,
``year_over_year``; ``did``: the control group's)."""

from __future__ import annotations

from typing import Any

from generator.metrics.business import revenue_total
from generator.metrics.common import evolution, mean
from generator.metrics.operations import WEEKS_PER_MONTH

KeyFigure = dict[str, Any]
WEEKS_AVERAGED = 4


def key_figure(value: float | None, previous: float | None, basis: str | None) -> KeyFigure:
    """A value with the one it is compared with, their difference and evolution.

    >>> key_figure(12.0, 10.0, "previous_week")["change"], key_figure(1.0, None, None)["change"]
    (2.0, None)
    """
    if value is None or previous is None:
        return {"value": value, "previous": previous, "change": None, "evolution": None,
                "basis": None}  # fmt: skip
    return {
        "value": value,
        "previous": previous,
        "change": value - previous,
        "evolution": evolution(previous, value),
        "basis": basis,
    }


def monthly_time_saved(saved: dict[str, Any]) -> KeyFigure:
    """Hours per person and month (the mean of the four weeks used × 52 / 12), against the
    same mean over the four weeks before them."""
    weeks = [w["week"] for w in saved["weeks"]]
    used = saved["weeks_used"]
    start = weeks.index(used[0]) if used else 0
    before = saved["weeks"][max(0, start - WEEKS_AVERAGED) : start]
    per_week = mean(w["hours_per_person"] for w in before)
    enough = len(before) == WEEKS_AVERAGED and per_week is not None
    previous = per_week * WEEKS_PER_MONTH if enough and per_week is not None else None
    return key_figure(saved["hours_per_person_month"], previous, "previous_weeks")


def latest_week(weeks: list[dict[str, Any]], field: str, value: float | None) -> KeyFigure:
    """``value`` (the latest week's) against the week before's ``field``."""
    previous = weeks[-2][field] if len(weeks) > 1 else None
    return key_figure(value, previous, "previous_week")


def month_cost(cost: dict[str, Any]) -> KeyFigure:
    """The cost per hour saved of the report's month against the month before's."""
    months = [row for row in cost["months"] if row["month"] <= (cost["month"] or "")]
    previous = months[-2]["value"] if len(months) > 1 else None
    return key_figure(cost["value"], previous, "previous_month")


def bounds(metric: dict[str, Any], low: str, high: str) -> dict[str, Any]:
    """A € figure's range (``metrics.ranges``) as the key figure's ``low`` and ``high``.

    >>> bounds({"net_gain_low": 1.0, "net_gain_high": 2.0}, "net_gain_low", "net_gain_high")
    {'low': 1.0, 'high': 2.0}
    """
    return {"low": metric.get(low), "high": metric.get(high)}


def alerts(adoption: dict[str, Any]) -> KeyFigure:
    """How many trained people neither used the AI nor answered two weeks running (the
    public report's count, or the complete report's list)."""
    counted = adoption.get("alerts_count", len(adoption["alerts"]))
    return key_figure(float(counted) if adoption["weeks"] else None, None, None)


def compared(before_after: dict[str, Any] | None) -> KeyFigure:
    """A before/after metric's recent months against its own basis."""
    if not before_after:
        return key_figure(None, None, None)
    return key_figure(
        before_after.get("after"), before_after.get("before"), before_after.get("basis")
    )


def revenue(streams: list[dict[str, Any]] | None) -> KeyFigure:
    """Metric 9's headline: the monthly revenue gained, each stream's control-group effect when
    every stream has one (basis ``did``), else the plain after − before."""
    total = revenue_total(streams or [])
    if total is None or not streams:
        return key_figure(None, None, None)
    basis = "did" if total["kind"] == "did" else shared_basis(streams)
    return {**key_figure(total["value"], None, None), "basis": basis}


def errors_avoided(errors: dict[str, Any] | None) -> KeyFigure:
    """Errors avoided per month (already a comparison with the months before the AI) and
    what they are worth."""
    if not errors or not errors.get("types"):
        return key_figure(None, None, None)
    found = key_figure(errors.get("avoided_per_month"), None, None)
    worth = errors.get("value_per_month")
    return {**found, "basis": shared_basis(errors["types"]), "worth": worth}


def shared_basis(rows: list[dict[str, Any]]) -> str | None:
    """The basis all ``rows`` were compared on, or ``mixed``.

    >>> same = [{"basis": "baseline"}, {"basis": "baseline"}]
    >>> shared_basis(same), shared_basis([{}, {"basis": "did"}])
    ('baseline', 'mixed')
    """
    bases = {row.get("basis") for row in rows}
    return bases.pop() if len(bases) == 1 else "mixed"


def key_figures(metrics: dict[str, Any]) -> dict[str, KeyFigure]:
    """Every key figure of the dashboards, by key."""
    saved, adoption, cost, payback = (
        metrics[k] for k in ("time_saved", "adoption", "cost_per_hour", "payback")
    )
    customer = metrics["customer"] or {}
    return {
        "time_saved": monthly_time_saved(saved),
        "adoption": latest_week(adoption["weeks"], "rate", adoption["rate"]),
        "alerts": alerts(adoption),
        "hours_last_week": latest_week(
            saved["weeks"], "hours", saved["weeks"][-1]["hours"] if saved["weeks"] else None
        ),
        "cost_per_hour": {**month_cost(cost), **bounds(cost, "low", "high")},
        "payback": {**key_figure(payback["months"], None, None), **bounds(payback, "low", "high")},
        "net_gain": {
            **key_figure(payback["net_gain_per_month"], None, None),
            **bounds(payback, "net_gain_low", "net_gain_high"),
        },
        "investment": key_figure(payback["investment"], None, None),
        "revenue": revenue(metrics["revenue"]),
        "capacity": compared(metrics["capacity"]),
        "nps": compared(customer.get("nps")),
        "errors_avoided": errors_avoided(metrics["errors_avoided"]),
    }
