"""The € ranges (``metrics.ranges``, worded by ``pages.ranges``): low and high beside the likely
cost per hour saved, monthly net gain and payback. Every expected value is computed by hand.

The fixture: one person, one task declared 60 → 15 min, 10 uses in each week of February 2026
(the only complete month, ``FEBRUARY_2026``). The task is timed 5 times on each side: without
AI 50, 55, 60, 65, 70 min (median 60, interval 50–70: with exactly 5 measurements the interval
of the median is the smallest to the largest, 93.75 %), with AI 10, 12, 15, 18, 20 (median
15, interval 10–20). So one use saves

- likely 60 − 15 = 45 min, pessimistic 50 − 20 = 30 min, optimistic 70 − 10 = 60 min;
- a week: 10 uses → 7.5 h likely, 5 h pessimistic, 10 h optimistic;
- February (4 weeks, all their weekdays in February): 30 h, 20 h, 40 h.

Every week saves the same 7.5 h per person, so the bootstrap interval of the weeks is 7.5–7.5
exactly: its factors are 1 and the stopwatch alone makes the range.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.input.load import load_dataset
from generator.metrics import report
from generator.metrics.ranges import (
    HoursRange,
    cost_per_hour_range,
    edges_crossed,
    hours_range,
    month_hours,
    scale,
)
from generator.metrics.uncertainty import bootstrap_interval
from generator.pages.ranges import crossings, range_text
from generator.pages.render import context, environment, metric_page, page_values
from generator.pages.warnings import worded
from generator.website.build import compute_report, generate
from tests.fixture_company import COMPANY, FEBRUARY_2026, usage_rows, write_company
from tests.report_helpers import near

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [{"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05", "group": "ai"}]
TASKS = [{"task": "cr", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15}]


def timing(minutes: float, with_ai: str) -> dict[str, Any]:
    return {"date": "2026-02-10", "person": "sophie", "task": "cr", "minutes": minutes,
            "with_ai": with_ai}  # fmt: skip


TIMINGS = [
    *(timing(m, "no") for m in (70, 50, 60, 65, 55)),
    *(timing(m, "yes") for m in (15, 20, 10, 18, 12)),
]


def costs(monthly: float, one_off: float = 600.0) -> list[dict[str, Any]]:
    """A licence of ``monthly`` € from January and a training of ``one_off`` € paid in January
    (not amortized: it is the payback's investment, not part of the cost per hour)."""
    return [
        {"category": "licence", "label": "Licence", "amount": monthly, "kind": "monthly",
         "start": "2026-01"},
        {"category": "formation", "label": "Formation", "amount": one_off, "kind": "one_off",
         "start": "2026-01"},
    ]  # fmt: skip


def company(
    tmp: Path, monthly: float = 150.0, one_off: float = 600.0, timed: bool = True, uses: int = 10
) -> Path:
    files = {
        "people.csv": PEOPLE,
        "tasks.csv": TASKS,
        "usage.csv": usage_rows(FEBRUARY_2026, "sophie", "cr", uses),
        "costs.csv": costs(monthly, one_off),
        **({"timings.csv": TIMINGS} if timed else {}),
    }
    return write_company(tmp / "data", files)


def metrics_of(data_dir: Path) -> dict[str, Any]:
    return compute_report(data_dir)["metrics"]


def test_constant_weeks_give_a_factor_of_one():
    interval = {"weeks": 4, "first_week": "2026-W06", "mean": 7.5, "low": 7.5, "high": 7.5}
    assert scale(interval) == (1.0, 1.0)
    assert bootstrap_interval([7.5] * 4) == (7.5, 7.5)


def test_cost_per_hour_range_by_hand(tmp_path):
    cost = metrics_of(company(tmp_path))["cost_per_hour"]
    assert cost["month"] == "2026-02"
    assert (cost["hours"], cost["hours_low"], cost["hours_high"]) == (near(30), near(20), near(40))
    # 150 € / 30 h = 5 €/h likely; 150 / 40 = 3.75 €/h at best; 150 / 20 = 7.50 €/h at worst.
    assert (cost["value"], cost["low"], cost["high"]) == (near(5.0), near(3.75), near(7.5))
    assert cost["band"] == "excellent"
    assert cost["range_sources"] == ["weeks", "timings"]


def test_net_gain_and_payback_ranges_by_hand(tmp_path):
    assert COMPANY["hourly_value"] == 35
    payback = metrics_of(company(tmp_path))["payback"]
    assert payback["months_used"] == ["2026-02"]
    # Net gain = hours × 35 € − 150 €: 30 h → 900 €, 20 h → 550 €, 40 h → 1 250 €.
    gains = payback["net_gain_per_month"], payback["net_gain_low"], payback["net_gain_high"]
    assert gains == (near(900), near(550), near(1250))
    # 600 € / 900 = 0.6667 months; 600 / 1 250 = 0.48 at best; 600 / 550 = 1.0909 at worst.
    months = payback["months"], payback["low"], payback["high"]
    assert months == (near(0.6667), near(0.48), near(1.0909))


def test_without_an_interval_of_the_weeks_nor_a_timed_task_there_is_no_range():
    usage = pd.DataFrame({"week": ["2026-W06"], "person": ["s"], "task": ["cr"], "uses": [10]})
    tasks = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [15.0]})
    untimed = [{"task": "cr", "interval_before": None, "interval_after": None}]
    assert hours_range(usage, tasks, untimed, None) is None
    assert scale({"mean": 0.0, "low": -1.0, "high": 1.0}) is None  # no scale around 0 h
    metric = {"value": 5.0, "cost": 150.0, "month": "2026-02"}
    assert cost_per_hour_range(metric, None) == {
        "low": None,
        "high": None,
        "hours_low": None,
        "hours_high": None,
        "range_sources": [],
    }


