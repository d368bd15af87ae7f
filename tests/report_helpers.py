"""Small readers of a ``metrics.json``-shaped report, shared by the metric tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
WORKED = FIXTURES / "worked"

Report = Mapping[str, Any]


def near(expected: float, tolerance: float = 1e-3) -> Any:
    """``expected`` within ``tolerance``: hand values below are written to 4 decimals or more."""
    return pytest.approx(expected, abs=tolerance)


def metric(report: Report, name: str) -> Any:
    """``report["metrics"][name]``, None when the metric is absent or null."""
    return (report.get("metrics") or {}).get(name)


def value(report: Report, name: str, *path: str) -> Any:
    """A value inside a metric, None when the metric or any step of ``path`` is null."""
    node: Any = metric(report, name)
    for step in path:
        if node is None:
            return None
        node = node.get(step)
    return node


def as_list(rows: Any) -> list[dict[str, Any]]:
    """A list metric: None and [] both mean "no data"."""
    return [] if rows is None else list(rows)


def by_key(rows: Any, *keys: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Rows of a list metric indexed by ``keys`` (order of the list is not part of the contract)."""
    indexed = {tuple(row[k] for k in keys): row for row in as_list(rows)}
    assert len(indexed) == len(as_list(rows)), f"repeated {keys} in {rows}"
    return indexed


def triple(node: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """``(before, after, evolution)`` of a before/after metric."""
    return node["before"], node["after"], node["evolution"]
