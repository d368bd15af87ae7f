"""The charts show the data's months and days in any time zone: a reader in Los Angeles or
Nouméa sees the axis of a reader in Paris or London, the static image built in UTC (dates are
midnight UTC; a local time unit moved them a day back west of UTC, and the build's own zone
is tested by ``test_time_zones``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import Watch, assert_clean, open_page, undrawn_charts

ZONES = ("UTC", "America/Los_Angeles", "Pacific/Noumea")
# A monthly axis and a weekly one: their page, and the data's first and last dates as the
# axis shows them (the demo's first week starts on Monday 2026-01-05).
CHARTS = {
    "cumulative": ("tableaux/financier.html", "janv. 2026", "sept. 2026"),
    "adoption": ("tableaux/operationnel.html", "1 févr.", "1 sept."),
}
LABEL = re.compile(r'role-axis-label"[^>]*>(.*?)</g>')
TEXT = re.compile(r"<text[^>]*>([^<]*)</text>")


def live_axis(browser: Browser, url: str, chart: str, zone: str) -> list[str]:
    """The labels of the chart's axes as a browser set to ``zone`` shows them."""
    watch = Watch()
    with open_page(browser, watch, timezone_id=zone) as page:
        page.goto(url, wait_until="load")
        assert undrawn_charts(page) == {}
        shown = page.locator(f'[data-roi-chart="{chart}"] .role-axis-label text')
        labels = shown.all_text_contents()
    assert_clean(watch)
    return labels


def static_axis(site: Path, chart: str) -> list[str]:
    """The axis labels of the chart's build-time SVG file."""
    svg = (site / "charts" / f"{chart}.svg").read_text("utf-8")
    return [html.unescape(t) for group in LABEL.findall(svg) for t in TEXT.findall(group)]


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_an_axis_shows_the_same_dates_in_every_time_zone(chromium, site, site_url, chart):
    page, first, last = CHARTS[chart]
    seen = {zone: live_axis(chromium, site_url + page, chart, zone) for zone in ZONES}
    labels = seen["UTC"]
    assert labels[0] == first and last in labels, labels
    assert labels == static_axis(site, chart)
    assert seen == dict.fromkeys(ZONES, labels)
