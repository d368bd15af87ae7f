"""Nothing lost: for random valid data sets, every row is used and every metric's inputs sum
back to the CSV totals, computed here directly from the generated rows (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.website.build import compute_report
from tests.fixture_company import HEADERS, write_company, write_csv

PEOPLE = ["ana", "ben", "cleo", "dan"]
TASKS = ["cr", "mail", "prop"]
WEEKS = [f"2026-W{n:02d}" for n in range(2, 14)]
MONTHS = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
USES = ["commercial", "produit", "formation", "equilibre", "autre"]


@st.composite
def companies(draw: st.DrawFn) -> dict[str, list[dict[str, object]]]:
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True))
    tasks = draw(st.lists(st.sampled_from(TASKS), min_size=1, max_size=3, unique=True))
    # up to 90 minutes a use and 30 uses a week: at most 37.5 h saved, under the 50 h a week
    # the loader accepts (plausibility.WEEK_HOURS)
    minutes = {t: draw(st.tuples(st.integers(5, 90), st.integers(0, 4))) for t in tasks}
    usage = draw(
        st.lists(
            st.tuples(
                st.sampled_from(WEEKS),
                st.sampled_from(people),
                st.sampled_from(tasks),
                st.integers(0, 30),
            ),
            max_size=40,
            unique_by=lambda r: r[:3],
        )
    )
    # every week has a row (so February 2026, weeks W06–W09, is complete and costs are paid
    # up to it); the random rows add to it
    first = [(w, people[0], tasks[0], draw(st.integers(0, 30))) for w in WEEKS]
    usage = first + [r for r in usage if r[1:3] != (people[0], tasks[0])]
    errors = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MONTHS), st.sampled_from(["calcul", "oubli"]), st.integers(0, 9)
            ),
            max_size=12,
            unique_by=lambda r: r[:2],
        )
    )
    revenue = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MONTHS),
                st.sampled_from(["ventes", "entretien"]),
                st.integers(0, 50_000),
            ),
            max_size=12,
            unique_by=lambda r: r[:2],
        )
    )
    freed = draw(
        st.lists(
            st.tuples(
                st.sampled_from(MONTHS[3:]),
                st.sampled_from(people),
                st.sampled_from(USES),
                st.integers(0, 40),
            ),
            max_size=12,
            unique_by=lambda r: r[:3],
        )
    )
    answers = draw(
        st.lists(
            st.tuples(
                st.sampled_from(WEEKS),
                st.sampled_from(people),
                st.sampled_from(tasks),
                st.integers(0, 30),
            ),
            max_size=10,
            unique_by=lambda r: r[:3],
        )
    )
    costs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["licence", "formation", "setup", "other"]),
                st.integers(1, 5_000),
                st.sampled_from(["one_off", "monthly"]),
                st.sampled_from(MONTHS[2:]),
                st.none() | st.integers(0, 3),
            ),
            max_size=6,
        )
    )
    return {
        "costs.csv": [
            {"category": c, "label": f"ligne {i}", "amount": a, "kind": k, "start": s}
            | ({"end": MONTHS[min(MONTHS.index(s) + e, 5)]} if k == "monthly" and e else {})
            for i, (c, a, k, s, e) in enumerate(costs)
        ],
        "inbox": [{"week": w, "person": p, "task": t, "uses": u} for w, p, t, u in answers],
        "people.csv": [
            {"person": p, "name": p.title(), "trained_on": "2026-01-05"} for p in people
        ],
        # minutes_after = minutes_before // (divisor + 2): always less than minutes_before
        "tasks.csv": [
            {"task": t, "label": t, "minutes_before": b, "minutes_after": b // (d + 2)}
            for t, (b, d) in minutes.items()
        ],
        "usage.csv": [{"week": w, "person": p, "task": t, "uses": u} for w, p, t, u in usage],
        "errors.csv": [{"month": m, "error_type": e, "count": c} for m, e, c in errors],
        "revenue.csv": [{"month": m, "stream": s, "revenue": r} for m, s, r in revenue],
        "freed_time.csv": [{"month": m, "person": p, "use": u, "hours": h} for m, p, u, h in freed],
    }


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(companies())
def test_every_row_is_used_and_sums_back(generated):
    files = {**generated}
    answers = files.pop("inbox")
    with tempfile.TemporaryDirectory() as folder:
        # min_group_size 1: no survey average is hidden (privacy is tested elsewhere)
        privacy = {"show_names": True, "min_group_size": 1}
        data = write_company(Path(folder), files, privacy=privacy)
        if answers:  # a web-form answer file: its rows replace the main file's on the same key
            (data / "inbox" / "usage").mkdir(parents=True)
            inbox_file = data / "inbox" / "usage" / "20260401-100000-ana-ab12.csv"
            write_csv(inbox_file, HEADERS["usage.csv"], answers)
        result = compute_report(data)
    key = lambda r: (r["week"], r["person"], r["task"])  # noqa: E731
    replaced = {key(r) for r in files["usage.csv"]} & {key(r) for r in answers}
    for name, rows in files.items():
        read = len(rows) + (len(answers) if name == "usage.csv" else 0)
        used = read - (len(replaced) if name == "usage.csv" else 0)
        assert result["rows"][name] == {"read": read, "used": used}, name
    metrics = result["metrics"]
    # one use saves (minutes_before − minutes_after) / 60 hours; the newest answer of a key wins
    saved = {t["task"]: (t["minutes_before"] - t["minutes_after"]) / 60 for t in files["tasks.csv"]}
    usage = {key(r): r["uses"] for r in [*files["usage.csv"], *answers]}
    expected = sum(saved[task] * uses for (_, _, task), uses in usage.items())
    weeks = metrics["time_saved"]["weeks"]
    assert abs(sum(w["hours"] for w in weeks) - expected) < 1e-6
    errors = metrics["errors_avoided"]["types"] if files["errors.csv"] else []
    counted = sum(m["count"] for t in errors for m in t["months"])
    assert counted == sum(r["count"] for r in files["errors.csv"])
    streams = metrics["revenue"] or []
    total = sum(m["revenue"] for s in streams for m in s["months"])
    assert abs(total - sum(r["revenue"] for r in files["revenue.csv"])) < 1e-6
    uses = metrics["freed_time"] or []
    hours = sum(m["hours"] for u in uses for m in u["months"])
    assert abs(hours - sum(r["hours"] for r in files["freed_time.csv"])) < 1e-6
    # the metric's hours: the last recent_months (3) months that have answers
    recent = sorted({r["month"] for r in files["freed_time.csv"]})[-3:]
    in_recent = sum(r["hours"] for r in files["freed_time.csv"] if r["month"] in recent)
    assert abs(sum(u["hours"] for u in uses) - in_recent) < 1e-6
    # money paid each month from the first cost to as_of.month: running monthly rows (start ≤
    # month ≤ end, no end = still running) and one-offs in the month they are paid
    last = result["as_of"]["month"]
    starts = sorted(r["start"] for r in files["costs.csv"])
    paid_months = [m for m in MONTHS if starts and last and starts[0] <= m <= last]
    paid = sum(
        r["amount"]
        for m in paid_months
        for r in files["costs.csv"]
        if (r["kind"] == "one_off" and r["start"] == m)
        or (r["kind"] == "monthly" and r["start"] <= m <= r.get("end", "9999-12"))
    )
    spending = metrics["payback"]["spending"]
    assert abs(sum(row["amount"] for row in spending) - paid) < 1e-6
    adoption = metrics["adoption"]["people"]
    assert sorted(p["person"] for p in adoption) == sorted(p["person"] for p in files["people.csv"])
