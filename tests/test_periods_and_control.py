"""Equivalent periods (year over year) and the control group (difference-in-differences).

Every expected value is computed by hand from the fixture rows written here; the arithmetic is
next to it. Unless said otherwise: deployed_on 2026-01-05 (months before 2026-01 are the
baseline), hourly_value 35.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from generator.core.errors import DataError
from generator.core.periods import compared_months
from generator.input.load import load_dataset
from generator.metrics.control import team_groups
from generator.website.build import compute_report, generate
from tests.fixture_company import Row, write_company, write_csv
from tests.report_helpers import WORKED, near, triple, value

ROOT = Path(__file__).resolve().parent.parent
CAPACITY_TEAMS = ("month", "team", "handled", "headcount", "avg_basket")
REVENUE_TEAMS = ("month", "team", "stream", "revenue")


def with_teams(data: Path, name: str, header: tuple[str, ...], rows: list[Row]) -> Path:
    """Replace ``name`` by a file with the optional ``team`` column."""
    write_csv(data / name, header, rows)
    return data


def docs_of(data: Path, out: Path) -> Path:
    """The complete report's pages: these companies' teams are one or two people, whose
    comparison the public report does not show (see test_public_report.py)."""
    generate(data, out, ROOT / "docs", public=False)
    return out


# --- Equivalent periods ----------------------------------------------------------------------


def test_compared_months_prefers_the_same_months_a_year_earlier() -> None:
    deployed = date(2026, 1, 5)
    months = ["2025-02", "2025-03", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    # Last 2 after months: 2026-02, 2026-03; a year earlier 2025-02, 2025-03 are in the file
    # and before 2026-01: year over year.
    periods = compared_months(months, deployed, 2)
    assert (periods.before, periods.after, periods.basis) == (
        ["2025-02", "2025-03"],
        ["2026-02", "2026-03"],
        "year_over_year",
    )
    # 2025-03 missing: every baseline month instead.
    without_march = [m for m in months if m != "2025-03"]
    periods = compared_months(without_march, deployed, 2)
    assert (periods.before, periods.basis) == (["2025-02", "2025-11", "2025-12"], "baseline")


def test_last_year_after_deployment_is_not_a_baseline() -> None:
    # Deployed in January 2025: 2025-02 and 2025-03 are "after" months, so comparing 2026 with
    # them would measure the change since last year, not the AI's effect.
    periods = compared_months(
        ["2024-11", "2024-12", "2025-02", "2025-03", "2026-02", "2026-03"], date(2025, 1, 6), 2
    )
    assert (periods.before, periods.after, periods.basis) == (
        ["2024-11", "2024-12"],
        ["2026-02", "2026-03"],
        "baseline",
    )


YOY_CUSTOMERS: list[Row] = [
    {"month": "2025-02", "nps": 20, "complaints": 10, "orders": 100},
    {"month": "2025-03", "nps": 30, "complaints": 6, "orders": 100},
    {"month": "2025-11", "nps": 40, "complaints": 1, "orders": 100},
    {"month": "2025-12", "nps": 50, "complaints": 1, "orders": 100},
    {"month": "2026-01", "nps": 45, "complaints": 3, "orders": 100},
    {"month": "2026-02", "nps": 50, "complaints": 2, "orders": 100},
    {"month": "2026-03", "nps": 60, "complaints": 4, "orders": 100},
]


def test_customer_compares_year_over_year(tmp_path: Path) -> None:
    data = write_company(tmp_path / "data", {"customers.csv": YOY_CUSTOMERS}, recent_months=2)
    report = compute_report(data)
    nps = value(report, "customer", "nps")
    # Same months last year: (20 + 30) / 2 = 25 (the baseline mean would be 35);
    # after (50 + 60) / 2 = 55; (55 − 25) / 25 × 100 = 120
    assert triple(nps) == (near(25.0), near(55.0), near(120.0))
    assert nps["basis"] == "year_over_year"
    rate = value(report, "customer", "complaint_rate")
    # (10 + 6) / (100 + 100) × 100 = 8 (the baseline would give 18 / 400 = 4.5);
    # after (2 + 4) / 200 × 100 = 3; (3 − 8) / 8 × 100 = −62.5
    assert triple(rate) == (near(8.0), near(3.0), near(-62.5))
    assert rate["basis"] == "year_over_year"
    page = (docs_of(data, tmp_path / "docs") / "metriques/satisfaction-client.md").read_text()
    assert "comparé aux mêmes mois de l'année précédente" in page
    assert "comparé à la moyenne des mois avant le déploiement" not in page


def test_customer_falls_back_to_the_baseline_when_a_month_is_missing(tmp_path: Path) -> None:
    rows = [r for r in YOY_CUSTOMERS if r["month"] != "2025-03"]
    data = write_company(tmp_path / "data", {"customers.csv": rows}, recent_months=2)
    report = compute_report(data)
    nps = value(report, "customer", "nps")
    # 2025-03 missing: baseline (20 + 40 + 50) / 3 = 36.6667; after 55;
    # (55 − 36.6667) / 36.6667 × 100 = 50
    assert triple(nps) == (near(36.6667), near(55.0), near(50.0))
    assert nps["basis"] == "baseline"
    # (10 + 1 + 1) / 300 × 100 = 4; after 3; (3 − 4) / 4 × 100 = −25
    assert triple(value(report, "customer", "complaint_rate")) == (
        near(4.0),
        near(3.0),
        near(-25.0),
    )
    page = (docs_of(data, tmp_path / "docs") / "metriques/satisfaction-client.md").read_text()
    assert "comparé à la moyenne des mois avant le déploiement" in page
    assert "mêmes mois de l'année précédente" not in page.split("## Que faire")[0]


def test_deployed_more_than_a_year_ago_compares_with_the_baseline(tmp_path: Path) -> None:
    rows: list[Row] = [
        {"month": m, "nps": n}
        for m, n in (
            ("2024-11", 10),
            ("2024-12", 20),
            ("2025-02", 30),
            ("2025-03", 40),
            ("2026-02", 50),
            ("2026-03", 70),
        )
    ]
    data = write_company(
        tmp_path, {"customers.csv": rows}, recent_months=2, deployed_on=date(2025, 1, 6)
    )
    nps = value(compute_report(data), "customer", "nps")
    # 2025-02/03 are after deployment: baseline (10 + 20) / 2 = 15; after (50 + 70) / 2 = 60;
    # (60 − 15) / 15 × 100 = 300
    assert triple(nps) == (near(15.0), near(60.0), near(300.0))
    assert nps["basis"] == "baseline"


def test_cac_ratio_of_sums_year_over_year(tmp_path: Path) -> None:
    rows: list[Row] = [
        # cost = 600 / 60 × 35 + 100 = 450, 2 new customers
        {"month": "2025-02", "leads": 10, "qualified_leads": 5, "sales_minutes": 600,
         "marketing_spend": 100, "new_customers": 2},
        # cost = 1200 / 60 × 35 + 0 = 700, 1 new customer (baseline, not the same month)
        {"month": "2025-12", "leads": 10, "qualified_leads": 5, "sales_minutes": 1200,
         "marketing_spend": 0, "new_customers": 1},
        # cost = 300 / 60 × 35 + 100 = 275, 2 new customers
        {"month": "2026-02", "leads": 10, "qualified_leads": 5, "sales_minutes": 300,
         "marketing_spend": 100, "new_customers": 2},
    ]  # fmt: skip
    report = compute_report(write_company(tmp_path, {"acquisition.csv": rows}, recent_months=1))
    cac = value(report, "cac")
    # before = 2025-02 only: 450 / 2 = 225 (the baseline would be 1150 / 3 = 383.33);
    # after 275 / 2 = 137.5; (137.5 − 225) / 225 × 100 = −38.8889
    assert triple(cac) == (near(225.0), near(137.5), near(-38.8889))
    assert cac["basis"] == "year_over_year"
    # time per lead: 600 / 10 = 60 → 300 / 10 = 30
    assert triple(cac["time_per_lead"]) == (near(60.0), near(30.0), near(-50.0))
    assert cac["time_per_lead"]["basis"] == "year_over_year"


def test_worked_examples_keep_the_baseline() -> None:
    # Their files span less than 12 months: no month has its twin a year earlier.
    customer = value(compute_report(WORKED / "m6_customer"), "customer")
    assert {customer[k]["basis"] for k in ("nps", "response_minutes", "complaint_rate")} == {
        "baseline"
    }
    assert value(compute_report(WORKED / "m10_capacity"), "capacity", "basis") == "baseline"
    assert value(compute_report(WORKED / "m11_cac"), "cac", "basis") == "baseline"


# --- Control group ---------------------------------------------------------------------------

PEOPLE: list[Row] = [
    {"person": "anna", "team": "Paris", "trained_on": "2026-01-05", "group": "ai"},
    {"person": "ben", "team": "Paris", "trained_on": "2026-01-05", "group": "ai"},
    {"person": "chloe", "team": "Lyon", "group": "control"},
    {"person": "dan", "team": "Mixte", "trained_on": "2026-01-05", "group": "ai"},
    {"person": "eve", "team": "Mixte", "group": "control"},
    {"person": "fred", "team": "Nice", "trained_on": "2026-01-05", "group": "ai"},
]

CAPACITY: list[Row] = [
    {"month": "2025-11", "team": "Paris", "handled": 10, "headcount": 2, "avg_basket": 1000},
    {"month": "2025-12", "team": "Paris", "handled": 12, "headcount": 2, "avg_basket": 1000},
    {"month": "2026-02", "team": "Paris", "handled": 15, "headcount": 2, "avg_basket": 1200},
    {"month": "2026-03", "team": "Paris", "handled": 17, "headcount": 2, "avg_basket": 1200},
    {"month": "2025-11", "team": "Lyon", "handled": 8, "headcount": 1, "avg_basket": 500},
    {"month": "2025-12", "team": "Lyon", "handled": 8, "headcount": 1, "avg_basket": 500},
    {"month": "2026-02", "team": "Lyon", "handled": 9, "headcount": 1, "avg_basket": 500},
    {"month": "2026-03", "team": "Lyon", "handled": 9, "headcount": 1, "avg_basket": 500},
    {"month": "2025-11", "team": "Mixte", "handled": 5, "headcount": 1},
    {"month": "2025-12", "team": "Mixte", "handled": 5, "headcount": 1},
    {"month": "2026-02", "team": "Mixte", "handled": 5, "headcount": 1},
    {"month": "2026-03", "team": "Mixte", "handled": 7, "headcount": 1},
]


def test_team_groups_leave_mixed_teams_out() -> None:
    groups = team_groups(pd.DataFrame(PEOPLE))
    assert groups.ai == {"Paris", "Nice"}  # every member in group ai
    assert groups.control == {"Lyon"}  # chloe only, group control
    # Mixte has dan (ai) and eve (control): neither


@pytest.fixture
def capacity_company(tmp_path: Path) -> Path:
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE}, recent_months=2)
    return with_teams(data, "capacity.csv", CAPACITY_TEAMS, CAPACITY)


def test_capacity_headline_sums_every_team(capacity_company: Path) -> None:
    capacity = value(compute_report(capacity_company), "capacity")
    # Baseline 2025-11: 10 + 8 + 5 = 23, 2025-12: 12 + 8 + 5 = 25 → 24;
    # after 2026-02: 15 + 9 + 5 = 29, 2026-03: 17 + 9 + 7 = 33 → 31; 7 / 24 × 100 = 29.1667
    assert triple(capacity) == (near(24.0), near(31.0), near(29.1667))
    # Headcount 2 + 1 + 1 = 4 every month: 23/4 = 5.75, 25/4 = 6.25 → 6.0;
    # 29/4 = 7.25, 33/4 = 8.25 → 7.75; 1.75 / 6 × 100 = 29.1667
    assert triple(capacity["per_headcount"]) == (near(6.0), near(7.75), near(29.1667))
    # Basket weighted by handled over the rows with a basket (Mixte has none):
    # 2026-02 (15 × 1200 + 9 × 500) / 24 = 937.5; 2026-03 (17 × 1200 + 9 × 500) / 26 = 957.6923
    # mean 947.5962; extra revenue 7 × 947.5962 = 6633.1731
    assert capacity["avg_basket"] == near(947.5962)
    assert capacity["extra_revenue"] == near(6633.1731)
    assert capacity["months"][0] == {
        "month": "2025-11",
        "handled": 23.0,
        "headcount": 4.0,
        "per_headcount": 5.75,
    }


def test_capacity_difference_in_differences(capacity_company: Path) -> None:
    did = value(compute_report(capacity_company), "capacity", "did")
    # AI team Paris: (10 + 12) / 2 = 11 → (15 + 17) / 2 = 16: +5 (+45.4545 %)
    # Control team Lyon: 8 → 9: +1 (+12.5 %); Mixte is neither. Effect 5 − 1 = 4.
    assert (did["ai_change"], did["control_change"], did["effect"]) == (
        near(5.0),
        near(1.0),
        near(4.0),
    )
    assert did["ai"] == {
        "teams": ["Paris"],
        "before": near(11.0),
        "after": near(16.0),
        "evolution": near(45.4545),
        "after_months": ["2026-02", "2026-03"],
    }
    assert did["control"]["teams"] == ["Lyon"]
    assert did["control"]["evolution"] == near(12.5)
    assert did["basis"] == "baseline"
    assert did["comparable"] is True  # 11 ≤ 8 × 1.5 = 12


def test_capacity_pages_show_the_difference_in_differences(
    capacity_company: Path, tmp_path: Path
) -> None:
    docs = docs_of(capacity_company, tmp_path / "docs")
    assert "Équipes avec l'IA (Paris)" not in (docs / "tableaux/business.md").read_text("utf-8")
    for path in ("metriques/capacite-de-traitement.md",):  # the dashboard links to it
        page = (docs / path).read_text("utf-8")
        assert "| Équipes avec l'IA (Paris) | 11 | 16 | +5 | +45\u00a0% |" in page, path
        # 12.5 % shows as +12 % (Python's format rounds half to even)
        assert "| Groupe témoin sans IA (Lyon) | 8 | 9 | +1 | +12\u00a0% |" in page, path
        assert "| **+4** |" in page, path
        assert "l'écart, +4, est ce qu'on peut attribuer à l'IA" in page, path
        assert "pas la même taille" not in page, path


def test_groups_of_unlike_size_are_read_in_percent(tmp_path: Path) -> None:
    rows: list[Row] = [
        {"month": "2025-12", "team": "Paris", "handled": 20},
        {"month": "2026-02", "team": "Paris", "handled": 24},
        {"month": "2025-12", "team": "Lyon", "handled": 5},
        {"month": "2026-02", "team": "Lyon", "handled": 6},
    ]
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE}, recent_months=1)
    with_teams(data, "capacity.csv", CAPACITY_TEAMS, rows)
    did = value(compute_report(data), "capacity", "did")
    # Paris 20 → 24 (+4, +20 %), Lyon 5 → 6 (+1, +20 %): effect 3, but 20 > 5 × 1.5
    assert (did["effect"], did["comparable"]) == (near(3.0), False)
    page = (docs_of(data, tmp_path / "docs") / "metriques/capacite-de-traitement.md").read_text()
    assert "les deux groupes n'ont pas la même taille" in page
    assert "+20\u00a0% avec l'IA, +20\u00a0% pour le témoin" in page


def test_no_team_column_or_no_control_team_gives_no_did(tmp_path: Path) -> None:
    # The worked example has no team column: unchanged numbers, no did.
    assert value(compute_report(WORKED / "m10_capacity"), "capacity", "did") is None
    rows = [r for r in CAPACITY if r["team"] != "Lyon"]  # Paris (ai) and Mixte (neither)
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE}, recent_months=2)
    with_teams(data, "capacity.csv", CAPACITY_TEAMS, rows)
    report = compute_report(data)
    assert value(report, "capacity", "did") is None
    # (10 + 5 + 12 + 5) / 2 = 16 → (15 + 5 + 17 + 7) / 2 = 22
    assert triple(value(report, "capacity"))[:2] == (near(16.0), near(22.0))
    page = (docs_of(data, tmp_path / "docs") / "metriques/capacite-de-traitement.md").read_text()
    assert "groupe témoin" not in page.split("## Que faire")[0].lower()


REVENUE: list[Row] = [
    {"month": "2025-12", "team": "Paris", "stream": "Conseil", "revenue": 1000},
    {"month": "2025-12", "team": "Nice", "stream": "Conseil", "revenue": 3000},
    {"month": "2025-12", "team": "Lyon", "stream": "Conseil", "revenue": 2000},
    {"month": "2026-02", "team": "Paris", "stream": "Conseil", "revenue": 1600},
    {"month": "2026-02", "team": "Nice", "stream": "Conseil", "revenue": 3200},
    {"month": "2026-02", "team": "Lyon", "stream": "Conseil", "revenue": 2100},
    {"month": "2025-12", "team": "Paris", "stream": "Audit", "revenue": 400},
    {"month": "2025-12", "team": "Lyon", "stream": "Audit", "revenue": 400},
    {"month": "2026-02", "team": "Lyon", "stream": "Audit", "revenue": 400},
    {"month": "2025-12", "team": "Paris", "stream": "Formation", "revenue": 500},
    {"month": "2026-02", "team": "Paris", "stream": "Formation", "revenue": 700},
]


@pytest.fixture
def revenue_company(tmp_path: Path) -> Path:
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE}, recent_months=1)
    return with_teams(data, "revenue.csv", REVENUE_TEAMS, REVENUE)


def test_revenue_difference_in_differences_per_stream(revenue_company: Path) -> None:
    streams = {s["stream"]: s for s in value(compute_report(revenue_company), "revenue")}
    conseil = streams["Conseil"]
    # Headline, every team: 1000 + 3000 + 2000 = 6000 → 1600 + 3200 + 2100 = 6900; +900, +15 %
    assert (conseil["before"], conseil["after"], conseil["delta"], conseil["evolution"]) == (
        near(6000.0),
        near(6900.0),
        near(900.0),
        near(15.0),
    )
    # AI teams Paris and Nice, mean per team: (1000 + 3000) / 2 = 2000 → (1600 + 3200) / 2
    # = 2400: +400; control Lyon 2000 → 2100: +100; effect 300
    did = conseil["did"]
    assert (did["ai_change"], did["control_change"], did["effect"]) == (
        near(400.0),
        near(100.0),
        near(300.0),
    )
    assert (did["ai"]["teams"], did["control"]["teams"]) == (["Nice", "Paris"], ["Lyon"])
    # Audit: Paris has no row in 2026-02, which counts 0 (as in the headline: 800 → 400).
    # AI 400 → 0: −400; control 400 → 400: 0; effect −400
    audit = streams["Audit"]
    assert (audit["before"], audit["after"]) == (near(800.0), near(400.0))
    assert (audit["did"]["ai_change"], audit["did"]["effect"]) == (near(-400.0), near(-400.0))
    # Formation: only an AI team sells it, no control to compare with
    assert streams["Formation"]["did"] is None
    assert streams["Formation"]["delta"] == near(200.0)  # 700 − 500


def test_revenue_page_shows_the_did_of_each_stream(revenue_company: Path, tmp_path: Path) -> None:
    docs = docs_of(revenue_company, tmp_path / "docs")
    assert "| Conseil | +400" not in (docs / "tableaux/business.md").read_text("utf-8")
    for path in ("metriques/chiffre-d-affaires.md",):  # the dashboard links to it
        page = (docs / path).read_text("utf-8")
        # +400 € (+20 %: 400 / 2000), +100 € (+5 %: 100 / 2000), effect +300 €
        conseil = "| Conseil | +400 € (+20 %) | +100 € (+5 %) | **+300 €** |"
        assert conseil.replace(" €", "\u00a0€").replace(" %", "\u00a0%") in page, path
        audit = "| Audit | −400 € (−100 %) | 0 € (0 %) | **−400 €** |"
        assert audit.replace(" €", "\u00a0€").replace(" %", "\u00a0%") in page, path
        assert "| Formation | +" not in page  # no control: not in the table
        assert "variation des équipes avec l'IA (Nice, Paris)" in page, path


def test_duplicate_rows_with_and_without_teams(tmp_path: Path) -> None:
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE})
    # Two teams in the same month: fine; a blank team beside them is the rest of the company.
    rows: list[Row] = [
        {"month": "2026-02", "team": "Paris", "handled": 3},
        {"month": "2026-02", "team": "Lyon", "handled": 2},
        {"month": "2026-02", "handled": 1},
    ]
    with_teams(data, "capacity.csv", CAPACITY_TEAMS, rows)
    assert load_dataset(data).frame("capacity") is not None
    # The same team twice in a month, and two blank teams in a month, are duplicates.
    rows += [
        {"month": "2026-02", "team": "Paris", "handled": 4},
        {"month": "2026-02", "handled": 5},
    ]
    with_teams(data, "capacity.csv", CAPACITY_TEAMS, rows)
    with pytest.raises(DataError) as error:
        load_dataset(data)
    assert [str(p) for p in error.value.problems] == [
        "capacity.csv:5: month: doublon : team=Paris, month=2026-02 figure déjà ligne 2",
        "capacity.csv:6: month: doublon : month=2026-02 figure déjà ligne 4",
    ]


def test_duplicate_month_without_a_team_column_is_still_caught(tmp_path: Path) -> None:
    data = write_company(
        tmp_path,
        {"capacity.csv": [{"month": "2026-02", "handled": 3}, {"month": "2026-02", "handled": 4}]},
    )
    with pytest.raises(DataError) as error:
        load_dataset(data)
    assert [str(p) for p in error.value.problems] == [
        "capacity.csv:3: month: doublon : month=2026-02 figure déjà ligne 2"
    ]


def test_demo_shows_the_lyon_control_team() -> None:
    # Checked with an independent pandas script on data/capacity.csv and data/revenue.csv:
    #   cap = pd.read_csv("data/capacity.csv"); m = cap.pivot(index="month", columns="team",
    #   values="handled"); before = m.loc["2025-10":"2025-12"].mean();
    #   after = m.loc["2026-07":"2026-09"].mean()
    # Commercial 6, 7, 6 → 6.3333; 9, 6, 10 → 8.3333: +2.0
    # Agence Lyon 4, 5, 5 → 4.6667; 5, 3, 6 → 4.6667: 0.0 — effect +2.0
    # Every team: (10 + 12 + 11) / 3 = 11 → (14 + 9 + 16) / 3 = 13
    report = json.loads(json.dumps(compute_report(ROOT / "data")))
    capacity = value(report, "capacity")
    assert triple(capacity)[:2] == (near(11.0), near(13.0))
    did = capacity["did"]
    assert (did["ai"]["teams"], did["control"]["teams"]) == (["Commercial"], ["Agence Lyon"])
    assert (did["ai_change"], did["control_change"], did["effect"]) == (
        near(2.0),
        near(0.0),
        near(2.0),
    )
    # Same script on revenue.csv, stream « Projets d'aménagement sur mesure »:
    # Commercial 27 860.65 → 40 001.26 (+12 140.61), Agence Lyon 19 641.74 → 20 952.74
    # (+1 311.00): effect +10 829.61
    projects = next(s for s in value(report, "revenue") if s["stream"].startswith("Projets"))
    assert projects["did"]["effect"] == near(10829.61, 0.01)
