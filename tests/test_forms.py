"""The survey forms without a browser: their rules come from the schema, their fields are
columns of the file they feed, names stay hidden when the company asks, and the site has them.
(tests/test_browser_forms.py fills them in Chromium.)"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.core.errors import DataError
from generator.core.i18n import catalogue
from generator.input.load import load_dataset
from generator.input.parse import ID_PATTERN, INT_PATTERN, NUMBER_PATTERN
from generator.input.schema import SCHEMAS
from generator.metrics import report
from generator.pages.forms import FORMS, form_rules
from generator.pages.render import all_pages, context, environment, form_pages, nav, root
from generator.pages.warnings import worded
from generator.website.build import build_site
from tests.fixture_company import write_company

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
SCRIPT = ROOT / "generator" / "assets" / "roi-forms.js"
SLUGS = {
    "weekly": "hebdomadaire",
    "mental_load": "charge-mentale",
    "freed_time": "temps-libere",
    "stopwatch": "chronometre",
}
HOSTILE = '<img src=x onerror=alert(1)> =HYPERLINK("http://x","y")'


class FormParser(HTMLParser):
    """The survey form of a page: its rules, its fields (name → input type) and options."""

    def __init__(self) -> None:
        super().__init__()
        self.rules: dict | None = None
        self.fields: dict[str, set[str]] = {}
        self.options: list[str] = []
        self.choices: dict[str, list[str]] = {}  # the options of each select, by its name
        self.select = ""
        self.github: dict[str, str | None] | None = None
        self.buttons: list[str] = []
        self.inside = False
        self.in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and "data-roi-form" in found:
            self.inside = True
            self.rules = json.loads(found["data-roi-form"] or "")  # the parser unescapes it
        elif self.inside and tag in {"input", "select", "textarea"} and found.get("name"):
            self.fields.setdefault(found["name"] or "", set()).add(found.get("type") or tag)
            self.select = found["name"] or "" if tag == "select" else self.select
        elif self.inside and tag == "option":
            self.options.append(found.get("value") or "")
            self.choices.setdefault(self.select, []).append(found.get("value") or "")
        elif self.inside and tag == "a" and "data-roi-github" in found:
            self.github = found
        if self.inside and tag in {"a", "button"}:
            self.buttons.append("")
            self.in_button = True

    def handle_data(self, data: str) -> None:
        if self.in_button:
            self.buttons[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        if tag in {"a", "button"}:
            self.in_button = False


def parsed(page: str) -> FormParser:
    parser = FormParser()
    parser.feed(page)
    assert parser.rules is not None, "no form[data-roi-form] in the page"
    return parser


def render_page(data_dir: Path, path: str) -> str:
    """The Markdown of the form or guide page at ``path``, rendered from ``data_dir``."""
    data = load_dataset(data_dir)
    values = context(data, worded(report(data), data), "", {})
    (page,) = [p for p in form_pages() if p.path == path]
    return environment().get_template(page.template).render(values, page=page, root=root(page))


def render_forms(data_dir: Path) -> dict[str, str]:
    """The Markdown of each form page, by form key, rendered from ``data_dir``."""
    data = load_dataset(data_dir)
    values = context(data, worded(report(data), data), "", {})
    env = environment()
    pages = dict(zip((f.key for f in FORMS), form_pages()[: len(FORMS)], strict=True))
    return {
        key: env.get_template(p.template).render(values, page=p, root=root(p))
        for key, p in pages.items()
    }


@pytest.fixture(scope="module")
def demo_forms() -> dict[str, str]:
    return render_forms(DEMO)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("forms") / "site"
    build_site(DEMO, site, ROOT / "mkdocs.yml")
    return site


@pytest.mark.parametrize("spec", FORMS, ids=lambda f: f.key)
def test_embedded_rules_are_what_the_schema_says(demo_forms, spec):
    rules = parsed(demo_forms[spec.key]).rules
    schema = spec.schema
    assert rules == form_rules(spec, load_dataset(DEMO))
    assert rules["file"] == schema.stem
    assert rules["header"] == list(schema.column_names)
    for column in schema.columns:
        rule = rules["columns"][column.name]
        assert rule["kind"] == column.kind
        assert rule["required"] == column.required
        assert (rule["min"], rule["max"]) == (column.min, column.max)
        assert rule["choices"] == list(column.choices)
        assert rule["refers_to"] == column.refers_to
    assert rules["patterns"]["id"] == ID_PATTERN.pattern
    assert rules["patterns"]["int"] == INT_PATTERN.pattern
    assert rules["patterns"]["number"] == NUMBER_PATTERN.pattern


def test_rules_examples_read_as_the_contract(demo_forms):
    weekly = parsed(demo_forms["weekly"]).rules["columns"]
    assert weekly["uses"] | {"expected": ""} == {
        "kind": "int", "required": True, "min": 0, "max": None, "choices": [],
        "refers_to": None, "expected": "",
    }  # fmt: skip
    assert weekly["declared_minutes"]["required"] is False
    assert weekly["person"]["refers_to"] == "people.csv"
    load = parsed(demo_forms["mental_load"]).rules
    for name in ("before", "after"):
        assert (load["columns"][name]["kind"], load["columns"][name]["min"]) == ("int", 1)
        assert load["columns"][name]["max"] == 10
    assert load["optional_rows"] is True
    freed = parsed(demo_forms["freed_time"]).rules
    assert freed["columns"]["use"]["choices"] == [
        "commercial", "produit", "formation", "equilibre", "autre",
    ]  # fmt: skip
    assert freed["columns"]["hours"]["min"] == 0


@pytest.mark.parametrize("spec", FORMS, ids=lambda f: f.key)
def test_a_blank_written_as_zero_is_a_count_where_zero_is_valid(demo_forms, spec):
    """``blank_zero`` answers: counts the schema takes 0 for, not marked required on the page
    (the script writes 0), said once in the form's intro."""
    assert set(spec.blank_zero) <= set(spec.answers)
    rules = parsed(demo_forms[spec.key]).rules
    assert rules["blank_zero"] == list(spec.blank_zero)
    for name in spec.blank_zero:
        column = spec.schema.column(name)
        assert (column.kind, column.min) == ("int", 0)
        assert f'name="{name}" autocomplete="off" aria-describedby' in demo_forms[spec.key]
    if spec.blank_zero:
        assert "**Une case laissée vide compte pour 0**" in demo_forms[spec.key]


