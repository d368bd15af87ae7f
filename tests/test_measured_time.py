"""Measured time: stopwatch measurements (``timings.csv``) replace the declared minutes of
``tasks.csv``, each side on its own, with the count and, from 5 measurements, an interval for
the median. Every expected value is computed by hand, the arithmetic next to it.

The fixture is the article's worked example of metric 1 (one person, week 2026-W03: tasks
60→15 min × 8 uses, 10→3 min × 25, 240→120 min × 2 = 12.9167 h), plus stopwatch measurements.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from generator.input.load import load_dataset
from generator.metrics import report
from generator.metrics.timings import coverage, interval_rank, median_interval
from generator.pages.render import context, environment, metric_page, page_values
from generator.pages.warnings import worded
from generator.website.build import compute_report
from tests.fixture_company import write_company
from tests.report_helpers import near, value

PEOPLE = [
    {"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05", "group": "ai"},
    {"person": "marc", "name": "Marc", "group": "control"},
]
TASKS = [
    {"task": "compte_rendu", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15},
    {"task": "email_suivi", "label": "Emails", "minutes_before": 10, "minutes_after": 3},
    {"task": "proposition", "label": "Propositions", "minutes_before": 240, "minutes_after": 120},
]
USAGE = [
    {"week": "2026-W03", "person": "sophie", "task": "compte_rendu", "uses": 8},
    {"week": "2026-W03", "person": "sophie", "task": "email_suivi", "uses": 25},
    {"week": "2026-W03", "person": "sophie", "task": "proposition", "uses": 2},
]


def timing(task: str, minutes: float, with_ai: str, day: str = "2025-12-10") -> dict:
    return {"date": day, "person": "sophie", "task": task, "minutes": minutes, "with_ai": with_ai}


TIMINGS = [
    # compte_rendu without AI, 3 measurements (odd): sorted 50, 58, 70 → median 58. The one
    # dated after the rollout still counts: with_ai says which side it is, not the date.
    timing("compte_rendu", 70, "no"),
    timing("compte_rendu", 50, "no", "2026-02-10"),
    {**timing("compte_rendu", 58, "no"), "person": "marc"},  # control group: counts too
    # email_suivi with AI only, 4 measurements (even): sorted 2, 3, 4, 5 → (3 + 4) / 2 = 3.5
    *(timing("email_suivi", m, "yes", "2026-02-03") for m in (4, 2, 5, 3)),
    # proposition without AI, 5 measurements: sorted 210, 230, 245, 250, 260 → median 245
    *(timing("proposition", m, "no") for m in (250, 230, 260, 210, 245)),
    # proposition with AI, 9 measurements: sorted 80 90 100 110 115 120 125 130 150 → 115
    *(timing("proposition", m, "yes", "2026-02-04")
      for m in (100, 130, 90, 120, 110, 150, 80, 125, 115)),
]  # fmt: skip


@pytest.fixture
def measured(tmp_path: Path) -> dict:
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": USAGE, "timings.csv": TIMINGS}
    return compute_report(write_company(tmp_path / "data", files))


def rows_by_task(result: dict) -> dict[str, dict]:
    return {row["task"]: row for row in result["measured_time"]}


def time_saved_page(data_dir: Path) -> str:
    """The Markdown of the time-saved page alone, rendered from ``data_dir``."""
    data = load_dataset(data_dir)
    page = metric_page("time_saved")
    values = context(data, worded(report(data), data), "", {})
    return environment().get_template(page.template).render(values, **page_values(page))


def test_odd_count_the_middle_measurement_replaces_the_declared_minutes(measured):
    row = rows_by_task(measured)["compte_rendu"]
    assert (row["declared_before"], row["measured_before"], row["count_before"]) == (60, 58, 3)
    assert row["used_before"] == 58
    assert row["interval_before"] is None  # fewer than 5 measurements


def test_even_count_the_mean_of_the_two_middle_measurements(measured):
    row = rows_by_task(measured)["email_suivi"]
    assert (row["measured_after"], row["count_after"], row["used_after"]) == (3.5, 4, 3.5)


def test_each_side_is_replaced_on_its_own(measured):
    rows = rows_by_task(measured)
    # compte_rendu: measured without AI only; with AI keeps the declared 15 min.
    compte_rendu = rows["compte_rendu"]
    assert (compte_rendu["measured_after"], compte_rendu["count_after"]) == (None, 0)
    assert (compte_rendu["used_after"], compte_rendu["interval_after"]) == (15, None)
    # email_suivi: measured with AI only; without AI keeps the declared 10 min.
    email = rows["email_suivi"]
    assert (email["measured_before"], email["count_before"], email["used_before"]) == (None, 0, 10)


def test_five_measurements_give_the_smallest_to_the_largest_at_93_75_percent(measured):
    row = rows_by_task(measured)["proposition"]
    assert (row["measured_before"], row["count_before"], row["used_before"]) == (245, 5, 245)
    # With 5 measurements, [x(2), x(4)] would miss the median when 4 or 5 of them fall on the
    # same side: 2 × (1 + 5) / 32 = 37.5 %, so no rank above 1 reaches 95 %. [x(1), x(5)]
    # misses only when all 5 fall on one side: 2 × 1/32 → 1 − 1/16 = 93.75 % coverage.
    assert row["interval_before"] == [210, 260]
    assert row["confidence_before"] == 93.75


def test_nine_measurements_give_the_second_to_the_eighth(measured):
    row = rows_by_task(measured)["proposition"]
    assert (row["measured_after"], row["count_after"], row["used_after"]) == (115, 9, 115)
    # [x(2), x(8)] misses the median when 8 or 9 of the 9 fall on one side:
    # 2 × (C(9,0) + C(9,1)) / 2^9 = 2 × 10 / 512 = 3.906 % → coverage 96.09375 % ≥ 95 %;
    # [x(3), x(7)]: 2 × (1 + 9 + 36) / 512 = 17.97 % → 82 %, too low. Sorted, x(2) = 90 and
    # x(8) = 130.
    assert row["interval_after"] == [90, 130]
    assert row["confidence_after"] == 96.09375


def test_measured_minutes_change_the_hours_saved(measured):
    # compte_rendu (58 − 15) × 8 = 344 min; email_suivi (10 − 3.5) × 25 = 162.5 min;
    # proposition (245 − 115) × 2 = 260 min. (344 + 162.5 + 260) / 60 = 766.5 / 60 = 12.775 h,
    # one person reporting (declared minutes only: 12.9167 h).
    assert value(measured, "time_saved", "hours_per_person_week") == near(12.775)
    # one reported week: 12.775 × 52 / 12 = 55.3583
    assert value(measured, "time_saved", "hours_per_person_month") == near(55.3583)
    by_task = {r["task"]: r["hours"] for r in value(measured, "time_saved", "by_task")}
    assert by_task == {
        "compte_rendu": near(344 / 60),  # 5.7333
        "email_suivi": near(162.5 / 60),  # 2.7083
        "proposition": near(260 / 60),  # 4.3333
    }


def test_without_timings_the_declared_minutes_are_used(tmp_path):
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": USAGE}
    report = compute_report(write_company(tmp_path / "data", files))
    for row in report["measured_time"]:
        assert (row["count_before"], row["count_after"]) == (0, 0), row
        assert (row["measured_before"], row["measured_after"]) == (None, None), row
        assert row["used_before"] == row["declared_before"], row
        assert row["used_after"] == row["declared_after"], row
    assert [row["task"] for row in report["measured_time"]] == [t["task"] for t in TASKS]
    # The worked example: 6 + 2.9167 + 4 = 775 / 60 = 12.9167 h
    assert value(report, "time_saved", "hours_per_person_week") == near(12.9167)


def test_timings_of_other_tasks_leave_a_task_unchanged(tmp_path):
    """Must not trigger: measurements of a task without usage leave the hours as declared."""
    tasks = [*TASKS, {"task": "veille", "minutes_before": 90, "minutes_after": 30}]
    files = {
        "people.csv": PEOPLE,
        "tasks.csv": tasks,
        "usage.csv": USAGE,
        "timings.csv": [timing("veille", 80, "no"), timing("veille", 20, "yes")],
    }
    report = compute_report(write_company(tmp_path / "data", files))
    veille = rows_by_task(report)["veille"]
    assert (veille["used_before"], veille["used_after"]) == (80, 20)
    assert value(report, "time_saved", "hours_per_person_week") == near(12.9167)


def test_report_keys_are_those_of_the_decision(measured):
    sides = ("declared", "measured", "count", "interval", "confidence", "used")
    expected = ["task", *(f"{name}_{side}" for name in sides for side in ("before", "after"))]
    for row in measured["measured_time"]:
        assert list(row) == expected


def test_an_inbox_measurement_counts_like_a_row_of_the_file(tmp_path):
    """Timings have no key: two equal measurements are two measurements, none is replaced."""
    data = write_company(tmp_path / "data", {"people.csv": PEOPLE, "tasks.csv": TASKS})
    inbox = data / "inbox" / "timings"
    inbox.mkdir(parents=True)
    line = "date,person,task,minutes,with_ai\n2026-03-02,sophie,compte_rendu,12.5,yes\n"
    (inbox / "20260302-090000-sophie-ab12.csv").write_text(line, encoding="utf-8")
    (inbox / "20260302-093000-sophie-cd34.csv").write_text(line, encoding="utf-8")
    report = compute_report(data)
    row = rows_by_task(report)["compte_rendu"]
    assert (row["count_after"], row["measured_after"], row["used_after"]) == (2, 12.5, 12.5)
    assert report["replaced"] == []


@pytest.mark.parametrize(
    ("n", "k"),
    # The published table of distribution-free 95 % intervals for a median (sign test):
    # n = 5…8 → [x(1), x(n)]; 9…11 → [x(2), x(n−1)]; 12, 13 → [x(3), x(n−2)].
    [(5, 1), (6, 1), (7, 1), (8, 1), (9, 2), (10, 2), (11, 2), (12, 3), (13, 3)],
)
def test_interval_rank_follows_the_published_table(n, k):
    assert interval_rank(n) == k


def test_coverage_is_exact():
    assert coverage(6, 1) == Fraction(31, 32)  # 1 − 2/64
    assert coverage(10, 2) == 1 - Fraction(2 * 11, 1024)  # 1 − 2 × (1 + 10) / 2^10


def test_interval_does_not_depend_on_the_order_of_the_measurements():
    values = [100, 130, 90, 120, 110, 150, 80, 125, 115]
    assert median_interval(values) == median_interval(sorted(values, reverse=True))
    assert median_interval(values[:4]) is None


def test_time_saved_page_shows_declared_and_measured_minutes(tmp_path):
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": USAGE, "timings.csv": TIMINGS}
    page = time_saved_page(write_company(tmp_path / "data", files))
    assert "## Temps mesuré au chronomètre" in page
    assert "**Le calcul utilise des minutes mesurées pour 3 tâche(s) sur 3**" in page
    nbsp = "\u00a0"
    assert (
        f"| Comptes\\-rendus | sans IA | 60{nbsp}min | 58{nbsp}min | 3 | à partir de 5 mesures "
        f"| 58{nbsp}min, mesurée |"
    ) in page
    assert (
        f"| Comptes\\-rendus | avec IA | 15{nbsp}min | — | 0 | — | 15{nbsp}min, déclarée |" in page
    )
    assert f"| Emails | avec IA | 3{nbsp}min | 3,5{nbsp}min | 4 |" in page
    assert (
        f"| Propositions | sans IA | 240{nbsp}min | 245{nbsp}min | 5 "
        f"| 210{nbsp}min à 260{nbsp}min |"
    ) in page  # the confidence (94 %, 96 %) is the method's detail, on « Méthode »
    assert f"| 90{nbsp}min à 130{nbsp}min |" in page
    assert "`timings.csv` : 21 lignes lues, 21 utilisées" in page  # 3 + 4 + 5 + 9 = 21


def test_time_saved_page_says_when_nothing_is_measured(tmp_path):
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": USAGE}
    page = time_saved_page(write_company(tmp_path / "data", files))
    assert "**Aucune tâche n'est encore chronométrée" in page
    assert "| Comptes\\-rendus |" not in page
    assert "`timings.csv` : fichier absent, pas encore mesuré" in page