def test_weeks_alone_scale_the_hours_by_the_bootstrap_factors(tmp_path):
    uses = [10, 14, 8, 12]  # 7.5, 10.5, 6, 9 h a week: the interval is not a point any more
    rows = [
        {"week": week, "person": "sophie", "task": "cr", "uses": n}
        for week, n in zip(FEBRUARY_2026, uses, strict=True)
    ]
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": rows, "costs.csv": costs(150)}
    metrics = metrics_of(write_company(tmp_path / "data", files))
    weekly = [n * 45 / 60 for n in uses]
    low, high = bootstrap_interval(weekly)
    mean = sum(weekly) / 4  # 33 h / 4 = 8.25 h
    cost = metrics["cost_per_hour"]
    assert cost["hours"] == near(33.0)
    assert cost["hours_low"] == near(33.0 * low / mean)
    assert cost["hours_high"] == near(33.0 * high / mean)
    assert cost["low"] < cost["value"] < cost["high"]
    assert cost["range_sources"] == ["weeks"]


def test_the_two_sources_multiply_as_intervals():
    usage = pd.DataFrame({"week": list(FEBRUARY_2026), "person": ["s"] * 4, "task": ["cr"] * 4,
                          "uses": [10] * 4})  # fmt: skip
    tasks = pd.DataFrame({"task": ["cr"], "minutes_before": [60.0], "minutes_after": [15.0]})
    measured = [{"task": "cr", "interval_before": [50.0, 70.0], "interval_after": [10.0, 20.0]}]
    interval = {"mean": 10.0, "low": 8.0, "high": 11.0}  # factors 0.8 and 1.1
    hours = hours_range(usage, tasks, measured, interval)
    assert hours is not None
    # 20 h × 0.8 = 16 h at worst, 40 h × 1.1 = 44 h at best.
    assert hours.month("2026-02") == (near(16.0), near(44.0))
    assert hours.sources == ("weeks", "timings")


