"""Every setting of ``company.yml``, declared once, as data.

Reading, checking, the refusal of unknown keys, the defaults and the table of the « Vos
données » page all derive from :data:`SETTINGS`. A ``section`` holds declared settings (its
own keys are the only ones allowed under it); ``prices`` holds free names, each with a number.
French help texts live in the catalogue (``locales/fr-input.yml``, key ``settings.about``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

from generator.core.method import DEFAULT_EDGES

Kind = Literal[
    "text", "choice", "date", "number", "int", "bool", "url", "repository", "branch",
    "prices", "edges", "section",
]  # fmt: skip

MAX_SETTINGS_BYTES = 100_000
"""A settings file is a few hundred bytes: past this size it is refused before it is read."""
MAX_DEPTH = 5
"""Deepest nesting allowed (``thresholds`` → ``time_saved`` → its list is 3 levels)."""
MAX_NAME = 100
"""Longest company name or alternative's name, in characters."""


@dataclass(frozen=True)
class Setting:
    """One key of ``company.yml``: its dotted path, what it holds and its default."""

    key: str
    kind: Kind
    default: Any = None
    required: bool = False
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    length: int = 0  # edges: how many
    attribute: str = ""  # the Company field, when it is not the key itself

    @property
    def field(self) -> str:
        """The :class:`~generator.input.company.Company` field that receives the value."""
        return self.attribute or self.key

    @property
    def name(self) -> str:
        """The key's last part, as written in the file."""
        return self.key.rpartition(".")[2]

    @property
    def parent(self) -> str:
        """The section holding the key ("" at the top level)."""
        return self.key.rpartition(".")[0]


DEFAULT_ALTERNATIVES = {"Stagiaire": 12.0, "Freelance": 45.0, "CDI": 35.0}
EDGE_MAX = {"adoption": 100.0}  # a share of people, in percent

SETTINGS: tuple[Setting, ...] = (
    Setting("name", "text", required=True),
    Setting("language", "choice", "fr", choices=("fr",)),
    Setting("currency", "choice", "EUR", choices=("EUR",)),
    Setting("deployed_on", "date", required=True),
    Setting("hourly_value", "number", 35.0, min=0, max=1000),
    Setting("error_cost", "number", 150.0, min=0, max=1_000_000),
    Setting("active_uses_per_week", "int", 3, min=1, max=100),
    Setting("recent_months", "int", 3, min=1, max=36),
    Setting("alternatives", "prices", DEFAULT_ALTERNATIVES, min=0, max=10_000),
    Setting("site_url", "url", ""),
    Setting("forms", "section"),
    Setting("forms.repository", "repository", "", attribute="forms_repository"),
    Setting("forms.branch", "branch", "main", attribute="forms_branch"),
    Setting("privacy", "section"),
    Setting("privacy.show_names", "bool", True, attribute="show_names"),
    Setting("privacy.min_group_size", "int", 3, min=1, max=1000, attribute="min_group_size"),
    Setting("thresholds", "section"),
    *(
        Setting(
            f"thresholds.{metric}",
            "edges",
            tuple(edges),
            min=0,
            max=EDGE_MAX.get(metric),
            length=len(edges),
            attribute="thresholds",
        )
        for metric, edges in DEFAULT_EDGES.items()
    ),
)

SETTING_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
VALUES: tuple[Setting, ...] = tuple(s for s in SETTINGS if s.kind != "section")
"""The settings that carry a value (every one but the sections)."""


def children(section: str) -> list[str]:
    """The names allowed directly under ``section`` ("" for the top level), in file order."""
    return [s.name for s in SETTINGS if s.parent == section]


def suggestion(section: str, name: str) -> str | None:
    """The declared key an unknown ``name`` probably meant: a close sibling (``show_name`` →
    ``show_names``, ``repo`` → ``repository``), else the full path of a key of that name in
    another section (``show_names`` at the top → ``privacy.show_names``)."""
    siblings = children(section)
    close = difflib.get_close_matches(name, siblings, n=1, cutoff=0.75)
    close += [s for s in siblings if len(name) >= 3 and s.startswith(name)]  # repo → repository
    if close:
        return close[0]
    elsewhere = [s.key for s in SETTINGS if s.name == name and s.parent != section]
    return elsewhere[0] if elsewhere else None
