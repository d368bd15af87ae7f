"""The staged site configuration: one complete ``mkdocs.yml`` that MkDocs and Zensical both
build from. It is the company's ``mkdocs.yml`` with the staged docs folder, the generated
navigation, the company's name and the site's address filled in, made readable from the disk
(``file://``): the same site is published and sent as a zip."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

CONFIG_NAME = "mkdocs.yml"
OFFLINE = "offline"
# Material's offline plugin loads this shim from unpkg.com unless a polyfill already names
# "iframe-worker": ours is generator/assets/iframe-worker.js, copied into the site.
IFRAME_WORKER = "assets/javascripts/iframe-worker.js"
# Instant navigation completes Material's document$ without a page when opened from file://:
# no chart, form or search would start.
INSTANT = "navigation.instant"
# Our overrides of Material's templates (accessibility fixes), copied next to the staged
# mkdocs.yml: a company that sets its own ``custom_dir`` keeps it, without them.
OVERRIDES = "overrides"
TASK_LABELS = "generator.website.tasklabels"


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
    return with_accessibility(readable_from_files(staged))


def with_accessibility(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` with our theme overrides (unless the company has its own ``custom_dir``)
    and the extension that labels task lists' checkboxes."""
    theme = settings["theme"]
    extensions = settings.get("markdown_extensions") or []
    named = {e if isinstance(e, str) else next(iter(e), "") for e in extensions}
    return {
        **settings,
        "theme": {"custom_dir": OVERRIDES, **theme},
        "markdown_extensions": extensions if TASK_LABELS in named else [*extensions, TASK_LABELS],
    }


def readable_from_files(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` for a site that also works opened from ``file://``: Material's offline
    plugin (links to ``page.html``, the search index as a script) with its iframe-worker shim
    served by the site itself, and no instant navigation. A company that lists ``offline``
    keeps its own settings of the plugin."""
    extra = settings.get("extra") or {}
    polyfills = [p for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    return {
        **settings,
        "theme": without_instant(settings.get("theme") or {}),
        "plugins": with_offline(settings.get("plugins")),
        "extra": {**extra, "polyfills": [IFRAME_WORKER, *polyfills]},
    }


def without_instant(theme: str | dict[str, Any]) -> dict[str, Any]:
    """MkDocs' ``theme`` (a name or a mapping) without ``navigation.instant`` and its options."""
    settings = {"name": theme} if isinstance(theme, str) else theme
    features = [f for f in settings.get("features") or [] if not str(f).startswith(INSTANT)]
    return {**settings, "features": features}


def with_offline(plugins: list[Any] | dict[str, Any] | None) -> list[Any] | dict[str, Any]:
    """MkDocs' ``plugins`` (a list, a mapping, or absent: search alone) with ``offline``."""
    if plugins is None:
        return ["search", OFFLINE]
    if isinstance(plugins, dict):
        return {**plugins, OFFLINE: plugins.get(OFFLINE, {})}
    named = {p if isinstance(p, str) else next(iter(p), "") for p in plugins}
    return plugins if OFFLINE in named else [*plugins, OFFLINE]


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
    copy_overrides(docs_dir.parent / OVERRIDES)
    target.write_text(yaml.safe_dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def copy_overrides(target: Path) -> None:
    """Put our theme overrides (``generator/overrides``) in ``target``."""
    with resources.as_file(resources.files("generator").joinpath(OVERRIDES)) as source:
        shutil.copytree(source, target, dirs_exist_ok=True)


def zensical_build(config: Path) -> subprocess.CompletedProcess[str]:
    """Build the staged site with Zensical (``zensical build -f config``)."""
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "-f", str(config.resolve())],
        capture_output=True,
        text=True,
        check=False,
        cwd=config.parent,
    )
