"""Band edges (DECISIONS.md: an edge value goes to the upper band for time saved, and is
``normal`` / ``profitable`` / ``good`` for adoption, cost per hour and payback), through CSV
folders written in ``tmp_path``. Company: deployed_on 2026-01-05, hourly_value 35,
active_uses_per_week 3. Default task ``compte_rendu``: 45 → 15 min, one use saves 0.5 h.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.website.build import compute_report
from tests.fixture_company import FEBRUARY_2026, Row, trained_people, usage_rows, write_company
from tests.report_helpers import by_key, near, value

# --- adoption ---------------------------------------------------------------------------------


def adoption_folder(dir: Path, trained: int, active: int) -> Path:
    """``trained`` people trained on 2026-01-05; the first ``active`` use the tool 3 times in
    2026-W03, the others report 0 uses."""
    people = trained_people(trained)
    usage: list[Row] = []
    for i, person in enumerate(people):
        uses = 3 if i < active else 0
        usage += usage_rows(["2026-W03"], str(person["person"]), "compte_rendu", uses)
    return write_company(dir, {"people.csv": people, "usage.csv": usage})


@pytest.mark.parametrize(
    ("trained", "active", "rate", "band"),
    [
        (10, 3, 30.0, "normal"),  # 3/10*100 = 30: the lower edge is normal
        (10, 6, 60.0, "normal"),  # 6/10*100 = 60: the upper edge is normal
        (5, 3, 60.0, "normal"),  # 3/5*100 = 60
        (1000, 299, 29.9, "problem"),  # 299/1000*100 = 29.9 < 30
        (1000, 601, 60.1, "excellent"),  # 601/1000*100 = 60.1 > 60
        (4, 0, 0.0, "problem"),  # 0/4*100 = 0
        (4, 4, 100.0, "excellent"),  # 4/4*100 = 100
    ],
)
def test_adoption_band(tmp_path: Path, trained: int, active: int, rate: float, band: str) -> None:
    report = compute_report(adoption_folder(tmp_path, trained, active))
    assert value(report, "adoption", "rate") == near(rate)
    assert value(report, "adoption", "band") == band


def test_adoption_statuses_follow_active_uses_per_week(tmp_path: Path) -> None:
    people: list[Row] = [
        *trained_people(5),  # p001..p005, trained 2026-01-05
        {"person": "ctrl", "trained_on": "2026-01-05", "group": "control"},  # no usage: refused
        {"person": "new", "trained_on": ""},  # not trained
    ]
    tasks: list[Row] = [
        {"task": "compte_rendu", "minutes_before": 45, "minutes_after": 15},
        {"task": "email", "minutes_before": 10, "minutes_after": 3},
    ]
    usage: list[Row] = [
        {"week": "2026-W03", "person": "p001", "task": "compte_rendu", "uses": 5},
        {"week": "2026-W03", "person": "p002", "task": "compte_rendu", "uses": 2},
        {"week": "2026-W03", "person": "p002", "task": "email", "uses": 3},
        {"week": "2026-W03", "person": "p003", "task": "compte_rendu", "uses": 4},
        {"week": "2026-W03", "person": "p004", "task": "compte_rendu", "uses": 0},
        {"week": "2026-W02", "person": "p005", "task": "compte_rendu", "uses": 9},
        {"week": "2026-W03", "person": "new", "task": "compte_rendu", "uses": 10},
    ]
    folder = write_company(
        tmp_path,
        {"people.csv": people, "tasks.csv": tasks, "usage.csv": usage},
        active_uses_per_week=5,
    )
    report = compute_report(folder)
    assert report["as_of"]["week"] == "2026-W03"
    # trained (group ai, trained_on <= Sunday 2026-01-18): p001..p005; active (>= 5 uses in
    # W03): p001 (5) and p002 (2 + 3 = 5): 2/5*100 = 40
    assert value(report, "adoption", "rate") == near(40.0)
    assert value(report, "adoption", "band") == "normal"
    people_rows = by_key(value(report, "adoption", "people"), "person")
    statuses = {person: row["status"] for (person,), row in people_rows.items()}
    assert statuses == {
        "p001": "actif",  # 5 >= 5
        "p002": "actif",  # 2 + 3 = 5 >= 5
        "p003": "faible",  # 1 <= 4 <= 4
        "p004": "inactif",  # a row with 0
        "p005": "non_renseigne",  # no row in W03 (a row in W02 does not count)
    }
    assert people_rows[("p001",)]["uses"] == 5
    assert people_rows[("p002",)]["uses"] == 5  # 2 + 3


# --- time saved -------------------------------------------------------------------------------
# hours_per_person_month = weekly × 52/12 cannot be exactly 5, 10 or 20 with a whole number of
# minutes (weekly would be 15/13 h), so each edge is tested just below and just above it.


@pytest.mark.parametrize(
    ("uses", "month", "band"),
    [
        (69, 4.9833, "not_yet"),  # 69 min: 69/60*52/12 = 4.9833 < 5
        (70, 5.0556, "profitable"),  # 70/60*52/12 = 5.0556 >= 5
        (138, 9.9667, "profitable"),  # 138/60*52/12 = 9.9667 < 10
        (139, 10.0389, "upper_average"),  # 139/60*52/12 = 10.0389 >= 10
        (276, 19.9333, "upper_average"),  # 276/60*52/12 = 19.9333 < 20
        (277, 20.0056, "top10"),  # 277/60*52/12 = 20.0056 >= 20
    ],
)
def test_time_saved_band(tmp_path: Path, uses: int, month: float, band: str) -> None:
    # one task saving 2 - 1 = 1 minute per use, one person, one week
    tasks: list[Row] = [{"task": "minute", "minutes_before": 2, "minutes_after": 1}]
    usage = usage_rows(["2026-W03"], "sophie", "minute", uses)
    report = compute_report(write_company(tmp_path, {"tasks.csv": tasks, "usage.csv": usage}))
    assert value(report, "time_saved", "hours_per_person_week") == near(uses / 60)
    assert value(report, "time_saved", "hours_per_person_month") == near(month)
    assert value(report, "time_saved", "band") == band


def test_time_saved_month_is_the_mean_of_the_last_four_weeks(tmp_path: Path) -> None:
    usage = [
        *usage_rows(["2026-W02"], "sophie", "compte_rendu", 100),  # 5th week back: left out
        *usage_rows(["2026-W03", "2026-W04"], "sophie", "compte_rendu", 10),  # 5 h each
        *usage_rows(["2026-W05", "2026-W06"], "sophie", "compte_rendu", 20),  # 10 h each
    ]
    report = compute_report(write_company(tmp_path, {"usage.csv": usage}))
    assert report["as_of"]["week"] == "2026-W06"
    assert value(report, "time_saved", "hours_per_person_week") == near(10.0)  # 20 * 0.5
    # (5 + 5 + 10 + 10) / 4 = 7.5; 7.5 * 52/12 = 32.5
    assert value(report, "time_saved", "hours_per_person_month") == near(32.5)
    assert value(report, "time_saved", "band") == "top10"


# --- cost per hour ----------------------------------------------------------------------------


def february_folder(dir: Path, costs: list[Row], **company: object) -> Path:
    """12.5 h saved in each week of February 2026 (25 uses * 0.5 h): 50 h in February, the
    only complete month (as_of.month = 2026-02)."""
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 25)
    return write_company(dir, {"usage.csv": usage, "costs.csv": costs}, **company)


def monthly(amount: float, start: str = "2026-02") -> dict[str, object]:
    """A licence paid every month from ``start`` on."""
    return {"category": "licence", "amount": amount, "kind": "monthly", "start": start}


def one_off(amount: float, start: str = "2026-02") -> dict[str, object]:
    """A training paid once, in ``start``."""
    return {"category": "formation", "amount": amount, "kind": "one_off", "start": start}


@pytest.mark.parametrize(
    ("cost", "per_hour", "band"),
    [
        (499.5, 9.99, "excellent"),  # 499.5 / 50 = 9.99 < 10
        (500, 10.0, "profitable"),  # 500 / 50 = 10: the edge is profitable
        (1000, 20.0, "profitable"),  # 1000 / 50 = 20: the edge is profitable
        (1000.5, 20.01, "review"),  # 1000.5 / 50 = 20.01 > 20
    ],
)
def test_cost_per_hour_band(tmp_path: Path, cost: float, per_hour: float, band: str) -> None:
    report = compute_report(february_folder(tmp_path, [monthly(cost)]))
    assert report["as_of"]["month"] == "2026-02"
    assert value(report, "cost_per_hour", "value") == near(per_hour)
    assert value(report, "cost_per_hour", "band") == band


def test_cost_per_hour_ends_of_monthly_rows(tmp_path: Path) -> None:
    costs = [
        monthly(100, start="2026-01") | {"end": "2026-03"},  # active in February
        monthly(1000, start="2025-10") | {"end": "2026-01"},  # ended before February
        monthly(7000, start="2026-03"),  # starts after February
        one_off(1200, start="2025-12") | {"amortize_months": 3},  # 400 in 2025-12, 01, 02
        one_off(600, start="2026-02"),  # not amortized: investment, not a monthly cost
    ]
    report = compute_report(february_folder(tmp_path, costs))
    # (100 + 1200/3) / 50 = 500 / 50 = 10.0
    assert value(report, "cost_per_hour", "value") == near(10.0)
    assert value(report, "cost_per_hour", "band") == "profitable"


# --- payback ----------------------------------------------------------------------------------


def test_payback_net_gain_zero_is_never(tmp_path: Path) -> None:
    # February: 50 h * 35 = 1750 of value - 1750 monthly = 0 net gain
    folder = february_folder(tmp_path, [monthly(1750), one_off(1000)], recent_months=1)
    report = compute_report(folder)
    assert value(report, "payback", "months") is None
    assert value(report, "payback", "band") == "never"
    # 1750 - 1750 - 1000 = -1000 < 0 in February, the last month considered
    assert value(report, "payback", "break_even_month") is None


def test_payback_negative_net_gain_is_never(tmp_path: Path) -> None:
    # 50*35 - 2000 = -250
    folder = february_folder(tmp_path, [monthly(2000), one_off(1000)], recent_months=1)
    report = compute_report(folder)
    assert value(report, "payback", "months") is None
    assert value(report, "payback", "band") == "never"


@pytest.mark.parametrize(
    ("investment", "months", "band"),
    [
        (3000, 1.9355, "excellent"),  # 3000 / (50*35 - 200) = 3000/1550 = 1.9355 < 2
        (3100, 2.0, "good"),  # 3100 / 1550 = 2: the edge is good
        (9300, 6.0, "good"),  # 9300 / 1550 = 6: the edge is good
        (9310, 6.0065, "challenge"),  # 9310 / 1550 = 6.0065 > 6
    ],
)
def test_payback_band(tmp_path: Path, investment: float, months: float, band: str) -> None:
    costs = [monthly(200), one_off(investment)]
    report = compute_report(february_folder(tmp_path, costs, recent_months=1))
    assert value(report, "payback", "months") == near(months)
    assert value(report, "payback", "band") == band


def test_payback_exactly_two_months_breaks_even_in_the_second(tmp_path: Path) -> None:
    # W06..W13: 12.5 h a week, February (W06..W09) and March (W10..W13) 50 h each.
    # W14 (Mon 30 March .. Fri 3 April) reports 0 uses: March is complete, April is not.
    weeks = [f"2026-W{n:02d}" for n in range(6, 14)]
    usage = [
        *usage_rows(weeks, "sophie", "compte_rendu", 25),
        *usage_rows(["2026-W14"], "sophie", "compte_rendu", 0),
    ]
    folder = write_company(
        tmp_path,
        {"usage.csv": usage, "costs.csv": [monthly(200), one_off(3100)]},
        recent_months=2,
    )
    report = compute_report(folder)
    assert report["as_of"] == {"week": "2026-W14", "month": "2026-03"}
    # net gain: February 50*35 - 200 = 1550, March 1550 -> mean 1550; 3100 / 1550 = 2.0
    assert value(report, "payback", "months") == near(2.0)
    assert value(report, "payback", "band") == "good"
    # cumulative: February 1550 - 3100 = -1550 < 0; March -1550 + 1550 = 0 >= 0
    assert value(report, "payback", "break_even_month") == "2026-03"
    # March: 200 / (4 * 12.5 + 2/5 * 0) = 4.0
    assert value(report, "cost_per_hour", "value") == near(4.0)
