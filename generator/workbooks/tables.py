"""The three dashboards, declared as data: each table becomes a sheet of a workbook.

A table names its columns (header keys of ``downloads.columns`` in the catalogue), the row key
each column shows and how (a :data:`Kind`), and where its rows are in the report dict (the
``metrics.json`` content). Rows are read from the report, never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator.core.format import month_label, period, week_label, week_period
from generator.core.i18n import catalogue, text

FOLDER = "telechargements"

Kind = Literal[
    "text", "person", "task", "tasks", "status", "use", "category", "better", "bool",
    "int", "number", "money", "money2", "percent",
]  # fmt: skip
"""How a value shows: ids and codes become French labels, numbers keep a number format."""

Rows = Callable[[dict[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class TableField:
    """A column of a table: its header key (``downloads.columns``), the row key it shows."""

    column: str
    source: str
    kind: Kind = "text"


@dataclass(frozen=True)
class Table:
    """A sheet of a dashboard: title key (``downloads.sheets``), fields, rows from the report."""

    sheet: str
    fields: tuple[TableField, ...]
    rows: Rows
    optional: bool = False  # no sheet at all when it has no rows (« Outils »: no tools)

    @property
    def per_person(self) -> bool:
        """A row per person: the public report has no such sheet."""
        return any(f.kind == "person" for f in self.fields)


@dataclass(frozen=True)
class Dashboard:
    """A dashboard: its key (``downloads.dashboards``) and its tables, one sheet each."""

    key: str
    tables: tuple[Table, ...]

    @property
    def title(self) -> str:
        return text(f"downloads.dashboards.{self.key}.title")

    @property
    def path(self) -> str:
        """The workbook's path in the docs folder."""
        return f"{FOLDER}/{text(f'downloads.dashboards.{self.key}.file')}"


def metric(report: dict[str, Any], key: str) -> dict[str, Any]:
    """A metric's dict, ``{}`` when the metric has no data (``null``)."""
    return report["metrics"].get(key) or {}


def series(key: str, name: str = "") -> Rows:
    """Rows of a metric's series, e.g. ``time_saved.weeks``; without ``name``, the metric
    itself is the list (``deliverables``, ``revenue``, ``freed_time``)."""
    if not name:
        return lambda report: list(report["metrics"].get(key) or [])
    return lambda report: list(metric(report, key).get(name) or [])


def monthly(key: str, name: str, *outer: str) -> Rows:
    """The ``months`` series nested in each item of a metric's list, one row per item and
    month, with the item's ``outer`` fields (e.g. each revenue stream's monthly revenue)."""
    items = series(key, name)
    return lambda report: [
        {**{field: item[field] for field in outer}, **month}
        for item in items(report)
        for month in item.get("months") or []
    ]


def with_week(key: str, name: str) -> Rows:
    """A per-person series of the latest week, each row with that week."""
    rows = series(key, name)
    return lambda report: [{**row, "week": report["as_of"]["week"]} for row in rows(report)]


def alerts(report: dict[str, Any]) -> list[dict[str, Any]]:
    """People quiet in each of the last two weeks, with both statuses."""
    return [
        {"person": a["person"], "previous": a["statuses"][0], "latest": a["statuses"][-1]}
        for a in metric(report, "adoption").get("alerts") or []
    ]


def band_label(key: str, band: str | None) -> str:
    texts = catalogue()["bands"]
    return str((texts["none"] if band is None else texts[key][band])["label"])


def indicator(key: str, values: dict[str, Any]) -> dict[str, Any]:
    """A row of a before/after table: the indicator's French label and its values."""
    return {"indicator": text(f"downloads.rows.{key}"), **values}


