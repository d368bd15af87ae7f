"""Privacy: ``show_names: false`` publishes no display name anywhere; survey results over
fewer than ``min_group_size`` people are masked in metrics.json, pages, charts and workbooks."""

from __future__ import annotations

import html
import json
import shutil
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.website.build import build_site, compute_report
from tests.browser import ROOT
from tests.fixture_company import write_company

PEOPLE = [
    {"person": "ana", "name": "Anaïs Zébulon", "team": "Compta", "trained_on": "2026-01-05"},
    {"person": "bob", "name": "Bérénice Quintal", "team": "Compta", "trained_on": "2026-01-05"},
    {"person": "cyd", "name": "Cyprien Ormesson", "team": "Compta", "trained_on": "2026-01-05"},
]
USAGE = [
    {"week": "2026-W03", "person": p["person"], "task": "compte_rendu", "uses": 2} for p in PEOPLE
]
# Evolutions (after − before) / before × 100: ana 8 → 4 = −50 %, bob 6 → 3 = −50 %,
# cyd 5 → 5 = 0 %.
LOAD = [
    {"date": "2026-03-02", "person": "ana", "task": "compte_rendu", "before": 8, "after": 4},
    {"date": "2026-03-02", "person": "bob", "task": "compte_rendu", "before": 6, "after": 3},
    {"date": "2026-03-02", "person": "cyd", "task": "compte_rendu", "before": 5, "after": 5},
]
# One month (recent_months 3 takes it): commercial 2 + 4 = 6 h, produit 6 h → 50 % each.
FREED = [
    {"month": "2026-03", "person": "ana", "use": "commercial", "hours": 2},
    {"month": "2026-03", "person": "bob", "use": "commercial", "hours": 4},
    {"month": "2026-03", "person": "cyd", "use": "produit", "hours": 6},
]


def company(tmp_path: Path, respondents: int, show_names: bool = True) -> Path:
    return write_company(
        tmp_path / "data",
        {
            "people.csv": PEOPLE,
            "usage.csv": USAGE,
            "mental_load.csv": LOAD[:respondents],
            "freed_time.csv": FREED[:respondents],
        },
        privacy={"show_names": show_names, "min_group_size": 3},
    )


def test_three_respondents_with_a_minimum_of_three_are_shown(tmp_path):
    metrics = compute_report(company(tmp_path, 3))["metrics"]
    load = metrics["mental_load"]
    assert load["mean_evolution"] == pytest.approx((-50 - 50 + 0) / 3)
    assert "masked" not in load and len(load["rows"]) == 3
    freed = {u["use"]: u for u in metrics["freed_time"]}
    assert all("masked" not in u for u in metrics["freed_time"])  # 3 people over the window
    # ... but each use is a cut: commercial has 2 respondents, produit 1, so both are masked
    # (see test_public_report.py for a use shown beside a masked one).
    for use in ("commercial", "produit"):
        assert freed[use]["use_masked"] and freed[use]["hours"] is None, use


def test_two_respondents_with_a_minimum_of_three_are_masked(tmp_path):
    metrics = compute_report(company(tmp_path, 2))["metrics"]
    load = metrics["mental_load"]
    masked = {"masked": True, "respondents": 2, "min_group_size": 3}
    # With names shown the company publishes each answer: the rows stay, the mean does not.
    assert load["mean_evolution"] is None and len(load["rows"]) == 2
    assert {k: load[k] for k in masked} == masked
    for use in metrics["freed_time"]:
        assert (use["hours"], use["share"], use["months"]) == (None, None, [])
        assert {k: use[k] for k in masked} == masked


def test_without_names_a_small_group_hides_its_rows_too(tmp_path):
    load = compute_report(company(tmp_path, 2, show_names=False))["metrics"]["mental_load"]
    assert load["mean_evolution"] is None and load["rows"] == [] and load["masked"] is True


