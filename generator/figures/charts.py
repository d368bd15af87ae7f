"""One function per chart: rows of aggregated points in, an Altair chart out.

A chart is a value (``chart.to_dict()`` validates it). Every chart gets the same look from
:func:`themed`, applied per chart (no global theme). Axis and legend titles come from the
caller (the catalogue); numbers and dates are formatted by Vega with the French locale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import altair as alt

Rows = Sequence[dict[str, Any]]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HEIGHT = 260
GOOD, WARN, MAIN, MUTED = "#2e7d32", "#c62828", "#3f51b5", "#9e9e9e"
MONTH_FORMAT = "%b %Y"
# Dates travel as "2026-02-01" strings, which JavaScript reads as midnight UTC. Vega's plain
# time units (``yearmonth``) and time scales work in the viewer's time zone: west of UTC,
# midnight UTC on 1 February is still 31 January, and the chart showed January. Every time
# unit and time scale is a UTC one, so the static SVG (rendered in the build machine's zone)
# and the browser's chart are the same everywhere.
MONTH_UNIT: Final = "utcyearmonth"


def themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The house look: system font, light grid, no frame, responsive width."""
    return (
        chart.properties(width="container", height=HEIGHT)
        .configure(font=FONT)
        .configure_axis(labelFontSize=11, titleFontSize=11, gridColor="#e0e0e0")
        .configure_legend(
            orient="bottom", columns=3, labelFontSize=11, titleFontSize=11, labelLimit=200
        )
        .configure_view(stroke=None)
    )


def data(rows: Rows) -> alt.Data:
    return alt.Data(values=[dict(row) for row in rows])


def month_x(title: str | None = None) -> alt.X:
    return alt.X("month:T", timeUnit=MONTH_UNIT, title=title, axis=alt.Axis(format=MONTH_FORMAT))


def month_tip(title: str) -> alt.Tooltip:
    return alt.Tooltip("month:T", timeUnit=MONTH_UNIT, format="%B %Y", title=title)


def week_x(title: str | None = None) -> alt.X:
    return alt.X(
        "monday:T", title=title, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%d %b")
    )


def deployment_rule(month: str) -> alt.Chart:
    """A dashed vertical line at the month of deployment: before it, the baseline."""
    rule = alt.Chart(data([{"month": month}])).mark_rule(strokeDash=[4, 4], color=MUTED)
    return rule.encode(x=alt.X("month:T", timeUnit=MONTH_UNIT))


def band_rules(edges: Sequence[float], field: str) -> alt.Chart:
    """Horizontal dashed lines at a metric's band edges."""
    rows = [{field: edge} for edge in edges]
    return alt.Chart(data(rows)).mark_rule(strokeDash=[6, 3], color=MUTED).encode(y=f"{field}:Q")


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
            tooltip=[
                alt.Tooltip("week:N", title=titles["week"]),
                alt.Tooltip("rate:Q", format=".0f", title=titles["y"]),
                alt.Tooltip("active:Q", title=titles["active"]),
                alt.Tooltip("trained:Q", title=titles["trained"]),
            ],
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
            y=alt.Y("sum(hours):Q", title=titles["y"]),
            color=alt.Color("label:N", title=titles["color"]),
            tooltip=[
                alt.Tooltip("week:N", title=titles["week"]),
                alt.Tooltip("label:N", title=titles["color"]),
                alt.Tooltip("hours:Q", format=",.1f", title=titles["y"]),
            ],
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
            y=alt.Y(f"{field}:Q", title=titles["y"]),
            tooltip=[
                alt.Tooltip("week:N", title=titles["week"]),
                alt.Tooltip(f"{field}:Q", format=",.1f", title=titles["y"]),
            ],
        )
    )
    return themed(line)


