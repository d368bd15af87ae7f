"""``privacy.min_group_size``: survey results over too few people are masked.

A mean over two colleagues' answers tells each of them what the other answered. So when a
survey's respondents (distinct ``person``) are fewer than ``min_group_size``:

- mental load (metric 8): ``mean_evolution`` is ``null``; the per-person rows are dropped too
  when ``show_names`` is false (ids of a group that small still point at people); with names
  shown the company has chosen to publish each answer, so the rows stay;
- freed time (metric 12): every use's ``hours`` and ``share`` are ``null`` and its monthly
  series empty; respondents are counted over the months the metric sums (the last
  ``recent_months`` with answers). A mask per use could be undone by subtracting the shown
  uses from the total, so the whole split is masked or shown.

A masked result carries ``"masked": true``, ``"respondents"`` and ``"min_group_size"``.

The threshold holds for every published cut, not only the whole window: a month of freed
time or a task of mental load answered by fewer people is masked too, and so that no cell can
be recovered by subtracting the shown cells from a published total, the masked cells of a cut
together always hold at least ``min_group_size`` people (complementary suppression: the
smallest shown cells join them until they do).

A *public* report (the site a workflow publishes) shows no person at all: the per-person
lists are emptied (:func:`public_metrics`), and only counts and masked aggregates remain.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from generator.metrics.quality import latest_answers


def respondents(frame: pd.DataFrame | None, months: int | None = None) -> int:
    """Distinct people in ``frame`` (over its last ``months`` months when given)."""
    if frame is None or frame.empty:
        return 0
    if months is not None:
        recent = sorted(frame["month"].unique())[-months:]
        frame = frame[frame["month"].isin(recent)]
    return int(frame["person"].nunique())


def mask(count: int, minimum: int) -> dict[str, Any]:
    return {"masked": True, "respondents": count, "min_group_size": minimum}


def mask_mental_load(
    result: dict[str, Any], count: int, minimum: int, show_names: bool
) -> dict[str, Any]:
    """Metric 8 with its mean masked below ``minimum`` respondents (``count`` > 0)."""
    if count == 0 or count >= minimum:
        return result
    rows = result["rows"] if show_names else []
    return {**result, "mean_evolution": None, "rows": rows, **mask(count, minimum)}


def mask_freed_time(result: list[dict[str, Any]], count: int, minimum: int) -> list[dict[str, Any]]:
    """Metric 12 with every use masked below ``minimum`` respondents (``count`` > 0)."""
    if count == 0 or count >= minimum:
        return result
    return [
        {**use, "hours": None, "share": None, "months": [], **mask(count, minimum)}
        for use in result
    ]


def suppressed(cells: Mapping[str, set[str]], minimum: int) -> set[str]:
    """The cells of a cut to mask: those answered by fewer than ``minimum`` people, then,
    while the masked cells together hold fewer than ``minimum`` people, the smallest shown
    cell too (else the total minus the shown cells would give the masked ones away).

    >>> sorted(suppressed({"a": {"x"}, "b": {"x", "y", "z"}, "c": {"w", "y", "z"}}, 3))
    ['a', 'b']
    >>> sorted(suppressed({"a": {"x", "y", "z"}, "b": {"w", "y", "z"}}, 3))
    []
    """
    masked = {key for key, people in cells.items() if len(people) < minimum}
    while masked and len(masked) < len(cells) and len(joined(cells, masked)) < minimum:
        shown = sorted((key for key in cells if key not in masked), key=lambda k: len(cells[k]))
        masked.add(shown[0])
    return masked


def joined(cells: Mapping[str, set[str]], keys: set[str]) -> set[str]:
    return set().union(*(cells[key] for key in keys))


def people_by(frame: pd.DataFrame, column: str) -> dict[str, set[str]]:
    """The distinct people of each value of ``column``."""
    return {str(key): set(part["person"]) for key, part in frame.groupby(column)}


def mental_load_tasks(frame: pd.DataFrame | None, minimum: int) -> list[dict[str, Any]]:
    """Metric 8 per task (latest answer of each person): respondents, mean load before and
    after, mean evolution; a task is masked as :func:`suppressed` says."""
    if frame is None or frame.empty:
        return []
    latest = latest_answers(frame)
    latest["evolution"] = (latest["after"] - latest["before"]) / latest["before"] * 100
    masked = suppressed(people_by(latest, "task"), minimum)
    tasks = []
    for task, part in latest.groupby("task"):
        count = int(part["person"].nunique())
        if str(task) in masked:
            tasks.append({"task": str(task), "before": None, "after": None, "evolution": None,
                          **mask(count, minimum)})  # fmt: skip
            continue
        tasks.append({
            "task": str(task),
            "respondents": count,
            "before": float(part["before"].mean()),
            "after": float(part["after"].mean()),
            "evolution": float(part["evolution"].mean()),
        })  # fmt: skip
    return tasks


def freed_time_months(
    result: list[dict[str, Any]], frame: pd.DataFrame | None, recent: int, minimum: int
) -> list[dict[str, Any]]:
    """Metric 12 with every cut answered by too few people masked. Cuts: the uses over the
    summed window (their hours and shares are shown, so they are masked together as
    :func:`suppressed` says: ``hours`` and ``share`` null, ``use_masked``), and each use's
    months (the window's months of a use add up to its shown hours, so they are masked
    together; every window month of a masked use is hidden; months before the window one by
    one). Hidden months leave the series and are listed in the use's ``masked_months``."""
    if frame is None or frame.empty or any(use.get("masked") for use in result):
        return result
    window = sorted(frame["month"].unique())[-recent:]
    frame = frame[frame["hours"] > 0]  # a 0 h answer adds nothing: it hides no one
    uses = people_by(frame[frame["month"].isin(window)], "use")
    hidden_uses = suppressed(uses, minimum)
    return [
        use_cuts(use, frame[frame["use"] == use["use"]], window, hidden_uses, uses, minimum)
        for use in result
    ]


