"""The three dashboards of the demo site in Debian's Chromium: their document height at the
demo's desktop size (1366×900) and at phone width (412×915), printed and held under a ceiling,
with a full-page screenshot of each in test-artifacts/screenshots/ for a human to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import (
    Watch,
    artifact_name,
    assert_clean,
    open_page,
    screenshot,
    undrawn_charts,
)

DASHBOARDS = ["tableaux/operationnel.html", "tableaux/financier.html", "tableaux/business.html"]
SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 412, "height": 915}}
CEILING_PX = {
    ("tableaux/operationnel.html", "desktop"): 1667,
    ("tableaux/financier.html", "desktop"): 1953,
    ("tableaux/business.html", "desktop"): 1946,
    ("tableaux/operationnel.html", "phone"): 2772,
    ("tableaux/financier.html", "phone"): 3149,
    ("tableaux/business.html", "phone"): 3425,
}
"""Heights reached on 2026-12-02 with the grid's charts drawn for its cells (360 px wide:
their text at about nine tenths of its size instead of half; 1648, 1351, 1893 and 2621, 2104,
3351 when drawn 640 px wide); the financial dashboard then grew from 1371 and 2198 with the
€ ranges on three of its tiles (two or three more lines each) and « Comparer les outils »
(issue 14: its chart in the grid beside its sentences). Before the key-figure tiles and the
grid of essential charts: 2893, 4186, 8569 at desktop and 3226, 4605, 9905 at phone width;
before grouping the warnings: 2837, 4186, 8778 and 3170, 4605, 10154. A dashboard may shrink,
never grow past them."""
SLACK_PX = 24
"""One line of text: fonts differ a little from one machine to another."""

HEIGHT = "() => document.documentElement.scrollHeight"
WIDTH = "() => document.documentElement.scrollWidth"


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", DASHBOARDS, ids=artifact_name)
def test_dashboard_height_stays_under_its_ceiling(chromium: Browser, site_url, path, screen):
    watch = Watch()
    with open_page(chromium, watch, viewport=SCREENS[screen]) as page:
        page.goto(site_url + path, wait_until="load")
        undrawn = undrawn_charts(page)
        page.wait_for_load_state("networkidle")
        height = page.evaluate(HEIGHT)
        width = page.evaluate(WIDTH)
        screenshot(page, f"{artifact_name(path)}-{screen}")
    screens = height / SCREENS[screen]["height"]
    print(f"{path} {screen}: {height} px ({screens:.1f} screens)")
    assert_clean(watch)
    assert undrawn == {}
    assert height <= CEILING_PX[(path, screen)] + SLACK_PX
    assert width <= SCREENS[screen]["width"]  # nothing sticks out sideways
