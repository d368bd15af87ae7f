"""Render the site's Markdown pages from Jinja2 templates. Templates only place values:
numbers are formatted by ``format.py`` filters, data text is escaped by ``escape.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.escape import finalize, markdown_text
from generator.format import FILTERS, hours, money, month_label, number
from generator.i18n import catalogue
from generator.load import Dataset
from generator.metrics import METRICS
from generator.parse import expected
from generator.schema import FILES, Column


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template renders it, its title in the nav."""

    path: str
    template: str
    title: str
    metric: str | None = None


def metric_pages() -> list[Page]:
    info = catalogue()["metrics"]
    return [
        Page(f"metriques/{info[key]['slug']}.md", f"metrics/{key}.md.j2", info[key]["title"], key)
        for key in METRICS
    ]


def all_pages() -> list[Page]:
    """Every generated page, in navigation order."""
    return [
        Page("index.md", "index.md.j2", "Accueil"),
        *metric_pages(),
        Page("donnees.md", "data.md.j2", "Vos données"),
    ]


def nav(pages: list[Page]) -> list[Any]:
    """The MkDocs ``nav``: home, the metrics grouped, the data page, then hand-written pages."""
    metrics = [{p.title: p.path} for p in pages if p.metric]
    others = [{p.title: p.path} for p in pages if not p.metric]
    return [others[0], {"Les 12 métriques": metrics}, *others[1:]]


@dataclass(frozen=True)
class Card:
    """A headline metric on the home page: value, band and the sentence explaining it."""

    key: str
    title: Markup
    value: str
    unit: Markup
    detail: str
    band: str
    band_label: Markup
    sentence: Markup
    link: str


HEADLINES: dict[str, tuple[str, str, int | None]] = {
    "time_saved": ("hours_per_person_week", "hours", None),
    "adoption": ("rate", "percent", None),
    "cost_per_hour": ("value", "money", 2),
    "payback": ("months", "months", None),
}


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


def band_info(key: str, band: str | None) -> dict[str, Markup]:
    """Label, explaining sentence and admonition tone of a metric's band."""
    texts = catalogue()["bands"]
    chosen = texts["none"] if band is None else texts[key][band]
    return trusted({**chosen, "tone": BAND_TONES.get(band or "none", "warning")})


def card_detail(key: str, metric: dict[str, Any]) -> str:
    """The figures behind a card's value, in one French sentence (empty without data)."""
    statuses = [p.get("status") for p in metric.get("people", [])]
    values: dict[str, str] = {
        "time_saved": hours(metric.get("hours_per_person_month")),
        "adoption_active": number(statuses.count("actif")),
        "adoption_trained": number(len(statuses)),
        "cost": money(metric.get("cost"), 2),
        "hours": hours(metric.get("hours")),
        "month": month_label(metric.get("month"), long=True),
        "investment": money(metric.get("investment")),
        "gain": money(metric.get("net_gain_per_month")),
    }
    if metric.get("band") is None:
        return ""
    return str(catalogue()["metrics"][key]["detail"]).format(**values)


def card(key: str, metric: dict[str, Any], page: Page) -> Card:
    """The home-page card of one of the four month-1 metrics."""
    field, formatter, decimals = HEADLINES[key]
    show: Any = FILTERS[formatter]
    shown = show(metric[field]) if decimals is None else show(metric[field], decimals)
    band_text = band_info(key, metric["band"])
    return Card(
        key=key,
        title=Markup(catalogue()["metrics"][key]["short"]),
        value=shown,
        unit=Markup(catalogue()["metrics"][key].get("unit", "")),
        detail=card_detail(key, metric),
        band=metric["band"] or "none",
        band_label=band_text["label"],
        sentence=band_text["sentence"],
        link=page.path.removeprefix("metriques/"),
    )


def css_class(value: object) -> Markup:
    """A value usable in a class attribute (bands and statuses are fixed identifiers)."""
    return Markup("".join(c for c in str(value) if c.isalnum() or c in "-_") or "none")


def expected_text(column: Column) -> str:
    """What a column accepts, in words, with its bounds (for the data documentation)."""
    words = expected(column)
    if column.min is not None and column.max is not None:
        return f"{words}, de {column.min:g} à {column.max:g}"
    if column.min is not None:
        return f"{words} ≥ {column.min:g}"
    return words


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.filters["css"] = css_class
    env.filters["text"] = markdown_text
    env.filters["trusted"] = Markup
    env.globals["band_info"] = band_info
    env.globals["fmt"] = FILTERS
    env.globals["expected_text"] = expected_text
    return env


def display_names(data: Dataset) -> dict[str, str]:
    """How each person appears: their name, or their id when names are hidden or blank."""
    people = data.frames["people"]
    show = data.company.show_names
    return {
        person: (name if show and name else person)
        for person, name in zip(people["person"], people["name"], strict=True)
    }


def context(data: Dataset, report: dict[str, Any], commit: str) -> dict[str, Any]:
    """Everything a template may place."""
    tasks = data.frames["tasks"]
    return {
        "report": report,
        "m": report["metrics"],
        "company": data.company,
        "t": trusted(catalogue()),
        "names": display_names(data),
        "task_labels": {
            t: (label or t) for t, label in zip(tasks["task"], tasks["label"], strict=True)
        },
        "files": FILES,
        "pages": {p.metric: p for p in all_pages() if p.metric},
        "commit": commit,
        "cards": [card(k, report["metrics"][k], metric_page(k)) for k in HEADLINES],
    }


def metric_page(key: str) -> Page:
    return next(p for p in metric_pages() if p.metric == key)


def render_pages(data: Dataset, report: dict[str, Any], docs_dir: Path, commit: str) -> list[Page]:
    """Write every page under ``docs_dir``; returns the pages written."""
    env = environment()
    values = context(data, report, commit)
    pages = all_pages()
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        info = trusted(catalogue()["metrics"].get(page.metric or "", {}))
        text = env.get_template(page.template).render(values, page=page, info=info, key=page.metric)
        target.write_text(text, encoding="utf-8")
    return pages
