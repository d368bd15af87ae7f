"""The package as users get it, and the workflows as GitHub runs them.

The release workflow builds the sdist and the wheel from a copy of this repository's files; the
wheel is installed into a fresh virtual environment outside the source tree; `roi init` writes a
company's repository, which gets a small company's data in a second commit; then the `run:`
steps of its `validate.yml` and `publish.yml` run in order (tests/workflow_runner.py), with pip
finding roi-ia in the built dist folder instead of PyPI. The template way (this repository
copied, its `data/` then replaced) runs the same workflows. About two minutes, mostly pip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from generator import __version__
from generator.commands.init import repository_files
from generator.pages.render import DASHBOARD_PAGES
from tests.fixture_company import usage_rows, write_company
from tests.workflow_runner import WorkflowError, WorkflowRun, make_venv, run_workflow

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TAG = f"v{__version__}"
WHEEL = f"roi_ia-{__version__}-py3-none-any.whl"
SDIST = f"roi_ia-{__version__}.tar.gz"
PUBLIC = {"github.event.repository.private": False}
PRIVATE = {"github.event.repository.private": True}
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def tracked_files() -> list[str]:
    """This repository's files as a commit would hold them (tracked, or new and not ignored)."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return sorted({name for name in listing.split("\0") if name and (ROOT / name).is_file()})


def copy_repository(target: Path) -> Path:
    for name in tracked_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def git(repository: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repository, env=GIT_ENV, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit_all(repository: Path, message: str) -> str:
    if not (repository / ".git").exists():
        git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", message)
    return git(repository, "rev-parse", "HEAD")


def pip_environment(dist: Path) -> dict[str, str]:
    """pip finds roi-ia in ``dist``; its dependencies come from PyPI at the tested versions."""
    find_links = f"{dist} {os.environ.get('PIP_FIND_LINKS', '')}".strip()
    return {
        "PIP_FIND_LINKS": find_links,
        "PIP_CONSTRAINT": str(ROOT / "constraints.txt"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }


def outside_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of a command run outside the source tree: no PYTHONPATH, no venv."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return {**env, **extra}


def python_in(venv: Path, code: str, cwd: Path) -> str:
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        cwd=cwd, env=outside_env({}), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def write_small_company(data: Path) -> None:
    """A bakery of three people, two tasks, nine weeks of use and one licence."""
    people = [
        {"person": p, "name": n, "role": "Vente", "trained_on": "2026-01-05", "group": "ai"}
        for p, n in (("ana", "Ana"), ("bruno", "Bruno"), ("chloe", "Chloé"))
    ]
    tasks = [
        {"task": "devis", "label": "Devis traiteur", "minutes_before": 40, "minutes_after": 15},
        {"task": "posts", "label": "Posts Instagram", "minutes_before": 30, "minutes_after": 10},
    ]
    weeks = [f"2026-W{week:02d}" for week in range(2, 11)]
    usage = [*usage_rows(weeks, "ana", "devis", 4), *usage_rows(weeks, "bruno", "posts", 3)]
    usage += usage_rows(weeks[4:], "chloe", "devis", 2)
    costs = [{"category": "licence", "label": "ChatGPT Team (3 postes)", "amount": 75,
              "kind": "monthly", "start": "2026-01"}]  # fmt: skip
    files = {"people.csv": people, "tasks.csv": tasks, "usage.csv": usage, "costs.csv": costs}
    forms = {"repository": "boulangerie-test/roi-ia", "branch": "main"}
    write_company(data, files, name="Boulangerie Test", forms=forms)


def assert_site(folder: Path, company: str) -> None:
    """A built site: home page, metrics.json for this company, the three dashboards."""
    assert (folder / "index.html").is_file(), f"{folder} holds no site"
    assert json.loads((folder / "metrics.json").read_text("utf-8"))["company"] == company
    for page in DASHBOARD_PAGES:
        assert (folder / page.path.removesuffix(".md")).with_suffix(".html").is_file(), page.path


def company_name(repository: Path) -> str:
    settings = yaml.safe_load((repository / "data" / "company.yml").read_text("utf-8"))
    return str(settings["name"])


def run_publish(repository: Path, venv: Path, extra_env: dict[str, str]) -> list[WorkflowRun]:
    """``publish.yml`` as a public repository, then as a private one if it tells them apart."""
    workflow = repository / ".github" / "workflows" / "publish.yml"
    contexts = [PUBLIC]
    if "github.event.repository.private" in workflow.read_text("utf-8"):
        contexts.append(PRIVATE)
    runs = []
    for context in contexts:
        runs.append(run_workflow(workflow, repository, venv, context, extra_env))
        assert runs[-1].uploads["github-pages"] == repository / "site"
        for folder in runs[-1].uploads.values():
            assert_site(folder, company_name(repository))
    return runs


def run_validate(repository: Path, venv: Path, base: str, env: dict[str, str]) -> WorkflowRun:
    context = {"github.event.pull_request.base.sha": base, "github.event.pull_request.number": 1}
    workflow = repository / ".github" / "workflows" / "validate.yml"
    return run_workflow(workflow, repository, venv, context, env)


# --- the release ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def release_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release workflow's Python, made by its setup-python step, kept for a second run."""
    return tmp_path_factory.mktemp("release") / "venv"


def run_release(source: Path, venv: Path, tag: str) -> WorkflowRun:
    """release.yml run on a copy of this repository, as for a pushed ``tag``."""
    copy_repository(source)
    workflow = source / ".github" / "workflows" / "release.yml"
    return run_workflow(workflow, source, venv, {"github.ref_name": tag})


@pytest.fixture(scope="module")
def release(release_venv: Path) -> WorkflowRun:
    return run_release(release_venv.parent / "roi-ia", release_venv, TAG)


@pytest.fixture(scope="module")
def dist(release: WorkflowRun) -> Path:
    return release.uploads["dist"]


def test_the_release_builds_and_checks_both_distributions(release, dist):
    assert sorted(p.name for p in dist.iterdir()) == [WHEEL, SDIST]
    assert release.ran() == [
        "build › Installer les outils",
        "build › Construire le sdist et la roue",
        "build › Vérifier les paquets",
        "build › Vérifier que l'étiquette est la version du paquet",
    ]
    checked = release.outputs["build › Vérifier les paquets"]
    assert checked.count("PASSED") == 2
    built = release.outputs["build › Construire le sdist et la roue"]
    assert f"Successfully built {SDIST} and {WHEEL}" in built
    assert "would be ignored" not in built


def test_the_wheel_holds_every_file_of_the_package_and_nothing_else(dist):
    package = {name for name in tracked_files() if name.startswith("generator/")}
    with zipfile.ZipFile(dist / WHEEL) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"roi_ia-{__version__}.dist-info/METADATA").decode()
    assert {name for name in names if not name.startswith("roi_ia-")} == package
    assert any(name.startswith("generator/templates/dashboards/") for name in package)
    assert any(name.startswith("generator/scaffold/workflows/") for name in package)
    assert "Project-URL: Repository, " + repository_url() in metadata
    with tarfile.open(dist / SDIST) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert package <= members
    assert not any(name.startswith("tests/") for name in members)


def test_a_tag_that_is_not_the_package_version_stops_the_release(tmp_path, release_venv):
    with pytest.raises(WorkflowError, match=re.escape("::error::L'étiquette v9.9.9 n'est pas v")):
        run_release(tmp_path / "roi-ia", release_venv, "v9.9.9")


def repository_url() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return pyproject["project"]["urls"]["Repository"]


def test_the_company_readme_installs_from_the_project_tag_until_the_release():
    from datetime import date

    readme = repository_files("X", date(2026, 1, 5))["README.md"]
    line = f"roi-ia @ git+{repository_url()}@{TAG}"
    assert f"\n{line}\n" in readme
    requirement = Requirement(line)
    assert (requirement.name, requirement.url) == ("roi-ia", f"git+{repository_url()}@{TAG}")
    assert "pypi.org" not in readme  # no link to a page that may not exist yet


def test_this_readme_gives_the_same_install_lines():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f'pip install "roi-ia @ git+{repository_url()}@{TAG}"' in readme
    assert f"`roi-ia=={__version__}`" in readme


# --- the scaffold way: pip install roi-ia, roi init ----------------------------------------


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> Path:
    """A fresh virtual environment where a user installed roi-ia, outside the source tree."""
    venv = tmp_path_factory.mktemp("user") / "venv"
    make_venv(venv)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile", "roi-ia"],
        cwd=venv.parent, env=outside_env(pip_environment(dist)), check=True,
    )  # fmt: skip
    return venv


