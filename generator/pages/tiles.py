"""The dashboards' key figures as tiles: the home page's cards (``pages.cards.Card``) with
the change against the period compared and its basis, and a mark when « Points d'attention »
has a warning about the metric. The values come from ``metrics.json``'s ``key_figures``
(``generator.metrics.keyfigures``); the words from ``tiles`` in ``locales/fr-pages.yml``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from generator.core.format import FILTERS, change, money, period, points
from generator.core.i18n import catalogue, text
from generator.input.company import Company
from generator.pages.attention import concerns
from generator.pages.cards import BAND_TONES, Card, band_info
from generator.pages.escape import markdown_text
from generator.pages.ranges import SHOW, figure_range


@dataclass(frozen=True)
class Tile:
    """A key figure of a dashboard: ``key_figures[key]`` shown by ``formatter`` (a name of
    ``core.format.FILTERS``), linked to ``metric``'s page, whose band (``banded``) and
    warnings it carries; ``shift`` says how its change is shown (a name of ``SHIFTS``)."""

    key: str
    metric: str
    formatter: str
    decimals: int | None = None
    shift: str | None = None
    banded: bool = False


DASHBOARD_TILES: dict[str, tuple[Tile, ...]] = {
    "operationnel": (
        Tile("time_saved", "time_saved", "hours", shift="hours", banded=True),
        Tile("adoption", "adoption", "percent", shift="points", banded=True),
        Tile("alerts", "adoption", "count"),
        Tile("hours_last_week", "time_saved", "hours", shift="change"),
    ),
    "financier": (
        Tile("cost_per_hour", "cost_per_hour", "money", 2, shift="money", banded=True),
        Tile("payback", "payback", "months", banded=True),
        Tile("net_gain", "payback", "money"),
        Tile("investment", "payback", "money"),
    ),
    "business": (
        Tile("revenue", "revenue", "signed_money"),
        Tile("capacity", "capacity", "count", shift="change"),
        Tile("nps", "customer", "score", shift="points"),
        Tile("errors_avoided", "errors_avoided", "count"),
    ),
}
"""Each dashboard's tiles (``tableaux/<key>.md``), in reading order."""


def signed_with(show: Callable[..., str], value: float | None, decimals: int | None) -> str:
    """``value`` shown by ``show`` with its sign, none when it shows as zero: ``+2,9 h``."""
    if value is None:
        return show(None)
    shown = show(abs(value)) if decimals is None else show(abs(value), decimals)
    if not any(c in "123456789" for c in shown):
        return shown
    return ("+" if value > 0 else "\u2212") + shown


SHIFTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "hours": lambda f: signed_with(FILTERS["hours"], f["change"], None),
    "money": lambda f: signed_with(money, f["change"], 2),
    "points": lambda f: points(f["change"]),
    "change": lambda f: change(f["evolution"]),
}
"""How a tile shows its change: in the value's unit, in points (a rate, a score), in %."""

TILE_FORMATS: dict[str, Callable[..., str]] = {
    **FILTERS,
    "signed_money": lambda value: signed_with(money, value, None),
}


def moved(shown: str, figure: dict[str, Any]) -> str:
    """The change's direction in words: up, down, or flat when it shows as zero."""
    if not any(c in "123456789" for c in shown):
        return "flat"
    return "up" if figure["change"] > 0 else "down"


def shift_line(tile: Tile, figure: dict[str, Any]) -> str:
    """« ▲ +2,9 h vs les 4 semaines précédentes », or the basis alone for a value that is a
    comparison itself; empty without anything to compare with."""
    words = catalogue()["tiles"]
    basis = words["basis"].get(figure.get("basis") or "", "")
    if tile.shift is None or figure["change"] is None:
        return str(basis)
    shown = SHIFTS[tile.shift](figure)
    direction = moved(shown, figure)
    said = words["flat"] if direction == "flat" else f"{words[direction]} {shown}"
    return f"{said} {basis}"


def warned(metric: str, report: dict[str, Any]) -> str:
    """« ⚠ À vérifier : <the most serious warning's title> » when the page's « Points
    d'attention » has a warning about ``metric``, else empty."""
    detectors = catalogue()["detectors"]
    found = concerns(report["warnings"], [metric], detectors)
    if not found:
        return ""
    code = found[0].code
    return text("tiles.warned", title=(detectors.get(code) or detectors["other"])["title"])


