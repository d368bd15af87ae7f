"""French number formatting, the one place where numbers become text: ``1 550 €``, ``33 %``.

Thousands are separated by a narrow no-break space (U+202F) and decimals by a comma, as the
French typographic convention and Excel do. Missing values print as an em dash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from generator.core.i18n import text
from generator.core.periods import period_kind, week_monday, week_sunday

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


def bound(value: float | None) -> str:
    """A threshold or a setting quoted in a sentence, its unit written by the sentence: whole
    when it is, else with its decimals (two at most).

    >>> bound(5), bound(7.5), bound(12.25), bound(None)
    ('5', '7,5', '12,25', '—')
    """
    if value is None:
        return MISSING
    shown = round(float(value), 2)
    decimals = 0 if shown.is_integer() else 1 if round(shown, 1) == shown else 2
    return number(shown, decimals)


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
    """An evolution in %: ``+50 %``, ``−81 %``; a change that would round to 0 without being
    0 says so in words rather than ``−0 %``.

    >>> change(50), change(-0.2), change(0)
    ('+50\xa0%', 'baisse de moins de 1 %', '0\xa0%')
    """
    if value is None:
        return MISSING
    if value != 0 and round(abs(value), decimals) == 0:
        return text("figures.tiny_change." + ("up" if value > 0 else "down"))
    return f"{signed(value, decimals)}\u00a0%"


def points(value: float | None, decimals: int = 0) -> str:
    """A change of a score (NPS) in points, not in %: ``+12 points``, ``−1 point``.

    >>> points(12), points(-1), points(None)
    ('+12 points', '−1 point', '—')
    """
    if value is None:
        return MISSING
    shown = signed(value, decimals)
    many = abs(round(value, decimals)) >= 2
    return text("figures.points." + ("many" if many else "one"), value=shown)


def count(value: float | None) -> str:
    """A number of things (files handled): whole when it is, else one decimal (a mean of
    counts), never ``11,00``.

    >>> count(11.0), count(10.5), count(None)
    ('11', '10,5', '—')
    """
    if value is None:
        return MISSING
    return number(value, 0 if round(float(value), 6).is_integer() else 1)


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
    """A payback period in months, two decimals; under one month, in words.

    >>> months(1.9677) == "1,97\u00a0mois", months(0.4)
    (True, "moins d'un mois")
    """
    if value is None:
        return MISSING
    if value < 1:
        return text("figures.less_than_a_month")
    return text("dates.months", value=number(value, 2))


def month_span(months_: list[str] | None) -> str:
    """The months a figure covers: ``janv. 2026`` or ``nov. 2025 – janv. 2026``.

    >>> month_span(["2025-11", "2025-12", "2026-01"]) == "nov. 2025 – janv. 2026"
    True
    """
    if not months_:
        return MISSING
    first, last = month_label(months_[0]), month_label(months_[-1])
    return first if first == last else f"{first} – {last}"


def period(months_: list[str] | None) -> str:
    """A figure's period in words: ``janv. 2026``, ``3 mois, nov. 2025 – janv. 2026``.

    >>> period(["2026-01"]), period([])
    ('janv. 2026', 'aucun mois complet')
    """
    if not months_:
        return text("figures.period.none")
    if len(months_) == 1:
        return text("figures.period.one", span=month_span(months_))
    return text("figures.period.many", count=len(months_), span=month_span(months_))


def month_label(month: str | None, long: bool = False) -> str:
    """A month as French readers write it.

    >>> month_label("2026-01"), month_label("2026-01", long=True)
    ('janv. 2026', 'janvier 2026')
    """
    if not month:
        return MISSING
    year, index = month.split("-")
    return f"{(MONTH_NAMES if long else MONTHS)[int(index) - 1]} {year}"


def day_number(day: date) -> str:
    """A day of the month as French writes it: ``1er``, ``2``, ``31``."""
    return text("dates.first_day") if day.day == 1 else str(day.day)


def days_span(first: date, last: date) -> str:
    """Two days in words, saying the month and year once when they share them.

    >>> days_span(date(2026, 11, 23), date(2026, 11, 29))
    'du 23 au 29 novembre 2026'
    >>> days_span(date(2026, 9, 28), date(2026, 10, 4))
    'du 28 septembre au 4 octobre 2026'
    >>> days_span(date(2025, 12, 29), date(2026, 1, 4))
    'du 29 décembre 2025 au 4 janvier 2026'
    """
    end = day_label(last)
    if (first.year, first.month) == (last.year, last.month):
        start = day_number(first)
    elif first.year == last.year:
        start = f"{day_number(first)} {MONTH_NAMES[first.month - 1]}"
    else:
        start = day_label(first)
    return text("dates.span", first=start, last=end)


def week_label(week: str | None) -> str:
    """An ISO week as people read it: its Monday to its Sunday (files keep ``2026-W48``).

    >>> week_label("2026-W48")
    'semaine du 23 au 29 novembre 2026'
    """
    if not week:
        return MISSING
    return text("dates.week", days=week_days(week))


def week_days(week: str | None) -> str:
    """An ISO week's days, for a table column already titled « Semaine ».

    >>> week_days("2026-W01")
    'du 29 décembre 2025 au 4 janvier 2026'
    """
    if not week:
        return MISSING
    return days_span(week_monday(week), week_sunday(week))


def week_period(weeks: list[str] | None) -> str:
    """The weeks a mean covers: one week in words, or their count and days.

    >>> week_period(["2026-W06", "2026-W07", "2026-W09"])
    '3 semaines, du 2 février au 1er mars 2026'
    """
    if not weeks:
        return MISSING
    if len(weeks) == 1:
        return week_label(weeks[0])
    days = days_span(week_monday(weeks[0]), week_sunday(weeks[-1]))
    return text("figures.weeks.many", count=len(weeks), days=days)


def week_start(week: str | None) -> str:
    """The Monday of a week, for « depuis le … ».

    >>> week_start("2026-W33")
    '10 août 2026'
    """
    return day_label(week_monday(week)) if week else MISSING


def period_label(period: str | None) -> str:
    """A week, a month or a date from a file, in words.

    >>> period_label("2026-W40"), period_label("2026-09"), period_label("2026-04-30")
    ('semaine du 28 septembre au 4 octobre 2026', 'septembre 2026', '30 avril 2026')
    """
    if not period:
        return MISSING
    kind = period_kind(period)
    if kind == "week":
        return week_label(period)
    if kind == "month":
        return month_label(period, long=True)
    return day_label(date.fromisoformat(period[:10]))


def day_label(day: date | None) -> str:
    """A date in words.

    >>> day_label(date(2026, 1, 5)), day_label(date(2026, 6, 1))
    ('5 janvier 2026', '1er juin 2026')
    """
    if day is None:
        return MISSING
    return f"{day_number(day)} {MONTH_NAMES[day.month - 1]} {day.year}"


FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "decimal": decimal,
    "signed": signed,
    "money": money,
    "percent": percent,
    "change": change,
    "points": points,
    "score": number,
    "count": count,
    "month_span": month_span,
    "period": period,
    "hours": hours,
    "minutes": minutes,
    "months": months,
    "month_label": month_label,
    "week_label": week_label,
    "week_days": week_days,
    "week_start": week_start,
    "period_label": period_label,
    "week_period": week_period,
    "day_label": day_label,
}
