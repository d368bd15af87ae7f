"""The method of the article, declared once: what every stage needs to know about it."""

from __future__ import annotations

DEFAULT_EDGES: dict[str, tuple[float, ...]] = {
    "time_saved": (5, 10, 20),  # hours per person per month
    "adoption": (30, 60),  # percent
    "cost_per_hour": (10, 20),  # currency per hour saved
    "payback": (2, 6),  # months
}
