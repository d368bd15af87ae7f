"""``roi inbox merge``: fold the survey answers of ``data/inbox/`` into the main CSV files.

The data is checked first, exactly as ``roi validate`` checks it (same build date): nothing
is merged from data it refuses. Each target file keeps its rows in their order, its columns
and the text of every cell; a row an answer replaces is replaced where it stands, the other
answer rows are appended, oldest first; columns only the answers have are appended to the
header. The file keeps its header as written (French names, « Tâche », stay: the answers'
contract names are matched to them), its separator, line ends and byte-order mark. It is then
read again and compared, text and values, with what was meant; only then are the answers
deleted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from generator.input.answers import inbox_paths
from generator.input.csvread import LINE, SOURCE, read_rows
from generator.input.dataset import Dataset
from generator.input.headers import contract_header
from generator.input.load import load_dataset, read_file
from generator.input.parse import fold
from generator.input.schema import FILES, FileSchema

BOM = b"\xef\xbb\xbf"
Row = tuple[str, int]  # (file as the loader names it, spreadsheet line)


@dataclass(frozen=True)
class Merged:
    """One target file after the merge: its rows, the answers folded into it and the rows
    (``file:line``) that a newer answer replaced."""

    name: str
    rows: int
    answers: tuple[Path, ...]
    replaced: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """What one target file becomes: its new bytes, and what it held before."""

    schema: FileSchema
    path: Path
    before: bytes | None
    after: bytes
    expected: pd.DataFrame
    header: list[str]
    written: list[str]
    cells: list[list[str]]
    merged: Merged


def number_cell(value: Any, french: bool) -> str:
    """A typed number in a file's dialect: ``12.5``, or ``12,5`` in a French (``;``) file."""
    if value is None or pd.isna(value):
        return ""
    shown = format(float(value), ".15g")
    return shown.replace(".", ",") if french else shown


@dataclass(frozen=True)
class Source:
    """One file's cells as written (line → column → text) and its dialect; columns by the
    contract's names (``header``) and as the file spells them (``written``: « Tâche »)."""

    rows: dict[int, dict[str, str]]
    header: list[str]
    written: list[str]
    french: bool
    encoding: str


def read_source(path: Path, name: str, schema: FileSchema) -> Source | None:
    rows, _ = read_rows(path, name)  # the loader has already reported its problems
    if rows is None:
        return None
    header = contract_header(schema, rows.header)
    cells = {
        line: dict(zip(header, record, strict=True))
        for line, record in zip(rows.lines, rows.rows, strict=True)
    }
    return Source(cells, header, list(rows.written), rows.french, rows.encoding)


def written_header(schema: FileSchema, header: list[str], main: Source | None) -> list[str]:
    """The merged file's header as it is written: each column of the file as the file spells
    it; a column only the answers have, by its French alias when the file speaks French
    (« minutes_déclarées » after « semaine;personne;tâche;utilisations »), else its name."""
    spelled = dict(zip(main.header, main.written, strict=True)) if main else {}
    french = any(fold(spelled.get(c.name, "")) == fold(c.alias) != c.name for c in schema.columns)
    aliases = {c.name: c.alias for c in schema.columns} if french else {}
    return [spelled.get(c) or aliases.get(c) or c for c in header]


def row_cells(
    raw: dict[str, str],
    typed: pd.Series,
    header: list[str],
    schema: FileSchema,
    french: bool | None,
) -> list[str]:
    """One row's cells under ``header`` as written; with ``french`` not None (an answer in the
    other dialect: ``;`` and decimal comma, or not) numbers in the target's dialect."""
    numbers = {c.name for c in schema.columns if c.kind == "number"}
    cells = []
    for column in header:
        value = raw.get(column, "")
        if french is not None and value and column in numbers:
            value = number_cell(typed[column], french)
        cells.append(value)
    return cells


def key_of(values: tuple) -> tuple:
    return tuple(None if pd.isna(v) else v for v in values)


def row_order(schema: FileSchema, kept: pd.DataFrame, main: pd.DataFrame | None) -> list[Row]:
    """The kept rows in the target's order: each main row where it stands (or the answer that
    replaced it), then the answers' new rows, oldest first."""
    kept_rows: list[Row] = list(zip(kept[SOURCE], kept[LINE].astype(int), strict=True))
    if not schema.key or main is None:
        return kept_rows
    keys = kept[list(schema.key)].itertuples(index=False, name=None)
    winner = dict(zip((key_of(k) for k in keys), kept_rows, strict=True))
    order = [
        row
        for values in main[list(schema.key)].itertuples(index=False, name=None)
        if (row := winner.get(key_of(values))) is not None
    ]
    placed = set(order)
    return order + [row for row in kept_rows if row not in placed]


