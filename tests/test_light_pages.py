"""The built demo site speaks French to search engines and to its readers' browsers: a meta
description on every page, « Lien permanent » and « Réalisé avec » rather than the theme's
English, and no chart runtime or spec anywhere (each chart is drawn once, as SVG in its page).
Same build as the browser tests (the ``site`` fixture of conftest.py)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from generator.pages.render import all_pages
from generator.website.config import with_permalink_title
from tests.browser import html, site_pages

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
ENGLISH = ("Made with", "Permanent link")


def descriptions(site: Path) -> dict[str, str]:
    found = {path: DESCRIPTION.search(html(site, path)) for path in site_pages(site)}
    return {path: unescape(match[1]) if match else "" for path, match in found.items()}


def test_every_page_has_a_meta_description_and_each_generated_page_its_own(site: Path) -> None:
    """A hand-written page without ``description:`` in its front matter gets the site's."""
    found = descriptions(site)
    assert [path for path, text in found.items() if len(text) < 40] == []
    generated = {found[html_path(page.path)] for page in all_pages()}
    assert len(generated) == len(all_pages()), "two generated pages share a description"


def html_path(markdown: str) -> str:
    return "" if markdown == "index.md" else markdown.removesuffix(".md") + ".html"


def test_the_theme_speaks_french(site: Path) -> None:
    english = {
        path: [words for words in ENGLISH if words in html(site, path)] for path in site_pages(site)
    }
    assert {path: words for path, words in english.items() if words} == {}
    home = html(site, "")
    assert "Réalisé avec" in home
    assert 'title="Lien permanent"' in html(site, "methode.html")


def test_no_chart_runtime_nor_spec_in_the_site(site: Path) -> None:
    scripts = site / "assets" / "javascripts"
    assert not (scripts / "vega.js").exists()
    assert not (scripts / "roi-locales.js").exists()
    specs = [p for p in site_pages(site) if "data-roi-spec" in html(site, p)]
    assert specs == []
    charted = html(site, "tableaux/operationnel.html")
    assert re.search(r'<div class="roi-chart-graphic" data-roi-chart="[^"]+"><svg ', charted)


def test_a_company_permalink_title_is_kept_and_a_bare_toc_gets_ours() -> None:
    assert with_permalink_title(["toc"]) == [{"toc": {"permalink_title": "Lien permanent"}}]
    own = [{"toc": {"permalink": True, "permalink_title": "Lien"}}, "tables"]
    assert with_permalink_title(own) == own
    assert with_permalink_title({"toc": None}) == {"toc": {"permalink_title": "Lien permanent"}}
