"""« Comparer les outils » on the generated site, in metrics.json and in the workbook: the demo
shows it, a company without tools gets none of it, a tool one person uses singles nobody out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.pages.tools import tools_view
from generator.website.build import generate
from tests.fixture_company import FEBRUARY_2026, trained_people, write_company, write_csv

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
FINANCE_PAGE = "tableaux/financier.md"
COST_PAGE = "metriques/cout-par-heure.md"
WORKBOOK = "telechargements/tableau-2-roi-financier.xlsx"
NBSP, THIN = "\u00a0", "\u202f"


def build(data: Path, out: Path, public: bool = True) -> Path:
    docs = out / "docs"
    generate(data, docs, out / "no-docs", public=public)
    return docs


def read(docs: Path, path: str) -> str:
    return (docs / path).read_text("utf-8")


def published(docs: Path) -> dict:
    result: dict = json.loads(read(docs, "metrics.json"))
    return result


def sheet(docs: Path, name: str) -> list[tuple]:
    return list(load_workbook(docs / WORKBOOK)[name].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(DEMO, tmp_path_factory.mktemp("demo"))


def test_the_demo_compares_its_tools_on_both_pages(demo):
    tools = published(demo)["tools"]
    assert [t["tool"] for t in tools] == ["chatgpt", "copilot"]
    assert sum(t["cost"] for t in tools) == pytest.approx(
        published(demo)["metrics"]["cost_per_hour"]["cost"]
    )
    for path in (FINANCE_PAGE, COST_PAGE):
        page = read(demo, path)
        assert "## Comparer les outils" in page, path
        assert 'id="figure-tools"' in page, path
        assert "ChatGPT Team est à la fois l'outil le moins cher par heure gagnée" in page
        assert "sont partagés en proportion des heures gagnées" in page
        assert "Outil non précisé" not in page  # every usage row of the demo names its tool
    cost_page, dashboard = read(demo, COST_PAGE), read(demo, FINANCE_PAGE)
    assert "| ChatGPT Team | 74,3" in cost_page and "| Microsoft 365 Copilot | 32,6" in cost_page
    assert "| ChatGPT Team | 74,3" not in dashboard  # the dashboard links to the table
    assert "Heures, coût, utilisateurs et tâches de chaque outil : page [" in dashboard
    assert sheet(demo, "Outils")[1][:3] == ("ChatGPT Team", "sept. 2026", pytest.approx(74.255))


def with_tools(data: Path) -> Path:
    """Four trained people in February 2026; compte_rendu saves 0.5 h a use. p001–p003 use
    ChatGPT 10 times a week (5 h each a week: 60 h), p004 alone uses Copilot 6 times a week
    (12 h). Costs of February: ChatGPT 120 €, Copilot 6 €, training 360 € over 3 months
    without a tool (120 € a month, shared 60 : 12 → 100 € and 20 €)."""
    write_company(data, {"people.csv": trained_people(4)})
    write_csv(data / "tools.csv", ("tool", "label"), [
        {"tool": "chatgpt", "label": "ChatGPT <b>Team</b>"}, {"tool": "copilot", "label": ""},
    ])  # fmt: skip
    usage = [
        {"week": week, "person": person, "task": "compte_rendu", "uses": uses, "tool": tool}
        for week in FEBRUARY_2026
        for person, uses, tool in (("p001", 10, "chatgpt"), ("p002", 10, "chatgpt"),
                                   ("p003", 10, "chatgpt"), ("p004", 6, "copilot"))
    ]  # fmt: skip
    write_csv(data / "usage.csv", ("week", "person", "task", "uses", "tool"), usage)
    costs = [
        {"category": "licence", "label": "ChatGPT", "amount": 120, "kind": "monthly",
         "start": "2026-01", "tool": "chatgpt"},
        {"category": "licence", "label": "Copilot", "amount": 6, "kind": "monthly",
         "start": "2026-02", "tool": "copilot"},
        {"category": "formation", "label": "Formation", "amount": 360, "kind": "one_off",
         "start": "2026-01", "amortize_months": 3},
    ]  # fmt: skip
    header = ("category", "label", "amount", "kind", "start", "end", "amortize_months", "tool")
    write_csv(data / "costs.csv", header, costs)
    return data


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("small")
    return build(with_tools(tmp / "data"), tmp, public=False)


def test_hand_computed_figures_of_two_tools(small):
    chatgpt, copilot = published(small)["tools"]
    assert published(small)["metrics"]["cost_per_hour"]["month"] == "2026-02"
    assert (chatgpt["hours"], chatgpt["own_cost"], chatgpt["shared_cost"]) == pytest.approx(
        (60, 120, 100)
    )
    assert chatgpt["value"] == pytest.approx(220 / 60)
    assert (copilot["hours"], copilot["own_cost"], copilot["shared_cost"]) == pytest.approx(
        (12, 6, 20)
    )
    assert copilot["value"] == pytest.approx(26 / 12)
    assert (chatgpt["users"], chatgpt["hours_per_user"]) == (3, pytest.approx(20))
    page = read(small, COST_PAGE)
    # the cheapest and the busiest differ; the label from the data is shown literally
    assert (
        f"l'outil le moins cher par heure gagnée est copilot (2,17{NBSP}€ de l'heure) ; celui "
        f"qui fait gagner le plus d'heures est ChatGPT &lt;b&gt;Team&lt;/b&gt; (60,0{NBSP}h)"
    ) in page
    assert "<b>Team" not in page
    assert f"| copilot | 12,0{NBSP}h | 26,00{NBSP}€ (6,00{NBSP}€ + 20,00{NBSP}€) |" in page
    assert f"Additionnés, les outils redonnent les chiffres de l'entreprise : 246,00{NBSP}€" in page


def test_a_tool_used_by_one_person_publishes_no_per_person_figure(small):
    copilot = published(small)["tools"][1]
    assert copilot["users"] is None and copilot["hours_per_user"] is None
    assert copilot["few_users"] is True and copilot["users_below"] == 3
    lines = read(small, COST_PAGE).splitlines()
    row = next(line for line in lines if line.startswith("| copilot | 12,0"))
    assert row.endswith("| moins de 3 | — |"), row
    assert "- copilot : Comptes\\-rendus\n" in read(small, COST_PAGE)
    assert "moins de 3 » : outil utilisé par moins de 3 personnes" in read(small, COST_PAGE)
    rows = {row[0]: row for row in sheet(small, "Outils")}
    assert rows["copilot"][8:10] == ("moins de 3", None)
    assert rows["ChatGPT <b>Team</b>"][8:10] == (3, pytest.approx(20))


def test_a_company_without_tools_gets_no_comparison(tmp_path):
    usage = [
        {"week": week, "person": "sophie", "task": "compte_rendu", "uses": 10}
        for week in FEBRUARY_2026
    ]
    costs = [{"category": "licence", "label": "IA", "amount": 50, "kind": "monthly",
              "start": "2026-01"}]  # fmt: skip
    data = write_company(tmp_path / "data", {"usage.csv": usage, "costs.csv": costs})
    docs = build(data, tmp_path)
    assert published(docs)["tools"] == []
    assert published(docs)["metrics"]["cost_per_hour"]["value"] == pytest.approx(2.5)
    for path in (COST_PAGE, FINANCE_PAGE):
        assert "Comparer les outils" not in read(docs, path)
        assert "figure-tools" not in read(docs, path)
    assert "Outils" not in load_workbook(docs / WORKBOOK).sheetnames


def entry(tool: str | None, hours: float, value: float | None, **extra: object) -> dict:
    return {"tool": tool, "label": None if tool is None else tool.title(), "hours": hours,
            "value": value, "cost": None, "band": None, "few_users": False, "users": 3,
            "tasks": [], **extra}  # fmt: skip


def view(*entries: dict) -> dict:
    report = {"tools": list(entries), "metrics": {"cost_per_hour": {"month": "2026-02"}}}
    shown = tools_view(report, {}, 3)
    assert shown is not None
    return shown


def test_the_sentence_names_the_cheapest_and_the_busiest_first_on_a_tie():
    both = view(entry("a", 10, 4.0), entry("b", 10, 4.0), entry(None, 1, 1.0))
    assert str(both["sentence"]).startswith(
        f"En février 2026, A est à la fois l'outil le moins cher par heure gagnée (4,00{NBSP}€"
    )  # « outil non précisé » is never named the cheapest nor the busiest: it is no tool
    assert both["unsaid"] and both["rows"][2]["name"] == "Outil non précisé"
    no_costs = view(entry("a", 2, None), entry("b", 5, None))
    assert str(no_costs["sentence"]) == (
        f"En février 2026, l'outil qui fait gagner le plus d'heures est B (5,0{NBSP}h) ; sans "
        "coût renseigné, le coût par heure de chaque outil n'est pas calculé."
    )
    assert tools_view({"tools": [entry("a", 2, 1.0)], "metrics": {}}, {}, 3) is None


def test_the_chart_puts_each_priced_tool_beside_the_alternatives():
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    from generator.figures import ChartLabels
    from generator.figures.tools import tools_figure

    labels = ChartLabels({}, {}, "2026-01", {}, {"Stagiaire": 12.0, "CDI": 35.0})
    entries = [entry("a", 10, 4.0), entry(None, 1, 2.0), entry("b", 0, None)]
    metrics = {"cost_per_hour": {"month": "2026-02"}, "tools": entries}
    figure = tools_figure(metrics, labels)
    assert figure is not None
    assert figure.rows == (
        ("A", f"4,00{NBSP}€"),
        ("Outil non précisé", f"2,00{NBSP}€"),  # b saved no hour: no cost per hour, no bar
        ("Stagiaire", f"12,00{NBSP}€"),
        ("CDI", f"35,00{NBSP}€"),
    )
    validate_jsonschema(figure.spec, load_schema())
    assert tools_figure({**metrics, "tools": entries[:1]}, labels) is None
    assert tools_figure({**metrics, "tools": [entry("a", 0, None)] * 2}, labels) is None
