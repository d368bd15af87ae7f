"""Declared against computed minutes saved: how far people's own estimates are from the
minutes their reported uses give (metric 1, the article's third measurement mistake)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from generator.metrics.common import number


def computed_minutes(usage: pd.DataFrame, tasks: pd.DataFrame) -> pd.Series:
    """(minutes_before − minutes_after) × uses of each usage row, in minutes."""
    minutes = tasks.set_index("task")
    saved = minutes["minutes_before"].astype(float) - minutes["minutes_after"].astype(float)
    return usage["task"].map(saved).astype(float) * usage["uses"].astype(float)


def declared_ratio(declared: float, computed: float) -> float | None:
    """declared / computed; None when the computed minutes are not positive.

    >>> declared_ratio(90, 60), declared_ratio(30, 0)
    (1.5, None)
    """
    return declared / computed if computed > 0 else None


def declared_vs_computed(usage: pd.DataFrame, tasks: pd.DataFrame) -> dict[str, Any]:
    """Over the usage rows that give ``declared_minutes``: Σ declared / Σ computed minutes,
    per person (sorted by person) and overall. No declaring row: ``overall`` None, no people.

    >>> u = pd.DataFrame({"week": ["2026-W03"] * 2, "person": ["ana", "ben"],
    ...     "task": ["cr", "cr"], "uses": [2, 4], "declared_minutes": [90.0, None]})
    >>> t = pd.DataFrame({"task": ["cr"], "minutes_before": [45.0], "minutes_after": [15.0]})
    >>> result = declared_vs_computed(u, t)
    >>> result["overall"], result["people"]
    (1.5, [{'person': 'ana', 'declared': 90.0, 'computed': 60.0, 'ratio': 1.5}])
    """
    if "declared_minutes" not in usage.columns:
        return {"overall": None, "people": []}
    rows = usage[usage["declared_minutes"].notna()]
    sums = pd.DataFrame(
        {
            "person": rows["person"],
            "declared": rows["declared_minutes"].astype(float),
            "computed": computed_minutes(rows, tasks),
        }
    )
    people = sums.groupby("person", sort=True)[["declared", "computed"]].sum()
    return {
        "overall": declared_ratio(float(sums["declared"].sum()), float(sums["computed"].sum())),
        "people": [
            {
                "person": str(person),
                "declared": number(row["declared"]),
                "computed": number(row["computed"]),
                "ratio": declared_ratio(float(row["declared"]), float(row["computed"])),
            }
            for person, row in people.iterrows()
        ],
    }
