"""``roi inbox merge``: fold the survey answers of ``data/inbox/`` into the main CSV files.

The data is checked first (nothing is merged from invalid data). Each target file is then
rewritten from the loaded rows, which already apply "the newest answer wins", sorted by its
key, with the contract's header; the inbox files are deleted and the result is read again to
prove nothing was lost.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from generator.load import Dataset, inbox_paths, load_dataset
from generator.schema import FILES, Column, FileSchema


@dataclass(frozen=True)
class Merged:
    """One target file after the merge: its rows and the inbox files folded into it."""

    name: str
    rows: int
    answers: tuple[Path, ...]


def cell(value: Any, column: Column) -> str:
    """A typed value back to the text the loader reads: ISO dates, dots, no ``.0``."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if column.kind == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if column.kind == "number":
        return format(float(value), ".15g")
    return str(value)


def csv_text(frame: pd.DataFrame, schema: FileSchema) -> str:
    """The rows as a plain CSV (comma, LF), sorted by the file's key or all its columns."""
    order = list(schema.key or schema.column_names)
    rows = frame.sort_values(order, kind="stable")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(schema.column_names)
    for record in rows[list(schema.column_names)].itertuples(index=False, name=None):
        writer.writerow(cell(v, c) for v, c in zip(record, schema.columns, strict=True))
    return out.getvalue()


def merge_file(data: Dataset, data_dir: Path, schema: FileSchema) -> Merged | None:
    """Rewrite one target file with its inbox answers; None when its inbox is empty."""
    answers = inbox_paths(data_dir, schema)
    frame = data.frame(schema.stem)
    if not answers or frame is None:
        return None
    (data_dir / schema.name).write_text(csv_text(frame, schema), encoding="utf-8")
    for path in answers:
        path.unlink()
    return Merged(schema.name, len(frame), tuple(answers))


def merge_inbox(data_dir: Path) -> list[Merged]:
    """Fold every inbox into its file; raises DataError on invalid data, changes nothing then."""
    data = load_dataset(data_dir)
    merged = [m for schema in FILES if schema.inbox if (m := merge_file(data, data_dir, schema))]
    after = load_dataset(data_dir)
    for result in merged:
        if after.rows[result.name].read != result.rows:  # a bug, not a user error
            raise RuntimeError(f"{result.name}: {after.rows[result.name].read} rows after merge")
    return merged
