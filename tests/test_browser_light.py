"""The site is light: every page of the demo site loads at most 250 KB of JavaScript
(uncompressed, every script it asks for, the search worker's files included, the search
index excepted: it is data), a page without a
chart loads no chart code and a page without a form no form code, and a chart's marks show
their ARIA label as a tooltip on hover and on keyboard focus. From 127.0.0.1 and from the disk
(``file://``); same build as tests/test_browser.py (the ``site`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from generator.pages.scripts import PAGE_SCRIPTS
from generator.website.config import RUNTIME_GONE
from tests.browser import HOME, Watch, assert_clean, new_context, open_page, site_pages

BUDGET = 250_000
CHARTED = "tableaux/operationnel.html"
MARK = ".roi-chart-graphic [role='graphics-symbol'][tabindex]"
SETTLE_MS = 100
SETTLE_STEPS = 50
LAST_SEARCH_SCRIPT = "lunr.fr.min.js"
# Data, not code: from the disk the search index is this script, over HTTP the same bytes come
# as search/search_index.json. Its size follows the site's text, not its JavaScript.
SEARCH_INDEX = "search/search_index.js"


@pytest.fixture(params=["http", "file"], scope="module")
def base(request: pytest.FixtureRequest, site: Path, site_url: str) -> str:
    """The site's address over HTTP, then opened from the disk."""
    return site_url if request.param == "http" else site.as_uri() + "/"


@pytest.fixture(scope="module")
def browsing(chromium: Browser) -> Iterator[BrowserContext]:
    context = new_context(chromium)
    yield context
    context.close()


def scripts_loaded(context: BrowserContext, base: str, site: Path, path: str) -> dict[str, int]:
    """The scripts a page asked for while loading and once its search box has the focus, by
    site path, with their size in bytes. (Waits for its own count of open requests: from the
    disk, Chromium 156 sometimes never reports the network idle.)"""
    urls: list[str] = []
    open_requests: set[str] = set()
    page = context.new_page()
    page.on("request", lambda r: is_script(r.resource_type, r.url) and urls.append(r.url))
    page.on("request", lambda r: open_requests.add(r.url))
    page.on("requestfinished", lambda r: open_requests.discard(r.url))
    page.on("requestfailed", lambda r: open_requests.discard(r.url))
    try:
        page.goto(base + (path or HOME), wait_until="load")
        page.locator("input.md-search__input").focus()  # from the disk, search starts here
        for _ in range(SETTLE_STEPS):  # the search worker's own scripts
            page.wait_for_timeout(SETTLE_MS)
            if not open_requests and any(url.endswith(LAST_SEARCH_SCRIPT) for url in urls):
                break
    finally:
        page.close()
    names = {site_path(url, base) for url in urls} - {SEARCH_INDEX}
    return {name: (site / name).stat().st_size for name in names}


def is_script(kind: str, url: str) -> bool:
    """A script, the search worker and its ``importScripts`` included."""
    return kind == "script" or urlsplit(url).path.endswith(".js")


def site_path(url: str, base: str) -> str:
    assert url.startswith(base), f"a script from outside the site: {url}"
    return unquote(urlsplit(url.removeprefix(base)).path)


def needed(site: Path, path: str, name: str) -> bool:
    """Whether a script is one the page needs: a script of ours only with its marker (as
    ``pages.scripts`` declares), the chart runtime of before never; the theme's always."""
    ours = [marker for marker, script in PAGE_SCRIPTS if name.endswith(script)]
    if any(name.endswith(gone) for gone in RUNTIME_GONE):
        return False
    page = (site / (path or HOME)).read_text("utf-8")
    return not ours or any(marker in page for marker in ours)


def test_every_page_loads_at_most_250_kb_of_javascript_and_only_the_code_it_runs(
    browsing: BrowserContext, base: str, site: Path
) -> None:
    loaded = {path: scripts_loaded(browsing, base, site, path) for path in site_pages(site)}
    heavy = {p: sum(s.values()) for p, s in loaded.items() if sum(s.values()) > BUDGET}
    assert heavy == {}, f"pages over {BUDGET} bytes of JavaScript"
    assert any(name.endswith(LAST_SEARCH_SCRIPT) for s in loaded.values() for name in s), (
        "the search worker's files were not counted"
    )
    misplaced = {
        path: [name for name in scripts if not needed(site, path, name)]
        for path, scripts in loaded.items()
        if any(not needed(site, path, name) for name in scripts)
    }
    assert misplaced == {}, "chart or form code on a page without a chart or a form"
    assert any(n.endswith("roi-charts.js") for n in loaded[CHARTED]), "no tooltip script"


def tooltip(page: Page) -> str:
    tip = page.locator(".roi-chart-tooltip:visible")
    return tip.first.inner_text() if tip.count() else ""


def label_lines(page: Page, selector: str, mark: int) -> str:
    """A mark's ARIA label, which its tooltip shows as it is: a French sentence."""
    return page.locator(selector).nth(mark).get_attribute("aria-label") or ""


def test_chart_marks_show_their_label_on_hover_and_keyboard_focus(
    chromium: Browser, base: str, site: Path
) -> None:
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch) as page:
        page.goto(base + CHARTED, wait_until="load")
        page.locator(MARK).first.hover()
        hovered = tooltip(page)
        page.mouse.move(0, 0)
        page.locator("body").focus()
        for _ in range(200):  # Tab through the page until a chart mark has the focus
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", MARK):
                break
        focused = tooltip(page)
        page.keyboard.press("ArrowRight")
        next_one = tooltip(page)
        expected = [label_lines(page, MARK, 0), label_lines(page, MARK, 1)]
        expected_hover = label_lines(page, MARK, 0)
    assert_clean(watch)
    assert hovered == expected_hover
    assert focused == expected[0], "Tab does not reach the first mark of the first chart"
    assert next_one == expected[1], "the right arrow does not move to the next mark"
