"""The real site: MkDocs Material built from the demo data and from hostile text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.website.build import build_site, compute_report
from tests.fixture_company import write_company

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
THIN, NBSP = "\u202f", "\u00a0"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("demo") / "site"
    build_site(DEMO, site, ROOT / "mkdocs.yml")
    return site


def page(site: Path, path: str) -> str:
    return (site / f"{path or 'index'}.html").read_text("utf-8")


def test_every_page_is_built(demo_site):
    slugs = [
        "temps-gagne", "adoption", "cout-par-heure", "delai-de-rentabilite", "erreurs-evitees",
        "satisfaction-client", "qualite-des-livrables", "charge-mentale", "chiffre-d-affaires",
        "capacite-de-traitement", "cout-d-acquisition", "temps-libere",
    ]  # fmt: skip
    for slug in slugs:
        assert (demo_site / "metriques" / f"{slug}.html").is_file(), slug
    assert (demo_site / "donnees.html").is_file()
    assert (demo_site / "a-propos.html").is_file()


def test_published_metrics_json_is_the_report(demo_site):
    published = json.loads((demo_site / "metrics.json").read_text("utf-8"))
    assert published == json.loads(json.dumps(compute_report(DEMO, public=True)))
    assert published["company"] == "Atelier Exemple"
    assert published["as_of"] == {"week": "2026-W40", "month": "2026-09"}
    assert published["rows"]["usage.csv"] == {"read": 889, "used": 889}


def test_home_cards_show_the_demo_numbers(demo_site):
    # Checked by hand from data/ (a separate pandas script, not the generator):
    # timings.csv's medians replace the declared minutes of 3 tasks: compte_rendu 61.5 → 15
    # (6 and 7 measurements), email_suivi 11 → 3, proposition 244 → 113 (declared 60 → 15,
    # 10 → 3, 240 → 120). September 2026 costs 337.40 € of licences + 2 400/12 + 600/6 of
    # amortized one-offs = 637.40 €, for 106.89 h saved (weeks split by weekdays; 102.24 h
    # with the declared minutes) → 637.40 / 106.89 = 5.96 €/h; in W40, 6 of the 9 trained
    # people used AI ≥ 3 times (sophie 2, camille 0, thomas no answer) → 67 %; net gain
    # Jul–Sep = hours × 35 € − 337.40 € of licences = 2 943.50, 1 062.37, 3 403.69 €, mean
    # 2 469.85 € → 4 500 € of one-offs / 2 469.85 = 1.82 months.
    home = page(demo_site, "")
    assert f"5,96{NBSP}€" in home
    assert f"67{NBSP}%" in home
    assert f"1,82{NBSP}mois" in home
    assert "Atelier Exemple" in home
    assert "semaine du 28 septembre au 4 octobre 2026" in home
    assert home.count('class="roi-card ') == 4


def test_metric_pages_show_values_and_provenance(demo_site):
    adoption = page(demo_site, "metriques/adoption")
    assert "6 personnes actives ÷ 9 personnes formées" in adoption
    assert "il est dans le rapport complet, privé" in adoption  # the public site
    for status in ("Actif", "Faible", "Inactif", "Non renseigné"):
        assert f"<td>{status}</td>" not in adoption, status
    cost = page(demo_site, "metriques/cout-par-heure")
    assert f"637,40{NBSP}€" in cost and f"106,9{NBSP}h" in cost  # see the test above
    assert "usage.csv" in cost and "889 lignes lues" in cost


def test_data_page_documents_every_column_from_the_schema(demo_site):
    from generator.input.schema import FILES

    data_page = page(demo_site, "donnees")
    for schema in FILES:
        for column in schema.column_names:
            assert f"<td><code>{column}</code></td>" in data_page, (schema.name, column)
        assert f'href="telechargements/modeles/{schema.name}"' in data_page, schema.name


def test_site_requests_nothing_from_another_host(demo_site):
    pattern = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)
    for path in demo_site.rglob("*.html"):
        html = path.read_text("utf-8")
        loads = [
            m
            for m in re.finditer(r"<(?:script|link|img|iframe)[^>]*>", html)
            if pattern.search(m.group())
        ]
        assert not loads, (path, [m.group() for m in loads])
    for path in demo_site.rglob("*.css"):
        assert not re.search(r"(@import|url\()\s*['\"]?https?://", path.read_text("utf-8")), path
    assert "fonts.googleapis" not in "".join(
        p.read_text("utf-8") for p in demo_site.rglob("*.html")
    )


def test_text_from_the_data_is_shown_literally(tmp_path):
    data = write_company(
        tmp_path / "data",
        {
            "people.csv": [
                {"person": "eve", "name": "<script>alert(1)</script>", "trained_on": "2026-01-05"},
                {
                    "person": "bob",
                    "name": "[clic](javascript:alert(2)) **gras**",
                    "trained_on": "2026-01-05",
                },
            ],
            "tasks.csv": [
                {
                    "task": "cr",
                    "label": "<img src=x onerror=alert(3)>",
                    "minutes_before": 60,
                    "minutes_after": 15,
                }
            ],
            "usage.csv": [
                {"week": "2026-W03", "person": "eve", "task": "cr", "uses": 4},
                {"week": "2026-W03", "person": "bob", "task": "cr", "uses": 1},
            ],
            "mental_load.csv": [
                {"date": "2026-02-02", "person": "eve", "task": "cr", "before": 8, "after": 3}
            ],
        },
        name="{{ 7*7 }} & Cie",
    )
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml", public=False)  # the report that shows names
    adoption = page(site, "metriques/adoption")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in adoption
    assert "<script>alert(1)" not in adoption
    assert 'href="javascript' not in adoption
    assert "[clic](javascript:alert(2)) **gras**" in adoption
    mental = page(site, "metriques/charge-mentale")
    assert "&lt;img src=x onerror=alert(3)&gt;" in mental and "<img src=x" not in mental
    assert "{{ 7*7 }} &amp; Cie" in page(site, "")


def test_no_page_shows_markup_or_escapes_as_text(demo_site):
    # Our own HTML must never be escaped into visible text, and a Markdown escape must never
    # survive as a visible backslash (it happens when escaped text lands in raw HTML).
    for path in demo_site.rglob("*.html"):
        html = path.read_text("utf-8")
        main = html[html.index("<article") : html.index("</article>")]
        for bad in (
            "&lt;figure",
            "&lt;div",
            "&lt;details",
            "&lt;small",
            "built-in method",
            "\\-",
            "\\(",
            "\\.",
        ):
            assert bad not in main, (path, bad)
