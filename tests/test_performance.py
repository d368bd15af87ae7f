"""Performance work: long weekly series are cut on the pages, and the fast CSV reader gives
exactly what the csv module gives (same cells, same line numbers, same problems)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import generator.input.csvread as csvread
from generator.core.format import week_days
from generator.figures.common import ChartLabels
from generator.figures.operations import (
    adoption_figure,
    hours_by_task_figure,
    time_saved_figure,
)

LABELS = ChartLabels(
    names={},
    tasks={"a": "Tâche A", "b": "Tâche B"},
    deployed_month="2025-01",
    edges={"adoption": (30.0, 60.0)},
    alternatives={},
)


def week_labels(count: int) -> list[str]:
    """``count`` consecutive ISO weeks from 2025-W02 (Monday 2025-01-06)."""
    mondays = [date(2025, 1, 6) + timedelta(weeks=i) for i in range(count)]
    return [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in mondays]


def metrics(count: int) -> dict[str, Any]:
    weeks = week_labels(count)
    return {
        "adoption": {
            "weeks": [{"week": w, "trained": 4, "active": 2, "rate": 50.0} for w in weeks]
        },
        "time_saved": {
            "weeks": [
                {"week": w, "hours": 8.0, "people": 4, "hours_per_person": 2.0} for w in weeks
            ],
            "hours_per_person_month": 8.7,
            "by_task": [{"week": w, "task": t, "hours": 4.0} for w in weeks for t in ("a", "b")],
        },
    }


def chart_points(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every data point of a chart: inline, in its layers or in its named datasets."""
    inline = spec.get("data", {}).get("values", [])
    named = [v for dataset in spec.get("datasets", {}).values() for v in dataset]
    layered = [v for layer in spec.get("layer", []) for v in chart_points(layer)]
    return [*inline, *named, *layered]


def chart_weeks(spec: dict[str, Any]) -> set[str]:
    """Every week a chart's data carries."""
    return {v["week"] for v in chart_points(spec) if "week" in v}


def test_sixty_weeks_show_the_last_fifty_two() -> None:
    # 60 weeks from 2025-W02: the last 52 are weeks 9..60 of the series, i.e. from 2025-W10
    # (Monday 2025-01-06 + 8 weeks = 2025-03-03, ISO week 10) to 2026-W09 (2 + 59 = week 61
    # of a 52-week 2025).
    data = metrics(60)
    kept = week_labels(60)[8:]
    assert kept[0] == "2025-W10" and kept[-1] == "2026-W09" and len(kept) == 52
    for build in (adoption_figure, time_saved_figure):
        fig = build(data, LABELS)
        assert fig is not None
        assert chart_weeks(fig.spec) == set(kept)
        assert [row[0] for row in fig.rows] == [week_days(w) for w in kept[::-1]]  # newest first
        assert fig.summary.endswith(
            "Seules les 52 dernières semaines sont montrées ; "
            "la série complète est dans le classeur Excel à télécharger."
        )
    tasks = hours_by_task_figure(data, LABELS)
    assert tasks is not None
    assert chart_weeks(tasks.spec) == set(kept)
    # the table: the last 13 weeks × 2 tasks = 26 rows, from 2026-W09 back to 2025-W49
    # (2026-W01..W09 are 9 weeks, 2025-W49..W52 the other 4)
    assert len(tasks.rows) == 26
    assert tasks.rows[0][0] == "du 23 février au 1er mars 2026" == week_days("2026-W09")
    assert tasks.rows[-1][0] == "du 1er au 7 décembre 2025" == week_days("2025-W49")
    # the summary still counts every week: 60 weeks × 2 tasks × 4 h = 480 h
    assert "480" in tasks.summary
    assert "le tableau les 13 dernières" in tasks.summary


def test_fifty_two_weeks_are_shown_whole() -> None:
    data = metrics(52)
    for build in (adoption_figure, time_saved_figure):
        fig = build(data, LABELS)
        assert fig is not None
        assert len(fig.rows) == 52 and "classeur Excel" not in fig.summary
    tasks = hours_by_task_figure(data, LABELS)
    assert tasks is not None
    assert len(tasks.rows) == 104  # 52 weeks × 2 tasks, the table whole
    assert "classeur Excel" not in tasks.summary
    points = chart_points(tasks.spec)
    assert len(points) == 104 and all("task" in v for v in points)  # points untouched


CONTENTS = [
    "week,person,task,uses\n2026-W02,sophie,veille,3\n2026-W03,sophie,veille,4\n",
    "Week;Person;Task;Uses\r\n\r\n 2026-W02 ; sophie ;veille; 3 \r\n;;;\r\n2026-W03;lea;veille;1",
    "\ufeffweek,person,task,uses\n\n\n2026-W02,sophie,veille,3\n   \n",
    "week,person,task,uses\n2026-W02,sophie,veille,3,\n",  # a trailing blank cell
    "week,person,task,uses\n2026-W02,sophie,veille\n",  # a missing cell
    "week,person,task,uses,\n2026-W02,sophie,veille,3,\n",  # Excel's trailing ;
    'week,person,task,uses\n2026-W02,"sophie",veille,3\n',  # quotes: the csv module
    "week,person,week,uses\n2026-W02,sophie,veille,3\n",  # a repeated column
    "week,person,task,uses\n2026-W02,sophie\u00a0,veille,0012\n",  # a no-break space
    "week,person,task,uses\n",
]


@pytest.mark.parametrize("content", CONTENTS)
def test_fast_reader_matches_the_csv_module(
    content: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "usage.csv"
    path.write_bytes(content.encode("utf-8"))
    fast, fast_problems = csvread.read_table(path, "usage.csv")
    monkeypatch.setattr(csvread, "plain_frame", lambda content, delimiter: None)
    slow, slow_problems = csvread.read_table(path, "usage.csv")
    assert fast_problems == slow_problems
    assert (fast is None) == (slow is None)
    if fast is not None and slow is not None:
        assert list(fast.frame.columns) == list(slow.frame.columns)
        assert fast.frame.values.tolist() == slow.frame.values.tolist()
        assert list(fast.frame.dtypes) == list(slow.frame.dtypes)
        assert fast.french == slow.french


def test_fast_reader_line_numbers() -> None:
    # header on line 1, blank line 2, data on line 3, a blank-cells line 4, data on line 5
    text = "Week;Uses\r\n\r\n 2026-W02 ; 3 \r\n;\r\n2026-W03;4\r\n"
    frame = csvread.plain_frame(text, ";")
    assert frame is not None
    assert frame.to_dict("list") == {
        "week": ["2026-W02", "2026-W03"],
        "uses": ["3", "4"],
        "_line": [3, 5],
    }
    assert csvread.plain_frame('week;uses\n"2026-W02";3\n', ";") is None  # quotes
    assert csvread.plain_frame("week;uses\n2026-W02;3;4\n", ";") is None  # ragged


def test_every_demo_chart_is_valid_vega_lite() -> None:
    """Figures skip Altair's schema check at build time (it took a fifth of a rebuild);
    every chart of the demo is checked against the Vega-Lite schema here instead."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    from generator.figures import build_figures
    from generator.input.load import load_dataset
    from generator.metrics import report
    from generator.pages.render import labels

    data = load_dataset(Path(__file__).resolve().parent.parent / "data")
    figures = build_figures(report(data), labels(data))
    assert len(figures) == 22  # 21 and « Comparer les outils »
    schema = load_schema()
    for fig in figures.values():
        validate_jsonschema(fig.spec, schema)