def test_no_answer_is_not_masked_but_empty(tmp_path):
    metrics = compute_report(company(tmp_path, 0))["metrics"]
    assert metrics["mental_load"] == {"mean_evolution": None, "rows": [], "tasks": []}
    assert metrics["freed_time"] == []


def page_text(site: Path, path: str) -> str:
    return (site / f"{path}.html").read_text("utf-8")


def test_masked_results_show_a_note_on_the_pages_and_nothing_in_charts_or_workbooks(tmp_path):
    site = tmp_path / "site"
    build_site(company(tmp_path, 2, show_names=False), site, ROOT / "mkdocs.yml")
    note = "Moins de 3 répondants : résultat masqué pour préserver l&#39;anonymat"
    for path in ("metriques/charge-mentale", "metriques/temps-libere"):  # the dashboard links
        assert note in page_text(site, path).replace("&#x27;", "&#39;").replace("'", "&#39;"), path
    charts = {p.stem for p in (site / "charts").glob("*.svg")}
    assert not {"mental_load", "freed_time", "freed_time_months"} & charts
    report = json.loads((site / "metrics.json").read_text("utf-8"))
    assert report["metrics"]["mental_load"]["rows"] == []
    with zipfile.ZipFile(site / "telechargements" / "tableau-3-impact-business.xlsx") as book:
        xml = "".join(book.read(n).decode("utf-8") for n in book.namelist())
    # The two answers' values (8 → 4, 6 → 3, −50 %) and the freed hours (2 h, 4 h) are gone.
    assert "ana" not in xml and "bob" not in xml


def name_forms(name: str) -> set[str]:
    """A name as it could be written in any file: as is, decomposed accents, HTML and JSON
    escapes, URL-encoded."""
    forms = {name, unicodedata.normalize("NFD", name)}
    forms |= {html.escape(f) for f in list(forms)}
    forms |= {html.escape(f).encode("ascii", "xmlcharrefreplace").decode() for f in list(forms)}
    forms |= {json.dumps(f)[1:-1] for f in list(forms)}
    forms |= {quote(name)}
    return forms


def test_with_show_names_false_no_name_appears_anywhere(tmp_path):
    """The demo with ``show_names: false``: no display name of people.csv in any file of the
    site (workbooks unzipped), nor in what ``roi build`` prints. First names and surnames
    alone are looked for outside the theme's own JavaScript, the same for every company (its
    word lists and licences hold « Thomas » and « Martin »)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    settings = yaml.safe_load((data / "company.yml").read_text("utf-8"))
    settings["privacy"]["show_names"] = False
    settings["forms"] = {"repository": "exemple/roi-ia", "branch": "main"}
    (data / "company.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "--data", str(data), "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    texts = {"roi build": result.output + result.stderr}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            key = path.relative_to(site).as_posix()
            if path.suffix in {".xlsx", ".zip", ".gz"}:
                if path.suffix != ".gz":
                    with zipfile.ZipFile(path) as archive:
                        for name in archive.namelist():
                            texts[f"{key}/{name}"] = archive.read(name).decode("utf-8", "replace")
            elif path.suffix not in {".png", ".pdf", ".woff", ".woff2"}:
                texts[key] = path.read_bytes().decode("utf-8", "replace")
    assert len([k for k in texts if k.endswith(".html")]) > 20
    assert any("sheet" in k for k in texts) and "metrics.json" in texts
    names = [
        line.split(",")[1] for line in (data / "people.csv").read_text("utf-8").splitlines()[1:]
    ]
    assert len(names) == 12 and "Léa Moreau" in names
    found = {
        (key, form)
        for name in names
        for form in name_forms(name)
        for key, text in texts.items()
        if form in text
    }
    parts = {
        (key, form)
        for name in names
        for part in name.split()
        for form in name_forms(part)
        for key, text in texts.items()
        if not key.startswith("assets/javascripts/") and form in text
    }
    assert found | parts == set()
