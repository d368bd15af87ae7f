"""One function per chart: rows of aggregated points in, an Altair chart out.

A chart is a value (``chart.to_dict()`` validates it). Every chart gets the same look from
:func:`themed`, applied per chart (no global theme). Axis and legend titles come from the
caller (the catalogue); axis numbers and dates are formatted by Vega with the French locale.

What a reader is told of a mark comes from the caller too: each point carries a ``tip``, a
French sentence formatted by ``core.format``, which Vega writes as the mark's ARIA label (the
site shows it as the tooltip). Axes and legends are hidden from screen readers: the chart's
summary and its table say what they would. Names are wrapped, never cut, and the value axis
ends on a round tick at or beyond the largest value (:func:`nice_ticks`).
"""

from __future__ import annotations

import json
import math
import textwrap
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Final

import altair as alt

from generator.figures.vega import HEIGHT

Rows = Sequence[dict[str, Any]]
# The build measures each text to lay the chart out; a reader's browser then draws it in its
# own font. Arial, present on Windows, macOS and iOS, and Liberation Sans, its metric twin on
# Linux (vl-convert measures with it), keep names where the layout put them.
FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
GOOD, WARN, MAIN, MUTED = "#2e7d32", "#c62828", "#3f51b5", "#9e9e9e"
MONTH_FORMAT = "%b %Y"
# Dates travel as "2026-02-01" strings, which JavaScript reads as midnight UTC. Vega's plain
# time units (``yearmonth``) and time scales work in the viewer's time zone: west of UTC,
# midnight UTC on 1 February is still 31 January, and the chart showed January. Every time
# unit and time scale is a UTC one, so the static SVG (rendered in the build machine's zone)
# and the browser's chart are the same everywhere.
MONTH_UNIT: Final = "utcyearmonth"
WRAP: Final = 30  # characters per line of a name on an axis or in a legend
TICKS: Final = 5  # at most this many intervals on a value axis
TIP: Final = alt.Description("tip:N")


def nice_ticks(low: float, high: float, count: int = TICKS) -> list[float]:
    """Round ticks (1, 2 or 5 × 10ⁿ apart) from at most 0 to at least ``high``: the last one
    is at or beyond the largest value, the first at or below the smallest and zero.

    >>> nice_ticks(0, 44.5)
    [0, 10, 20, 30, 40, 50]
    >>> nice_ticks(-1200, 3100)
    [-2000, 0, 2000, 4000]
    >>> nice_ticks(0, 0.3)
    [0, 0.1, 0.2, 0.3]
    >>> nice_ticks(0, 0)
    [0, 0.2, 0.4, 0.6, 0.8, 1]
    """
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1
    magnitude = 10 ** math.floor(math.log10((high - low) / count))
    for factor in (1, 2, 5, 10, 20, 50):
        step = factor * magnitude
        first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        if last - first <= count:
            break
    return [tidy(i * step) for i in range(first, last + 1)]


def tidy(value: float) -> float:
    """A tick without float noise (``0.30000000000000004`` → ``0.3``), whole as an int."""
    rounded = round(value, 9)
    return int(rounded) if rounded == int(rounded) else rounded


def value_scale(values: Sequence[float]) -> dict[str, Any]:
    """The ``scale`` and ``axis`` arguments of a value channel that covers ``values``."""
    ticks = nice_ticks(min(values, default=0.0), max(values, default=0.0))
    return {
        "scale": alt.Scale(domain=[ticks[0], ticks[-1]], nice=False),
        "axis": alt.Axis(values=ticks),
    }


def stack_totals(rows: Rows, key: str, field: str) -> list[float]:
    """The height of each stack: the positive and the negative parts, per ``key``."""
    tops: dict[Any, float] = defaultdict(float)
    bottoms: dict[Any, float] = defaultdict(float)
    for row in rows:
        value = row[field] or 0.0
        (tops if value > 0 else bottoms)[row[key]] += value
    return [*tops.values(), *bottoms.values()]


def wrapped_lines(name: str) -> list[str]:
    """A name on lines of at most :data:`WRAP` characters, cut between words only (a word
    longer than a line stays whole)."""
    return textwrap.wrap(name, WRAP, break_long_words=False, break_on_hyphens=False) or [name]


