"""Undefined values are null, never an exception, NaN or infinity (contract: "a metric without
data is null"; DECISIONS.md: "Either side empty gives null values", evolution is null when
before is 0). Company: deployed_on 2026-01-05, so 2025-12 is baseline and 2026-01 is "after".
"""

from __future__ import annotations

from pathlib import Path

from generator.website.build import compute_report
from tests.fixture_company import FEBRUARY_2026, Row, usage_rows, write_company
from tests.report_helpers import as_list, by_key, near, triple, value


def test_no_hours_saved_gives_no_cost_per_hour(tmp_path: Path) -> None:
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 0)  # reported, never used
    costs: list[Row] = [
        {"category": "licence", "amount": 200, "kind": "monthly", "start": "2026-02"}
    ]
    report = compute_report(write_company(tmp_path, {"usage.csv": usage, "costs.csv": costs}))
    assert report["as_of"] == {"week": "2026-W09", "month": "2026-02"}
    assert value(report, "cost_per_hour", "value") is None  # 200 / 0 h
    assert value(report, "cost_per_hour", "band") is None
    assert value(report, "time_saved", "hours_per_person_week") == near(0.0)  # 0 uses, 1 person
    # net gain 0 * 35 - 200 = -200 <= 0
    assert value(report, "payback", "months") is None
    assert value(report, "payback", "band") == "never"


def test_no_orders_gives_no_complaint_rate(tmp_path: Path) -> None:
    customers: list[Row] = [
        {"month": "2025-12", "nps": 30, "complaints": 0, "orders": 0},
        {"month": "2026-02", "nps": 45, "complaints": 0, "orders": 0},
    ]
    report = compute_report(write_company(tmp_path, {"customers.csv": customers}))
    rate = value(report, "customer", "complaint_rate")
    assert rate is None or triple(rate) == (None, None, None)  # 0 / 0 orders
    # NPS is still there: (45-30)/30*100 = 50
    assert triple(value(report, "customer", "nps")) == (near(30.0), near(45.0), near(50.0))


def test_orders_in_one_period_only(tmp_path: Path) -> None:
    customers: list[Row] = [
        {"month": "2025-12", "complaints": 0, "orders": 0},
        {"month": "2026-02", "complaints": 2, "orders": 50},
    ]
    report = compute_report(write_company(tmp_path, {"customers.csv": customers}))
    # before 0/0: null; after 2/50*100 = 4.0; evolution null
    assert triple(value(report, "customer", "complaint_rate")) == (None, near(4.0), None)


def test_no_baseline_rows_gives_null_before_and_evolution(tmp_path: Path) -> None:
    files: dict[str, list[Row]] = {
        "customers.csv": [{"month": "2026-02", "nps": 40, "response_minutes": 30}],
        "capacity.csv": [{"month": "2026-02", "handled": 11, "headcount": 2, "avg_basket": 3500}],
        "acquisition.csv": [
            {
                "month": "2026-02",
                "leads": 300,
                "qualified_leads": 100,
                "sales_minutes": 6000,
                "marketing_spend": 300,
                "new_customers": 18,
            }
        ],
        "revenue.csv": [{"month": "2026-02", "stream": "Conseil", "revenue": 10000}],
        "deliverables.csv": [
            {"month": "2026-02", "role": "RH", "indicator": "Réponses", "value": 42, "better": "up"}
        ],
        "errors.csv": [{"month": "2026-02", "error_type": "Devis", "count": 2}],
    }
    report = compute_report(write_company(tmp_path, files))
    customer = value(report, "customer")
    assert triple(customer["nps"]) == (None, near(40.0), None)
    assert triple(customer["response_minutes"]) == (None, near(30.0), None)
    assert triple(value(report, "capacity")) == (None, near(11.0), None)
    assert value(report, "capacity", "extra_revenue") is None
    # after: (6000/60*35 + 300) / 18 = 3800/18 = 211.1111
    assert triple(value(report, "cac")) == (None, near(211.1111), None)
    (revenue,) = as_list(value(report, "revenue"))
    assert (revenue["before"], revenue["after"]) == (None, near(10000.0))
    assert revenue["delta"] is None
    assert revenue["evolution"] is None
    (deliverable,) = as_list(value(report, "deliverables"))
    assert (deliverable["before"], deliverable["after"]) == (None, near(42.0))
    assert deliverable["evolution"] is None
    assert value(report, "errors_avoided", "avoided_per_month") is None
    assert value(report, "errors_avoided", "value_per_month") is None


