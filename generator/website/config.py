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

from generator.core.i18n import text
from generator.pages.scripts import SCRIPTS

CONFIG_NAME = "mkdocs.yml"
OFFLINE = "offline"
# Material's offline plugin loads this shim from unpkg.com unless a polyfill already names
# "iframe-worker": ours is generator/assets/iframe-worker.js, copied into the site.
IFRAME_WORKER = "assets/javascripts/iframe-worker.js"
# Instant navigation completes Material's document$ without a page when opened from file://:
# no chart, form or search would start.
INSTANT = "navigation.instant"
# Our scripts are loaded by the pages that need them (``pages.scripts``): a company
# ``mkdocs.yml`` of an earlier version still lists them, and the chart runtime now gone.
RUNTIME_GONE = ("vega.js", "roi-locales.js")
LISTED_BEFORE = frozenset(f"assets/javascripts/{name}" for name in (*RUNTIME_GONE, *SCRIPTS))
TOC = "toc"
# Our overrides of Material's templates (accessibility fixes, the French credit), copied next
# to the staged mkdocs.yml: a company that sets its own ``custom_dir`` keeps it, without them.
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
    folder, name, navigation and, when known, the address; readable from the disk, without the
    page scripts in ``extra_javascript``, and with the theme's words in French."""
    staged = {
        **settings,
        "site_name": site_name,
        "docs_dir": docs_dir.name,
        "site_dir": str(site_dir.resolve()),
        "nav": navigation,
    }
    if site_url:
        staged["site_url"] = site_url
    return with_overrides(in_french(light(readable_from_files(staged))))


def light(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` without the scripts our pages load themselves (``LISTED_BEFORE``)."""
    return {**settings, "extra_javascript": without_page_scripts(settings.get("extra_javascript"))}


def with_overrides(settings: dict[str, Any]) -> dict[str, Any]:
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


def without_page_scripts(scripts: list[Any] | None) -> list[Any]:
    """``extra_javascript`` without the scripts our pages load themselves (``LISTED_BEFORE``)."""
    return [
        s
        for s in scripts or []
        if str(s if isinstance(s, str) else s.get("path")) not in LISTED_BEFORE
    ]


def in_french(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` whose theme words are French where the company set none: the pages'
    fallback description and the toc's « Lien permanent » (the credit: ``with_overrides``)."""
    return {
        "site_description": text("descriptions.site"),
        **settings,
        "markdown_extensions": with_permalink_title(settings.get("markdown_extensions")),
    }


def with_permalink_title(
    extensions: list[Any] | dict[str, Any] | None,
) -> list[Any] | dict[str, Any]:
    """MkDocs' ``markdown_extensions`` whose ``toc`` says « Lien permanent » unless it says
    something itself."""
    title = {"permalink_title": text("theme_texts.permalink")}
    if isinstance(extensions, dict):
        return {**extensions, TOC: {**title, **(extensions.get(TOC) or {})}}
    return [{TOC: title} if e == TOC else with_title(e, title) for e in extensions or []]


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


def with_title(extension: Any, title: dict[str, str]) -> Any:
    """One ``markdown_extensions`` entry, given ``title`` if it is the ``toc`` one."""
    if isinstance(extension, dict) and TOC in extension:
        return {TOC: {**title, **(extension[TOC] or {})}}
    return extension


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
