"""The survey forms: four pages whose fields are columns of an inbox file.

Each form carries, in a ``data-roi-form`` attribute, the rules ``assets/roi-forms.js`` checks
answers with. They are derived here from the schema (kind, required, bounds, choices) and the
parsers (the patterns each kind accepts), so a rule is never written twice. The people and
tasks lists come from the data; French messages come from the catalogue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from generator.core.format import MONTH_NAMES
from generator.core.i18n import catalogue
from generator.input.dataset import Dataset
from generator.input.parse import (
    FR_DATE,
    ID_PATTERN,
    INT_PATTERN,
    ISO_DATE,
    ISO_MONTH,
    ISO_WEEK,
    MAX_INT,
    MAX_TEXT,
    NUMBER_PATTERN,
    expected,
    fold,
)
from generator.input.schema import SCHEMAS, Column, FileSchema
from generator.input.settingvalues import valid_branch, valid_repository
from generator.pages.formtools import (
    TOOL_ID,
    declared_tools,
    tool_choices,
    tool_rules,
    written_header,
)

PATTERNS: dict[str, re.Pattern[str]] = {
    "id": ID_PATTERN,
    "int": INT_PATTERN,
    "number": NUMBER_PATTERN,
    "date": ISO_DATE,
    "fr_date": FR_DATE,
    "week": ISO_WEEK,
    "month": ISO_MONTH,
}
PERIOD_INPUTS = {"week": "week", "month": "month", "date": "date"}
INPUT_MODES = {"int": "numeric", "number": "decimal"}
VALUE_MESSAGES = ("required", "bad_value", "below_min", "above_max", "unknown_ref", "too_long")
WEEKS_SHOWN = 8  # the weekly form offers the week in progress and the 7 before it
DATE_WORDS = ("week", "span", "first_day")  # the catalogue's ``dates`` a week label needs


@dataclass(frozen=True)
class FormSpec:
    """One survey: the inbox file it writes, the column of its period, what each row is
    about (a task, a use) and the columns answered on each row."""

    key: str
    slug: str
    file: str
    period: str
    rows_by: str
    answers: tuple[str, ...]
    optional_rows: bool
    stopwatch: bool = False  # one measurement: the task chosen in a list, a start/stop clock
    blank_zero: tuple[str, ...] = ()  # answers a blank field gives as 0 (« not used »)
    tool_when: tuple[str, str] | None = None  # say a tool only if (column, value)

    @property
    def schema(self) -> FileSchema:
        return SCHEMAS[self.file]

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field name of the form: each one is a column of :attr:`file` (``tool``, when
        the file has one, is asked only of a company that declares several tools)."""
        tool = (TOOL_ID,) if TOOL_ID in self.schema.column_names else ()
        return ("person", self.period, self.rows_by, *self.answers, *tool)


FORMS: tuple[FormSpec, ...] = (
    FormSpec("weekly", "hebdomadaire", "usage.csv", "week", "task", ("uses", "declared_minutes"),
             optional_rows=False, blank_zero=("uses",)),
    FormSpec("mental_load", "charge-mentale", "mental_load.csv", "date", "task",
             ("before", "after"), optional_rows=True),
    FormSpec("freed_time", "temps-libere", "freed_time.csv", "month", "use", ("hours",),
             optional_rows=True),
    FormSpec("stopwatch", "chronometre", "timings.csv", "date", "task", ("minutes", "with_ai"),
             optional_rows=False, stopwatch=True, tool_when=("with_ai", "yes")),
)  # fmt: skip


@dataclass(frozen=True)
class FormField:
    """One input: its name is the schema column it fills."""

    name: str
    id: str
    label: Markup
    column: Column
    required: bool
    input_type: str = "text"
    inputmode: str = ""


@dataclass(frozen=True)
class Row:
    """The answers about one task or one use: one CSV row when filled."""

    key: str
    id: str
    label: Markup
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class FormView:
    """What a form template places: people to pick, the period field, the rows, the rules."""

    spec: FormSpec
    id: str
    people: tuple[tuple[str, Markup], ...]
    period: FormField
    rows: tuple[Row, ...]
    rules: Markup
    repository: str
    branch: str
    public: bool = False  # no list of people: each person types their identifier
    tools: tuple[tuple[str, Markup], ...] = ()  # the tool choice, offered from two tools on


def column_rule(column: Column) -> dict[str, Any]:
    """What the schema says of one column, and how the loader names what it expects."""
    return {
        "kind": column.kind,
        "required": column.required,
        "min": column.min,
        "max": column.max,
        "choices": list(column.choices),
        "refers_to": column.refers_to,
        "expected": expected(column),
    }


def github_target(data: Dataset) -> tuple[str, str]:
    """``forms.repository`` and ``forms.branch`` when usable in a GitHub URL, else blanks."""
    repository, branch = data.company.forms_repository.strip(), data.company.forms_branch.strip()
    if repository and valid_repository(repository) and valid_branch(branch):
        return repository, branch
    return "", ""


def messages() -> dict[str, str]:
    """The loader's messages about a value (placeholders left for the script to fill)
    and the forms' own messages."""
    texts = catalogue()
    return {
        **{key: texts["loader"][key] for key in VALUE_MESSAGES},
        **texts["forms"]["messages"],
    }


