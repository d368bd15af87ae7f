"""Things that must stay in step: schema, catalogue, metrics, pages, demo data."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from generator.core.format import FILTERS
from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES, KEYS, METRIC_BY_KEY, METRICS, PHASES, Metric
from generator.figures.registry import FIGURES
from generator.input.schema import FILES, SCHEMAS
from generator.metrics.compute import COMPUTE
from generator.pages.render import all_pages, nav

ROOT = Path(__file__).resolve().parent.parent
TEXTS = catalogue()
TEMPLATES = ROOT / "generator" / "templates" / "metrics"
GUIDE = ("measures", "formula", "update", "start", "advice")  # what every metric page explains


def missing_parts(metric: Metric) -> list[str]:
    """What a declared metric lacks of the four things it needs besides its declaration: its
    page template, its words in the catalogue, its compute function and its figures."""
    missing = []
    if not (TEMPLATES / f"{metric.key}.md.j2").is_file():
        missing.append("template")
    words = TEXTS["metrics"].get(metric.key, {})
    guide = TEXTS["guide"].get(metric.key, {})
    if not (words.get("title") and words.get("short") and set(GUIDE) <= set(guide)):
        missing.append("words")
    if metric.edges and metric.key not in TEXTS["bands"]:
        missing.append("words")
    if metric.headline and not (words.get("unit") and words.get("detail")):
        missing.append("words")
    if metric.key not in COMPUTE:
        missing.append("compute")
    if not metric.figures or not set(metric.figures) <= set(FIGURES):
        missing.append("figures")
    return sorted(set(missing))


def test_every_declared_metric_has_its_template_words_compute_and_figures():
    assert {m.key: missing_parts(m) for m in METRICS} == {m.key: [] for m in METRICS}


def test_a_metric_declared_alone_is_caught():
    thirteenth = Metric("thirteenth", 13, "treizieme", "month4", ("usage",), ("nowhere",))
    assert missing_parts(thirteenth) == ["compute", "figures", "template", "words"]
    half_done = replace(METRIC_BY_KEY["cac"], figures=("cac", "nowhere"))
    assert missing_parts(half_done) == ["figures"]


def test_compute_functions_and_declaration_have_the_same_keys():
    assert list(COMPUTE) == list(KEYS)  # declared in order too: a misplaced one is easier to see


def test_the_declaration_of_the_method_holds_together():
    assert [m.number for m in METRICS] == list(range(1, len(METRICS) + 1))
    assert len({m.slug for m in METRICS}) == len(METRICS)
    assert [PHASES.index(m.phase) for m in METRICS] == sorted(
        PHASES.index(m.phase) for m in METRICS
    )
    assert set(PHASES) == {m.phase for m in METRICS}
    for m in METRICS:
        assert m.inputs and all(f"{stem}.csv" in SCHEMAS for stem in (*m.inputs, *m.reads)), m.key
        assert list(m.edges) == sorted(m.edges), m.key
        if m.before_after:  # compares the months of its one input file
            assert len(m.inputs) == 1 and "month" in SCHEMAS[m.files[0]].column_names, m.key
        if m.headline:
            assert m.headline.formatter in FILTERS, m.key


def test_every_metric_has_its_page_in_the_navigation():
    pages = [page for page in all_pages() if page.metric]
    assert [page.metric for page in pages] == list(KEYS)
    assert [page.path for page in pages] == [f"metriques/{m.slug}.md" for m in METRICS]
    title = f"Les {len(METRICS)} métriques"  # « Les 12 métriques » today
    group = next(entry for entry in nav(all_pages()) if title in entry)
    assert group[title] == [{page.title: page.path} for page in pages]


def test_every_band_has_a_label_and_a_sentence():
    bands = {
        "time_saved": {"loss", "not_yet", "profitable", "upper_average", "top10"},
        "adoption": {"problem", "normal", "excellent"},
        "cost_per_hour": {"loss", "excellent", "profitable", "review"},
        "payback": {"excellent", "good", "challenge", "never"},
    }
    assert set(DEFAULT_EDGES) == set(bands)
    for metric, names in bands.items():
        assert set(TEXTS["bands"][metric]) == names
        for name in names:
            assert (
                TEXTS["bands"][metric][name]["label"] and TEXTS["bands"][metric][name]["sentence"]
            )


def test_every_column_of_every_file_is_documented():
    for schema in FILES:
        texts = TEXTS["files"][schema.name]
        assert texts["about"] and texts["fed_by"]
        assert set(texts["columns"]) == set(schema.column_names), schema.name


def test_choices_have_french_labels():
    assert set(TEXTS["uses"]) == set(SCHEMAS["freed_time.csv"].column("use").choices)
    assert set(TEXTS["categories"]) == set(SCHEMAS["costs.csv"].column("category").choices)


def test_demo_data_has_every_file_with_the_contract_header():
    for schema in FILES:
        path = ROOT / "data" / schema.name
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert tuple(header) == schema.column_names, schema.name
        assert path.stat().st_size > len(",".join(header)) + 1, f"{schema.name} has no rows"
