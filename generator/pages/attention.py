"""The « Points d'attention » of a page: its warnings grouped by kind (the detector's code),
one group per code, most serious first, each with the metrics it concerns and every message
it groups (nothing of a warning is dropped). The words stay in the catalogue and templates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

TONES = ("danger", "warning", "info", "tip", "note")
"""Material admonition tones used by ``detectors.*.tone``, the most serious first."""


@dataclass(frozen=True)
class Concern:
    """One kind of warning on a page: its code and tone, the metrics and the warnings."""

    code: str
    tone: str
    metrics: tuple[str, ...]
    warnings: tuple[Mapping[str, str], ...]


def rank(tone: str) -> int:
    """A tone's seriousness, 0 the most serious; an unknown tone comes last."""
    return TONES.index(tone) if tone in TONES else len(TONES)


def tone_of(code: str, detectors: Mapping[str, Mapping[str, str]]) -> str:
    """A code's tone from the catalogue's detectors (``other`` for a code it lacks)."""
    return str((detectors.get(code) or detectors["other"])["tone"])


def concerns(
    warnings: Iterable[Mapping[str, str]],
    keys: Sequence[str] | None,
    detectors: Mapping[str, Mapping[str, str]],
) -> list[Concern]:
    """The warnings about ``keys`` (None: all), one group per code in order of first
    appearance, then sorted most serious first (a stable sort keeps that order in a tone)."""
    groups: dict[str, list[Mapping[str, str]]] = {}
    for w in warnings:
        if keys is None or w["metric"] in keys:
            groups.setdefault(w["code"], []).append(w)
    found = [concern(code, items, detectors) for code, items in groups.items()]
    return sorted(found, key=lambda c: rank(c.tone))


def concern(
    code: str, items: Sequence[Mapping[str, str]], detectors: Mapping[str, Mapping[str, str]]
) -> Concern:
    metrics = tuple(dict.fromkeys(w["metric"] for w in items if w["metric"]))
    return Concern(code, tone_of(code, detectors), metrics, tuple(items))


def most_serious(found: Sequence[Concern]) -> str:
    """The tone of a page's whole block: its most serious concern's."""
    return min((c.tone for c in found), key=rank, default="note")
