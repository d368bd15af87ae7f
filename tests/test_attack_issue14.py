"""Issue 14 under attack: inputs a hostile but fair reviewer would try on the per-tool figures,
the tool column and the € ranges, each where the report could lie, crash or leak a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from generator.cli import cli
from generator.website.build import compute_report
from tests.fixture_company import HEADERS, write_company, write_csv
from tests.test_tools_site import (
    COST_PAGE,
    FINANCE_PAGE,
    NBSP,
    WORKBOOK,
    build,
    entry,
    published,
    read,
    view,
    with_tools,
)

NONE_SAVED = "aucun des outils nommés dans les données n'a fait gagner d'heures."


def test_a_tool_that_saved_no_hour_is_never_named_the_busiest():
    """Every hour of the month went to rows without a tool (or was lost): naming a tool
    « celui qui fait gagner le plus d'heures (0,0 h) » would be false, and « sans coût
    renseigné » too when its costs are given."""
    unsaid_only = view(entry("a", 0, None, cost=120.0), entry("b", 0, None, cost=6.0),
                       entry(None, 60, 2.0, cost=120.0))  # fmt: skip
    lost = view(entry("a", 0, None, cost=180.0), entry("b", -12, None, cost=66.0))
    for shown in (unsaid_only, lost):
        sentence = str(shown["sentence"])
        assert "le plus d'heures" not in sentence, sentence
        assert "sans coût renseigné" not in sentence, sentence
        assert sentence == f"En février 2026, {NONE_SAVED}"
    priced_loss = view(entry("a", -3, None, cost=10.0), entry("b", 5, 2.0, cost=10.0))
    assert str(priced_loss["sentence"]).startswith("En février 2026, B est à la fois")
    assert f"(5,0{NBSP}h)" in str(priced_loss["sentence"])


def validate(data: Path) -> Result:
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": None, "GITHUB_ACTIONS": None})
    return runner.invoke(cli, ["validate", "--data", str(data), "--today", "2026-06-30"])


@pytest.mark.parametrize(
    ("tools", "line", "said"),
    [
        # two tools of one name: one row of the chart, one bar over the other
        ([{"tool": "a", "label": "Assistant"}, {"tool": "b", "label": "ASSISTANT "}], 3,
         "« ASSISTANT » est déjà le nom de l'outil de la ligne 2 :"),
        # a blank label shows the id
        ([{"tool": "a", "label": "B"}, {"tool": "b", "label": ""}], 3,
         "tools.csv:3: tool: « b » est déjà le nom de l'outil de la ligne 2 :"),
        # the intern's bar and the tool's on one row
        ([{"tool": "a", "label": "Stagiaire"}], 2,
         "« Stagiaire » est déjà le nom de l'autre solution « Stagiaire » de company.yml"),
        ([{"tool": "a", "label": "Outil non precise"}], 2,
         "« Outil non precise » est déjà le nom que le site donne aux utilisations sans outil"),
    ],
)  # fmt: skip
def test_a_tool_named_like_another_tool_or_an_alternative_is_refused(tmp_path, tools, line, said):
    data = write_company(tmp_path / "data", {"tools.csv": tools})
    result = validate(data)
    assert result.exit_code == 1, result.output
    assert f"tools.csv:{line}: " in result.output and said in result.output, result.output
    fixed = [{**t, "label": f"Outil {i}"} for i, t in enumerate(tools)]
    assert validate(write_company(tmp_path / "fixed", {"tools.csv": fixed})).exit_code == 0


def test_without_costs_the_basis_does_not_sum_back_to_blank_figures(tmp_path):
    """Without costs.csv metric 3 has no cost nor hours: « les outils redonnent les chiffres
    de l'entreprise : — pour — » said nothing true."""
    data = with_tools(tmp_path / "data")
    (data / "costs.csv").unlink()
    docs = build(data, tmp_path, public=False)  # one Copilot user: the public site withholds it
    for path in (COST_PAGE, FINANCE_PAGE):
        page = read(docs, path)
        assert "## Comparer les outils" in page, path
        assert "— pour —" not in page and "partagés en proportion" not in page, path
        assert "heures gagnées seulement : sans coût renseigné (costs.csv)" in page, path


def test_a_tool_one_person_uses_does_not_publish_their_hours(tmp_path):
    """p004 alone uses Copilot (12 h in February): its hours are p004's, and hiding them alone
    would not do (metric 3's 72 h minus ChatGPT's 60 h give them back). The public site
    publishes no per-tool figure and says why; the complete report keeps the comparison."""
    data = with_tools(tmp_path / "data")
    docs = build(data, tmp_path / "public", public=True)
    assert published(docs)["tools"] == [] and published(docs)["tools_withheld"] == 3
    for path in (COST_PAGE, FINANCE_PAGE):
        page = read(docs, path)
        assert "## Comparer les outils" in page and "figure-tools" not in page, path
        assert "utilisé par moins de 3 personnes ce mois-ci" in page, path
        assert "ChatGPT" not in page and "copilot" not in page.lower(), path
    assert "Outils" not in load_workbook(docs / WORKBOOK).sheetnames
    private = build(data, tmp_path / "private", public=False)
    copilot = published(private)["tools"][1]
    assert copilot["hours"] == pytest.approx(12.0) and copilot["users"] is None
    assert published(private)["tools_withheld"] is None


