"""The live charts show the data's months and days in any time zone: a reader in Los Angeles
or Nouméa sees the axis of a reader in Paris or London, and of the static image built in
UTC (dates are midnight UTC; a local time unit moved them a day back west of UTC)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import Watch, assert_clean, open_page, undrawn_charts

ZONES = ("UTC", "America/Los_Angeles", "Pacific/Noumea")
# A monthly axis and a weekly one: their page, and the data's first and last dates as the
# axis describes them (the demo's first week starts on Monday 2026-01-05).
CHARTS = {
    "cumulative": ("tableaux/financier.html", "from janvier 2026 to septembre 2026"),
    "adoption": ("tableaux/operationnel.html", "from 05 janvier to 28 septembre"),
}
X_AXIS = re.compile(r'aria-label="(X-axis[^"]*)"')


def live_axis(browser: Browser, url: str, chart: str, zone: str) -> tuple[str, list[str]]:
    """The drawn chart's x axis in a browser set to ``zone``: its description and labels."""
    watch = Watch()
    with open_page(browser, watch, timezone_id=zone) as page:
        page.goto(url, wait_until="load")
        assert undrawn_charts(page) == {}
        axis = page.locator(f'[data-roi-chart="{chart}"] g[aria-label^="X-axis"]').first
        described = axis.get_attribute("aria-label") or ""
        labels = axis.locator(".role-axis-label text").all_text_contents()
    assert_clean(watch)
    return described, labels


def static_axis(site: Path, chart: str) -> str:
    """The x axis description of the chart's build-time SVG."""
    found = X_AXIS.search((site / "charts" / f"{chart}.svg").read_text("utf-8"))
    assert found, chart
    return html.unescape(found.group(1))


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_an_axis_shows_the_same_dates_in_every_time_zone(chromium, site, site_url, chart):
    page, dates = CHARTS[chart]
    seen = {zone: live_axis(chromium, site_url + page, chart, zone) for zone in ZONES}
    described, labels = seen["UTC"]
    assert described.endswith(dates) and described == static_axis(site, chart)
    assert len(labels) > 3, labels
    assert seen == dict.fromkeys(ZONES, seen["UTC"])
