"""The pages read as a user reads them: every stated period, unit and count agrees with
``metrics.json``, for several companies (the demo, the golden fixture, and small ones made for
one situation each: one complete month only, a payback under a month, an NPS change, a tiny
revenue change next to a control group).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.core.format import change, count, hours, money, period, points, week_period
from generator.core.i18n import text
from generator.pages.readiness import CONTRADICTED_BY
from generator.website.build import generate
from tests.fixture_company import FEBRUARY_2026, usage_rows, write_company, write_csv

HERE = Path(__file__).parent
DEMO = HERE.parent / "data"
PLAIN = HERE / "fixtures" / "excel_plain"
BASELINE = ("2025-11", "2025-12")


def one_month_company(folder: Path) -> Path:
    """February 2026 is the only complete month; 10 € of one-off cost against a gain of
    hundreds of euros a month (payback under a month); NPS from 30 to 42; recent_months 3."""
    return write_company(
        folder,
        {
            "usage.csv": usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 20),
            "costs.csv": [
                {"category": "formation", "amount": 10, "kind": "one_off", "start": "2026-02"},
                {"category": "licence", "amount": 20, "kind": "monthly", "start": "2026-02"},
            ],
            "customers.csv": [
                *({"month": m, "nps": 30} for m in BASELINE),
                {"month": "2026-02", "nps": 42},
            ],
            "capacity.csv": [
                {"month": "2025-11", "handled": 10, "headcount": 3, "avg_basket": 100},
                {"month": "2025-12", "handled": 11, "headcount": 3, "avg_basket": 100},
                {"month": "2026-02", "handled": 13, "headcount": 3, "avg_basket": 100},
            ],
        },
        recent_months=3,
    )


def control_group_company(folder: Path) -> Path:
    """Two streams, an AI team and a control team; the control team's revenue barely moves
    (−26 € on 10 000 €: a tiny change)."""
    people = [
        {"person": "ana", "name": "Ana", "team": "Vente", "role": "Ventes",
         "trained_on": "2026-01-05", "group": "ai"},
        {"person": "bob", "name": "Bob", "team": "Lyon", "role": "Ventes",
         "trained_on": "2026-01-05", "group": "control"},
    ]  # fmt: skip
    folder = write_company(
        folder,
        {"people.csv": people, "usage.csv": usage_rows(FEBRUARY_2026, "ana", "compte_rendu", 5)},
        recent_months=1,
        privacy={"show_names": True, "min_group_size": 1},
    )
    before = {"Vente": 10000.0, "Lyon": 10000.0}
    after = {"Vente": 10600.0, "Lyon": 9974.0}
    rows = [
        {"month": m, "team": team, "stream": stream, "revenue": values[team]}
        for m, values in [*((m, before) for m in BASELINE), ("2026-02", after)]
        for team in values
        for stream in ("Conseil", "Formation")
    ]
    write_csv(folder / "revenue.csv", ("month", "team", "stream", "revenue"), rows)
    return folder


def stale_company(folder: Path) -> Path:
    """Weekly usage up to 2026-W09 (reported two weeks running, never timed) beside an errors
    file that stops in November 2025: the detectors say « durées jamais chronométrées » and
    « données plus à jour »."""
    errors = [{"month": m, "error_type": "devis", "count": 4} for m in ("2025-10", "2025-11")]
    files = {
        "usage.csv": usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 5),
        "errors.csv": errors,
    }
    return write_company(folder, files)


COMPANIES = {
    "stale": (stale_company, True),
    "demo": (lambda tmp: DEMO, True),
    "demo_named": (lambda tmp: DEMO, False),
    "excel_plain": (lambda tmp: PLAIN, True),
    "one_month": (one_month_company, True),
    "control_group": (control_group_company, False),
}


@pytest.fixture(scope="module", params=sorted(COMPANIES))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    make, public = COMPANIES[request.param]
    tmp = tmp_path_factory.mktemp(request.param)
    data = make(tmp / "data")
    generate(data, tmp / "docs", tmp / "user", public=public)
    return Site(tmp / "docs")


class Site:
    """A generated site as a reader sees it: a page's text, Markdown escapes and HTML
    entities undone; and its ``metrics.json``."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.report: dict[str, Any] = json.loads((docs / "metrics.json").read_text("utf-8"))
        self.m: dict[str, Any] = self.report["metrics"]

    def page(self, path: str) -> str:
        raw = (self.docs / path).read_text("utf-8")
        return html.unescape(re.sub(r"\\([^\w\s])", r"\1", raw))

    def rows(self, path: str, label: str) -> list[list[str]]:
        """The cells of every table row whose first cell is ``label``."""
        lines = (line.strip().strip("|").split("|") for line in self.page(path).splitlines())
        found = [[c.strip() for c in cells] for cells in lines]
        return [cells for cells in found if cells[0] == label]

    def row(self, path: str, label: str) -> list[str]:
        """The cells of the first table row whose first cell is ``label``."""
        found = self.rows(path, label)
        assert found, f"{path}: no row {label!r}"
        return found[0]


def test_the_net_gain_states_the_months_it_was_computed_on(site: Site) -> None:
    payback = site.m["payback"]
    if payback["net_gain_per_month"] is None:
        pytest.skip("no net gain in this company")
    label = text("figures.net_gain", period=period(payback["months_used"]))
    assert label in site.page("metriques/delai-de-rentabilite.md")
    tile = f"{money(payback['net_gain_per_month'])}</p>"
    dashboard = site.page("tableaux/financier.md")
    assert tile in dashboard
    assert f"Moyenne sur {period(payback['months_used'])} ;" in dashboard
    card = f"{money(payback['net_gain_per_month'])} de gain net par mois "
    assert f"{card}({period(payback['months_used'])})" in site.page("index.md")
    assert "derniers mois complets" not in dashboard


