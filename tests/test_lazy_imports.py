"""A build loads only what it uses (issue 11: a fresh ``roi build`` close to MkDocs' own):
Altair, vl-convert, openpyxl and pandera are not loaded with the command line, a build whose
figures are cached loads no Altair, clean data loads no pandera, and what the caches give
back is what a build without them makes."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.core.i18n import LOADER, catalogue, merge
from generator.figures import build_figures, figures_from_json, figures_json, fresh_figures
from generator.input.checks import surely_valid, value_problems
from generator.input.csvread import LINE
from generator.input.load import load_dataset
from generator.input.schema import Column, FileSchema
from generator.metrics import report
from generator.pages.render import labels
from generator.workbooks.xlsx import Sheet, SheetColumn, workbook_bytes, write_workbook

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "excel_plain"
HEAVY = ("altair", "vl_convert", "openpyxl", "pandera")


def loaded_after(code: str, cwd: Path = ROOT) -> list[str]:
    """The heavy libraries loaded once ``code`` has run in a new interpreter."""
    check = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=cwd, capture_output=True, text=True, check=True
    )
    return list(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


def test_the_command_line_loads_no_heavy_library():
    assert loaded_after("import generator.cli") == []


def test_a_build_with_cached_figures_loads_no_altair(tmp_path):
    """Load, report and figures as ``roi build`` does, twice in new processes sharing a chart
    cache: the first builds the figures with Altair, the second reads them."""
    code = (
        "from pathlib import Path\n"
        "from generator.figures import build_figures\n"
        "from generator.input.load import load_dataset\n"
        "from generator.metrics import report\n"
        "from generator.pages.render import labels\n"
        f"data = load_dataset(Path({str(FIXTURE)!r}))\n"
        "build_figures(report(data), labels(data))"
    )
    assert "altair" in loaded_after(code, tmp_path)
    assert loaded_after(code, tmp_path) == []  # nor pandera: the fixture's data are clean


def test_cached_figures_are_the_figures(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = load_dataset(FIXTURE)
    result, names = report(data), labels(data)
    fresh = fresh_figures(result, names)
    assert figures_from_json(figures_json(fresh)) == fresh
    assert build_figures(result, names) == fresh  # built and stored
    assert len(list((tmp_path / ".roi" / "cache").glob("figures-*.json"))) == 1
    assert build_figures(result, names) == fresh  # read back


SCHEMA = FileSchema(
    "t.csv",
    (
        Column("n", "int", min=1, max=10),
        Column("x", "number", required=False, min=0),
        Column("d", "date"),
    ),
)


def frame(n: list[object], x: list[object], d: list[object]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            LINE: range(2, 2 + len(n)),
            "n": pd.array(n, dtype="Int64"),
            "x": pd.array(x, dtype="Float64"),
            "d": pd.to_datetime(d),
        }
    )


CLEAN = frame([1, 10], [None, 0.5], ["2026-01-05", "2026-02-01"])


@pytest.mark.parametrize(
    "typed",
    [
        frame([0, 10], [None, 0.5], ["2026-01-05", "2026-02-01"]),  # below min
        frame([1, 11], [None, 0.5], ["2026-01-05", "2026-02-01"]),  # above max
        frame([1, None], [None, 0.5], ["2026-01-05", "2026-02-01"]),  # required blank
        frame([1, 10], [None, -0.5], ["2026-01-05", "2026-02-01"]),  # below min, optional
        frame([1, 10], [None, 0.5], ["2026-01-05", None]),  # required date blank
        CLEAN.drop(columns="x"),  # a column missing
        CLEAN.assign(x=CLEAN["x"].astype(object)),  # another dtype
    ],
    ids=["below", "above", "blank", "optional-below", "blank-date", "missing", "dtype"],
)
def test_a_frame_that_may_fail_goes_to_pandera(typed):
    assert not surely_valid(SCHEMA, typed)


def test_a_clean_frame_passes_and_pandera_agrees():
    assert surely_valid(SCHEMA, CLEAN)
    assert surely_valid(SCHEMA, CLEAN.assign(d=CLEAN["d"].astype("datetime64[s]")))
    raw = CLEAN.astype(str)
    assert value_problems("t.csv", SCHEMA, CLEAN, raw, set()) == []


def test_a_value_out_of_bounds_is_still_reported():
    typed = frame([0, 10], [None, 0.5], ["2026-01-05", "2026-02-01"])
    problems = value_problems("t.csv", SCHEMA, typed, typed.astype(str), set())
    assert [(p.line, p.column) for p in problems] == [(2, "n")]


def test_the_fast_yaml_loader_reads_the_catalogue_alike():
    folder = resources.files("generator").joinpath("locales")
    slow: dict[str, object] = {}
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".yml")):
        merge(slow, yaml.safe_load(folder.joinpath(name).read_text("utf-8")) or {})
    assert LOADER is yaml.CSafeLoader  # libyaml is there: the fast path is the one tested
    assert catalogue() == slow


def test_cached_workbooks_are_the_workbooks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sheets = [Sheet("Coûts", (SheetColumn("Montant", "#,##0"),), [(1550.5,), ("=1+1",), (None,)])]
    fresh = workbook_bytes(sheets, title="Tableau")
    first = write_workbook(sheets, tmp_path / "a.xlsx", title="Tableau").read_bytes()
    again = write_workbook(sheets, tmp_path / "b.xlsx", title="Tableau").read_bytes()
    assert first == again == fresh
    assert len(list((tmp_path / ".roi" / "cache").glob("xlsx-*.xlsx"))) == 1
    other = write_workbook(sheets, tmp_path / "c.xlsx", title="Autre").read_bytes()
    assert other != fresh


def roi_build(cwd: Path, data: Path, site: str, *options: str) -> tuple[str, list[str]]:
    """``roi build`` in a new interpreter: what it printed, and the data libraries it loaded."""
    code = (
        "import sys\n"
        "from generator.cli import cli\n"
        f"try:\n    cli(['build', '--data', {str(data)!r}, '--site-dir', {site!r}, *{options!r}])\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        f"print(sorted(m for m in {(*HEAVY, 'pandas')!r} if m in sys.modules))"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    *printed, loaded = done.stdout.splitlines()
    return "\n".join(printed), list(ast.literal_eval(loaded))


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_an_identical_build_reuses_its_docs_and_loads_no_pandas(tmp_path, monkeypatch):
    """A second fresh ``roi build`` of the same data only runs MkDocs: it prints the same lines
    and makes the same site, without loading pandas; one changed byte builds again."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": None, "NO_MKDOCS_2_WARNING": "1"})
    options = ["--data", str(data), "--today", "2026-06-30", "--site-dir"]
    first = runner.invoke(cli, ["build", *options, "one"])
    assert first.exit_code == 0, first.output
    again, loaded = roi_build(tmp_path, data, "two", "--today", "2026-06-30")
    assert loaded == []
    assert again.replace("two/", "one/") == first.stdout.rstrip("\n")
    assert "Site construit" in again
    assert site_files(tmp_path / "two") == site_files(tmp_path / "one")
    people = data / "people.csv"
    people.write_bytes(people.read_bytes().replace(b"\n", b"\r\n", 1))  # one byte more
    changed = runner.invoke(cli, ["build", *options, "one"])
    assert changed.stdout == first.stdout
    assert len(list((tmp_path / ".roi" / "cache").glob("docs-*.bin"))) == 2
