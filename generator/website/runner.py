"""The last step of a build, shared by a fresh build and one whose generated docs come from
the docs cache (``generator.website.docscache``): a staged docs folder becomes the site, built
by MkDocs (or Zensical) from the company's ``mkdocs.yml`` completed with what the data gave.
It imports no data library: a build that reuses its docs runs only this."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.website.config import write_site_config, zensical_build
from generator.website.sitedir import replace_site
from generator.website.themecache import with_theme_cache

PACKAGE = resources.files("generator")
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


@dataclass(frozen=True)
class SiteFacts:
    """What the site's configuration takes from the data: the company's name, the pages'
    navigation, the published address and the data's date (``SOURCE_DATE_EPOCH``)."""

    name: str
    nav: list[Any]
    url: str
    epoch: int


def default_config() -> Path:
    """``mkdocs.yml`` of the current folder, else the one shipped with the generator."""
    local = Path("mkdocs.yml")
    return local if local.is_file() else Path(str(PACKAGE.joinpath("scaffold/mkdocs.yml")))


def data_commit(data_dir: Path) -> str:
    """The short commit of the data's Git repository, or "" outside one."""
    try:
        done = subprocess.run(
            ["git", "-C", str(data_dir), "log", "-1", "--format=%h %cs", "--", "."],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@contextmanager
def epoch_variable(epoch: int) -> Iterator[str]:
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` for the duration of a build; a value the caller
    set is kept. The previous environment is restored afterwards."""
    if EPOCH_VARIABLE in os.environ:
        yield os.environ[EPOCH_VARIABLE]
        return
    os.environ[EPOCH_VARIABLE] = str(epoch)
    try:
        yield os.environ[EPOCH_VARIABLE]
    finally:
        os.environ.pop(EPOCH_VARIABLE, None)


def staged_config(config_file: Path, docs_dir: Path, site_dir: Path, facts: SiteFacts) -> Path:
    """Write the complete ``mkdocs.yml`` next to ``docs_dir`` (the company's settings with our
    pages, navigation, name and address): MkDocs and Zensical both build from this file."""
    return write_site_config(config_file, docs_dir, site_dir, facts.name, facts.nav, facts.url)


def mkdocs_config(config_file: Path, docs_dir: Path, site_dir: Path, facts: SiteFacts) -> Any:
    """The MkDocs settings read from the staged ``mkdocs.yml`` (see ``staged_config``), the
    theme's compiled templates kept between builds (see ``generator.website.themecache``)."""
    staged = staged_config(config_file, docs_dir, site_dir, facts)
    return with_theme_cache(load_config(config_file=str(staged), strict=True))


def build_docs(
    config_file: Path, docs_dir: Path, site_dir: Path, facts: SiteFacts, builder: str = "mkdocs"
) -> None:
    """Build the site of the staged ``docs_dir`` into ``site_dir``, dated from the data."""
    with epoch_variable(facts.epoch):
        if builder == "zensical":  # it writes only inside its project folder
            staged_site = docs_dir.parent / "site"
            zensical_site(staged_config(config_file, docs_dir, staged_site, facts))
            replace_site(staged_site, site_dir)
        else:
            mkdocs_build(mkdocs_config(config_file, docs_dir, site_dir, facts))


def zensical_site(config: Path) -> None:
    """Build with Zensical; its messages become the error when it fails."""
    done = zensical_build(config)
    if done.returncode != 0:
        raise RuntimeError(f"zensical build failed:\n{done.stdout}{done.stderr}")
