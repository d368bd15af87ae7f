"""Every number a page shows is the one ``metrics.json`` holds (formatted in French).

The values themselves are checked by hand elsewhere (worked examples, demo headline test);
here the question is only whether the pages and ``metrics.json`` agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.core.format import (
    change,
    count,
    hours,
    money,
    month_label,
    months,
    number,
    percent,
    points,
)
from generator.website.build import generate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    generate(ROOT / "data", out, ROOT / "docs")
    return out


@pytest.fixture(scope="module")
def metrics(docs: Path) -> dict:
    return json.loads((docs / "metrics.json").read_text("utf-8"))["metrics"]


def read(docs: Path, path: str) -> str:
    return (docs / path).read_text("utf-8")


def test_financial_dashboard_shows_the_report(docs, metrics):
    page = read(docs, "tableaux/financier.md")
    assert money(metrics["cost_per_hour"]["value"], 2) in page
    assert money(metrics["payback"]["investment"]) in page
    assert money(metrics["payback"]["net_gain_per_month"]) in page
    assert months(metrics["payback"]["months"]) in page
    assert month_label(metrics["payback"]["break_even_month"], long=True) in page
    for row in metrics["payback"]["cumulative"]:
        assert f"| {money(row['cumulative'])} |" in page, row


def test_operations_dashboard_shows_the_weeks_and_the_adoption_page_every_person(docs, metrics):
    page = read(docs, "tableaux/operationnel.md")
    for week in metrics["adoption"]["weeks"]:
        assert percent(week["rate"]) in page
    adoption = read(docs, "metriques/adoption.md")  # the per-person table moved there
    statuses = {
        "actif": "Actif",
        "faible": "Faible",
        "inactif": "Inactif",
        "non_renseigne": "Non renseigné",
    }
    for person in metrics["adoption"]["people"]:
        assert f"| {number(person['uses'])} | {statuses[person['status']]} |" in adoption, person
    assert metrics["adoption"]["alerts"] == []  # a public report names nobody
    assert f'<p class="roi-card-value">{metrics["adoption"]["alerts_count"]}</p>' in page


def test_business_dashboard_shows_its_key_figures(docs, metrics):
    page = read(docs, "tableaux/business.md")
    capacity, nps = metrics["capacity"], metrics["customer"]["nps"]
    assert f'<p class="roi-card-value">{count(capacity["after"])}</p>' in page
    assert f"{change(capacity['evolution'])} vs avant l'IA" in page
    assert f'<p class="roi-card-value">{number(nps["after"])}</p>' in page
    assert f"{points(nps['after'] - nps['before'])} vs avant l'IA" in page
    assert money(metrics["errors_avoided"]["value_per_month"]) in page


def test_the_business_detail_is_on_the_metric_pages(docs, metrics):
    capacity = metrics["capacity"]
    page = read(docs, "metriques/capacite-de-traitement.md")
    assert money(capacity["extra_revenue"]) in page
    before, after, evolution = capacity["before"], capacity["after"], capacity["evolution"]
    assert f"| {count(before)} | {count(after)} | {change(evolution)} |" in page
    customer = metrics["customer"]
    page = read(docs, "metriques/satisfaction-client.md")
    assert f"| {number(customer['nps']['before'])} | {number(customer['nps']['after'])} |" in page
    page = read(docs, "metriques/chiffre-d-affaires.md")
    for stream in metrics["revenue"]:
        assert money(stream["delta"]) in page
    page = read(docs, "metriques/charge-mentale.md")
    assert change(metrics["mental_load"]["mean_evolution"]) in page


@pytest.mark.parametrize(
    ("path", "key", "field", "show"),
    [
        ("metriques/temps-gagne.md", "time_saved", "hours_per_person_week", hours),
        ("metriques/temps-gagne.md", "time_saved", "hours_per_person_month", hours),
        ("metriques/adoption.md", "adoption", "rate", percent),
        ("metriques/cout-par-heure.md", "cost_per_hour", "value", lambda v: money(v, 2)),
        ("metriques/delai-de-rentabilite.md", "payback", "months", months),
        ("metriques/erreurs-evitees.md", "errors_avoided", "value_per_month", money),
        ("metriques/capacite-de-traitement.md", "capacity", "extra_revenue", money),
        ("metriques/cout-d-acquisition.md", "cac", "after", money),
        ("metriques/charge-mentale.md", "mental_load", "mean_evolution", change),
    ],
)
def test_metric_page_shows_its_headline(docs, metrics, path, key, field, show):
    assert show(metrics[key][field]) in read(docs, path)


def test_home_shows_the_four_cards_and_the_rollout_month(docs, metrics):
    home = read(docs, "index.md")
    assert hours(metrics["time_saved"]["hours_per_person_week"]) in home
    assert percent(metrics["adoption"]["rate"]) in home
    assert money(metrics["cost_per_hour"]["value"], 2) in home
    assert months(metrics["payback"]["months"]) in home
    assert "**Mois 9 du déploiement**" in home  # 2026-W40 starts Monday 28 September: month 9
    assert "| `usage.csv` | semaine du 28 septembre au 4 octobre 2026 |" in home  # 2026-W40
