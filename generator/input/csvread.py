"""Read one CSV file into strings, whatever Excel did to it.

Plain CSV (``,`` and a decimal point) and French Excel's "CSV" (``;``, decimal comma,
UTF-8 BOM, CRLF) are told apart from the header line; nothing is asked of the user.
Every cell stays a string here: parsing values is ``parse.py``'s job.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from generator.core.errors import Problem
from generator.core.i18n import text

LINE = "_line"
SOURCE = "_source"  # the file a row was read from, once a file and its inbox answers are merged
LINE_END = re.compile("\r\n|\r|\n")  # the csv module's record ends
ASCII_SPACES = " \t\x0b\x0c\x1c\x1d\x1e\x1f"  # what ``str.strip`` removes, besides line ends
ENCODINGS = ("utf-8", "cp1252")
"""The encodings a CSV file is read in, the first that decodes it: UTF-8 (a BOM dropped), then
Windows-1252, which French Excel writes for « CSV (séparateur : point-virgule) ». The pages
state what is accepted from this tuple (``loader.encodings.<encoding>`` in the catalogue)."""
MAX_BYTES = 40_000_000
"""A larger file is refused before it is read: 250 people × 3 years × 20 tasks of weekly
usage is about 780 000 rows, some 25 MB; beyond 40 MB a file is an export of something else."""
# Long cells are reported by the text check ("texte trop long"), not by the csv module's
# 128 KiB field limit, whose own message would blame the quotes.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class RawTable:
    """A file's cells as stripped strings, one row per data line, with its line number."""

    frame: pd.DataFrame
    french: bool
    encoding: str = "utf-8"


def decode(data: bytes, name: str) -> tuple[str | None, str, list[Problem]]:
    """Bytes to text and the encoding read. UTF-8 (BOM dropped) first; then Windows-1252,
    which French Excel writes for « CSV (séparateur : point-virgule) »; else a problem."""
    if b"\x00" in data[:8192]:
        return None, "", [Problem(name, 0, "", text("loader.binary"))]
    failures = []
    for encoding in ENCODINGS:
        try:
            return data.decode("utf-8-sig" if encoding == "utf-8" else encoding), encoding, []
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            failures.append(Problem(name, line, "", text("loader.not_utf8", line=line)))
    return None, "", failures[:1]


def is_french(header_line: str) -> bool:
    """French Excel separates with ``;``: more semicolons than commas in the header.

    >>> is_french("week;person;task;uses"), is_french("week,person,task,uses")
    (True, False)
    """
    return header_line.count(";") > header_line.count(",")


def guess_french(content: str, sample: int = 20) -> bool:
    """``;`` or ``,``: the separator that splits the first lines into as many cells as the
    header, so a ``;`` file whose header names hold commas is still read right; on a tie
    (a header alone, or both fit) the header's count of each decides (:func:`is_french`).

    >>> guess_french("week;person;remarques, notes, divers\\n2026-W03;sophie;rien\\n")
    True
    """
    head = itertools.islice(io.StringIO(content.lstrip("\ufeff"), newline=None), sample * 4)
    lines = [line.rstrip("\r\n") for line in head if line.strip()][:sample]
    if not lines:
        return False

    def fitting(delimiter: str) -> int:
        try:
            widths = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            return 0  # the full read reports the broken record with its line
        return sum(width == widths[0] > 1 for width in widths[1:])

    semicolon, comma = fitting(";"), fitting(",")
    return semicolon > comma if semicolon != comma else is_french(lines[0])


