"""The € ranges in words (``metrics.ranges`` computes them): one sentence per figure, the same
on the home cards, the dashboard's tiles and the metric pages, and what the range says about
the band edges. The words live under ``ranges`` in ``locales/fr-metrics.yml``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.core.format import bound, hours, money, month_label, number
from generator.core.i18n import catalogue
from generator.input.company import Company
from generator.metrics.bands import cost_per_hour_band, edges, payback_band
from generator.metrics.ranges import edges_crossed

SHOW: dict[str, Callable[[float | None], str]] = {
    "cost_per_hour": lambda v: money(v, 2),
    "net_gain": money,
    "payback": lambda v: number(v, 2),
}
"""How each ranged figure shows its numbers: « 5,96 € », « 2 470 € », « 1,82 » (mois)."""

BANDS: dict[str, Callable[[float, tuple[float, ...]], str | None]] = {
    "cost_per_hour": lambda value, limits: cost_per_hour_band(value, limits),
    "payback": lambda months, limits: payback_band(months, None, limits),
}
"""The band of a value of the banded ranged figures, with the company's edges."""

SHOWN_DECIMALS = 2
"""The decimals of the banded ranged figures as shown (« 5,96 € », « 1,82 » mois)."""

VALUE = {"cost_per_hour": "value", "payback": "months"}
"""The field of each banded metric that its range surrounds (its home card's value)."""


def range_text(key: str, value: float | None, low: float | None, high: float | None) -> str:
    """« entre 4,50 € et 9,76 € par heure (probable : 5,96 €) », « au moins … » when the high
    end is open, « sans écart mesurable » when both ends show the same; empty without a range.

    >>> range_text("payback", 1.82, 1.34, None)
    'au moins 1,34 mois (probable : 1,82), ou pas remboursé'
    >>> range_text("cost_per_hour", 5.96, None, None)
    ''
    """
    if value is None or low is None:
        return ""
    words, show = catalogue()["ranges"], SHOW[key]
    if high is None:
        return str(words["open"][key]).format(low=show(low), value=show(value))
    if show(low) == show(high):
        return str(words["point"][key]).format(value=show(value))
    return str(words["shown"][key]).format(low=show(low), high=show(high), value=show(value))


def range_basis(sources: list[str], link: str) -> str:
    """What a range takes into account, with the link to how it is made.

    >>> range_basis(["weeks"], "m.md").startswith("La fourchette tient compte des variations")
    True
    """
    words = catalogue()["ranges"]
    said = str(words["join"]).join(str(words["sources"][s]) for s in sources)
    return str(words["basis"]).format(sources=said, link=link)


def hours_text(metric: dict[str, Any]) -> str:
    """The low and high hours saved behind the cost per hour's range; empty without one or
    when they show the same."""
    if metric.get("hours_low") is None or hours(metric["hours_low"]) == hours(metric["hours_high"]):
        return ""
    return str(catalogue()["ranges"]["hours"]).format(
        month=month_label(metric["month"], long=True),
        low=hours(metric["hours_low"]),
        high=hours(metric["hours_high"]),
        value=hours(metric["hours"]),
    )


def as_shown(end: float | None) -> float | None:
    """A range's end as the page shows it (2 decimals), so that the edge sentence agrees with
    the figures beside it: a high end of 10,004 € reads « 10,00 € » and reaches 10 €/h, it does
    not pass it.

    >>> as_shown(10.004), as_shown(None)
    (10.0, None)
    """
    return None if end is None else round(end, SHOWN_DECIMALS)


def crossings(key: str, metric: dict[str, Any], company: Company) -> list[str]:
    """The sentences that say which band edges the range reaches beyond the likely value's
    band (« selon l'incertitude, le coût pourrait dépasser 10 €/h »), or, instead of the
    edges above, that its high end is open; none when the range stays in the band."""
    limits = edges(company.thresholds, key)
    value, low, high = metric[VALUE[key]], as_shown(metric["low"]), as_shown(metric["high"])
    crossed = edges_crossed(value, low, high, lambda x: BANDS[key](x, limits), limits)
    words = catalogue()["ranges"]["crosses"][key]
    lines = []
    for side, end in (("above", high), ("below", low)):
        edge = crossed[side]
        if edge is not None and end is not None:
            reached = "reaches_" if end == edge else ""
            lines.append(str(words[reached + side]).format(edge=bound(edge)))
    if low is not None and high is None:  # past every edge: no hour saved, never repaid
        lines.insert(0, str(words["open"]))
    return lines


def card_range(key: str, value: float | None, low: float | None, high: float | None) -> str:
    """A card's or a tile's range line, « Fourchette : entre … »; empty without a range."""
    shown = range_text(key, value, low, high)
    return str(catalogue()["ranges"]["card"]).format(range=shown) if shown else ""


def with_edges(key: str, line: str, metric: dict[str, Any], company: Company) -> str:
    """A card's range line followed by the first band edge its range reaches, so that a card's
    band (read on the likely value) never reads as certain when the range leaves it."""
    if not line or key not in BANDS:
        return line
    said = crossings(key, metric, company)
    return (
        str(catalogue()["ranges"]["card_edge"]).format(range=line, edge=said[0]) if said else line
    )


def metric_range(key: str, metric: dict[str, Any], company: Company) -> str:
    """The range line of a home card: its metric's, for the ranged metrics only."""
    if key not in VALUE:
        return ""
    line = card_range(key, metric[VALUE[key]], metric.get("low"), metric.get("high"))
    return with_edges(key, line, metric, company)


def figure_range(key: str, figure: dict[str, Any], company: Company) -> str:
    """A € tile's range line, from its key figure's ``value``, ``low`` and ``high``."""
    line = card_range(key, figure["value"], figure.get("low"), figure.get("high"))
    if key not in VALUE:
        return line
    metric = {VALUE[key]: figure["value"], "low": figure.get("low"), "high": figure.get("high")}
    return with_edges(key, line, metric, company)