def test_a_loss_on_the_pessimistic_side_grows_with_the_bootstrap_factor():
    hours = hours_range(
        pd.DataFrame({"week": ["2026-W06"], "person": ["s"], "task": ["cr"], "uses": [6]}),
        pd.DataFrame({"task": ["cr"], "minutes_before": [20.0], "minutes_after": [15.0]}),
        [{"task": "cr", "interval_before": [12.0, 25.0], "interval_after": [10.0, 18.0]}],
        {"mean": 1.0, "low": 0.5, "high": 1.5},
    )
    assert hours is not None
    # Per use: likely 5 min, worst 12 − 18 = −6 min, best 25 − 10 = 15 min; 6 uses → −0.6 h
    # and 1.5 h; the worst products: −0.6 × 1.5 = −0.9 h, the best 1.5 × 1.5 = 2.25 h.
    assert hours.month("2026-02") == (near(-0.9), near(2.25))


def test_low_hours_at_or_below_zero_leave_the_cost_per_hour_open():
    hours = HoursRange(pd.Series({"2026-02": -1.0}), pd.Series({"2026-02": 40.0}), ("timings",))
    metric = {"value": 5.0, "cost": 150.0, "month": "2026-02"}
    assert cost_per_hour_range(metric, hours)["low"] == near(3.75)
    assert cost_per_hour_range(metric, hours)["high"] is None


def test_a_gain_that_may_vanish_leaves_the_payback_open(tmp_path):
    # 700 € a month: 30 h × 35 € − 700 € = 350 € likely, 20 h → 0 € at worst: never repaid.
    payback = metrics_of(company(tmp_path, monthly=700.0))["payback"]
    assert payback["net_gain_low"] == near(0.0)
    assert payback["high"] is None
    assert payback["low"] == near(600 / (40 * 35 - 700))  # 600 / 700 = 0.857
    assert range_text("payback", payback["months"], payback["low"], None) == (
        "au moins 0,86 mois (probable : 1,71), ou pas remboursé"
    )


SAID = "Selon l'incertitude, le coût pourrait"


@pytest.mark.parametrize(
    ("monthly", "expected"),
    [
        # Likely, low and high: the month's cost / 30 h, / 40 h, / 20 h.
        (150.0, []),  # 5 €/h, 3.75 – 7.50: all under 10, no edge
        (250.0, [f"{SAID} dépasser 10 €/h."]),  # 8.33, 6.25 – 12.50
        (200.0, [f"{SAID} atteindre 10 €/h."]),  # 6.67, 5 – 10 exactly
        (330.0, [f"{SAID} descendre sous 10 €/h."]),  # 11, 8.25 – 16.50
        (450.0, [f"{SAID} dépasser 20 €/h."]),  # 15, 11.25 – 22.50
    ],
)
def test_the_edge_sentence_appears_when_and_only_when_the_range_crosses_an_edge(
    tmp_path, monthly, expected
):
    data = company(tmp_path, monthly=monthly)
    metric = metrics_of(data)["cost_per_hour"]
    said = crossings("cost_per_hour", metric, load_dataset(data).company)
    assert said == expected
    page = cost_page(data)
    for line in expected:
        assert line in page
    if not expected:
        assert SAID not in page


def test_a_range_down_to_no_hour_at_all_is_open_and_says_so(tmp_path):
    # With AI 10, 12, 15, 50, 60 min: median 15, interval 10–60. At worst a use saves
    # 50 − 60 = −10 min: 10 uses × 4 weeks → −6.67 h in February; at best 70 − 10 = 60 min → 40 h.
    timings = [*TIMINGS[:5], *(timing(m, "yes") for m in (15, 60, 10, 50, 12))]
    files = {
        "people.csv": PEOPLE,
        "tasks.csv": TASKS,
        "usage.csv": usage_rows(FEBRUARY_2026, "sophie", "cr", 10),
        "costs.csv": costs(150.0),
        "timings.csv": timings,
    }
    data = write_company(tmp_path / "data", files)
    metrics = metrics_of(data)
    cost, payback = metrics["cost_per_hour"], metrics["payback"]
    assert (cost["hours_low"], cost["low"], cost["high"]) == (near(-20 / 3), near(3.75), None)
    # −6.67 h × 35 € − 150 € = −383.33 €: the investment might never be repaid.
    assert (payback["net_gain_low"], payback["high"]) == (near(-383.3333), None)
    page = cost_page(data)
    assert "au moins 3,75\u00a0€ par heure (probable : 5,00\u00a0€), sans limite haute" in page
    assert "il se peut qu'aucune heure n'ait été gagnée ce mois-ci" in page
    said = crossings("payback", payback, load_dataset(data).company)
    assert said == [
        "Selon l'incertitude, le gain mensuel pourrait être nul ou négatif : l'investissement ne "
        "serait alors pas remboursé."
    ]


