"""Where the company stands in its rollout, and the article's readiness checklist ticked from
the report where the data can tell (the rest is left to the manager)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from generator.core.method import METRICS, PHASES, in_phase
from generator.core.periods import week_monday

State = Literal["done", "todo", "manual"]
Report = dict[str, Any]

PHASE_FOCUS: dict[str, tuple[str, ...]] = {"none": (), **{p: in_phase(p) for p in PHASES}}
MONTH4_METRICS = in_phase("month4")
COMPARED = tuple(m.key for m in METRICS if m.before_after)


@dataclass(frozen=True)
class Item:
    key: str
    state: State


def phase(rollout_month: int | None) -> str:
    """The phase of the article's rollout for a month of the rollout (1 = deployment month).

    >>> [phase(m) for m in (None, 1, 2, 3, 4, 9)]
    ['none', 'month1', 'months2_3', 'months2_3', 'month4', 'month4']
    """
    if not rollout_month:
        return "none"
    if rollout_month == 1:
        return "month1"
    return "months2_3" if rollout_month <= 3 else "month4"


def has_data(metric: Any) -> bool:
    """A metric has data when it is not null, not empty, and not a dict of nulls only."""
    if isinstance(metric, list):
        return bool(metric)
    if isinstance(metric, dict):
        return any(filled(value) for key, value in metric.items() if key != "band")
    return metric is not None


def filled(value: Any) -> bool:
    """Not None and, for a list or dict, not empty."""
    return value is not None and not (isinstance(value, list | dict) and not value)


def compared(metric: Any) -> bool:
    """A before/after metric with both sides measured somewhere in it."""
    if isinstance(metric, list):
        return any(compared(item) for item in metric)
    if not isinstance(metric, dict):
        return False
    if metric.get("before") is not None and metric.get("after") is not None:
        return True
    return any(compared(v) for v in metric.values() if isinstance(v, dict | list))


def fed(report: Report) -> list[str]:
    return [key for key, metric in report["metrics"].items() if has_data(metric)]


def state(condition: bool) -> State:
    return "done" if condition else "todo"


# The detectors (generator.metrics.detectors) whose warning says the opposite of an item's tick: the
# item is done only when none of them fired, so a tick never stands next to its contradiction.
CONTRADICTED_BY: dict[str, tuple[str, ...]] = {
    "baseline_time": ("declared_only",),
    "baseline_quality": ("no_baseline", "short_baseline"),
    "compared": ("no_baseline",),
    "weekly": ("stale_data",),
}


def flagged(report: Report, key: str) -> bool:
    """Whether a detector that contradicts item ``key`` fired in this report."""
    codes = CONTRADICTED_BY.get(key, ())
    return any(w["code"] in codes for w in report.get("warnings", []))


def agreed(key: str, check: Callable[[Report], State], report: Report) -> State:
    """An item's state from its own check, turned to "todo" when a detector contradicts it."""
    found = check(report)
    return "todo" if found == "done" and flagged(report, key) else found


def has_statuses(report: Report) -> bool:
    """Trained people have a status in the latest week: counted from the weekly series, which
    the public report keeps (it has no per-person rows), so both reports tick alike."""
    weeks = report["metrics"]["adoption"]["weeks"]
    return bool(weeks) and weeks[-1]["trained"] > 0


CHECKLIST: dict[str, tuple[tuple[str, Callable[[Report], State]], ...]] = {
    "before": (
        ("baseline_time", lambda r: state(r["rows"].get("tasks.csv", {}).get("read", 0) > 0)),
        ("baseline_quality", lambda r: state(any(compared(r["metrics"][k]) for k in COMPARED))),
        ("three_metrics", lambda r: state(len(fed(r)) >= 3)),
        ("tool", lambda r: "done"),
    ),
    "during": (
        ("weekly", lambda r: state(weekly_reporting(r))),
        ("compared", lambda r: state(any(compared(r["metrics"][k]) for k in COMPARED))),
        ("struggling", lambda r: state(has_statuses(r))),
        ("adjust", lambda r: "manual"),
    ),
    "month1": (
        ("roi", lambda r: state(r["metrics"]["cost_per_hour"]["value"] is not None
                                and r["metrics"]["payback"]["band"] is not None)),
        ("quick_wins", lambda r: "manual"),
        ("shared", lambda r: "manual"),
        ("next", lambda r: "manual"),
    ),
    "month3": (
        ("full_report", lambda r: state(
            has_data(r["metrics"]["time_saved"]) and has_data(r["metrics"]["payback"])
            and any(has_data(r["metrics"][k]) for k in MONTH4_METRICS))),
        ("evidence", lambda r: state(any(compared(r["metrics"][k]) for k in MONTH4_METRICS))),
        ("justify", lambda r: "manual"),
    ),
}  # fmt: skip


def weekly_reporting(report: Report) -> bool:
    """The last two weeks with usage rows are consecutive and the latest is ``as_of.week``."""
    weeks = [w["week"] for w in report["metrics"]["time_saved"]["weeks"]]
    if len(weeks) < 2:
        return False
    gap = (week_monday(weeks[-1]) - week_monday(weeks[-2])).days
    return gap == 7


def checklist(report: Report) -> dict[str, list[Item]]:
    """Each section of the checklist with the state of its items."""
    return {
        section: [Item(key, agreed(key, check, report)) for key, check in items]
        for section, items in CHECKLIST.items()
    }
