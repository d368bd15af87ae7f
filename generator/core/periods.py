"""Weeks, months and the before/after split of the method. Pure functions, no I/O.

Weeks are ISO strings ``2026-W03``, months ``2026-01``; both sort as strings.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

import pandas as pd

UNDATED = datetime(2000, 1, 1)
"""The date of a file dated by no data (zip entries, workbooks of a report without a month)."""


def report_stamp(report: dict[str, Any]) -> datetime:
    """The workbooks' date: midnight of the last day of ``as_of.month``, else 2000-01-01."""
    month = report["as_of"].get("month")
    if not month:
        return UNDATED
    year, number = (int(part) for part in month.split("-"))
    return datetime(year, number, calendar.monthrange(year, number)[1])


def week_monday(week: str) -> date:
    """The Monday of an ISO week.

    >>> week_monday("2026-W02")
    datetime.date(2026, 1, 5)
    """
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def week_sunday(week: str) -> date:
    return week_monday(week) + timedelta(days=6)


def week_of(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def add_months(month: str, count: int) -> str:
    """The month ``count`` months after ``month``.

    >>> add_months("2026-11", 3)
    '2027-02'
    """
    year, number = (int(part) for part in month.split("-"))
    index = year * 12 + number - 1 + count
    return f"{index // 12}-{index % 12 + 1:02d}"


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive."""
    months = []
    while first <= last:
        months.append(first)
        first = add_months(first, 1)
    return months


def month_weekdays(month: str) -> list[date]:
    """Monday to Friday days of ``month``."""
    start = date.fromisoformat(f"{month}-01")
    days = (start + timedelta(days=offset) for offset in range(31))
    return [d for d in days if month_of(d) == month and d.weekday() < 5]


def weekday_shares(week: str) -> dict[str, float]:
    """The share of the week's five weekdays falling in each month.

    >>> weekday_shares("2026-W05")  # Mon 26 Jan to Fri 30 Jan
    {'2026-01': 1.0}
    >>> weekday_shares("2026-W14")  # Mon 30 Mar to Fri 3 Apr
    {'2026-03': 0.4, '2026-04': 0.6}
    """
    monday = week_monday(week)
    shares: dict[str, float] = {}
    for offset in range(5):
        month = month_of(monday + timedelta(days=offset))
        shares[month] = shares.get(month, 0.0) + 0.2
    return {month: round(share, 10) for month, share in shares.items()}


def by_month(weekly: pd.Series) -> pd.Series:
    """Weekly totals (indexed by week) spread over months in proportion to weekdays."""
    spread: dict[str, float] = {}
    for week, value in weekly.items():
        for month, share in weekday_shares(str(week)).items():
            spread[month] = spread.get(month, 0.0) + float(value) * share
    return pd.Series(spread, dtype=float).sort_index()


def complete_months(weeks: Iterable[str]) -> list[str]:
    """Months whose every weekday lies in one of ``weeks`` (the weeks with usage rows)."""
    reported = set(weeks)
    if not reported:
        return []
    first = month_of(week_monday(min(reported)))
    last = month_of(week_monday(max(reported)) + timedelta(days=4))
    return [
        month
        for month in month_range(first, last)
        if all(week_of(day) in reported for day in month_weekdays(month))
    ]


def is_baseline_month(month: str, deployed_on: date) -> bool:
    """Months strictly before the month of deployment are the baseline."""
    return month < month_of(deployed_on)


def split_months(
    months: Iterable[str], deployed_on: date, recent: int
) -> tuple[list[str], list[str]]:
    """(baseline months, the last ``recent`` months from deployment on), each sorted."""
    ordered = sorted(set(months))
    before = [m for m in ordered if is_baseline_month(m, deployed_on)]
    after = [m for m in ordered if not is_baseline_month(m, deployed_on)]
    return before, after[-recent:]


Basis = Literal["year_over_year", "baseline"]


@dataclass(frozen=True)
class Periods:
    """The months compared: ``before`` (mean of these) against ``after``, and on what basis."""

    before: list[str]
    after: list[str]
    basis: Basis


def year_earlier(months: Iterable[str], deployed_on: date) -> list[str] | None:
    """The same calendar months a year earlier, when every one is a baseline month; else None.

    >>> year_earlier(["2026-07", "2026-08"], date(2026, 1, 5))
    ['2025-07', '2025-08']
    >>> year_earlier(["2027-02"], date(2026, 1, 5)) is None  # 2026-02 is after deployment
    True
    """
    earlier = [add_months(m, -12) for m in months]
    return earlier if earlier and all(is_baseline_month(m, deployed_on) for m in earlier) else None


def compared_months(months: Iterable[str], deployed_on: date, recent: int) -> Periods:
    """Year over year when the file has, for each of the last ``recent`` months after
    deployment, the same month a year earlier and that month is in the baseline; otherwise
    the last ``recent`` months against every baseline month.

    >>> compared_months(["2025-03", "2025-04", "2026-03", "2026-04"], date(2026, 1, 5), 2)
    Periods(before=['2025-03', '2025-04'], after=['2026-03', '2026-04'], basis='year_over_year')
    >>> compared_months(["2025-03", "2026-03", "2026-04"], date(2026, 1, 5), 2).basis
    'baseline'
    """
    present = set(months)
    before, after = split_months(present, deployed_on, recent)
    earlier = year_earlier(after, deployed_on)
    if earlier is not None and present.issuperset(earlier):
        return Periods(earlier, after, "year_over_year")
    return Periods(before, after, "baseline")


def period_kind(period: str) -> str:
    """``week``, ``month`` or ``date``, from the period's text (``2026-W03``, ``2026-01``…)."""
    return "week" if "-W" in period else "month" if len(period) == 7 else "date"


def months_between(first: str, last: str) -> int:
    """Whole months from ``first`` to ``last``.

    >>> months_between("2025-11", "2026-02")
    3
    """
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])


def period_end(period: str) -> date:
    """The last day a week, a month or a date covers.

    >>> period_end("2026-W20"), period_end("2026-02"), period_end("2026-03-06")
    (datetime.date(2026, 5, 17), datetime.date(2026, 2, 28), datetime.date(2026, 3, 6))
    """
    kind = period_kind(period)
    if kind == "week":
        return week_sunday(period)
    if kind == "month":
        return date.fromisoformat(f"{add_months(period, 1)}-01") - timedelta(days=1)
    return date.fromisoformat(period[:10])
