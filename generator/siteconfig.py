"""The staged site configuration: one complete ``mkdocs.yml`` that MkDocs and Zensical both
build from. It is the company's ``mkdocs.yml`` with the staged docs folder, the generated
navigation, the company's name and the site's address filled in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

CONFIG_NAME = "mkdocs.yml"


def read_settings(config_file: Path) -> dict[str, Any]:
    """The company's settings, with ``!ENV`` values resolved and ``INHERIT`` merged."""
    with config_file.open("rb") as source:
        return yaml_load(source)


def site_settings(
    settings: dict[str, Any],
    docs_dir: Path,
    site_dir: Path,
    site_name: str,
    navigation: list[Any],
    site_url: str,
) -> dict[str, Any]:
    """``settings`` with our docs folder (relative: Zensical refuses an absolute one), the site
    folder, name, navigation and, when known, the address."""
    staged = {
        **settings,
        "site_name": site_name,
        "docs_dir": docs_dir.name,
        "site_dir": str(site_dir.resolve()),
        "nav": navigation,
    }
    if site_url:
        staged["site_url"] = site_url
    return staged


def write_site_config(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    site_name: str,
    navigation: list[Any],
    site_url: str,
) -> Path:
    """Write the staged ``mkdocs.yml`` next to ``docs_dir`` and return its path."""
    staged = site_settings(
        read_settings(config_file), docs_dir, site_dir, site_name, navigation, site_url
    )
    target = docs_dir.parent / CONFIG_NAME
    if target.resolve() == config_file.resolve():
        raise ValueError(f"{target} is the company's own configuration: stage the docs elsewhere")
    target.write_text(yaml.safe_dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def zensical_build(config: Path) -> subprocess.CompletedProcess[str]:
    """Build the staged site with Zensical (``zensical build -f config``)."""
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "-f", str(config.resolve())],
        capture_output=True,
        text=True,
        check=False,
        cwd=config.parent,
    )