def test_people_and_tasks_lists_come_from_the_data(demo_forms):
    rules = parsed(demo_forms["weekly"]).rules
    data = load_dataset(DEMO)
    assert rules["known"]["people.csv"] == sorted(data.frames["people"]["person"])
    assert rules["known"]["tasks.csv"] == sorted(data.frames["tasks"]["task"])
    options = parsed(demo_forms["weekly"]).choices["person"]
    # Trained people of the ai group only: not the control group, the empty choice first.
    assert options[0] == ""
    assert sorted(options[1:]) == sorted(
        ["sophie", "lea", "antoine", "thomas", "marc", "camille", "julie", "nicolas", "helene"]
    )
    assert "Hélène Dupré" in demo_forms["weekly"]
    assert "francois" not in options


@pytest.mark.parametrize("spec", FORMS, ids=lambda f: f.key)
def test_every_form_field_is_a_column_of_the_file_it_feeds(demo_forms, spec):
    form = parsed(demo_forms[spec.key])
    assert set(form.fields) == set(spec.schema.column_names)
    assert set(spec.fields) == set(spec.schema.column_names)
    assert form.fields["person"] == {"select"}
    # The chronomètre is one measurement: the task is chosen in a list, not one row per task.
    assert form.fields[spec.rows_by] == ({"select"} if spec.stopwatch else {"hidden"})
    # A week is chosen among the recent ones, said in words; a month or a day is typed.
    kind = spec.schema.column(spec.period).kind
    assert form.fields[spec.period] == ({"select"} if kind == "week" else {kind})


def test_every_message_the_script_uses_is_in_the_rules(demo_forms):
    used = set(re.findall(r"messages\.(\w+)", SCRIPT.read_text("utf-8")))
    rules = parsed(demo_forms["weekly"]).rules
    assert used and used <= set(rules["messages"])
    assert rules["messages"]["below_min"] == catalogue()["loader"]["below_min"]


def test_buttons_say_what_the_catalogue_says(demo_forms):
    texts = catalogue()["forms"]["common"]
    stopwatch = catalogue()["forms"]["stopwatch"]
    for key, page in demo_forms.items():
        clock = [stopwatch["start"], stopwatch["stop"]] if key == "stopwatch" else []
        assert parsed(page).buttons == [
            *clock,
            texts["submit"],  # the demo has no repository: no GitHub button
            texts["download"],
            texts["copy_text"],
        ]


