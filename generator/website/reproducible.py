"""Reproducible builds: the same data gives the same site, whatever the day of the build.

MkDocs dates the sitemap's ``lastmod`` and the gzip header of ``sitemap.xml.gz`` from
``SOURCE_DATE_EPOCH`` when it is set, else from the clock. We set it from the data (the
Sunday that ends the newest usage week) unless the caller's environment already sets it."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from generator.core.periods import report_stamp, week_monday
from generator.website.runner import EPOCH_VARIABLE, epoch_variable

VARIABLE = EPOCH_VARIABLE


def data_datetime(report: dict[str, Any]) -> datetime:
    """Midnight of the Sunday ending ``as_of.week``, else the workbooks' date."""
    week = report["as_of"].get("week")
    if not week:
        return report_stamp(report)
    monday = week_monday(week)
    return datetime(monday.year, monday.month, monday.day) + timedelta(days=6)


def data_epoch(report: dict[str, Any]) -> int:
    """``data_datetime`` as seconds since 1970-01-01 UTC.

    >>> data_epoch({"as_of": {"week": "2026-W40", "month": "2026-09"}})  # Sun 2026-10-04
    1791072000
    """
    return calendar.timegm(data_datetime(report).timetuple())


@contextmanager
def source_date_epoch(report: dict[str, Any]) -> Iterator[str]:
    """``SOURCE_DATE_EPOCH`` set from the data for the duration of a build; a value the caller
    set is kept (see ``generator.website.runner.epoch_variable``)."""
    with epoch_variable(data_epoch(report)) as value:
        yield value
