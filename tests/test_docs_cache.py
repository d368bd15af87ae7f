"""The docs cache (``generator.website.docscache``): a fresh ``roi build`` reuses the generated
docs of an earlier build only when everything they depend on is the same. Each case changes
one input and must change the key; a failed build stores nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.website import docscache
from generator.website.docscache import docs_key
from generator.website.fresh import build_inputs

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "excel_plain"
CONFIG = ROOT / "mkdocs.yml"
TODAY = date(2026, 6, 30)


def company(tmp_path: Path) -> Path:
    """A copy of the fixture's data with an inbox answer, and hand-written docs."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    (data / "inbox" / "hebdo").mkdir(parents=True)
    (data / "inbox" / "hebdo" / "2026-06-01T10-00-00Z.csv").write_text("a,b\n1,2\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_bytes(CONFIG.read_bytes())
    return data


def key(tmp_path: Path, today: date | None = TODAY, public: bool = True) -> str:
    return docs_key(build_inputs(tmp_path / "data", tmp_path / "mkdocs.yml", today, public))


def flip_last_byte(path: Path) -> None:
    content = path.read_bytes()
    path.write_bytes(content[:-1] + bytes([content[-1] ^ 1]))


CHANGES: dict[str, Callable[[Path], None]] = {
    "a data byte": lambda t: flip_last_byte(t / "data" / "usage.csv"),
    "the settings": lambda t: flip_last_byte(t / "data" / "company.yml"),
    "an inbox answer": lambda t: flip_last_byte(next((t / "data" / "inbox").rglob("*.csv"))),
    "a new hidden file": lambda t: (t / "data" / ".extra").write_text("x", "utf-8"),
    "a file renamed": lambda t: (t / "data" / "costs.csv").rename(t / "data" / "Costs.csv"),
    "a hand-written page": lambda t: flip_last_byte(t / "docs" / "notes.md"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_changed_file_misses(tmp_path, change):
    company(tmp_path)
    before = key(tmp_path)
    assert key(tmp_path) == before  # the same inputs give the same key
    change(tmp_path)
    assert key(tmp_path) != before


def test_an_option_or_the_build_date_misses(tmp_path):
    company(tmp_path)
    keys = {key(tmp_path), key(tmp_path, public=False), key(tmp_path, date(2026, 7, 1))}
    keys |= {key(tmp_path, today=None)}
    assert len(keys) == 4


def test_source_date_epoch_misses(tmp_path, monkeypatch):
    company(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = key(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1791072000")
    assert key(tmp_path) != before


def git(folder: Path, *args: str) -> None:
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", *identity, "-C", str(folder), *args], check=True, capture_output=True)


def test_the_data_commit_shown_on_the_pages_misses(tmp_path):
    """Pages show the data's last commit: a new commit of the same bytes builds again."""
    company(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "one")
    first = build_inputs(tmp_path / "data", tmp_path / "mkdocs.yml", TODAY, True)
    flip_last_byte(tmp_path / "data" / "usage.csv")
    git(tmp_path, "commit", "-q", "-a", "-m", "two")
    flip_last_byte(tmp_path / "data" / "usage.csv")  # the first bytes again
    git(tmp_path, "commit", "-q", "-a", "-m", "three")
    second = build_inputs(tmp_path / "data", tmp_path / "mkdocs.yml", TODAY, True)
    assert first.commit and second.commit != first.commit
    assert docs_key(second) != docs_key(first)


@pytest.mark.parametrize("name", ["templates/index.md.j2", "assets/roi.css", "core/format.py"])
def test_a_generator_file_misses(tmp_path, monkeypatch, name):
    """Templates, assets and code all shape the docs: a copy of the package with one byte
    changed in any of them gives another key."""
    company(tmp_path)
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(docscache, "PACKAGE_DIR", package)
    before = key(tmp_path)
    flip_last_byte(package / name)
    assert key(tmp_path) != before


def test_a_library_version_misses(tmp_path, monkeypatch):
    company(tmp_path)
    before = key(tmp_path)
    real = docscache.version
    monkeypatch.setattr(docscache, "version", lambda name: real(name) + ("+1" * (name == "altair")))
    assert key(tmp_path) != before


def test_a_failed_build_is_not_stored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = company(tmp_path)
    (data / "usage.csv").write_text("oops\n", "utf-8")
    runner = CliRunner(env={"NO_MKDOCS_2_WARNING": "1"})
    done = runner.invoke(cli, ["build", "--data", "data", "--today", "2026-06-30"])
    assert done.exit_code == 1
    assert not list(tmp_path.glob(".roi/cache/docs-*"))


def test_only_the_newest_entries_are_kept(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = docscache.SiteFacts("Cabinet", ["index.md"], "", 0)
    for number in range(docscache.KEPT + 2):
        console = docscache.Console({"usage.csv": {"read": number, "used": number}}, [], [], 1)
        docscache.store_docs(f"k{number}", docscache.Docs({"index.md": b"# x\n"}, facts, console))
        os.utime(docscache.entry_path(f"k{number}"), (number, number))  # clear order in time
    kept = sorted(p.name for p in (tmp_path / ".roi" / "cache").glob("docs-*.bin"))
    assert kept == [f"docs-k{n}.bin" for n in range(2, docscache.KEPT + 2)]
    assert docscache.cached_docs("k0") is None
    last = docscache.cached_docs(f"k{docscache.KEPT + 1}")
    assert last is not None and last.files == {"index.md": b"# x\n"} and last.facts == facts


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xe3\x00\x00"], ids=["empty", "text", "cut"])
def test_a_damaged_entry_is_a_miss_and_the_build_runs_in_full(tmp_path, monkeypatch, damage):
    monkeypatch.chdir(tmp_path)
    shutil.rmtree(company(tmp_path) / "inbox")  # the key tests' stray answer: a build refuses it
    runner = CliRunner(env={"NO_MKDOCS_2_WARNING": "1"})
    args = ["build", "--data", "data", "--today", "2026-06-30", "--site-dir"]
    first = runner.invoke(cli, [*args, "first"])
    assert first.exit_code == 0, first.output
    (entry,) = (tmp_path / ".roi" / "cache").glob("docs-*.bin")
    entry.write_bytes(damage)
    assert docscache.cached_docs(entry.stem.removeprefix("docs-")) is None
    again = runner.invoke(cli, [*args, "again"])
    assert again.exit_code == 0, again.output
    assert again.output == first.output.replace("first", "again")
    assert sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*")) == (
        sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*"))
    )
    assert docscache.cached_docs(entry.stem.removeprefix("docs-")) is not None  # stored anew
