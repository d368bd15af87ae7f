"""Render the site's Markdown pages from Jinja2 templates. Templates only place values:
numbers are formatted by ``format.py`` filters, data text is escaped by ``escape.py``."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.core.format import FILTERS
from generator.core.i18n import catalogue, text
from generator.core.method import DEFAULT_EDGES, METRIC_BY_KEY, METRICS
from generator.core.periods import month_of
from generator.figures import ChartLabels, Figure
from generator.figures.vega import inline_svg
from generator.input.csvread import ENCODINGS
from generator.input.dataset import Dataset
from generator.input.parse import expected
from generator.input.schema import FILES, Column
from generator.input.settingvalues import default_texts, settings_table
from generator.metrics.bands import edges
from generator.metrics.business import revenue_total
from generator.pages.attention import concerns, most_serious
from generator.pages.cards import advice, band_info, card, trusted
from generator.pages.escape import finalize, markdown_text
from generator.pages.forms import FORMS, form_views
from generator.pages.grid import SLUG as GRID_SLUG
from generator.pages.grid import grid_view
from generator.pages.ranges import crossings, hours_text, range_basis, range_text
from generator.pages.readiness import PHASE_FOCUS, checklist, phase
from generator.pages.scripts import PAGE_SCRIPTS
from generator.pages.templatecache import with_bytecode_cache
from generator.pages.tiles import dashboard_tiles, with_warning
from generator.pages.tools import tools_view
from generator.workbooks.downloads import Download


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template renders it, its title in the nav."""

    path: str
    template: str
    title: str
    metric: str | None = None


def metric_pages() -> list[Page]:
    """One page per metric of the method, in its order: ``metriques/<slug>.md``."""
    info = catalogue()["metrics"]
    return [
        Page(f"metriques/{m.slug}.md", f"metrics/{m.key}.md.j2", info[m.key]["title"], m.key)
        for m in METRICS
    ]


def dashboard_page(key: str, template: str) -> Page:
    """A dashboard's page, titled as its workbook (``downloads.dashboards.<key>.title``)."""
    return Page(f"tableaux/{key}.md", template, text(f"downloads.dashboards.{key}.title"))


DASHBOARD_PAGES: tuple[Page, ...] = (
    dashboard_page("operationnel", "dashboards/operations.md.j2"),
    dashboard_page("financier", "dashboards/finance.md.j2"),
    dashboard_page("business", "dashboards/business.md.j2"),
)


GUIDES: tuple[Page, ...] = (
    Page("questionnaires/repondre.md", "guides/employees.md.j2", text("pages.answer")),
    Page("questionnaires/recevoir.md", "guides/manager.md.j2", text("pages.receive")),
)


def form_pages() -> list[Page]:
    """The survey forms (« Questionnaires »), one page each, then the two guides to them."""
    texts = catalogue()["forms"]
    forms = [
        Page(f"questionnaires/{f.slug}.md", f"forms/{f.key}.md.j2", texts[f.key]["title"])
        for f in FORMS
    ]
    grid = Page(f"questionnaires/{GRID_SLUG}.md", "forms/team_week.md.j2", texts["grid"]["title"])
    return [*forms, grid, *GUIDES]


def all_pages() -> list[Page]:
    """Every generated page, in navigation order."""
    return [
        Page("index.md", "index.md.j2", text("pages.home")),
        *DASHBOARD_PAGES,
        *form_pages(),
        *metric_pages(),
        Page("methode.md", "methode.md.j2", text("pages.method")),
        Page("donnees.md", "data.md.j2", text("pages.data")),
        Page("confidentialite.md", "privacy.md.j2", text("pages.privacy")),
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
        {text("pages.dashboards"): dashboards},
        {catalogue()["forms"]["nav"]: surveys},
        {text("method.nav", count=len(METRICS)): metrics},
        *others[1:],
    ]


def root(page: Page) -> str:
    """The relative path from a page back to the docs root: ``../`` per folder level."""
    return "../" * page.path.count("/")


def css_class(value: object) -> Markup:
    """A value usable in a class attribute (bands and statuses are fixed identifiers)."""
    return Markup("".join(c for c in str(value) if c.isalnum() or c in "-_") or "none")


def accepted_encodings() -> Markup:
    """What the pages say of the encodings, one sentence per encoding the loader reads
    (catalogue text, trusted)."""
    return Markup(" ".join(text(f"loader.encodings.{encoding}") for encoding in ENCODINGS))


