"""The demo site in a real browser (Debian's Chromium through Playwright): every page loads
from 127.0.0.1 alone, without a console error, and draws its charts, including after
following a menu link; without JavaScript and in print the build-time images show.
Screenshots and a PDF land in test-artifacts/ for a human to look at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser import (  # fixtures site, site_url, chromium: conftest.py
    ARTIFACTS,
    PHONE,
    Watch,
    artifact_name,
    assert_clean,
    chart_pages,
    hidden_static_images,
    menu_link,
    new_context,
    open_page,
    page_id,
    pages_to_visit,
    screenshot,
    undrawn_charts,
)

PRINTED = "tableaux/financier.html"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_path" in metafunc.fixturenames:
        pages = pages_to_visit(metafunc.config)
        metafunc.parametrize("page_path", pages, ids=page_id)


@pytest.fixture(scope="module")
def desktop(chromium: Browser) -> Iterator[BrowserContext]:
    """One context for the page tests: its cache spares each page parsing Vega again."""
    context = new_context(chromium)
    yield context
    context.close()


def test_page_loads_offline_draws_its_charts_and_logs_no_error(desktop, site_url, page_path):
    """Home and the dashboards also leave a full-page screenshot, 1280 px wide."""
    watch = Watch()
    page = watch.attach(desktop.new_page())
    try:
        page.goto(site_url + page_path, wait_until="load")
        undrawn = undrawn_charts(page)
        page.wait_for_load_state("networkidle")
        headings = page.locator("h1").count()
        if page_path == "" or page_path.startswith("tableaux/"):
            screenshot(page, artifact_name(page_path))
    finally:
        page.close()
    assert_clean(watch)
    assert undrawn == {}, "charts that did not draw"
    assert headings >= 1, "no h1"


def test_home_on_a_phone(chromium, site_url):
    watch = Watch()
    with open_page(chromium, watch, viewport=PHONE) as page:
        page.goto(site_url, wait_until="load")
        undrawn = undrawn_charts(page)
        png = screenshot(page, f"home-{PHONE['width']}")
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert_clean(watch)
    assert undrawn == {}
    assert png.stat().st_size > 10_000
    assert overflow <= 0, "the page scrolls sideways"


def test_charts_draw_after_following_a_menu_link(chromium, site, site_url):
    targets = [p for p in chart_pages(site) if p]
    if not targets:
        pytest.skip("no page but home has a chart yet (no figure.roi-chart in the built HTML)")
    target = targets[0]
    watch = Watch()
    with open_page(chromium, watch) as page:
        page.goto(site_url, wait_until="networkidle")  # a click would abort the search's load
        menu_link(page, target).click()
        page.wait_for_url(site_url + target)
        undrawn = undrawn_charts(page)
        figures = page.locator("figure.roi-chart").count()
    assert_clean(watch)
    assert figures > 0
    assert undrawn == {}, f"charts of {target} that did not draw after following its link"


def test_charts_show_their_static_image_without_javascript(chromium, site, site_url):
    pages = chart_pages(site)
    if not pages:
        pytest.skip("no page has a chart yet (no figure.roi-chart in the built HTML)")
    watch = Watch()
    missing = {}
    with open_page(chromium, watch, java_script_enabled=False) as page:
        for path in pages:
            page.goto(site_url + path, wait_until="load")
            assert page.locator("figure.roi-chart").count() > 0, path
            missing[path] = hidden_static_images(page)
    assert {path: images for path, images in missing.items() if images} == {}
    assert_clean(watch)


def test_print_hides_navigation_shows_static_charts_and_makes_a_pdf(chromium, site, site_url):
    if not (site / PRINTED).is_file():
        pytest.skip(f"{PRINTED} is not built yet")
    watch = Watch()
    with open_page(chromium, watch) as page:
        page.goto(site_url + PRINTED, wait_until="load")
        undrawn_charts(page)  # printing happens after the live charts had their chance
        page.emulate_media(media="print")
        displayed = page.locator(".md-sidebar, .md-header").evaluate_all(
            "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)"
        )
        hidden = hidden_static_images(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pdf = page.pdf(path=ARTIFACTS / "tableau-2.pdf", format="A4")
    assert displayed == [], "navigation or header printed"
    assert hidden == [], "charts without a visible static image in print"
    assert pdf.startswith(b"%PDF") and len(pdf) > 1_000
    assert_clean(watch)
