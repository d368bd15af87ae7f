"""Every CSV file of the data contract, declared once, as data.

The loader parses and checks files from these declarations, the documentation table is
rendered from them and the survey forms will derive their rules from them. French help texts
live in the catalogue (``locales/fr-input.yml``, key ``files.<file>.columns.<column>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ANSWER_NAME = re.compile(r"(?P<stamp>[0-9]{8}-[0-9]{6})-(?P<person>[a-z0-9_-]+)-[a-z0-9]{4}\.csv")
"""An inbox answer's file name, as the forms write it (``roi-forms.js``: ``stamp()``, the
person's id, ``randomChars(4)``): ``20260302-081500-sophie-x7k2.csv``, UTC date and time first."""


def answer_stamp(name: str) -> str | None:
    """The timestamp of an answer's file name, or None when the name is not an answer's.

    >>> answer_stamp("20260302-081500-jean-paul-x7k2.csv"), answer_stamp("reponse-sophie.csv")
    ('20260302-081500', None)
    """
    match = ANSWER_NAME.fullmatch(name)
    return match["stamp"] if match else None


Kind = Literal["id", "text", "int", "number", "date", "week", "month", "choice"]


@dataclass(frozen=True)
class Column:
    """One column: how to parse it and which values are allowed."""

    name: str
    kind: Kind
    alias: str = ""  # the French header a manager may write instead (« tâche »); may be the name
    required: bool = True
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    default: str | None = None
    money: bool = False
    refers_to: str | None = None  # "people.csv", "tasks.csv" or "tools.csv"
    future_ok: bool = False  # a planned date (training, payment) may lie after the build date


@dataclass(frozen=True)
class FileSchema:
    """One CSV file: its columns, its unique key and whether the build needs it."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    required: bool = False
    inbox: bool = False

    @property
    def stem(self) -> str:
        return self.name.removesuffix(".csv")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def header(self) -> str:
        """The file's header line as the loader expects it: ``week,person,task,…``."""
        return ",".join(self.column_names)

    @property
    def french_header(self) -> str:
        """The same header in French, as ``roi init --french-headers`` writes it:
        ``semaine;personne;tâche;…`` (separated by ``;``, as French Excel saves)."""
        return ";".join(c.alias for c in self.columns)


PERSON = Column("person", "id", "personne", refers_to="people.csv")
TASK = Column("task", "id", "tâche", refers_to="tasks.csv")
TOOL = Column("tool", "id", "outil", required=False, refers_to="tools.csv")
"""The AI tool a row is about, declared in ``tools.csv``. Blank or absent: not said (a usage
row's hours go to « outil non précisé », a cost is shared among the tools)."""
MONTH = Column("month", "month", "mois")
TEAM = Column("team", "text", "équipe", required=False)
"""A team of ``people.csv`` in a monthly business file: the rows of a control team (every
member in group ``control``) give the difference-in-differences. Blank: the whole company."""


def count(name: str, alias: str, required: bool = True) -> Column:
    return Column(name, "int", alias, required=required, min=0)


def amount(name: str, alias: str, required: bool = True) -> Column:
    return Column(name, "number", alias, required=required, min=0, money=True)


