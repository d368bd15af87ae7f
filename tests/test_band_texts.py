"""The bands' sentences and the guide's advice quote the edges in force for the company
(``thresholds`` of ``company.yml``, else the method's) and its ``active_uses_per_week``, never
numbers written by hand in the catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES
from generator.input.company import Company, default
from generator.pages.cards import advice, band_info
from generator.website.build import generate
from tests.fixture_company import FEBRUARY_2026, write_company
from tests.report_helpers import value

UNITS: dict[str, str] = {
    "time_saved": "h",
    "adoption": "%",
    "cost_per_hour": "€",
    "payback": "mois",
}
"""The unit each metric's texts write after an edge."""

NUMBER = r"\d+(?:[.,]\d+)?"


def quoted(unit: str) -> re.Pattern[str]:
    """Numbers written before ``unit``, alone or as a range: « 5 h », « Entre 30 et 60 % »."""
    return re.compile(rf"(?<![\d.,{{])({NUMBER})(?: (?:et|à) ({NUMBER}))? {re.escape(unit)}(?!\w)")


def numbers_before(unit: str, text: str) -> set[float]:
    found = quoted(unit).findall(text)
    return {float(n.replace(",", ".")) for pair in found for n in pair if n}


def defaults_written(text: str) -> list[str]:
    """Each default edge (or the default ``active_uses_per_week``) ``text`` writes with its unit."""
    hits = [
        f"{metric}: {edge:g} {unit}"
        for metric, unit in UNITS.items()
        for edge in sorted(numbers_before(unit, text) & set(DEFAULT_EDGES[metric]))
    ]
    uses = default("active_uses_per_week")
    if uses in numbers_before("fois", text):
        hits.append(f"active_uses_per_week: {uses} fois")
    return hits


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for child in node.values():
            yield from strings(child)
    elif isinstance(node, list):
        for child in node:
            yield from strings(child)
    elif isinstance(node, str):
        yield node


def test_the_pattern_finds_edges_written_by_hand() -> None:
    assert defaults_written("Moins de 5 h gagnées ; une tâche faite 20 fois") == ["time_saved: 5 h"]
    assert defaults_written("Entre 30 et 60 % d'utilisateurs actifs") == [
        "adoption: 30 %",
        "adoption: 60 %",
    ]
    assert defaults_written("Entre 10 et 20 € : rentable. En 2 à 6 mois.") == [
        "cost_per_hour: 10 €",
        "cost_per_hour: 20 €",
        "payback: 2 mois",
        "payback: 6 mois",
    ]
    assert defaults_written("au moins 3 fois par semaine") == ["active_uses_per_week: 3 fois"]
    assert defaults_written("Moins de {low} h ; 12,5 h ; le niveau des 10 % de PME") == []


def test_no_band_text_nor_advice_writes_an_edge_by_hand() -> None:
    texts = catalogue()
    advices = [metric["advice"] for metric in texts["guide"].values()]
    written = {text: defaults_written(text) for text in strings([texts["bands"], advices])}
    assert {text: hits for text, hits in written.items() if hits} == {}


# --- every band, default and custom settings ----------------------------------------------

ARTICLE = Company("Atelier Exemple", date(2026, 1, 5))
CUSTOM = Company(
    "Atelier Exemple",
    date(2026, 1, 5),
    active_uses_per_week=5,
    thresholds={
        "time_saved": (7.5, 12.5, 55),
        "adoption": (40, 80),
        "cost_per_hour": (15, 25),
        "payback": (3, 9),
    },
)

