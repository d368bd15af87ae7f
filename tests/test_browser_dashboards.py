"""The three dashboards of the demo site in Debian's Chromium: their document height at the
demo's desktop size (1366×900) and at phone width (412×915), printed and held under a ceiling,
with a full-page screenshot of each in test-artifacts/screenshots/ for a human to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import Watch, artifact_name, assert_clean, open_page, screenshot

DASHBOARDS = ["tableaux/operationnel.html", "tableaux/financier.html", "tableaux/business.html"]
SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 412, "height": 915}}
CEILING_PX = {
    ("tableaux/operationnel.html", "desktop"): 99_999,
    ("tableaux/financier.html", "desktop"): 99_999,
    ("tableaux/business.html", "desktop"): 99_999,
    ("tableaux/operationnel.html", "phone"): 99_999,
    ("tableaux/financier.html", "phone"): 99_999,
    ("tableaux/business.html", "phone"): 99_999,
}
"""Heights reached (see DECISIONS.md, Pages): a dashboard may shrink, never grow past them."""

HEIGHT = "() => document.documentElement.scrollHeight"


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", DASHBOARDS, ids=artifact_name)
def test_dashboard_height_stays_under_its_ceiling(chromium: Browser, site_url, path, screen):
    watch = Watch()
    with open_page(chromium, watch, viewport=SCREENS[screen]) as page:
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        height = page.evaluate(HEIGHT)
        screenshot(page, f"{artifact_name(path)}-{screen}")
    screens = height / SCREENS[screen]["height"]
    print(f"{path} {screen}: {height} px ({screens:.1f} screens)")
    assert_clean(watch)
    assert height <= CEILING_PX[(path, screen)]
