"""The downloads: three dashboard workbooks and the CSV templates, opened back with openpyxl."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from generator.core.i18n import catalogue
from generator.input.load import load_dataset
from generator.input.schema import FILES
from generator.metrics import report
from generator.website.build import generate
from generator.workbooks.downloads import Download, write_downloads
from generator.workbooks.xlsx import inert_text, sheet_title
from tests.fixture_company import FEBRUARY_2026, trained_people, usage_rows, write_company

ROOT = Path(__file__).resolve().parent.parent
PLAIN = ROOT / "tests" / "fixtures" / "excel_plain"
DEMO = ROOT / "data"

OPERATIONS = "telechargements/tableau-1-suivi-operationnel.xlsx"
FINANCE = "telechargements/tableau-2-roi-financier.xlsx"
BUSINESS = "telechargements/tableau-3-impact-business.xlsx"
SHEETS = {
    OPERATIONS: [
        "Adoption par semaine", "Statuts dernière semaine", "Alertes d'inactivité",
        "Heures gagnées par semaine", "Heures par personne", "Heures par tâche",
    ],
    FINANCE: [
        "Synthèse", "Coût par heure par mois", "Comparaison des solutions", "Gain net cumulé",
        "Dépenses par mois",
    ],
    BUSINESS: [
        "Erreurs par type", "Erreurs par mois", "Clients avant-après", "Clients par mois",
        "Qualité des livrables", "Livrables par mois", "Charge mentale", "Charge mentale par tâche",
        "Chiffre d'affaires",
        "Chiffre d'affaires par mois", "Capacité de traitement", "Capacité par mois",
        "Coût d'acquisition", "Acquisition par mois", "Temps libéré réinvesti",
        "Temps libéré par mois",
    ],
}  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def build(data_dir: Path, out: Path) -> list[Download]:
    data = load_dataset(data_dir)
    return write_downloads(report(data), data, out)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plain")
    build(PLAIN, out)
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build(DEMO, out)
    return out


def workbook(out: Path, path: str) -> Workbook:
    return load_workbook(out / path)


def rows(out: Path, path: str, sheet: str) -> list[tuple[object, ...]]:
    return list(workbook(out, path)[sheet].iter_rows(values_only=True))


def all_cells(out: Path):
    for path in SHEETS:
        for ws in workbook(out, path).worksheets:
            for row in ws.iter_rows():
                yield from row


def test_downloads_are_listed_with_paths_and_labels(tmp_path):
    downloads = build(PLAIN, tmp_path)
    assert [d.path for d in downloads[:4]] == [*SHEETS, "telechargements/modeles-csv.zip"]
    assert [d.label for d in downloads[:3]] == [
        "Tableau 1 – Suivi opérationnel",
        "Tableau 2 – ROI financier",
        "Tableau 3 – Impact business",
    ]
    assert [d.key for d in downloads[4:]] == [f.name for f in FILES]
    for download in downloads:
        assert (tmp_path / download.path).is_file(), download.path


@pytest.mark.parametrize("out_name", ["plain", "demo"])
def test_sheet_names(out_name, request):
    out = request.getfixturevalue(out_name)
    tools = {FINANCE: ["Outils"]} if out_name == "demo" else {}  # only a company with tools
    for path, names in SHEETS.items():
        assert workbook(out, path).sheetnames == names + tools.get(path, [])
        for name in names:
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


@pytest.mark.parametrize("out_name", ["plain", "demo"])
def test_headers_are_bold_frozen_and_from_the_catalogue(out_name, request):
    out = request.getfixturevalue(out_name)
    headers = set(catalogue()["downloads"]["columns"].values())
    for path in SHEETS:
        for ws in workbook(out, path).worksheets:
            assert ws.freeze_panes == "A2", ws.title
            for cell in ws[1]:
                assert cell.font.bold and cell.value in headers, (ws.title, cell.value)
            for letter, dimension in ws.column_dimensions.items():
                assert 8 <= dimension.width <= 60, (ws.title, letter)


def test_operations_values_of_the_plain_fixture(plain):
    # timings.csv: compte_rendu measured once without AI (44.5 min) and once with (15.5 min):
    # these medians replace tasks.csv's 45 and 15, so it saves 29 min = 29/60 h per use. Every
    # week W06…W09: sophie 23 uses + thomas 2 uses = 25 × 29/60 = 145/12 ≈ 12.083 h, 2 people
    # → 145/24 ≈ 6.042 h each.
    assert rows(plain, OPERATIONS, "Heures gagnées par semaine")[:2] == [
        ("Semaine", "Heures gagnées", "Personnes ayant répondu", "Heures gagnées par personne"),
        ("2026-W06", pytest.approx(145 / 12), 2, pytest.approx(145 / 24)),
    ]
    # Trained by W06: sophie and thomas (julie on 2026-03-02). Sophie 23 ≥ 3 is active,
    # thomas 2 is "faible": 1 / 2 = 50 %.
    assert rows(plain, OPERATIONS, "Adoption par semaine")[1] == ("2026-W06", 2, 1, 50)
    assert rows(plain, OPERATIONS, "Statuts dernière semaine")[1:] == [
        ("2026-W09", "Sophie", 23, "Actif"),
        ("2026-W09", "Thomas", 2, "Faible"),
    ]
    # Sophie in W09: 23 × 29/60 = 667/60 ≈ 11.117 h; tasks shown by their label.
    people = rows(plain, OPERATIONS, "Heures par personne")
    assert ("2026-W09", "Sophie", pytest.approx(667 / 60)) in people
    assert rows(plain, OPERATIONS, "Heures par tâche")[1] == (
        "2026-W06",
        "Comptes-rendus, réunions",
        pytest.approx(145 / 12),
    )


def test_finance_values_of_the_plain_fixture(plain):
    # February 2026: licence 149.50 € + formation 606 / 12 = 50.50 € → 200 €; hours: the four
    # weeks W06…W09 lie in February, 4 × 145/12 = 145/3 ≈ 48.33 h (29 measured minutes saved
    # per use, see above) → 200 / (145/3) = 600/145 ≈ 4.138 €/h.
    hours, cost_per_hour = 145 / 3, 600 / 145
    assert rows(plain, FINANCE, "Coût par heure par mois")[1] == (
        "2026-02", 200, pytest.approx(hours), pytest.approx(cost_per_hour),
    )  # fmt: skip
    # Value 145/3 h × 35 € ≈ 1 691.67 €; paid 149.50 + 606 (one-off, in full) = 755.50 €
    # → ≈ 936.17 €.
    assert rows(plain, FINANCE, "Gain net cumulé")[1] == (
        "2026-02", pytest.approx(hours * 35), 755.5, pytest.approx(hours * 35 - 755.5),
    )  # fmt: skip
    assert rows(plain, FINANCE, "Comparaison des solutions")[1:] == [
        ("IA (févr. 2026)", pytest.approx(cost_per_hour)),
        ("Stagiaire", 12),
        ("Freelance", 45),
        ("CDI", 35),
    ]
    summary = {row[0]: row[1:] for row in rows(plain, FINANCE, "Synthèse")[1:]}
    # The four weeks save the same hours and nothing is timed 5 times: the range is a point.
    assert summary["Coût par heure gagnée, dernier mois complet (€)"] == (
        pytest.approx(cost_per_hour),
        pytest.approx(cost_per_hour),
        pytest.approx(cost_per_hour),
        "Excellent",
        "févr. 2026",  # every headline figure says its period (issue 10, section 3)
    )
    assert summary["Investissement initial (€)"] == (606, None, None, None, None)
    assert summary["Gain net par mois (€)"][1:] == (
        pytest.approx(hours * 35 - 149.5),
        pytest.approx(hours * 35 - 149.5),
        None,
        "févr. 2026",
    )
    assert ("2026-02", "Licences", 149.5) in rows(plain, FINANCE, "Dépenses par mois")


def test_business_values_of_the_plain_fixture(plain):
    # customers.csv: NPS 32 (2025-12, before) → 48 (2026-02, after): +50 %; complaints
    # 4 / 50 = 8 % → 3 / 100 = 3 %: −62.5 %.
    compared = rows(plain, BUSINESS, "Clients avant-après")
    assert compared[1] == ("NPS", 32, 48, 50)
    assert compared[3] == ("Taux de réclamation (%)", 8, 3, -62.5)
    # mental_load.csv: sophie's latest answer (2026-03-02) is 7 → 3: −57.1 %.
    load = rows(plain, BUSINESS, "Charge mentale")
    assert load[2][:4] == ("Sophie", "Veille concurrence", 7, 3)
    assert load[2][4] == pytest.approx(-400 / 7)
    # freed_time.csv: 3 respondents (enough for the whole), but each use is one person's
    # answer (sophie 12.5 h commercial, thomas 7.5 h produit, julie 5 h equilibre): every use
    # is masked, its cells empty.
    assert rows(plain, BUSINESS, "Temps libéré réinvesti")[1] == (
        "Développement commercial",
        None,
        None,
    )
    assert rows(plain, BUSINESS, "Qualité des livrables")[1] == (
        "Marketing", "Taux d'ouverture emails", "hausse", 25, 30.5, 22, "oui",
    )  # fmt: skip
    # No errors, revenue, capacity or acquisition file: the header row alone.
    for sheet in ("Erreurs par type", "Chiffre d'affaires", "Capacité de traitement"):
        assert len(rows(plain, BUSINESS, sheet)) == 1, sheet


def test_demo_values(demo):
    # The demo's headline numbers, as the home page shows them (see test_site.py).
    summary = {row[0]: row[1] for row in rows(demo, FINANCE, "Synthèse")[1:]}
    assert summary["Coût par heure gagnée, dernier mois complet (€)"] == pytest.approx(5.9632, 1e-4)
    assert summary["Délai de rentabilité (mois)"] == pytest.approx(1.8220, 1e-4)
    assert summary["Investissement initial (€)"] == 4500
    assert rows(demo, BUSINESS, "Erreurs par type")[2][0] == "Fautes dans les devis"
    assert rows(demo, BUSINESS, "Erreurs par type")[2][5] == 1550


@pytest.mark.parametrize("out_name", ["plain", "demo"])
def test_numbers_are_numeric_cells(out_name, request):
    out = request.getfixturevalue(out_name)
    numeric = 0
    for cell in all_cells(out):
        if cell.row > 1 and cell.number_format != "General" and cell.value is not None:
            assert cell.data_type == "n" and isinstance(cell.value, int | float), cell
            numeric += 1
    assert numeric > 20


def test_number_formats(plain):
    ws = workbook(plain, FINANCE)["Coût par heure par mois"]
    assert [c.number_format for c in ws[2]] == [
        "General",
        '#,##0.00" €"',
        "#,##0.00",
        '#,##0.00" €"',
    ]
    assert workbook(plain, OPERATIONS)["Adoption par semaine"]["D2"].number_format == '0.0" %"'


HOSTILE = ['=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-2+3", "=cmd|' /C calc'!A0"]


def hostile_company(tmp_path: Path, show_names: bool) -> Path:
    people = [
        {"person": f"p{i}", "name": name, "trained_on": "2026-01-05"}
        for i, name in enumerate(HOSTILE)
    ]
    uses = [
        row
        for i in range(len(HOSTILE))
        for row in usage_rows(FEBRUARY_2026, f"p{i}", "compte_rendu", 4)
    ]
    return write_company(
        tmp_path / "data",
        {
            "people.csv": people,
            "usage.csv": uses,
            "revenue.csv": [{"month": "2026-02", "stream": "=1+1", "revenue": 10}],
            "errors.csv": [{"month": "2026-02", "error_type": "@cmd", "count": 1}],
        },
        privacy={"show_names": show_names, "min_group_size": 3},
        alternatives={"=EVIL()": 1},
    )


def test_formula_like_text_is_neutralised(tmp_path):
    out = tmp_path / "docs"
    build(hostile_company(tmp_path, show_names=True), out)
    texts = [c.value for c in all_cells(out) if isinstance(c.value, str)]
    for cell in all_cells(out):
        if isinstance(cell.value, str):
            assert cell.data_type == "s" and not cell.value.startswith(FORMULA_START), cell.value
    statuses = rows(out, OPERATIONS, "Statuts dernière semaine")
    assert [row[1] for row in statuses[1:]] == [f"'{name}" for name in HOSTILE]
    assert "'=1+1" in texts and "'@cmd" in texts and "'=EVIL()" in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-x", "'-x"), ("@A1", "'@A1"), ("\tx", "'\tx"),
        ("\rx", "'\rx"), ("a=b", "a=b"), ("Devis", "Devis"), ("", ""), ("x\x01y", "xy"),
    ],
)  # fmt: skip
def test_inert_text(text, expected):
    assert inert_text(text) == expected


def test_sheet_title_is_valid_and_unique():
    assert sheet_title("a/b:c*d?e[f]g\\h") == "a-b-c-d-e-f-g-h"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("x" * 40, ["x" * 31]) == "x" * 29 + " 2"


def test_names_are_hidden_when_show_names_is_false(tmp_path):
    out = tmp_path / "docs"
    build(hostile_company(tmp_path, show_names=False), out)
    people = [row[1] for row in rows(out, OPERATIONS, "Statuts dernière semaine")[1:]]
    assert people == [f"p{i}" for i in range(len(HOSTILE))]
    texts = {c.value for c in all_cells(out) if isinstance(c.value, str)}
    assert not texts & {inert_text(name) for name in HOSTILE}


def test_builds_are_byte_identical_and_dated_from_the_data(tmp_path):
    first, second = build(DEMO, tmp_path / "a"), build(DEMO, tmp_path / "b")
    assert first == second
    for download in first:
        content = (tmp_path / "a" / download.path).read_bytes()
        assert content == (tmp_path / "b" / download.path).read_bytes(), download.path
    # Nothing comes from the clock: as_of.month is 2026-09, so every date is 2026-09-30.
    stamp = datetime(2026, 9, 30)
    for path in SHEETS:
        with zipfile.ZipFile(tmp_path / "a" / path) as archive:
            assert {info.date_time for info in archive.infolist()} == {stamp.timetuple()[:6]}
        properties = workbook(tmp_path / "a", path).properties
        assert properties.created == properties.modified == stamp


def test_a_company_without_measurements_gets_empty_sheets(tmp_path):
    data = write_company(tmp_path / "data", {"people.csv": trained_people(3)})
    out = tmp_path / "docs"
    build(data, out)
    for path, names in SHEETS.items():
        wb = workbook(out, path)
        assert wb.sheetnames == names
        assert wb.properties.created == datetime(2000, 1, 1)
    assert len(rows(out, FINANCE, "Synthèse")) == 8


def test_every_data_file_has_a_header_only_template(plain):
    with zipfile.ZipFile(plain / "telechargements" / "modeles-csv.zip") as archive:
        assert archive.namelist() == [f.name for f in FILES]
        for schema in FILES:
            expected = (",".join(schema.column_names) + "\n").encode("utf-8")
            assert (plain / "telechargements" / "modeles" / schema.name).read_bytes() == expected
            assert archive.read(schema.name) == expected


def test_generate_writes_the_downloads_into_the_docs(tmp_path):
    built = generate(PLAIN, tmp_path / "docs", tmp_path / "no-docs")
    assert [d.path for d in built.downloads[:3]] == list(SHEETS)
    for download in built.downloads:
        assert (tmp_path / "docs" / download.path).is_file()
