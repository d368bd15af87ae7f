"""The article's worked examples (data contract, "must come out of the generator exactly").

Each fixture folder under ``fixtures/worked/`` holds one example; every expected value below is
computed by hand, the arithmetic next to it. Company settings common to all folders:
deployed_on 2026-01-05 (so months before 2026-01 are the baseline), hourly_value 35,
error_cost 150, active_uses_per_week 3, recent_months 3 unless said otherwise.
"""

from __future__ import annotations

from generator.website.build import compute_report
from tests.report_helpers import WORKED, as_list, by_key, near, triple, value


def test_m1_time_saved() -> None:
    report = compute_report(WORKED / "m1_time_saved")
    assert report["company"] == "Atelier Exemple"
    # Only week 2026-W03 has rows; January is not complete (1–2 Jan lie in W01, no rows).
    assert report["as_of"] == {"week": "2026-W03", "month": None}
    assert report["rows"]["usage.csv"] == {"read": 3, "used": 3}
    # (60-15)*8/60 + (10-3)*25/60 + (240-120)*2/60 = 6 + 2.9167 + 4 = 775/60 = 12.9167 h,
    # one person reported that week
    assert value(report, "time_saved", "hours_per_person_week") == near(12.9167)
    # one reported week: mean = 12.9167; 12.9167 * 52/12 = 55.9722
    assert value(report, "time_saved", "hours_per_person_month") == near(55.9722)
    assert value(report, "time_saved", "band") == "top10"  # 55.97 >= 20


def test_m2_adoption() -> None:
    report = compute_report(WORKED / "m2_adoption")
    assert report["as_of"]["week"] == "2026-W03"
    # Trained on 2026-01-15 <= Sunday 2026-01-18 of W03: sophie, thomas, julie (marc has no
    # trained_on). Active (>= 3 uses): sophie only. 1 / 3 * 100 = 33.3333
    assert value(report, "adoption", "rate") == near(33.3333)
    assert value(report, "adoption", "band") == "normal"  # 30 <= 33.33 <= 60
    people = by_key(value(report, "adoption", "people"), "person")
    statuses = {person: (row["uses"], row["status"]) for (person,), row in people.items()}
    assert statuses == {
        "sophie": (12, "actif"),  # 12 >= 3
        "thomas": (2, "faible"),  # 1 <= 2 <= 2
        "julie": (0, "inactif"),  # a row with 0 uses
    }
    # julie's row with 0 uses counts as reporting: (12+2+0) * (20-10)/60 = 2.3333 h / 3 people
    # = 0.7778 h/person/week; * 52/12 = 3.3704 h/person/month < 5
    assert value(report, "time_saved", "hours_per_person_week") == near(0.7778)
    assert value(report, "time_saved", "hours_per_person_month") == near(3.3704)
    assert value(report, "time_saved", "band") == "not_yet"


def test_m3_cost_per_hour() -> None:
    report = compute_report(WORKED / "m3_cost_per_hour")
    # Rows in W06..W09 only: February (Mon 2/2 .. Fri 2/27) is the only complete month.
    assert report["as_of"] == {"week": "2026-W09", "month": "2026-02"}
    # Hours of February: 4 weeks * 25 uses * (45-15)/60 = 4 * 12.5 = 50 h (all 5 weekdays of
    # each week are in February). Cost of February: licence 150 + formation 600/12 = 200.
    # 200 / 50 = 4.0
    assert value(report, "cost_per_hour", "value") == near(4.0)
    assert value(report, "cost_per_hour", "band") == "excellent"  # 4 < 10
    # 12.5 h per week, one person; last 4 weeks mean 12.5 * 52/12 = 54.1667
    assert value(report, "time_saved", "hours_per_person_week") == near(12.5)
    assert value(report, "time_saved", "hours_per_person_month") == near(54.1667)


def test_m4_payback() -> None:
    report = compute_report(WORKED / "m4_payback")  # recent_months: 1
    assert report["as_of"] == {"week": "2026-W09", "month": "2026-02"}
    # Investment 1000 + 500 = 1500; February: 50 h * 35 - 200 = 1550.
    # 1500 / (50*35 - 200) = 0.9677 months
    assert value(report, "payback", "months") == near(0.9677)
    assert value(report, "payback", "band") == "excellent"  # 0.97 < 2
    # First cost month 2026-02: 50*35 - 200 - 1500 = +50 >= 0
    assert value(report, "payback", "break_even_month") == "2026-02"
    # Non-amortized one-offs are not a monthly cost: 200 / 50 = 4.0
    assert value(report, "cost_per_hour", "value") == near(4.0)


