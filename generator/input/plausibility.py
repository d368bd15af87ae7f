"""Checks that span files and read what the values imply: a week of usage no working week
holds, a team that ``people.csv`` does not have, a deployment dated after every measurement.
Each returns problems (or notices) for every row, none stops at the first."""

from __future__ import annotations

from datetime import date

import pandas as pd

from generator.core.errors import Problem
from generator.core.format import number
from generator.core.i18n import text
from generator.input.checks import first_day
from generator.input.csvread import LINE, SOURCE
from generator.input.parse import odd_character, shown
from generator.input.schema import FILES
from generator.input.suggest import close_matches, one_of

WEEK_HOURS = 50
"""The most hours one person can save, or spend with an AI tool, in one week: a long working
week. A usage row beyond it is a typing slip (3000 uses for 3)."""
TEAM_FILES = ("capacity", "revenue")


def usage_problems(usage: pd.DataFrame, tasks: pd.DataFrame) -> list[Problem]:
    """Usage rows whose hours saved (uses × (minutes_before − minutes_after) / 60) or hours with
    the AI tool (uses × minutes_after / 60) exceed :data:`WEEK_HOURS`."""
    minutes = tasks.set_index("task")[["minutes_before", "minutes_after"]]
    rows = usage.join(minutes, on="task", how="inner")
    rows = rows.dropna(subset=["uses", "minutes_before", "minutes_after"])
    columns = ["uses", "minutes_before", "minutes_after", "task", SOURCE, LINE]
    problems = []
    for uses, before, after, task, source, line in rows[columns].itertuples(index=False, name=None):
        for per_use, what in ((float(before - after), "saved"), (float(after), "with_ai")):
            hours = int(uses) * per_use / 60
            if hours > WEEK_HOURS:
                message = text(
                    "loader.implausible_week",
                    uses=number(int(uses)),
                    minutes=number(per_use, 0 if per_use.is_integer() else 1),
                    hours=number(hours),
                    what=text(f"loader.implausible_{what}"),
                    max=WEEK_HOURS,
                    task=task,
                )
                problems.append(Problem(str(source), int(line), "uses", message))
                break
    return problems


def team_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Teams of capacity.csv and revenue.csv that people.csv does not have; one holding an
    invisible character (« Agence\u200bLyon » looks right) is told by that character."""
    people = frames.get("people")
    if people is None:
        return []
    teams = {str(t) for t in people["team"].dropna()}
    listed = ", ".join(sorted(teams)) or text("loader.no_teams")
    problems = []
    for stem in TEAM_FILES:
        frame = frames.get(stem)
        if frame is None:
            continue
        unknown = frame[frame["team"].notna() & ~frame["team"].isin(teams)]
        for value, line, source in unknown[["team", LINE, SOURCE]].itertuples(
            index=False, name=None
        ):
            suggestions = close_matches(str(value), teams)
            message = odd_character(str(value), ascii_only=False) or (
                text(
                    "loader.unknown_team_suggestion",
                    value=shown(value),
                    suggestions=one_of(suggestions),
                )
                if suggestions
                else text("loader.unknown_team", value=shown(value), teams=listed)
            )
            problems.append(Problem(str(source), int(line), "team", message))
    return problems


def latest_measurement(frames: dict[str, pd.DataFrame]) -> date | None:
    """The first day of the latest dated measurement (planned dates left out), or None."""
    days = [
        first_day(value, column.kind)
        for schema in FILES
        if schema.stem in frames
        for column in schema.columns
        if column.kind in ("date", "week", "month") and not column.future_ok
        for value in frames[schema.stem][column.name].dropna().unique()
    ]
    return max(days, default=None)
