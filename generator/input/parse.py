"""Turn a column of strings into typed values, one parser per kind of the schema.

Each parser takes one stripped, non-blank cell and returns its value or raises ValueError.
Columns are parsed through their distinct values, so a million rows cost a few hundred
parses. Blank cells become missing values; whether that is allowed is checked afterwards.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pandas as pd

from generator.core.format import MONTH_NAMES
from generator.core.i18n import text
from generator.input.schema import Column

ID_PATTERN = re.compile(r"[a-z0-9_-]{1,40}")
INT_PATTERN = re.compile(r"[+-]?\d+")
NUMBER_PATTERN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
ISO_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
FR_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
EXCEL_MONTH = re.compile(r"([a-z]+)\.?[-\s]?(\d{2}|\d{4})")
MONTH_WORDS: tuple[tuple[str, ...], ...] = (
    ("janvier", "janv", "january", "jan"),
    ("fevrier", "fevr", "fev", "february", "feb"),
    ("mars", "march"),  # not « mar »: mars or mai?
    ("avril", "avr", "april", "apr"),
    ("mai", "may"),
    ("juin", "june", "jun"),
    ("juillet", "juil", "july", "jul"),
    ("aout", "august", "aug"),
    ("septembre", "sept", "september", "sep"),
    ("octobre", "oct", "october"),
    ("novembre", "nov", "november"),
    ("decembre", "dec", "december"),
)
"""Every word a month cell may name its month with (accents and case folded): French and
English names and the abbreviations French and English Excel write. Nothing else:
``octopus-26`` is not October."""
MONTHS_BY_WORD = {word: month for month, words in enumerate(MONTH_WORDS, 1) for word in words}
EARLIEST = date(2000, 1, 1)
"""No measurement, cost or training of an AI tool predates 2000: an earlier date is a typing
slip (``1600`` for ``2026``), and a monthly cost « starting » in year 1000 would be repeated
for 12 000 months."""
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


def is_foreign_letter(character: str) -> bool:
    """A letter of another script than Latin (Cyrillic « ѕ », Greek « ο »): in an identifier
    or a column name, it is one that looks like a Latin letter.

    >>> is_foreign_letter("ѕ"), is_foreign_letter("é"), is_foreign_letter("€")
    (True, False, False)
    """
    is_letter = unicodedata.category(character).startswith("L")
    return is_letter and not unicodedata.name(character, "").startswith("LATIN")


def odd_character(value: str, ascii_only: bool) -> str | None:
    """A message naming the first character of ``value`` that shows as nothing (a zero-width
    space) or, where only ASCII is allowed (``ascii_only``: identifiers, column names), as a
    Latin letter it is not (a Cyrillic « ѕ »); None when there is none.

    >>> odd_character("ѕophie", ascii_only=True)[:60]
    '« ѕophie » : le caractère n° 1 est U+0455 (CYRILLIC SMALL LE'
    """
    for position, character in enumerate(value, 1):
        invisible = unicodedata.category(character) in ("Cf", "Co", "Cn", "Zl", "Zp")
        lookalike = ascii_only and is_foreign_letter(character)
        if invisible or lookalike:
            return text(
                f"loader.{'invisible' if invisible else 'lookalike'}_character",
                value=shown(value),
                position=position,
                code=f"U+{ord(character):04X}",
                name=unicodedata.name(character, "?"),
            )
    return None


class Impossible(ValueError):
    """A date, week or month written right that the calendar does not have (31 September,
    month 13, week 53 of a 52-week year), with the reason in words."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.reason = kind, reason


def checked_month(year: int, month: int, kind: str, swapped: bool = False) -> None:
    """Raise :class:`Impossible` for a month number outside 1–12; ``swapped``: the day could
    be the month (``05/13/2026``, written month first)."""
    if not 1 <= month <= 12:
        key = "month_swapped" if swapped else "month_number"
        raise Impossible(kind, text(f"loader.impossible.{key}", month=month))


def checked_day(year: int, month: int, day: int, swapped: bool = False) -> date:
    """The date, or :class:`Impossible` saying why the calendar has no such day.

    >>> checked_day(2026, 9, 31)
    Traceback (most recent call last):
    ...
    generator.input.parse.Impossible: le 31 septembre n'existe pas, septembre n'a que 30 jours
    """
    checked_month(year, month, "date", swapped)
    length = calendar.monthrange(year, month)[1]
    if day == 0:
        raise Impossible("date", text("loader.impossible.day_zero"))
    if month == 2 and day == 29 and length == 28:
        raise Impossible("date", text("loader.impossible.february_29", year=year))
    if day > length:
        name = MONTH_NAMES[month - 1]
        reason = text("loader.impossible.day_beyond", day=day, month=name, length=length)
        raise Impossible("date", reason)
    return date(year, month, day)


def parse_date(value: str) -> date:
    """``2026-01-05`` or ``05/01/2026``; an impossible day raises :class:`Impossible`."""
    if match := ISO_DATE.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
        swapped = False
    elif match := FR_DATE.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
        swapped = 1 <= day <= 12
    else:
        raise ValueError(value)
    return not_too_early(checked_day(year, month, day, swapped))


def weeks_in(year: int) -> int:
    """52 or 53: the ISO week of 28 December is the year's last.

    >>> weeks_in(2026), weeks_in(2027)
    (53, 52)
    """
    return date(year, 12, 28).isocalendar()[1]


def checked_week(year: int, week: int) -> date:
    """The Monday of ISO week ``week`` of ``year``, or :class:`Impossible` saying why not."""
    if week == 53 and weeks_in(year) == 52:
        raise Impossible("week", text("loader.impossible.week_53", year=year))
    if not 1 <= week <= 53:
        raise Impossible("week", text("loader.impossible.week_number", week=week))
    return date.fromisocalendar(year, week, 1)


def parse_week(value: str) -> str:
    """An ISO week ``YYYY-Www``, or a date meaning the week that contains it."""
    if match := ISO_WEEK.fullmatch(value):
        year, week = int(match[1]), int(match[2])
        not_too_early(checked_week(year, week))
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
    checked_month(year, month, "month")
    not_too_early(date(year, month, 1))
    return f"{year}-{month:02d}"


def excel_month(name: str, year: str) -> tuple[int, int]:
    """French Excel's ``janv.-26`` or ``janvier 2026``: (month, year); only a real month word.

    >>> excel_month("sept", "26"), excel_month("dec", "2025")
    ((9, 2026), (12, 2025))
    """
    if name not in MONTHS_BY_WORD:
        raise ValueError(name)
    return MONTHS_BY_WORD[name], int(year) + (2000 if len(year) == 2 else 0)


class TooEarly(ValueError):
    """A date, week or month before :data:`EARLIEST`."""


def not_too_early(day: date) -> date:
    if day < EARLIEST:
        raise TooEarly(day.isoformat())
    return day


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
    if isinstance(error, TooEarly):
        return text("loader.too_early", value=shown(value), earliest=EARLIEST.isoformat())
    if isinstance(error, Impossible):
        return text(f"loader.impossible.{error.kind}", value=shown(value), reason=error.reason)
    if odd := odd_character(value, ascii_only=column.kind == "id"):
        return odd
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
