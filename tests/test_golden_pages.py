"""Generated Markdown, byte for byte, for a small fixed company (``tests/golden/``).

A change of wording or layout shows up here as a diff to review; regenerate with
``.venv/bin/pytest tests/test_golden_pages.py --update-goldens``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.figures import build_figures
from generator.input.load import load_dataset
from generator.metrics import report
from generator.pages.render import all_pages, labels, render_pages
from generator.pages.warnings import worded

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "excel_plain"
GOLDEN = HERE / "golden"
PAGES = [page.path for page in all_pages()]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    data = load_dataset(FIXTURE)
    result = worded(report(data), data)
    figures = build_figures(result, labels(data))
    render_pages(data, result, out, commit="abc1234 2026-06-01", figures=figures)
    return out


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_its_golden_file(rendered, update_goldens, path):
    produced = (rendered / path).read_text("utf-8")
    golden = GOLDEN / path
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run pytest with --update-goldens"
    assert produced == golden.read_text("utf-8")


def test_no_golden_file_is_left_over():
    expected = {Path(p) for p in PAGES}
    found = {p.relative_to(GOLDEN) for p in GOLDEN.rglob("*.md")}
    assert found == expected
