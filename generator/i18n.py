"""The one catalogue of user-facing French text (``locales/fr.yml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def catalogue(language: str = "fr") -> dict[str, Any]:
    """The whole catalogue of a language, loaded once."""
    text = resources.files("generator").joinpath(f"locales/{language}.yml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def text(key: str, /, **values: object) -> str:
    """The text at a dotted ``key``, with ``{placeholders}`` filled from ``values``.

    >>> text("loader.required")
    'valeur obligatoire manquante'
    """
    node: Any = catalogue()
    for part in key.split("."):
        node = node[part]
    return str(node).format(**values) if values else str(node)
