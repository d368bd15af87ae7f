"""The site's downloads: each dashboard as an Excel workbook and the CSV templates.

The dashboards are declared in ``dashboards.py``; here their tables become sheets (French
headers, labels for ids, number formats) and workbooks. Everything lands in
``telechargements/`` of the docs folder; :func:`write_downloads` returns what it wrote, for the
pages to link.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.i18n import text
from generator.core.periods import UNDATED, report_stamp
from generator.input.dataset import Dataset
from generator.input.schema import FILES, FileSchema
from generator.workbooks.tables import FOLDER, WORKBOOKS, Kind, Table
from generator.workbooks.xlsx import Sheet, SheetColumn, Value, write_entry, write_workbook

TEMPLATES = "modeles"
TEMPLATES_ZIP = "modeles-csv.zip"

FORMATS: dict[str, str] = {
    "int": "#,##0",
    "number": "#,##0.00",
    "money": '#,##0" €"',
    "money2": '#,##0.00" €"',
    "percent": '0.0" %"',
}
"""Excel number formats: Excel shows ``,`` and ``.`` with the reader's own separators."""


@dataclass(frozen=True)
class Download:
    """A file written for the site: ``path`` relative to the docs folder, French ``label``."""

    key: str
    path: str
    label: str


@dataclass(frozen=True)
class SheetLabels:
    """How ids appear in a workbook: people (privacy applied) and tasks."""

    people: dict[str, str]
    tasks: dict[str, str]


def cell(value: Any, kind: Kind, labels: SheetLabels) -> Value:
    """A report value as a workbook cell: ids and codes become French labels, numbers stay."""
    if value is None:
        return None
    words: dict[str, Callable[[Any], str]] = {
        "person": lambda v: labels.people.get(v, v),
        "task": lambda v: labels.tasks.get(v, v),
        "tasks": lambda v: ", ".join(labels.tasks.get(t, t) for t in v),
        "status": lambda v: text(f"statuses.{v}"),
        "use": lambda v: text(f"uses.{v}"),
        "category": lambda v: text(f"categories.{v}"),
        "better": lambda v: text(f"downloads.values.better_{v}"),
        "bool": lambda v: text(f"downloads.values.improved_{str(bool(v)).lower()}"),
    }
    if kind in words:
        return words[kind](value)
    return str(value) if kind == "text" else value


def table_sheet(table: Table, report: dict[str, Any], labels: SheetLabels) -> Sheet:
    """A table's sheet: French headers, number formats, one row per report row."""
    columns = tuple(
        SheetColumn(text(f"downloads.columns.{f.column}"), FORMATS.get(f.kind, ""))
        for f in table.fields
    )
    rows = [
        tuple(cell(row.get(f.source), f.kind, labels) for f in table.fields)
        for row in table.rows(report)
    ]
    return Sheet(text(f"downloads.sheets.{table.sheet}"), columns, rows)


def template_text(schema: FileSchema) -> str:
    """A file's header line, exactly as the loader expects it."""
    return schema.header + "\n"


def csv_templates(docs_dir: Path) -> list[Download]:
    """One header-only CSV per data file, and a zip of them all (fixed dates: same bytes)."""
    folder = docs_dir / FOLDER / TEMPLATES
    folder.mkdir(parents=True, exist_ok=True)
    packed = io.BytesIO()
    downloads = [
        Download("templates", f"{FOLDER}/{TEMPLATES_ZIP}", text("downloads.templates.all"))
    ]
    with zipfile.ZipFile(packed, "w") as archive:
        for schema in FILES:
            content = template_text(schema).encode("utf-8")
            (folder / schema.name).write_bytes(content)
            write_entry(archive, schema.name, content, UNDATED)
            label = text("downloads.templates.one", file=schema.name)
            downloads.append(Download(schema.name, f"{FOLDER}/{TEMPLATES}/{schema.name}", label))
    (docs_dir / FOLDER / TEMPLATES_ZIP).write_bytes(packed.getvalue())
    return downloads


def write_downloads(report: dict[str, Any], data: Dataset, out_dir: Path) -> list[Download]:
    """Write the three workbooks and the CSV templates under ``out_dir/telechargements``;
    returns them in that order (paths relative to ``out_dir``, the docs folder)."""
    labels = SheetLabels(data.display_names(), data.task_labels())
    stamp = report_stamp(report)
    downloads = []
    for dashboard in WORKBOOKS:
        tables = [
            t
            for t in dashboard.tables
            if not (report["public"] and t.per_person) and not (t.optional and not t.rows(report))
        ]
        sheets = [table_sheet(t, report, labels) for t in tables]
        write_workbook(sheets, out_dir / dashboard.path, stamp, dashboard.title)
        downloads.append(Download(dashboard.key, dashboard.path, dashboard.title))
    return downloads + csv_templates(out_dir)
