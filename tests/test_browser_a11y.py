"""Usable by everyone: axe-core finds no serious or critical violation on any page of the
demo site, nor on the pages of its complete report (``--private``) that differ from them, at
desktop and phone widths; heading levels never skip; no table header is empty.
axe-core comes from the PyPI package axe-playwright-python (its ``axe.min.js``), pinned in
pyproject's dev extras: the test needs no npm."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import HOME, html, new_context, site_pages

WIDTHS = {"desktop": {"width": 1350, "height": 900}, "phone": {"width": 412, "height": 915}}
SERIOUS = {"serious", "critical"}
AXE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
VIOLATIONS = """async () => (await axe.run({resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' '))}))"""
# Headings in document order that go down more than one level (h1 then h3), and table
# headers with no text a screen reader would read.
HEADING_SKIPS = """() => { let last = 0; const skips = [];
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (level > last + 1) skips.push(`h${last} → ${h.tagName.toLowerCase()} ${h.id}`);
    last = level; }
  return skips; }"""
EMPTY_HEADERS = """() => [...document.querySelectorAll('th')]
  .filter(th => !th.textContent.trim() && !th.getAttribute('aria-label'))
  .map(th => th.closest('table').querySelector('th, td')?.textContent.trim() || 'table')"""


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_every_page_passes_axe_without_serious_violation(
    chromium: Browser, site: Path, site_url: str, width: str
) -> None:
    assert_no_serious_violation(chromium, site_url, site_pages(site), width)


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_the_complete_reports_own_pages_pass_axe_too(
    chromium: Browser, site: Path, private_site: Path, private_site_url: str, width: str
) -> None:
    """Its named tables and charts: the pages whose HTML is not the public one's."""
    own = [path for path in site_pages(private_site) if not same_page(private_site, site, path)]
    assert "tableaux/operationnel.html" in own
    assert_no_serious_violation(chromium, private_site_url, own, width)


def same_page(site: Path, other: Path, path: str) -> bool:
    return (other / (path or HOME)).is_file() and html(site, path) == html(other, path)


def assert_no_serious_violation(chromium: Browser, url: str, paths: list[str], width: str) -> None:
    context = new_context(chromium, viewport=WIDTHS[width])
    try:
        page = context.new_page()
        found = {path or HOME: problems(page, url + path) for path in paths}
    finally:
        context.close()
    rules = sorted({rule for rules in found.values() for rule in rules["all rules"]})
    print(f"axe-core at {width} width, rules with a violation of any impact: {rules}")
    serious = {
        path: {k: v for k, v in p.items() if k != "all rules" and v} for path, p in found.items()
    }
    assert {path: p for path, p in serious.items() if p} == {}


def problems(page: Page, url: str) -> dict[str, list[str]]:
    """What a page gets wrong: axe's serious and critical violations (rule: elements),
    heading skips, empty table headers, and every axe rule it breaks."""
    page.goto(url)
    page.add_script_tag(content=AXE)
    violations = page.evaluate(VIOLATIONS)
    return {
        "axe": [f"{v['id']} ({v['impact']}): {v['targets']}" for v in violations
                if v["impact"] in SERIOUS],
        "heading skips": page.evaluate(HEADING_SKIPS),
        "empty table headers": page.evaluate(EMPTY_HEADERS),
        "all rules": [v["id"] for v in violations],
    }  # fmt: skip
