"""Turn a column of strings into typed values, one parser per kind of the schema.

Each parser takes one stripped, non-blank cell and returns its value or raises ValueError.
Columns are parsed through their distinct values, so a million rows cost a few hundred
parses. Blank cells become missing values; whether that is allowed is checked afterwards.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pandas as pd

from generator.i18n import text
from generator.schema import Column

ID_PATTERN = re.compile(r"[a-z0-9_-]{1,40}")
INT_PATTERN = re.compile(r"[+-]?\d+")
NUMBER_PATTERN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
ISO_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
FR_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
EXCEL_MONTH = re.compile(r"([a-z]+)\.?[-\s]?(\d{2}|\d{4})")
FRENCH_MONTHS = ("janv", "fevr", "mars", "avr", "mai", "juin",
                 "juil", "aout", "sept", "oct", "nov", "dec")  # fmt: skip
DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
SPACES = re.compile(r"[\s\u00a0\u202f]")
MAX_TEXT = 200
MAX_INT = 2**53  # beyond, a "count" is a typing slip and would overflow the Int64 column
MAX_SHOWN = 60


def shown(value: str) -> str:
    """A cell as a message quotes it: a 100 000-character cell is cut, not printed whole.

    >>> shown("x" * 100)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 caractères)'
    """
    if len(value) <= MAX_SHOWN:
        return value
    return value[:MAX_SHOWN] + text("loader.cut", length=len(value))


def fold(value: str) -> str:
    """Lower case without accents: ``Équilibre`` → ``equilibre``."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_date(value: str) -> date:
    """``2026-01-05`` or ``05/01/2026``; an impossible day raises ValueError."""
    if match := ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := FR_DATE.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(value)
    return date(year, month, day)


def parse_week(value: str) -> str:
    """An ISO week ``YYYY-Www``, or a date meaning the week that contains it."""
    if match := ISO_WEEK.fullmatch(value):
        year, week = int(match[1]), int(match[2])
        date.fromisocalendar(year, week, 1)  # raises ValueError for week 54 or 53 of a short year
    else:
        year, week, _ = parse_date(value).isocalendar()
    return f"{year}-W{week:02d}"


def parse_month(value: str) -> str:
    """A month ``YYYY-MM`` (or ``MM/YYYY``, or Excel's ``janv.-26``), or a date meaning its month.

    >>> parse_month("2026-01"), parse_month("05/01/2026"), parse_month("Févr.-26")
    ('2026-01', '2026-01', '2026-02')
    """
    if match := ISO_MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2])
    elif match := FR_MONTH.fullmatch(value):
        month, year = int(match[1]), int(match[2])
    elif match := EXCEL_MONTH.fullmatch(fold(value)):
        month, year = excel_month(match[1], match[2])
    else:
        day = parse_date(value)
        year, month = day.year, day.month
    date(year, month, 1)  # raises ValueError for month 13
    return f"{year}-{month:02d}"


def excel_month(name: str, year: str) -> tuple[int, int]:
    """French Excel's ``janv.-26`` or ``janvier 2026``: (month, year)."""
    month = next((i for i, prefix in enumerate(FRENCH_MONTHS, 1) if name.startswith(prefix)), 0)
    if not month or (name.startswith("ma") and name not in ("mars", "mai")):
        raise ValueError(name)
    return month, int(year) + (2000 if len(year) == 2 else 0)


class AmbiguousNumber(ValueError):
    """``1.550`` in a French file: a thousands dot (1550) or a decimal point (1.55)?"""


def parse_number(value: str, column: Column, french: bool) -> float:
    """A decimal number; French files use a decimal comma, money may carry ``€``."""
    cleaned = SPACES.sub("", value.removesuffix("€") if column.money else value)
    if french and DOT_THOUSANDS.fullmatch(cleaned):
        raise AmbiguousNumber(value)
    if french and cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not NUMBER_PATTERN.fullmatch(cleaned) or not math.isfinite(float(cleaned)):
        raise ValueError(value)  # 400 digits make an infinite float
    return float(cleaned)


def parse_int(value: str, column: Column, french: bool) -> int:
    """A whole number; ``3,0`` or ``3.0`` are accepted, ``1.5`` is not."""
    cleaned = SPACES.sub("", value)
    number = int(cleaned) if INT_PATTERN.fullmatch(cleaned) else parse_number(value, column, french)
    if abs(number) > MAX_INT or not float(number).is_integer():
        raise ValueError(value)
    return int(number)


def parse_id(value: str) -> str:
    folded = value.casefold()
    if not ID_PATTERN.fullmatch(folded):
        raise ValueError(value)
    return folded


def parse_choice(value: str, column: Column) -> str:
    folded = fold(value)
    if folded not in column.choices:
        raise ValueError(value)
    return folded


def parse_text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise OverflowError(len(value))
    return value


Parser = Callable[[str, Column, bool], object]

PARSERS: dict[str, Parser] = {
    "id": lambda v, c, f: parse_id(v),
    "text": lambda v, c, f: parse_text(v),
    "int": parse_int,
    "number": parse_number,
    "date": lambda v, c, f: parse_date(v),
    "week": lambda v, c, f: parse_week(v),
    "month": lambda v, c, f: parse_month(v),
    "choice": lambda v, c, f: parse_choice(v, c),
}

DTYPES: dict[str, str] = {"int": "Int64", "number": "Float64", "date": "datetime64[ns]"}


def error_message(value: str, column: Column, french: bool, error: Exception) -> str:
    """Why ``value`` is not a valid ``column`` value, and what was expected."""
    if isinstance(error, OverflowError):
        return text("loader.too_long", length=len(value), max=MAX_TEXT)
    if isinstance(error, AmbiguousNumber):
        return text("loader.ambiguous_number", value=value)
    if column.kind == "number" and not french and "," in value:
        return text("loader.decimal_comma", value=shown(value))
    return text("loader.bad_value", expected=expected(column), value=shown(value))


def expected(column: Column) -> str:
    """What a valid value of ``column`` looks like, in words."""
    return text(f"loader.expected.{column.kind}", choices=", ".join(column.choices))


def parse_column(raw: pd.Series, column: Column, french: bool) -> tuple[pd.Series, dict[str, str]]:
    """Typed values (missing where blank or invalid) and a message per invalid cell value."""
    parser = PARSERS[column.kind]
    values: dict[str, object] = {}
    invalid: dict[str, str] = {}
    for cell in raw.unique():
        if cell == "":
            continue
        try:
            values[cell] = parser(cell, column, french)
        except (ValueError, OverflowError) as error:
            invalid[cell] = error_message(cell, column, french, error)
    typed = raw.map(values)
    dtype = DTYPES.get(column.kind)
    if dtype == "datetime64[ns]":
        return pd.to_datetime(typed), invalid
    return (
        typed.astype(dtype) if dtype else typed.astype(object).where(typed.notna(), None)
    ), invalid