def summary(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The four headline values with their bands and periods, then the payback's figures; the
    € figures with their range (``high`` blank beside a ``low``: no upper bound)."""
    ts, ad = metric(report, "time_saved"), metric(report, "adoption")
    cph, pb = metric(report, "cost_per_hour"), metric(report, "payback")
    week = report["as_of"].get("week")
    latest = week_label(week) if week else None
    months = pb.get("months_used")
    rows = [
        ("time_saved_week", ts.get("hours_per_person_week"), "time_saved", ts.get("band"),
         latest),
        ("time_saved_month", ts.get("hours_per_person_month"), "time_saved", ts.get("band"),
         week_period(ts.get("weeks_used")) if ts.get("weeks_used") else None),
        ("adoption", ad.get("rate"), "adoption", ad.get("band"), latest),
        ("cost_per_hour", cph.get("value"), "cost_per_hour", cph.get("band"),
         month_label(cph.get("month")) if cph.get("month") else None),
        ("payback", pb.get("months"), "payback", pb.get("band"),
         period(months) if months else None),
    ]  # fmt: skip
    ranges = {"cost_per_hour": bounds(cph, "low", "high"), "payback": bounds(pb, "low", "high")}
    return [
        *(
            indicator(row, {"value": value, **ranges.get(row, {}), "band": band_label(k, b),
                            "period": when})
            for row, value, k, b, when in rows
        ),
        indicator("investment", {"value": pb.get("investment")}),
        indicator("net_gain", {"value": pb.get("net_gain_per_month"),
                               **bounds(pb, "net_gain_low", "net_gain_high"),
                               "period": period(months) if months else None}),
    ]  # fmt: skip


def bounds(metric: dict[str, Any], low: str, high: str) -> dict[str, Any]:
    """A € figure's range (``metrics.ranges``) as a summary row's ``low`` and ``high``."""
    return {"low": metric.get(low), "high": metric.get(high)}


def alternatives(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The AI's cost per hour of the last complete month beside the company's alternatives."""
    cph = metric(report, "cost_per_hour")
    ai = text("downloads.rows.ai", month=month_label(cph.get("month")))
    others = [{"solution": k, "cost": v} for k, v in (cph.get("alternatives") or {}).items()]
    return [{"solution": ai, "cost": cph.get("value")}, *others]


def tools(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Metric 3's month per tool (``metrics.json``'s ``tools``): users below the group size
    written « moins de N », never their number."""
    return [
        {
            **entry,
            "name": entry["label"] if entry["tool"] is not None else text("tools.unsaid"),
            "month": month_label(cph_month(report)),
            "band": band_label("cost_per_hour", entry["band"]) if entry["band"] else None,
            "users": (
                text("public.fewer_than", minimum=entry["users_below"])
                if entry["few_users"]
                else entry["users"]
            ),
            "tasks": [t["task"] for t in entry["tasks"]],
        }
        for entry in report.get("tools") or []
    ]


def cph_month(report: dict[str, Any]) -> str | None:
    month: str | None = metric(report, "cost_per_hour").get("month")
    return month


def customer(report: dict[str, Any]) -> list[dict[str, Any]]:
    found = metric(report, "customer")
    parts = ("nps", "response_minutes", "complaint_rate")
    return [indicator(part, found[part]) for part in parts] if found else []


def capacity(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Handled per month and per headcount compared, then the basket and the extra revenue."""
    found = metric(report, "capacity")
    if not found:
        return []
    return [
        indicator("handled", found),
        indicator("per_headcount", found["per_headcount"]),
        indicator("avg_basket", {"after": found["avg_basket"]}),
        indicator("extra_revenue", {"after": found["extra_revenue"]}),
    ]


def cac(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The acquisition cost compared, then its parts."""
    found = metric(report, "cac")
    parts = ("time_per_lead", "cost_per_qualified_lead", "conversion")
    return [indicator("cac", found), *(indicator(p, found[p]) for p in parts)] if found else []


def fields(*specs: tuple[str, str, Kind] | tuple[str, str]) -> tuple[TableField, ...]:
    """Fields from ``(column, source[, kind])`` triples."""
    return tuple(TableField(*spec) for spec in specs)


COMPARE = fields(
    ("indicator", "indicator"),
    ("before", "before", "number"),
    ("after", "after", "number"),
    ("evolution", "evolution", "percent"),
)

# fmt: off
OPERATIONS = Dashboard("operationnel", (
    Table("adoption_weeks", fields(("week", "week"), ("trained", "trained", "int"),
          ("active", "active", "int"), ("adoption_rate", "rate", "percent")),
          series("adoption", "weeks")),
    Table("adoption_people", fields(("week", "week"), ("person", "person", "person"),
          ("uses", "uses", "int"), ("status", "status", "status")),
          with_week("adoption", "people")),
    Table("alerts", fields(("person", "person", "person"), ("previous", "previous", "status"),
          ("latest", "latest", "status")), alerts),
    Table("time_saved_weeks", fields(("week", "week"), ("hours_saved", "hours", "number"),
          ("reporting", "people", "int"), ("hours_per_person", "hours_per_person", "number")),
          series("time_saved", "weeks")),
    Table("time_saved_people", fields(("week", "week"), ("person", "person", "person"),
          ("hours_saved", "hours", "number")), with_week("time_saved", "people")),
    Table("time_saved_tasks", fields(("week", "week"), ("task", "task", "task"),
          ("hours_saved", "hours", "number")), series("time_saved", "by_task")),
))

FINANCE = Dashboard("financier", (
    Table("summary", fields(("indicator", "indicator"), ("value", "value", "number"),
          ("low", "low", "number"), ("high", "high", "number"), ("band", "band"),
          ("period", "period")), summary),
    Table("cost_per_hour_months", fields(("month", "month"), ("month_cost", "cost", "money2"),
          ("hours_saved", "hours", "number"), ("cost_per_hour", "value", "money2")),
          series("cost_per_hour", "months")),
    Table("alternatives", fields(("solution", "solution"), ("hourly_cost", "cost", "money2")),
          alternatives),
    Table("payback_cumulative", fields(("month", "month"), ("hours_value", "value", "money"),
          ("costs_paid", "cost", "money"), ("cumulative", "cumulative", "money")),
          series("payback", "cumulative")),
    Table("spending", fields(("month", "month"), ("category", "category", "category"),
          ("amount", "amount", "money")), series("payback", "spending")),
    Table("tools", fields(("tool", "name"), ("month", "month"),
          ("hours_saved", "hours", "number"), ("own_cost", "own_cost", "money2"),
          ("shared_cost", "shared_cost", "money2"), ("month_cost", "cost", "money2"),
          ("cost_per_hour", "value", "money2"), ("band", "band"), ("users", "users", "int"),
          ("hours_per_user", "hours_per_user", "number"), ("tasks", "tasks", "tasks")),
          tools, optional=True),
))

BUSINESS = Dashboard("business", (
    Table("errors", fields(("error_type", "error_type"), ("errors_before", "before", "number"),
          ("errors_after", "after", "number"), ("evolution", "evolution", "percent"),
          ("avoided", "avoided", "number"), ("saving", "value", "money")),
          series("errors_avoided", "types")),
    Table("errors_months", fields(("month", "month"), ("error_type", "error_type"),
          ("errors", "count", "number")), monthly("errors_avoided", "types", "error_type")),
    Table("customer_compare", COMPARE, customer),
    Table("customer_months", fields(("month", "month"), ("nps", "nps", "number"),
          ("response_minutes", "response_minutes", "number"),
          ("complaints", "complaints", "int"), ("orders", "orders", "int"),
          ("complaint_rate", "complaint_rate", "percent")), series("customer", "months")),
    Table("deliverables", fields(("role", "role"), ("indicator", "indicator"),
          ("better", "better", "better"), ("before", "before", "number"),
          ("after", "after", "number"), ("evolution", "evolution", "percent"),
          ("improved", "improved", "bool")), series("deliverables")),
    Table("deliverables_months", fields(("month", "month"), ("role", "role"),
          ("indicator", "indicator"), ("value", "value", "number")),
          monthly("deliverables", "", "role", "indicator")),
    Table("mental_load", fields(("person", "person", "person"), ("task", "task", "task"),
          ("load_before", "before", "int"), ("load_after", "after", "int"),
          ("evolution", "evolution", "percent")), series("mental_load", "rows")),
    Table("mental_load_tasks", fields(("task", "task", "task"),
          ("respondents", "respondents", "int"), ("load_before", "before", "number"),
          ("load_after", "after", "number"), ("evolution", "evolution", "percent")),
          series("mental_load", "tasks")),
    Table("revenue", fields(("stream", "stream"), ("revenue_before", "before", "money"),
          ("revenue_after", "after", "money"), ("delta", "delta", "money"),
          ("evolution", "evolution", "percent")), series("revenue")),
    Table("revenue_months", fields(("month", "month"), ("stream", "stream"),
          ("revenue", "revenue", "money")), monthly("revenue", "", "stream")),
    Table("capacity", COMPARE, capacity),
    Table("capacity_months", fields(("month", "month"), ("handled", "handled", "number"),
          ("headcount", "headcount", "number"), ("per_headcount", "per_headcount", "number")),
          series("capacity", "months")),
    Table("cac", COMPARE, cac),
    Table("cac_months", fields(("month", "month"), ("time_per_lead", "time_per_lead", "number"),
          ("cost_per_qualified_lead", "cost_per_qualified_lead", "money2"),
          ("conversion", "conversion", "percent"), ("cac", "cac", "money2")),
          series("cac", "months")),
    Table("freed_time", fields(("use", "use", "use"), ("hours", "hours", "number"),
          ("share", "share", "percent")), series("freed_time")),
    Table("freed_time_months", fields(("month", "month"), ("use", "use", "use"),
          ("hours", "hours", "number")), monthly("freed_time", "", "use")),
))
# fmt: on

WORKBOOKS: tuple[Dashboard, ...] = (OPERATIONS, FINANCE, BUSINESS)