def meaning(tile: Tile, figure: dict[str, Any], report: dict[str, Any], company: Company) -> str:
    """The tile's line of meaning: its band's sentence, else its own (with its numbers)."""
    words = catalogue()["tiles"]["figures"][tile.key]
    if tile.key == "alerts":
        return str(words["some" if figure["value"] else "none"])
    values = {
        "worth": money(figure.get("worth")),
        "hourly": money(company.hourly_value),
        "period": period(report["metrics"]["payback"]["months_used"]),
    }
    return str(words.get("meaning", "")).format(**values)


def band_of(tile: Tile, report: dict[str, Any]) -> str | None:
    """The band a banded tile shows (its metric's), else none."""
    return report["metrics"][tile.metric]["band"] if tile.banded else None


def measured(tile: Tile, figure: dict[str, Any], report: dict[str, Any]) -> bool:
    """Whether the tile has something to show: a value, or a band without one (a month of
    time lost has no cost per hour, but it has its band)."""
    return figure["value"] is not None or band_of(tile, report) is not None


def sentence(tile: Tile, figure: dict[str, Any], report: dict[str, Any], company: Company) -> str:
    """The tile's line of meaning; none without a measure (the template then says what feeds
    it)."""
    if not measured(tile, figure, report):
        return ""
    if tile.banded:
        return str(band_info(tile.metric, band_of(tile, report), company)["sentence"])
    return meaning(tile, figure, report, company)


def names_line(tile: Tile, report: dict[str, Any], names: Mapping[str, str]) -> str:
    """The complete report's alerts tile names the people (escaped: they are data); the
    public report has no names to give."""
    if tile.key != "alerts" or report["public"]:
        return ""
    people = [names.get(a["person"], a["person"]) for a in report["metrics"]["adoption"]["alerts"]]
    return ", ".join(markdown_text(p) for p in people)


def tile_range(tile: Tile, figure: dict[str, Any], company: Company) -> str:
    """A € tile's range line (its key figure's ``low`` and ``high``, and the first band edge
    the range reaches); empty for the others."""
    if tile.key not in SHOW:
        return ""
    return figure_range(tile.key, figure, company)


def tile_card(
    tile: Tile, report: dict[str, Any], company: Company, link: str, names: Mapping[str, str]
) -> Card:
    """A dashboard's tile: the card of its key figure."""
    figure = report["key_figures"][tile.key]
    words = catalogue()["tiles"]
    mark = warned(tile.metric, report)
    value = figure["value"]
    band = band_of(tile, report)
    info = band_info(tile.metric, band, company)
    empty = not measured(tile, figure, report)
    show = TILE_FORMATS[tile.formatter]
    return Card(
        key=tile.key,
        title=Markup(words["figures"][tile.key]["title"]),
        value=Markup(show(value) if tile.decimals is None else show(value, tile.decimals)),
        unit=Markup(words["figures"][tile.key]["unit"]),
        detail=Markup(names_line(tile, report, names)),
        band="none" if empty else shown_band(band or "plain", mark),
        band_label=info["label"] if empty or tile.banded else Markup(""),
        sentence=Markup(sentence(tile, figure, report, company)),
        link=link,
        change=Markup("" if value is None else shift_line(tile, figure)),
        warned=Markup(mark),
        metric=tile.metric,
        range=Markup(tile_range(tile, figure, company)),
    )


def dashboard_tiles(
    report: dict[str, Any], company: Company, links: Mapping[str, str], names: Mapping[str, str]
) -> dict[str, list[Card]]:
    """Each dashboard's tiles, by dashboard key; ``links``: each metric's page from a
    dashboard."""
    return {
        key: [tile_card(t, report, company, links[t.metric], names) for t in tiles]
        for key, tiles in DASHBOARD_TILES.items()
    }


def with_warning(card: Card, report: dict[str, Any]) -> Card:
    """A home-page card marked, like a tile, when a warning concerns its metric."""
    mark = warned(card.key, report)
    if not mark:
        return card
    return replace(card, warned=Markup(mark), band=shown_band(card.band, mark))


def shown_band(band: str, mark: str) -> str:
    """The band class of a card: a good or neutral band (``plain``: none to show) turns
    ``warned`` when a warning concerns the metric, so that it never looks like a success; a
    bad band (a loss, a problem) stays red; ``none`` (no data) stays grey."""
    good = band == "plain" or (band in BAND_TONES and band != "none")
    return "warned" if mark and good else band