FILES: tuple[FileSchema, ...] = (
    FileSchema(
        "people.csv",
        (
            Column("person", "id", "personne"),
            Column("name", "text", "nom", required=False),
            Column("team", "text", "équipe", required=False),
            Column("role", "text", "métier", required=False),
            Column("trained_on", "date", "formé_le", required=False, future_ok=True),
            Column(
                "group", "choice", "groupe", required=False, choices=("ai", "control"), default="ai"
            ),
        ),
        key=("person",),
        required=True,
    ),
    FileSchema(
        "tasks.csv",
        (
            Column("task", "id", "tâche"),
            Column("label", "text", "libellé", required=False),
            Column("minutes_before", "number", "minutes_avant", min=0),
            Column("minutes_after", "number", "minutes_après", min=0),
        ),
        key=("task",),
        required=True,
    ),
    FileSchema(
        "tools.csv",
        (
            Column("tool", "id", "outil"),
            Column("label", "text", "libellé", required=False),
        ),
        key=("tool",),
    ),
    FileSchema(
        "usage.csv",
        (
            Column("week", "week", "semaine"),
            PERSON,
            TASK,
            count("uses", "utilisations"),
            Column("declared_minutes", "number", "minutes_déclarées", required=False, min=0),
            TOOL,
        ),
        key=("week", "person", "task", "tool"),
        inbox=True,
    ),
    FileSchema(
        "timings.csv",
        (
            Column("date", "date", "date"),
            PERSON,
            TASK,
            Column("minutes", "number", "minutes", min=0),
            Column("with_ai", "choice", "avec_ia", choices=("yes", "no")),
            TOOL,
        ),
        inbox=True,
    ),
    FileSchema(
        "costs.csv",
        (
            Column(
                "category",
                "choice",
                "catégorie",
                choices=("licence", "formation", "setup", "other"),
            ),
            Column("label", "text", "libellé", required=False),
            amount("amount", "montant"),
            Column("kind", "choice", "fréquence", choices=("one_off", "monthly")),
            Column("start", "month", "début", future_ok=True),
            Column("end", "month", "fin", required=False, future_ok=True),
            Column("amortize_months", "int", "mois_amortissement", required=False, min=1, max=120),
            TOOL,
        ),
    ),
    FileSchema(
        "errors.csv",
        (
            MONTH,
            Column("error_type", "text", "type_erreur"),
            count("count", "nombre"),
            amount("unit_cost", "coût_unitaire", False),
        ),
        key=("month", "error_type"),
    ),
    FileSchema(
        "customers.csv",
        (
            MONTH,
            Column("nps", "number", "nps", required=False, min=-100, max=100),
            Column("response_minutes", "number", "minutes_réponse", required=False, min=0),
            count("complaints", "réclamations", False),
            count("orders", "commandes", False),
        ),
        key=("month",),
    ),
    FileSchema(
        "deliverables.csv",
        (
            MONTH,
            Column("role", "text", "métier"),
            Column("indicator", "text", "indicateur"),
            Column("value", "number", "valeur"),
            Column("better", "choice", "sens", choices=("up", "down")),
        ),
        key=("month", "role", "indicator"),
    ),
    FileSchema(
        "mental_load.csv",
        (
            Column("date", "date", "date"),
            PERSON,
            TASK,
            Column("before", "int", "avant", min=1, max=10),
            Column("after", "int", "après", min=1, max=10),
        ),
        key=("date", "person", "task"),
        inbox=True,
    ),
    FileSchema(
        "revenue.csv",
        (
            MONTH,
            TEAM,
            Column("stream", "text", "activité"),
            Column("revenue", "number", "chiffre_affaires", money=True),
        ),
        key=("month", "team", "stream"),
    ),
    FileSchema(
        "capacity.csv",
        (
            MONTH,
            TEAM,
            Column("handled", "number", "traités", min=0),
            Column("headcount", "number", "effectif", required=False, min=0),
            amount("avg_basket", "panier_moyen", False),
        ),
        key=("team", "month"),
    ),
    FileSchema(
        "acquisition.csv",
        (
            MONTH,
            count("leads", "prospects"),
            count("qualified_leads", "prospects_qualifiés"),
            Column("sales_minutes", "number", "minutes_commerciales", min=0),
            amount("marketing_spend", "dépenses_marketing"),
            count("new_customers", "nouveaux_clients"),
        ),
        key=("month",),
    ),
    FileSchema(
        "freed_time.csv",
        (
            MONTH,
            PERSON,
            Column(
                "use",
                "choice",
                "usage",
                choices=("commercial", "produit", "formation", "equilibre", "autre"),
            ),
            Column("hours", "number", "heures", min=0),
        ),
        key=("month", "person", "use"),
        inbox=True,
    ),
)

SCHEMAS: dict[str, FileSchema] = {f.name: f for f in FILES}