def test_the_payback_says_when_its_range_crosses_two_months(tmp_path):
    # 1 500 € invested: 1 500 / 900 = 1.67 months likely (« Excellent », under 2), but
    # 1 500 / 550 = 2.73 at worst.
    data = company(tmp_path, one_off=1500.0)
    payback = metrics_of(data)["payback"]
    assert (payback["months"], payback["high"]) == (near(1.6667), near(2.7273))
    assert payback["band"] == "excellent"
    said = crossings("payback", payback, load_dataset(data).company)
    assert said == ["Selon l'incertitude, le délai pourrait dépasser 2 mois."]


def test_edges_crossed_follows_the_bands_inclusive_edges():
    def band(x: float) -> str:
        return "a" if x < 10 else "b" if x <= 20 else "c"

    # 20 belongs to the middle band: a range from 12 to 20 stays in it.
    assert edges_crossed(15.0, 12.0, 20.0, band, (10, 20)) == {"above": None, "below": None}
    assert edges_crossed(25.0, 20.0, 30.0, band, (10, 20)) == {"above": None, "below": 20}
    assert edges_crossed(None, None, None, band, (10, 20)) == {"above": None, "below": None}


def test_two_builds_give_the_same_ranges():
    first = compute_report(ROOT / "data")["metrics"]
    second = compute_report(ROOT / "data")["metrics"]
    for key in ("cost_per_hour", "payback"):
        assert json.dumps(first[key], sort_keys=True) == json.dumps(second[key], sort_keys=True)
    assert first["cost_per_hour"]["low"] < first["cost_per_hour"]["value"]


def cost_page(data_dir: Path, **cost: Any) -> str:
    """The Markdown of the cost-per-hour page alone, rendered from ``data_dir`` (with
    ``cost`` replacing fields of the metric)."""
    data = load_dataset(data_dir)
    result = worded(report(data), data)
    metrics = result["metrics"]
    metrics["cost_per_hour"] = {**metrics["cost_per_hour"], **cost}
    page = metric_page("cost_per_hour")
    values = context(data, result, "", {})
    return environment().get_template(page.template).render(values, **page_values(page))


def test_a_page_without_a_range_says_why(tmp_path):
    # A complete month needs 4 weeks of rows, and so does the bootstrap: a cost per hour
    # without a range needs weeks whose mean is 0 h, i.e. no hour to divide by. The page's
    # sentence is checked on the metric without its range.
    page = cost_page(
        company(tmp_path), low=None, high=None, hours_low=None, hours_high=None, range_sources=[]
    )
    assert "Pas encore de fourchette pour ce chiffre" in page
    assert "Fourchette" not in page


@pytest.fixture(scope="module")
def demo_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    generate(ROOT / "data", out, ROOT / "docs")
    return out


