"""Valid HTML: the Nu HTML checker finds no error in any page of the demo's public site or of
its complete report (``--private``), but those Material's own templates write, each listed in
THEME_ERRORS with its reason and template. An entry that matches nothing fails too: the list
cannot outlive the errors it excuses.

The checker is npm's vnu-jar, pinned in tools/vnu/package-lock.json (``make unit`` installs
it), run once on every page: one JVM, slow to start. Without Java or the jar the test is
skipped, except in CI (CI=true), where .ci/run installs them. Charts drawn in one page never
share an id, whatever vl-convert numbers from 1 (no demo chart has any yet)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.figures.vega import inline_svg
from tests.browser import ROOT, demo_site, in_ci

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# "non-document-error": the checker could not read a page, which must not pass silently.
FAILING = {"error", "non-document-error"}


@dataclass(frozen=True)
class Message:
    """One message of the checker, on a page named ``public/...`` or ``private/...``."""

    page: str
    line: int
    kind: str
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.text} [{' '.join(self.extract.split())}]"


@dataclass(frozen=True)
class ThemeError:
    """An error written by Material's own template, not by ours: its message, the element
    it is on (a pattern on the checker's extract), the template and why it is left alone."""

    message: re.Pattern[str]
    element: re.Pattern[str]
    template: str
    reason: str

    def matches(self, found: Message) -> bool:
        return bool(self.message.search(found.text) and self.element.search(found.extract))


AUTOCOMPLETE = re.compile(r"^Attribute “autocomplete” is only allowed when the input type is “")
TOGGLE = (
    'Material writes autocomplete="off" on its hidden checkbox toggle so that browsers do '
    "not restore its state on reload; HTML allows the attribute on text-like inputs only. "
    "Harmless, and the toggles are not in a block an override could replace."
)
THEME_ERRORS = (
    ThemeError(
        AUTOCOMPLETE,
        re.compile(r'<input [^>]*id="__drawer"'),
        "material/templates/base.html (navigation drawer toggle)",
        TOGGLE,
    ),
    ThemeError(
        AUTOCOMPLETE,
        re.compile(r'<input [^>]*id="__search"'),
        "material/templates/base.html (search toggle)",
        TOGGLE,
    ),
)


def require_vnu() -> None:
    """Skip without Java or the checker on a developer's machine; fail in CI."""
    missing = [
        what
        for what, there in (("java", shutil.which("java")), (str(VNU), VNU.is_file()))
        if not there
    ]
    if not missing:
        return
    reason = f"missing: {', '.join(missing)} (make tools/vnu/node_modules/.installed; Java)"
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so the HTML must be checked", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def messages(pytestconfig: pytest.Config) -> list[Message]:
    """Every message of the checker on every page of both demo reports, from one run."""
    require_vnu()
    sites = {"public": demo_site(pytestconfig), "private": demo_site(pytestconfig, False)}
    pages = {
        page.resolve(): f"{name}/{page.relative_to(site).as_posix()}"
        for name, site in sites.items()
        for page in sorted(site.rglob("*.html"))
    }
    started = time.monotonic()
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"Nu HTML checker: {len(pages)} pages in {time.monotonic() - started:.1f} s")
    return [message(m, pages) for m in json.loads(run.stderr)["messages"]]


def message(found: dict[str, object], pages: dict[Path, str]) -> Message:
    path = Path(unquote(urlsplit(str(found.get("url", ""))).path)).resolve()
    return Message(
        pages.get(path, str(path)),
        int(str(found.get("lastLine", 0))),
        str(found["type"]),
        str(found.get("message", "")),
        str(found.get("extract", "")),
    )


def test_no_page_has_an_html_error_but_the_themes(messages: list[Message]) -> None:
    errors = [m for m in messages if m.kind in FAILING]
    ours = [str(m) for m in errors if not any(entry.matches(m) for entry in THEME_ERRORS)]
    assert ours == []


def test_every_theme_error_allowed_still_occurs(messages: list[Message]) -> None:
    counts = Counter(
        entry for m in messages if m.kind in FAILING for entry in THEME_ERRORS if entry.matches(m)
    )
    for entry in THEME_ERRORS:
        pages = {m.page for m in messages if m.kind in FAILING and entry.matches(m)}
        print(f"{entry.template}: {counts[entry]} errors on {len(pages)} pages")
    assert [entry.template for entry in THEME_ERRORS if not counts[entry]] == []


# A line clipped to its axes and an area filled with a gradient: vl-convert gives each chart
# a clip path and a gradient, with ids numbered from 1 in every SVG.
STOPS = [{"offset": 0, "color": "white"}, {"offset": 1, "color": "red"}]
CLIPPED = {
    "data": {"values": [{"x": 1, "y": 2}, {"x": 3, "y": 5}]},
    "encoding": {
        "x": {"field": "x", "type": "quantitative", "scale": {"domain": [0, 2]}},
        "y": {"field": "y", "type": "quantitative"},
    },
    "layer": [
        {"mark": {"type": "line", "clip": True}},
        {"mark": {"type": "area", "color": {"gradient": "linear", "stops": STOPS}}},
    ],
}
IDS = re.compile(r'\sid="([^"]+)"')
REFERENCES = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"')


def test_two_charts_on_a_page_never_share_an_id() -> None:
    charts = [inline_svg(CLIPPED, "Deux points", f"figure-{name}") for name in ("a", "b")]
    ids = IDS.findall("".join(charts))
    assert len(ids) >= 4 and len(ids) == len(set(ids))
    for chart in charts:
        references = {url or href for url, href in REFERENCES.findall(chart)}
        assert references and references <= set(IDS.findall(chart))