def test_m5_errors_avoided() -> None:
    report = compute_report(WORKED / "m5_errors")
    # Before (2025-11, 2025-12): devis (11+13)/2 = 12, oublis (8+8)/2 = 8, calcul (4+6)/2 = 5.
    # After, last 3 months 2026-02..04 (2026-01 left out): devis (1+2+3)/3 = 2,
    # oublis (1+0+2)/3 = 1 (no row in 2026-03 counts 0), calcul (0+0+0)/3 = 0.
    # (12-2) + (8-1) + (5-0) = 22
    assert value(report, "errors_avoided", "avoided_per_month") == near(22.0)
    # 22 * 150 = 3300
    assert value(report, "errors_avoided", "value_per_month") == near(3300.0)


def test_m6_customer() -> None:
    report = compute_report(WORKED / "m6_customer")
    customer = value(report, "customer")
    # NPS before (30+34)/2 = 32, after (46+48+50)/3 = 48; (48-32)/32*100 = 50.0
    assert triple(customer["nps"]) == (near(32.0), near(48.0), near(50.0))
    # Response before (230+250)/2 = 240, after (40+45+50)/3 = 45; (45-240)/240*100 = -81.25
    assert triple(customer["response_minutes"]) == (near(240.0), near(45.0), near(-81.25))
    # Complaint rate before (2+14)/(50+150)*100 = 8.0 (mean of monthly rates would be 6.67),
    # after (1+4+4)/(50+100+150)*100 = 3.0; (3-8)/8*100 = -62.5
    assert triple(customer["complaint_rate"]) == (near(8.0), near(3.0), near(-62.5))


def test_m7_deliverables() -> None:
    report = compute_report(WORKED / "m7_deliverables")
    rows = by_key(value(report, "deliverables"), "role", "indicator")
    expected = {
        # (19+21)/2 = 20 -> 23: (23-20)/20*100 = +15
        ("Commercial", "Taux de conversion devis"): (20.0, 23.0, 15.0, True),
        # (24+26)/2 = 25 -> 30.5: (30.5-25)/25*100 = +22
        ("Marketing", "Taux d'ouverture emails"): (25.0, 30.5, 22.0, True),
        # 30 -> 42: (42-30)/30*100 = +40
        ("RH", "Taux de réponse candidats"): (30.0, 42.0, 40.0, True),
        # (38+42)/2 = 40 -> 28: (28-40)/40*100 = -30, better = down
        ("Admin", "Demandes de clarification"): (40.0, 28.0, -30.0, True),
        # 5 -> 6: (6-5)/5*100 = +20, better = down: worse
        ("Commercial", "Délai d'envoi des devis (jours)"): (5.0, 6.0, 20.0, False),
    }
    assert set(rows) == set(expected)
    for key, (before, after, evolution, improved) in expected.items():
        row = rows[key]
        assert row["before"] == near(before), key
        assert row["after"] == near(after), key
        assert row["evolution"] == near(evolution), key
        assert row["improved"] is improved, key


def test_m8_mental_load() -> None:
    report = compute_report(WORKED / "m8_mental_load")
    rows = by_key(value(report, "mental_load", "rows"), "person", "task")
    expected = {
        # sophie's 2026-02-10 answer (7->3) wins over her 2026-01-20 one (7->5)
        # (3-7)/7*100 = -57.1429
        ("sophie", "veille_concurrence"): (7, 3, -57.1429),
        ("marc", "relance_clients"): (8, 2, -75.0),  # (2-8)/8*100 = -75
        ("julie", "saisie_donnees"): (9, 4, -55.5556),  # (4-9)/9*100 = -55.5556
    }
    assert set(rows) == set(expected)
    for key, (before, after, evolution) in expected.items():
        assert rows[key]["before"] == near(before), key
        assert rows[key]["after"] == near(after), key
        assert rows[key]["evolution"] == near(evolution), key
    # (-57.1429 - 75 - 55.5556) / 3 = -187.6984 / 3 = -62.5661
    assert value(report, "mental_load", "mean_evolution") == near(-62.5661)


