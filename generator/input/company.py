"""``company.yml``: the company's settings, read from their declaration (``settings.py``).

The file is first read safely (``safeyaml.py``), then every key at every level is matched
against :data:`~generator.input.settings.SETTINGS`: an unknown key, a value of the wrong kind or out
of its bounds is a problem with its own line. A setting left out takes its declared default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.input.parse import shown
from generator.input.safeyaml import read_tree
from generator.input.settings import (
    MAX_NAME,
    SETTING_BY_KEY,
    SETTINGS,
    VALUES,
    Setting,
    children,
    suggestion,
)
from generator.input.settingvalues import KIND_CHECKS, Invalid, bad, name_text, number

FILE = "company.yml"
NULL = "tag:yaml.org,2002:null"


def default(key: str) -> Any:
    """The declared default of ``key`` (a fresh copy of a mapping)."""
    value = SETTING_BY_KEY[key].default
    return dict(value) if isinstance(value, dict) else value


def grouped(attribute: str) -> dict[str, Any]:
    """The declared defaults gathered in one field: ``thresholds`` → {metric: edges}."""
    return {s.name: s.default for s in VALUES if s.field == attribute}


@dataclass(frozen=True)
class Company:
    """Settings of one company; the defaults are those of the declaration."""

    name: str
    deployed_on: date
    language: str = default("language")
    currency: str = default("currency")
    hourly_value: float = default("hourly_value")
    error_cost: float = default("error_cost")
    active_uses_per_week: int = default("active_uses_per_week")
    recent_months: int = default("recent_months")
    alternatives: dict[str, float] = field(default_factory=lambda: default("alternatives"))
    forms_repository: str = default("forms.repository")
    forms_branch: str = default("forms.branch")
    show_names: bool = default("privacy.show_names")
    min_group_size: int = default("privacy.min_group_size")
    thresholds: dict[str, tuple[float, ...]] = field(default_factory=lambda: grouped("thresholds"))
    site_url: str = default("site_url")

    def published_url(self) -> str:
        """Where the site is published: ``site_url``, else the GitHub Pages address of
        ``forms.repository`` (``owner/name`` → ``https://owner.github.io/name/``), else ""."""
        if self.site_url:
            return self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        owner, _, name = self.forms_repository.partition("/")
        return f"https://{owner}.github.io/{name}/" if owner and name else ""


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def unknown(section: str, name: str) -> str:
    """The message for an unknown key: the key meant, else the keys allowed there."""
    if not section and name in SETTING_BY_KEY and "." in name:  # `privacy.show_names:` on one line
        parent, _, child = name.rpartition(".")
        return text("settings.dotted", section=parent, name=child)
    meant = suggestion(section, name)
    if meant:
        return text("settings.unknown", suggestion=meant)
    return text("settings.unknown_listed", keys=", ".join(children(section)))


def keys_by_path(
    root: yaml.MappingNode,
) -> tuple[dict[str, yaml.Node], dict[str, int], list[Problem]]:
    """Every declared key of the file by its dotted path (its value and its line), and a
    problem for each key the declaration does not know, at any level."""
    found: dict[str, yaml.Node] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    pending: list[tuple[str, yaml.MappingNode]] = [("", root)]
    while pending:
        section, mapping = pending.pop()
        for key_node, value in mapping.value:
            name = str(key_node.value)
            path = f"{section}.{name}" if section else name
            setting = (
                SETTING_BY_KEY.get(path) if "." not in name else None
            )  # no `privacy.x:` at the top
            if setting is None:
                where = f"{section}.{shown(name)}" if section else shown(name)
                problems.append(Problem(FILE, line_of(key_node), where, unknown(section, name)))
                continue
            found[path], lines[path] = value, line_of(key_node)
            if setting.kind == "section" and isinstance(value, yaml.MappingNode):
                pending.append((path, value))
    return found, lines, problems


@dataclass
class Reader:
    """Checks each declared setting of one file, collecting one problem per bad value."""

    found: dict[str, yaml.Node]
    lines: dict[str, int]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, key: str, message: str) -> None:
        self.problems.append(Problem(FILE, line, key, message))

    def value(self, setting: Setting) -> Any:
        """The setting's value, its default when it is left out or refused."""
        node, line = self.found.get(setting.key), self.lines.get(setting.key, 0)
        if node is None or is_null(node):
            if setting.required:
                self.problem(line, setting.key, text("settings.required"))
            return default(setting.key)
        try:
            if setting.kind == "prices":
                return self.prices(setting, node)
            return KIND_CHECKS[setting.kind](setting, node)
        except Invalid as error:
            self.problem(line, setting.key, str(error))
            return default(setting.key)

    def prices(self, setting: Setting, node: yaml.Node) -> dict[str, float]:
        """Free names, each with a number in the setting's bounds."""
        if not isinstance(node, yaml.MappingNode):
            raise bad(setting, node)
        price = replace(setting, kind="number")
        result: dict[str, float] = {}
        for key_node, value in node.value:
            path = f"{setting.key}.{shown(key_node.value)}" if key_node.value else setting.key
            try:
                result[name_text(str(key_node.value))] = float(number(price, value))
            except ValueError:
                self.problem(line_of(key_node), path, text("settings.bad_name", max=MAX_NAME))
            except Invalid as error:
                self.problem(line_of(key_node), path, str(error))
        return result

    def section(self, setting: Setting) -> None:
        node = self.found.get(setting.key)
        if node is not None and not is_null(node) and not isinstance(node, yaml.MappingNode):
            self.problem(self.lines[setting.key], setting.key, str(bad(setting, node)))


def company_of(values: dict[str, Any]) -> Company:
    """The :class:`Company` of checked values by dotted key; ``thresholds.adoption`` goes
    into the ``thresholds`` mapping, ``forms.branch`` into ``forms_branch``."""
    fields: dict[str, Any] = {}
    for setting in VALUES:
        if setting.key.startswith(f"{setting.field}."):
            fields.setdefault(setting.field, {})[setting.name] = values[setting.key]
        else:
            fields[setting.field] = values[setting.key]
    return Company(**fields)


def read_company(root: yaml.Node | None) -> tuple[Company | None, list[Problem]]:
    """A :class:`Company` from the file's tree, or None and every problem in it."""
    if root is not None and not isinstance(root, yaml.MappingNode):
        return None, [Problem(FILE, line_of(root), "", text("settings.not_mapping"))]
    empty = yaml.MappingNode("tag:yaml.org,2002:map", [])
    found, lines, problems = keys_by_path(root or empty)
    reader = Reader(found, lines, problems)
    for setting in SETTINGS:
        if setting.kind == "section":
            reader.section(setting)
    values = {setting.key: reader.value(setting) for setting in VALUES}
    if reader.problems:
        return None, reader.problems
    return company_of(values), []


def load_company(data_dir: Path) -> tuple[Company | None, list[Problem]]:
    """Read and check ``company.yml``: the settings, or None and every problem found."""
    path = data_dir / FILE
    if not path.is_file():
        return None, [Problem(FILE, 0, "", text("settings.missing_file"))]
    root, problems = read_tree(path, FILE)
    if root is None and problems:
        return None, problems
    company, more = read_company(root)
    problems += more
    return (None if problems else company), problems
