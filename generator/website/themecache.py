"""The theme's compiled templates kept between builds: MkDocs makes a new Jinja environment
for the theme at every build and compiles Material's templates again (a third of its build);
this plugin, added by ``mkdocs_config`` and not by the company's ``mkdocs.yml``, gives that
environment the same bytecode cache as our pages (see ``generator.pages.templatecache``)."""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.pages.templatecache import with_bytecode_cache

NAME = "roi-theme-cache"


class NoSettings(Config):
    """The plugin has no settings."""


class ThemeCache(BasePlugin[NoSettings]):
    """``on_env``: the theme's environment with a bytecode cache."""

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        return with_bytecode_cache(env)


def with_theme_cache(config: Any) -> Any:
    """MkDocs settings ``config`` with the plugin registered; returns ``config``."""
    config.plugins[NAME] = ThemeCache()
    return config
