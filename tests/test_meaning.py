"""Meaning, not only format: a loss reads as a loss, the control group has no AI usage, and
usage dated before a person's training does not count as the AI's gain.

Every case is a small real company (tests/fixture_company.py: deployed_on 2026-01-05, one
person ``sophie`` trained on 2026-01-05); February 2026 (weeks W06–W09) is the complete month.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.website.build import compute_report, generate
from tests.fixture_company import FEBRUARY_2026, Row, usage_rows, write_company
from tests.report_helpers import value

SUCCESS = {"top10", "upper_average", "profitable", "excellent", "good", "normal"}
SLOWER: list[Row] = [  # 15 minutes without the AI, 45 with it: 30 minutes lost per use
    {"task": "relance", "label": "Relances", "minutes_before": 15, "minutes_after": 45}
]
FASTER: Row = {
    "task": "compte_rendu",
    "label": "Comptes-rendus",
    "minutes_before": 45,
    "minutes_after": 15,
}
COSTS: list[Row] = [
    {"category": "licence", "amount": 80, "kind": "monthly", "start": "2026-01"},
    {"category": "formation", "amount": 300, "kind": "one_off", "start": "2026-01"},
]


def slower_company(tmp_path: Path) -> Path:
    usage = usage_rows(FEBRUARY_2026, "sophie", "relance", 8)
    return write_company(tmp_path, {"tasks.csv": SLOWER, "usage.csv": usage, "costs.csv": COSTS})


def codes(report: dict) -> dict[str, str]:
    return {w["code"]: w["message"] for w in report["warnings"]}


def test_time_lost_is_no_success_anywhere(tmp_path: Path) -> None:
    report = compute_report(slower_company(tmp_path))
    # 8 uses × 30 min lost = 4 h lost a week, × 52 / 12 a month
    assert value(report, "time_saved", "hours_per_person_week") == -4.0
    assert value(report, "time_saved", "band") == "loss"
    assert value(report, "cost_per_hour", "hours") < 0
    assert value(report, "cost_per_hour", "value") is None  # no price for hours lost
    assert value(report, "cost_per_hour", "band") == "loss"
    assert all(row["value"] is None for row in value(report, "cost_per_hour", "months"))
    assert value(report, "payback", "months") is None
    assert value(report, "payback", "band") == "never"
    message = codes(report)["time_lost"]
    assert message.startswith("Au total, l'IA fait perdre du temps : avec elle, 1 tâche(s)")
    assert "« Relances »" in message


def test_time_lost_pages_say_so(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(slower_company(tmp_path / "data"), docs, tmp_path / "no-docs", public=False)
    home = (docs / "index.md").read_text("utf-8")
    cost = next(docs.rglob("cout-par-heure.md")).read_text("utf-8")
    cards = home.split('<div class="roi-card ')
    time_card = next(card for card in cards if "Temps gagné</p>" in card)
    cost_card = next(card for card in cards if "Coût par heure</p>" in card)
    assert "Soit 17,3\u00a0h perdues par personne et par mois" in time_card
    assert "80,00\u00a0€ de coûts et 16,0\u00a0h perdues en février 2026." in cost_card
    for card in (time_card, cost_card):
        assert card.startswith("roi-band-loss")
        assert '<p class="roi-card-band">Temps perdu</p>' in card
        assert "L'IA fait perdre du temps" in card
    assert '!!! warning "Temps perdu"' in cost
    assert "Excellent" not in cost
    operations = (docs / "tableaux" / "operationnel.md").read_text("utf-8")
    tiles = operations.split('<div class="roi-card ')
    tile = next(tile for tile in tiles if "Temps gagné</p>" in tile)
    assert tile.startswith("roi-band-loss")  # a loss stays red beside its warning's mark
    assert "⚠ À vérifier" in tile and "Temps perdu" in tile


def test_a_slower_task_among_faster_ones_is_named_without_calling_the_total_a_loss(
    tmp_path: Path,
) -> None:
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 8)
    usage += usage_rows(FEBRUARY_2026, "sophie", "relance", 2)
    data = write_company(tmp_path, {"tasks.csv": [FASTER, *SLOWER], "usage.csv": usage})
    report = compute_report(data)
    # 8 × 0.5 h saved − 2 × 0.5 h lost = 3 h a week
    assert value(report, "time_saved", "hours_per_person_week") == 3.0
    assert value(report, "time_saved", "band") != "loss"
    assert codes(report)["time_lost"].startswith("Avec l'IA, 1 tâche(s) prennent plus de temps")


def test_no_time_lost_warning_when_every_task_is_faster(tmp_path: Path) -> None:
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 8)
    report = compute_report(write_company(tmp_path, {"usage.csv": usage}))
    assert "time_lost" not in codes(report)


CONTROL_PEOPLE: list[Row] = [
    {"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05", "group": "ai"},
    {"person": "p07", "name": "Paul", "group": "control"},
]


def validate(data: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)], prog_name="roi")
    return result.exit_code, result.stderr


def test_usage_of_the_control_group_is_refused_with_its_line(tmp_path: Path) -> None:
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 3)
    usage += usage_rows(["2026-W07"], "p07", "compte_rendu", 10)
    data = write_company(tmp_path, {"people.csv": CONTROL_PEOPLE, "usage.csv": usage})
    code, stderr = validate(data)
    assert code == 1
    assert "usage.csv:6: person: p07 est dans le groupe témoin (group control" in stderr
    assert "mettez group ai et sa date de formation (trained_on)" in stderr
    fixed = [row for row in usage if row["person"] != "p07"]
    write_company(tmp_path, {"people.csv": CONTROL_PEOPLE, "usage.csv": fixed})
    assert validate(tmp_path)[0] == 0


def test_a_company_all_in_the_control_group_shows_no_ai_gain(tmp_path: Path) -> None:
    people = [{"person": "p07", "group": "control"}, {"person": "p08", "group": "control"}]
    data = write_company(tmp_path, {"people.csv": people, "usage.csv": [], "costs.csv": COSTS})
    report = compute_report(data)
    assert value(report, "time_saved", "hours_per_person_week") is None
    assert value(report, "time_saved", "band") is None
    assert value(report, "cost_per_hour", "band") is None
    assert value(report, "payback", "band") not in SUCCESS


LATE_PEOPLE: list[Row] = [
    {"person": "sophie", "name": "Sophie", "trained_on": "2026-02-04"},  # Wednesday of W06
    {"person": "marc", "name": "Marc", "trained_on": "2026-01-05"},
]


def late_company(tmp_path: Path) -> Path:
    usage = usage_rows(["2026-W04", "2026-W05", *FEBRUARY_2026], "sophie", "compte_rendu", 4)
    usage += usage_rows(FEBRUARY_2026, "marc", "compte_rendu", 2)
    return write_company(tmp_path, {"people.csv": LATE_PEOPLE, "usage.csv": usage})


def test_usage_before_training_is_flagged_and_kept_out_of_the_gains(tmp_path: Path) -> None:
    report = compute_report(late_company(tmp_path))
    # W04 and W05 end before 2026-02-04; W06, the week of the training, counts
    assert report["rows"]["usage.csv"] == {"read": 10, "used": 8}
    assert [w["week"] for w in value(report, "time_saved", "weeks")] == list(FEBRUARY_2026)
    message = codes(report)["usage_before_training"]
    assert message.startswith("2 ligne(s) de usage.csv (1 personne(s) : sophie) sont datées")
    assert "corrigez trained_on" in message


def test_usage_before_training_names_nobody_in_the_public_report(tmp_path: Path) -> None:
    report = compute_report(late_company(tmp_path), public=True)
    message = codes(report)["usage_before_training"]
    assert message.startswith("2 ligne(s) de usage.csv (1 personne(s)) sont datées")
    assert "sophie" not in message


def test_usage_from_the_training_week_on_raises_no_warning(tmp_path: Path) -> None:
    usage = usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 4)
    people = [{"person": "sophie", "trained_on": "2026-02-08"}]  # Sunday of W06
    report = compute_report(write_company(tmp_path, {"people.csv": people, "usage.csv": usage}))
    assert "usage_before_training" not in codes(report)
    assert report["rows"]["usage.csv"] == {"read": 4, "used": 4}


def test_validate_warns_of_usage_before_training_and_accepts_the_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", str(late_company(tmp_path))])
    assert result.exit_code == 0
    assert result.output.startswith("Attention : 2 ligne(s) de usage.csv (1 personne(s) : sophie)")