def wrapped(names: Sequence[str]) -> str:
    """A Vega expression showing each name on lines of at most :data:`WRAP` characters
    (``labelLimit`` 0: nothing is cut). Names are JSON strings: data cannot become code.

    >>> wrapped(["Devis"])
    'datum.label'
    >>> wrapped(["Relance des factures impayées des clients"]).split(": ")[1]
    '["Relance des factures impayées", "des clients"]})[datum.label] || datum.label'
    """
    lines = {name: wrapped_lines(name) for name in names if len(name) > WRAP}
    if not lines:
        return "datum.label"
    return f"({json.dumps(lines, ensure_ascii=False)})[datum.label] || datum.label"


LINE_PX: Final = 13  # a line of an 11 px label
BAR_PX: Final = 12  # the thinnest bar still easy to point at


def band_height(rows: Rows, bars_per_name: int = 1, field: str = "label") -> int:
    """A bar chart's height: each name gets room for its wrapped lines and its bars.

    >>> band_height([{"label": "Devis"}, {"label": "Relance des factures impayées des clients"}])
    76
    """
    names = {str(row[field]) for row in rows}
    lines = max((len(wrapped_lines(name)) for name in names), default=1)
    return len(names) * (max(lines * LINE_PX, bars_per_name * BAR_PX) + 12)


def names_axis(rows: Rows, field: str = "label") -> alt.Axis:
    """An axis of names, each whole, wrapped on lines."""
    names = sorted({str(row[field]) for row in rows})
    return alt.Axis(labelLimit=0, labelLineHeight=LINE_PX, labelExpr=wrapped(names))


def names_legend(rows: Rows, field: str, title: str | None) -> alt.Legend:
    names = sorted({str(row[field]) for row in rows})
    return alt.Legend(title=title, labelLimit=0, labelExpr=wrapped(names))


def themed(chart: alt.TopLevelMixin, height: int = HEIGHT) -> alt.TopLevelMixin:
    """The house look: one font, light grid, no frame, responsive width."""
    return (
        chart.properties(width="container", height=height)
        .configure(font=FONT)
        .configure_axis(labelFontSize=11, titleFontSize=11, gridColor="#e0e0e0", aria=False)
        .configure_legend(
            orient="bottom", columns=2, labelFontSize=11, titleFontSize=11, aria=False
        )
        .configure_view(stroke=None)
    )


def data(rows: Rows) -> alt.Data:
    return alt.Data(values=[dict(row) for row in rows])


def month_x(title: str | None = None) -> alt.X:
    return alt.X("month:T", timeUnit=MONTH_UNIT, title=title, axis=alt.Axis(format=MONTH_FORMAT))


def week_x(title: str | None = None) -> alt.X:
    return alt.X(
        "monday:T", title=title, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%-d %b")
    )


def deployment_rule(month: str) -> alt.Chart:
    """A dashed vertical line at the month of deployment: before it, the baseline."""
    rule = alt.Chart(data([{"month": month}])).mark_rule(strokeDash=[4, 4], color=MUTED, aria=False)
    return rule.encode(x=alt.X("month:T", timeUnit=MONTH_UNIT))


def band_rules(edges: Sequence[float], field: str) -> alt.Chart:
    """Horizontal dashed lines at a metric's band edges."""
    rows = [{field: edge} for edge in edges]
    rule = alt.Chart(data(rows)).mark_rule(strokeDash=[6, 3], color=MUTED, aria=False)
    return rule.encode(y=f"{field}:Q")


def adoption_chart(
    weeks: Rows, edges: Sequence[float], titles: dict[str, str]
) -> alt.TopLevelMixin:
    """Weekly adoption rate (%), with the band edges (30 % and 60 % by default) drawn."""
    line = (
        alt.Chart(data(weeks))
        .mark_line(point=True, color=MAIN)
        .encode(
            x=week_x(),
            y=alt.Y("rate:Q", title=titles["y"], scale=alt.Scale(domain=[0, 100])),
            description=TIP,
        )
    )
    return themed(alt.layer(band_rules(edges, "rate"), line))


