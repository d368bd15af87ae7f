"""Metrics 1 and 2, weekly: time saved per person and the real adoption rate."""

from __future__ import annotations

from typing import Any

import pandas as pd

from generator.core.periods import by_month, week_sunday
from generator.metrics.bands import adoption_band, time_saved_band
from generator.metrics.common import mean, number, records
from generator.metrics.uncertainty import recent_interval

WEEKS_PER_MONTH = 52 / 12


def hours_saved_rows(usage: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    """Usage rows with ``hours`` = (minutes_before − minutes_after) × uses / 60.

    >>> u = pd.DataFrame({"week": ["2026-W03"], "person": ["sophie"], "task": ["cr"], "uses": [8]})
    >>> t = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [15.0]})
    >>> float(hours_saved_rows(u, t)["hours"].iloc[0])
    6.0
    """
    minutes = tasks.set_index("task")
    saved = minutes["minutes_before"].astype(float) - minutes["minutes_after"].astype(float)
    rows = usage[["week", "person", "task", "uses"]].copy()
    rows["hours"] = rows["task"].map(saved).astype(float) * rows["uses"].astype(float) / 60
    return rows


def weekly_time_saved(hours: pd.DataFrame) -> pd.DataFrame:
    """Per week: total hours, people who reported, and hours per reporting person."""
    weeks = hours.groupby("week").agg(hours=("hours", "sum"), people=("person", "nunique"))
    weeks["hours_per_person"] = weeks["hours"] / weeks["people"]
    return weeks.sort_index()


def monthly_hours(hours: pd.DataFrame) -> pd.Series:
    """Total hours saved per calendar month, weeks split by their weekdays."""
    return by_month(hours.groupby("week")["hours"].sum())


def time_saved(
    hours: pd.DataFrame,
    as_of_week: str | None,
    edges: tuple[float, ...],
    interval: dict[str, Any] | None,
) -> dict[str, Any]:
    """Metric 1: hours per person in ``as_of_week``, and per month (mean of the last 4
    reported weeks × 52 / 12; ``weeks_used``: the ones there are, possibly fewer), with the
    band read on the monthly value and ``interval`` (:func:`time_saved_interval`, computed once
    per report: the € ranges read it too). None without usage."""
    weeks = weekly_time_saved(hours)
    if as_of_week is None or weeks.empty:
        return {
            "people": [],
            "by_task": [],
            "hours_per_person_week": None,
            "hours_per_person_month": None,
            "weeks_used": [],
            "band": None,
            "weeks": [],
            "interval": None,
        }
    recent = weeks.loc[:as_of_week, "hours_per_person"].tail(4)
    monthly = mean(float(v) for v in recent)
    per_month = None if monthly is None else monthly * WEEKS_PER_MONTH
    by_task = hours.groupby(["week", "task"], as_index=False)["hours"].sum()
    latest = hours[hours["week"] == as_of_week].groupby("person", as_index=False)["hours"].sum()
    return {
        "hours_per_person_week": number(weeks.at[as_of_week, "hours_per_person"]),
        "hours_per_person_month": per_month,
        "weeks_used": [str(w) for w in recent.index],
        "band": time_saved_band(per_month, edges),
        "weeks": records(weeks.reset_index()),
        "interval": interval,
        "by_task": records(by_task),
        "people": records(latest),
    }


def time_saved_interval(weeks: pd.DataFrame, as_of_week: str | None) -> dict[str, Any] | None:
    """The bootstrap interval of the hours per person per week up to ``as_of_week``
    (``weekly_time_saved``'s rows), None without enough weeks."""
    if as_of_week is None or weeks.empty:
        return None
    return recent_interval(records(weeks.loc[:as_of_week].reset_index()), "hours_per_person")


def trained_people(people: pd.DataFrame, week: str) -> list[str]:
    """People of group ``ai`` trained on or before the week's Sunday."""
    sunday = pd.Timestamp(week_sunday(week))
    trained = people[(people["group"] == "ai") & people["trained_on"].notna()]
    return sorted(trained.loc[trained["trained_on"] <= sunday, "person"])


def status(uses: int | None, active_uses: int) -> str:
    """A person's adoption status from their uses in a week (None: did not report).

    >>> [status(u, 3) for u in (12, 2, 0, None)]
    ['actif', 'faible', 'inactif', 'non_renseigne']
    """
    if uses is None:
        return "non_renseigne"
    if uses >= active_uses:
        return "actif"
    return "faible" if uses > 0 else "inactif"


def uses_by_week(usage: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Total uses per week and person: ``{week: {person: uses}}`` (reported rows only)."""
    totals = usage.groupby(["week", "person"])["uses"].sum()
    weeks: dict[str, dict[str, int]] = {}
    for (week, person), uses in totals.items():
        weeks.setdefault(str(week), {})[str(person)] = int(uses)
    return weeks


def week_statuses(
    uses: dict[str, int], people: pd.DataFrame, week: str, active_uses: int
) -> list[dict[str, Any]]:
    """Each trained person's uses in ``week`` (None when they did not report) and status."""
    return [
        {
            "person": person,
            "uses": uses.get(person),
            "status": status(uses.get(person), active_uses),
        }
        for person in trained_people(people, week)
    ]


def adoption_rate(statuses: list[dict[str, Any]]) -> float | None:
    """Active / trained × 100; None with nobody trained.

    >>> adoption_rate([{"status": "actif"}, {"status": "faible"}, {"status": "inactif"}])
    33.33333333333333
    """
    if not statuses:
        return None
    active = sum(1 for s in statuses if s["status"] == "actif")
    return active / len(statuses) * 100


def adoption_weeks(
    usage: pd.DataFrame, people: pd.DataFrame, active_uses: int
) -> list[dict[str, Any]]:
    """The adoption rate of every week with usage rows."""
    weeks = []
    for week, uses in sorted(uses_by_week(usage).items()):
        statuses = week_statuses(uses, people, week, active_uses)
        active = sum(1 for s in statuses if s["status"] == "actif")
        weeks.append(
            {
                "week": week,
                "trained": len(statuses),
                "active": active,
                "rate": adoption_rate(statuses),
            }
        )
    return weeks


QUIET = ("inactif", "non_renseigne")


def alerts(
    weeks: dict[str, dict[str, int]], people: pd.DataFrame, active_uses: int
) -> list[dict[str, Any]]:
    """Trained people inactive or not reporting in each of the last two weeks with usage rows.

    >>> p = pd.DataFrame({"person": ["ana", "ben"], "group": ["ai", "ai"],
    ...     "trained_on": pd.to_datetime(["2026-01-05", "2026-01-05"])})
    >>> alerts({"2026-W03": {"ana": 0, "ben": 4}, "2026-W04": {"ben": 5}}, p, 3)
    [{'person': 'ana', 'statuses': ['inactif', 'non_renseigne']}]
    """
    last_two = sorted(weeks)[-2:]
    if len(last_two) < 2:
        return []
    flagged = []
    for person in trained_people(people, last_two[0]):
        statuses = [status(weeks[week].get(person), active_uses) for week in last_two]
        if all(s in QUIET for s in statuses):
            flagged.append({"person": person, "statuses": statuses})
    return flagged


def adoption(
    usage: pd.DataFrame,
    people: pd.DataFrame,
    as_of_week: str | None,
    active_uses: int,
    edges: tuple[float, ...],
) -> dict[str, Any]:
    """Metric 2 for ``as_of_week``: rate, band, each trained person's status, weekly series."""
    if as_of_week is None:
        empty: dict[str, Any] = {
            "rate": None,
            "band": None,
            "people": [],
            "weeks": [],
            "alerts": [],
        }
        return {**empty, "interval": None}
    weeks = uses_by_week(usage)
    statuses = week_statuses(weeks.get(as_of_week, {}), people, as_of_week, active_uses)
    rate = adoption_rate(statuses)
    series = adoption_weeks(usage, people, active_uses)
    return {
        "rate": rate,
        "band": adoption_band(rate, edges),
        "people": statuses,
        "weeks": series,
        "interval": recent_interval([w for w in series if w["week"] <= as_of_week], "rate"),
        "alerts": alerts(weeks, people, active_uses),
    }
