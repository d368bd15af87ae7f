"""« Saisie de la semaine »: the AI group's week in one grid, one row per person and one
column per task, for the person who collects the week. It writes the same ``usage.csv``
answer as the weekly form, checked by the same rules (``forms.form_rules``) in
``assets/roi-grid.js``, which also uses the forms' checks, CSV and sending code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.core.i18n import catalogue
from generator.input.dataset import Dataset
from generator.pages.forms import (
    FORMS,
    form_rules,
    github_target,
    people_choices,
    rules_attribute,
    trained_ai,
)
from generator.pages.formtools import tool_choices

WEEKLY = next(spec for spec in FORMS if spec.key == "weekly")
SLUG = "semaine-equipe"


@dataclass(frozen=True)
class GridTask:
    """A column of the grid: the task, its name, and the minutes one use saves."""

    key: str
    label: Markup
    saved_minutes: float


@dataclass(frozen=True)
class GridView:
    """What the grid's template places. A public site names nobody: its rows have an
    identifier to type (as many as the AI group has trained people)."""

    id: str
    people: tuple[tuple[str, Markup], ...]
    blank_rows: int
    tasks: tuple[GridTask, ...]
    rules: Markup
    repository: str
    tools: tuple[tuple[str, Markup], ...] = ()  # a tool per row, from two declared tools on


def grid_tasks(data: Dataset) -> tuple[GridTask, ...]:
    """The tasks of tasks.csv, in its order, with the minutes saved per use it declares."""
    tasks = data.frames["tasks"]
    return tuple(
        GridTask(str(task), escape(label or task), float(before) - float(after))
        for task, label, before, after in zip(
            tasks["task"], tasks["label"], tasks["minutes_before"], tasks["minutes_after"],
            strict=True,
        )
    )  # fmt: skip


def grid_rules(data: Dataset, tasks: tuple[GridTask, ...]) -> dict[str, Any]:
    """The weekly form's rules, the minutes each task saves, and the grid's words."""
    return {
        **form_rules(WEEKLY, data),
        "saved_minutes": {task.key: task.saved_minutes for task in tasks},
        "grid": catalogue()["forms"]["grid"]["script"],
    }


def trained_count(data: Dataset) -> int:
    """How many people of the AI group are trained: the rows a public grid offers."""
    return int(trained_ai(data.frames["people"]).sum())


def grid_view(data: Dataset, names: dict[str, str]) -> GridView:
    """The grid for this company's AI group and tasks."""
    tasks = grid_tasks(data)
    repository, _ = github_target(data)
    return GridView(
        id="roi-grid-usage",
        people=() if data.public else people_choices(data, names),
        blank_rows=max(trained_count(data), 1) if data.public else 0,
        tasks=tasks,
        rules=rules_attribute(grid_rules(data, tasks)),
        repository=repository,
        tools=tool_choices(data),
    )
