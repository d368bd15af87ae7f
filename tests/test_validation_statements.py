"""What the site says about validation is what ``roi validate`` does: the encodings the pages
call accepted are those the loader reads (``csvread.ENCODINGS``), a Windows-1252 file is
accepted with a warning for whoever saved it (in the output and the pull request's summary,
never on a page), and the example output of « Méthode » is the real one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.core.i18n import text
from generator.input.csvread import ENCODINGS
from generator.input.load import load_dataset
from tests.fixture_company import write_company

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
PEOPLE = "person;name;team;role;trained_on;group\r\nhelene;Hélène Dupré;Équipe;;05/01/2026;\r\n"
WARNING = (
    "Attention : people.csv : lu comme un CSV Windows (Excel « CSV (séparateur : "
    "point-virgule) »). Les accents sont lus correctement ; pour éviter toute ambiguïté, "
    "enregistrez plutôt en « CSV UTF-8 »."
)


def roi(*args: str, env: dict[str, str | None] | None = None) -> Result:
    env = {"GITHUB_ACTIONS": None, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return CliRunner(env=env).invoke(cli, list(args), prog_name="roi", catch_exceptions=False)


def windows_company(folder: Path) -> Path:
    data = write_company(folder, {})
    (data / "people.csv").write_bytes(PEOPLE.encode("cp1252"))
    return data


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_the_pages_call_accepted_is_read_accents_included(
    tmp_path: Path, encoding: str
) -> None:
    data = write_company(tmp_path, {})
    (data / "people.csv").write_bytes(PEOPLE.encode(encoding))
    people = load_dataset(data).frame("people")
    assert list(people["name"]) == ["Hélène Dupré"] and list(people["team"]) == ["Équipe"]


@pytest.mark.parametrize("page", ["methode.md", "donnees.md"])
def test_the_pages_state_exactly_the_loaders_encodings(page: str) -> None:
    content = (GOLDEN / page).read_text("utf-8")
    statements = " ".join(text(f"loader.encodings.{encoding}") for encoding in ENCODINGS)
    assert statements in content
    # every mention of Excel's Windows format is that statement: no other claim about it
    windows = text("loader.encodings.cp1252")
    assert content.count("séparateur : point-virgule") == content.count(windows) == 1
    assert "réenregistrer" not in content


def test_windows_1252_warning_is_printed_with_the_other_problems(tmp_path: Path) -> None:
    data = windows_company(tmp_path / "data")
    (data / "usage.csv").write_text("week,person,task,uses\n2026-W03,helen,compte_rendu,3\n")
    summary = tmp_path / "summary.md"
    result = roi("validate", "--data", str(data), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{data.as_posix()}/usage.csv:2: person: « helen » n'est pas déclaré dans people.csv : "
        "vouliez-vous dire « helene » ?",
        WARNING,
        "1 problème(s) dans les données : rien n'a été publié.",
    ]
    shown = summary.read_text("utf-8")
    assert "À savoir (rien à corriger pour publier) :" in shown
    assert "lu comme un CSV Windows" in shown


def test_windows_1252_warning_is_in_the_output_and_the_summary_not_on_the_site(
    tmp_path: Path,
) -> None:
    data = windows_company(tmp_path / "data")
    summary = tmp_path / "summary.md"
    result = roi("validate", "--data", str(data), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 0, result.output
    assert WARNING in result.stdout.splitlines()
    assert "lu comme un CSV Windows" in summary.read_text("utf-8")

    site = tmp_path / "site"
    result = roi("build", "--data", str(data), "--site-dir", str(site))
    assert result.exit_code == 0, result.output
    assert WARNING in result.stdout.splitlines()
    published = json.loads((site / "metrics.json").read_text("utf-8"))
    assert "windows_encoding" not in [w["code"] for w in published["warnings"]]
    pages = [p.read_text("utf-8") for p in site.rglob("*.html")]
    assert not [p for p in pages if "lu comme un CSV Windows" in p]


def test_the_example_output_of_the_method_page_is_what_validate_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (GOLDEN / "methode.md").read_text("utf-8")
    block = re.search(r"```text\n(data/usage\.csv:.*?)```", page, re.S)
    assert block is not None
    people = [{"person": "amelie", "trained_on": "2026-01-05"}]
    data = write_company(tmp_path / "data", {"people.csv": people})
    (data / "usage.csv").write_text(
        "week,person,task,uses\n2026-W03,amelie,compte_rendu,3\n"
        "2026-W04,amelie,compte_rendu,-3\n2026-W04,amelei,compte_rendu,2\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = roi("validate", "--data", "data", "--today", "2026-06-30")
    assert result.stderr == block[1]
