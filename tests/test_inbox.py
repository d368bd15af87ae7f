"""Survey answers in ``data/inbox/``: newest wins, ``roi inbox merge``, the PR job summary."""

from __future__ import annotations

import time
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import cli
from generator.commands.summary import changes_markdown, problems_markdown
from generator.core.errors import Problem
from generator.website.build import compute_report
from tests.fixture_company import write_company

TASKS = [
    {"task": "cr", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15},
    {"task": "mail", "label": "Emails", "minutes_before": 10, "minutes_after": 3},
]
PEOPLE = [
    {"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05"},
    {"person": "marc", "name": "Marc", "trained_on": "2026-01-05"},
]
USAGE = [
    {"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 2},
    {"week": "2026-W03", "person": "marc", "task": "mail", "uses": 5, "declared_minutes": 40},
]


def company(tmp_path: Path) -> Path:
    return write_company(
        tmp_path / "data", {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": USAGE}
    )


def answer(data: Path, name: str, text: str) -> Path:
    path = data / "inbox" / "usage" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("week,person,task,uses,declared_minutes\n" + text, encoding="utf-8")
    return path


def test_the_newest_answer_wins_and_the_replaced_rows_are_listed(tmp_path):
    data = company(tmp_path)
    answer(data, "20260120-080000-sophie-a1b2.csv", "2026-W03,sophie,cr,4,\n")
    answer(
        data, "20260121-090000-sophie-c3d4.csv", "2026-W03,sophie,cr,6,\n2026-W04,sophie,cr,1,\n"
    )
    report = compute_report(data)
    # sophie W03 cr: 2 (main) → 4 (first answer) → 6 (newest): only 6 counts.
    sophie = next(p for p in report["metrics"]["adoption"]["people"] if p["person"] == "sophie")
    assert report["as_of"]["week"] == "2026-W04" and sophie["uses"] == 1
    weeks = {w["week"]: w for w in report["metrics"]["time_saved"]["weeks"]}
    # W03: sophie 6 × 45 min = 4.5 h, marc 5 × 7 min = 35 min → 5.0833 h for 2 people.
    assert abs(weeks["2026-W03"]["hours"] - (4.5 + 35 / 60)) < 1e-9
    assert report["rows"]["usage.csv"] == {"read": 5, "used": 3}
    assert report["replaced"] == [
        "usage.csv:2",
        "inbox/usage/20260120-080000-sophie-a1b2.csv:2",
    ]


def test_merge_folds_the_inbox_into_the_file_in_place_and_empties_it(tmp_path):
    data = company(tmp_path)
    first = answer(data, "20260120-080000-sophie-a1b2.csv", "2026-W03,sophie,cr,4,\n")
    second = answer(data, "20260121-090000-marc-c3d4.csv", "2026-W02,marc,cr,3,12.5\n")
    before = compute_report(data)["metrics"]
    result = CliRunner().invoke(cli, ["inbox", "merge", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Ligne remplacée par une réponse plus récente : usage.csv:2\n"
        "usage.csv : 2 réponse(s) intégrée(s), 3 ligne(s) au total.\n"
    )
    assert not first.exists() and not second.exists()
    # The replaced row where it stood, the new one appended: no other line moves.
    assert (data / "usage.csv").read_text("utf-8") == (
        "week,person,task,uses,declared_minutes\n"
        "2026-W03,sophie,cr,4,\n"
        "2026-W03,marc,mail,5,40\n"
        "2026-W02,marc,cr,3,12.5\n"
    )
    assert compute_report(data)["metrics"] == before


def test_merge_refuses_invalid_data_and_changes_nothing(tmp_path):
    data = company(tmp_path)
    bad = answer(data, "20260120-080000-sophie-a1b2.csv", "2026-W03,sophie,cr,-1,\n")
    original = (data / "usage.csv").read_bytes()
    result = CliRunner().invoke(cli, ["inbox", "merge", "--data", str(data)])
    assert result.exit_code == 1
    assert (
        f"{data.as_posix()}/inbox/usage/20260120-080000-sophie-a1b2.csv:2: uses:" in result.stderr
    )
    assert bad.exists() and (data / "usage.csv").read_bytes() == original


def test_merge_with_an_empty_inbox_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["inbox", "merge", "--data", str(company(tmp_path))])
    assert result.exit_code == 0 and "la boîte de réception est vide" in result.output


def test_job_summary_lists_what_a_pull_request_adds(tmp_path, monkeypatch):
    data = company(tmp_path)
    monkeypatch.chdir(tmp_path)
    answer(data, "20260121-090000-marc-c3d4.csv", "2026-W04,marc,cr,3,\n2026-W04,marc,mail,0,\n")
    listing = tmp_path / "changed.txt"
    listing.write_text(
        "data/inbox/usage/20260121-090000-marc-c3d4.csv\nREADME.md\n", encoding="utf-8"
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(cli, ["validate", "--data", "data", "--changed-list", str(listing)])
    assert result.exit_code == 0, result.output
    text = summary.read_text("utf-8")
    row = "| inbox/usage/20260121\\-090000\\-marc\\-c3d4\\.csv | 2 | 1 |"
    assert f"{row} semaine du 19 au 25 janvier 2026 |" in text  # 2026-W04, in words
    assert "Les données sont valides" in text


def test_job_summary_reads_french_headers(tmp_path, monkeypatch):
    data = company(tmp_path)
    monkeypatch.chdir(tmp_path)
    (data / "usage.csv").write_text(
        "Semaine;Personne;Tâche;utilisations\n2026-W03;sophie;cr;2\n2026-W04;marc;cr;1\n", "utf-8"
    )
    listing = tmp_path / "changed.txt"
    listing.write_text("data/usage.csv\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(cli, ["validate", "--data", "data", "--changed-list", str(listing)])
    assert result.exit_code == 0, result.output
    expected = "| usage\\.csv | 2 | 2 | 2 semaines, du 12 au 25 janvier 2026 |"
    assert expected in summary.read_text("utf-8")


def test_job_summary_lists_every_problem_not_only_ten(tmp_path, monkeypatch):
    data = company(tmp_path)
    monkeypatch.chdir(tmp_path)
    rows = "".join(f"2026-W{w:02d},sophie,cr,-{w},\n" for w in range(5, 20))
    answer(data, "20260121-090000-sophie-c3d4.csv", rows)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(cli, ["validate", "--data", "data"])
    assert result.exit_code == 1
    text = summary.read_text("utf-8")
    assert "**15 problème(s)**" in text
    assert text.count("| data/inbox/usage/20260121\\-090000\\-sophie\\-c3d4\\.csv |") == 15


def test_summary_text_from_data_cannot_inject_markdown():
    problem = Problem("usage.csv", 3, "person", "« [x](javascript:alert(1)) | <b> »")
    table = problems_markdown([problem])
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\) \\| &lt;b&gt;" in table


def test_changes_outside_the_data_folder_are_ignored(tmp_path):
    data = company(tmp_path)
    outside = tmp_path / "other.csv"
    outside.write_text("a,b\n1,2\n", encoding="utf-8")
    assert changes_markdown(data, [str(outside)]) == "Aucun fichier de données modifié.\n"


def merge(data: Path, *args: str) -> Result:
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": None, "GITHUB_ACTIONS": None})
    return runner.invoke(cli, ["inbox", "merge", "--data", str(data), *args])


def test_merge_refuses_what_validate_refuses_a_week_after_the_build_date(tmp_path):
    data = company(tmp_path)
    late = answer(data, "20260120-080000-sophie-a1b2.csv", "2062-W03,sophie,cr,4,\n")
    original = (data / "usage.csv").read_bytes()
    validate = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", "2026-06-30"])
    for result in (validate, merge(data, "--today", "2026-06-30"), merge(data)):
        assert result.exit_code == 1
        assert f"{late.as_posix()}:2: week: " in result.stderr
    assert late.exists() and (data / "usage.csv").read_bytes() == original


def test_merge_refuses_a_hand_named_answer_and_changes_nothing(tmp_path):
    data = company(tmp_path)
    newer = answer(data, "20260121-090000-sophie-c3d4.csv", "2026-W03,sophie,cr,6,\n")
    hand = answer(data, "reponse-sophie.csv", "2026-W03,sophie,cr,9,\n")
    original = (data / "usage.csv").read_bytes()
    result = merge(data)
    assert result.exit_code == 1
    assert f"{hand.as_posix()}: nom de réponse non reconnu" in result.stderr
    assert newer.exists() and hand.exists() and (data / "usage.csv").read_bytes() == original


def test_merge_keeps_every_column_and_the_text_of_every_cell(tmp_path):
    data = company(tmp_path)
    (data / "usage.csv").write_text(
        "week,person,task,uses,declared_minutes,remarque\n"
        "2026-W03,sophie,cr,2,12.50,première semaine\n"
        "2026-W03,marc,mail,5,40.0,\n",
        encoding="utf-8",
    )
    (data / "inbox" / "usage").mkdir(parents=True)
    (data / "inbox" / "usage" / "20260121-090000-marc-c3d4.csv").write_text(
        "week,person,task,uses,declared_minutes,humeur\n"
        "2026-W03,marc,mail,6,40.00,bien\n"
        "2026-W04,sophie,cr,1,7.250,\n",
        encoding="utf-8",
    )
    result = merge(data)
    assert result.exit_code == 0, result.output
    assert (data / "usage.csv").read_text("utf-8") == (
        "week,person,task,uses,declared_minutes,remarque,humeur\n"
        "2026-W03,sophie,cr,2,12.50,première semaine,\n"
        "2026-W03,marc,mail,6,40.00,,bien\n"
        "2026-W04,sophie,cr,1,7.250,,\n"
    )


def test_merge_keeps_a_french_excel_file_french(tmp_path):
    # Semicolons, decimal commas, a BOM and CRLF line ends: the answer's plain 7.25 is
    # written 7,25, the file's own cells are left as they were.
    data = company(tmp_path)
    (data / "usage.csv").write_bytes(
        b"\xef\xbb\xbfweek;person;task;uses;declared_minutes\r\n2026-W03;sophie;cr;2;12,50\r\n"
    )
    answer(data, "20260121-090000-sophie-c3d4.csv", "2026-W04,sophie,cr,1,7.25\n")
    result = merge(data)
    assert result.exit_code == 0, result.output
    assert (data / "usage.csv").read_bytes() == (
        b"\xef\xbb\xbfweek;person;task;uses;declared_minutes\r\n"
        b"2026-W03;sophie;cr;2;12,50\r\n"
        b"2026-W04;sophie;cr;1;7,25\r\n"
    )


def test_merge_keeps_french_headers_as_the_file_writes_them(tmp_path):
    # The answers carry the contract's names (week, person…): their cells go under the
    # file's own French headers, case and accents kept; a column only the answers have is
    # appended under its French name.
    data = company(tmp_path)
    (data / "usage.csv").write_bytes(
        "\ufeffSemaine;Personne;Tâche;utilisations;remarque\r\n"
        "2026-W03;sophie;cr;2;première\r\n".encode()
    )
    answer(data, "20260121-090000-sophie-c3d4.csv", "2026-W04,sophie,cr,1,7.25\n")
    result = merge(data)
    assert result.exit_code == 0, result.output
    assert (data / "usage.csv").read_bytes() == (
        "\ufeffSemaine;Personne;Tâche;utilisations;remarque;minutes_déclarées\r\n"
        "2026-W03;sophie;cr;2;première;\r\n"
        "2026-W04;sophie;cr;1;;7,25\r\n".encode()
    )
    validate = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", "2026-06-30"])
    assert validate.exit_code == 0, validate.output


def test_merge_keeps_the_case_of_contract_headers(tmp_path):
    data = company(tmp_path)
    (data / "usage.csv").write_text("Week,Person,Task,Uses\n2026-W03,sophie,cr,2\n", "utf-8")
    answer(data, "20260121-090000-sophie-c3d4.csv", "2026-W04,sophie,cr,1,\n")
    assert merge(data).exit_code == 0
    assert (data / "usage.csv").read_text("utf-8") == (
        "Week,Person,Task,Uses,declared_minutes\n2026-W03,sophie,cr,2,\n2026-W04,sophie,cr,1,\n"
    )


def test_merge_reports_every_replaced_answer(tmp_path):
    data = company(tmp_path)
    answer(data, "20260121-090000-sophie-c3d4.csv", "2026-W04,sophie,cr,1,\n")
    answer(data, "20260122-090000-sophie-e5f6.csv", "2026-W04,sophie,cr,2,\n")
    result = merge(data)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Ligne remplacée par une réponse plus récente : "
        "inbox/usage/20260121-090000-sophie-c3d4.csv:2"
    )
    assert (data / "usage.csv").read_text("utf-8").endswith("2026-W04,sophie,cr,2,\n")


def test_three_thousand_answers_are_validated_and_merged_in_seconds(tmp_path):
    # One file per answer, as the forms write them: before, each was read and checked on its
    # own (about 2 minutes to validate 3 000, 3 to merge); now they are checked as one batch.
    data = company(tmp_path)
    folder = data / "inbox" / "usage"
    folder.mkdir(parents=True)
    for i in range(3000):
        week, person = 1 + i % 20, ("sophie", "marc")[i % 2]
        name = f"20260201-{i // 3600:02d}{i // 60 % 60:02d}{i % 60:02d}-{person}-{i:04x}.csv"
        (folder / name).write_text(
            f"week,person,task,uses\n2026-W{week:02d},{person},cr,{i % 7}\n", encoding="utf-8"
        )
    started = time.perf_counter()
    validate = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", "2026-06-30"])
    validated = time.perf_counter() - started
    assert validate.exit_code == 0, validate.output
    assert "3006 ligne(s)" in validate.output  # and 2 people, 2 tasks, 2 main usage rows
    started = time.perf_counter()
    result = merge(data, "--today", "2026-06-30")
    merged = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    # Sophie answers the odd weeks 1…19, Marc the even weeks 2…20, both for « cr »: 20 keys
    # from 3 000 answers (2 980 replaced), plus the main file's 2 rows of week 3, Sophie's
    # replaced by her answers, Marc's « mail » kept: 21 rows, 2 981 replaced.
    assert result.output.endswith(
        "usage.csv : 3000 réponse(s) intégrée(s), 21 ligne(s) au total.\n"
    )
    assert result.output.count("Ligne remplacée") == 2981
    assert not any(folder.iterdir())
    assert validated < 10 and merged < 10, (validated, merged)


def test_merge_keeps_the_rows_no_figure_uses(tmp_path):
    # A row dated before the person's training counts in no figure (issue 10, section 1), but
    # it is the user's: merging an answer must write it back, not drop it.
    people = [{**PEOPLE[0], "trained_on": "2026-02-02"}, *PEOPLE[1:]]
    data = write_company(
        tmp_path / "data", {"people.csv": people, "tasks.csv": TASKS, "usage.csv": USAGE}
    )
    original = (data / "usage.csv").read_text("utf-8")
    answer(data, "20260301-080000-sophie-a1b2.csv", "2026-W10,sophie,cr,4,\n")
    result = merge(data, "--today", "2026-06-30")
    assert result.exit_code == 0, result.output
    merged = (data / "usage.csv").read_text("utf-8")
    assert merged == original + "2026-W10,sophie,cr,4,\n"
