"""What a figure is, and the small helpers every figure builder shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.core.i18n import catalogue
from generator.core.periods import week_monday

if TYPE_CHECKING:
    import altair as alt


@dataclass(frozen=True)
class Figure:
    """A chart as the page shows it: title, a sentence saying what it shows, the Vega-Lite
    spec (aggregated points only) and the data table printed beside it."""

    id: str
    title: str
    summary: str
    spec: dict[str, Any]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ChartLabels:
    """How identifiers from the data are shown: people, tasks, and the company's settings."""

    names: dict[str, str]
    tasks: dict[str, str]
    deployed_month: str
    edges: dict[str, tuple[float, ...]]
    alternatives: dict[str, float]


Builder = Callable[[dict[str, Any], ChartLabels], "Figure | None"]


def texts(figure_id: str) -> dict[str, Any]:
    """The catalogue entry of a figure (title, summary, axis titles, table columns)."""
    entry: dict[str, Any] = catalogue()["charts"][figure_id]
    return entry


def figure(
    figure_id: str,
    chart: alt.TopLevelMixin,
    summary_values: dict[str, str],
    rows: Sequence[Sequence[str]],
) -> Figure:
    """Assemble a :class:`Figure` from its chart, its summary values and its table rows."""
    entry = texts(figure_id)
    return Figure(
        id=figure_id,
        title=entry["title"],
        summary=entry["summary"].format(**summary_values),
        spec=chart.to_dict(validate=False),  # the schema check is a test: a fifth of a build
        columns=tuple(entry["columns"]),
        rows=tuple(tuple(row) for row in rows),
    )


def with_tips(
    figure_id: str, points: Sequence[dict[str, Any]], **parts: Callable[[dict[str, Any]], str]
) -> list[dict[str, Any]]:
    """Each point with its ``tip``: the figure's catalogue sentence filled with ``parts``,
    each a function of the point (the mark's ARIA label, shown as its tooltip)."""
    template: str = texts(figure_id)["tip"]
    return [
        {**point, "tip": template.format(**{key: part(point) for key, part in parts.items()})}
        for point in points
    ]


def with_monday(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Weekly rows with the week's Monday as an ISO date, for a time axis."""
    return [{**row, "monday": week_monday(row["week"]).isoformat()} for row in rows]


def with_day(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Monthly rows with ``month`` as the month's first day, for a time axis."""
    return [{**row, "month": f"{row['month']}-01"} for row in rows]
