"""How much a weekly figure moves by chance: a bootstrap interval over recent weeks.

Deterministic (fixed seed) so that two builds of the same data give the same pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

RECENT_WEEKS = 8
RESAMPLES = 2000
SEED = 20260105
MIN_WEEKS = 4


def bootstrap_interval(values: Sequence[float], level: float = 0.95) -> tuple[float, float] | None:
    """The percentile bootstrap interval of the mean of ``values``; None under 4 values.

    >>> bootstrap_interval([2.0, 2.0, 2.0, 2.0])
    (2.0, 2.0)
    """
    data = np.asarray([v for v in values if v is not None], dtype=float)
    if len(data) < MIN_WEEKS:
        return None
    rng = np.random.default_rng(SEED)
    means = rng.choice(data, size=(RESAMPLES, len(data)), replace=True).mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def recent_interval(weeks: Sequence[dict[str, Any]], field: str) -> dict[str, Any] | None:
    """Mean and 95 % interval of ``field`` over the last 8 weeks (None with fewer than 4)."""
    kept = [w for w in weeks[-RECENT_WEEKS:] if w.get(field) is not None]
    values = [float(w[field]) for w in kept]
    interval = bootstrap_interval(values)
    if interval is None:
        return None
    return {
        "weeks": len(values),
        "first_week": kept[0]["week"],
        "mean": float(np.mean(values)),
        "low": interval[0],
        "high": interval[1],
    }
