"""The real ``roi`` command line on tiny data: exit codes and the exact lines it prints.

Commands run through click's ``CliRunner`` (stdout and stderr kept apart) from a temporary
working directory, so paths print as ``data/usage.csv`` and no ``mkdocs.yml`` of the project
is found: the configuration shipped with the generator is used.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.input.schema import FILES
from generator.pages.render import all_pages
from generator.website.sitedir import STAMP
from tests.fixture_company import FEBRUARY_2026, usage_rows, write_company
from tests.report_helpers import near

ROOT = Path(__file__).parent.parent
VENV_BIN = Path(sys.executable).parent
SUMMARY = "{} problème(s) dans les données : rien n'a été publié."
CHOICE_WITH_AI = "attendu l'une des valeurs yes, no"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def roi(*args: str, github: bool = False) -> Result:
    """Run ``roi args``; GitHub Actions annotations only when ``github`` (even on a CI runner)."""
    env = {"GITHUB_ACTIONS": "true" if github else None, "NO_MKDOCS_2_WARNING": "1"}
    return CliRunner(env=env).invoke(cli, list(args), prog_name="roi", catch_exceptions=False)


def valid_company(folder: Path) -> Path:
    """Sophie (trained 2026-01-05) uses one task saving 30 min 4 times a week in February 2026."""
    return write_company(
        folder, {"usage.csv": usage_rows(FEBRUARY_2026, "sophie", "compte_rendu", 4)}
    )


def broken_company(folder: Path) -> Path:
    """Three problems in two files."""
    data_dir = valid_company(folder)
    (data_dir / "usage.csv").write_text(
        "week,person,task,uses\n2026-W06,sophie,compte_rendu,-4\n2026-W07,paul,compte_rendu,4\n",
        encoding="utf-8",
    )
    (data_dir / "costs.csv").write_text(
        "category,amount,kind,start\nlicence,20 $,monthly,2026-02\n", encoding="utf-8"
    )
    return data_dir


def lines(text: str) -> list[str]:
    return text.splitlines()


# --- roi validate ---------------------------------------------------------------------------


def test_validate_valid_data(here: Path) -> None:
    valid_company(here / "data")
    result = roi("validate", "--data", "data")
    assert result.exit_code == 0
    # people.csv 1 row, tasks.csv 1 row, usage.csv 4 rows
    assert lines(result.stdout) == ["Données valides : 3 fichier(s), 6 ligne(s)."]
    assert result.stderr == ""


def test_validate_prints_warnings_without_failing(here: Path) -> None:
    data_dir = valid_company(here / "data")
    (data_dir / "tasks.csv").write_text(
        "task,minutes_before,minutes_after,note\ncompte_rendu,45,15,à revoir\n", encoding="utf-8"
    )
    result = roi("validate", "--data", "data")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "Attention : tasks.csv : colonne « note » inconnue, ignorée.",
        "Données valides : 3 fichier(s), 6 ligne(s).",
    ]


def test_validate_broken_data_lists_every_problem(here: Path) -> None:
    broken_company(here / "data")
    result = roi("validate", "--data", "data")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert lines(result.stderr) == [
        "data/costs.csv:2: amount: attendu un nombre, reçu « 20 $ »",
        "data/usage.csv:2: uses: attendu un nombre entier ≥ 0, reçu « -4 »",
        "data/usage.csv:3: person: « paul » n'est pas déclaré dans people.csv",
        SUMMARY.format(3),
    ]
    assert "Traceback" not in result.output


def test_validate_names_files_with_the_data_folder_as_given(here: Path) -> None:
    broken_company(here / "entreprise" / "données")
    result = roi("validate", "--data", "entreprise/données/")
    assert result.exit_code == 1
    assert lines(result.stderr)[0] == (
        "entreprise/données/costs.csv:2: amount: attendu un nombre, reçu « 20 $ »"
    )


def test_validate_missing_data_folder(here: Path) -> None:
    result = roi("validate", "--data", "absent", github=True)
    assert result.exit_code == 1
    assert lines(result.stdout)[0] == (
        "::error file=absent/company.yml::"
        "fichier de réglages absent : copiez le modèle de « roi init »"
    )
    assert lines(result.stderr) == [
        "absent/company.yml: fichier de réglages absent : copiez le modèle de « roi init »",
        "absent/people.csv: fichier obligatoire absent : créez-le avec la ligne d'en-tête "
        "person,name,team,role,trained_on,group",
        "absent/tasks.csv: fichier obligatoire absent : créez-le avec la ligne d'en-tête "
        "task,label,minutes_before,minutes_after",
        SUMMARY.format(3),
    ]


def test_validate_caps_the_screen_at_50_problems(here: Path) -> None:
    data_dir = valid_company(here / "data")
    weeks = [f"2025-W{w:02d}" for w in range(1, 53)] + [f"2026-W{w:02d}" for w in range(1, 9)]
    (data_dir / "usage.csv").write_text(
        "week,person,task,uses\n" + "".join(f"{w},sophie,compte_rendu,-1\n" for w in weeks),
        encoding="utf-8",
    )
    result = roi("validate", "--data", "data")
    assert result.exit_code == 1
    shown = [
        f"data/usage.csv:{n}: uses: attendu un nombre entier ≥ 0, reçu « -1 »" for n in range(2, 52)
    ]
    assert lines(result.stderr) == [*shown, "… et 10 autre(s)", SUMMARY.format(60)]


def test_validate_in_github_actions_annotates_every_problem(here: Path) -> None:
    broken_company(here / "data")
    result = roi("validate", "--data", "data", github=True)
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        "::error file=data/costs.csv,line=2,title=amount::attendu un nombre, reçu « 20 $ »",
        "::error file=data/usage.csv,line=2,title=uses::attendu un nombre entier ≥ 0, reçu « -4 »",
        "::error file=data/usage.csv,line=3,title=person::"
        "« paul » n'est pas déclaré dans people.csv",
    ]
    assert lines(result.stderr)[-1] == SUMMARY.format(3)


def test_github_annotations_are_not_capped(here: Path) -> None:
    data_dir = valid_company(here / "data")
    weeks = [f"2025-W{w:02d}" for w in range(1, 53)] + [f"2026-W{w:02d}" for w in range(1, 9)]
    (data_dir / "usage.csv").write_text(
        "week,person,task,uses\n" + "".join(f"{w},sophie,compte_rendu,x\n" for w in weeks),
        encoding="utf-8",
    )
    result = roi("validate", "--data", "data", github=True)
    assert len(lines(result.stdout)) == 60
    assert lines(result.stdout)[-1] == (
        "::error file=data/usage.csv,line=61,title=uses::attendu un nombre entier, reçu « x »"
    )


def test_data_cannot_inject_a_github_command(here: Path) -> None:
    data_dir = valid_company(here / "data,2026")
    # A quoted cell may hold a newline; the value comes back in the message.
    (data_dir / "timings.csv").write_text(
        "date,person,task,minutes,with_ai\n"
        '2026-02-03,sophie,compte_rendu,10,"100%0A::warning::x\n::error::y"\n',
        encoding="utf-8",
    )
    # A header cell also comes back, as the title of a duplicate column.
    (data_dir / "errors.csv").write_text(
        'month,error_type,count,"a:b,c","a:b,c"\n2026-02,Devis,1,,\n', encoding="utf-8"
    )
    result = roi("validate", "--data", "data,2026", github=True)
    assert result.exit_code == 1
    assert lines(result.stdout) == [
        "::error file=data%2C2026/errors.csv,line=1,title=a%3Ab%2Cc::"
        "colonne présente deux fois dans l'en-tête",
        "::error file=data%2C2026/timings.csv,line=2,title=with_ai::"
        f"{CHOICE_WITH_AI}, reçu « 100%250A::warning::x%0A::error::y »",
    ]
    assert lines(result.stderr) == [
        "data,2026/errors.csv:1: a:b,c: colonne présente deux fois dans l'en-tête",
        f"data,2026/timings.csv:2: with_ai: {CHOICE_WITH_AI}, "
        "reçu « 100%0A::warning::x\\n::error::y »",
        SUMMARY.format(2),
    ]
    for line in lines(result.stdout) + lines(result.stderr):
        assert not line.startswith("::") or line.startswith("::error file=data%2C2026/")


# --- roi build ------------------------------------------------------------------------------


def test_build_valid_data(here: Path) -> None:
    data_dir = valid_company(here / "data")
    # A survey answer sent later for W09 replaces line 5 of usage.csv (4 uses -> 6).
    answer = data_dir / "inbox" / "usage" / "20260302-081500-sophie-x7k2.csv"
    answer.parent.mkdir(parents=True)
    answer.write_text("week,person,task,uses\n2026-W09,sophie,compte_rendu,6\n", encoding="utf-8")
    result = roi("build", "--data", "data", "--site-dir", "public")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [
        "people.csv : 1 ligne(s) lue(s), 1 utilisée(s)",
        "tasks.csv : 1 ligne(s) lue(s), 1 utilisée(s)",
        "usage.csv : 5 ligne(s) lue(s), 4 utilisée(s)",
        "Réponse remplacée par une plus récente : usage.csv:5",
        # The only task used was never timed: the declared_only detector's warning.
        "Attention : Le temps gagné repose sur des durées estimées de tasks.csv : aucune des "
        "tâches utilisées n'a été mesurée au chronomètre à la fois sans l'IA et avec "
        "(« Comptes-rendus »). Une "
        "estimation se conteste facilement : chronométrez chacune de ces tâches quelques fois "
        "sans l'IA et quelques fois avec (formulaire Chronomètre ou timings.csv).",
        f"Site construit dans public/ ({len(all_pages())} pages).",
        "Site public : aucune personne n'y est nommée ni distinguée "
        "(rapport complet : roi build --private).",
    ]
    assert result.stderr == ""
    site = here / "public"
    assert (site / "index.html").is_file()
    assert (site / "metriques" / "adoption.html").is_file()
    published = json.loads((site / "metrics.json").read_text("utf-8"))
    # Weeks W06..W09 hold every weekday of February and nothing else has rows.
    assert published["as_of"] == {"week": "2026-W09", "month": "2026-02"}
    assert published["rows"]["usage.csv"] == {"read": 5, "used": 4}
    time_saved = published["metrics"]["time_saved"]
    # W09: 6 uses x (45 - 15) min = 3 h, one person reporting
    assert time_saved["hours_per_person_week"] == near(3.0)
    # (2 + 2 + 2 + 3) / 4 = 2.25 h a week x 52 / 12 = 9.75 h a month: 5..10 is "profitable"
    assert time_saved["hours_per_person_month"] == near(9.75)
    assert time_saved["band"] == "profitable"
    # Sophie, the only trained person, used the AI 6 times >= 3 in W09: active, 100 %
    assert published["metrics"]["adoption"]["rate"] == near(100.0)


def test_build_broken_data_publishes_nothing(here: Path) -> None:
    broken_company(here / "data")
    result = roi("build", "--data", "data", "--site-dir", "public")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert lines(result.stderr)[-1] == SUMMARY.format(3)
    assert "Traceback" not in result.output
    assert not (here / "public").exists()


def test_build_broken_data_keeps_the_previous_site(here: Path) -> None:
    broken_company(here / "data")
    (here / "public").mkdir()
    (here / "public" / "index.html").write_text("ancien site", encoding="utf-8")
    (here / "public" / STAMP).write_text("ancien", encoding="utf-8")  # a previous build
    result = roi("build", "--data", "data", "--site-dir", "public")
    assert result.exit_code == 1
    assert lines(result.stderr)[-1] == SUMMARY.format(3)
    assert sorted(p.name for p in (here / "public").iterdir()) == ["index.html", STAMP]
    assert (here / "public" / "index.html").read_text("utf-8") == "ancien site"


# --- roi init -------------------------------------------------------------------------------


def test_init_then_validate_then_build(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = roi("init", "co")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[-1] == "Complétez co/data/company.yml puis lancez « roi build »."
    co = here / "co"
    for schema in FILES:
        header = (co / "data" / schema.name).read_text("utf-8")
        assert header == ",".join(schema.column_names) + "\n", schema.name
    for name in ("data/company.yml", "mkdocs.yml", "README.md", "requirements.txt", "zizmor.yml"):
        assert (co / name).is_file(), name
    for workflow in ("validate.yml", "publish.yml"):
        assert (co / ".github" / "workflows" / workflow).is_file(), workflow

    result = roi("validate", "--data", "co/data")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [f"Données valides : {len(FILES)} fichier(s), 0 ligne(s)."]

    monkeypatch.chdir(co)
    result = roi("build")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[-2].startswith("Site construit dans site/ (")
    home = (co / "site" / "index.html").read_text("utf-8")
    assert "Aucune mesure d'utilisation pour l'instant" in home
    published = json.loads((co / "site" / "metrics.json").read_text("utf-8"))
    assert published["as_of"] == {"week": None, "month": None}


def test_init_with_french_headers_writes_the_aliases_and_validates(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = roi("init", "co", "--french-headers")
    assert result.exit_code == 0, result.output
    data = here / "co" / "data"
    assert (data / "usage.csv").read_bytes() == (
        "\ufeffsemaine;personne;tâche;utilisations;minutes_déclarées;outil\n".encode()
    )
    for schema in FILES:
        header = (data / schema.name).read_text("utf-8-sig")
        assert header == ";".join(c.alias for c in schema.columns) + "\n", schema.name
    (data / "people.csv").write_text(
        "\ufeffpersonne;nom;équipe;métier;formé_le;groupe\nsophie;Sophie;;;05/01/2026;\n",
        encoding="utf-8",
    )
    (data / "tasks.csv").write_text(
        "\ufefftâche;libellé;minutes_avant;minutes_après\ncr;Comptes-rendus;45;15\n",
        encoding="utf-8",
    )
    (data / "usage.csv").write_text(
        "\ufeffsemaine;personne;tâche;utilisations;minutes_déclarées\n"
        "12/01/2026;sophie;cr;3;20,5\n",
        encoding="utf-8",
    )
    result = roi("validate", "--data", "co/data", "--today", "2026-06-30")
    assert result.exit_code == 0, result.output
    # (deployed_on is last Monday: the « after » period is still empty, a warning)
    assert lines(result.stdout)[-1] == f"Données valides : {len(FILES)} fichier(s), 3 ligne(s)."


def test_init_refuses_a_non_empty_folder(here: Path) -> None:
    (here / "co").mkdir()
    (here / "co" / "notes.txt").write_text("à garder", encoding="utf-8")
    result = roi("init", "co")
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        "Erreur : co existe déjà et n'est pas vide : choisissez un autre dossier."
    ]
    assert "Traceback" not in result.output
    assert [p.name for p in (here / "co").iterdir()] == ["notes.txt"]


# --- help -----------------------------------------------------------------------------------

HELP = {
    "build": "Vérifie les données, calcule les métriques et construit le site.",
    "serve": "Sert le site en local et le reconstruit quand un fichier de données change.",
    "validate": "Vérifie les données seulement ; liste chaque problème",
    "init": "Crée le dépôt d'une nouvelle entreprise : réglages, CSV vides, mkdocs.yml, README.",
    "inbox": "Réponses aux questionnaires reçues dans data/inbox/.",
}


def test_every_command_has_a_french_help() -> None:
    assert sorted(cli.commands) == sorted(HELP)
    result = roi("--help")
    assert result.exit_code == 0
    assert "roi-ia : les mesures CSV d'une PME, les 12 métriques du ROI de l'IA, un site." in (
        " ".join(result.stdout.split())
    )
    for name in HELP:
        assert f"  {name} " in result.stdout, name


@pytest.mark.parametrize("command", sorted(HELP))
def test_command_help(command: str) -> None:
    result = roi(command, "--help")
    assert result.exit_code == 0
    assert lines(result.stdout)[0].startswith(f"Usage: roi {command} ")
    assert HELP[command] in " ".join(result.stdout.split())


def test_inbox_merge_help() -> None:
    result = roi("inbox", "merge", "--help")
    assert result.exit_code == 0
    assert "Intègre les réponses de data/inbox/ dans les fichiers CSV" in " ".join(
        result.stdout.split()
    )


def test_installed_roi_and_python_m_generator() -> None:
    for command in (
        [str(VENV_BIN / "roi"), "--help"],
        [sys.executable, "-m", "generator", "--help"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        assert done.returncode == 0, done.stderr
        assert "Usage:" in done.stdout
        assert "Vérifie les données, calcule les métriques et construit le site." in done.stdout
