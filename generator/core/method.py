"""The method of the article, declared once: its phases and its twelve metrics, as data.

Every stage derives what it needs from :data:`METRICS`: the metrics stage binds a compute
function to each key (``generator.metrics.compute``), the detectors read the inputs, the pages
get their navigation, slugs, figures, cards and checklist from here. The French words of a
metric (title, short name, card sentences) live in the catalogue under ``metrics.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Phase = Literal["month1", "months2_3", "month4"]

PHASES: tuple[Phase, ...] = ("month1", "months2_3", "month4")
"""The rollout's phases, in order: month 1, months 2 and 3, from month 4 on (which month falls
in which: ``pages.readiness.phase``). Each metric is started in one of them."""


@dataclass(frozen=True)
class Headline:
    """The value of a home-page card: a field of the metric, the formatter that shows it
    (a name of ``core.format.FILTERS``) and its decimals (None: the formatter's own)."""

    field: str
    formatter: str
    decimals: int | None = None


@dataclass(frozen=True)
class Metric:
    """One metric of the method.

    ``inputs`` are the measurement files (CSV stems) that must all have rows for the metric to
    be measured; ``reads`` the other files its value depends on (reference files, stopwatch
    timings). ``before_after``: the metric compares the baseline months of its one input file
    with the recent ones. ``edges``: the article's band edges, ascending, which ``company.yml``
    may override under ``thresholds`` (empty: the metric has no band).
    """

    key: str
    number: int
    slug: str
    phase: Phase
    inputs: tuple[str, ...]
    figures: tuple[str, ...]
    reads: tuple[str, ...] = ()
    edges: tuple[float, ...] = ()
    before_after: bool = False
    headline: Headline | None = None

    @property
    def files(self) -> tuple[str, ...]:
        """Every file the metric depends on, ``usage.csv`` style, measurement files first."""
        return tuple(f"{stem}.csv" for stem in (*self.inputs, *self.reads))


TIME = ("tasks", "timings")  # the durations of the tasks, behind every hour saved

METRICS: tuple[Metric, ...] = (
    Metric("time_saved", 1, "temps-gagne", "month1",
           inputs=("usage",), reads=TIME, figures=("time_saved", "hours_by_task"),
           edges=(5, 10, 20),  # hours per person per month
           headline=Headline("hours_per_person_week", "hours")),
    Metric("adoption", 2, "adoption", "month1",
           inputs=("usage",), reads=("people",), figures=("adoption",),
           edges=(30, 60),  # percent
           headline=Headline("rate", "percent")),
    Metric("cost_per_hour", 3, "cout-par-heure", "month1",
           inputs=("costs", "usage"), reads=TIME, figures=("cost_per_hour", "alternatives"),
           edges=(10, 20),  # currency per hour saved
           headline=Headline("value", "money", 2)),
    Metric("payback", 4, "delai-de-rentabilite", "month1",
           inputs=("costs", "usage"), reads=TIME,
           figures=("cumulative", "value_vs_cost", "spending"),
           edges=(2, 6),  # months
           headline=Headline("months", "months")),
    Metric("errors_avoided", 5, "erreurs-evitees", "months2_3",
           inputs=("errors",), figures=("errors", "errors_months"), before_after=True),
    Metric("customer", 6, "satisfaction-client", "months2_3",
           inputs=("customers",), figures=("nps", "response", "complaints"), before_after=True),
    Metric("deliverables", 7, "qualite-des-livrables", "months2_3",
           inputs=("deliverables",), figures=("deliverables",), before_after=True),
    Metric("mental_load", 8, "charge-mentale", "months2_3",
           inputs=("mental_load",), figures=("mental_load",)),
    Metric("revenue", 9, "chiffre-d-affaires", "month4",
           inputs=("revenue",), figures=("revenue", "revenue_months"), before_after=True),
    Metric("capacity", 10, "capacite-de-traitement", "month4",
           inputs=("capacity",), figures=("capacity",), before_after=True),
    Metric("cac", 11, "cout-d-acquisition", "month4",
           inputs=("acquisition",), figures=("cac",), before_after=True),
    Metric("freed_time", 12, "temps-libere", "month4",
           inputs=("freed_time",), figures=("freed_time", "freed_time_months")),
)  # fmt: skip
"""The twelve metrics, in the article's order: the order of ``metrics.json`` and of the site."""

KEYS: tuple[str, ...] = tuple(m.key for m in METRICS)
METRIC_BY_KEY: dict[str, Metric] = {m.key: m for m in METRICS}
DEFAULT_EDGES: dict[str, tuple[float, ...]] = {m.key: m.edges for m in METRICS if m.edges}


def in_phase(phase: Phase) -> tuple[str, ...]:
    """The keys of the metrics to start measuring in ``phase``, in the method's order.

    >>> in_phase("month1")
    ('time_saved', 'adoption', 'cost_per_hour', 'payback')
    """
    return tuple(m.key for m in METRICS if m.phase == phase)
