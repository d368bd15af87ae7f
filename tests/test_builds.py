"""Reproducible builds (the same data gives the same bytes) and the Zensical build."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import struct
from pathlib import Path

import pytest

from generator.website.build import build_site
from generator.website.reproducible import VARIABLE, data_epoch, source_date_epoch

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
NBSP = "\u00a0"
# as_of.week of the demo is 2026-W40: Monday 2026-09-28 … Sunday 2026-10-04, and
# 2026-10-04 00:00 UTC = 20 730 days × 86 400 s = 1 791 072 000 s after 1970-01-01.
DATA_DAY, DATA_EPOCH = "2026-10-04", 1_791_072_000


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo (with an address, so the sitemap lists pages) built twice, from two working
    folders: the first with a cold chart cache, the second with the first one's cache."""
    tmp = tmp_path_factory.mktemp("repro")
    data = tmp / "data"
    shutil.copytree(DEMO, data)
    with (data / "company.yml").open("a", encoding="utf-8") as company:
        company.write("site_url: https://exemple.fr/roi/\n")
    first, second = tmp / "first", tmp / "second"
    first.mkdir()
    home, saved = Path.cwd(), os.environ.pop(VARIABLE, None)
    try:
        os.chdir(first)
        build_site(data, tmp / "site1", ROOT / "mkdocs.yml")
        assert VARIABLE not in os.environ  # restored after the build
        assert any((first / ".roi" / "cache").iterdir())
        shutil.copytree(first / ".roi", second / ".roi")
        os.chdir(second)
        build_site(data, tmp / "site2", ROOT / "mkdocs.yml")
    finally:
        os.chdir(home)
        if saved is not None:
            os.environ[VARIABLE] = saved
    return tmp / "site1", tmp / "site2"


def test_building_twice_gives_the_same_bytes(two_builds):
    one, two = (files(site) for site in two_builds)
    assert sorted(one) == sorted(two)
    differing = sorted(name for name in one if one[name] != two[name])
    assert differing == [], differing
    assert len(one) > 50


def test_sitemap_dates_come_from_the_data(two_builds):
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    # Pages are files (the site also opens from the disk): https://exemple.fr/roi/ still
    # serves index.html, but the sitemap names the file.
    for page in ("index.html", "tableaux/operationnel.html"):
        assert f"<loc>https://exemple.fr/roi/{page}</loc>" in sitemap, page
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {DATA_DAY}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == DATA_EPOCH  # gzip header MTIME
    assert gzip.decompress(packed).decode("utf-8") == sitemap


def test_the_epoch_is_the_end_of_the_newest_week():
    assert data_epoch({"as_of": {"week": "2026-W40", "month": "2026-09"}}) == DATA_EPOCH
    # no usage: the workbooks' date, last day of as_of.month (2026-02-28 = 20 512 days)
    assert data_epoch({"as_of": {"week": None, "month": "2026-02"}}) == 20_512 * 86_400
    # no month either: 2000-01-01 = 10 957 days
    assert data_epoch({"as_of": {"week": None, "month": None}}) == 10_957 * 86_400


def test_a_source_date_epoch_set_by_the_caller_is_kept(monkeypatch):
    monkeypatch.setenv(VARIABLE, "1234567890")
    with source_date_epoch({"as_of": {"week": "2026-W40", "month": "2026-09"}}) as value:
        assert value == "1234567890" == os.environ[VARIABLE]
    assert os.environ[VARIABLE] == "1234567890"
    monkeypatch.delenv(VARIABLE)
    with source_date_epoch({"as_of": {"week": "2026-W40", "month": "2026-09"}}) as value:
        assert value == str(DATA_EPOCH)
    assert VARIABLE not in os.environ


NUMBER = re.compile(rf"\d[\d\u202f]*(?:,\d+)?{NBSP}(?:€|%|h|mois)")
PAGES = ("", "tableaux/operationnel", "tableaux/financier", "tableaux/business")


