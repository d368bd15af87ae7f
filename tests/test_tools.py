"""Per-tool figures (``metrics.json``'s ``tools``): hand-computed cases and the sum-back
property (every hour and every euro of metric 3's month belongs to exactly one entry)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.metrics import finance, operations
from generator.metrics import tools as per_tool

EDGES = (10.0, 20.0)
MONTH = "2026-02"  # W06…W09 lie wholly in February 2026
TASKS = pd.DataFrame(
    {"task": ["cr", "mail"], "minutes_before": [60.0, 10.0], "minutes_after": [15.0, 4.0]}
)  # one use saves 45 min (cr) or 6 min (mail)
DECLARED = pd.DataFrame({"tool": ["chatgpt", "copilot"], "label": ["ChatGPT Team", None]})


def usage(rows: list[tuple[str, str, str, int, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["week", "person", "task", "uses", "tool"])


def costs(rows: list[tuple[float, str, str, int | None, str | None]]) -> pd.DataFrame:
    """(amount, kind, start, amortize_months, tool) rows of ``costs.csv``."""
    return pd.DataFrame(
        [
            {"category": "licence", "amount": amount, "kind": kind, "start": start, "end": None,
             "amortize_months": months, "tool": tool}
            for amount, kind, start, months, tool in rows
        ]
    )  # fmt: skip


USAGE = usage(
    [
        ("2026-W06", "ana", "cr", 4, "chatgpt"),  # 4 × 45 min = 3 h
        ("2026-W07", "ben", "cr", 8, "chatgpt"),  # 6 h
        ("2026-W08", "dan", "cr", 0, "chatgpt"),  # 0 h, not a user
        ("2026-W07", "ana", "mail", 10, "copilot"),  # 10 × 6 min = 1 h
        ("2026-W08", "cleo", "mail", 20, "copilot"),  # 2 h
        ("2026-W06", "ben", "mail", 5, None),  # 0.5 h, no tool said
    ]
)
COSTS = costs(
    [
        (90.0, "monthly", "2026-01", None, "chatgpt"),
        (24.0, "monthly", "2026-02", None, "copilot"),
        (250.0, "one_off", "2026-01", 5, None),  # 50 € a month, shared
    ]
)


def figures(
    usage_rows: pd.DataFrame = USAGE, cost_rows: pd.DataFrame | None = COSTS, minimum: int = 2
) -> list[dict]:
    hours = per_tool.hours_rows(usage_rows, TASKS)
    return per_tool.tools(DECLARED, hours, cost_rows, MONTH, EDGES, minimum)


def test_two_tools_and_a_shared_cost_by_hand():
    # Hours: chatgpt 3 + 6 = 9, copilot 1 + 2 = 3, unsaid 0.5; 12.5 in all.
    # The shared 50 € in proportion to hours: 36, 12 and 2 €.
    chatgpt, copilot, unsaid = figures()
    assert (chatgpt["tool"], chatgpt["label"], copilot["label"]) == (
        "chatgpt",
        "ChatGPT Team",
        "copilot",  # blank label: the id
    )
    assert (unsaid["tool"], unsaid["label"]) == (None, None)
    assert [e["hours"] for e in (chatgpt, copilot, unsaid)] == pytest.approx([9, 3, 0.5])
    assert [e["own_cost"] for e in (chatgpt, copilot, unsaid)] == [90, 24, 0]
    assert [e["shared_cost"] for e in (chatgpt, copilot, unsaid)] == pytest.approx([36, 12, 2])
    assert [e["cost"] for e in (chatgpt, copilot, unsaid)] == pytest.approx([126, 36, 2])
    assert [e["value"] for e in (chatgpt, copilot, unsaid)] == pytest.approx([14, 12, 4])
    assert [e["band"] for e in (chatgpt, copilot, unsaid)] == ["profitable", "profitable",
                                                               "excellent"]  # fmt: skip
    assert chatgpt["tasks"] == [{"task": "cr", "hours": pytest.approx(9)}]
    assert copilot["tasks"] == [{"task": "mail", "hours": pytest.approx(3)}]


def test_users_and_hours_per_user_hidden_below_the_group_size():
    chatgpt, copilot, unsaid = figures(minimum=2)
    assert (chatgpt["users"], chatgpt["few_users"]) == (2, False)  # dan: 0 uses
    assert chatgpt["hours_per_user"] == pytest.approx(4.5)
    assert (copilot["users"], copilot["hours_per_user"]) == (2, pytest.approx(1.5))
    assert unsaid == {
        **unsaid, "users": None, "few_users": True, "users_below": 2, "hours_per_user": None
    }  # fmt: skip
    hidden = figures(minimum=3)
    assert all(e["users"] is None and e["hours_per_user"] is None for e in hidden)
    assert all(e["few_users"] for e in hidden)


def test_figures_sum_back_to_metric_3():
    hours = per_tool.hours_rows(USAGE, TASKS)
    company = finance.cost_per_hour(
        COSTS, operations.monthly_hours(hours), [MONTH], MONTH, {}, EDGES
    )
    entries = figures()
    assert company["hours"] == pytest.approx(12.5) == sum(e["hours"] for e in entries)
    assert company["cost"] == pytest.approx(164) == sum(e["cost"] for e in entries)


def test_a_tool_with_cost_but_no_use_gets_a_share_only_when_nobody_saved_time():
    paid = costs([(29.0, "monthly", "2026-01", None, "copilot"), (10.0, "monthly", "2026-01",
                  None, None)])  # fmt: skip
    chatgpt, copilot = figures(usage([("2026-W06", "ana", "cr", 4, "chatgpt")]), paid)
    assert (copilot["hours"], copilot["cost"], copilot["value"]) == (0, 29, None)
    assert chatgpt["shared_cost"] == 10
    idle = usage([("2026-W06", "ana", "cr", 0, "chatgpt")])
    (copilot,) = figures(idle, paid)  # chatgpt: no hour, no cost of its own → no entry
    assert (copilot["tool"], copilot["cost"], copilot["band"]) == ("copilot", 39, None)


def test_shared_cost_with_no_tool_entry_goes_to_the_unsaid_entry():
    shared = costs([(50.0, "monthly", "2026-01", None, None)])
    idle = usage([("2026-W06", "ana", "cr", 0, None), ("2026-W06", "ben", "cr", 0, "chatgpt")])
    (unsaid,) = figures(idle, shared)
    assert (unsaid["tool"], unsaid["cost"], unsaid["hours"], unsaid["users"]) == (None, 50, 0, 0)


def test_no_tool_anywhere_gives_no_entry_and_the_same_hours():
    plain = USAGE.assign(tool=None)
    assert figures(plain, COSTS.assign(tool=None)) == []
    assert per_tool.tools(None, per_tool.hours_rows(USAGE, TASKS), COSTS, MONTH, EDGES, 2) == []
    bare = USAGE.drop(columns="tool")
    expected = operations.hours_saved_rows(bare, TASKS)
    pd.testing.assert_frame_equal(per_tool.hours_rows(bare, TASKS).drop(columns="tool"), expected)


def test_without_costs_the_hours_are_given_and_no_cost():
    chatgpt, copilot, unsaid = figures(cost_rows=None)
    assert chatgpt["hours"] == pytest.approx(9)
    assert all(e["cost"] is None and e["value"] is None and e["band"] is None
               for e in (chatgpt, copilot, unsaid))  # fmt: skip


def test_a_task_timed_with_a_tool_uses_that_tools_median():
    timings = pd.DataFrame(
        {
            "task": ["cr", "cr", "cr", "cr"],
            "minutes": [20.0, 40.0, 30.0, 50.0],
            "with_ai": ["yes", "yes", "yes", "no"],
            "tool": ["chatgpt", "chatgpt", "chatgpt", "chatgpt"],
        }
    )
    hours = per_tool.hours_rows(USAGE, TASKS, timings)
    # chatgpt on cr: 60 − 30 (median of 20, 40, 30) = 30 min a use; copilot's mail unchanged.
    assert hours["hours"].tolist() == pytest.approx([2, 4, 0, 1, 2, 0.5])
    untimed = timings.assign(tool=None)
    assert per_tool.hours_rows(USAGE, TASKS, untimed)["hours"].tolist() == pytest.approx(
        [3, 6, 0, 1, 2, 0.5]
    )


WEEKS = [f"2026-W{n:02d}" for n in range(4, 12)]  # late January to mid-March
TOOLS = ["chatgpt", "copilot", None]

usage_with_tools = st.lists(
    st.tuples(
        st.sampled_from(WEEKS),
        st.sampled_from(["ana", "ben", "cleo"]),
        st.sampled_from(["cr", "mail"]),
        st.integers(0, 30),
        st.sampled_from(TOOLS),
    ),
    min_size=1,
    max_size=40,
    unique_by=lambda row: (row[0], row[1], row[2], row[4]),
)
cost_with_tools = st.lists(
    st.tuples(
        st.floats(1, 3000),
        st.sampled_from(["monthly", "one_off"]),
        st.sampled_from(["2026-01", "2026-02", "2026-03"]),
        st.sampled_from([None, 2, 6]),
        st.sampled_from(TOOLS),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=100, deadline=None)
@example([("2026-W04", "ana", "cr", 1, None)], [(1.0, "monthly", "2026-01", None, None)], "2026-01")
@example([("2026-W04", "ana", "cr", 0, None)], [(5.0, "monthly", "2026-01", None, "copilot"),
         (1.0, "monthly", "2026-01", None, None)], "2026-01")  # fmt: skip
@given(usage_with_tools, cost_with_tools, st.sampled_from(["2026-01", "2026-02", "2026-03"]))
def test_tool_figures_always_sum_back_to_metric_3(rows, cost_rows, month):
    frame, paid = usage(rows), costs(cost_rows)
    hours = per_tool.hours_rows(frame, TASKS)
    monthly = operations.monthly_hours(hours)
    company = finance.cost_per_hour(paid, monthly, [month], month, {}, EDGES)
    entries = per_tool.tools(DECLARED, hours, paid, month, EDGES, 2)
    if all(row[-1] is None for row in [*rows, *cost_rows]):
        assert entries == []  # no row names a tool: a company without tools, nothing to split
        return
    assert sum(e["hours"] for e in entries) == pytest.approx(company["hours"], abs=1e-9)
    assert sum(e["cost"] for e in entries) == pytest.approx(company["cost"], abs=1e-9)
    assert all(e["shared_cost"] >= 0 and e["own_cost"] >= 0 for e in entries)
    assert len({e["tool"] for e in entries}) == len(entries)
