"""Cell parsers: what a spreadsheet may write for each kind of value."""

from __future__ import annotations

import pytest

from generator.input.parse import TooEarly, parse_date, parse_month, parse_number, parse_week
from generator.input.schema import Column

MONEY = Column("amount", "number", money=True)
PLAIN = Column("minutes", "number")


@pytest.mark.parametrize(
    ("cell", "month"),
    [
        ("2026-01", "2026-01"),
        ("2026-1", "2026-01"),
        ("01/2026", "2026-01"),
        ("2026-01-31", "2026-01"),
        ("31/01/2026", "2026-01"),
        ("janv.-26", "2026-01"),
        ("Févr.-26", "2026-02"),
        ("mars-26", "2026-03"),
        ("mai 2026", "2026-05"),
        ("juil.-26", "2026-07"),
        ("août-26", "2026-08"),
        ("déc. 2025", "2025-12"),
        ("Septembre 2026", "2026-09"),
        ("sept.-26", "2026-09"),
        ("Oct-26", "2026-10"),  # English Excel
        ("February 2026", "2026-02"),
    ],
)
def test_months_as_excel_writes_them(cell, month):
    assert parse_month(cell) == month


@pytest.mark.parametrize(
    "cell",
    [
        *("2026-13", "13/2026", "mar-26", "2026", "janvier", "2026-00"),
        *("octopus-26", "novice 2026", "decor-26", "juinx-26", "maison 2026", "avrill-26"),
    ],
)
def test_impossible_months(cell):
    with pytest.raises(ValueError):
        parse_month(cell)


@pytest.mark.parametrize(
    ("cell", "week"),
    [
        ("2026-W03", "2026-W03"),
        ("2026-w3", "2026-W03"),
        ("2026W03", "2026-W03"),
        ("2026-01-14", "2026-W03"),
        ("14/01/2026", "2026-W03"),
        ("2026-W53", "2026-W53"),  # 2026 has 53 ISO weeks (it starts on a Thursday)
        ("01/01/2027", "2026-W53"),  # a date belongs to its ISO year
    ],
)
def test_weeks(cell, week):
    assert parse_week(cell) == week


@pytest.mark.parametrize("cell", ["2026-W54", "2025-W53", "2026-W00", "semaine 3"])
def test_impossible_weeks(cell):
    with pytest.raises(ValueError):
        parse_week(cell)


@pytest.mark.parametrize(
    ("parser", "cell"),
    [
        (parse_week, "1900-W02"),
        (parse_week, "1999-W52"),
        (parse_date, "1600-01-05"),
        (parse_date, "31/12/1999"),
        (parse_month, "1000-01"),
        (parse_month, "déc. 1999"),
    ],
)
def test_dates_before_2000_are_refused(parser, cell):
    with pytest.raises(TooEarly):
        parser(cell)


def test_the_first_day_of_2000_is_accepted():
    assert (parse_week("2000-01-03"), parse_month("2000-01")) == ("2000-W01", "2000-01")


@pytest.mark.parametrize("cell", ["31/02/2026", "2026-02-30", "2026/01/05", "05-01-2026"])
def test_impossible_or_ambiguous_dates(cell):
    with pytest.raises(ValueError):
        parse_date(cell)


def test_french_date_is_day_first():
    assert parse_date("02/03/2026").isoformat() == "2026-03-02"


@pytest.mark.parametrize(
    ("cell", "french", "value"),
    [
        ("12.5", False, 12.5),
        ("12,5", True, 12.5),
        ("12.5", True, 12.5),
        ("1\u202f550,00\u00a0€", True, 1550.0),
        ("1 550,00 €", True, 1550.0),
        ("-3", False, -3.0),
    ],
)
def test_numbers(cell, french, value):
    assert parse_number(cell, MONEY, french) == value


@pytest.mark.parametrize(
    ("cell", "french"), [("12,5", False), ("1.550,00", True), ("12 €", False), ("$12", False)]
)
def test_ambiguous_numbers_are_refused(cell, french):
    column = MONEY if "€" not in cell else PLAIN
    with pytest.raises(ValueError):
        parse_number(cell, column, french)
