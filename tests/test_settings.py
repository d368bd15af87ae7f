"""``company.yml`` is strict: every setting is declared once (``generator/input/settings.py``),
every key at every level is known or refused with its line, hostile YAML is refused at once.

The bad-input corpus (``tests/bad_inputs/company-*``) holds one case per class of mistake;
here are the declaration's own checks, rarer cases, values that must be accepted, and the
timing of the hostile files (a « billion laughs » file once hung ``roi validate``).
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.commands.init import repository_files
from generator.core.i18n import catalogue
from generator.core.method import DEFAULT_EDGES
from generator.input.company import Company, load_company
from generator.input.settings import MAX_SETTINGS_BYTES, SETTING_BY_KEY, SETTINGS, VALUES
from generator.input.settingvalues import valid_branch, valid_repository, valid_url
from generator.website.build import compute_report
from tests.fixture_company import write_company
from tests.report_helpers import value

ROOT = Path(__file__).parent.parent
TODAY = "2026-06-30"
HEAD = "name: Atelier Exemple\ndeployed_on: 2026-01-05\n"
SUMMARY = "{} problème(s) dans les données : rien n'a été publié."
ENGLISH = ("expected", "found", "while", "mapping", "scanning", "stream", "allowed")


def validate(data: Path) -> Result:
    env = {"GITHUB_ACTIONS": None, "NO_MKDOCS_2_WARNING": "1"}
    return CliRunner(env=env).invoke(cli, ["validate", "--data", str(data), "--today", TODAY])


def company_dir(tmp_path: Path, settings: str | bytes) -> Path:
    """The smallest valid company (Sophie, one task) with exactly these settings bytes."""
    data = write_company(tmp_path / "data", {})
    raw = settings.encode("utf-8") if isinstance(settings, str) else settings
    (data / "company.yml").write_bytes(raw)
    return data


def problems(tmp_path: Path, settings: str | bytes) -> list[str]:
    """What ``roi validate`` prints for these settings, without the folder and the summary."""
    data = company_dir(tmp_path, settings)
    result = validate(data)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    *lines, summary = result.stderr.splitlines()
    assert summary == SUMMARY.format(len(lines))
    return [line.removeprefix(f"{data.as_posix()}/") for line in lines]


def paths(mapping: dict[str, Any], section: str = "") -> list[str]:
    """Every key of parsed settings by dotted path, inside declared sections too."""
    found = []
    for key, item in mapping.items():
        path = f"{section}.{key}" if section else str(key)
        found.append(path)
        if (
            path in SETTING_BY_KEY
            and SETTING_BY_KEY[path].kind == "section"
            and isinstance(item, dict)
        ):
            found += paths(item, path)
    return found


# --- the declaration ----------------------------------------------------------------------


def scaffold_settings() -> str:
    return repository_files("Atelier Exemple", date(2026, 1, 5))["data/company.yml"]


@pytest.mark.parametrize("source", ["scaffold", "demo"])
def test_every_key_of_the_scaffold_and_the_demo_is_declared(source: str, tmp_path: Path) -> None:
    content = (
        scaffold_settings()
        if source == "scaffold"
        else (ROOT / "data" / "company.yml").read_text("utf-8")
    )
    assert all(path in SETTING_BY_KEY for path in paths(yaml.safe_load(content)))
    (tmp_path / "company.yml").write_text(content, encoding="utf-8")
    company, found = load_company(tmp_path)
    assert found == []
    assert company is not None and company.name == "Atelier Exemple"


def test_the_scaffold_writes_every_default_of_the_declaration() -> None:
    written = yaml.safe_load(scaffold_settings())
    for setting in VALUES:
        if setting.required or setting.kind == "edges":
            continue
        section, _, name = setting.key.rpartition(".")
        value = written[section][name] if section else written[name]
        assert value == setting.default, setting.key
    assert written["thresholds"] == {}  # the edges' defaults are those of bands.py


def test_a_company_left_to_its_defaults_has_the_declared_ones(tmp_path: Path) -> None:
    (tmp_path / "company.yml").write_text(HEAD, encoding="utf-8")
    company, found = load_company(tmp_path)
    assert found == []
    assert company == Company("Atelier Exemple", date(2026, 1, 5))
    assert company.hourly_value == SETTING_BY_KEY["hourly_value"].default == 35
    assert company.show_names is True and company.min_group_size == 3
    assert company.forms_branch == "main" and company.site_url == ""
    assert company.thresholds == DEFAULT_EDGES


def test_every_field_of_company_comes_from_one_declared_setting() -> None:
    assert sorted(f.name for f in fields(Company)) == sorted({s.field for s in VALUES})


def test_every_setting_has_its_help_text_and_every_choice_its_refusal() -> None:
    texts = catalogue()["settings"]
    assert sorted(texts["about"]) == sorted(s.key for s in SETTINGS)
    assert sorted(texts["unsupported"]) == sorted(s.key for s in SETTINGS if s.kind == "choice")


# --- keys at every level ------------------------------------------------------------------

UNKNOWN_KEYS = [
    pytest.param(
        HEAD + "forms:\n  repo: atelier/roi-ia\n",
        "company.yml:4: forms.repo: réglage inconnu, il ne serait pas pris en compte : "
        "vouliez-vous dire « repository » ?",
        id="nested-in-forms",
    ),
    pytest.param(
        HEAD + "thresholds:\n  adoptoin: [20, 50]\n",
        "company.yml:4: thresholds.adoptoin: réglage inconnu, il ne serait pas pris en compte : "
        "vouliez-vous dire « adoption » ?",
        id="nested-in-thresholds",
    ),
    pytest.param(
        HEAD + "show_names: false\n",
        "company.yml:3: show_names: réglage inconnu, il ne serait pas pris en compte : "
        "vouliez-vous dire « privacy.show_names » ?",
        id="nested-key-at-the-top",
    ),
    pytest.param(
        HEAD + "privacy:\n  anonymous: true\n",
        "company.yml:4: privacy.anonymous: réglage inconnu, il ne serait pas pris en compte ; "
        "réglages possibles ici : show_names, min_group_size",
        id="nothing-close",
    ),
    pytest.param(
        HEAD + "privacy.show_names: false\n",
        "company.yml:3: privacy.show_names: écrivez « privacy: » sur une ligne, puis en "
        "dessous, indenté de deux espaces, « show_names: » et sa valeur",
        id="dotted-key-on-one-line",
    ),
]


@pytest.mark.parametrize(("settings", "expected"), UNKNOWN_KEYS)
def test_an_unknown_key_at_any_level_is_refused(
    tmp_path: Path, settings: str, expected: str
) -> None:
    assert problems(tmp_path, settings) == [expected]


def test_several_problems_are_all_reported_each_at_its_own_line(tmp_path: Path) -> None:
    settings = (
        "name: Atelier Exemple\n"  # 1
        "deployed_on: 2026-01-05\n"  # 2
        "privacy:\n"  # 3
        "  show_names: true\n"  # 4
        "  min_group_sise: 5\n"  # 5
        "forms:\n"  # 6
        "  repository: atelier\n"  # 7
        "alternatives: {Stagiaire: 12, Stagiaire: 14}\n"  # 8
    )
    assert problems(tmp_path, settings) == [
        "company.yml:5: privacy.min_group_sise: réglage inconnu, il ne serait pas pris en "
        "compte : vouliez-vous dire « min_group_size » ?",
        "company.yml:7: forms.repository: attendu un dépôt GitHub sous la forme "
        'propriétaire/nom (ex. entreprise/roi-ia, sans https://github.com/), ou "", '
        "reçu « atelier »",
        "company.yml:8: alternatives.Stagiaire: réglage écrit deux fois (lignes 8 et 8) : "
        "gardez-en un seul",
    ]


# --- YAML the settings file does not need ---------------------------------------------------

RARE_YAML = [
    pytest.param(
        HEAD + "hourly_value: !!float 35\n",
        "company.yml:3: étiquette YAML « tag:yaml.org,2002:float » non acceptée : retirez-la "
        "et écrivez la valeur seule",
        id="explicit-tag",
    ),
    pytest.param(
        HEAD + "---\nname: Autre\n",
        "company.yml:3: un seul bloc de réglages attendu : retirez cette ligne « --- » ou "
        "fusionnez les deux blocs",
        id="two-documents",
    ),
    pytest.param(
        HEAD + "? [a, b]\n: 1\n",
        "company.yml:3: un nom de réglage est un simple mot suivi de « : », pas une liste ni "
        "une rubrique",
        id="list-as-key",
    ),
    pytest.param(
        HEAD + "hourly_value: 35\x00\n",
        "company.yml:3: caractère invisible interdit (U+0000) : retapez cette ligne",
        id="nul-character",
    ),
    pytest.param(
        "- name\n- deployed_on\n",
        "company.yml:1: attendu des réglages « nom: valeur », un par ligne (YAML)",
        id="a-list",
    ),
    pytest.param(
        HEAD + "forms:\n    repository: atelier/roi-ia\n  branch: main\n",
        "company.yml:5: indentation incohérente : les réglages d'une même rubrique commencent à "
        "la même colonne, indentés avec des espaces",
        id="uneven-indentation",
    ),
    pytest.param(
        HEAD + 'forms:\n  branch: "C:\\dossier"\n',
        "company.yml:4: barre oblique inverse entre guillemets doubles : doublez-la, ou mettez "
        "la valeur entre guillemets simples",
        id="backslash-in-double-quotes",
    ),
    pytest.param(
        HEAD + "forms: {repository: atelier/roi-ia, branch: main\n",
        "company.yml:3: crochet « [ » ou accolade « { » ouvert sur cette ligne mais jamais "
        "fermé : ajoutez « ] » ou « } », et une virgule entre les valeurs",
        id="unclosed-brace",
    ),
    pytest.param(
        HEAD + "forms:\n  branch: @main\n",
        "company.yml:4: une valeur ne peut pas commencer par « @ » : mettez-la entre guillemets",
        id="reserved-first-character",
    ),
]


@pytest.mark.parametrize(("settings", "expected"), RARE_YAML)
def test_yaml_a_settings_file_does_not_need_is_refused_in_french(
    tmp_path: Path, settings: str, expected: str
) -> None:
    found = problems(tmp_path, settings)
    assert found == [expected]
    assert not any(word in found[0] for word in ENGLISH)


def test_windows_line_ends_and_a_bom_are_read_with_the_right_lines(tmp_path: Path) -> None:
    settings = "\ufeff" + (HEAD + "currency: USD\n").replace("\n", "\r\n")
    assert problems(tmp_path, settings) == [
        "company.yml:3: currency: devise « USD » non prise en charge : le site affiche tous les "
        "montants en euros, écrivez « EUR »"
    ]


# --- values that must be accepted, and honoured -------------------------------------------


def test_every_supported_value_is_accepted(tmp_path: Path) -> None:
    settings = HEAD + (
        "language: fr\n"
        "currency: EUR\n"
        "hourly_value: 42.5\n"
        "recent_months: 6\n"
        "alternatives: {Agence web: 80, Stagiaire: 12}\n"
        "site_url: https://roi.atelier-exemple.fr:8443/interne/\n"
        "forms: {repository: Atelier-Exemple/roi.ia_2026, branch: suivi/2026}\n"
        "privacy: {show_names: false, min_group_size: 5}\n"
        "thresholds: {adoption: [20, 50], payback: [1.5, 4]}\n"
    )
    data = company_dir(tmp_path, settings)
    result = validate(data)
    assert result.exit_code == 0, result.stderr
    company, _ = load_company(data)
    assert company is not None
    assert company.alternatives == {"Agence web": 80, "Stagiaire": 12}
    assert company.forms_repository == "Atelier-Exemple/roi.ia_2026"
    assert company.thresholds["adoption"] == (20, 50) and company.thresholds["payback"] == (1.5, 4)
    assert company.published_url() == "https://roi.atelier-exemple.fr:8443/interne/"


def test_thresholds_of_company_yml_set_the_band(tmp_path: Path) -> None:
    # Sophie, trained, 3 uses in her only reported week: adoption 100 %, « excellent » with the
    # article's edges (> 60 %); with edges [50, 100], 100 % is within « normal » (both included).
    usage = {
        "usage.csv": [{"week": "2026-W03", "person": "sophie", "task": "compte_rendu", "uses": 3}]
    }
    default = write_company(tmp_path / "default", usage)
    assert value(compute_report(default), "adoption", "band") == "excellent"
    custom = write_company(tmp_path / "custom", usage, thresholds={"adoption": [50, 100]})
    assert value(compute_report(custom), "adoption", "band") == "normal"


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://exemple.fr/roi/", True),
        ("http://localhost:8000/", True),
        ("https://atelier.github.io/roi-ia", True),
        ("exemple.fr/roi", False),  # no scheme: MkDocs would refuse it
        ("ftp://exemple.fr/", False),
        ("https:///roi/", False),  # no host
        ("https://exemple.fr/mon site/", False),
        ("https://exemple.fr/?page=1", False),
        ("https://exemple.fr/#haut", False),
        ("https://[::1/", False),  # urlsplit raises ValueError: MkDocs would crash on it
        ("https://exemple.fr:99999/", False),
        ("https://user:secret@exemple.fr/", False),
        ("https://-exemple.fr/", False),
    ],
)
def test_site_url(url: str, valid: bool) -> None:
    assert valid_url(url) is valid


@pytest.mark.parametrize(
    ("branch", "valid"),
    [
        ("main", True),
        ("suivi/2026", True),
        ("release-1.2", True),
        ("", False),
        ("ma branche", False),
        ("a..b", False),
        ("-main", False),
        ("main/", False),
        ("main.lock", False),
        (".cache", False),
        ("a//b", False),
        ("a@{1}", False),
        ("what?", False),
        ("@", False),
    ],
)
def test_forms_branch(branch: str, valid: bool) -> None:
    assert valid_branch(branch) is valid


@pytest.mark.parametrize(
    ("repository", "valid"),
    [
        ("", True),
        ("atelier/roi-ia", True),
        ("A-1/x.y_z", True),
        ("atelier", False),
        ("atelier/", False),
        ("-atelier/roi", False),
        ("ate--lier/roi", False),
        ("atelier/roi ia", False),
        ("atelier/..", False),
        ("a/b/c", False),
        ("https://github.com/atelier/roi-ia", False),
    ],
)
def test_forms_repository(repository: str, valid: bool) -> None:
    assert valid_repository(repository) is valid


# --- hostile files: refused at once -------------------------------------------------------


def billion_laughs() -> str:
    lines, previous = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'], "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return HEAD + "\n".join(lines) + "\n"  # 9⁹ ≈ 387 million "lol" once expanded


HOSTILE = {
    "billion-laughs": (
        billion_laughs(),
        "company.yml:3: ancre ou alias YAML (« & » ou « * ») : ce fichier ne les accepte pas ; "
        "écrivez chaque valeur en toutes lettres",
    ),
    "10000-deep": (
        HEAD + "alternatives: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "company.yml:3: imbrication trop profonde (plus de 5 niveaux) : les réglages n'ont que "
        "deux niveaux ; vérifiez l'indentation, les crochets et les accolades",
    ),
    "10000-deep-mappings": (
        HEAD + "alternatives: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
        "company.yml:3: imbrication trop profonde (plus de 5 niveaux) : les réglages n'ont que "
        "deux niveaux ; vérifiez l'indentation, les crochets et les accolades",
    ),
    "big": (
        HEAD + ("# " + "x" * 98 + "\n") * 1500,  # 46 + 1500 × 101 = 151 546 bytes
        "company.yml: fichier trop volumineux (152 Ko, 100 Ko au plus) : un fichier de réglages "
        "ne fait que quelques lignes ; repartez du modèle de « roi init »",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_settings_are_refused_in_well_under_a_second(tmp_path: Path, case: str) -> None:
    settings, expected = HOSTILE[case]
    if case == "big":
        assert len(settings.encode("utf-8")) > MAX_SETTINGS_BYTES
    validate(company_dir(tmp_path / "warm-up", HEAD))  # the catalogue and imports, once
    started = time.perf_counter()
    found = problems(tmp_path, settings)
    elapsed = time.perf_counter() - started
    assert found == [expected]
    assert elapsed < 1


def test_a_real_process_refuses_the_alias_bomb_without_a_traceback() -> None:
    case = ROOT / "tests" / "bad_inputs" / "company-alias-bomb"
    run = subprocess.run(
        [str(Path(sys.executable).parent / "roi"), "validate", "--data", "data", "--today", TODAY],
        cwd=case,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,  # the expanded file would take minutes and gigabytes
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr == (case / "expected.txt").read_text("utf-8")


def test_a_line_break_that_editors_do_not_show_is_refused(tmp_path: Path) -> None:
    """« # seuil<U+2028>  min_group_size: 1 » looks like a comment and would set a value."""
    settings = HEAD + "privacy:\n  show_names: false  # seuil\u2028  min_group_size: 1\n"
    assert problems(tmp_path, settings) == [
        "company.yml:4: caractère invisible interdit (U+2028) : retapez cette ligne"
    ]


@pytest.mark.parametrize("written", ["010", "0x5", "0o7", "1:00", "1_000", "1e3", ".5"])
def test_a_number_is_written_in_decimal_digits(tmp_path: Path, written: str) -> None:
    """YAML 1.1 reads 010 as 8 and 1:00 as 60: only plain decimals are taken."""
    (found,) = problems(tmp_path, HEAD + f"hourly_value: {written}\n")
    assert found.startswith("company.yml:3: hourly_value: ") and f"« {written} »" in found