def stacked_weeks_chart(rows: Rows, titles: dict[str, str]) -> alt.TopLevelMixin:
    """Hours saved per week, stacked by task."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            x=week_x(),
            y=alt.Y(
                "sum(hours):Q",
                title=titles["y"],
                **value_scale(stack_totals(rows, "monday", "hours")),
            ),
            color=alt.Color("label:N", legend=names_legend(rows, "label", titles["color"])),
            description=TIP,
        )
    )
    return themed(bars)


def weekly_line_chart(rows: Rows, field: str, titles: dict[str, str]) -> alt.TopLevelMixin:
    """One value per week as a line (e.g. hours saved per person)."""
    line = (
        alt.Chart(data(rows))
        .mark_line(point=True, color=MAIN)
        .encode(
            x=week_x(),
            y=alt.Y(f"{field}:Q", title=titles["y"], **value_scale(values(rows, field))),
            description=TIP,
        )
    )
    return themed(line)


def values(rows: Rows, field: str) -> list[float]:
    return [row[field] for row in rows if row.get(field) is not None]


def monthly_line_chart(
    rows: Rows, field: str, titles: dict[str, str], deployed: str | None = None
) -> alt.TopLevelMixin:
    """Monthly values as lines (one per ``series`` when rows carry it), deployment marked."""
    has_series = any("series" in row for row in rows)
    encoding: dict[str, Any] = {
        "x": month_x(),
        "y": alt.Y(f"{field}:Q", title=titles["y"], **value_scale(values(rows, field))),
        "description": TIP,
    }
    if has_series:
        encoding["color"] = alt.Color(
            "series:N", legend=names_legend(rows, "series", titles.get("color") or None)
        )
    mark = alt.Chart(data(rows))
    line = mark.mark_line(point=True) if has_series else mark.mark_line(point=True, color=MAIN)
    layers = [line.encode(**encoding)]
    if deployed:
        layers.insert(0, deployment_rule(deployed))
    return themed(alt.layer(*layers))


def stacked_months_chart(rows: Rows, field: str, titles: dict[str, str]) -> alt.TopLevelMixin:
    """Monthly amounts stacked by ``series`` (e.g. spending by category)."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            x=month_x(),
            y=alt.Y(
                f"sum({field}):Q",
                title=titles["y"],
                **value_scale(stack_totals(rows, "month", field)),
            ),
            color=alt.Color("series:N", legend=names_legend(rows, "series", titles["color"])),
            description=TIP,
        )
    )
    return themed(bars)


def cumulative_chart(
    rows: Rows, break_even: str | None, titles: dict[str, str]
) -> alt.TopLevelMixin:
    """Cumulative net gain per month, the zero line, and the break-even month marked."""
    zero = alt.Chart(data([{"cumulative": 0}])).mark_rule(color=MUTED, aria=False)
    zero = zero.encode(y="cumulative:Q")
    line = (
        alt.Chart(data(rows))
        .mark_line(point=True, color=MAIN)
        .encode(
            x=month_x(),
            y=alt.Y("cumulative:Q", title=titles["y"], **value_scale(values(rows, "cumulative"))),
            description=TIP,
        )
    )
    layers = [zero, line]
    if break_even:
        marked = [row for row in rows if row["month"] == break_even]
        point = alt.Chart(data(marked)).mark_point(size=160, color=GOOD, filled=True)
        layers.append(
            point.encode(x=alt.X("month:T", timeUnit=MONTH_UNIT), y="cumulative:Q", description=TIP)
        )
    return themed(alt.layer(*layers))


def grouped_bars_chart(rows: Rows, titles: dict[str, str]) -> alt.TopLevelMixin:
    """Before/after (or any ``period``) values side by side for each ``label``."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=names_axis(rows)),
            yOffset=alt.YOffset("period:N", sort=None),
            x=alt.X("value:Q", title=titles["x"], **value_scale(values(rows, "value"))),
            color=alt.Color(
                "period:N", title=None, sort=None, scale=alt.Scale(range=[MUTED, MAIN])
            ),
            description=TIP,
        )
    )
    return themed(bars, band_height(rows, 2))


def horizontal_bars_chart(rows: Rows, field: str, titles: dict[str, str]) -> alt.TopLevelMixin:
    """One bar per ``label``; rows with ``highlight`` true stand out (e.g. the AI's cost)."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=names_axis(rows)),
            x=alt.X(f"{field}:Q", title=titles["x"], **value_scale(values(rows, field))),
            color=alt.condition("datum.highlight", alt.value(MAIN), alt.value(MUTED)),
            description=TIP,
        )
    )
    return themed(bars, band_height(rows, 1))


def evolution_bars_chart(rows: Rows, titles: dict[str, str]) -> alt.TopLevelMixin:
    """Evolution in % per ``label``, green when it went the right way, red otherwise."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=names_axis(rows)),
            x=alt.X("evolution:Q", title=titles["x"], **value_scale(values(rows, "evolution"))),
            color=alt.condition("datum.improved", alt.value(GOOD), alt.value(WARN)),
            description=TIP,
        )
    )
    return themed(bars, band_height(rows, 1))
