"""Checks on parsed frames: bounds and required cells (pandera), unique keys, references
and the few rules that span two columns. Each returns problems; none stops at the first.
Pandera is loaded only for a file that may fail its schema (see ``surely_valid``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.core.periods import week_sunday
from generator.input.csvread import LINE
from generator.input.parse import DTYPES, expected, shown
from generator.input.schema import Column, FileSchema
from generator.input.suggest import close_matches, one_of

if TYPE_CHECKING:
    import pandera.pandas as pa

BOUNDED_DTYPES = ("Int64", "Float64")
SAME_DTYPES: dict[str, tuple[str, ...]] = {
    "datetime64[ns]": ("datetime64[s]", "datetime64[ms]", "datetime64[us]", "datetime64[ns]")
}
"""The dtypes pandera accepts for a declared one besides itself (a naive date in any unit)."""


def bound_checks(column: Column) -> list[pa.Check]:
    import pandera.pandas as pa

    checks = []
    if column.min is not None:
        checks.append(pa.Check.ge(column.min, error="below_min"))
    if column.max is not None:
        checks.append(pa.Check.le(column.max, error="above_max"))
    return checks


def frame_schema(schema: FileSchema) -> pa.DataFrameSchema:
    """The pandera schema of a parsed file, derived from its declaration."""
    import pandera.pandas as pa

    columns = {
        c.name: pa.Column(DTYPES.get(c.kind), bound_checks(c), nullable=not c.required)
        for c in schema.columns
    }
    return pa.DataFrameSchema(columns, strict=False)


def number_text(value: float) -> str:
    """``0.0`` → ``0``: bounds read as the user wrote them."""
    return f"{value:g}"


def failure_message(check: str, column: Column, raw: str) -> str:
    if check == "not_nullable":
        return text("loader.required")
    limit = column.min if check == "below_min" else column.max
    bound = number_text(limit or 0)
    return text(
        f"loader.{check}", expected=expected(column), min=bound, max=bound, value=shown(raw)
    )


def value_problems(
    name: str, schema: FileSchema, typed: pd.DataFrame, raw: pd.DataFrame, skip: set[tuple]
) -> list[Problem]:
    """Required cells left blank and values out of bounds, as pandera finds them."""
    if surely_valid(schema, typed):
        return []
    import pandera.pandas as pa

    try:
        frame_schema(schema).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = []
        for case in errors.failure_cases.itertuples():
            index, column_name = int(case.index), str(case.column)
            if (index, column_name) in skip:
                continue  # already reported as an unreadable value
            column = schema.column(column_name)
            message = failure_message(str(case.check), column, str(raw.at[index, column_name]))
            problems.append(Problem(name, int(raw.at[index, LINE]), column_name, message))
        return problems
    return []


def surely_valid(schema: FileSchema, typed: pd.DataFrame) -> bool:
    """True when no cell can fail ``frame_schema``: every column there with its dtype, no
    required cell blank, every bounded value finite and within its bounds. A frame that might
    fail goes to pandera, which finds and words the failures: this only spares loading it."""
    return all(column_surely_valid(c, typed) for c in schema.columns)


def column_surely_valid(column: Column, typed: pd.DataFrame) -> bool:
    if column.name not in typed.columns:
        return False
    values, dtype = typed[column.name], DTYPES.get(column.kind)
    if dtype is not None and str(values.dtype) not in SAME_DTYPES.get(dtype, (dtype,)):
        return False
    if column.required and bool(values.isna().any()):
        return False
    if column.min is None and column.max is None:
        return True
    if dtype not in BOUNDED_DTYPES:
        return False
    present = values.dropna()
    if not np.isfinite(present.to_numpy(dtype="float64")).all():
        return False
    below = column.min is not None and bool((present < column.min).any())
    above = column.max is not None and bool((present > column.max).any())
    return not (below or above)


def duplicate_problems(
    name: str, key: tuple[str, ...], frame: pd.DataFrame, optional: tuple[str, ...] = ()
) -> list[Problem]:
    """Rows repeating the key of an earlier row of the same file. A blank cell of an
    ``optional`` key column (``team``) is a value like any other: two blank teams repeat."""
    if not key or frame.empty:
        return []
    required = [column for column in key if column not in optional]
    frame = frame.dropna(subset=required)  # a blank or invalid key cell is already reported
    repeated = frame[frame.duplicated(list(key), keep=False)]
    first_lines: dict[tuple, int] = {}
    problems = []
    for *values_list, line in repeated[[*key, LINE]].itertuples(index=False, name=None):
        values = tuple(None if pd.isna(v) else v for v in values_list)
        if values not in first_lines:
            first_lines[values] = line
            continue
        shown = ", ".join(
            f"{column}={describe(v)}"
            for column, v in zip(key, values, strict=True)
            if v is not None
        )
        message = text("loader.duplicate_key", key=shown, first=first_lines[values])
        problems.append(Problem(name, line, last_given(key, values), message))
    return problems


def last_given(key: tuple[str, ...], values: tuple) -> str:
    """The key column a repeated row is reported on: the last one given (``task`` when an
    optional ``tool`` is blank).

    >>> last_given(("week", "task", "tool"), ("2026-W03", "cr", None))
    'task'
    """
    given = [c for c, v in zip(key, values, strict=True) if v is not None and not pd.isna(v)]
    return given[-1] if given else key[-1]


def describe(value: object) -> str:
    """A key value as the user wrote it (dates without a time)."""
    return value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else str(value)


def reference_problems(
    name: str,
    frame: pd.DataFrame,
    column: str,
    known: Iterable[str],
    target: str,
    absent: bool = False,
) -> list[Problem]:
    """Identifiers that ``target`` (people.csv, tasks.csv, tools.csv) does not declare;
    ``absent``: the optional ``target`` does not exist (a tool named without tools.csv)."""
    known = set(known)
    unknown = frame[frame[column].notna() & ~frame[column].isin(known)]
    messages = {
        value: text("loader.unknown_ref_absent", value=shown(value), file=target)
        if absent
        else unknown_ref(value, known, target)
        for value in set(unknown[column])
    }
    return [
        Problem(name, int(line), column, messages[value])
        for value, line in zip(unknown[column], unknown[LINE], strict=True)
    ]


def unknown_ref(value: str, known: set[str], target: str) -> str:
    """« amelei » is not declared in ``target``, with the closest declared ids if any."""
    if suggestions := close_matches(value, known):
        return text(
            "loader.unknown_ref_suggestion",
            value=shown(value),
            file=target,
            suggestions=one_of(suggestions),
        )
    return text("loader.unknown_ref", value=shown(value), file=target)


def cost_problems(name: str, costs: pd.DataFrame) -> list[Problem]:
    """An ``end`` before its ``start`` or given to a one-off cost, and amortization asked of
    a monthly cost."""
    problems = []
    ended = costs[costs["end"].notna() & costs["start"].notna()]
    late = ended[ended["end"] < ended["start"]]
    for start, end, line in late[["start", "end", LINE]].itertuples(index=False, name=None):
        message = text("loader.end_before_start", start=start, end=end)
        problems.append(Problem(name, int(line), "end", message))
    ended_one_off = costs[costs["end"].notna() & (costs["kind"] == "one_off")]
    for line in ended_one_off[LINE]:
        problems.append(Problem(name, int(line), "end", text("loader.end_of_one_off")))
    amortized = costs[costs["amortize_months"].notna() & (costs["kind"] == "monthly")]
    for line in amortized[LINE]:
        problems.append(
            Problem(name, int(line), "amortize_months", text("loader.amortize_not_one_off"))
        )
    return problems


def timing_problems(name: str, timings: pd.DataFrame) -> list[Problem]:
    """A tool given to a measurement without AI: a tool says which AI did the task."""
    tooled = timings[timings["tool"].notna() & (timings["with_ai"] == "no")]
    return [
        Problem(name, int(line), "tool", text("loader.tool_without_ai")) for line in tooled[LINE]
    ]


def first_day(value: object, kind: str) -> date:
    """The first day a parsed ``date``, ``week`` (``2026-W03``) or ``month`` value covers."""
    if kind == "week":
        year, week = str(value).split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    if kind == "month":
        return date.fromisoformat(f"{value}-01")
    return pd.Timestamp(value).date()


def future_problems(
    name: str, schema: FileSchema, typed: pd.DataFrame, raw: pd.DataFrame, today: date
) -> list[Problem]:
    """Measurements dated after the build date (a week or month that has not begun yet):
    a typing slip, never an observation. Planned dates (``future_ok``) are left alone."""
    problems = []
    for column in schema.columns:
        if column.kind not in ("date", "week", "month") or column.future_ok:
            continue
        values = typed[column.name].dropna()
        future = {v for v in values.unique() if first_day(v, column.kind) > today}
        for index in values[values.isin(future)].index:
            cell = shown(str(raw.at[index, column.name]))
            message = text("loader.future", value=cell, today=today.isoformat())
            problems.append(Problem(name, int(raw.at[index, LINE]), column.name, message))
    return problems


def control_usage_problems(name: str, usage: pd.DataFrame, people: pd.DataFrame) -> list[Problem]:
    """Usage rows of a person of the control group: the control group works without the AI,
    so a use of it would count in the AI's gains and empty the comparison. Refused."""
    control = set(people.loc[people["group"] == "control", "person"])
    rows = usage[usage["person"].isin(control)]
    return [
        Problem(name, int(line), "person", text("meaning.control_usage", person=shown(person)))
        for person, line in rows[["person", LINE]].itertuples(index=False, name=None)
    ]


def before_training(usage: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Which usage rows lie in a week that ends before the person's ``trained_on`` (a
    person trained during a week counts from that week on, as in the adoption rate). A blank
    ``trained_on`` is an unknown date: its rows are kept."""
    if usage.empty:
        return pd.Series(False, index=usage.index, dtype=bool)
    dates = people.dropna(subset=["trained_on"]).set_index("person")["trained_on"]
    if dates.empty:  # nobody's training date is known
        return pd.Series(False, index=usage.index, dtype=bool)
    trained = pd.to_datetime(usage["person"].map(dates.to_dict()))
    sundays = pd.to_datetime(usage["week"].map(lambda week: week_sunday(str(week))))
    return trained > sundays  # NaT (no training date) compares False
