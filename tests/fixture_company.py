"""Write a small company data folder from Python lists, for tests that need many variants.

``write_company(tmp_path, {"usage.csv": [{"week": "2026-W03", ...}]}, recent_months=1)`` writes
``company.yml`` (the contract's example settings, with overrides) and one CSV per entry of
``files``, with the contract's exact header; a column a row does not give is left blank.
``people.csv`` and ``tasks.csv`` get a one-person, one-task default when not given.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

import yaml

Row = Mapping[str, object]

HEADERS: dict[str, tuple[str, ...]] = {
    "people.csv": ("person", "name", "team", "role", "trained_on", "group"),
    "tasks.csv": ("task", "label", "minutes_before", "minutes_after"),
    "usage.csv": ("week", "person", "task", "uses", "declared_minutes"),
    "timings.csv": ("date", "person", "task", "minutes", "with_ai"),
    "costs.csv": ("category", "label", "amount", "kind", "start", "end", "amortize_months"),
    "errors.csv": ("month", "error_type", "count", "unit_cost"),
    "customers.csv": ("month", "nps", "response_minutes", "complaints", "orders"),
    "deliverables.csv": ("month", "role", "indicator", "value", "better"),
    "mental_load.csv": ("date", "person", "task", "before", "after"),
    "revenue.csv": ("month", "stream", "revenue"),
    "capacity.csv": ("month", "handled", "headcount", "avg_basket"),
    "acquisition.csv": (
        "month",
        "leads",
        "qualified_leads",
        "sales_minutes",
        "marketing_spend",
        "new_customers",
    ),
    "freed_time.csv": ("month", "person", "use", "hours"),
    "tools.csv": ("tool", "label"),
}
TOOL_FILES = ("usage.csv", "timings.csv", "costs.csv")
"""Files with an optional ``tool`` column: written only when a row gives a tool, so that a
company without tools has exactly the files it had before tools existed."""

COMPANY: dict[str, object] = {
    "name": "Atelier Exemple",
    "language": "fr",
    "currency": "EUR",
    "deployed_on": date(2026, 1, 5),
    "hourly_value": 35,
    "error_cost": 150,
    "active_uses_per_week": 3,
    "recent_months": 3,
    "alternatives": {"Stagiaire": 12, "Freelance": 45, "CDI": 35},
    "forms": {"repository": "owner/name", "branch": "main"},
    "privacy": {"show_names": True, "min_group_size": 3},
    "thresholds": {},
}

DEFAULT_PEOPLE: list[Row] = [
    {"person": "sophie", "name": "Sophie", "role": "Marketing", "trained_on": "2026-01-05"}
]
# One use of this task saves 45 − 15 = 30 minutes = 0.5 h.
DEFAULT_TASKS: list[Row] = [
    {"task": "compte_rendu", "label": "Comptes-rendus", "minutes_before": 45, "minutes_after": 15}
]

FEBRUARY_2026 = ("2026-W06", "2026-W07", "2026-W08", "2026-W09")
"""Mon 2026-02-02 … Sun 2026-03-01: every weekday of these weeks is in February, and every
weekday of February is in one of them. With usage rows in these weeks only, February 2026 is
the only complete month (January's 1st, 2nd… and March's 2nd… lie in weeks without rows)."""


def write_company(dir: Path, files: Mapping[str, list[Row]], **company_overrides: object) -> Path:
    """Write ``company.yml`` and the CSV files into ``dir`` (created if needed); return ``dir``."""
    dir.mkdir(parents=True, exist_ok=True)
    settings = {**COMPANY, **company_overrides}
    (dir / "company.yml").write_text(
        yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    all_files = {"people.csv": DEFAULT_PEOPLE, "tasks.csv": DEFAULT_TASKS, **files}
    for name, rows in all_files.items():
        tool = ("tool",) if name in TOOL_FILES and any("tool" in row for row in rows) else ()
        write_csv(dir / name, HEADERS[name] + tool, rows)
    return dir


def write_csv(path: Path, header: tuple[str, ...], rows: Iterable[Row]) -> None:
    """A plain CSV (``,``, decimal point, LF) with ``header``; missing cells are blank."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            unknown = set(row) - set(header)
            if unknown:
                raise ValueError(f"{path.name}: columns not in the contract: {sorted(unknown)}")
            writer.writerow([cell_text(row.get(column)) for column in header])


def cell_text(value: object) -> str:
    return "" if value is None else str(value)


def usage_rows(weeks: Iterable[str], person: str, task: str, uses: int) -> list[Row]:
    """The same number of uses of ``task`` by ``person`` in each of ``weeks``."""
    return [{"week": week, "person": person, "task": task, "uses": uses} for week in weeks]


def trained_people(count: int, trained_on: str = "2026-01-05") -> list[Row]:
    """``p001`` … trained people of group ``ai``."""
    return [
        {"person": f"p{i:03d}", "trained_on": trained_on, "group": "ai"}
        for i in range(1, count + 1)
    ]