def use_cuts(
    use: dict[str, Any],
    rows: pd.DataFrame,
    window: list[str],
    hidden_uses: set[str],
    uses: Mapping[str, set[str]],
    minimum: int,
) -> dict[str, Any]:
    """One use of metric 12 with its masked cuts (see :func:`freed_time_months`)."""
    cells = people_by(rows, "month")
    recent = {m: people for m, people in cells.items() if m in window}
    if use["use"] in hidden_uses:  # every window month, those without answers (0 h) too
        hidden = {p["month"] for p in use["months"] if p["month"] in window} | set(recent)
    else:
        hidden = suppressed(recent, minimum)
    hidden |= {m for m, people in cells.items() if m not in window and len(people) < minimum}
    entry = {**use, "months": [p for p in use["months"] if p["month"] not in hidden]}
    if hidden:
        entry["masked_months"] = sorted(hidden)
    if use["use"] in hidden_uses:
        entry.update(hours=None, share=None, use_masked=True,
                     respondents=len(uses[use["use"]]), min_group_size=minimum)  # fmt: skip
    return entry


def sizes(people: pd.DataFrame, column: str) -> dict[str, int]:
    """How many people of ``people.csv`` share each value of ``column`` (team, role)."""
    named = people.dropna(subset=[column]) if column in people else people.iloc[0:0]
    return {str(value): len(part) for value, part in named.groupby(column)}


def side_people(rows: pd.DataFrame, teams: set[str], sizes: Mapping[str, int]) -> list[int]:
    """For each month of ``rows``, the people of ``teams`` that have a row that month: a
    group's monthly value is made of these teams only (the others are missing or count 0)."""
    named = rows[rows["team"].isin(teams)]
    return [
        sum(sizes.get(str(t), 0) for t in set(named[named["month"] == month]["team"]))
        for month in rows["month"].unique()
    ]


def small_group(
    did: dict[str, Any] | None, rows: pd.DataFrame | None, sizes: Mapping[str, int], minimum: int
) -> bool:
    """A comparison with the control group whose figures are a few people's results: in some
    month of the file, the teams with data on a side (AI, control) — or the named teams in
    neither side, which the company's total minus both sides gives away — hold between 1 and
    ``minimum`` − 1 people."""
    if not did or rows is None or "team" not in rows:
        return False
    ai, control = set(did["ai"]["teams"]), set(did["control"]["teams"])
    named = set(rows["team"].dropna().astype(str))
    groups = (ai, control, named - ai - control)
    return any(0 < n < minimum for group in groups for n in side_people(rows, group, sizes))