def main_text(html: str) -> str:
    """The article of a page: what both themes render from our Markdown."""
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def test_zensical_builds_the_same_site(two_builds, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "zensical"
    data = two_builds[0].parent / "data"
    build_site(data, site, ROOT / "mkdocs.yml", builder="zensical")
    pages = {p: (site / f"{p or 'index'}.html").read_text("utf-8") for p in PAGES}
    # Hand values of the demo, computed in tests/test_site.py::test_home_cards_show_the_demo_numbers
    for value in (f"5,96{NBSP}€", f"67{NBSP}%", f"1,82{NBSP}mois"):
        assert value in pages[""], value
    assert f"67{NBSP}%" in pages["tableaux/operationnel"]
    for value in (f"5,96{NBSP}€", f"637,40{NBSP}€", f"106,9{NBSP}h", f"1,82{NBSP}mois"):
        assert value in pages["tableaux/financier"], value
    assert pages[""].count('class="roi-card ') == 4
    assert pages[""].count('class="task-list-item"') >= 4  # the readiness checklist
    for path, html in pages.items():
        assert "Atelier Exemple" in html
        mkdocs_html = (two_builds[0] / f"{path or 'index'}.html").read_text("utf-8")
        assert_overrides_applied(mkdocs_html)
        assert_overrides_applied(html)
        assert NUMBER.findall(main_text(html)) == NUMBER.findall(main_text(mkdocs_html)), path
        for chart in re.findall(r"charts/[\w-]+\.svg", mkdocs_html):
            assert chart in html, (path, chart)
            assert (site / chart).is_file(), chart
    assert (site / "metrics.json").read_bytes() == (two_builds[0] / "metrics.json").read_bytes()
    assert remote_loads(site) == {}
    assert re.search(r'<script src="(\./)?assets/javascripts/iframe-worker\.js">', pages[""])
    assert (site / "search.js").read_text("utf-8").startswith("var __index = {")


def assert_overrides_applied(html: str) -> None:
    """Our theme overrides and the task-list labels (generator/overrides, website/tasklabels)
    reach the page: French credit, a named search dialog, every checkbox of the readiness
    checklist inside its label."""
    assert "Réalisé avec" in html and "Made with" not in html
    assert re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*aria-label="\w+', html)
    items = re.findall(r'<li class="task-list-item">(.*?)</li>', html, re.S)
    assert all(item.startswith('<label class="task-list-control"><input') for item in items)


# A tag that loads what its src or href names, and such an address on another host.
LOADING_TAG = re.compile(r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*>", re.I)
REMOTE = re.compile(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def remote_loads(site: Path) -> dict[str, list[str]]:
    """The tags of each HTML file that load something from another host. A canonical link
    only names the page's published address (``site_url``): it loads nothing."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        tags = LOADING_TAG.findall(path.read_text("utf-8"))
        remote = [t for t in tags if REMOTE.search(t) and 'rel="canonical"' not in t]
        if remote:
            found[path.relative_to(site).as_posix()] = remote
    return found


def test_pages_load_nothing_from_another_host_not_even_search_for_file_urls(two_builds):
    """Material's offline plugin would load its iframe-worker shim from unpkg.com: the site
    serves its own copy (generator/assets/iframe-worker.js), and the search index also comes
    as a script, which a page opened from the disk can load."""
    site = two_builds[0]
    assert remote_loads(site) == {}
    home = (site / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://exemple.fr/roi/index.html">' in home
    assert '<script src="assets/javascripts/iframe-worker.js"></script>' in home
    shim = (site / "assets" / "javascripts" / "iframe-worker.js").read_text("utf-8")
    assert "iframe-worker 1.0.4" in shim and 'location.protocol==="file:"' in shim
    index = (site / "search" / "search_index.js").read_text("utf-8")
    assert index == "var __index = " + (site / "search" / "search_index.json").read_text("utf-8")
