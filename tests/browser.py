"""Helpers of the real-browser tests: the demo site built once and served on 127.0.0.1,
Debian's Chromium driven by Playwright, and what a page did while it loaded."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from generator.website.build import build_site

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH = {
    "executable_path": str(CHROMIUM),
    "args": [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
}  # fmt: skip
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHART_TIMEOUT_MS = 10_000
# The demo site per report: public (what GitHub Pages shows) or complete (``--private``).
SITE_KEYS = {public: pytest.StashKey[Path | Exception]() for public in (True, False)}
FORMS_SETTINGS = {"repository": "exemple/roi-ia", "branch": "main"}
HOME = "index.html"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_chromium() -> None:
    """Skip without Chromium on a developer's machine; fail in CI, where it is installed."""
    if CHROMIUM.is_file():
        return
    reason = f"{CHROMIUM} is missing (Debian: apt-get install chromium)"
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so browser tests must run", pytrace=False)
    pytest.skip(reason)


def demo_site(config: pytest.Config, public: bool = True) -> Path:
    """The demo site, built once per run (page lists need it at collection time); with
    ``public=False``, the complete, named report. A failed build raises again at every call,
    so that each test using it reports it."""
    key = SITE_KEYS[public]
    if key not in config.stash:
        tmp = Path(tempfile.mkdtemp(prefix="roi-browser-"))
        config.add_cleanup(partial(shutil.rmtree, tmp, ignore_errors=True))
        try:
            data = demo_data(tmp / "data")
            build_site(data, tmp / "site", ROOT / "mkdocs.yml", public=public)
            config.stash[key] = tmp / "site"
        except Exception as error:
            config.stash[key] = error
    built = config.stash[key]
    if isinstance(built, Exception):
        raise built
    return built


def demo_data(target: Path) -> Path:
    """A copy of the demo data as the browser sees it published: with ``site_url`` (the
    sitemap lists the pages) and a forms repository (the demo leaves it blank)."""
    shutil.copytree(ROOT / "data", target)
    settings = yaml.safe_load((target / "company.yml").read_text("utf-8"))
    settings["site_url"] = PORTLESS
    settings["forms"] = FORMS_SETTINGS
    (target / "company.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return target


def pages_to_visit(config: pytest.Config) -> list[str]:
    """The built pages; just home when the build failed, whose test then shows the error
    (a collection error would stop the whole test run)."""
    try:
        return site_pages(demo_site(config))
    except Exception:
        return [""]


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ("" for home, else ``folder/page.html``:
    the site links to files, see generator/website/config.py), but 404."""
    paths = (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return sorted("" if p == HOME else p for p in paths if p != "404.html")


CHART_FIGURE = re.compile(r'<figure\b[^>]*\bclass="(?:[^"]*\s)?roi-chart[\s"]')


def chart_pages(site: Path) -> list[str]:
    """Pages whose HTML holds a chart figure."""
    return [p for p in site_pages(site) if CHART_FIGURE.search(html(site, p))]


def html(site: Path, path: str) -> str:
    return (site / (path or HOME)).read_text("utf-8")


def page_id(path: str) -> str:
    return path.removesuffix(".html") or "home"


def artifact_name(path: str) -> str:
    return page_id(path).replace("/", "-")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 from a daemon thread; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


PORTLESS = "http://127.0.0.1/"


@dataclass
class Watch:
    """What a page asked for and complained about."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    folder: str = ""  # a site opened from the disk: its file:// URLs are local too

    def attach(self, page: Page) -> Page:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(console_text(m)))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.failures.append(f"{r.url}: {r.failure}"))
        page.on(
            "response", lambda r: r.status >= 400 and self.failures.append(f"{r.url}: {r.status}")
        )
        return page

    def problems(self) -> dict[str, list[str]]:
        """Requests to any host but 127.0.0.1 or outside ``folder`` (data: and blob: URLs stay
        in the page), console errors and uncaught exceptions, failed requests; empty when all
        is well."""
        found = {
            "requests to another host": [u for u in self.requests if not self.local(u)],
            "console errors": self.errors,
            "failed requests": self.failures,
        }
        return {kind: items for kind, items in found.items() if items}

    def local(self, url: str) -> bool:
        return local(url) or (bool(self.folder) and url.startswith(self.folder))


