"""The Lighthouse part of ``make bench`` reads reports, takes medians and writes its section
of the performance page as intended: hand-written Lighthouse-like reports, no browser."""

from __future__ import annotations

import gzip
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

# tools/ is not a package: its scripts import each other from their own folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import bench
import bench_lighthouse as lh


def report(performance: float = 0.93, lcp: float = 2100.0, benchmark: float = 800.0) -> Any:
    """The parts of a Lighthouse JSON report that the benchmark reads."""
    requests = [
        {"url": "http://x/index.html", "resourceType": "Document", "mimeType": "text/html",
         "resourceSize": 50000, "transferSize": 9000},
        {"url": "http://x/bundle.js", "resourceType": "Script", "mimeType": "text/javascript",
         "resourceSize": 114000, "transferSize": 38000},
        {"url": "http://x/lunr.fr.min.js", "resourceType": "Other",
         "mimeType": "application/javascript", "resourceSize": 10000, "transferSize": 3000},
        {"url": "http://x/worker.js", "resourceType": "Script", "mimeType": "text/javascript",
         "resourceSize": 40000, "transferSize": None},
        {"url": "data:text/javascript,1", "resourceType": "Script",
         "mimeType": "text/javascript", "resourceSize": 99, "transferSize": 0},
        {"url": "http://x/main.css", "resourceType": "Stylesheet", "mimeType": "text/css",
         "resourceSize": 130000, "transferSize": 20000},
    ]  # fmt: skip
    return {
        "environment": {"benchmarkIndex": benchmark},
        "categories": {
            "performance": {"score": performance},
            "accessibility": {"score": 1},
            "best-practices": {"score": 0.96},
            "seo": {"score": 1},
        },
        "audits": {
            "largest-contentful-paint": {"numericValue": lcp},
            "total-blocking-time": {"numericValue": 150.0},
            "network-requests": {"details": {"items": requests}},
        },
    }


def measured(performances: list[int], js: int = 164000) -> dict[str, Any]:
    """A measure of every page: the same values everywhere but the mobile performance."""
    base = lh.summary(report())
    pages = {}
    for (label, path), score in zip(lh.PAGES.items(), performances, strict=True):
        mobile = base | {"performance": score, "js_bytes": js}
        pages[label] = {
            "path": path,
            "mobile": {"median": mobile, "runs": [mobile] * 3},
            "desktop": {"median": base | {"js_bytes": js}, "runs": [base] * 3},
        }
    return {"lighthouse": "12.8.2", "load": "1,00 / 2,00 / 3,00", "runs": 3, "pages": pages}


def test_summary_keeps_scores_out_of_100_timings_and_script_bytes():
    assert lh.summary(report()) == {
        "performance": 93,
        "accessibility": 100,
        "best-practices": 96,
        "seo": 100,
        "lcp_ms": 2100.0,
        "tbt_ms": 150.0,
        "benchmark": 800.0,
        # scripts and the search worker's imports (typed Other), not data: URLs or styles
        "js_bytes": 114000 + 10000 + 40000,
        "js_transfer": 38000 + 3000,
    }


def test_medians_take_the_middle_run_of_each_value_separately():
    runs = [
        lh.summary(report(0.80, 3000.0, 400.0)),
        lh.summary(report(0.97, 1800.0, 1200.0)),
        lh.summary(report(0.91, 2400.0, 700.0)),
    ]
    middle = lh.medians(runs)
    assert (middle["performance"], middle["lcp_ms"], middle["benchmark"]) == (91, 2400.0, 700.0)
    assert middle["js_bytes"] == 164000


def test_table_shows_before_then_after_and_one_value_when_unchanged():
    before = measured([83, 59, 65, 70, 90, 83], js=1089000) | {"commit": "0af5326"}
    after = measured([97, 98, 98, 94, 99, 99])
    lines = lh.table(after, before).splitlines()
    assert len(lines) == 2 + 2 * len(lh.PAGES)
    assert lines[2].startswith("| Accueil | mobile | 83 → 97 | 100 | 96 | 100 | 2,1 s | 150 ms |")
    assert lines[2].endswith("| 1 089 → 164 | 41 |")
    assert lines[3].startswith("| Accueil | ordinateur | 93 | 100 |")


def test_section_states_the_goal_the_cpu_benchmark_and_the_commit_compared():
    before = measured([83, 59, 65, 70, 90, 83]) | {"commit": "0af5326"}
    text = lh.section(measured([97, 98, 98, 94, 99, 99]), before)
    assert text.startswith("\n## Lighthouse\n")
    assert "≥ 90 sur chaque page mesurée) : atteint." in text
    assert "commit 0af5326" in text
    assert "médiane 800 (de 800 à 800, charge moyenne au lancement : 1,00 / 2,00 / 3,00)" in text
    ended = lh.section(measured([97] * 6) | {"load_end": "4,00 / 5,00 / 6,00"}, None)
    assert "lancement : 1,00 / 2,00 / 3,00, à la fin : 4,00 / 5,00 / 6,00)" in ended
    missed = lh.section(measured([97, 89, 98, 94, 99, 99]), None)
    assert "pas atteint pour Tableau opérationnel." in missed
    assert "→" not in missed


def test_with_section_replaces_a_middle_or_last_section_and_adds_a_missing_one():
    page = "# P\n\nintro\n\n## A\n\nold a\n\n## B\n\nold b\n"
    assert bench.with_section(page, "\n## A\n\nnew a\n") == (
        "# P\n\nintro\n\n## A\n\nnew a\n\n## B\n\nold b\n"
    )
    assert bench.with_section(page, "\n## B\n\nnew b\n") == (
        "# P\n\nintro\n\n## A\n\nold a\n\n## B\n\nnew b\n"
    )
    assert bench.with_section(page, "\n## C\n\nc\n").endswith("old b\n\n## C\n\nc\n")


def test_the_server_gzips_text_files_only(tmp_path: Path):
    (tmp_path / "index.html").write_text("<p>bonjour</p>" * 50, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(100))
    with lh.served(tmp_path) as base:
        for name, encoding in (("index.html", "gzip"), ("", "gzip"), ("logo.png", None)):
            asked = urllib.request.Request(base + name, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(asked) as answer:
                body = answer.read()
                assert answer.headers.get("Content-Encoding") == encoding
            if encoding:
                assert gzip.decompress(body).decode() == "<p>bonjour</p>" * 50


@pytest.mark.parametrize(("form_factor", "preset"), [("mobile", False), ("desktop", True)])
def test_lighthouse_command_measures_four_categories_headless(form_factor: str, preset: bool):
    command = lh.lighthouse_command("http://127.0.0.1:1/index.html", form_factor)
    assert "--only-categories=performance,accessibility,best-practices,seo" in command
    assert "--chrome-flags=--headless=new --no-sandbox --disable-gpu" in command
    assert ("--preset=desktop" in command) is preset