def form_rules(spec: FormSpec, data: Dataset) -> dict[str, Any]:
    """Everything ``roi-forms.js`` needs to check an answer and write the CSV."""
    schema = spec.schema
    repository, branch = github_target(data)
    shared = ["person", spec.period]
    if tool_choices(data) and TOOL_ID in schema.column_names and not spec.stopwatch:
        shared.append(TOOL_ID)  # the weekly form: one tool per answer
    return {
        "file": schema.stem,
        "header": written_header(schema, data),
        "shared": shared,
        **tool_rules(schema, spec.tool_when, data),
        "columns": {c.name: column_rule(c) for c in schema.columns},
        "patterns": {kind: pattern.pattern for kind, pattern in PATTERNS.items()},
        "max_int": MAX_INT,
        "max_text": MAX_TEXT,
        "known": known_ids(data),
        "period": spec.period,
        "rows_by": spec.rows_by,
        "optional_rows": spec.optional_rows,
        "repository": repository,
        "branch": branch,
        "messages": messages(),
        "blank_zero": list(spec.blank_zero),
        "weeks_shown": WEEKS_SHOWN,
        "dates": date_words(),
    }


def date_words() -> dict[str, Any]:
    """What the script needs to say a week as ``core.format.week_label`` does: the month
    names and the catalogue's patterns (« semaine {days} », « du {first} au {last} », « 1er »)."""
    dates = catalogue()["dates"]
    return {"months": list(MONTH_NAMES), **{key: dates[key] for key in DATE_WORDS}}


def known_ids(data: Dataset) -> dict[str, list[str]]:
    """The identifiers a form may check an answer against. A public site lists no person:
    there, the identifier is typed and checked when the answer is proposed (``roi validate``)."""
    known = {"tasks.csv": sorted(data.frames["tasks"]["task"])}
    if tools := declared_tools(data):
        known["tools.csv"] = sorted(tool for tool, _ in tools)
    if not data.public:
        known["people.csv"] = sorted(data.frames["people"]["person"])
    return known


def rules_attribute(rules: dict[str, Any]) -> Markup:
    """The rules as JSON escaped for a double-quoted HTML attribute (not a ``<script>``:
    Material's instant navigation would run it as code). Backslashes of the patterns become
    ``&#92;``, so that no Markdown escape seems to survive in the page."""
    text = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(str(escape(text)).replace("\\", "&#92;"))


def trained_ai(people: pd.DataFrame) -> pd.Series:
    """Which people of people.csv are trained and in the AI group (the weekly answers')."""
    return (people["group"] == "ai") & people["trained_on"].notna()


def people_choices(
    data: Dataset, names: dict[str, str], everyone: bool = False
) -> tuple[tuple[str, Markup], ...]:
    """Trained people of the ``ai`` group as (id, shown name), sorted by shown name; with
    ``everyone``, every person of people.csv (a task is timed without AI before the training,
    or by the control group)."""
    people = data.frames["people"]
    chosen = people if everyone else people[trained_ai(people)]
    pairs = sorted(((p, names[p]) for p in chosen["person"]), key=lambda p: fold(p[1]))
    return tuple((person, escape(name)) for person, name in pairs)


def row_subjects(spec: FormSpec, data: Dataset) -> list[tuple[str, str]]:
    """(key, label) of each row: the tasks of tasks.csv, or the choices of the column."""
    column = spec.schema.column(spec.rows_by)
    if column.refers_to == "tasks.csv":
        tasks = data.frames["tasks"]
        return [(t, label or t) for t, label in zip(tasks["task"], tasks["label"], strict=True)]
    labels = catalogue()["uses"]
    return [(choice, labels.get(choice, choice)) for choice in column.choices]


def answer_field(spec: FormSpec, row_id: str, name: str) -> FormField:
    column = spec.schema.column(name)
    return FormField(
        name=name,
        id=f"{row_id}-{name}",
        label=Markup(catalogue()["forms"][spec.key]["columns"][name]),
        column=column,
        required=column.required and not spec.optional_rows and name not in spec.blank_zero,
        inputmode=INPUT_MODES.get(column.kind, ""),
    )


def form_view(spec: FormSpec, data: Dataset, names: dict[str, str]) -> FormView:
    """The form of ``spec`` for this company's people and tasks."""
    form_id = f"roi-form-{spec.schema.stem}"
    period = spec.schema.column(spec.period)
    rows = []
    for key, label in row_subjects(spec, data):
        row_id = f"{form_id}-{key}"
        fields = tuple(answer_field(spec, row_id, name) for name in spec.answers)
        rows.append(Row(key, row_id, escape(label), fields))
    repository, branch = github_target(data)
    return FormView(
        spec=spec,
        id=form_id,
        people=() if data.public else people_choices(data, names, everyone=spec.stopwatch),
        period=FormField(
            name=spec.period,
            id=f"{form_id}-{spec.period}",
            label=Markup(catalogue()["forms"][spec.key]["period"]),
            column=period,
            required=period.required,
            input_type=PERIOD_INPUTS[period.kind],
        ),
        rows=tuple(rows),
        rules=rules_attribute(form_rules(spec, data)),
        repository=repository,
        branch=branch,
        public=data.public,
        tools=tool_choices(data) if TOOL_ID in spec.schema.column_names else (),
    )


def form_views(data: Dataset, names: dict[str, str]) -> dict[str, FormView]:
    """Every form, by key (``weekly``, ``mental_load``, ``freed_time``, ``stopwatch``)."""
    return {spec.key: form_view(spec, data, names) for spec in FORMS}
