"""Write tables into an Excel workbook (``.xlsx``) that opens safely and builds byte for byte.

A :class:`Sheet` is a title, column headers with their Excel number format, and rows of plain
values. Numbers stay numbers (Excel shows them in the reader's locale: ``1 550 €`` in French);
every text cell is made inert first (:func:`inert_text`). The workbook's dates and the zip
entries' timestamps come from ``stamp``, never from the clock: openpyxl's ``save`` dates the
zip entries and ``modified`` with the clock, so :func:`workbook_bytes` rewrites them.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.cache import cached_bytes, source_fingerprint
from generator.core.periods import UNDATED

if TYPE_CHECKING:  # openpyxl is loaded when a workbook is written, not with the module
    from openpyxl.worksheet.worksheet import Worksheet

Value = str | int | float | None

CORE = "docProps/core.xml"  # the document properties, among them its dates
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_TITLE = 31
MIN_WIDTH, MAX_WIDTH = 8, 60
NUMBER_WIDTH = 12


@dataclass(frozen=True)
class SheetColumn:
    """A column: its header and the Excel number format of its numbers ("" for text)."""

    header: str
    number_format: str = ""


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title (the tab's name), columns and rows of plain values."""

    title: str
    columns: tuple[SheetColumn, ...]
    rows: list[tuple[Value, ...]]


def inert_text(value: str) -> str:
    """Text that no spreadsheet will run as a formula, even once copied out as CSV.

    A cell starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe,
    as the OWASP "CSV injection" advice says: the apostrophe stays in the text (openpyxl, unlike
    Excel's typing, does not turn it into a "quote prefix" style), so the cell is shown as
    ``'=HYPERLINK(…)`` and stays text when pasted, re-saved as CSV or re-opened elsewhere.
    Characters XML cannot hold (controls other than tab, CR, LF) are dropped.

    >>> inert_text('=HYPERLINK("http://x","y")'), inert_text("+1"), inert_text("Devis")
    ('\\'=HYPERLINK("http://x","y")', "'+1", 'Devis')
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + text if text.startswith(FORMULA_START) else text


def sheet_title(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique tab name: no ``[]:*?/\\``, at most 31 characters.

    >>> sheet_title("Coût / heure [mois]"), sheet_title("Heures", ["Heures"])
    ('Coût - heure -mois-', 'Heures 2')
    """
    base = SHEET_TITLE_FORBIDDEN.sub("-", title).strip("' ")[:MAX_TITLE] or "Feuille"
    used = {t.casefold() for t in taken}
    name, index = base, 1
    while name.casefold() in used:
        index += 1
        suffix = f" {index}"
        name = base[: MAX_TITLE - len(suffix)] + suffix
    return name


def cell_width(value: Value) -> int:
    if value is None:
        return 0
    return len(value) if isinstance(value, str) else NUMBER_WIDTH


def fill_sheet(ws: Worksheet, sheet: Sheet) -> None:
    """Bold frozen header, values (text made inert), number formats and column widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append([inert_text(c.header) for c in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in sheet.rows:
        ws.append([inert_text(v) if isinstance(v, str) else v for v in row])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        if column.number_format:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = column.number_format
        widest = max([len(column.header), *(cell_width(row[index - 1]) for row in sheet.rows)])
        ws.column_dimensions[letter].width = min(max(widest + 2, MIN_WIDTH), MAX_WIDTH)


def fixed_zip(data: bytes, stamp: datetime, replace: dict[str, bytes]) -> bytes:
    """The same zip with every entry dated ``stamp`` (openpyxl dates them with the clock)
    and the entries named in ``replace`` given that content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = replace.get(info.filename) or source.read(info)
            write_entry(target, info.filename, content, stamp)
    return out.getvalue()


def write_entry(archive: zipfile.ZipFile, name: str, content: bytes, stamp: datetime) -> None:
    """One deflated zip entry dated ``stamp``, readable by everyone (``-rw-r--r--``)."""
    info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, content)


def workbook_bytes(sheets: Sequence[Sheet], stamp: datetime = UNDATED, title: str = "") -> bytes:
    """The ``.xlsx`` content of ``sheets``, dated ``stamp`` (identical bytes for equal input)."""
    from openpyxl import Workbook
    from openpyxl.xml.functions import tostring

    wb = Workbook()
    if sheets:
        wb.remove(wb.active)
    taken: list[str] = []
    for sheet in sheets:
        taken.append(sheet_title(sheet.title, taken))
        fill_sheet(wb.create_sheet(taken[-1]), sheet)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "roi-ia"
    wb.properties.title = title or None
    raw = io.BytesIO()
    wb.save(raw)
    wb.properties.modified = stamp  # saving set it to the clock: write the core props again
    return fixed_zip(raw.getvalue(), stamp, {CORE: tostring(wb.properties.to_tree())})


def write_workbook(
    sheets: Sequence[Sheet], path: Path, stamp: datetime = UNDATED, title: str = ""
) -> Path:
    """Write ``sheets`` as one workbook at ``path`` (folders created); returns ``path``. The
    bytes come from the build cache when the same workbook was made before."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = workbook_key(sheets, stamp, title)
    path.write_bytes(cached_bytes(f"xlsx-{key}.xlsx", lambda: workbook_bytes(sheets, stamp, title)))
    return path


def workbook_key(sheets: Sequence[Sheet], stamp: datetime, title: str) -> str:
    """Fingerprint of a workbook's content and of the code and openpyxl that write it (the
    values' ``repr``: exact for text and numbers)."""
    made_by = f"{version('openpyxl')}|{source_fingerprint()}"
    content = repr((list(sheets), stamp.isoformat(), title))
    return hashlib.sha256(f"{made_by}|{content}".encode()).hexdigest()[:24]
