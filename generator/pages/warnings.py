"""The warnings in words: the detectors' findings (plain data from ``generator.metrics``)
become the messages of ``metrics.json`` and of the pages, from ``locales/fr-metrics.yml``,
with French numbers and dates, the labels of tasks and people, and a public report's wording.
The loader's notices are worded already (input messages, like its errors): a public report
takes their public wording."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.core.format import day_label, decimal, month_label, month_span, number, week_label
from generator.core.i18n import text
from generator.input.dataset import Dataset, Notice
from generator.metrics.findings import Finding

Words = dict[str, object]


def quoted(tasks: Sequence[str], data: Dataset) -> str:
    """Tasks by label, each in French quotes: ``« Compte rendu », « Devis »``."""
    labels = data.task_labels()
    return ", ".join(text("pages.quoted", text=labels.get(task) or task) for task in tasks)


def baseline_month(found: Finding, data: Dataset) -> Words:
    """The deployment's month, before which no row was found."""
    return {**found.values, "month": month_label(found.values["month"])}


def periods(found: Finding, data: Dataset) -> Words:
    """Months compared: the before, the after, and the months to add a year earlier."""
    values = found.values
    before, after, earlier = values["before"], values["after"], values["earlier"]
    spans = {"before": before, "after": after, "earlier": earlier or after}
    return {"file": values["file"], **{k: month_span(v) for k, v in spans.items()}}


def tasks_count(found: Finding, data: Dataset) -> Words:
    """The tasks quoted, how many, and the total when there is one."""
    tasks = found.values["tasks"]
    return {**found.values, "tasks": quoted(tasks, data), "count": len(tasks)}


def declared(found: Finding, data: Dataset) -> Words:
    """The declared / computed ratio overall, or each person flagged with theirs."""
    values = found.values
    if found.variant != "people":
        words = ("ratio", "declared", "computed")
        return {k: (decimal if k == "ratio" else number)(values[k]) for k in words}
    names = data.display_names()
    people = " ; ".join(f"{names.get(p, p)} (×{decimal(r)})" for p, r in values["people"])
    return {"people": people, "limit": number(values["limit"], 1)}


def declared_public(found: Finding) -> str:
    """A public report counts the people flagged and names nobody."""
    limit = number(found.values["limit"], 1)
    return text("public.declared_people_public", count=len(found.values["people"]), limit=limit)


def metrics_fed(found: Finding, data: Dataset) -> Words:
    """The metrics fed, by their short titles."""
    fed = found.values["metrics"]
    return {"count": len(fed), "metrics": ", ".join(text(f"metrics.{m}.short") for m in fed)}


def stale(found: Finding, data: Dataset) -> Words:
    """The file's latest week (or month) and the newest data's last day, in words."""
    values, period = found.values, found.values["latest"]
    latest = week_label(period) if found.variant == "week" else month_label(period, long=True)
    return {**values, "latest": latest, "reference": day_label(values["reference"])}


def as_found(found: Finding, data: Dataset) -> Words:
    """Values the catalogue takes as they are (file names, counts)."""
    return dict(found.values)


WORDS: dict[str, Callable[[Finding, Dataset], Words]] = {
    "no_baseline": baseline_month,
    "short_baseline": as_found,
    "non_equivalent_periods": periods,
    "declared_only": tasks_count,
    "time_lost": tasks_count,
    "declared_vs_measured": declared,
    "too_many_metrics": metrics_fed,
    "qualitative_missing": as_found,
    "stale_data": stale,
}
"""Each detector's code: its values as the catalogue's placeholders want them."""

PUBLIC_WORDS: dict[tuple[str, str], Callable[[Finding], str]] = {
    ("declared_vs_measured", "people"): declared_public,
}
"""What a public report says instead, for the findings that would single out people."""


def message(finding: Finding, data: Dataset) -> str:
    """A finding's message, as the report (public or complete) says it."""
    public = PUBLIC_WORDS.get((finding.code, finding.variant))
    if data.public and public is not None:
        return public(finding)
    values = WORDS[finding.code](finding, data)
    return text(f"detectors.{finding.code}.{finding.variant}", **values)


def warning(item: Notice | Finding, data: Dataset) -> dict[str, str]:
    """One entry of ``metrics.json``'s warnings: code, metric, message."""
    said = item.published(data.public) if isinstance(item, Notice) else message(item, data)
    return {"code": item.code, "metric": item.metric, "message": said}


def worded(report: dict[str, Any], data: Dataset) -> dict[str, Any]:
    """The report with its warnings in words, ready for the pages and ``metrics.json``."""
    return {**report, "warnings": [warning(item, data) for item in report["warnings"]]}
