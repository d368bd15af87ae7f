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
"""

from __future__ import annotations

from typing import Any

import pandas as pd


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
