"""French is written in the catalogue (``generator/locales``) and the templates, not in Python:
no string of the code (docstrings and comments aside) holds an accented letter or French quotes,
but for the few allowed below. Page titles are declared once, in the catalogue."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.core.i18n import catalogue, text
from generator.input.load import load_dataset
from generator.input.schema import FILES
from generator.metrics import report
from generator.metrics.findings import Finding
from generator.pages.render import all_pages
from generator.pages.warnings import worded

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
DEMO = PACKAGE.parent / "data"
TEMPLATES = PACKAGE / "templates"
FRENCH = re.compile("[À-ÖØ-öø-ÿŒœ«»]")
"""Accented Latin letters and French quotes (not ``×`` nor ``÷``, which are signs)."""

ALLOWED: dict[tuple[str, str], str] = {
    **{
        ("core/format.py", month): "month names are the formatter's locale data, like its units"
        for month in ("févr.", "août", "déc.", "février", "décembre")
    },
    **{
        ("input/schema.py", column.alias): "a column's French header is part of the data "
        "contract, declared once beside the column's name, as the brief of issue 13 asks"
        for schema in FILES
        for column in schema.columns
        if FRENCH.search(column.alias)
    },
}
"""(module, string) pairs that may stay, with the reason."""


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string constants that stand alone as statements: docstrings, and the
    attribute docstrings written under a declaration."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        for statement in body if isinstance(body, list) else []:
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                found.add(id(statement.value))
    return found


def french_strings(path: Path) -> list[tuple[int, str]]:
    """(line, string) of each string of ``path``'s code that looks French."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and FRENCH.search(node.value)
    ]


def test_no_french_in_python_strings():
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {value!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, value in french_strings(path)
        if (path.relative_to(PACKAGE).as_posix(), value) not in ALLOWED
    ]
    assert found == [], "French text belongs in generator/locales:\n" + "\n".join(found)


def test_the_check_sees_french_in_code_but_not_in_docstrings(tmp_path: Path):
    module = tmp_path / "example.py"
    module.write_text(
        '"""Un module « docstring »."""\n'
        "def f():\n"
        '    """Une fonction déclarée."""\n'
        '    return f"Créé : {f}"  # un commentaire accentué\n',
        encoding="utf-8",
    )
    assert french_strings(module) == [(4, "Créé : ")]


def test_every_allowed_string_is_still_there():
    """An allowance outlives nothing: each one is still needed where it is declared."""
    still = {
        (path.relative_to(PACKAGE).as_posix(), value)
        for path in sorted(PACKAGE.rglob("*.py"))
        for _, value in french_strings(path)
    }
    assert sorted(set(ALLOWED) - still) == []


def front_matter_title(template: str) -> str | None:
    match = re.search(r"^title: (.*)$", (TEMPLATES / template).read_text("utf-8"), re.M)
    return match.group(1) if match else None


def test_page_titles_are_written_once():
    """A generated page's title (navigation, ``<title>``) comes from its ``Page``, from the
    catalogue: no template writes it again, neither as its heading nor in a link to it."""
    for page in all_pages():
        title = front_matter_title(page.template)
        assert title is None or "page.title" in title, f"{page.template}: title: {title}"
        headings = re.findall(r"^# (.*)$", (TEMPLATES / page.template).read_text("utf-8"), re.M)
        assert page.title not in headings, f"{page.template} writes « {page.title} » again"
    links = [
        f"{template.relative_to(TEMPLATES)}: [{page.title}]"
        for template in sorted(TEMPLATES.rglob("*.j2"))
        for page in all_pages()
        if f"[{page.title}](" in template.read_text("utf-8")
    ]
    assert links == [], "link to a page by titles[path]"


def test_titles_come_from_the_catalogue():
    titles = {page.path: page.title for page in all_pages()}
    assert titles["index.md"] == text("pages.home") == "Accueil"
    assert titles["donnees.md"] == "Vos données"
    dashboard = text("downloads.dashboards.operationnel.title")
    assert titles["tableaux/operationnel.md"] == dashboard == "Tableau 1 – Suivi opérationnel"


def test_init_says_the_catalogue_words(tmp_path: Path):
    repo = tmp_path / "repo"
    first = CliRunner().invoke(cli, ["init", str(repo)])
    assert first.exit_code == 0, first.output
    assert f"créé : {(repo / 'mkdocs.yml').as_posix()}\n" in first.output
    assert first.output.endswith(
        f"Complétez {repo.as_posix()}/data/company.yml puis lancez « roi build ».\n"
    )
    assert "name: Mon entreprise" in (repo / "data" / "company.yml").read_text("utf-8")
    again = CliRunner().invoke(cli, ["init", str(repo)])
    assert again.exit_code == 1
    assert again.output == (
        f"Erreur : {repo} existe déjà et n'est pas vide : choisissez un autre dossier.\n"
    )


def test_detectors_find_values_and_the_pages_word_them():
    """The demo's finding on declared minutes holds ids and ratios, not words; ``metrics.json``
    cannot be written before the pages word it; worded, it names the person only in the
    complete report."""
    data = load_dataset(DEMO)
    raw = report(data)
    (found,) = [w for w in raw["warnings"] if getattr(w, "variant", "") == "people"]
    ratio = pytest.approx(2.4699, abs=1e-4)
    values = {"people": [("thomas", ratio)], "limit": 1.5}
    assert found == Finding("declared_vs_measured", "time_saved", "people", values)
    with pytest.raises(TypeError):
        json.dumps(raw)
    private = {w["code"]: w["message"] for w in worded(raw, data)["warnings"]}
    assert "Thomas Girard (×2,47)" in private["declared_vs_measured"]
    public_data = replace(data, public=True)
    public = worded(report(public_data), public_data)["warnings"]
    said = [w["message"] for w in public if w["code"] == "declared_vs_measured"]
    assert said == [text("public.declared_people_public", count=1, limit="1,5")]


def commands(group: click.Group) -> list[click.Command]:
    """The group and every command under it."""
    found: list[click.Command] = [group]
    for command in group.commands.values():
        found += commands(command) if isinstance(command, click.Group) else [command]
    return found


def test_every_command_help_is_in_the_catalogue():
    """Click would show a command's docstring as its help: each command's help is given from
    the catalogue instead, so its docstring stays English, for developers."""
    helps = {text("cli.help"), *catalogue()["cli"]["commands"].values()}
    assert [c.name for c in commands(cli) if c.help not in helps] == []


GOLDEN = Path(__file__).resolve().parent / "golden"
JARGON = re.compile(r"\bISO\b|quick wins|bootstrap|intervalle de la médiane|93,75", re.I)
"""Words a manager should not have to decode: said in plain French, detailed on « Méthode »."""


def test_pages_a_manager_reads_say_what_the_method_means():
    """« ISO », « Quick wins », « bootstrap », « intervalle de la médiane (93,75 %) » appear on
    « Méthode » only (weeks in words: ``test_chart_labels.test_pages_show_weeks_in_words``)."""
    pages = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in GOLDEN.rglob("*.md")}
    jargon = {path: JARGON.findall(page) for path, page in pages.items() if path != "methode.md"}
    assert {path: found for path, found in jargon.items() if found} == {}
    method = pages["methode.md"]
    assert "bootstrap" in method and "93,75 %" in method  # the detail is kept, on « Méthode »
    assert "2026-W03" in pages["donnees.md"]  # the file format, shown without « ISO »
