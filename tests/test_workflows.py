"""The GitHub Actions workflows: what triggers them, what they may do, what they run."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.commands.init import WORKFLOWS, repository_files

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW_DIR = ROOT / ".github" / "workflows"
RELEASE = "release.yml"  # this project's own: roi init does not write it
PYPI_PUBLISH = "pypa/gh-action-pypi-publish@"


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); normalise it.
    workflow = yaml.safe_load((WORKFLOW_DIR / name).read_text("utf-8"))
    workflow["on"] = workflow.pop(True)
    return workflow


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize("name", WORKFLOWS)
def test_the_repository_runs_the_workflows_roi_init_writes(name):
    from datetime import date

    written = repository_files("X", date(2026, 1, 5))[f".github/workflows/{name}"]
    assert (WORKFLOW_DIR / name).read_text("utf-8") == written


def test_every_workflow_of_the_repository_is_tested_here():
    assert sorted(path.name for path in WORKFLOW_DIR.iterdir()) == sorted([*WORKFLOWS, RELEASE])


@pytest.mark.parametrize("name", [*WORKFLOWS, RELEASE])
def test_no_default_permissions_and_no_credentials_left_behind(name):
    workflow = load(name)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
        assert job["timeout-minutes"] <= 20


def test_pull_requests_are_validated_without_write_access_or_secrets():
    workflow = load("validate.yml")
    assert set(workflow["on"]) == {"pull_request"}  # never pull_request_target: forks
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert uses(job) == ["actions/checkout@v6", "actions/setup-python@v6"]
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert "roi validate --data data --changed-list" in runs(job)
    assert "${{" not in runs(job)  # expressions reach the shell through env only


def test_pushes_to_main_build_and_deploy_to_pages_one_at_a_time():
    workflow = load("publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert "roi build --data data --site-dir site" in runs(build)
    assert uses(build)[-1] == "actions/upload-pages-artifact@v5"
    assert uses(deploy) == ["actions/deploy-pages@v5"]
    assert deploy["environment"]["name"] == "github-pages"


def test_the_project_installs_itself_and_a_company_installs_the_release():
    assert (ROOT / "requirements.txt").read_text("utf-8") == "-c constraints.txt\n.\n"
    from datetime import date

    from generator import __version__

    files = repository_files("X", date(2026, 1, 5))
    assert files["requirements.txt"] == f"roi-ia=={__version__}\n"
    assert files["zizmor.yml"] == (ROOT / "zizmor.yml").read_text("utf-8")


def test_a_version_tag_builds_checks_then_publishes_to_pypi_without_a_token():
    workflow = load(RELEASE)
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    assert build["permissions"] == {"contents": "read"}
    assert "python -m build" in runs(build)
    assert "twine check --strict dist/*" in runs(build)
    assert "dist/roi_ia-${TAG#v}-py3-none-any.whl" in runs(build)  # the tag is the version
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-"))
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "pypi"  # the trusted publisher's environment
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, nothing else
    download, upload_to_pypi = uses(publish)
    assert download.startswith("actions/download-artifact@")
    assert publish["steps"][0]["with"]["name"] == upload["with"]["name"]
    assert upload_to_pypi.startswith(PYPI_PUBLISH)
    assert len(upload_to_pypi.removeprefix(PYPI_PUBLISH)) == 40  # pinned to a commit
    assert "secrets." not in (WORKFLOW_DIR / RELEASE).read_text("utf-8")
