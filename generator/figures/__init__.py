"""Every figure of the site, built from the report: ``{figure id: Figure}``.

A figure without data is simply absent; pages then say what to collect. The figures of a
report are kept in the chart cache (``.roi/cache``), keyed by the report, the labels, the
generator's own files and Altair's version: a build whose figures are all known loads no
Altair (the builders are declared in ``registry.py``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib.metadata import version
from typing import Any

from generator.core.cache import cache_dir, source_fingerprint, store
from generator.figures.common import Builder, ChartLabels, Figure

__all__ = ["Builder", "ChartLabels", "Figure", "build_figures"]


def build_figures(report: dict[str, Any], labels: ChartLabels) -> dict[str, Figure]:
    """The figures that have data, keyed by id (from the cache when these inputs were seen)."""
    path = cache_dir() / f"figures-{figures_key(report, labels)}.json"
    if path.is_file():
        return figures_from_json(path.read_text("utf-8"))
    built = fresh_figures(report, labels)
    store(path, figures_json(built))
    return built


def fresh_figures(report: dict[str, Any], labels: ChartLabels) -> dict[str, Figure]:
    from generator.figures.registry import FIGURES

    metrics = figure_inputs(report)
    built = {key: builder(metrics, labels) for key, builder in FIGURES.items()}
    return {key: value for key, value in built.items() if value is not None}


def figure_inputs(report: dict[str, Any]) -> dict[str, Any]:
    """What the builders read: the report's metrics, and its per-tool figures as ``tools``."""
    return {**report["metrics"], "tools": report.get("tools") or []}


def figures_key(report: dict[str, Any], labels: ChartLabels) -> str:
    """Fingerprint of everything the figures are made from."""
    digest = hashlib.sha256(f"{version('altair')}|{source_fingerprint()}".encode())
    inputs = [figure_inputs(report), asdict(labels)]
    digest.update(json.dumps(inputs, ensure_ascii=False).encode())
    return digest.hexdigest()[:24]


def figures_json(figures: dict[str, Figure]) -> str:
    return json.dumps([asdict(f) for f in figures.values()], ensure_ascii=False)


def figures_from_json(text: str) -> dict[str, Figure]:
    """The figures written by :func:`figures_json` (tuples come back as tuples)."""
    figures = [
        Figure(
            id=item["id"],
            title=item["title"],
            summary=item["summary"],
            spec=item["spec"],
            columns=tuple(item["columns"]),
            rows=tuple(tuple(row) for row in item["rows"]),
        )
        for item in json.loads(text)
    ]
    return {f.id: f for f in figures}
