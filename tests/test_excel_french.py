"""A French Excel "CSV" export gives the same report as the plain CSV files.

``fixtures/excel_plain/`` holds several files with decimals and dates; ``fixtures/excel_fr/``
is the same data as French Excel saves it (UTF-8 BOM, ``;``, CRLF, decimal comma, DD/MM/YYYY),
written once by ``tests/excel_export.py`` and committed byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from generator.input.load import load_dataset
from generator.website.build import compute_report
from tests.excel_export import export_folder
from tests.report_helpers import FIXTURES, by_key, near, triple, value

PLAIN = FIXTURES / "excel_plain"
EXCEL = FIXTURES / "excel_fr"


def test_excel_fixture_holds_the_same_data_as_the_plain_one(tmp_path: Path) -> None:
    export_folder(PLAIN, tmp_path)
    names = sorted(p.name for p in EXCEL.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    for name in names:
        assert (EXCEL / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_excel_fixture_looks_like_french_excel() -> None:
    people = (EXCEL / "people.csv").read_bytes()
    assert people.startswith(b"\xef\xbb\xbfperson;name;team;role;trained_on;group\r\n")
    assert b"sophie;Sophie;Communication;Marketing;15/01/2026;ai\r\n" in people
    assert (
        b"2026-02;Marketing;Taux d'ouverture emails;30,5;up\r\n"
        in (EXCEL / "deliverables.csv").read_bytes()
    )
    assert b"licence;Licences IA;149,5;monthly;2026-02;;\r\n" in (EXCEL / "costs.csv").read_bytes()
    for path in EXCEL.glob("*.csv"):
        assert b"\n" not in path.read_bytes().replace(b"\r\n", b""), path.name


def test_excel_export_gives_the_same_report() -> None:
    plain = compute_report(PLAIN)
    excel = compute_report(EXCEL)
    assert excel["as_of"] == plain["as_of"]
    assert excel["rows"] == plain["rows"]
    assert excel["metrics"] == plain["metrics"]


def test_excel_export_hand_values() -> None:
    report = compute_report(EXCEL)  # recent_months: 1
    # usage rows in W06..W09 only: February 2026 is the one complete month
    assert report["as_of"] == {"week": "2026-W09", "month": "2026-02"}
    # timings.csv: compte_rendu timed 44,5 min without AI and 15,5 min with AI; these medians
    # (one measurement each) replace tasks.csv's 45 and 15: 29 min saved per use.
    (timed, *_) = report["measured_time"]
    assert (timed["task"], timed["used_before"], timed["used_after"]) == (
        "compte_rendu",
        44.5,
        15.5,
    )
    # February hours: 4 weeks * (23 + 2) uses * 29/60 = 4 * 12.0833 = 48.3333 h;
    # cost: 149,5 + 606/12 = 149.5 + 50.5 = 200; 200 / 48.3333 = 4.1379
    assert value(report, "cost_per_hour", "value") == near(4.1379)
    # 12.0833 h / 2 people = 6.0417 h/person/week; 6.0417 * 52/12 = 26.1806
    assert value(report, "time_saved", "hours_per_person_week") == near(6.0417)
    assert value(report, "time_saved", "hours_per_person_month") == near(26.1806)
    # julie's trained_on 02/03/2026 is 2 March (not 3 February): after Sunday 2026-03-01 of W09,
    # so trained = sophie, thomas; active = sophie (23 uses): 1/2*100 = 50.0
    assert value(report, "adoption", "rate") == near(50.0)
    people = by_key(value(report, "adoption", "people"), "person")
    assert set(people) == {("sophie",), ("thomas",)}
    # investment 606; net 48.3333*35 - 149.5 = 1691.6667 - 149.5 = 1542.1667;
    # 606 / 1542.1667 = 0.3930
    assert value(report, "payback", "months") == near(0.3930)
    # 1691.6667 - 149.5 - 606 = 936.1667 >= 0 in the first cost month
    assert value(report, "payback", "break_even_month") == "2026-02"
    # sophie answered 05/02/2026 (7->5) and 02/03/2026 (7->3): 2 March is the latest.
    rows = by_key(value(report, "mental_load", "rows"), "person", "task")
    assert rows[("sophie", "veille_concurrence")]["after"] == near(3)
    # (-57.1429 - 75 - 55.5556) / 3 = -62.5661
    assert value(report, "mental_load", "mean_evolution") == near(-62.5661)
    # 240,5 -> 45,5 minutes: (45.5-240.5)/240.5*100 = -81.0811
    customer = value(report, "customer")
    assert triple(customer["response_minutes"]) == (near(240.5), near(45.5), near(-81.0811))
    # 4/50*100 = 8 -> 3/100*100 = 3: (3-8)/8*100 = -62.5
    assert triple(customer["complaint_rate"]) == (near(8.0), near(3.0), near(-62.5))
    # 25 -> 30,5: (30.5-25)/25*100 = +22
    (marketing,) = value(report, "deliverables")
    assert marketing["evolution"] == near(22.0)
    # 12,5 + 7,5 + 5 = 25 h: shares 50, 30, 20 %
    # freed_time.csv: « 12,5 » and « 7,5 » read as 12.5 and 7.5. Each use is one person's
    # answer, so the report masks every use (test_public_report.py): read the parsed rows.
    hours = load_dataset(EXCEL).frames["freed_time"].set_index("use")["hours"]
    assert hours.to_dict() == {"commercial": 12.5, "produit": 7.5, "equilibre": 5.0}
    freed = by_key(value(report, "freed_time"), "use")
    assert freed[("commercial",)]["use_masked"] and freed[("commercial",)]["hours"] is None