def test_the_demo_shows_its_ranges_on_cards_tiles_and_metric_pages(demo_docs):
    metrics = json.loads((demo_docs / "metrics.json").read_text("utf-8"))["metrics"]
    cost, payback = metrics["cost_per_hour"], metrics["payback"]
    cost_range = range_text("cost_per_hour", cost["value"], cost["low"], cost["high"])
    months = range_text("payback", payback["months"], payback["low"], payback["high"])
    gain = range_text(
        "net_gain",
        payback["net_gain_per_month"],
        payback["net_gain_low"],
        payback["net_gain_high"],
    )
    assert cost_range.startswith("entre ") and "(probable : 5,96\u00a0€)" in cost_range
    home = (demo_docs / "index.md").read_text("utf-8")
    finance = (demo_docs / "tableaux" / "financier.md").read_text("utf-8")
    cost_page_ = (demo_docs / "metriques" / "cout-par-heure.md").read_text("utf-8")
    payback_page = (demo_docs / "metriques" / "delai-de-rentabilite.md").read_text("utf-8")
    for page in (home, finance, cost_page_):
        assert cost_range in page
    for page in (home, finance, payback_page):
        assert months in page
    for page in (finance, payback_page):
        assert gain in page
    # The demo's payback is « Excellent » (under 2 months) on its likely value, but its range
    # reaches 3,21 months: the card and the tile say so beside the band, the page too.
    edge = "Selon l'incertitude, le délai pourrait dépasser 2 mois."
    for page in (home, finance):
        assert f'<p class="roi-card-range">{months}. {edge}</p>' in page
        assert f'<p class="roi-card-range">{cost_range}</p>' in page  # stays under 10 €/h
    assert edge in payback_page
    assert "methode.md#fourchettes-euros" in cost_page_
    assert "{ #fourchettes-euros }" in (demo_docs / "methode.md").read_text("utf-8")


WEEKS = [f"2026-W{n:02d}" for n in range(6, 14)]
any_usage = st.lists(
    st.tuples(st.sampled_from(WEEKS), st.sampled_from(["a", "b"]), st.sampled_from(["cr", "ml"]),
              st.integers(0, 30)),
    min_size=1, max_size=30, unique_by=lambda row: row[:3],
)  # fmt: skip
minutes = st.integers(1, 120).map(float)


@st.composite
def side(draw: st.DrawFn) -> tuple[float, list[float] | None]:
    """Minutes used and, maybe, an interval around them."""
    used = draw(minutes)
    if not draw(st.booleans()):
        return used, None
    return used, [used - draw(st.integers(0, 30)), used + draw(st.integers(0, 30))]


@given(any_usage, st.lists(st.tuples(side(), side()), min_size=2, max_size=2),
       st.floats(-5, 20), st.floats(0, 5), st.floats(0, 5))  # fmt: skip
def test_the_likely_hours_always_lie_inside_their_range(rows, sides, mean, below, above):
    usage = pd.DataFrame(rows, columns=["week", "person", "task", "uses"])
    (b1, a1), (b2, a2) = sides
    tasks = pd.DataFrame({"task": ["cr", "ml"], "minutes_before": [b1[0], b2[0]],
                          "minutes_after": [a1[0], a2[0]]})  # fmt: skip
    measured = [
        {"task": "cr", "interval_before": b1[1], "interval_after": a1[1]},
        {"task": "ml", "interval_before": b2[1], "interval_after": a2[1]},
    ]
    interval = {"mean": mean, "low": mean - below, "high": mean + above}
    hours = hours_range(usage, tasks, measured, interval)
    if hours is None:  # a mean of 0 h gives no scale, and no side was timed
        assert mean == 0 and all(s[1] is None for pair in sides for s in pair)
        return
    likely = month_hours(usage, tasks)
    for month, value in likely.items():
        low, high = hours.month(str(month))
        assert low <= value + 1e-9 and value <= high + 1e-9
    for month in likely.index:
        metric = {"value": 1.0, "cost": 100.0, "month": str(month)}
        cost = cost_per_hour_range(metric, hours)
        if cost["high"] is not None:
            assert cost["low"] <= cost["high"]


def test_an_end_shown_on_an_edge_reaches_it_and_does_not_pass_it(tmp_path):
    """A high end of 10,004 €/h reads « 10,00 € » on the page: the sentence beside it says
    the cost could reach 10 €/h, not exceed it (the page would contradict itself)."""
    company_ = load_dataset(company(tmp_path, monthly=150.0)).company
    shown_on_edge = {"value": 6.0, "low": 5.0, "high": 10.004}
    assert crossings("cost_per_hour", shown_on_edge, company_) == [f"{SAID} atteindre 10 €/h."]
    past_edge = {**shown_on_edge, "high": 10.006}  # reads « 10,01 € »
    assert crossings("cost_per_hour", past_edge, company_) == [f"{SAID} dépasser 10 €/h."]
