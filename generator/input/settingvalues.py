"""One check per kind of setting: a YAML node in, a typed value out, or :class:`Invalid`
with the French message that says what was expected. Used by ``company.py``; the words of
each kind also fill the table of settings on the « Vos données » page."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.core.i18n import catalogue, text
from generator.input.parse import parse_date, shown
from generator.input.settings import MAX_NAME, SETTINGS, VALUES, Setting

CONSTRUCTOR = yaml.SafeLoader("")
HOST_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
HOST = re.compile(rf"{HOST_LABEL}(\.{HOST_LABEL})*")
URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/@!$&'()*+,;=%]+")
REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9._-]{1,100}")
BRANCH = re.compile(r"[A-Za-z0-9_./-]{1,200}")  # what a GitHub URL takes unencoded
GITHUB_PAGE = re.compile(r"(?:https?://)?(?:www\.)?github\.com/([^/]+/[^/]+?)(?:\.git)?/?")
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
PLAIN_NUMBER = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?")
"""A number as people write it: decimal digits, a point before the decimals."""


class Invalid(Exception):
    """A value the declaration refuses; the message says what was expected."""


def number_text(value: float) -> str:
    """A bound as a message shows it: ``0``, ``2.5``, ``1000000``."""
    return str(int(value)) if float(value).is_integer() else str(value)


def bounds(setting: Setting) -> str:
    """The setting's bounds in words: « ≥ 0 », « entre 0 et 100 », or ""."""
    if setting.min is None:
        return ""
    low = number_text(setting.min)
    if setting.max is None:
        return text("settings.bounds.at_least", min=low)
    return text("settings.bounds.range", min=low, max=number_text(setting.max))


def expected(setting: Setting) -> str:
    """What ``setting`` accepts, in words, without the bounds of a number: « un nombre »."""
    edges = setting.default if setting.kind == "edges" else ()
    values = {
        "max": MAX_NAME,
        "count": setting.length,
        "choices": ", ".join(setting.choices),
        "bounds": bounds(setting),
        "example": "[" + ", ".join(number_text(edge) for edge in edges) + "]",
    }
    return text(f"settings.expected.{setting.kind}", **values)


def described(setting: Setting) -> str:
    """:func:`expected` with the bounds of a number: « un nombre entre 0 et 1000 »."""
    words = expected(setting)
    return f"{words} {bounds(setting)}" if setting.kind in ("number", "int") else words


def raw(node: yaml.Node) -> str:
    """A value as the user wrote it, for messages and for text settings."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        items = [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
        if len(items) == len(node.value):
            return "[" + ", ".join(items) + "]"
        return text("settings.a_list")
    return text("settings.a_section")


def bad(setting: Setting, node: yaml.Node) -> Invalid:
    return Invalid(text("settings.bad_value", expected=described(setting), value=shown(raw(node))))


def scalar_text(setting: Setting, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise bad(setting, node)
    return str(node.value)


def number(setting: Setting, node: yaml.Node, whole: bool = False) -> float:
    """A number within the setting's bounds (YAML's own numbers only: ``35``, ``35.5``)."""
    value = CONSTRUCTOR.construct_object(node) if isinstance(node, yaml.ScalarNode) else None
    kinds = int if whole else int | float
    plain = PLAIN_NUMBER.fullmatch(raw(node))  # not YAML 1.1's 010 (8), 0x5, 1:00 (60)
    if (
        isinstance(value, bool)
        or not isinstance(value, kinds)
        or not math.isfinite(value)
        or not plain
    ):
        if DECIMAL_COMMA.fullmatch(raw(node)):
            raise Invalid(text("settings.decimal_comma", value=raw(node)))
        raise bad(setting, node)
    words, given = expected(setting), shown(raw(node))
    if setting.min is not None and value < setting.min:
        minimum = number_text(setting.min)
        raise Invalid(text("settings.below_min", expected=words, min=minimum, value=given))
    if setting.max is not None and value > setting.max:
        maximum = number_text(setting.max)
        raise Invalid(text("settings.above_max", expected=words, max=maximum, value=given))
    return value


def name_text(value: str) -> str:
    """A name of one line, 1 to MAX_NAME characters."""
    value = value.strip()
    if not value or len(value) > MAX_NAME or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError(value)
    return value


MARKUP = '<>"'
"""Characters a name may not hold: the theme writes the company's name unescaped in an
attribute and in the page's text (Material's header and drawer), where « " » would end the
attribute and « < » open a tag. French quotes « » are the way to quote."""


def check_text(setting: Setting, node: yaml.Node) -> str:
    try:
        value = name_text(scalar_text(setting, node))
    except ValueError:
        raise bad(setting, node) from None
    if found := next((c for c in value if c in MARKUP), None):
        raise Invalid(text("settings.markup_in_name", char=found))
    return value


def check_choice(setting: Setting, node: yaml.Node) -> str:
    value = scalar_text(setting, node)
    if value not in setting.choices:
        raise Invalid(text(f"settings.unsupported.{setting.key}", value=shown(value)))
    return value


def check_date(setting: Setting, node: yaml.Node) -> date:
    try:
        return parse_date(scalar_text(setting, node).strip())
    except ValueError:
        raise bad(setting, node) from None


def check_bool(setting: Setting, node: yaml.Node) -> bool:
    value = CONSTRUCTOR.construct_object(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, bool):
        raise bad(setting, node)
    return value


def valid_url(value: str) -> bool:
    """An absolute http(s) address with a host name, no query nor fragment (what MkDocs's
    ``site_url`` and a browser both accept)."""
    if not URL_CHARACTERS.fullmatch(value) or len(value) > 2000:
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and bool(HOST.fullmatch(host)) and not parts.username


def valid_branch(value: str) -> bool:
    """A branch name git accepts (``git check-ref-format --branch``), of the characters a
    GitHub address takes as they are."""
    return bool(BRANCH.fullmatch(value)) and not (
        value.startswith(("-", "/"))
        or value.endswith(("/", "."))
        or ".." in value
        or "//" in value
        or any(part.startswith(".") or part.endswith(".lock") for part in value.split("/"))
    )


def valid_repository(value: str) -> bool:
    """``owner/name`` with GitHub's characters, or "" (no forms)."""
    name = value.partition("/")[2]
    return value == "" or (bool(REPOSITORY.fullmatch(value)) and name not in (".", ".."))


