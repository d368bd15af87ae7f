"""Per-tool figures of metric 3's month: hours saved, cost, cost per hour saved, users, tasks.

A company that declares its AI tools in ``tools.csv`` and says which tool a usage row or a cost
row is about gets one entry per tool (and one for the usage rows that name no tool). The
figures sum back to metric 3's: every hour saved in the month belongs to one entry, and every
euro of the month's cost too (a cost without a tool is shared, never dropped):

- ``hours``: the month's hours saved by the tool's usage rows, weeks split into months by their
  weekdays exactly as metric 3 does;
- ``own_cost``: the month's cost (monthly rows + amortized one-off shares) of the tool's rows;
- ``shared_cost``: the month's cost of the rows without a tool, shared in proportion to each
  entry's positive hours; when no entry saved time, equally among the declared tools that have
  their own cost, else among all the entries.

Fewer than ``min_group_size`` users: the exact count and the hours per user are not published
(``users`` null, ``few_users`` true, ``users_below`` the group size: « fewer than N »), so that
a tool one person uses does not single them out.
"""

from __future__ import annotations

from statistics import median
from typing import Any

import pandas as pd

from generator.core.periods import weekday_shares
from generator.input.toolnames import shown_name
from generator.metrics import finance, operations
from generator.metrics.bands import cost_per_hour_band
from generator.metrics.common import ratio

Key = str | None
"""A tool's id; None for the usage rows that name no tool (« outil non précisé »)."""


def tool_column(frame: pd.DataFrame) -> pd.Series:
    """A frame's ``tool`` cells as ids, None where blank or where the file has no such column."""
    if "tool" not in frame.columns:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    cells = frame["tool"].astype(object)
    return cells.where(cells.notna(), None)


def tool_minutes_after(timings: pd.DataFrame | None) -> dict[tuple[str, str], float]:
    """The median of the ``with_ai = yes`` measurements of each (task, tool) timed with a tool.

    >>> m = pd.DataFrame({"task": ["cr", "cr", "cr"], "minutes": [10.0, 14.0, 30.0],
    ...     "with_ai": ["yes", "yes", "yes"], "tool": ["copilot", "copilot", None]})
    >>> tool_minutes_after(m)
    {('cr', 'copilot'): 12.0}
    """
    if timings is None or timings.empty:
        return {}
    rows = timings.assign(tool=tool_column(timings))
    rows = rows[(rows["with_ai"] == "yes") & rows["tool"].notna()]
    return {
        (str(task), str(tool)): float(median(float(v) for v in group["minutes"]))
        for (task, tool), group in rows.groupby(["task", "tool"], sort=True)
    }


def hours_rows(
    usage: pd.DataFrame, tasks: pd.DataFrame, timings: pd.DataFrame | None = None
) -> pd.DataFrame:
    """:func:`operations.hours_saved_rows` with each row's ``tool``; a row whose (task, tool)
    was timed with that tool uses that median instead of the task's ``minutes_after``. Without
    a tool anywhere, the hours are exactly :func:`operations.hours_saved_rows`'s.

    >>> u = pd.DataFrame({"week": ["2026-W03"] * 2, "person": ["ana", "ben"],
    ...     "task": ["cr", "cr"], "uses": [6, 6], "tool": ["copilot", None]})
    >>> t = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [20.0]})
    >>> m = pd.DataFrame({"task": ["cr"], "minutes": [30.0], "with_ai": ["yes"],
    ...     "tool": ["copilot"]})
    >>> hours_rows(u, t, m)["hours"].tolist()
    [3.0, 4.0]
    """
    rows = operations.hours_saved_rows(usage, tasks)
    rows["tool"] = tool_column(usage)
    before = tasks.set_index("task")["minutes_before"].astype(float)
    for (task, tool), after in tool_minutes_after(timings).items():
        chosen = (rows["task"] == task) & (rows["tool"] == tool)
        if chosen.any():
            saved = float(before[task]) - after
            rows.loc[chosen, "hours"] = saved * rows.loc[chosen, "uses"].astype(float) / 60
    return rows


def in_month(weeks: pd.Series, month: str) -> pd.Series:
    """Whether each week has a weekday in ``month`` (its hours count partly in that month)."""
    return weeks.map(lambda week: month in weekday_shares(str(week))).astype(bool)


def month_hours(rows: pd.DataFrame, month: str) -> float:
    """The hours of ``rows`` that fall in ``month``, weeks split by their weekdays."""
    if rows.empty:
        return 0.0
    return float(operations.monthly_hours(rows).get(month, 0.0))


def task_hours(rows: pd.DataFrame, month: str) -> list[dict[str, Any]]:
    """The tasks of ``rows`` with their hours in ``month``, most hours first (ties: by id)."""
    found = [(str(task), month_hours(group, month)) for task, group in rows.groupby("task")]
    ordered = sorted(found, key=lambda item: (-item[1], item[0]))
    return [{"task": task, "hours": hours} for task, hours in ordered if hours != 0]