BEFORE = {  # the sentences as the catalogue wrote them by hand: the method's defaults
    ("time_saved", "not_yet"): "Moins de 5 h gagnées par personne et par mois : l'IA ne couvre "
    "pas encore son coût en temps.",
    ("time_saved", "profitable"): "À partir de 5 h par personne et par mois, l'IA est déjà "
    "rentable.",
    ("time_saved", "upper_average"): "Au-delà de 10 h par personne et par mois, vous êtes dans "
    "la moyenne haute des PME.",
    ("time_saved", "top10"): "20 h par personne et par mois ou plus : le niveau des 10 % de PME "
    "les plus avancées.",
    ("adoption", "problem"): "Moins de 30 % d'utilisateurs actifs : un problème de formation ou "
    "d'adhésion à traiter.",
    ("adoption", "normal"): "Entre 30 et 60 % d'utilisateurs actifs : normal en phase de "
    "démarrage.",
    ("adoption", "excellent"): "Plus de 60 % des personnes formées utilisent l'IA au moins 3 "
    "fois par semaine.",
    ("cost_per_hour", "excellent"): "Moins de 10 € par heure gagnée : un excellent retour sur "
    "investissement.",
    ("cost_per_hour", "profitable"): "Entre 10 et 20 € par heure gagnée : l'outil est rentable.",
    ("cost_per_hour", "review"): "Plus de 20 € par heure gagnée : revoyez l'outil ou la façon "
    "de l'utiliser.",
    ("payback", "excellent"): "L'investissement est remboursé en moins de 2 mois.",
    ("payback", "good"): "L'investissement est remboursé en 2 à 6 mois.",
    ("payback", "challenge"): "Plus de 6 mois pour rembourser l'investissement : challengez "
    "l'outil ou le cas d'usage.",
}

AFTER = {
    ("time_saved", "not_yet"): "Moins de 7,5 h gagnées",
    ("time_saved", "profitable"): "À partir de 7,5 h par personne",
    ("time_saved", "upper_average"): "Au-delà de 12,5 h par personne",
    ("time_saved", "top10"): "55 h par personne et par mois ou plus",
    ("adoption", "problem"): "Moins de 40 % d'utilisateurs actifs",
    ("adoption", "normal"): "Entre 40 et 80 % d'utilisateurs actifs",
    ("adoption", "excellent"): "Plus de 80 % des personnes formées utilisent l'IA au moins 5 fois",
    ("cost_per_hour", "excellent"): "Moins de 15 € par heure gagnée",
    ("cost_per_hour", "profitable"): "Entre 15 et 25 € par heure gagnée",
    ("cost_per_hour", "review"): "Plus de 25 € par heure gagnée",
    ("payback", "excellent"): "remboursé en moins de 3 mois.",
    ("payback", "good"): "remboursé en 3 à 9 mois.",
    ("payback", "challenge"): "Plus de 9 mois pour rembourser",
}


def test_every_band_with_an_edge_is_listed_here() -> None:
    quoting = {
        (metric, band)
        for metric in DEFAULT_EDGES
        for band, words in catalogue()["bands"][metric].items()
        if "{" in words["sentence"]
    }
    assert quoting == set(BEFORE) == set(AFTER)


@pytest.mark.parametrize(("metric", "band"), sorted(BEFORE))
def test_with_the_method_s_edges_a_band_says_what_it_said(metric: str, band: str) -> None:
    assert band_info(metric, band, ARTICLE)["sentence"] == BEFORE[metric, band]


@pytest.mark.parametrize(("metric", "band"), sorted(AFTER))
def test_a_band_quotes_the_company_s_own_edges(metric: str, band: str) -> None:
    sentence = band_info(metric, band, CUSTOM)["sentence"]
    assert AFTER[metric, band] in sentence
    assert defaults_written(sentence) == []


def test_the_advice_quotes_the_company_s_own_edges() -> None:
    shown = {metric: " | ".join(advice(metric, CUSTOM)) for metric in DEFAULT_EDGES}
    assert "Sous 7,5 h par personne et par mois" in shown["time_saved"]
    assert "Sous 40 %, revoyez" in shown["adoption"]
    assert "Entre 40 et 80 %, c'est normal" in shown["adoption"]
    assert (
        "Moins de 15 € par heure gagnée : excellent. Entre 15 et 25 € : rentable."
        in (shown["cost_per_hour"])
    )
    assert "Au-delà de 25 € par heure" in shown["cost_per_hour"]
    assert "Au-delà de 9 mois" in shown["payback"]
    assert {metric: defaults_written(text) for metric, text in shown.items()} == {
        metric: [] for metric in DEFAULT_EDGES
    }


# --- the pages of a company with its own settings -----------------------------------------

SETTINGS: dict[str, object] = {
    "active_uses_per_week": 5,
    "recent_months": 1,
    "thresholds": {
        "time_saved": [7.5, 12.5, 55],
        "adoption": [40, 80],
        "cost_per_hour": [15, 25],
        "payback": [3, 9],
    },
}


