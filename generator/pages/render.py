"""Render the site's Markdown pages from Jinja2 templates. Templates only place values:
numbers are formatted by ``format.py`` filters, data text is escaped by ``escape.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.core.format import FILTERS
from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES
from generator.core.periods import month_of
from generator.figures import ChartLabels, Figure
from generator.figures.vega import spec_attribute
from generator.input.load import Dataset
from generator.input.parse import expected
from generator.input.schema import FILES, Column
from generator.input.settingvalues import settings_table
from generator.metrics import METRICS
from generator.metrics.bands import edges
from generator.metrics.business import revenue_total
from generator.pages.cards import HEADLINES, band_info, card, trusted
from generator.pages.escape import finalize, markdown_text
from generator.pages.forms import FORMS, form_views
from generator.pages.readiness import PHASE_FOCUS, checklist, phase
from generator.pages.templatecache import with_bytecode_cache
from generator.workbooks.downloads import Download


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


DASHBOARD_PAGES: tuple[Page, ...] = (
    Page(
        "tableaux/operationnel.md", "dashboards/operations.md.j2", "Tableau 1 – Suivi opérationnel"
    ),
    Page("tableaux/financier.md", "dashboards/finance.md.j2", "Tableau 2 – ROI financier"),
    Page("tableaux/business.md", "dashboards/business.md.j2", "Tableau 3 – Impact business"),
)


GUIDES: tuple[Page, ...] = (
    Page("questionnaires/repondre.md", "guides/employees.md.j2", "Répondre aux questionnaires"),
    Page("questionnaires/recevoir.md", "guides/manager.md.j2", "Recevoir les réponses"),
)


def form_pages() -> list[Page]:
    """The survey forms (« Questionnaires »), one page each, then the two guides to them."""
    texts = catalogue()["forms"]
    forms = [
        Page(f"questionnaires/{f.slug}.md", f"forms/{f.key}.md.j2", texts[f.key]["title"])
        for f in FORMS
    ]
    return [*forms, *GUIDES]


def all_pages() -> list[Page]:
    """Every generated page, in navigation order."""
    return [
        Page("index.md", "index.md.j2", "Accueil"),
        *DASHBOARD_PAGES,
        *form_pages(),
        *metric_pages(),
        Page("methode.md", "methode.md.j2", "Méthode"),
        Page("donnees.md", "data.md.j2", "Vos données"),
        Page("confidentialite.md", "privacy.md.j2", "Confidentialité"),
    ]


def nav(pages: list[Page]) -> list[Any]:
    """The MkDocs ``nav``: home, dashboards, forms, the metrics, then the other pages."""
    forms = form_pages()
    metrics = [{p.title: p.path} for p in pages if p.metric]
    dashboards = [{p.title: p.path} for p in pages if p in DASHBOARD_PAGES]
    surveys = [{p.title: p.path} for p in pages if p in forms]
    grouped = (*DASHBOARD_PAGES, *forms)
    others = [{p.title: p.path} for p in pages if not p.metric and p not in grouped]
    return [
        others[0],
        {"Tableaux de bord": dashboards},
        {catalogue()["forms"]["nav"]: surveys},
        {"Les 12 métriques": metrics},
        *others[1:],
    ]


METRIC_FIGURES: dict[str, tuple[str, ...]] = {
    "time_saved": ("time_saved", "hours_by_task"),
    "adoption": ("adoption",),
    "cost_per_hour": ("cost_per_hour", "alternatives"),
    "payback": ("cumulative", "value_vs_cost"),
    "errors_avoided": ("errors", "errors_months"),
    "customer": ("nps", "response", "complaints"),
    "deliverables": ("deliverables",),
    "mental_load": ("mental_load",),
    "revenue": ("revenue", "revenue_months"),
    "capacity": ("capacity",),
    "cac": ("cac",),
    "freed_time": ("freed_time", "freed_time_months"),
}


def root(page: Page) -> str:
    """The relative path from a page back to the docs root: ``../`` per folder level."""
    return "../" * page.path.count("/")


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


def formatted(formatter: Callable[..., str]) -> Callable[..., Markup]:
    """A number formatter whose output is trusted: it is digits, signs and units we wrote."""
    return lambda *args, **kwargs: Markup(formatter(*args, **kwargs))


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
    trusted_filters = {name: formatted(f) for name, f in FILTERS.items()}
    env.filters.update(trusted_filters)
    env.filters["css"] = css_class
    env.filters["text"] = markdown_text
    env.filters["trusted"] = Markup
    env.globals["band_info"] = band_info
    env.globals["fmt"] = trusted_filters
    env.globals["expected_text"] = expected_text
    env.globals["spec_attribute"] = spec_attribute
    env.globals["revenue_total"] = revenue_total
    return env


def labels(data: Dataset) -> ChartLabels:
    """How the figures name people and tasks, and the settings they draw."""
    company = data.company
    return ChartLabels(
        names=data.display_names(),
        tasks=data.task_labels(),
        deployed_month=month_of(company.deployed_on),
        edges={key: edges(company.thresholds, key) for key in DEFAULT_EDGES},
        alternatives=dict(company.alternatives),
    )


def context(
    data: Dataset,
    report: dict[str, Any],
    commit: str,
    figures: dict[str, Figure],
    downloads: Sequence[Download] = (),
) -> dict[str, Any]:
    """Everything a template may place."""
    return {
        "report": report,
        "m": report["metrics"],
        "company": data.company,
        "t": trusted(catalogue()),
        "names": data.display_names(),
        "forms": form_views(data, data.display_names()),
        "task_labels": data.task_labels(),
        "figures": figures,
        "downloads": {d.key: d for d in downloads},
        "metric_figures": METRIC_FIGURES,
        "phase": phase(report.get("rollout_month")),
        "phase_focus": PHASE_FOCUS,
        "checklist": checklist(report),
        "hours_by_person": {
            row["person"]: row["hours"] for row in report["metrics"]["time_saved"]["people"]
        },
        "files": FILES,
        "settings": trusted(settings_table()),
        "pages": {p.metric: p for p in all_pages() if p.metric},
        "commit": commit,
        "cards": [card(k, report["metrics"][k], metric_page(k).path) for k in HEADLINES],
    }


def metric_page(key: str) -> Page:
    return next(p for p in metric_pages() if p.metric == key)


def render_pages(
    data: Dataset,
    report: dict[str, Any],
    docs_dir: Path,
    commit: str,
    figures: dict[str, Figure],
    downloads: Sequence[Download] = (),
) -> list[Page]:
    """Write every page under ``docs_dir``; returns the pages written."""
    env = with_bytecode_cache(environment())
    values = context(data, report, commit, figures, downloads)
    pages = all_pages()
    for page in pages:
        target = docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        info = trusted(catalogue()["metrics"].get(page.metric or "", {}))
        text = env.get_template(page.template).render(
            values, page=page, info=info, key=page.metric, root=root(page)
        )
        target.write_text(text, encoding="utf-8")
    return pages
