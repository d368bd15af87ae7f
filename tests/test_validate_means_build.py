"""``roi validate`` succeeding means ``roi build`` succeeds on the same data (hypothesis).

Companies are drawn "valid-looking": every file of the contract may be missing, empty or hold
rows; optional cells are often blank; edge values (zero, equal minutes before and after,
large numbers, a deployment before or after every measurement, odd but valid settings) are
common. Whatever ``roi validate`` accepts, the site's pages, charts and downloads are then
written (``generate``, steps 1–4 of the build), and a few examples go through the whole build
with MkDocs."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import cli
from generator.input.schema import SCHEMAS
from generator.website.build import build_site, generate
from tests.fixture_company import write_company, write_csv

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 6, 30)
PEOPLE = ["ana", "ben", "cleo", "dan"]
TASKS = ["cr", "mail", "prop"]
# Across a new year (2026-W01 starts on Monday 2025-12-29) up to the build date.
WEEKS = [*(f"2025-W{n}" for n in (50, 51, 52)), *(f"2026-W{n:02d}" for n in range(1, 27))]
MONTHS = [*(f"2025-{m}" for m in ("10", "11", "12")), *(f"2026-{m:02d}" for m in range(1, 7))]
DAYS = [date(2025, 12, 1) + timedelta(days=n) for n in range(0, 211, 3)]

Draw = st.DrawFn
Rows = list[dict[str, Any]]


def blank_or(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A blank optional cell (``None``) or a value."""
    return st.none() | strategy


def amounts(largest: int = 10**9) -> st.SearchStrategy[float]:
    """Whole or decimal amounts from 0 to ``largest``, zero and the largest often."""
    whole = st.integers(0, largest) | st.sampled_from([0, largest])
    return whole | st.decimals(0, 10_000, places=2).map(float)


def table(draw: Draw, row: Callable[[Draw], dict[str, Any]], key: tuple[str, ...]) -> Rows:
    """Rows drawn by ``row``, unique by ``key`` (a duplicate key is a refusal, tested elsewhere)."""
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for _ in range(draw(st.integers(0, 8))):
        drawn = row(draw)
        found.setdefault(tuple(drawn.get(k) for k in key), drawn)
    return list(found.values())


def person_row(draw: Draw, person: str) -> dict[str, Any]:
    return {
        "person": person,
        "name": draw(blank_or(st.sampled_from(["Ana", "Émile O'Brien", "x"]))),
        "team": draw(blank_or(st.sampled_from(["vente", "atelier"]))),
        "role": draw(blank_or(st.sampled_from(["Marketing", "Compta"]))),
        "trained_on": draw(blank_or(st.sampled_from(DAYS))),
        "group": draw(blank_or(st.sampled_from(["ai", "control"]))),
    }