def users(rows: pd.DataFrame, month: str) -> int:
    """Distinct people with uses > 0 in the weeks that fall (partly) in ``month``."""
    active = rows[(rows["uses"] > 0) & in_month(rows["week"], month)]
    return int(active["person"].nunique())


def shares(hours: list[float], own: list[float], declared: list[bool]) -> list[float]:
    """Each entry's fraction of the shared cost: in proportion to positive hours; with no
    positive hours, equally among the declared tools with their own cost, else among all.

    >>> shares([30.0, 10.0, -2.0], [100.0, 0.0, 0.0], [True, True, False])
    [0.75, 0.25, 0.0]
    >>> shares([0.0, 0.0], [0.0, 29.0], [True, True])
    [0.0, 1.0]
    """
    positive = [max(h, 0.0) for h in hours]
    if sum(positive) > 0:
        return [h / sum(positive) for h in positive]
    paying = [d and o > 0 for d, o in zip(declared, own, strict=True)]
    chosen = paying if any(paying) else [True] * len(hours)
    return [1 / sum(chosen) if c else 0.0 for c in chosen]


def entry(
    tool: Key,
    label: str | None,
    rows: pd.DataFrame,
    own_cost: float | None,
    month: str,
) -> dict[str, Any]:
    """A tool's figures before the shared cost is added: hours, own cost, users, tasks."""
    return {
        "tool": tool,
        "label": label,
        "hours": month_hours(rows, month),
        "own_cost": own_cost,
        "users": users(rows, month),
        "tasks": task_hours(rows, month),
    }


def with_cost(
    item: dict[str, Any],
    shared: float | None,
    edges: tuple[float, ...],
    min_group_size: int,
) -> dict[str, Any]:
    """An entry with its shared cost, total cost, cost per hour and band; its users and hours
    per user hidden (``few_users``) when fewer than ``min_group_size`` people used it."""
    hours, count = item["hours"], item["users"]
    cost = None if item["own_cost"] is None or shared is None else item["own_cost"] + shared
    value = ratio(cost, hours) if hours > 0 else None
    few = 0 < count < min_group_size
    return {
        "tool": item["tool"],
        "label": item["label"],
        "hours": hours,
        "own_cost": item["own_cost"],
        "shared_cost": shared,
        "cost": cost,
        "value": value,
        "band": cost_per_hour_band(value, edges, hours),
        "users": None if few else count,
        "few_users": few,
        "users_below": min_group_size if few else None,
        "hours_per_user": None if few else ratio(hours, count),
        "tasks": item["tasks"],
    }


def tool_costs(costs: pd.DataFrame | None, month: str) -> tuple[dict[str, float], float | None]:
    """Each tool's own cost of ``month`` and the month's cost of the rows without a tool;
    ``({}, None)`` without ``costs.csv``."""
    if costs is None:
        return {}, None
    tools = tool_column(costs)
    own = {
        str(tool): finance.monthly_cost(costs[tools == tool], month)
        for tool in sorted(set(tools.dropna()))
    }
    return own, finance.monthly_cost(costs[tools.isna()], month)


def tools(
    declared: pd.DataFrame | None,
    hours: pd.DataFrame,
    costs: pd.DataFrame | None,
    month: str | None,
    edges: tuple[float, ...],
    min_group_size: int,
) -> list[dict[str, Any]]:
    """One entry per declared tool (``tools.csv`` order) with hours or its own cost in
    ``month``, then « outil non précisé » (``tool`` None) when rows without a tool saved hours
    (or when it alone can carry the shared cost). ``[]`` without ``tools.csv``, without a
    month, or when no usage or cost row names a tool."""
    if declared is None or month is None:
        return []
    said = tool_column(hours)
    if said.isna().all() and (costs is None or tool_column(costs).isna().all()):
        return []
    own, shared = tool_costs(costs, month)
    items = []
    for tool, label in zip(declared["tool"], declared["label"], strict=True):
        cost = None if costs is None else own.get(str(tool), 0.0)
        item = entry(str(tool), shown_name(str(tool), label), hours[said == tool], cost, month)
        if item["hours"] != 0 or (cost or 0.0) != 0:
            items.append(item)
    unsaid = entry(None, None, hours[said.isna()], None if costs is None else 0.0, month)
    if unsaid["hours"] != 0 or (not items and shared):
        items.append(unsaid)
    fractions = shares(
        [i["hours"] for i in items],
        [i["own_cost"] or 0.0 for i in items],
        [i["tool"] is not None for i in items],
    )
    return [
        with_cost(i, None if shared is None else shared * f, edges, min_group_size)
        for i, f in zip(items, fractions, strict=True)
    ]
