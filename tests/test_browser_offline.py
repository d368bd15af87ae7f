"""The demo site opened from the disk (``file://``), as a manager opens the report's zip on a
laptop, in Debian's Chromium: the menu leads to a dashboard, a metric page and back, every
chart draws, the downloads are files of the site, search finds a page, and nothing is
requested outside the site's folder nor logged as an error. Same build as tests/test_browser.py
(the ``site`` fixture): the published site and the zip are one site."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import (  # fixtures site, chromium: conftest.py
    HOME,
    Watch,
    assert_clean,
    menu_link,
    open_page,
    site_pages,
    undrawn_charts,
)

DASHBOARD = "tableaux/operationnel.html"
METRIC = "metriques/adoption.html"
WORKBOOK = ("tableaux/financier.html", "telechargements/tableau-2-roi-financier.xlsx")
TEMPLATE = ("donnees.html", "telechargements/modeles/usage.csv")
SEARCHED = "adoption"


def on_disk(site: Path, path: str = "") -> str:
    return (site / (path or HOME)).as_uri()


def watch_folder(site: Path) -> Watch:
    """Requests are local when they stay inside the site's folder."""
    return Watch(folder=site.as_uri() + "/")


def charts_state(page: Page) -> tuple[int, dict[str, str]]:
    """How many chart figures the page has, and those that did not draw."""
    undrawn = undrawn_charts(page)
    return page.locator("figure.roi-chart").count(), undrawn


def test_the_menu_leads_to_a_dashboard_a_metric_and_back_with_charts(chromium: Browser, site):
    watch = watch_folder(site)
    charts = {}
    with open_page(chromium, watch) as page:
        page.goto(on_disk(site), wait_until="load")
        for target in (DASHBOARD, METRIC):
            menu_link(page, target).click()
            page.wait_for_url(on_disk(site, target))
            charts[target] = charts_state(page)
        page.go_back(wait_until="load")
        back = page.url
        charts["back"] = charts_state(page)
        page.locator(".md-header__button.md-logo").click()  # the logo leads home
        page.wait_for_url(on_disk(site))
    assert back == on_disk(site, DASHBOARD)
    for where, (figures, undrawn) in charts.items():
        assert figures > 0 and undrawn == {}, where
    assert_clean(watch)


def test_every_page_opened_from_the_disk_draws_and_starts_its_form(chromium: Browser, site):
    watch = watch_folder(site)
    undrawn, forms, headings = {}, [], {}
    with open_page(chromium, watch) as page:
        for path in site_pages(site):
            page.goto(on_disk(site, path), wait_until="load")
            undrawn[path] = undrawn_charts(page)
            headings[path] = page.locator("article h1").count()
            if page.locator("[data-roi-submit]").count():
                page.locator("[data-roi-submit]:enabled").wait_for()  # its script has started
                forms.append(path)
    assert {path: charts for path, charts in undrawn.items() if charts} == {}
    assert [path for path, count in headings.items() if count != 1] == []
    assert len(forms) >= 4, forms
    assert_clean(watch)


@pytest.mark.parametrize(("page_path", "download"), [WORKBOOK, TEMPLATE], ids=["xlsx", "csv"])
def test_a_download_link_gives_the_file_of_the_site(chromium: Browser, site, page_path, download):
    watch = watch_folder(site)
    with open_page(chromium, watch, accept_downloads=True) as page:
        page.goto(on_disk(site, page_path), wait_until="load")
        link = page.locator(f'article a[href$="{download.rsplit("/", 1)[1]}"]').first
        target = link.evaluate("a => a.href")
        with page.expect_download() as started:
            link.click()
        saved = Path(started.value.path()).read_bytes()  # deleted with the context
    assert target == on_disk(site, download)
    assert saved == (site / download).read_bytes()
    watch.failures.remove(f"{target}: net::ERR_ABORTED")  # the download ends the navigation
    assert_clean(watch)


def test_search_finds_a_page_and_opens_it(chromium: Browser, site):
    """From ``file://`` the index is read from search/search_index.js and the search worker
    runs in an iframe (the vendored iframe-worker shim), once the search box has the focus."""
    watch = watch_folder(site)
    with open_page(chromium, watch) as page:
        page.goto(on_disk(site), wait_until="load")
        page.locator("input.md-search__input").click()
        page.keyboard.type(SEARCHED, delay=50)  # a person typing: the index loads meanwhile
        result = page.locator(".md-search-result__item a").first
        result.wait_for()
        found = page.locator(".md-search-result__item").count()
        href = result.evaluate("a => a.href")
        result_title = result.locator("h1").first.inner_text()
        result.click()
        page.wait_for_url(href)
        title = page.locator("article h1").inner_text()
    assert found > 0
    assert href.startswith(site.as_uri() + "/") and href.split("#")[0].endswith(".html")
    assert title.removesuffix("¶").strip() == result_title.strip()
    assert_clean(watch)