def test_the_monthly_time_saved_states_the_weeks_it_averages(site: Site) -> None:
    saved = site.m["time_saved"]
    if saved["hours_per_person_month"] is None:
        pytest.skip("no usage")
    weeks = week_period(saved["weeks_used"])
    assert 1 <= len(saved["weeks_used"]) <= 4
    shown = (
        f"{hours(saved['hours_per_person_month'])} par personne et par mois (moyenne sur {weeks})"
    )
    assert shown in site.page("index.md")
    label = text("figures.time_saved_month", weeks=weeks)
    assert site.row("metriques/temps-gagne.md", label)[1] == hours(saved["hours_per_person_month"])


def test_a_payback_under_a_month_reads_in_words(site: Site) -> None:
    months = site.m["payback"]["months"]
    shown = "moins d'un mois" if months is not None and months < 1 else None
    for path in ("index.md", "tableaux/financier.md", "metriques/delai-de-rentabilite.md"):
        page = site.page(path)
        assert ("0,\u00a0mois" not in page) and not re.search(r"\b0,\d\d\u00a0mois", page)
        if shown:
            assert shown in page


def test_every_after_column_states_the_months_averaged(site: Site) -> None:
    customer = site.m["customer"]
    if not customer:
        pytest.skip("no customers.csv")
    header = text("figures.after", period=period(customer["nps"]["after_months"]))
    assert f"| {header} |" in site.page("metriques/satisfaction-client.md")
    if customer["nps"]["basis"] == "baseline":  # the dashboard's tile says its basis
        assert "vs avant l'IA" in site.page("tableaux/business.md")


def test_an_nps_change_is_in_points(site: Site) -> None:
    nps = site.m["customer"] and site.m["customer"]["nps"]
    if not nps or nps["before"] is None or nps["after"] is None:
        pytest.skip("no NPS before and after")
    cells = site.row("metriques/satisfaction-client.md", "NPS")
    assert cells[3] == points(nps["after"] - nps["before"])
    assert "%" not in cells[3]


def test_files_handled_are_whole_numbers_unless_a_mean_is_not(site: Site) -> None:
    capacity = site.m["capacity"]
    if not capacity:
        pytest.skip("no capacity.csv")
    cells = site.row("metriques/capacite-de-traitement.md", "Dossiers traités par mois")
    assert cells[1:3] == [count(capacity["before"]), count(capacity["after"])]
    for cell, value in zip(cells[1:3], (capacity["before"], capacity["after"]), strict=True):
        assert ("," in cell) == (not float(value).is_integer()), cell  # 11, not 11,00


def test_no_change_reads_as_zero_percent_unless_it_is_zero(site: Site) -> None:
    for path in ("tableaux/business.md", "metriques/chiffre-d-affaires.md"):
        assert not re.search("[+−]0\u00a0%", site.page(path)), path
    for stream in site.m["revenue"]:
        if stream["did"]:
            evolution = stream["did"]["control"]["evolution"]
            shown = change(evolution)
            assert shown in site.page("metriques/chiffre-d-affaires.md")
            if evolution and abs(evolution) < 0.5:
                assert "moins de 1 %" in shown


def test_the_revenue_headline_is_the_total_of_the_effects_shown(site: Site) -> None:
    streams = site.m["revenue"]
    effects = [(s["did"] or {}).get("effect") for s in streams]
    if not streams or None in effects:
        pytest.skip("no control group on every stream")
    total = sum(round(e) for e in effects)  # the sum of the effects as the table shows them
    months = period(streams[0]["did"]["ai"]["after_months"])
    signed_total = ("+" if total > 0 else "") + money(total)
    assert f'<p class="roi-card-value">{signed_total}</p>' in site.page("tableaux/business.md")
    for path in ("metriques/chiffre-d-affaires.md",):
        page = site.page(path)
        assert f"**{signed_total} par mois et par équipe avec l'IA** ({months})" in page
        assert f"| **{text('figures.revenue.total')}** | | | **{signed_total}** |" in page
        effect_rows = [r for s in streams for r in site.rows(path, s["stream"]) if "**" in r[-1]]
        assert len(effect_rows) == len(streams)
        assert sum(euros(r[-1]) for r in effect_rows) == total  # the sum a reader makes


def euros(cell: str) -> int:
    """``**+1 537 €**`` → 1537."""
    digits = cell.strip("*").replace("\u202f", "").replace("\u00a0€", "").replace("−", "-")
    return int(digits)


def test_the_two_costs_of_a_month_have_two_names(site: Site) -> None:
    cost = site.m["cost_per_hour"]
    if cost["cost"] is None:
        pytest.skip("no cost per hour")
    page = site.page("metriques/cout-par-heure.md")
    assert f"| {text('figures.costs.amortized')} du mois | {money(cost['cost'], 2)} |" in page
    assert text("figures.costs.why") in page
    assert "Dépenses payées par catégorie" in site.page("metriques/delai-de-rentabilite.md")


def test_no_tick_stands_next_to_the_warning_that_contradicts_it(site: Site) -> None:
    codes = {w["code"] for w in site.report["warnings"]}
    if site.docs.parent.name.startswith("stale"):
        assert {"stale_data", "declared_only"} <= codes
    home = site.page("index.md")
    for item, detectors in CONTRADICTED_BY.items():
        label = text(f"checklist.items.{item}")
        if codes & set(detectors):
            assert f"- [x] {label}" not in home, item


def test_every_contradicting_code_is_a_detector_code() -> None:
    for detectors in CONTRADICTED_BY.values():
        for code in detectors:
            assert text(f"detectors.{code}.title"), code