def monthly_line_chart(
    rows: Rows, field: str, titles: dict[str, str], deployed: str | None = None, fmt: str = ",.1f"
) -> alt.TopLevelMixin:
    """Monthly values as lines (one per ``series`` when rows carry it), deployment marked."""
    has_series = any("series" in row for row in rows)
    encoding: dict[str, Any] = {
        "x": month_x(),
        "y": alt.Y(f"{field}:Q", title=titles["y"]),
        "tooltip": [
            month_tip(titles["month"]),
            alt.Tooltip(f"{field}:Q", format=fmt, title=titles["y"]),
        ],
    }
    if has_series:
        encoding["color"] = alt.Color("series:N", title=titles.get("color"))
        encoding["tooltip"].insert(1, alt.Tooltip("series:N", title=titles.get("color")))
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
            y=alt.Y(f"sum({field}):Q", title=titles["y"]),
            color=alt.Color("series:N", title=titles["color"]),
            tooltip=[
                month_tip(titles["month"]),
                alt.Tooltip("series:N", title=titles["color"]),
                alt.Tooltip(f"{field}:Q", format=",.0f", title=titles["y"]),
            ],
        )
    )
    return themed(bars)


def cumulative_chart(
    rows: Rows, break_even: str | None, titles: dict[str, str]
) -> alt.TopLevelMixin:
    """Cumulative net gain per month, the zero line, and the break-even month marked."""
    zero = alt.Chart(data([{"cumulative": 0}])).mark_rule(color=MUTED).encode(y="cumulative:Q")
    line = (
        alt.Chart(data(rows))
        .mark_line(point=True, color=MAIN)
        .encode(
            x=month_x(),
            y=alt.Y("cumulative:Q", title=titles["y"]),
            tooltip=[
                month_tip(titles["month"]),
                alt.Tooltip("cumulative:Q", format=",.0f", title=titles["y"]),
            ],
        )
    )
    layers = [zero, line]
    if break_even:
        marked = [row for row in rows if row["month"] == break_even]
        point = alt.Chart(data(marked)).mark_point(size=160, color=GOOD, filled=True)
        layers.append(point.encode(x=alt.X("month:T", timeUnit=MONTH_UNIT), y="cumulative:Q"))
    return themed(alt.layer(*layers))


def grouped_bars_chart(rows: Rows, titles: dict[str, str], fmt: str = ",.1f") -> alt.TopLevelMixin:
    """Before/after (or any ``period``) values side by side for each ``label``."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
            yOffset=alt.YOffset("period:N", sort=None),
            x=alt.X("value:Q", title=titles["x"]),
            color=alt.Color(
                "period:N", title=None, sort=None, scale=alt.Scale(range=[MUTED, MAIN])
            ),
            tooltip=[
                alt.Tooltip("label:N", title=titles["label"]),
                alt.Tooltip("period:N", title=titles["period"]),
                alt.Tooltip("value:Q", format=fmt, title=titles["x"]),
            ],
        )
    )
    return themed(bars)


def horizontal_bars_chart(
    rows: Rows, field: str, titles: dict[str, str], fmt: str = ",.1f"
) -> alt.TopLevelMixin:
    """One bar per ``label``; rows with ``highlight`` true stand out (e.g. the AI's cost)."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X(f"{field}:Q", title=titles["x"]),
            color=alt.condition("datum.highlight", alt.value(MAIN), alt.value(MUTED)),
            tooltip=[
                alt.Tooltip("label:N", title=titles["label"]),
                alt.Tooltip(f"{field}:Q", format=fmt, title=titles["x"]),
            ],
        )
    )
    return themed(bars)


def evolution_bars_chart(rows: Rows, titles: dict[str, str]) -> alt.TopLevelMixin:
    """Evolution in % per ``label``, green when it went the right way, red otherwise."""
    bars = (
        alt.Chart(data(rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("evolution:Q", title=titles["x"]),
            color=alt.condition("datum.improved", alt.value(GOOD), alt.value(WARN)),
            tooltip=[
                alt.Tooltip("label:N", title=titles["label"]),
                alt.Tooltip("evolution:Q", format="+,.1f", title=titles["x"]),
            ],
        )
    )
    return themed(bars)
