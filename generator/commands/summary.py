"""What a pull request's GitHub job summary shows: every problem (annotations stop at ten) and
what the changed data files add (rows, people, periods)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from generator.core.errors import Problem
from generator.core.format import days_span, month_span, period_label, week_period
from generator.core.i18n import text
from generator.input.csvread import read_table
from generator.input.headers import contract_header
from generator.input.parse import parse_date, parse_month, parse_week
from generator.input.schema import SCHEMAS, FileSchema
from generator.pages.escape import markdown_text

PERIODS = ("week", "month", "date")
CANONICAL_PERIODS: dict[str, Callable[[str], str]] = {
    "week": parse_week,
    "month": parse_month,
    "date": lambda value: parse_date(value).isoformat(),
}


def warnings_markdown(warnings: Sequence[str]) -> list[str]:
    """The warnings as a Markdown list under their title (« lu comme un CSV Windows »)."""
    if not warnings:
        return []
    return ["", text("summary.warnings"), "", *(f"- {markdown_text(w)}" for w in warnings)]


def problems_markdown(problems: Sequence[Problem], warnings: Sequence[str] = ()) -> str:
    """All problems as a Markdown table, then the warnings (data text escaped: it is shown
    on GitHub)."""
    if not problems:
        return "\n".join([text("summary.valid"), *warnings_markdown(warnings)]) + "\n"
    lines = [
        text("summary.problems", count=len(problems)),
        "",
        text("summary.problems_header"),
        "|---|---:|---|---|",
    ]
    for p in problems:
        cells = (p.file, str(p.line or ""), p.column, p.message)
        lines.append("| " + " | ".join(markdown_text(c) for c in cells) + " |")
    return "\n".join(lines + warnings_markdown(warnings)) + "\n"


def contract_file(name: str) -> FileSchema | None:
    """The contract file a changed CSV is or answers to (``inbox/usage/….csv``: usage.csv)."""
    parts = name.split("/")
    return SCHEMAS.get(f"{parts[1]}.csv" if parts[0] == "inbox" and len(parts) > 2 else name)


def file_changes(path: Path, name: str) -> tuple[str, ...]:
    """One changed CSV: rows, distinct people, the periods it covers (French headers read
    as the contract's names)."""
    raw, _ = read_table(path, name)
    if raw is None:
        return (name, "0", "—", "—")
    frame = raw.frame
    if (schema := contract_file(name)) is not None:
        frame = frame.set_axis(contract_header(schema, list(frame.columns)), axis="columns")
    people = frame["person"].str.casefold().nunique() if "person" in frame else 0
    column = next((c for c in PERIODS if c in frame), None)
    span = period_words(list(frame[column]), column) if column else "—"
    return (name, str(len(frame)), str(people) if "person" in frame else "—", span)


def period_words(values: list[str], kind: str) -> str:
    """The periods a file covers, in words (« semaine du 19 au 25 janvier 2026 »,
    « 2 semaines, du 19 janvier au 1er février 2026 »); as written when one does not parse
    (its problem is listed above the table).

    >>> period_words(["2026-W04", "2026-01-26"], "week")
    '2 semaines, du 19 janvier au 1er février 2026'
    """
    written = sorted({v.strip() for v in values if v.strip()})
    try:
        periods = sorted({CANONICAL_PERIODS[kind](v) for v in written})
    except ValueError:
        return written[0] if len(written) == 1 else f"{written[0]} … {written[-1]}"
    if not periods:
        return "—"
    if kind == "week":
        return week_period(periods)
    if len(periods) == 1:
        return period_label(periods[0])
    if kind == "month":
        return month_span(periods)
    return days_span(date.fromisoformat(periods[0]), date.fromisoformat(periods[-1]))


def changes_markdown(data_dir: Path, changed: Iterable[str]) -> str:
    """A table of what the changed CSV files under ``data_dir`` contain."""
    root = data_dir.resolve()
    rows = []
    for entry in changed:
        path = Path(entry.strip())
        if not entry.strip() or path.suffix != ".csv" or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):
            continue
        rows.append(file_changes(path, path.resolve().relative_to(root).as_posix()))
    if not rows:
        return text("summary.no_changes") + "\n"
    lines = [text("summary.changes"), "", text("summary.changes_header"), "|---|---:|---:|---|"]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