def test_no_after_rows_gives_null_after_and_evolution(tmp_path: Path) -> None:
    files: dict[str, list[Row]] = {
        "customers.csv": [{"month": "2025-12", "nps": 40}],
        "capacity.csv": [{"month": "2025-12", "handled": 8}],
    }
    report = compute_report(write_company(tmp_path, files))
    assert triple(value(report, "customer", "nps")) == (near(40.0), None, None)
    assert triple(value(report, "capacity")) == (near(8.0), None, None)


def test_before_zero_gives_null_evolution(tmp_path: Path) -> None:
    files: dict[str, list[Row]] = {
        "customers.csv": [
            {"month": "2025-12", "nps": 0, "response_minutes": 0},
            {"month": "2026-02", "nps": 20, "response_minutes": 30},
        ],
        "capacity.csv": [
            {"month": "2025-12", "handled": 0, "avg_basket": 1000},
            {"month": "2026-02", "handled": 4, "avg_basket": 1000},
        ],
        "revenue.csv": [
            {"month": "2025-12", "stream": "Nouveau service", "revenue": 0},
            {"month": "2026-02", "stream": "Nouveau service", "revenue": 5000},
        ],
        "deliverables.csv": [
            {"month": m, "role": "Admin", "indicator": "Relances", "value": v, "better": "down"}
            for m, v in (("2025-12", 0), ("2026-02", 3))
        ],
    }
    report = compute_report(write_company(tmp_path, files))
    assert triple(value(report, "customer", "nps")) == (near(0.0), near(20.0), None)
    assert triple(value(report, "customer", "response_minutes")) == (near(0.0), near(30.0), None)
    assert triple(value(report, "capacity")) == (near(0.0), near(4.0), None)
    assert value(report, "capacity", "extra_revenue") == near(4000.0)  # (4 - 0) * 1000
    revenue = by_key(value(report, "revenue"), "stream")[("Nouveau service",)]
    assert triple(revenue) == (near(0.0), near(5000.0), None)
    assert revenue["delta"] == near(5000.0)  # 5000 - 0
    (deliverable,) = as_list(value(report, "deliverables"))
    assert triple(deliverable) == (near(0.0), near(3.0), None)
    assert deliverable["improved"] is False  # 0 -> 3 with better = down


def test_no_new_customers_gives_no_cac(tmp_path: Path) -> None:
    acquisition: list[Row] = [
        {
            "month": month,
            "leads": 10,
            "qualified_leads": 5,
            "sales_minutes": 600,
            "marketing_spend": 100,
            "new_customers": customers,
        }
        for month, customers in (("2025-12", 0), ("2026-02", 2))
    ]
    report = compute_report(write_company(tmp_path, {"acquisition.csv": acquisition}))
    # before: 450 / 0 customers -> null; after (600/60*35 + 100) / 2 = 450 / 2 = 225
    assert triple(value(report, "cac")) == (None, near(225.0), None)


def test_no_trained_person_gives_no_adoption_rate(tmp_path: Path) -> None:
    people: list[Row] = [{"person": "sophie", "trained_on": ""}, {"person": "marc"}]
    usage = usage_rows(["2026-W03"], "sophie", "compte_rendu", 5)
    report = compute_report(write_company(tmp_path, {"people.csv": people, "usage.csv": usage}))
    assert value(report, "adoption", "rate") is None
    assert value(report, "adoption", "band") is None
    assert as_list(value(report, "adoption", "people")) == []
    # time saved does not depend on training: 5 * 0.5 = 2.5 h for 1 person
    assert value(report, "time_saved", "hours_per_person_week") == near(2.5)


def test_no_usage_file_gives_no_week(tmp_path: Path) -> None:
    report = compute_report(write_company(tmp_path, {}))
    assert report["as_of"] == {"week": None, "month": None}
    assert value(report, "time_saved", "hours_per_person_week") is None
    assert value(report, "adoption", "rate") is None
    assert value(report, "cost_per_hour", "value") is None