def expected_text(column: Column) -> str:
    """What a column accepts, in words, with its bounds (for the data documentation)."""
    words = expected(column)
    if column.min is not None and column.max is not None:
        return text("columns.range", words=words, min=column.min, max=column.max)
    if column.min is not None:
        return text("columns.at_least", words=words, min=column.min)
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
    env.globals["advice"] = advice
    env.globals["range_text"] = formatted(range_text)  # the catalogue's words, our numbers
    env.globals["range_basis"] = formatted(range_basis)
    env.globals["hours_text"] = formatted(hours_text)
    env.globals["crossings"] = lambda *args: trusted(crossings(*args))
    env.globals["concerns"] = concerns
    env.globals["most_serious"] = most_serious
    env.globals["fmt"] = trusted_filters
    env.globals["expected_text"] = expected_text
    env.globals["chart_svg"] = inline_svg
    env.globals["revenue_total"] = revenue_total
    env.globals["titles"] = {p.path: Markup(p.title) for p in all_pages()}  # links' texts
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
    c, names = data.company, data.display_names()
    return {
        "report": report,
        "m": report["metrics"],
        "company": data.company,
        "t": trusted(catalogue()),
        "accepted_encodings": accepted_encodings(),
        "names": data.display_names(),
        "forms": form_views(data, data.display_names()),
        "grid": grid_view(data, data.display_names()),
        "task_labels": data.task_labels(),
        "tool_labels": data.tool_labels(),
        "tools": tools_view(report, data.task_labels(), c.min_group_size),
        "figures": figures,
        "downloads": {d.key: d for d in downloads},
        "method": METRICS,
        "phase": phase(report.get("rollout_month")),
        "phase_focus": PHASE_FOCUS,
        "checklist": checklist(report),
        "hours_by_person": {
            row["person"]: row["hours"] for row in report["metrics"]["time_saved"]["people"]
        },
        "files": FILES,
        "settings": trusted(settings_table()),
        "defaults": trusted(default_texts()),
        "pages": {p.metric: p for p in all_pages() if p.metric},
        "commit": commit,
        "cards": [
            with_warning(
                card(m.key, m.headline, report["metrics"][m.key], metric_page(m.key).path, c),
                report,
            )
            for m in METRICS
            if m.headline
        ],
        "tiles": dashboard_tiles(
            report, c, {m.key: f"../{metric_page(m.key).path}" for m in METRICS}, names
        ),
    }


def page_values(page: Page) -> dict[str, Any]:
    """What a template knows of its own page: the page, its metric's key, declaration
    (``declared``) and words (``info``), and the way back to the docs root."""
    key = page.metric or ""
    return {
        "page": page,
        "info": trusted(catalogue()["metrics"].get(key, {})),
        "declared": METRIC_BY_KEY.get(key),
        "key": page.metric,
        "root": root(page),
    }


def metric_page(key: str) -> Page:
    return next(p for p in metric_pages() if p.metric == key)


FRONT_MATTER = "---\n"


def description(page: Page) -> str:
    """The page's meta description: a metric's ``guide.<key>.measures``, else
    ``descriptions.<path>`` (``tableaux/financier.md`` → ``tableaux_financier``)."""
    if page.metric:
        return text(f"guide.{page.metric}.measures").replace("`", "")
    return text(f"descriptions.{page.path.removesuffix('.md').replace('/', '_')}")


def with_description(markdown: str, page: Page) -> str:
    """``markdown`` whose front matter (every template opens one) also gives ``description``."""
    if not markdown.startswith(FRONT_MATTER):
        raise ValueError(f"{page.template} does not open with a front matter")
    line = f"description: {json.dumps(description(page), ensure_ascii=False)}\n"
    return FRONT_MATTER + line + markdown.removeprefix(FRONT_MATTER)


def with_scripts(markdown: str, page: Page) -> str:
    """``markdown`` ending with the script tags of ``PAGE_SCRIPTS`` that it needs."""
    needed = dict.fromkeys(script for marker, script in PAGE_SCRIPTS if marker in markdown)
    folder = f"{root(page)}assets/javascripts"
    tags = [f'<script src="{folder}/{script}"></script>\n' for script in needed]
    return markdown + ("\n" + "".join(tags) if tags else "")


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
        markdown = env.get_template(page.template).render(values, **page_values(page))
        target.write_text(with_scripts(with_description(markdown, page), page), encoding="utf-8")
    return pages
