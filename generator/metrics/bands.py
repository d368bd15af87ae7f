"""The bands of the method: where a value stands, from the article's thresholds.

Edges are ascending; ``company.yml`` may override them under ``thresholds``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.core.method import DEFAULT_EDGES


def edges(thresholds: Mapping[str, Sequence[float]], metric: str) -> tuple[float, ...]:
    """The company's edges for ``metric`` if it set them, else the article's."""
    return tuple(thresholds.get(metric, DEFAULT_EDGES[metric]))


def time_saved_band(hours_per_month: float | None, limits: Sequence[float]) -> str | None:
    """< 0 h loss (the AI costs time); < 5 h not_yet; 5–10 profitable; 10–20 upper_average;
    ≥ 20 top10.

    >>> time_saved_band(5, (5, 10, 20)), time_saved_band(19.9, (5, 10, 20))
    ('profitable', 'upper_average')
    >>> time_saved_band(-0.5, (5, 10, 20))
    'loss'
    """
    if hours_per_month is None:
        return None
    if hours_per_month < 0:
        return "loss"
    low, mid, high = limits
    if hours_per_month < low:
        return "not_yet"
    if hours_per_month < mid:
        return "profitable"
    return "upper_average" if hours_per_month < high else "top10"


def adoption_band(rate: float | None, limits: Sequence[float]) -> str | None:
    """< 30 % problem; 30–60 % normal (both edges included); > 60 % excellent.

    >>> adoption_band(30, (30, 60)), adoption_band(60, (30, 60)), adoption_band(60.1, (30, 60))
    ('normal', 'normal', 'excellent')
    """
    if rate is None:
        return None
    low, high = limits
    if rate < low:
        return "problem"
    return "normal" if rate <= high else "excellent"


def cost_per_hour_band(
    value: float | None, limits: Sequence[float], hours: float | None = None
) -> str | None:
    """Hours saved < 0: loss, whatever the value; < 10 excellent; 10–20 profitable (both edges
    included); > 20 review.

    >>> cost_per_hour_band(10, (10, 20)), cost_per_hour_band(20.01, (10, 20))
    ('profitable', 'review')
    >>> cost_per_hour_band(None, (10, 20), hours=-4.0)
    'loss'
    """
    if hours is not None and hours < 0:
        return "loss"
    if value is None:
        return None
    low, high = limits
    if value < low:
        return "excellent"
    return "profitable" if value <= high else "review"


def payback_band(
    months: float | None, net_gain: float | None, limits: Sequence[float]
) -> str | None:
    """Net gain ≤ 0 never; < 2 months excellent; 2–6 good (edges included); > 6 challenge.

    >>> payback_band(None, 0.0, (2, 6)), payback_band(2, 750.0, (2, 6))
    ('never', 'good')
    """
    if net_gain is not None and net_gain <= 0:
        return "never"
    if months is None:
        return None
    low, high = limits
    if months < low:
        return "excellent"
    return "good" if months <= high else "challenge"