def console_text(message: ConsoleMessage) -> str:
    return f"console: {message.text} ({message.location.get('url', '')})"


def local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob"} or parts.hostname == "127.0.0.1"


# A chart is ready when its container holds the build-time SVG with a size (a figure the
# layout hides, a closed tab say, only needs the SVG to exist) and roi-charts.js has given
# its marks their tooltips.
CHART_STATE = """
figure => {
  const box = figure.querySelector('[data-roi-chart]');
  if (!box) return 'no [data-roi-chart] container';
  const graphic = box.querySelector('svg');
  if (!graphic) return 'no svg in ' + box.getAttribute('data-roi-chart');
  const shown = figure.getClientRects().length > 0;
  const r = graphic.getBoundingClientRect();
  if (shown && (r.width === 0 || r.height === 0)) return 'empty graphic';
  if (!box.dataset.roiTooltips) return 'no tooltips started by roi-charts.js';
  return '';
}
"""
ALL_DRAWN = f"""
() => [...document.querySelectorAll('figure.roi-chart')].every(f => ({CHART_STATE})(f) === '')
"""


def undrawn_charts(page: Page, timeout: float = CHART_TIMEOUT_MS) -> dict[str, str]:
    """Wait until every ``figure.roi-chart`` has drawn; return those that have not, by id."""
    with suppress(PlaywrightError):  # reported below, chart by chart
        page.wait_for_function(ALL_DRAWN, timeout=timeout)
    states = page.locator("figure.roi-chart").evaluate_all(
        f"""figures => figures.map((f, i) => [
              (f.querySelector('[data-roi-chart]') || {{}}).dataset?.roiChart || 'figure ' + i,
              ({CHART_STATE})(f)])"""
    )
    return {name: state for name, state in states if state}


def hidden_static_images(page: Page) -> list[str]:
    """Chart figures whose build-time SVG is missing or not visible."""
    return page.locator("figure.roi-chart").evaluate_all(
        """figures => figures.flatMap((f, i) => {
             const svg = f.querySelector('.roi-chart-graphic > svg');
             if (!svg) return ['figure ' + i + ': no .roi-chart-graphic > svg'];
             const r = svg.getBoundingClientRect();
             const style = getComputedStyle(svg);
             if (r.width === 0 || r.height === 0 || style.visibility === 'hidden')
               return ['figure ' + i + ': not visible'];
             return [];
           })"""
    )


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=png, full_page=True)
    return png


def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium for a test module (the ``chromium`` fixture of conftest.py)."""
    require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**LAUNCH)
        yield browser
        browser.close()


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.set_default_timeout(CHART_TIMEOUT_MS)
    return context


@contextmanager
def open_page(browser: Browser, watch: Watch, **options: Any) -> Iterator[Page]:
    context = new_context(browser, **options)
    try:
        yield watch.attach(context.new_page())
    finally:
        context.close()


def assert_clean(watch: Watch) -> None:
    assert watch.problems() == {}


def reveal_in_nav(page: Page, link: Locator) -> None:
    """Open the collapsed navigation sections around ``link``, outermost first."""
    toggles = link.evaluate(
        """a => { const ids = [];
             for (let li = a.closest('li.md-nav__item--nested'); li;
                  li = li.parentElement.closest('li.md-nav__item--nested'))
               ids.unshift(li.querySelector(':scope > input.md-nav__toggle').id);
             return ids; }"""
    )
    for toggle in toggles:
        if not page.locator(f'[id="{toggle}"]').is_checked():
            page.locator(f'label[for="{toggle}"]:visible').first.click()


def menu_link(page: Page, path: str) -> Locator:
    """The primary navigation's link to the page at ``path`` (``tableaux/financier.html``), its
    collapsed sections opened. Its ``href`` is relative to the page: match the resolved one."""
    links = page.locator("nav.md-nav--primary a.md-nav__link")
    index = links.evaluate_all("(as, p) => as.findIndex(a => a.href.endsWith('/' + p))", path)
    assert index >= 0, f"no menu link to {path} in {page.url}"
    link = links.nth(index)
    reveal_in_nav(page, link)
    return link
