"""``company.yml``: the company's settings, checked and completed with defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.i18n import text
from generator.parse import parse_date

FILE = "company.yml"
DEFAULT_ALTERNATIVES = {"Stagiaire": 12.0, "Freelance": 45.0, "CDI": 35.0}
KNOWN_KEYS = {
    "name", "language", "currency", "deployed_on", "hourly_value", "error_cost",
    "active_uses_per_week", "recent_months", "alternatives", "forms", "privacy", "thresholds",
    "site_url",
}  # fmt: skip


@dataclass(frozen=True)
class Company:
    """Settings of one company; see the data contract for each key's meaning."""

    name: str
    deployed_on: date
    language: str = "fr"
    currency: str = "EUR"
    hourly_value: float = 35.0
    error_cost: float = 150.0
    active_uses_per_week: int = 3
    recent_months: int = 3
    alternatives: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_ALTERNATIVES))
    forms_repository: str = ""
    forms_branch: str = "main"
    show_names: bool = True
    min_group_size: int = 3
    thresholds: dict[str, Any] = field(default_factory=dict)
    site_url: str = ""

    def published_url(self) -> str:
        """Where the site is published: ``site_url``, else the GitHub Pages address of
        ``forms.repository`` (``owner/name`` → ``https://owner.github.io/name/``), else ""."""
        if self.site_url:
            return self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        owner, _, name = self.forms_repository.partition("/")
        return f"https://{owner}.github.io/{name}/" if owner and name else ""


class SettingsLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: ``Reader.day`` checks them (2026-02-30 too)."""


SettingsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def key_lines(content: str) -> dict[str, int]:
    """The line of each top-level key, for problems that point at it."""
    node = yaml.compose(content)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


class Reader:
    """Reads typed settings out of the parsed YAML, collecting one problem per bad key."""

    def __init__(self, data: dict[str, Any], lines: dict[str, int]) -> None:
        self.data, self.lines, self.problems = data, lines, list[Problem]()

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(FILE, self.lines.get(key.split(".")[0], 0), key, message))

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def text(self, key: str, default: str | None = None) -> str:
        value = self.get(key)
        if value is None:
            if default is None:
                self.problem(key, text("company.required"))
            return default or ""
        if not isinstance(value, str | int | float):
            self.problem(key, text("company.expected_text", value=value))
            return default or ""
        return str(value)

    def number(self, key: str, default: float, minimum: float = 0) -> float:
        value = self.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            self.problem(key, text("company.expected_number", value=value, min=minimum))
            return default
        return float(value)

    def integer(self, key: str, default: int, minimum: int = 1) -> int:
        value = self.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(key, text("company.expected_int", value=value, min=minimum))
            return default
        return value

    def day(self, key: str) -> date:
        value = self.get(key)
        if value is None:
            self.problem(key, text("company.required"))
            return date(2000, 1, 1)
        try:
            return parse_date(str(value))
        except ValueError:
            self.problem(key, text("company.expected_date", value=value))
            return date(2000, 1, 1)

    def flag(self, key: str, default: bool) -> bool:
        value = self.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, text("company.expected_bool", value=value))
            return default
        return value

    def prices(self, key: str) -> dict[str, float]:
        value = self.get(key)
        if value is None:
            return dict(DEFAULT_ALTERNATIVES)
        if not isinstance(value, dict):
            self.problem(key, text("company.expected_mapping"))
            return dict(DEFAULT_ALTERNATIVES)
        return {str(name): self.number(f"{key}.{name}", 0.0) for name in value}


def read_company(data: dict[str, Any], lines: dict[str, int]) -> tuple[Company, list[Problem]]:
    """A :class:`Company` from parsed YAML, and every problem in it."""
    r = Reader(data, lines)
    company = Company(
        name=r.text("name"),
        deployed_on=r.day("deployed_on"),
        language=r.text("language", "fr"),
        currency=r.text("currency", "EUR"),
        hourly_value=r.number("hourly_value", 35.0),
        error_cost=r.number("error_cost", 150.0),
        active_uses_per_week=r.integer("active_uses_per_week", 3),
        recent_months=r.integer("recent_months", 3),
        alternatives=r.prices("alternatives"),
        forms_repository=r.text("forms.repository", "") or "",
        forms_branch=r.text("forms.branch", "main"),
        show_names=r.flag("privacy.show_names", True),
        min_group_size=r.integer("privacy.min_group_size", 3),
        thresholds=r.get("thresholds") or {},
        site_url=r.text("site_url", ""),
    )
    return company, r.problems


def unknown_keys(data: dict[str, Any]) -> list[str]:
    return sorted(str(key) for key in data if key not in KNOWN_KEYS)


def load_company(data_dir: Path) -> tuple[Company | None, list[Problem], list[str]]:
    """Read ``company.yml``: the settings, the problems, and unknown keys (warnings)."""
    path = data_dir / FILE
    if not path.is_file():
        return None, [Problem(FILE, 0, "", text("company.missing_file"))], []
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(FILE, line, "", text("company.not_utf8", line=line))], []
    try:
        data = yaml.load(content, Loader=SettingsLoader) or {}
        lines = key_lines(content)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", -1) + 1
        detail = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(FILE, line, "", text("company.yaml_error", error=detail))], []
    if not isinstance(data, dict):
        return None, [Problem(FILE, 1, "", text("company.not_mapping"))], []
    company, problems = read_company(data, lines)
    return (None if problems else company), problems, unknown_keys(data)
