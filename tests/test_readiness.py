"""The rollout phase and the readiness checklist, ticked from the data where it can tell."""

from __future__ import annotations

from pathlib import Path

from generator.core.i18n import catalogue
from generator.pages.readiness import checklist, phase
from generator.website.build import compute_report, generate
from tests.fixture_company import write_company

ROOT = Path(__file__).resolve().parent.parent


def states(report: dict) -> dict[str, str]:
    return {item.key: item.state for items in checklist(report).values() for item in items}


def test_the_phase_follows_the_article():
    # Month 1: time, adoption, cost; months 2–3: quality; month 4 on: business.
    assert [phase(m) for m in (None, 1, 2, 3, 4, 12)] == [
        "none", "month1", "months2_3", "months2_3", "month4", "month4",
    ]  # fmt: skip


def test_a_new_company_has_everything_to_do(tmp_path):
    data = write_company(tmp_path / "data", {})
    report = compute_report(data)
    assert report["rollout_month"] is None and phase(report["rollout_month"]) == "none"
    assert states(report) == {
        "baseline_time": "done",  # tasks.csv holds one task with its minutes
        "baseline_quality": "todo",
        "three_metrics": "todo",
        "tool": "done",
        "weekly": "todo",
        "compared": "todo",
        "struggling": "todo",
        "adjust": "manual",
        "roi": "todo",
        "quick_wins": "manual",
        "shared": "manual",
        "next": "manual",
        "full_report": "todo",
        "evidence": "todo",
        "justify": "manual",
    }


def test_a_gap_in_the_weekly_reports_is_seen(tmp_path):
    usage = [
        {"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 2},
        {"week": "2026-W05", "person": "sophie", "task": "cr", "uses": 2},  # W04 missing
    ]
    tasks = [{"task": "cr", "label": "CR", "minutes_before": 60, "minutes_after": 15}]
    report = compute_report(
        write_company(tmp_path / "data", {"tasks.csv": tasks, "usage.csv": usage})
    )
    # 2026-W05 starts Monday 26 January: month 1 of a rollout that began on 5 January.
    assert report["rollout_month"] == 1 and phase(1) == "month1"
    assert states(report)["weekly"] == "todo"
    assert states(report)["struggling"] == "done"


def test_the_demo_is_in_month_9_with_the_data_driven_items_done(tmp_path):
    report = compute_report(ROOT / "data")
    assert report["rollout_month"] == 9
    # Some tasks of the demo were never timed: the declared_only warning undoes the tick of
    # "Temps actuel mesuré" (a tick never stands next to the warning that contradicts it).
    assert "declared_only" in {w["code"] for w in report["warnings"]}
    assert {k for k, s in states(report).items() if s == "todo"} == {"baseline_time"}
    generate(ROOT / "data", tmp_path, ROOT / "docs")
    home = (tmp_path / "index.md").read_text("utf-8")
    assert "## Mois 4 et suivants : l'impact business" in home
    assert "- [x] Mesure chaque semaine (les deux dernières semaines sont renseignées)" in home
    quick = catalogue()["checklist"]["items"]["quick_wins"]
    assert f"- [ ] {quick} — *à vous de juger*" in home


def test_metric_pages_say_whether_a_swing_is_a_trend(tmp_path):
    generate(ROOT / "data", tmp_path, ROOT / "docs")
    report = compute_report(ROOT / "data")["metrics"]
    assert report["adoption"]["interval"]["weeks"] == 8
    for page in ("metriques/adoption.md", "metriques/temps-gagne.md"):
        text = (tmp_path / page).read_text("utf-8")
        assert "## Tendance ou hasard ?" in text
        assert "Sur les 8 dernières semaines (depuis le 10 août 2026)" in text
