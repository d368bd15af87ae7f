"""French number formatting, the one place where numbers become text: ``1 550 €``, ``33 %``.

Thousands are separated by a narrow no-break space (U+202F) and decimals by a comma, as the
French typographic convention and Excel do. Missing values print as an em dash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

THIN = "\u202f"
MISSING = "—"
MINUS = "−"
MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin",
          "juil.", "août", "sept.", "oct.", "nov.", "déc.")  # fmt: skip
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
               "août", "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def number(value: float | None, decimals: int = 0) -> str:
    """A number in French: thin-space thousands, decimal comma, true minus sign.

    >>> number(1550) == "1\u202f550", number(12.9166, 1), number(-2.5, 1), number(None)
    (True, '12,9', '−2,5', '—')
    """
    if value is None:
        return MISSING
    text = f"{value:,.{decimals}f}".replace(",", THIN).replace(".", ",")
    return text.replace("-", MINUS)


def decimal(value: float | None) -> str:
    """A ratio or a mean that needs its decimals: ``8,67``."""
    return number(value, 2)


def signed(value: float | None, decimals: int = 0) -> str:
    """A change with its sign: ``+50``, ``−81``."""
    if value is None:
        return MISSING
    return ("+" if value > 0 else "") + number(value, decimals)


def money(value: float | None, decimals: int = 0) -> str:
    """An amount in euros.

    >>> money(3300) == "3\u202f300\u00a0€"
    True
    """
    return MISSING if value is None else f"{number(value, decimals)}\u00a0€"


def percent(value: float | None, decimals: int = 0) -> str:
    """A rate in %.

    >>> percent(33.333) == "33\u00a0%"
    True
    """
    return MISSING if value is None else f"{number(value, decimals)}\u00a0%"


def change(value: float | None, decimals: int = 0) -> str:
    """An evolution in %: ``+50 %``, ``−81 %``."""
    return MISSING if value is None else f"{signed(value, decimals)}\u00a0%"


def hours(value: float | None, decimals: int = 1) -> str:
    """A number of hours, one decimal.

    >>> hours(12.9166) == "12,9\u00a0h"
    True
    """
    return MISSING if value is None else f"{number(value, decimals)}\u00a0h"


def minutes(value: float | None) -> str:
    """A duration in minutes, with its decimal only when it has one.

    >>> minutes(61.5) == "61,5\u00a0min", minutes(60.0) == "60\u00a0min"
    (True, True)
    """
    if value is None:
        return MISSING
    return f"{number(value, 0 if float(value).is_integer() else 1)}\u00a0min"


def months(value: float | None) -> str:
    """A payback period in months, two decimals.

    >>> months(0.9677) == "0,97\u00a0mois"
    True
    """
    return MISSING if value is None else f"{number(value, 2)}\u00a0mois"


def month_label(month: str | None, long: bool = False) -> str:
    """A month as French readers write it.

    >>> month_label("2026-01"), month_label("2026-01", long=True)
    ('janv. 2026', 'janvier 2026')
    """
    if not month:
        return MISSING
    year, index = month.split("-")
    return f"{(MONTH_NAMES if long else MONTHS)[int(index) - 1]} {year}"


def week_label(week: str | None) -> str:
    """An ISO week in words.

    >>> week_label("2026-W03")
    'semaine 3 de 2026'
    """
    if not week:
        return MISSING
    year, number_ = week.split("-W")
    return f"semaine {int(number_)} de {year}"


def day_label(day: date | None) -> str:
    """A date in words.

    >>> day_label(date(2026, 1, 5))
    '5 janvier 2026'
    """
    return MISSING if day is None else f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "decimal": decimal,
    "signed": signed,
    "money": money,
    "percent": percent,
    "change": change,
    "hours": hours,
    "minutes": minutes,
    "months": months,
    "month_label": month_label,
    "week_label": week_label,
    "day_label": day_label,
}
