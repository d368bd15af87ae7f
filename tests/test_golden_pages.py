"""Generated Markdown, byte for byte, for a small fixed company (``tests/golden/``).

The pages come from ``generate()``, the pipeline ``roi build`` runs (downloads included), on a
copy of ``tests/fixtures/excel_plain`` committed to a fresh Git repository at a fixed date, so
the pages' « Version des données » is the same on every machine (it changes only when the
fixture does). A change of wording or layout shows up here as a diff to review; regenerate with
``.venv/bin/pytest tests/test_golden_pages.py --update-goldens``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.pages.render import all_pages
from generator.website.build import generate

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "excel_plain"
GOLDEN = HERE / "golden"
PAGES = [page.path for page in all_pages()]
COMMITTED = "2026-06-01T12:00:00+00:00"
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED,
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}  # fmt: skip


def committed_copy(repository: Path) -> Path:
    """The fixture as a company keeps it: ``data/`` of a Git repository, one commit."""
    data = repository / "data"
    shutil.copytree(FIXTURE, data)
    for args in (["init", "-q"], ["add", "data"], ["commit", "-q", "-m", "Données"]):
        subprocess.run(["git", *args], cwd=repository, env=GIT_ENV, check=True)
    return data


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("golden")
    docs = tmp / "docs"
    built = generate(committed_copy(tmp / "company"), docs, tmp / "no-docs", public=False)
    assert [page.path for page in built.pages] == PAGES
    assert built.downloads, "the pages must be compared with their downloads linked"
    return docs


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_its_golden_file(rendered, update_goldens, path):
    produced = (rendered / path).read_text("utf-8")
    golden = GOLDEN / path
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run pytest with --update-goldens"
    assert produced == golden.read_text("utf-8")


def test_no_golden_file_is_left_over():
    expected = {Path(p) for p in PAGES}
    found = {p.relative_to(GOLDEN) for p in GOLDEN.rglob("*.md")}
    assert found == expected
