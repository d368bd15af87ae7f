"""Turn a plain data folder into what French Excel's "Enregistrer sous CSV UTF-8" writes.

Used once to write ``fixtures/excel_fr/`` from ``fixtures/excel_plain/`` (the bytes are
committed), and by a test that checks the two folders still hold the same data:

    python -m tests.excel_export tests/fixtures/excel_plain tests/fixtures/excel_fr

UTF-8 BOM, ``;`` separator, CRLF line ends, decimal comma, dates ``DD/MM/YYYY`` in date columns;
months (``2026-02``) and ISO weeks (``2026-W06``) are left as they are; company.yml is copied.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "people.csv": ("trained_on",),
    "timings.csv": ("date",),
    "mental_load.csv": ("date",),
}
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DECIMAL = re.compile(r"-?\d+\.\d+")


def french_cell(value: str, is_date: bool) -> str:
    """``2026-01-15`` → ``15/01/2026`` in a date column; ``12.5`` → ``12,5`` anywhere."""
    if is_date and (match := ISO_DATE.fullmatch(value)):
        year, month, day = match.groups()
        return f"{day}/{month}/{year}"
    return value.replace(".", ",") if DECIMAL.fullmatch(value) else value


def export_csv(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[0]
    dates = {header.index(c) for c in DATE_COLUMNS.get(source.name, ()) if c in header}
    with target.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for row in rows[1:]:
            writer.writerow([french_cell(cell, i in dates) for i, cell in enumerate(row)])


def export_folder(source: Path, target: Path) -> None:
    """Every CSV of ``source`` in French Excel form into ``target``; company.yml copied."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "company.yml", target / "company.yml")
    for path in sorted(source.glob("*.csv")):
        export_csv(path, target / path.name)


if __name__ == "__main__":
    export_folder(Path(sys.argv[1]), Path(sys.argv[2]))
