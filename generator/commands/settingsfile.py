"""The ``company.yml`` that ``roi init`` writes, derived from the declaration of the settings.

One line per declared setting, in the declaration's order, with its default (or the value
``roi init`` fills in) and its comment from the catalogue (``settings.init`` in
``locales/fr-input.yml``). Band edges are left out: a section holding only edges is written
``{}``, so the method's edges apply until the company sets its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.core.i18n import catalogue
from generator.input.settings import SETTINGS, Setting
from generator.input.settingvalues import number_text

COMMENT_COLUMN = 32
"""Where the comments start, so that they line up under each other."""
COMMENT_GAP = 3
"""The fewest spaces between a long value and its comment."""


def yaml_value(value: Any) -> str:
    """A value as a person writes it in the file: ``35``, ``true``, ``""``, ``{CDI: 35}``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    return str(value) if value else '""'


def written(setting: Setting) -> bool:
    """Whether the file writes ``setting``: every one but the band edges."""
    return setting.kind != "edges"


def setting_line(setting: Setting, values: dict[str, Any]) -> str:
    """``name: value`` indented under its section; an empty section is written ``{}``."""
    indent = "  " * setting.key.count(".")
    if setting.kind != "section":
        value = values.get(setting.key, setting.default)
        return f"{indent}{setting.name}: {yaml_value(value)}"
    inside = [s for s in SETTINGS if s.parent == setting.key and written(s)]
    return f"{indent}{setting.name}:" + ("" if inside else " {}")


def with_comment(line: str, comment: str) -> str:
    """``line`` followed by ``# comment`` at :data:`COMMENT_COLUMN`, or by nothing."""
    if not comment:
        return line
    return f"{line.ljust(COMMENT_COLUMN - COMMENT_GAP)}{' ' * COMMENT_GAP}# {comment}"


def settings_file(values: dict[str, Any]) -> str:
    """The text of a new ``company.yml``: ``values`` (by dotted key) for the required
    settings, the declared defaults for the others."""
    texts = catalogue()["settings"]["init"]
    comments = texts["comments"]
    lines = [f"# {texts['header']}"]
    for setting in filter(written, SETTINGS):
        lines.append(with_comment(setting_line(setting, values), comments.get(setting.key, "")))
    return "\n".join(lines) + "\n"