def task_row(draw: Draw, task: str) -> dict[str, Any]:
    before = draw(st.sampled_from([0, 1, 30, 45, 600]) | st.integers(0, 10_000))
    after = draw(st.sampled_from([0, before, before // 2]) | st.integers(0, 10_000))
    label = draw(blank_or(st.just(task.upper())))
    return {"task": task, "label": label, "minutes_before": before, "minutes_after": after}


def optional_files(draw: Draw, people: list[str], tasks: list[str]) -> dict[str, Rows]:
    """Each file but people and tasks: missing, header only, or a few rows."""
    person, task, month = st.sampled_from(people), st.sampled_from(tasks), st.sampled_from(MONTHS)
    small = st.integers(0, 50) | st.sampled_from([0, 10**6])
    rows: dict[str, tuple[Callable[[Draw], dict[str, Any]], tuple[str, ...]]] = {
        "usage.csv": (
            lambda d: {
                "week": d(st.sampled_from(WEEKS)),
                "person": d(person),
                "task": d(task),
                "uses": d(small),
                "declared_minutes": d(blank_or(amounts(10_000))),
            },
            ("week", "person", "task"),
        ),
        "timings.csv": (
            lambda d: {
                "date": d(st.sampled_from(DAYS)),
                "person": d(person),
                "task": d(task),
                "minutes": d(amounts(10_000)),
                "with_ai": d(st.sampled_from(["yes", "no"])),
            },
            (),
        ),
        "costs.csv": (cost_row(month), ()),
        "errors.csv": (
            lambda d: {
                "month": d(month),
                "error_type": d(st.sampled_from(["calcul", "oubli"])),
                "count": d(small),
                "unit_cost": d(blank_or(amounts())),
            },
            ("month", "error_type"),
        ),
        "customers.csv": (
            lambda d: {
                "month": d(month),
                "nps": d(blank_or(st.integers(-100, 100))),
                "response_minutes": d(blank_or(amounts(10_000))),
                "complaints": d(blank_or(small)),
                "orders": d(blank_or(small)),
            },
            ("month",),
        ),
        "deliverables.csv": (
            lambda d: {
                "month": d(month),
                "role": d(st.sampled_from(["Marketing", "Compta"])),
                "indicator": d(st.sampled_from(["devis", "délai"])),
                "value": d(st.integers(-(10**6), 10**6)),
                "better": d(st.sampled_from(["up", "down"])),
            },
            ("month", "role", "indicator"),
        ),
        "mental_load.csv": (
            lambda d: {
                "date": d(st.sampled_from(DAYS)),
                "person": d(person),
                "task": d(task),
                "before": d(st.integers(1, 10)),
                "after": d(st.integers(1, 10)),
            },
            ("date", "person", "task"),
        ),
        "revenue.csv": (
            lambda d: {
                "month": d(month),
                "team": d(blank_or(st.sampled_from(["vente", "atelier"]))),
                "stream": d(st.sampled_from(["ventes", "entretien"])),
                "revenue": d(amounts() | st.integers(-(10**6), 0)),
            },
            ("month", "team", "stream"),
        ),
        "capacity.csv": (
            lambda d: {
                "month": d(month),
                "team": d(blank_or(st.sampled_from(["vente", "atelier"]))),
                "handled": d(amounts(10**6)),
                "headcount": d(blank_or(st.sampled_from([0, 1, 2.5, 40]))),
                "avg_basket": d(blank_or(amounts())),
            },
            ("team", "month"),
        ),
        "acquisition.csv": (
            lambda d: {
                "month": d(month),
                "leads": d(small),
                "qualified_leads": d(small),
                "sales_minutes": d(amounts(10**6)),
                "marketing_spend": d(amounts()),
                "new_customers": d(small),
            },
            ("month",),
        ),
        "freed_time.csv": (
            lambda d: {
                "month": d(month),
                "person": d(person),
                "use": d(st.sampled_from(["commercial", "produit", "formation", "autre"])),
                "hours": d(amounts(1_000)),
            },
            ("month", "person", "use"),
        ),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(rows)), unique=True))
    return {name: table(draw, *rows[name]) for name in chosen}


def cost_row(month: st.SearchStrategy[str]) -> Callable[[Draw], dict[str, Any]]:
    """A cost; a one-off may be amortized (over 1 to 120 months), a monthly cost may end."""

    def row(draw: Draw) -> dict[str, Any]:
        kind = draw(st.sampled_from(["one_off", "monthly"]))
        return {
            "category": draw(st.sampled_from(["licence", "formation", "setup", "other"])),
            "label": draw(blank_or(st.just("Abonnement"))),
            "amount": draw(amounts()),
            "kind": kind,
            "start": draw(month),
            "end": draw(blank_or(month)) if kind == "monthly" else None,
            "amortize_months": draw(blank_or(st.integers(1, 120))) if kind == "one_off" else None,
        }

    return row


def company_settings(draw: Draw) -> dict[str, Any]:
    """Odd but valid ``company.yml`` values."""
    return {
        "deployed_on": draw(st.sampled_from([date(2025, 1, 1), date(2026, 1, 5), TODAY])),
        "hourly_value": draw(st.sampled_from([0, 0.5, 35, 1000])),
        "error_cost": draw(st.sampled_from([0, 150, 1_000_000])),
        "active_uses_per_week": draw(st.sampled_from([1, 3, 100])),
        "recent_months": draw(st.sampled_from([1, 3, 36])),
        "alternatives": draw(st.sampled_from([{}, {"Stagiaire": 0}, {"CDI": 10_000}])),
        "privacy": {
            "show_names": draw(st.booleans()),
            "min_group_size": draw(st.sampled_from([1, 3, 1000])),
        },
        "thresholds": draw(st.sampled_from([{}, {"adoption": [0, 100], "payback": [0, 0.5]}])),
    }


@st.composite
def companies(draw: Draw) -> tuple[dict[str, Rows], dict[str, Any]]:
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True))
    tasks = draw(st.lists(st.sampled_from(TASKS), min_size=1, max_size=3, unique=True))
    files = {
        "people.csv": [person_row(draw, p) for p in people],
        "tasks.csv": [task_row(draw, t) for t in tasks],
        **optional_files(draw, people, tasks),
    }
    return files, company_settings(draw)


def validated(folder: Path, files: dict[str, Rows], settings: dict[str, Any]) -> Path | None:
    """The data folder written in ``folder`` when ``roi validate`` accepts it, else None."""
    people = {name: files[name] for name in ("people.csv", "tasks.csv")}
    data = write_company(folder / "data", people, **settings)
    for name, rows in files.items():  # with the schema's header (the fixture's may lag it)
        write_csv(data / name, SCHEMAS[name].column_names, rows)
    result = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", str(TODAY)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    event("validated" if result.exit_code == 0 else "refused")
    return data if result.exit_code == 0 else None


def in_folder(folder: Path, action: Callable[[], Any]) -> Any:
    """Run ``action`` with ``folder`` as the working folder (its own chart cache)."""
    home = Path.cwd()
    os.chdir(folder)
    try:
        return action()
    finally:
        os.chdir(home)


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


@settings(max_examples=20, deadline=None, suppress_health_check=SLOW)
@given(companies(), st.booleans())
def test_what_validate_accepts_generates_a_site(company, public):
    files, settings = company
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = validated(folder, files, settings)
        if data is None:
            return
        docs = folder / "docs"
        built = in_folder(folder, lambda: generate(data, docs, ROOT / "docs", TODAY, public))
        assert (docs / "index.md").is_file() and (docs / "metrics.json").is_file()
        assert built.pages


@settings(max_examples=2, deadline=None, suppress_health_check=SLOW)
@given(companies())
def test_what_validate_accepts_builds_with_mkdocs(company):
    files, settings = company
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = validated(folder, files, settings)
        if data is None:
            return
        site = folder / "site"
        in_folder(folder, lambda: build_site(data, site, ROOT / "mkdocs.yml", TODAY))
        assert (site / "index.html").is_file()