def split_rows(content: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every non-blank record with the spreadsheet row it is shown on (header = row 1): a
    cell holding line breaks is one row of a spreadsheet, so records are counted, not lines.

    A record the csv module cannot read raises ``csv.Error(row it starts on, cause)``.

    >>> split_rows('a,b\\n"x\\ny",1\\n\\n3,4\\n', ",")
    [(1, ['a', 'b']), (2, ['x\\ny', '1']), (4, ['3', '4'])]
    """
    if '"' not in content and "\x00" not in content:
        return split_plain(content, delimiter)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            cells = [cell.strip() for cell in record]
            if any(cells):
                records.append((start, cells))
            start += 1
    except csv.Error as error:
        raise csv.Error(start, error) from error
    return records


def split_plain(content: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """:func:`split_rows` of a file without quotes or NUL, where every line is one record:
    the same records and line numbers as the csv module, several times faster.

    >>> split_plain("a;b\\r\\n\\n 1 ; 2\\r3;4", ";")
    [(1, ['a', 'b']), (3, ['1', '2']), (4, ['3', '4'])]
    """
    records: list[tuple[int, list[str]]] = []
    for number, line in enumerate(LINE_END.split(content), start=1):
        cells = [cell.strip() for cell in line.split(delimiter)]
        if any(cells):
            records.append((number, cells))
    return records


def fit_width(record: list[str], width: int) -> list[str] | None:
    """The record cut or padded to ``width`` when only blank cells differ, else None."""
    if len(record) > width and not any(record[width:]):
        return record[:width]
    return record if len(record) == width else None


@dataclass(frozen=True)
class RawRows:
    """A file's records as stripped strings, before any DataFrame: the header (lower-case),
    each data row fitted to its width and the spreadsheet line it starts on."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    french: bool
    encoding: str
    written: tuple[str, ...] = ()  # the header as written, case kept (« Tâche »)

    def table(self) -> RawTable:
        frame = (
            pd.DataFrame(self.rows, columns=self.header, dtype=object)
            if self.rows
            else empty_frame(self.header)
        )
        frame[LINE] = self.lines
        return RawTable(frame, self.french, self.encoding)


def read_text(path: Path, name: str) -> tuple[str | None, str, list[Problem]]:
    """The file's text and encoding, or None when it is too big, not text or tab-separated."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        megabytes = f"{size / 1e6:.0f}"
        return (
            None,
            "",
            [Problem(name, 0, "", text("loader.too_big", size=megabytes, max=MAX_BYTES // 10**6))],
        )
    content, encoding, problems = decode(path.read_bytes(), name)
    if content is None:
        return None, "", problems
    first_line = content.lstrip("\r\n").split("\n", 1)[0]
    if "\t" in first_line and not {",", ";"} & set(first_line):
        return None, "", [Problem(name, 1, "", text("loader.tab_separated"))]
    return content, encoding, problems


def records_of(
    content: str, name: str, french: bool, encoding: str
) -> tuple[RawRows | None, list[Problem]]:
    """The records of ``content`` read by the csv module, with its exact messages."""
    try:
        records = split_rows(content, ";" if french else ",")
    except csv.Error as error:
        line, cause = error.args
        return None, [Problem(name, line, "", text("loader.bad_quotes", error=cause))]
    if not records:
        return None, []
    header = [cell.lower().lstrip("\ufeff") for cell in records[0][1]]
    while not header[-1]:
        header.pop()  # Excel keeps a column once typed in, then emptied, as a trailing ";"
    rows: list[list[str]] = []
    lines: list[int] = []
    problems = []
    for line, record in records[1:]:
        fitted = fit_width(record, len(header))
        if fitted is None:
            message = text("loader.field_count", found=len(record), expected=len(header))
            problems.append(Problem(name, line, "", message))
            continue
        rows.append(fitted)
        lines.append(line)
    written = tuple(cell.lstrip("\ufeff") for cell in records[0][1][: len(header)])
    return RawRows(header, rows, lines, french, encoding, written), problems


def read_rows(path: Path, name: str) -> tuple[RawRows | None, list[Problem]]:
    """Read ``path`` into plain lists, without pandas: the fast way for many small files
    (inbox answers), with the same cells and messages as :func:`read_table`."""
    content, encoding, problems = read_text(path, name)
    if content is None:
        return None, problems
    rows, more = records_of(content, name, guess_french(content), encoding)
    return rows, problems + more


def read_table(path: Path, name: str) -> tuple[RawTable | None, list[Problem]]:
    """Read ``path`` (shown as ``name`` in problems) into a :class:`RawTable`."""
    content, encoding, problems = read_text(path, name)
    if content is None:
        return None, problems
    french = guess_french(content)
    fast = plain_frame(content, ";" if french else ",")
    if fast is not None:
        return RawTable(fast, french, encoding), problems
    rows, more = records_of(content, name, french, encoding)
    return (rows.table() if rows is not None else None), problems + more


def plain_frame(content: str, delimiter: str) -> pd.DataFrame | None:
    """The frame :func:`read_table` builds, parsed by pandas' C reader, for the common file:
    no quotes, no NUL, the same number of fields on every non-blank line, a plain header.
    Anything else gives None, and the csv module reads the file with its exact messages.

    >>> plain_frame("Week;Uses\\r\\n\\n 2026-W02 ; 3 \\r\\n", ";").to_dict("list")
    {'week': ['2026-W02'], 'uses': ['3'], '_line': [3]}
    """
    if '"' in content or "\x00" in content:
        return None
    lines = LINE_END.split(content)
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) < 2:
        return None
    counts = {line.count(delimiter) for line in lines if line.strip()}
    if len(counts) != 1:
        return None
    width = counts.pop() + 1
    joined = "\n".join(lines)
    raw = pd.read_csv(
        io.StringIO(joined),
        sep=delimiter,
        header=None,
        names=range(width),
        dtype=str,
        na_filter=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_NONE,
        engine="c",
    )
    if len(raw) != len(lines):
        return None
    if not joined.isascii() or any(space in joined for space in ASCII_SPACES):
        for column in raw.columns:
            raw[column] = raw[column].str.strip()
    raw = raw[(raw != "").any(axis=1)]
    if len(raw) < 2:
        return None
    header = [str(cell).lower().lstrip("\ufeff") for cell in raw.iloc[0]]
    if not all(header) or len(set(header)) != len(header):
        return None
    frame = raw.iloc[1:].reset_index()
    lines_read = frame.pop("index") + 1
    frame.columns = pd.Index(header, dtype=object)
    frame = frame.astype(object)
    frame[LINE] = lines_read.astype("int64")
    return frame


def empty_frame(header: list[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in header})