def check_repository(setting: Setting, node: yaml.Node) -> str:
    """``owner/name``; the address of the repository's page is refused with the fix."""
    value = scalar_text(setting, node).strip()
    if valid_repository(value):
        return value
    page = GITHUB_PAGE.fullmatch(value)
    if page and valid_repository(page[1]):
        raise Invalid(text("settings.repository_page", value=page[1]))
    raise bad(setting, node)


def check_pattern(test: Callable[[str], bool]) -> Callable[[Setting, yaml.Node], str]:
    def check(setting: Setting, node: yaml.Node) -> str:
        value = scalar_text(setting, node).strip()
        if not test(value):
            raise bad(setting, node)
        return value

    return check


def check_edges(setting: Setting, node: yaml.Node) -> tuple[float, ...]:
    """``length`` numbers in their bounds, strictly ascending: ``[5, 10, 20]``."""
    refused = bad(setting, node)
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    try:
        edges = tuple(number(setting, item) for item in items)
    except Invalid:
        raise refused from None
    if len(edges) != setting.length or any(a >= b for a, b in pairwise(edges)):
        raise refused
    return edges


KIND_CHECKS: dict[str, Callable[[Setting, yaml.Node], Any]] = {
    "text": check_text,
    "choice": check_choice,
    "date": check_date,
    "number": lambda s, n: float(number(s, n)),
    "int": lambda s, n: int(number(s, n, whole=True)),
    "bool": check_bool,
    "url": check_pattern(lambda v: v == "" or valid_url(v)),
    "repository": check_repository,
    "branch": check_pattern(valid_branch),
    "edges": check_edges,
}


def default_text(setting: Setting) -> str:
    """A setting's default as the documentation shows it: ``35``, ``[5, 10, 20]``, « vide »."""
    value = setting.default
    if setting.required:
        return text("settings.doc.required")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, dict):
        return ", ".join(f"{name}: {number_text(price)}" for name, price in value.items())
    if isinstance(value, tuple):
        return "[" + ", ".join(number_text(edge) for edge in value) + "]"
    return str(value) if value else text("settings.doc.empty")


def default_texts() -> dict[str, str]:
    """Each setting's default as the pages write it, by dotted key, for the texts that name
    one: « `min_group_size` (3 par défaut) »."""
    return {setting.key: default_text(setting) for setting in VALUES}


def settings_table() -> list[dict[str, str]]:
    """One row per declared setting for the « Vos données » page: key, what it accepts,
    its default and what it is for."""
    about = catalogue()["settings"]["about"]
    return [
        {
            "key": setting.key,
            "expected": described(setting),
            "default": "" if setting.kind == "section" else default_text(setting),
            "about": about[setting.key],
        }
        for setting in SETTINGS
    ]