def plan_file(data: Dataset, data_dir: Path, schema: FileSchema, today: date | None) -> Plan | None:
    """The target file with its inbox answers folded in; None when its inbox is empty."""
    answers = inbox_paths(data_dir, schema)
    kept = data.all_rows(schema.stem)
    if not answers or kept is None:
        return None
    path = data_dir / schema.name
    before = path.read_bytes() if path.is_file() else None
    names = ([schema.name] if before is not None else []) + [
        p.relative_to(data_dir).as_posix() for p in answers
    ]
    sources = {n: s for n in names if (s := read_source(data_dir / n, n, schema)) is not None}
    main = sources.get(schema.name)
    french = main.french if main is not None else False
    header = list(dict.fromkeys(c for s in sources.values() for c in s.header))
    typed_main = read_file(path, schema.name, schema, today).frame if main else None
    order = row_order(schema, kept, typed_main)
    typed = kept.set_index([kept[SOURCE], kept[LINE].astype(int)], drop=False)
    cells = []
    for name, line in order:
        source = sources[name]
        convert = french if source.french != french else None
        cells.append(row_cells(source.rows[line], typed.loc[(name, line)], header, schema, convert))
    expected = typed.loc[order].reset_index(drop=True)
    encoding = main.encoding if main is not None else "utf-8"
    written = written_header(schema, header, main)
    after = file_bytes(written, cells, french, before, encoding)
    folder = f"inbox/{schema.stem}/"
    replaced = tuple(r for r in data.replaced if r.startswith((f"{schema.name}:", folder)))
    merged = Merged(schema.name, len(cells), tuple(answers), replaced)
    return Plan(schema, path, before, after, expected, header, written, cells, merged)


def file_bytes(
    header: list[str], cells: list[list[str]], french: bool, before: bytes | None, encoding: str
) -> bytes:
    """The CSV text in the dialect of the file it replaces (``;`` or ``,``, CRLF or LF, a BOM
    or not), in UTF-8: a Windows-1252 file gets a BOM so Excel still reads its accents. A new
    file is plain CSV: comma, LF, UTF-8."""
    previous = before or b""
    ending = "\r\n" if previous.split(b"\n", 1)[0].endswith(b"\r") else "\n"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if french else ",", lineterminator=ending)
    writer.writerow(header)
    writer.writerows(cells)
    bom = BOM if previous.startswith(BOM) or encoding == "cp1252" else b""
    return bom + out.getvalue().encode("utf-8")


def verify(plan: Plan, today: date | None) -> None:
    """Read the written file alone: the same header and text in every cell, the same values."""
    source = read_source(plan.path, plan.schema.name, plan.schema)
    read = read_file(plan.path, plan.schema.name, plan.schema, today).frame
    if source is None or read is None:
        raise RuntimeError(f"{plan.schema.name}: unreadable after merge")  # a bug
    written = [[row.get(c, "") for c in plan.header] for row in source.rows.values()]
    if source.written != plan.written or source.header != plan.header or written != plan.cells:
        raise RuntimeError(f"{plan.schema.name}: text changed by the merge")  # a bug
    columns = list(plan.schema.column_names)
    pd.testing.assert_frame_equal(  # a bug, not a user error, when it fails
        read[columns].reset_index(drop=True), plan.expected[columns], check_dtype=False
    )


def merge_inbox(data_dir: Path, today: date | None = None) -> list[Merged]:
    """Fold every inbox into its file; raises DataError on data ``roi validate`` refuses (with
    the same build date ``today``) and changes nothing then. A bug found by the final check
    puts every file back as it was and keeps the answers."""
    data = load_dataset(data_dir, today)
    plans = [p for s in FILES if s.inbox if (p := plan_file(data, data_dir, s, today))]
    try:
        for plan in plans:
            plan.path.write_bytes(plan.after)
            verify(plan, today)
    except BaseException:
        for plan in plans:
            if plan.before is None:
                plan.path.unlink(missing_ok=True)
            else:
                plan.path.write_bytes(plan.before)
        raise
    for plan in plans:
        for answer in plan.merged.answers:
            answer.unlink()
    return [plan.merged for plan in plans]
