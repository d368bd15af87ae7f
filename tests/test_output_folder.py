"""``roi build`` never deletes a file of the user's: the site folder it empties is checked
first, and a hand-written doc that a generated file would replace is refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.core.errors import GeneratorError
from generator.website.build import build_site
from generator.website.sitedir import STAMP, UNMARKED_BUILD, check_site_dir
from tests.fixture_company import write_company

ROOT = Path(__file__).resolve().parent.parent
USAGE = [{"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 2}]
TASKS = [{"task": "cr", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15}]
REMEDY = (
    "Rien n'a été modifié. Choisissez un dossier vide ou absent, ou le dossier site/ du dépôt "
    "(--site-dir site)."
)
ERASE = "roi build en effacerait le contenu."
DATA = "le dossier des données (data)"
DOCS = "le dossier des pages écrites à la main (docs)"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A company's repository, the working folder: mkdocs.yml, docs/, data/ and a file of the
    user's at its root; the home folder is elsewhere in the temporary folder."""
    repo = tmp_path / "repo"
    write_company(repo / "data", {"tasks.csv": TASKS, "usage.csv": USAGE})
    shutil.copyfile(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    (repo / "docs" / "guide").mkdir(parents=True)
    (repo / "docs" / "a-propos.md").write_text("# À propos\n\nNotre démarche.\n", "utf-8")
    (repo / "docs" / "guide" / "interne.md").write_text("# Interne\n", "utf-8")
    (repo / "notes.txt").write_text("à garder\n", "utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "lettre.txt").write_text("personnel\n", "utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(repo)
    return repo


def roi_build(site_dir: str) -> Result:
    runner = CliRunner(env={"NO_MKDOCS_2_WARNING": "1"})
    return runner.invoke(cli, ["build", "--data", "data", "--site-dir", site_dir])


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: a file's SHA-256, a link's target, "dir" for a folder;
    but roi-ia's own chart cache (``.roi/``), filled before a doc collision is found."""
    found: dict[str, str] = {}
    for top, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if name != ".roi"]
        for name in dirs + names:
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                found[key] = "dir"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def assert_refused(site_dir: str, message: str, everything: Path) -> None:
    """``roi build --site-dir site_dir`` exits 1 with ``message`` and touches nothing under
    ``everything``, the repository's parent folder."""
    before = tree(everything)
    result = roi_build(site_dir)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == f"Erreur : {message} {REMEDY}\n"
    assert "Traceback" not in result.output
    assert tree(everything) == before
    assert {"repo/data/company.yml", "repo/docs/a-propos.md", "repo/notes.txt"} <= set(before)


# --- refused: the user's folders ------------------------------------------------------------

FOLDERS = {
    "data": f"--site-dir data : ce dossier est {DATA} ; {ERASE}",
    "data/sub": f"--site-dir data/sub : ce dossier se trouve dans {DATA} ; "
    "roi build en effacerait des fichiers.",
    "docs": f"--site-dir docs : ce dossier est {DOCS} ; {ERASE}",
    "docs/guide": f"--site-dir docs/guide : ce dossier se trouve dans {DOCS} ; "
    "roi build en effacerait des fichiers.",
    "docs/sub": f"--site-dir docs/sub : ce dossier se trouve dans {DOCS} ; "
    "roi build en effacerait des fichiers.",
    "..": f"--site-dir .. : ce dossier contient {DATA} ; {ERASE}",
}


@pytest.mark.parametrize("site_dir", sorted(FOLDERS))
def test_a_site_folder_touching_the_data_or_the_docs_is_refused(repo: Path, site_dir: str):
    assert_refused(site_dir, FOLDERS[site_dir], repo.parent)


def test_the_repository_root_is_refused(repo: Path):
    message = f"--site-dir . : ce dossier est la racine du dépôt ({repo}) ; {ERASE}"
    assert_refused(".", message, repo.parent)


def test_a_symbolic_link_to_the_data_is_refused(repo: Path):
    (repo / "out").symlink_to("data", target_is_directory=True)
    assert_refused("out", f"--site-dir out : ce dossier est {DATA} ; {ERASE}", repo.parent)


def test_the_home_folder_is_refused(repo: Path):
    home = repo.parent / "home"
    message = f"--site-dir {home} : ce dossier est votre dossier personnel ({home}) ; {ERASE}"
    assert_refused(str(home), message, repo.parent)


def test_the_git_repository_holding_the_data_is_refused(repo: Path):
    """With the data in a Git repository whose top is above mkdocs.yml's folder."""
    top = repo.parent
    subprocess.run(["git", "init", "-q", str(top)], check=True)
    message = f"--site-dir .. : ce dossier est la racine du dépôt ({top}) ; {ERASE}"
    assert_refused("..", message, top)


def test_the_filesystem_root_is_refused(repo: Path):
    """Checked without building: a broken check must not try to empty ``/``."""
    with pytest.raises(GeneratorError) as refused:
        check_site_dir(Path("/"), repo / "data", repo / "mkdocs.yml")
    assert str(refused.value) == (
        f"--site-dir / : c'est la racine du système de fichiers ; {ERASE} {REMEDY}"
    )


# --- refused: a folder that is not a previous build -----------------------------------------


def test_a_non_empty_folder_of_other_files_is_refused(repo: Path):
    (repo / "other").mkdir()
    (repo / "other" / "notes.txt").write_text("mes notes\n", "utf-8")
    message = (
        "--site-dir other : ce dossier n'est pas vide (1 élément(s), dont « notes.txt ») et ne "
        f"contient pas un site construit par roi-ia ; {ERASE}"
    )
    assert_refused("other", message, repo.parent)


def test_a_previous_build_holding_a_symbolic_link_is_refused(repo: Path):
    """MkDocs would write through the link into the user's folder."""
    victim = repo.parent / "victim"
    victim.mkdir()
    (victim / "roi.css").write_text("/* mes styles */\n", "utf-8")
    site = repo / "site"
    (site / "assets").mkdir(parents=True)
    (site / STAMP).write_text("ancien\n", "utf-8")
    (site / "assets" / "theme").symlink_to(victim, target_is_directory=True)
    message = (
        "--site-dir site : ce dossier contient un lien symbolique (assets/theme) ; roi build "
        "écrirait à travers lui, hors du dossier du site. Supprimez le lien ou choisissez un "
        "autre dossier."
    )
    assert_refused("site", message, repo.parent)


def test_a_folder_holding_a_git_repository_is_refused(repo: Path):
    """Even a previous build: a ``gh-pages`` checkout is the user's to manage."""
    pages = repo / "pages"
    (pages / ".git").mkdir(parents=True)
    (pages / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    (pages / STAMP).write_text("ancien\n", "utf-8")
    message = f"--site-dir pages : ce dossier contient un dépôt Git (.git) ; {ERASE}"
    assert_refused("pages", message, repo.parent)


def test_the_zensical_builder_is_refused_the_same_folders(repo: Path):
    before = tree(repo.parent)
    with pytest.raises(GeneratorError, match="ce dossier est le dossier des données"):
        build_site(Path("data"), Path("data"), Path("mkdocs.yml"), builder="zensical")
    assert tree(repo.parent) == before


# --- accepted -------------------------------------------------------------------------------


def outside(folder: Path, site: str) -> dict[str, str]:
    """The tree of ``folder`` without the site folder."""
    return {k: v for k, v in tree(folder).items() if k != site and not k.startswith(f"{site}/")}


def test_site_is_built_then_rebuilt_stamped_or_not(repo: Path):
    """An absent site/, then the stamped build, then a build from before the stamp."""
    before = outside(repo.parent, "repo/site")
    for _ in range(2):
        result = roi_build("site")
        assert result.exit_code == 0, result.output
        assert (repo / "site" / STAMP).read_text("utf-8") == (
            "Site construit par roi-ia. La commande « roi build » vide ce dossier avant d'y "
            "écrire le site : n'y rangez aucun autre fichier.\n"
        )
    (repo / "site" / STAMP).unlink()
    assert all((repo / "site" / name).is_file() for name in UNMARKED_BUILD)
    result = roi_build("site")
    assert result.exit_code == 0, result.output
    assert (repo / "site" / STAMP).is_file()
    assert (repo / "site" / "a-propos.html").is_file()
    assert outside(repo.parent, "repo/site") == before


def test_an_empty_folder_is_accepted(repo: Path):
    (repo.parent / "public").mkdir()
    result = roi_build("../public")
    assert result.exit_code == 0, result.output
    assert (repo.parent / "public" / "index.html").is_file()
    assert (repo.parent / "public" / STAMP).is_file()


def test_zensical_replaces_a_previous_build_and_keeps_hidden_files(repo: Path):
    """As MkDocs does: ``.nojekyll`` stays, an old page goes."""
    site = repo / "site"
    (site / "ancienne-page").mkdir(parents=True)
    (site / "ancienne-page" / "index.html").write_text("ancien\n", "utf-8")
    (site / STAMP).write_text("ancien\n", "utf-8")
    (site / ".nojekyll").write_text("", "utf-8")
    build_site(Path("data"), site, Path("mkdocs.yml"), builder="zensical")
    assert not (site / "ancienne-page").exists()
    assert (site / ".nojekyll").is_file()
    assert (site / "index.html").is_file()
    assert (site / STAMP).read_text("utf-8").startswith("Site construit par roi-ia.")


# --- a hand-written doc at a generated file's path ------------------------------------------


def test_a_hand_written_page_named_like_a_generated_one_is_refused(repo: Path):
    (repo / "docs" / "index.md").write_text("# Mon accueil\n", "utf-8")
    (repo / "docs" / "metriques").mkdir()
    (repo / "docs" / "metriques" / "temps-gagne.md").write_text("# Temps\n", "utf-8")
    (repo / "docs" / "metrics.json").write_text("{}\n", "utf-8")
    before = tree(repo.parent)
    result = roi_build("site")
    assert result.exit_code == 1, result.output
    generated = "roi-ia génère un fichier au même chemin, qui remplacerait le vôtre ; renommez"
    assert result.stderr.splitlines() == [
        f"Erreur : docs/index.md : {generated} votre fichier (par exemple docs/index-perso.md).",
        f"docs/metrics.json : {generated} votre fichier (par exemple docs/metrics-perso.json).",
        f"docs/metriques/temps-gagne.md : {generated} votre fichier "
        "(par exemple docs/metriques/temps-gagne-perso.md).",
    ]
    assert not (repo / "site").exists()
    assert tree(repo.parent) == before