@pytest.fixture(scope="module")
def company(venv: Path) -> tuple[Path, str]:
    """``roi init`` committed, then a second commit with the company's data; returns the
    repository and the first commit."""
    repository = venv.parent / "boulangerie"
    subprocess.run(
        [str(venv / "bin" / "roi"), "init", str(repository)],
        cwd=venv.parent, env=outside_env({}), check=True, capture_output=True,
    )  # fmt: skip
    base = commit_all(repository, "roi init")
    write_small_company(repository / "data")
    commit_all(repository, "Les données de la semaine")
    return repository, base


def test_the_installed_package_is_the_wheel_not_the_checkout(venv):
    location = Path(python_in(venv, "import generator; print(generator.__file__)", venv.parent))
    assert location.is_relative_to(venv)
    assert python_in(venv, "import generator; print(generator.__version__)", venv) == __version__


def test_a_new_company_repository_validates_and_publishes_its_site(company, venv, dist):
    repository, base = company
    env = pip_environment(dist)
    validated = run_validate(repository, venv, base, env)
    assert validated.ran()[-1] == "validate › Vérifier les données"
    assert r"| usage\.csv | 23 | 3 |" in validated.summary  # git diff found the new rows
    run_publish(repository, venv, env)


# --- the template way: this repository copied, then its data/ replaced ----------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A repository made with « Use this template »; returns it and its first commit."""
    repository = copy_repository(tmp_path_factory.mktemp("template") / "entreprise")
    return repository, commit_all(repository, "Initial commit")


def test_the_template_way_builds_the_demo_then_validates_the_company_data(
    template, company, venv, dist
):
    """Last, as it reinstalls roi-ia in the shared environment: a second fresh one would cost
    a minute of pip for the same dependencies (the same pyproject.toml and constraints)."""
    repository, base = template
    env = pip_environment(dist)
    run_publish(repository, venv, env)
    installed = python_in(
        venv, "from importlib.metadata import distribution as d; "
        "print(d('roi-ia').read_text('direct_url.json'))", venv.parent,
    )  # fmt: skip
    assert json.loads(installed)["url"] == repository.as_uri()  # requirements.txt: `.`
    shutil.rmtree(repository / "data")
    shutil.copytree(company[0] / "data", repository / "data")
    commit_all(repository, "Nos données")
    validated = run_validate(repository, venv, base, env)
    assert r"| usage\.csv | 23 | 3 |" in validated.summary