def test_m9_revenue() -> None:
    report = compute_report(WORKED / "m9_revenue")
    rows = by_key(value(report, "revenue"), "stream")
    assert set(rows) == {("Prospection augmentée",), ("Upsell automatisé",)}
    prospection = rows[("Prospection augmentée",)]
    # before (50000+52000)/2 = 51000; after 2026-02..04 (64000+66000+68000)/3 = 66000
    assert prospection["before"] == near(51000.0)
    assert prospection["after"] == near(66000.0)
    assert prospection["delta"] == near(15000.0)  # 66000 - 51000
    assert prospection["evolution"] == near(29.4118)  # 15000/51000*100 = 29.4118
    upsell = rows[("Upsell automatisé",)]
    # before (20000+20000)/2 = 20000; after (21000+21500+22000)/3 = 21500 (2026-01 left out)
    assert upsell["before"] == near(20000.0)
    assert upsell["after"] == near(21500.0)
    assert upsell["delta"] == near(1500.0)  # 21500 - 20000
    assert upsell["evolution"] == near(7.5)  # 1500/20000*100 = 7.5


def test_m10_capacity() -> None:
    report = compute_report(WORKED / "m10_capacity")
    capacity = value(report, "capacity")
    # before (7+9)/2 = 8; after (10+11+12)/3 = 11; (11-8)/8*100 = 37.5
    assert triple(capacity) == (near(8.0), near(11.0), near(37.5))
    # (11-8) * mean basket of the after months (3400+3500+3600)/3 = 3500 -> 3 * 3500 = 10500
    assert capacity["extra_revenue"] == near(10500.0)


def test_m11_cac() -> None:
    report = compute_report(WORKED / "m11_cac")
    cac = value(report, "cac")
    # Before 2025-11 + 2025-12: leads 200, qualified 100, minutes 9000, spend 3250, customers 12.
    # Time per lead 9000/200 = 45 min; cost 9000/60*35 + 3250 = 5250 + 3250 = 8500;
    # per qualified lead 8500/100 = 85; conversion 12/100 = 12 %; CAC 8500/12 = 708.3333
    # (mean of the monthly CACs would be (4125/5 + 4375/7)/2 = 725).
    assert cac["before"] == near(708.3333)
    # After 2026-02..04 (2026-01 left out): leads 300, qualified 100, minutes 6000, spend 300,
    # customers 18. 6000/300 = 20 min; cost 6000/60*35 + 300 = 3800; per qualified lead 38;
    # conversion 18 %; CAC 3800/18 = 211.1111
    assert cac["after"] == near(211.1111)
    # (211.1111 - 708.3333) / 708.3333 * 100 = -70.1961
    assert cac["evolution"] == near(-70.1961)


def test_m12_freed_time() -> None:
    report = compute_report(WORKED / "m12_freed_time")  # recent_months: 1 -> 2026-03 only
    rows = by_key(value(report, "freed_time"), "use")
    # sophie's 30 h "autre" of 2026-02 is outside the window: absent or zero.
    autre = rows.pop(("autre",), None)
    assert autre is None or autre["hours"] == near(0.0)
    expected = {
        ("commercial",): (45.0, 45.0),  # 20 + 15 + 10 = 45 h; 45/100*100 = 45 %
        ("produit",): (25.0, 25.0),  # 5 + 20 = 25 h; 25 %
        ("formation",): (15.0, 15.0),  # 10 + 5 = 15 h; 15 %
        ("equilibre",): (15.0, 15.0),  # 5 + 10 = 15 h; 15 %
    }
    assert set(rows) == set(expected)
    for key, (hours, share) in expected.items():
        assert rows[key]["hours"] == near(hours), key
        assert rows[key]["share"] == near(share), key


def test_metrics_without_their_file_are_null() -> None:
    # m5's folder has no usage, costs, customers... file: those metrics are null / empty.
    report = compute_report(WORKED / "m5_errors")
    assert value(report, "cost_per_hour", "value") is None
    assert value(report, "payback", "months") is None
    assert value(report, "customer", "nps", "before") is None
    assert as_list(value(report, "deliverables")) == []
    assert as_list(value(report, "revenue")) == []
    assert as_list(value(report, "freed_time")) == []
