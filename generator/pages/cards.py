"""The home page's headline cards and the bands' texts: what a value means, in French."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.core.format import (
    FILTERS,
    bound,
    hours,
    money,
    month_label,
    number,
    period,
    week_period,
)
from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES, Headline
from generator.input.company import Company
from generator.metrics.bands import edges
from generator.pages.ranges import metric_range


@dataclass(frozen=True)
class Card:
    """A headline metric on the home page, or a dashboard's tile (``pages.tiles``): value,
    band and the sentence explaining it; a tile adds its change against the period it is
    compared with (``change``), the mark of a warning about it (``warned``) and its metric's key
    (``metric``: without a value, the tile says what feeds it); a € figure adds its range
    (``range``, ``pages.ranges``)."""

    key: str
    title: Markup
    value: str
    unit: Markup
    detail: Markup
    band: str
    band_label: Markup
    sentence: Markup
    link: str
    change: str = ""  # Markup when set: our own words and numbers
    warned: str = ""
    metric: str = ""
    range: str = ""  # Markup when set: our own words and numbers


BAND_TONES = {
    "none": "note",
    "top10": "success",
    "upper_average": "success",
    "excellent": "success",
    "profitable": "info",
    "normal": "info",
    "good": "info",
}


def trusted(node: Any) -> Any:
    """Catalogue text is ours: mark every string of ``node`` as Markup (not escaped)."""
    if isinstance(node, dict):
        return {key: trusted(value) for key, value in node.items()}
    if isinstance(node, list):
        return [trusted(value) for value in node]
    return Markup(node) if isinstance(node, str) else node


EDGE_NAMES: dict[int, tuple[str, ...]] = {2: ("low", "high"), 3: ("low", "mid", "high")}
"""The placeholders of a metric's edges in its texts, by number of edges, ascending."""


def band_numbers(key: str, company: Company) -> dict[str, str]:
    """The numbers the texts of a metric's bands and advice quote, from the company's
    settings: its edges in force (``{low}``, ``{mid}``, ``{high}``) and ``{uses}``, the
    weekly uses that make an active user. The texts write the units."""
    limits = edges(company.thresholds, key) if key in DEFAULT_EDGES else ()
    names = EDGE_NAMES.get(len(limits), ())
    quoted = {name: bound(edge) for name, edge in zip(names, limits, strict=True)}
    return {**quoted, "uses": bound(company.active_uses_per_week)}


def band_info(key: str, band: str | None, company: Company) -> dict[str, Markup]:
    """Label, explaining sentence (with the company's edges) and admonition tone of a
    metric's band."""
    texts = catalogue()["bands"]
    chosen = texts["none"] if band is None else texts[key][band]
    sentence = str(chosen["sentence"]).format(**band_numbers(key, company))
    tone = BAND_TONES.get(band or "none", "warning")
    return trusted({**chosen, "sentence": sentence, "tone": tone})


def advice(key: str, company: Company) -> list[Markup]:
    """What to do with a metric's result (its guide's advice), with the company's edges."""
    numbers = band_numbers(key, company)
    return trusted([str(line).format(**numbers) for line in catalogue()["guide"][key]["advice"]])


def card_detail(key: str, metric: dict[str, Any]) -> str:
    """The figures behind a card's value, in one French sentence (empty without data)."""
    weeks = metric.get("weeks") or [{}]  # the latest week's counts: the public report has no
    latest = weeks[-1]  # per-person statuses to count
    values: dict[str, str] = {
        "time_saved": hours(metric.get("hours_per_person_month")),
        "weeks": week_period(metric.get("weeks_used")),
        "adoption_active": number(latest.get("active")),
        "adoption_trained": number(latest.get("trained")),
        "cost": money(metric.get("cost"), 2),
        "hours": hours(metric.get("hours")),
        "month": month_label(metric.get("month"), long=True),
        "investment": money(metric.get("investment")),
        "gain": money(metric.get("net_gain_per_month")),
        "time_lost": hours(negated(metric.get("hours_per_person_month"))),
        "hours_lost": hours(negated(metric.get("hours"))),
        "period": period(metric.get("months_used")),
    }
    if metric.get("band") is None:
        return ""
    detail = "detail_loss" if metric["band"] == "loss" else "detail"
    return str(catalogue()["metrics"][key][detail]).format(**values)


def negated(value: float | None) -> float | None:
    """Hours lost, from hours saved below zero."""
    return None if value is None else -value


def card(key: str, headline: Headline, metric: dict[str, Any], link: str, company: Company) -> Card:
    """The home-page card of a metric with a headline (the four month-1 metrics)."""
    show: Any = FILTERS[headline.formatter]
    value = metric[headline.field]
    shown = show(value) if headline.decimals is None else show(value, headline.decimals)
    band_text = band_info(key, metric["band"], company)
    return Card(
        key=key,
        title=Markup(catalogue()["metrics"][key]["short"]),
        value=shown,
        unit=Markup(catalogue()["metrics"][key].get("unit", "")),
        detail=Markup(card_detail(key, metric)),
        band=metric["band"] or "none",
        band_label=band_text["label"],
        sentence=band_text["sentence"],
        link=link,
        range=Markup(metric_range(key, metric, company)),
    )