def custom_company(dir: Path) -> Path:
    """Sophie saves 12.5 h a week in February 2026 (25 uses × 0.5 h): 54.2 h a month, 50 h in
    February; 1000 € of licences that month (20 € an hour, net gain 50 × 35 − 1000 = 750 €)
    and a 3000 € training (payback 4 months); 25 uses a week ≥ 5: adoption 100 %."""
    costs = [
        {"category": "licence", "amount": 1000, "kind": "monthly", "start": "2026-02"},
        {"category": "formation", "amount": 3000, "kind": "one_off", "start": "2026-02"},
    ]
    usage = [
        {"week": week, "person": "sophie", "task": "compte_rendu", "uses": 25}
        for week in FEBRUARY_2026
    ]
    return write_company(dir, {"usage.csv": usage, "costs.csv": costs}, **SETTINGS)


SHOWN = {  # page: what its band admonitions or cards and its advice must say
    "metriques/temps-gagne.md": [
        "Au-delà de 12,5 h par personne et par mois, vous êtes dans la moyenne haute des PME.",
        "- Sous 7,5 h par personne et par mois, concentrez-vous",
    ],
    "metriques/adoption.md": [
        "Plus de 80 % des personnes formées utilisent l'IA au moins 5 fois par semaine.",
        "- Sous 40 %, revoyez la formation",
        "- Entre 40 et 80 %, c'est normal au démarrage",
    ],
    "metriques/cout-par-heure.md": [
        "Entre 15 et 25 € par heure gagnée : l'outil est rentable.",
        "- Moins de 15 € par heure gagnée : excellent. Entre 15 et 25 € : rentable.",
        "- Au-delà de 25 € par heure, revoyez l'outil",
    ],
    "metriques/delai-de-rentabilite.md": [
        "L'investissement est remboursé en 3 à 9 mois.",
        "- Au-delà de 9 mois, remettez en question",
    ],
    "tableaux/financier.md": [
        "L'investissement est remboursé en 3 à 9 mois.",
        "Entre 15 et 25 € par heure gagnée : l'outil est rentable.",
    ],
    "index.md": [
        "Au-delà de 12,5 h par personne et par mois, vous êtes dans la moyenne haute des PME.",
        "Plus de 80 % des personnes formées utilisent l'IA au moins 5 fois par semaine.",
        "Entre 15 et 25 € par heure gagnée : l'outil est rentable.",
        "L'investissement est remboursé en 3 à 9 mois.",
    ],
}


def band_and_advice_lines(page: str) -> list[str]:
    """The lines of a page that carry a band's sentence or an advice: an admonition's text,
    a card's sentence (the paragraph after its band label), a bullet of « Que faire »."""
    lines = page.splitlines()
    after_label = [
        lines[i + 2]
        for i, line in enumerate(lines)
        if line.startswith('<p class="roi-card-band">') and i + 2 < len(lines)
    ]
    boxed = [lines[i + 1] for i, line in enumerate(lines) if line.startswith("!!! ")]
    _, _, advice_part = page.partition("## Que faire de ce résultat")
    bullets = [line for line in advice_part.split("\n## ")[0].splitlines() if line.startswith("- ")]
    return after_label + boxed + bullets


def test_a_company_s_own_edges_and_active_uses_are_those_its_pages_quote(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    built = generate(custom_company(tmp_path / "data"), docs, tmp_path / "no-docs")
    bands = {key: value(built.report, key, "band") for key in DEFAULT_EDGES}
    assert bands == {
        "time_saved": "upper_average",  # 54.2 h: 12.5 ≤ 54.2 < 55
        "adoption": "excellent",  # 100 % > 80 %
        "cost_per_hour": "profitable",  # 20 €: 15 ≤ 20 ≤ 25
        "payback": "good",  # 4 months: 3 ≤ 4 ≤ 9
    }
    for name, expected in SHOWN.items():
        page = (docs / name).read_text("utf-8")
        missing = [words for words in expected if words not in page]
        assert missing == [], name
        shown = band_and_advice_lines(page)
        assert len(shown) >= len(expected), name
        assert {line: defaults_written(line) for line in shown if defaults_written(line)} == {}
