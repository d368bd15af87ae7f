"""What a detector found, as plain data: a stable code, the metric it concerns and the values
(numbers, months, dates, ids) that the pages turn into words (``generator.pages.warnings``).
Compute never formats words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One detector's result: ``code`` and ``variant`` choose the message
    (``detectors.<code>.<variant>`` in the catalogue), ``metric`` is "" for the whole site."""

    code: str
    metric: str
    variant: str = "message"
    values: dict[str, Any] = field(default_factory=dict)
