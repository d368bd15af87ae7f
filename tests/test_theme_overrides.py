"""The staged site configuration brings our theme overrides (generator/overrides) and the task
list labels (generator/website/tasklabels.py); a company's own ``custom_dir`` wins. What they
fix in the browser is tested by tests/test_browser_a11y.py."""

from __future__ import annotations

from pathlib import Path

from generator.website.build import build_site
from generator.website.config import OVERRIDES, TASK_LABELS, with_overrides, write_site_config
from tests.fixture_company import write_company

ROOT = Path(__file__).resolve().parent.parent


def staged(tmp_path: Path, settings: str) -> tuple[str, Path]:
    config = tmp_path / "company" / "mkdocs.yml"
    config.parent.mkdir()
    config.write_text(settings, "utf-8")
    docs = tmp_path / "stage" / "docs"
    docs.mkdir(parents=True)
    target = write_site_config(config, docs, tmp_path / "site", "Atelier", [], "")
    return target.read_text("utf-8"), target.parent


def test_staged_config_uses_the_overrides_it_copies(tmp_path):
    text, folder = staged(tmp_path, "theme:\n  name: material\n")
    assert f"custom_dir: {OVERRIDES}" in text
    assert f"- {TASK_LABELS}" in text
    search = (folder / OVERRIDES / "partials" / "search.html").read_text("utf-8")
    assert 'role="dialog" aria-label="{{ lang.t(\'search\') }}"' in search


def test_a_company_custom_dir_and_extension_list_are_kept():
    settings = {
        "theme": {"name": "material", "custom_dir": "mine"},
        "markdown_extensions": [{TASK_LABELS: {}}, "tables"],
    }
    staged = with_overrides(settings)
    assert staged["theme"]["custom_dir"] == "mine"
    assert staged["markdown_extensions"] == [{TASK_LABELS: {}}, "tables"]


def test_the_company_name_is_escaped_in_the_theme_header_nav_and_title(tmp_path):
    """Material escapes ``site_name`` in ``title="…"`` only: our header, nav and htmltitle
    overrides escape it in the logo's aria-label, the header's topic, the drawer's title and
    <title> too. A company name from company.yml with a quote or a tag stays text."""
    name = '"><img src=x onerror=alert(1)> « Dupont & "Fils" »'
    data = write_company(tmp_path / "data", {}, name=name)
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml", public=True)
    for page in ("index.html", "tableaux/financier.html", "404.html"):
        html = (site / page).read_text("utf-8")
        assert "<img src=x" not in html and 'aria-label=""' not in html, page
        escaped = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt; « Dupont &amp; &#34;Fils&#34; »"
        assert f'aria-label="{escaped}"' in html, page
        assert html.count(escaped) >= 5, page  # title, two logos' title and label, two texts
