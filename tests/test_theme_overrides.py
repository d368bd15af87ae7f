"""The staged site configuration brings our theme overrides (generator/overrides) and the task
list labels (generator/website/tasklabels.py); a company's own ``custom_dir`` wins. What they
fix in the browser is tested by tests/test_browser_a11y.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
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


@pytest.mark.parametrize("char", ['"', "<", ">"])
def test_a_company_name_with_markup_is_refused(tmp_path, char):
    """Material writes the company's name unescaped in the logo's aria-label, the header and
    the drawer (and Zensical's theme alike): « " » would end the attribute, « < » open a tag.
    company.yml refuses them, at the name's line, saying how to quote."""
    data = write_company(tmp_path / "data", {}, name=f"Atelier {char}Dupont{char}")
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert f"le caractère « {char} » n'est pas accepté dans le nom" in result.output


def test_a_company_name_with_french_quotes_and_an_ampersand_stays_text(tmp_path):
    name = "L'Atelier « Dupont & Fils »"
    data = write_company(tmp_path / "data", {}, name=name)
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml", public=True)
    for page in ("index.html", "tableaux/financier.html", "404.html"):
        html = (site / page).read_text("utf-8")
        assert f'aria-label="{name}"' in html, page  # valid HTML: « & » before a space
        assert f"{name}\n" in html, page
