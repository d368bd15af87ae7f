"""Things that must stay in step: schema, catalogue, metrics, pages, demo data."""

from __future__ import annotations

import csv
from pathlib import Path

from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES
from generator.input.schema import FILES, SCHEMAS
from generator.metrics import METRICS
from generator.pages.render import all_pages

ROOT = Path(__file__).resolve().parent.parent
TEXTS = catalogue()


def test_every_metric_has_its_texts_and_its_page():
    assert len(METRICS) == 12
    numbers = sorted(TEXTS["metrics"][key]["number"] for key in METRICS)
    assert numbers == list(range(1, 13))
    pages = {page.metric for page in all_pages() if page.metric}
    assert pages == set(METRICS)
    for key in METRICS:
        info = TEXTS["metrics"][key]
        assert info["title"] and info["slug"]
        assert all(name in SCHEMAS for name in info["files"]), key


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
