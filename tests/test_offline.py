"""A site that also works opened from the disk (``file://``): the staged configuration adds
Material's offline plugin with our copy of its iframe-worker shim, and leaves out instant
navigation, whatever the company's ``mkdocs.yml`` says. The browser side is in
tests/test_browser_offline.py."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.website.config import IFRAME_WORKER, readable_from_files
from tests.fixture_company import FEBRUARY_2026, usage_rows, write_company

ROOT = Path(__file__).parent.parent
SHIM = ROOT / "generator" / "assets" / "iframe-worker.js"
# sha256 of shim/index.js in the npm package iframe-worker 1.0.4 (npm pack iframe-worker@1.0.4)
SHIM_SHA256 = "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"
UNPKG = "https://unpkg.com/iframe-worker/shim"


@pytest.mark.parametrize(
    ("plugins", "staged"),
    [
        (None, ["search", "offline"]),  # MkDocs' default is search alone
        ([{"search": {"lang": "fr"}}], [{"search": {"lang": "fr"}}, "offline"]),
        (["search", "offline"], ["search", "offline"]),
        (["search", {"offline": {"enabled": False}}], ["search", {"offline": {"enabled": False}}]),
        ({"search": {"lang": "fr"}}, {"search": {"lang": "fr"}, "offline": {}}),
        ({"offline": {"enabled": False}}, {"offline": {"enabled": False}}),
    ],
    ids=["absent", "list", "listed", "list-disabled", "mapping", "mapping-disabled"],
)
def test_the_offline_plugin_is_added_unless_the_company_lists_it(plugins, staged):
    settings: dict[str, Any] = {"site_name": "x"} if plugins is None else {"plugins": plugins}
    assert readable_from_files(settings)["plugins"] == staged


@pytest.mark.parametrize(
    ("polyfills", "staged"),
    [
        (None, [IFRAME_WORKER]),
        ([UNPKG, "assets/other.js"], [IFRAME_WORKER, "assets/other.js"]),
        ([{"path": UNPKG, "async": False}], [IFRAME_WORKER]),
    ],
    ids=["none", "unpkg-replaced", "unpkg-as-mapping"],
)
def test_the_shim_comes_from_the_site_never_from_unpkg(polyfills, staged):
    extra = {"analytics": {}} if polyfills is None else {"polyfills": polyfills, "analytics": {}}
    assert readable_from_files({"extra": extra})["extra"] == {
        "polyfills": staged,
        "analytics": {},
    }


@pytest.mark.parametrize(
    ("theme", "staged"),
    [
        ("material", {"name": "material", "features": []}),
        (
            {"name": "material", "features": ["navigation.instant", "navigation.top"]},
            {"name": "material", "features": ["navigation.top"]},
        ),
        (
            {"features": ["navigation.instant.prefetch", "navigation.instant", "toc.follow"]},
            {"features": ["toc.follow"]},
        ),
    ],
    ids=["name-only", "instant", "instant-options"],
)
def test_instant_navigation_is_left_out(theme, staged):
    assert readable_from_files({"theme": theme})["theme"] == staged


def test_the_vendored_shim_is_the_npm_file_under_its_licence():
    text = SHIM.read_text("utf-8")
    header, _, code = text.partition(" */\n")
    assert hashlib.sha256(code.encode("utf-8")).hexdigest() == SHIM_SHA256
    assert "iframe-worker 1.0.4" in header
    assert "Copyright (c) 2020-2022 Martin Donath" in header
    assert "Permission is hereby granted, free of charge" in header
    assert "http" not in code  # loads nothing by itself


# The scaffold's mkdocs.yml before the offline site: companies created then still have it.
OLD_CONFIG = """\
site_name: Suivi du ROI de l'IA
docs_dir: docs
theme:
  name: material
  language: fr
  font: false
  features:
    - navigation.instant
    - navigation.top
extra_javascript:
  - assets/javascripts/vega.js
  - assets/javascripts/roi-locales.js
  - assets/javascripts/roi-charts.js
  - assets/javascripts/roi-forms.js
plugins:
  - search:
      lang: fr
"""


def test_a_company_with_an_older_mkdocs_yml_gets_a_site_that_opens_from_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    write_company(
        tmp_path / "data", {"usage.csv": usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 4)}
    )
    (tmp_path / "mkdocs.yml").write_text(OLD_CONFIG, encoding="utf-8")
    result = CliRunner(env={"NO_MKDOCS_2_WARNING": "1"}).invoke(
        cli, ["build", "--data", "data"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    home = (site / "index.html").read_text("utf-8")
    config = json.loads(re.search(r'id="__config"[^>]*>(.*?)</script>', home, re.S)[1])
    assert config["features"] == ["navigation.top"]
    assert '<script src="assets/javascripts/iframe-worker.js"></script>' in home
    assert "unpkg" not in home
    assert re.findall(r"(vega|roi-locales|roi-charts|roi-forms)\.js", home) == []  # page scripts
    assert not (site / "assets" / "javascripts" / "vega.js").exists()
    assert 'href="tableaux/operationnel.html"' in home
    assert (site / "tableaux" / "operationnel.html").is_file()
    assert not (site / "tableaux" / "operationnel").exists()
    assert (site / "search" / "search_index.js").read_text("utf-8").startswith("var __index = ")
    assert (site / "assets" / "javascripts" / "iframe-worker.js").read_bytes() == SHIM.read_bytes()
