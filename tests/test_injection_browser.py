"""Hostile text in every free-text field of every file (and in ``company.yml``'s name and
alternatives) stays text wherever it lands: in Chromium nothing runs, nothing is fetched from
another host and the text shows literally; workbooks and merged CSV files hold no formula.

The site is built from ``tests/hostile.py``'s data: the demo with each name, team, role,
label, error type, indicator and stream replaced by ``<script>``, ``<img onerror>``, a
``javascript:`` Markdown link, Jinja syntax, Markdown emphasis, an attribute breaker or an
Excel formula."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Dialog, Page

from generator.cli import cli
from generator.commands.summary import changes_markdown, problems_markdown
from generator.core.errors import Problem
from generator.website.build import build_site, compute_report
from tests.browser import (
    PORTLESS,
    ROOT,
    Watch,
    assert_clean,
    new_context,
    serve,
    site_pages,
    undrawn_charts,
)
from tests.fixture_company import write_company
from tests.hostile import HOSTILE, hostile_data

FORMULA_START = ("=", "+", "-", "@")
# Anything that would run: an alert through the dialog, or through a page-level override.
TRAP = """
window.__roiRan = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__roiRan.push(name + ': ' + args.join(' ')); };
}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The hostile data folder and its replacements (original text → hostile text)."""
    folder = tmp_path_factory.mktemp("hostile")
    replaced = hostile_data(
        folder / "data",
        site_url=PORTLESS,
        forms={"repository": "exemple/roi-ia", "branch": "main"},
    )
    return folder / "data", replaced


@pytest.fixture(scope="module")
def hostile_site(hostile: tuple[Path, dict[str, str]]) -> Iterator[Path]:
    site = Path(tempfile.mkdtemp(prefix="roi-hostile-"))
    try:
        # The complete report: the one that shows the (hostile) names.
        build_site(hostile[0], site / "site", ROOT / "mkdocs.yml", public=False)
        yield site / "site"
    finally:
        shutil.rmtree(site, ignore_errors=True)


def test_every_hostile_string_is_in_the_data(hostile):
    data, replaced = hostile
    # 8 strings cycle over the demo's distinct text values: there are more than 8 of them.
    assert len(replaced) > len(HOSTILE)
    report = compute_report(data)  # the loader reads them back unchanged
    assert report["company"] == replaced["Atelier Exemple"]
    shown = json.dumps(report, ensure_ascii=False)
    assert all(json.dumps(h, ensure_ascii=False)[1:-1] in shown for h in HOSTILE)


def visit(page: Page, url: str, dialogs: list[str]) -> list[str]:
    page.goto(url, wait_until="load")
    undrawn = undrawn_charts(page)
    assert undrawn == {}, f"{url}: charts that did not draw"
    page.wait_for_load_state("networkidle")
    # Hover every chart mark: Vega builds its tooltips from the data on hover.
    for mark in page.locator("figure.roi-chart svg path, figure.roi-chart svg rect").all()[:40]:
        if mark.is_visible():
            mark.hover(force=True, timeout=2_000)
    return [*dialogs, *page.evaluate("window.__roiRan")]


def test_nothing_runs_in_any_page_and_the_text_shows_literally(
    chromium: Browser, hostile_site: Path, hostile: tuple[Path, dict[str, str]]
):
    _, replaced = hostile
    watch = Watch()
    dialogs: list[str] = []
    ran: dict[str, list[str]] = {}
    context = new_context(chromium)
    context.add_init_script(TRAP)
    page = watch.attach(context.new_page())

    def record(dialog: Dialog) -> None:
        dialogs.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record)
    try:
        with serve(hostile_site) as url:
            for path in site_pages(hostile_site):
                ran[path] = visit(page, url + path, dialogs)
                dialogs.clear()
            page.goto(url + "tableaux/operationnel.html", wait_until="networkidle")
            company = page.locator("header").get_by_text(replaced["Atelier Exemple"]).first
            company_shown = company.inner_text()
            body = ""  # the names and tasks of the former dashboard tables, on metric pages
            for path in ("metriques/adoption.html", "metriques/temps-gagne.html"):
                page.goto(url + path, wait_until="networkidle")
                body += page.locator("article").inner_text()
    finally:
        context.close()
    assert {path: found for path, found in ran.items() if found} == {}
    assert_clean(watch)
    assert company_shown == replaced["Atelier Exemple"]  # "{{ 7*7 }} 43": no 49
    names = [replaced[n] for n in ("Sophie Martin", "Léa Moreau")]
    for name in names:
        assert name in body, name
    for text in HOSTILE[:6]:
        assert any(v.startswith(text) and v in body for v in replaced.values()), text


def test_hostile_text_is_escaped_in_the_html_files(hostile_site):
    """No raw tag, link or event handler from the data in any built HTML file, nor in the
    search index, as JSON or as the script read from file:// (Material shows its results as
    HTML)."""
    raw = ("<script>alert", "<img src=x", 'href="javascript:', 'onmouseover="alert', "<strong>gras")
    found = {
        (p.relative_to(hostile_site).as_posix(), r)
        for p in [*hostile_site.rglob("*.html"), *(hostile_site / "search").glob("search_index.*")]
        for r in raw
        if r in p.read_text("utf-8")
    }
    assert found == set()


def test_chart_images_keep_the_hostile_text_as_text(hostile_site):
    """The build-time SVGs are XML: a ``<`` from the data is ``&lt;``, never an element."""
    svgs = sorted((hostile_site / "charts").glob("*.svg"))
    assert svgs
    for svg in svgs:
        text = svg.read_text("utf-8")
        assert "<script" not in text and "<img" not in text, svg.name


def test_workbook_cells_never_start_a_formula(hostile_site):
    """Every cell of every workbook, read from the XML: a text cell starting with = + - @ is a
    formula in Excel; the workbooks write them with a leading apostrophe, and no ``<f>``."""
    workbooks = sorted((hostile_site / "telechargements").glob("*.xlsx"))
    assert len(workbooks) == 3
    texts = []
    for book in workbooks:
        with zipfile.ZipFile(book) as archive:
            xml = "".join(
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
            )
        assert "<f>" not in xml and "<f " not in xml, book.name
        assert ">=HYPERLINK" not in xml, book.name
        texts.append(xml)
    assert "HYPERLINK" in "".join(texts)  # the hostile text is there, as text


MERGED = "week,person,task,uses,declared_minutes\n"


def test_inbox_merge_refuses_hostile_answers_and_writes_no_formula(tmp_path):
    """Inbox files hold ids, choices, numbers and dates only: text there is refused, so the
    merged CSV cannot carry a formula or markup."""
    data = write_company(
        tmp_path / "data",
        {
            "usage.csv": [
                {"week": "2026-W03", "person": "sophie", "task": "compte_rendu", "uses": 2}
            ]
        },
    )
    inbox = data / "inbox" / "usage"
    inbox.mkdir(parents=True)
    original = (data / "usage.csv").read_bytes()
    for i, text in enumerate(HOSTILE):
        bad = inbox / f"20260120-08000{i}-sophie-a1b2.csv"
        row = io.StringIO()
        csv.writer(row, lineterminator="\n").writerow(["2026-W03", text, "compte_rendu", 1, ""])
        bad.write_text(MERGED + row.getvalue(), "utf-8")
        result = CliRunner().invoke(cli, ["inbox", "merge", "--data", str(data)])
        assert result.exit_code == 1, text
        assert (data / "usage.csv").read_bytes() == original
        bad.unlink()
    (inbox / "20260121-090000-sophie-c3d4.csv").write_text(
        MERGED + "2026-W04,sophie,compte_rendu,3,40\n", "utf-8"
    )
    result = CliRunner().invoke(cli, ["inbox", "merge", "--data", str(data)])
    assert result.exit_code == 0, result.output
    cells = [
        c for row in csv.reader(io.StringIO((data / "usage.csv").read_text("utf-8"))) for c in row
    ]
    assert cells and not [c for c in cells if c.startswith(FORMULA_START)]


def test_the_trap_catches_a_script_that_runs(chromium: Browser, tmp_path: Path):
    """The detector itself: a page whose markup does run an alert and a dialog is caught."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>x</title><script>alert(1)</script>"
        '<img src="data:," onerror="alert(2)"><img src="x" onerror="confirm(3)">',
        "utf-8",
    )
    context = new_context(chromium)
    context.add_init_script(TRAP)
    page = context.new_page()
    try:
        with serve(tmp_path) as url:
            ran = visit(page, url, [])
    finally:
        context.close()
    assert "alert: 1" in ran and "confirm: 3" in ran


def test_job_summary_escapes_hostile_file_names_and_values(hostile, tmp_path):
    """The pull-request summary (GitHub renders its Markdown and some HTML) shows the hostile
    data's files, and a file named like markup, as text."""
    data, _ = hostile
    named = data / "inbox" / "usage" / "<img src=x onerror=alert(2)> [a](javascript:x).csv"
    named.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(data / "usage.csv", named)
    try:
        changed = [str(p) for p in sorted(data.rglob("*.csv"))]
        summary = changes_markdown(data, changed)
        problems = problems_markdown([Problem("people.csv", 2, "name", HOSTILE[1])])
    finally:
        named.unlink()
    assert len(summary.splitlines()) == 4 + len(changed)
    for text in (summary, problems):
        assert "<img" not in text and "](javascript" not in text
        assert "&lt;img src=x onerror=alert\\(2\\)&gt;" in text