def test_hidden_names_never_reach_the_page(tmp_path):
    people = [
        {"person": "sophie", "name": "Sophie Martin", "trained_on": "2026-01-05", "group": "ai"},
        {"person": "lea", "name": "Léa Moreau", "trained_on": "2026-01-05"},
    ]
    data = write_company(
        tmp_path, {"people.csv": people}, privacy={"show_names": False, "min_group_size": 3}
    )
    for page in render_forms(data).values():
        assert "Sophie" not in page and "Martin" not in page and "Léa" not in page
        assert parsed(page).choices["person"] == ["", "lea", "sophie"]


def test_data_text_is_inert_in_the_form(tmp_path):
    tasks = [{"task": "t1", "label": HOSTILE, "minutes_before": 10, "minutes_after": 5}]
    people = [{"person": "p1", "name": HOSTILE, "trained_on": "2026-01-05"}]
    data = write_company(tmp_path, {"tasks.csv": tasks, "people.csv": people})
    page = render_forms(data)["weekly"]
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_blank_repository_disables_github(tmp_path):
    # A malformed one ("not a repository", "a/b/c") is refused by `roi validate` (test_settings).
    for repository in ("not a repository", "a/b/c"):
        data = write_company(tmp_path, {}, forms={"repository": repository, "branch": "main"})
        with pytest.raises(DataError):
            load_dataset(data)
    data = write_company(tmp_path, {}, forms={"repository": "", "branch": "main"})
    page = render_forms(data)["weekly"]
    form = parsed(page)
    assert form.rules["repository"] == ""
    # Employees see what they can do; the setting is explained to the manager (test below).
    assert form.github is None
    assert "company.yml" not in page and "repository:" not in page
    assert catalogue()["forms"]["common"]["send_to_manager"] in page
    data = write_company(tmp_path, {}, forms={"repository": "the-owner/a.name", "branch": "main"})
    form = parsed(render_forms(data)["weekly"])
    assert (form.rules["repository"], form.rules["branch"]) == ("the-owner/a.name", "main")
    assert form.github is not None and "aria-disabled" not in form.github
    # A link before the answer fills in its address (Nu: an `a` needs `href`), not escaped.
    assert form.github["href"] == "https://github.com/the-owner/a.name"


def test_the_manager_guide_says_how_to_set_the_repository(tmp_path):
    """« Recevoir les réponses » holds the setting the employees' forms no longer show."""
    data = write_company(tmp_path, {}, forms={"repository": "", "branch": "main"})
    guide = render_page(data, "questionnaires/recevoir.md")
    assert "Envoi sur GitHub pas encore configuré" in guide
    assert "`data/company.yml`" in guide and "repository: entreprise/roi-ia" in guide
    data = write_company(tmp_path, {}, forms={"repository": "the-owner/a.name", "branch": "main"})
    guide = render_page(data, "questionnaires/recevoir.md")
    assert "Envoi sur GitHub pas encore configuré" not in guide
    assert "dans le dépôt **the\\-owner/a\\.name**, branche" in guide  # escaped data text


def test_forms_come_after_the_dashboards_in_the_navigation():
    titles = [next(iter(entry)) for entry in nav(all_pages())]
    assert titles[:6] == [
        "Accueil", "Tableaux de bord", "Questionnaires", "Les 12 métriques", "Méthode",
        "Vos données",
    ]  # fmt: skip
    surveys = nav(all_pages())[2]["Questionnaires"]
    assert surveys == [
        {"Suivi hebdomadaire": "questionnaires/hebdomadaire.md"},
        {"Charge mentale": "questionnaires/charge-mentale.md"},
        {"Temps libéré": "questionnaires/temps-libere.md"},
        {"Chronomètre": "questionnaires/chronometre.md"},
        {"Saisie de la semaine": "questionnaires/semaine-equipe.md"},
        {"Répondre aux questionnaires": "questionnaires/repondre.md"},
        {"Recevoir les réponses": "questionnaires/recevoir.md"},
    ]


def test_neither_mkdocs_settings_loads_the_forms_script_on_every_page():
    """The form pages load roi-forms.js themselves (generator/pages/render.py)."""
    for config in (ROOT / "mkdocs.yml", ROOT / "generator" / "scaffold" / "mkdocs.yml"):
        scripts = yaml.safe_load(config.read_text("utf-8")).get("extra_javascript") or []
        assert "assets/javascripts/roi-forms.js" not in scripts, config