def mask_small_groups(
    metrics: dict[str, Any],
    sizes: Mapping[str, int],
    frames: Mapping[str, pd.DataFrame | None],
    minimum: int,
) -> dict[str, Any]:
    """The public report's control-group comparisons (capacity, each revenue stream) without
    those :func:`small_group` finds (``did`` null, ``did_masked`` true)."""
    masked = {"did": None, "did_masked": True}
    capacity, revenue = metrics["capacity"], frames.get("revenue")
    if capacity and small_group(capacity.get("did"), frames.get("capacity"), sizes, minimum):
        capacity = {**capacity, **masked}
    streams = [
        {**s, **masked}
        if revenue is not None
        and small_group(s.get("did"), revenue[revenue["stream"] == s["stream"]], sizes, minimum)
        else s
        for s in metrics["revenue"]
    ]
    return {**metrics, "capacity": capacity, "revenue": streams}


def mask_small_roles(
    deliverables: list[dict[str, Any]], roles: Mapping[str, int], minimum: int
) -> list[dict[str, Any]]:
    """Metric 7 without the indicators of a role held by fewer than ``minimum`` people of
    ``people.csv``: their quality is that person's work (a role people.csv does not list is
    not known to be a person's and stays)."""
    hidden: dict[str, Any] = {
        "before": None,
        "after": None,
        "evolution": None,
        "improved": None,
        "months": [],
    }
    return [
        {**d, **hidden, **mask(roles[d["role"]], minimum)}
        if 0 < roles.get(d["role"], 0) < minimum
        else d
        for d in deliverables
    ]


def mask_declared(saved: dict[str, Any], minimum: int) -> dict[str, Any]:
    """Time saved's declared / computed ratio without the overall ratio when fewer than
    ``minimum`` people declare minutes: it would be their own."""
    declared = saved["declared_vs_computed"]
    count = len(declared["people"])
    if declared["overall"] is None or count >= minimum:
        return saved
    return {**saved, "declared_vs_computed": {**declared, "overall": None, **mask(count, minimum)}}


def mask_small_cuts(
    metrics: dict[str, Any], people: pd.DataFrame, frames: Mapping[str, pd.DataFrame | None],
    minimum: int,
) -> dict[str, Any]:  # fmt: skip
    """What the public report masks before the detectors read the metrics: comparisons with
    too small a group, indicators of too small a role, a ratio of too few declarations."""
    metrics = mask_small_groups(metrics, sizes(people, "team"), frames, minimum)
    return {
        **metrics,
        "deliverables": mask_small_roles(metrics["deliverables"], sizes(people, "role"), minimum),
        "time_saved": mask_declared(metrics["time_saved"], minimum),
    }


def public_tools(entries: list[dict[str, Any]], minimum: int) -> dict[str, Any]:
    """The public report's per-tool figures: none at all when a tool has fewer than
    ``minimum`` users (``tools_withheld``: the group size), since its hours are one or two
    people's, and hiding them alone would not do: metric 3's hours minus the other tools'
    give them back. The complete report keeps them.

    >>> public_tools([{"few_users": False}, {"few_users": True}], 3)
    {'tools': [], 'tools_withheld': 3}
    >>> public_tools([{"few_users": False}], 3)
    {'tools': [{'few_users': False}], 'tools_withheld': None}
    """
    if any(entry["few_users"] for entry in entries):
        return {"tools": [], "tools_withheld": minimum}
    return {"tools": entries, "tools_withheld": None}


def public_metrics(metrics: dict[str, Any]) -> dict[str, Any]:
    """The metrics a public report may show: no per-person row, counts instead."""
    saved, adoption = metrics["time_saved"], metrics["adoption"]
    declared = saved["declared_vs_computed"]
    return {
        **metrics,
        "time_saved": {**saved, "people": [], "declared_vs_computed": {**declared, "people": []}},
        "adoption": {
            **adoption,
            "people": [],
            "alerts": [],
            "alerts_count": len(adoption["alerts"]),
        },
        "mental_load": {**metrics["mental_load"], "rows": []},
    }
