"""The one catalogue of user-facing French text: ``locales/fr-<room>.yml``, one file per stage
of the pipeline (input, metrics, figures, workbooks, pages, forms, commands)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it: the same values, ten times faster."""


@cache
def catalogue(language: str = "fr") -> dict[str, Any]:
    """The whole catalogue of a language, loaded once: the ``locales/fr-*.yml`` rooms merged in
    name order (a key defined in two rooms is a bug)."""
    folder = resources.files("generator").joinpath("locales")
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(f"{language}-"))
    data: dict[str, Any] = {}
    for name in names:
        merge(data, yaml.load(folder.joinpath(name).read_text("utf-8"), Loader=LOADER) or {})
    return data


def merge(target: dict[str, Any], extra: dict[str, Any]) -> None:
    """Deep-merge ``extra`` into ``target``; a key defined twice with two texts is a bug."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        elif key in target:
            raise KeyError(f"catalogue key {key!r} is defined twice")
        else:
            target[key] = value


def text(key: str, /, **values: object) -> str:
    """The text at a dotted ``key``, with ``{placeholders}`` filled from ``values``.

    >>> text("loader.required")
    'valeur obligatoire manquante'
    """
    node: Any = catalogue()
    for part in key.split("."):
        node = node[part]
    return str(node).format(**values) if values else str(node)
