"""The bad-input corpus: every folder of ``tests/bad_inputs/`` is a small company whose data
breaks one thing; ``expected.txt`` holds, byte for byte, what ``roi validate`` prints on stderr.

Each case runs from its own folder with ``--data data``, so the paths printed
(``data/usage.csv:2: uses: …``) do not depend on where the repository lives, and with the
build date fixed at :data:`TODAY` so "after the build date" does not move with the clock.
``roi build`` must refuse the same data and leave no site behind. ``tests/good_inputs/``
holds the near misses that must be accepted, each with the value it must come out as.

A case is the tiny valid base (Sophie, one task saving 45 − 15 = 30 min, 3 and 4 uses in
2026-W03 and 2026-W04) with one file replaced; regenerate ``expected.txt`` after a reviewed
message change with ``pytest tests/test_bad_inputs.py --update-goldens``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.input.csvread import MAX_BYTES
from generator.website.build import compute_report
from tests.report_helpers import near, value

HERE = Path(__file__).parent
BAD = sorted(p for p in (HERE / "bad_inputs").iterdir() if p.is_dir())
GOOD = HERE / "good_inputs"
TODAY = "2026-06-30"  # a Tuesday: 2026-W27 has begun, 2026-W28 has not
PROBLEM_LINE = r"^[^:]+(:\d+)?: "
SUMMARY = "{} problème(s) dans les données : rien n'a été publié."
WARNING = "Attention : "  # a warning printed with the problems (« lu comme un CSV Windows »)


def roi(case: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(case)
    env = {"GITHUB_ACTIONS": None, "SOURCE_DATE_EPOCH": None, "NO_MKDOCS_2_WARNING": "1"}
    return CliRunner(env=env).invoke(cli, list(args), prog_name="roi")


def test_the_corpus_has_at_least_40_cases() -> None:
    assert len(BAD) >= 40
    assert all((case / "expected.txt").is_file() and (case / "data").is_dir() for case in BAD)


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_validate_prints_exactly_the_expected_problems(
    case: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    result = roi(case, monkeypatch, "validate", "--data", "data", "--today", TODAY)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a handled error, not a crash
    assert "Traceback" not in result.output
    expected = case / "expected.txt"
    if request.config.getoption("--update-goldens"):
        expected.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == expected.read_text("utf-8")
    *printed, summary = result.stderr.splitlines()
    problems = [line for line in printed if not line.startswith(WARNING)]
    assert problems
    assert printed == problems + printed[len(problems) :]  # warnings come after the problems
    assert summary == SUMMARY.format(len(problems))
    for line in problems:
        assert line.startswith("data/")
        assert re.match(PROBLEM_LINE, line), line


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_build_refuses_to_publish(
    case: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = roi(
        case, monkeypatch, "build", "--data", "data", "--site-dir", str(site), "--today", TODAY
    )
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].endswith("rien n'a été publié.")
    assert not site.exists()


def test_a_real_process_prints_no_traceback_on_binary_garbage() -> None:
    case = HERE / "bad_inputs" / "usage-binary-garbage"
    roi_bin = Path(sys.executable).parent / "roi"
    run = subprocess.run(
        [str(roi_bin), "validate", "--data", "data", "--today", TODAY],
        cwd=case,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr == (case / "expected.txt").read_text("utf-8")


def test_source_date_epoch_sets_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    case = HERE / "bad_inputs" / "usage-future-week"
    monkeypatch.chdir(case)
    # 1783296000 s = 20 640 days after 1970-01-01 = 2026-07-06, the Monday of 2026-W28:
    # that week has begun, so the data is valid.
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": "1783296000", "GITHUB_ACTIONS": None})
    assert runner.invoke(cli, ["validate", "--data", "data"]).exit_code == 0
    # One day earlier (2026-07-05, a Sunday) 2026-W28 lies in the future.
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": "1783209600", "GITHUB_ACTIONS": None})
    result = runner.invoke(cli, ["validate", "--data", "data"])
    assert result.exit_code == 1
    assert "date de construction 2026-07-05" in result.stderr


def test_a_50_mb_file_is_refused_fast_with_its_size(tmp_path: Path) -> None:
    # The base company with a usage.csv of 50 000 000 bytes: valid-looking rows, far more
    # than 250 people × 3 years × 20 tasks (about 25 MB) would write.
    data = tmp_path / "data"
    base = HERE / "good_inputs" / "usage-header-only" / "data"
    data.mkdir()
    for name in ("company.yml", "people.csv", "tasks.csv"):
        (data / name).write_bytes((base / name).read_bytes())
    row = b"2026-W03,sophie,compte_rendu,3,\n"  # 32 bytes
    header = b"week,person,task,uses,declared_minutes\n"
    with (data / "usage.csv").open("wb") as file:
        file.write(header + row * ((50_000_000 - len(header)) // len(row)))
    assert (data / "usage.csv").stat().st_size > MAX_BYTES
    started = time.perf_counter()
    result = CliRunner(env={"GITHUB_ACTIONS": None}).invoke(
        cli, ["validate", "--data", str(data), "--today", TODAY]
    )
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        # 50 000 000 − 39 = 49 999 961 bytes → 1 562 498 rows of 32 bytes = 49 999 936 bytes,
        # plus the 39-byte header: 49 999 975 bytes, shown rounded as 50 Mo.
        f"{data.as_posix()}/usage.csv: fichier trop volumineux (50 Mo, 40 Mo au plus) : "
        "ce n'est sans doute pas le bon fichier ; gardez-y une ligne par mesure",
        SUMMARY.format(1),
    ]
    assert elapsed < 2  # the size is read, not the file


def good(case: str) -> Path:
    return GOOD / case / "data"


def test_every_good_input_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = sorted(p for p in GOOD.iterdir() if p.is_dir())
    assert len(cases) == 6
    for case in cases:
        result = roi(case, monkeypatch, "validate", "--data", "data", "--today", TODAY)
        assert result.exit_code == 0, (case.name, result.stderr)
        assert result.stderr == ""


@pytest.mark.parametrize(
    ("case", "after"),
    [
        # « 1 000,00 € » then « 1 550,00 € »: spaces, decimal comma and € in a French file
        ("revenue-french-amount-with-spaces-and-euro", 1550.0),
        # « 1 000 € » then « 1 550.25 € » in a comma-separated file
        ("revenue-plain-amount-with-space-and-euro", 1550.25),
    ],
)
def test_unambiguous_amounts_are_accepted(case: str, after: float) -> None:
    # One baseline month (2025-12) of 1000 and one month after deployment (2026-02):
    # before = 1000, after = the only month after, delta = after − 1000.
    (revenue,) = value(compute_report(good(case)), "revenue")
    assert revenue["before"] == near(1000.0)
    assert revenue["after"] == near(after)
    assert revenue["delta"] == near(after - 1000.0)


def test_a_header_only_file_is_valid_and_counts_no_row() -> None:
    report = compute_report(good("usage-header-only"))
    assert report["rows"]["usage.csv"] == {"read": 0, "used": 0}
    assert value(report, "time_saved", "hours_per_person_week") is None


def test_a_semicolon_file_whose_header_holds_commas_is_read_as_semicolons() -> None:
    report = compute_report(good("usage-semicolon-header-with-commas"))
    assert report["rows"]["usage.csv"] == {"read": 2, "used": 2}
    # 2026-W04: 4 uses × (45 − 15) min = 120 min = 2 h for Sophie, the only person reporting
    assert value(report, "time_saved", "hours_per_person_week") == near(2.0)


def test_planned_dates_and_the_current_week_are_not_in_the_future() -> None:
    # With today 2026-06-30: 2026-W27 began on Monday 2026-06-29, 2026-06 and 2026-06-30
    # have begun; a cost ending 2027-12, a one-off paid 2026-09 and a training planned on
    # 2026-09-01 are plans, not measurements. Checked by the CLI in the test above; here
    # the rows are all counted.
    report = compute_report(good("dates-up-to-the-build-date"))
    assert report["rows"]["usage.csv"] == {"read": 3, "used": 3}
    assert report["rows"]["costs.csv"] == {"read": 2, "used": 2}
    assert report["rows"]["people.csv"] == {"read": 2, "used": 2}


def test_hidden_files_of_the_inbox_are_not_answers() -> None:
    report = compute_report(good("inbox-hidden-keep-file"))
    assert report["rows"]["usage.csv"] == {"read": 2, "used": 2}