@pytest.mark.slow
@pytest.mark.parametrize("spec", FORMS, ids=lambda f: f.key)
def test_each_form_page_is_built(demo_site, spec):
    page = (demo_site / "questionnaires" / f"{SLUGS[spec.key]}.html").read_text("utf-8")
    form = parsed(page)
    assert form.rules["file"] == SCHEMAS[spec.file].stem
    assert set(form.fields) == set(spec.schema.column_names)
    assert (demo_site / "assets" / "javascripts" / "roi-forms.js").is_file()
    assert "roi-forms.js" in page
    # The demo leaves the repository blank: employees are told what they can do, not how to
    # set it (that is on « Recevoir les réponses »).
    assert "Envoi sur GitHub pas encore configuré" not in page
    assert catalogue()["forms"]["common"]["send_to_manager"] in page
    assert "<noscript>" in page


# --- tools (issue 14): no column without tools.csv, a lone tool said silently, a choice from two


def tools_company(tmp_path: Path, tools: list[dict[str, str]]) -> Path:
    files = {"tools.csv": tools} if tools else {}
    return write_company(tmp_path / f"tools-{len(tools)}", files)


TOOLS = [
    {"tool": "chatgpt", "label": "ChatGPT Team"},
    {"tool": "copilot", "label": "<b>Copilot</b>"},
]


@pytest.mark.parametrize("count", [0, 1, 2])
def test_the_tool_is_asked_only_of_a_company_with_several_tools(tmp_path, count):
    pages = render_forms(tools_company(tmp_path, TOOLS[:count]))
    weekly, stopwatch = parsed(pages["weekly"]), parsed(pages["stopwatch"])
    for form, columns in ((weekly, SCHEMAS["usage.csv"]), (stopwatch, SCHEMAS["timings.csv"])):
        names = list(columns.column_names)
        # No tools: the answer is the one written before tools existed, without the column.
        assert form.rules["header"] == (names if count else [n for n in names if n != "tool"])
        assert form.rules["fixed"] == ({"tool": "chatgpt"} if count == 1 else {})
        assert ("tool" in form.fields) == (count == 2)
        assert ("tools.csv" in form.rules["known"]) == (count > 0)
    assert weekly.rules["shared"] == ["person", "week", *(["tool"] if count == 2 else [])]
    assert weekly.rules["when"] == {}
    assert stopwatch.rules["shared"] == ["person", "date"]  # the tool is in the measurement
    assert stopwatch.rules["when"] == {"tool": ["with_ai", "yes"]}
    if count == 2:
        for form in (weekly, stopwatch):
            assert form.choices["tool"] == ["", "chatgpt", "copilot"]  # the ids, labels shown
            assert form.rules["known"]["tools.csv"] == ["chatgpt", "copilot"]
        assert "ChatGPT Team" in pages["weekly"] and "&lt;b&gt;Copilot&lt;/b&gt;" in pages["weekly"]
        assert catalogue()["forms"]["weekly"]["tool_hint"] in pages["weekly"]


def test_a_company_without_tools_gets_the_forms_it_had_before_tools(tmp_path):
    """No tools.csv and an empty one are the same: no tool anywhere on the form pages."""
    absent = render_forms(tools_company(tmp_path, []))
    empty_dir = tools_company(tmp_path / "empty", [])
    (empty_dir / "tools.csv").write_text("tool,label\n", encoding="utf-8")
    for pages in (absent, render_forms(empty_dir)):
        for key in ("weekly", "stopwatch"):
            assert 'name="tool"' not in pages[key]
            assert parsed(pages[key]).rules["known"].keys() == {"people.csv", "tasks.csv"}


@pytest.mark.parametrize("count", [0, 1, 2])
def test_the_grid_offers_a_tool_per_row_only_from_two_tools(tmp_path, count):
    page = render_page(tools_company(tmp_path, TOOLS[:count]), "questionnaires/semaine-equipe.md")
    rules = json.loads(html.unescape(re.search(r'data-roi-grid="([^"]*)"', page)[1]))
    assert ("tool" in rules["header"]) == (count > 0)
    assert rules["fixed"] == ({"tool": "chatgpt"} if count == 1 else {})
    # One select per row (the fixture's one person), its first tool chosen; none below two.
    assert page.count('<select name="tool"') == (1 if count == 2 else 0)
    if count == 2:
        assert '<option value="chatgpt" selected>ChatGPT Team</option>' in page
        assert catalogue()["forms"]["grid"]["tools"].split("**")[1] in page


@pytest.mark.parametrize("count", [0, 1, 2])
def test_the_guide_asks_for_one_answer_per_tool_only_when_the_form_asks_the_tool(tmp_path, count):
    guide = render_page(tools_company(tmp_path, TOOLS[:count]), "questionnaires/repondre.md")
    assert ("Envoyez une réponse par outil" in guide) == (count == 2)
    assert ("(et le même outil)" in guide) == (count == 2)
