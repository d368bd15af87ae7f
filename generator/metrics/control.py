"""The control group: teams without AI, and the difference-in-differences against them.

A monthly business file may give a ``team`` per row. A team of ``people.csv`` whose people are
all in group ``control`` is a control team, one whose people are all in group ``ai`` an AI team;
a mixed team, a team ``people.csv`` does not know and a blank team are neither (their rows count
in the company's totals, not in the comparison). Each group's monthly value is the mean over its
teams of the teams' monthly values; before and after are taken over the same months as the
metric's own comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from generator.core.periods import Periods
from generator.metrics.common import compare_over

SIZE_RATIO = 1.5
"""Beyond this ratio between the groups' before levels, the pages say to read the evolutions
in % rather than the difference in units."""


@dataclass(frozen=True)
class TeamGroups:
    """The teams whose people all use AI (``ai``) and those whose people all do not."""

    ai: frozenset[str] = frozenset()
    control: frozenset[str] = frozenset()


def team_groups(people: pd.DataFrame | None) -> TeamGroups:
    """AI and control teams from ``people.csv``; mixed teams are in neither.

    >>> people = pd.DataFrame({"team": ["A", "A", "B", "C", "C"],
    ...                        "group": ["ai", "ai", "control", "ai", "control"]})
    >>> groups = team_groups(people)
    >>> sorted(groups.ai), sorted(groups.control)
    (['A'], ['B'])
    """
    if people is None or "team" not in people:
        return TeamGroups()
    named = people.dropna(subset=["team"])
    members = named.groupby("team")["group"].agg(lambda groups: frozenset(groups))
    return TeamGroups(
        ai=frozenset(str(t) for t, g in members.items() if g == {"ai"}),
        control=frozenset(str(t) for t, g in members.items() if g == {"control"}),
    )


def by_team(frame: pd.DataFrame, value: str, fill: bool) -> pd.DataFrame:
    """A month × team table of ``value`` sums over the rows that name a team. With ``fill``,
    a month of ``frame`` in which a team has no row counts 0 (teams without any row are left
    out); without it the cell is empty."""
    named = frame.dropna(subset=["team"]) if "team" in frame else frame.iloc[0:0]
    if named.empty:
        return pd.DataFrame(index=pd.Index([], name="month"))
    table = named.pivot_table(index="month", columns="team", values=value, aggfunc="sum")
    months = sorted(frame["month"].unique())
    table = table.reindex(months)
    return table.fillna(0.0) if fill else table


def group_side(table: pd.DataFrame, teams: list[str], periods: Periods) -> dict[str, Any]:
    """One group's before, after and change, its monthly value being the mean over ``teams``."""
    compared = compare_over(table[teams].astype(float).mean(axis=1), periods)
    before, after = compared["before"], compared["after"]
    change = None if before is None or after is None else after - before
    return {
        "teams": teams,
        "before": before,
        "after": after,
        "evolution": compared["evolution"],
        "after_months": compared["after_months"],
        "change": change,
    }


def comparable(first: float | None, second: float | None) -> bool | None:
    """Are two groups' before levels within a factor :data:`SIZE_RATIO` of each other? A
    difference in euros or in cases only reads as an effect between groups of a similar size.

    >>> comparable(6, 5), comparable(6, 2.5), comparable(6, None)
    (True, False, None)
    """
    if first is None or second is None:
        return None
    low, high = sorted((abs(first), abs(second)))
    return high <= low * SIZE_RATIO


def difference_in_differences(
    table: pd.DataFrame, groups: TeamGroups, periods: Periods
) -> dict[str, Any] | None:
    """(after − before) of the AI teams minus (after − before) of the control teams, from a
    month × team table; None unless the table has at least one team of each group."""
    ai_teams = sorted(str(t) for t in table.columns if t in groups.ai)
    control_teams = sorted(str(t) for t in table.columns if t in groups.control)
    if not ai_teams or not control_teams:
        return None
    ai = group_side(table, ai_teams, periods)
    control = group_side(table, control_teams, periods)
    ai_change, control_change = ai.pop("change"), control.pop("change")
    effect = None if ai_change is None or control_change is None else ai_change - control_change
    return {
        "ai_change": ai_change,
        "control_change": control_change,
        "effect": effect,
        "basis": periods.basis,
        "comparable": comparable(ai["before"], control["before"]),
        "ai": ai,
        "control": control,
    }