def test_a_tool_never_timed_does_not_take_another_tools_stopwatch(tmp_path):
    """Only Copilot was timed (60 min with AI on a task declared 45 → 15): ChatGPT, never
    timed, is shown losing time (−30 h) with Copilot's minutes, and the comparison says
    nothing true about it."""
    data = with_tools(tmp_path / "data")
    timing = {"date": "2026-01-20", "person": "p004", "task": "compte_rendu", "minutes": 60,
              "with_ai": "yes", "tool": "copilot"}  # fmt: skip
    write_csv(data / "timings.csv", (*HEADERS["timings.csv"], "tool"), [timing])
    chatgpt, copilot = compute_report(data)["tools"]
    assert copilot["hours"] == pytest.approx(-6.0)  # its own stopwatch: (45 − 60) min × 24
    assert chatgpt["hours"] == pytest.approx(60.0)  # its declared 30 min × 120 uses


def test_no_chart_of_tools_when_no_named_tool_has_a_cost_per_hour():
    """Every hour went to rows without a tool, the licences to tools that saved none: the
    chart « chaque outil » would show « Outil non précisé » alone, at 2 €/h, its share of the
    common costs without any licence, beside the intern: a comparison of no tool."""
    from generator.figures import ChartLabels
    from generator.figures.tools import tools_figure

    labels = ChartLabels({}, {}, "2026-01", {}, {"Stagiaire": 12.0})
    entries = [entry("a", 0, None, cost=120.0), entry(None, 60, 2.0, cost=120.0)]
    metrics = {"cost_per_hour": {"month": "2026-02"}, "tools": entries}
    assert tools_figure(metrics, labels) is None
    entries = [entry("a", 10, 4.0), entry(None, 60, 2.0)]
    assert tools_figure({**metrics, "tools": entries}, labels) is not None


def test_a_tie_names_every_tool_tied_as_shown():
    """Two tools with 20,0 h each: « celui qui fait gagner le plus d'heures est A » alone
    would say B saved fewer. Ties are read on the figures as shown (20,04 h and 19,96 h both
    read « 20,0 h »)."""
    hours_tie = view(entry("a", 20.04, 9.0), entry("b", 19.96, 3.3), entry("c", 5, 3.3001))
    assert str(hours_tie["sentence"]) == (
        f"En février 2026, l'outil le moins cher par heure gagnée est B (3,30{NBSP}€ de "
        f"l'heure) ; celui qui fait gagner le plus d'heures est A (20,0{NBSP}h). À égalité pour "
        f"le coût par heure gagnée (3,30{NBSP}€) : B et C. À égalité pour les heures gagnées "
        f"(20,0{NBSP}h) : A et B."
    )
    no_tie = view(entry("a", 20, 9.0), entry("b", 10, 3.3))
    assert "égalité" not in str(no_tie["sentence"])
    no_costs = view(entry("a", 5, None), entry("b", 5, None), entry("c", 5, None))
    assert str(no_costs["sentence"]).endswith(f"(5,0{NBSP}h) : A, B et C.")


def test_a_task_slower_with_one_tool_is_warned_of(tmp_path):
    """ChatGPT timed 3 × 10 min, Copilot 2 × 60 min on a task of 45 min without AI: ChatGPT's
    rows use 10 min, but Copilot's rows use its own 60 and lose time (−6 h in
    February). « L'IA fait perdre du temps » must say which task, as it does when the task's
    own median is the slower one."""
    data = with_tools(tmp_path / "data")
    timings = [{"date": f"2026-01-2{i}", "person": "p004", "task": "compte_rendu",
                "minutes": 10 if i < 3 else 60, "with_ai": "yes",
                "tool": "chatgpt" if i < 3 else "copilot"} for i in range(5)]  # fmt: skip
    write_csv(data / "timings.csv", (*HEADERS["timings.csv"], "tool"), timings)
    report = compute_report(data)
    assert report["tools"][1]["hours"] == pytest.approx(-6.0)
    # The task's own minutes with AI stay tasks.csv's 15: every measurement names its tool.
    assert report["measured_time"][0]["used_after"] == 15.0
    lost = [w for w in report["warnings"] if w["code"] == "time_lost"]
    assert lost and "Comptes-rendus" in lost[0]["message"], report["warnings"]


def test_the_measured_time_section_says_which_minutes_a_timed_tool_uses(tmp_path):
    """Copilot's rows use its own median (60 min), not the « Retenue » 10 min of the task's
    table: the page must say so, else it states minutes the computation does not use."""
    data = with_tools(tmp_path / "data")
    timings = [{"date": f"2026-01-2{i}", "person": "p004", "task": "compte_rendu",
                "minutes": 10 if i < 3 else 60, "with_ai": "yes",
                "tool": "chatgpt" if i < 3 else "copilot"} for i in range(5)]  # fmt: skip
    write_csv(data / "timings.csv", (*HEADERS["timings.csv"], "tool"), timings)
    page = read(build(data, tmp_path), "metriques/temps-gagne.md")
    assert (
        f"Comptes\\-rendus avec ChatGPT &lt;b&gt;Team&lt;/b&gt; : 10{NBSP}min, médiane de ses "
        "3 mesure(s) avec cet outil"
    ) in page
    assert f"Comptes\\-rendus avec copilot : 60{NBSP}min, médiane de ses 2 mesure(s)" in page
