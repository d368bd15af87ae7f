"""The optional ``tool`` column where people enter data (issue 14, §1): the usage key includes
it, the inbox's « newest wins » and ``roi inbox merge`` follow it, an undeclared tool is
refused with its file and line, a blank tool is allowed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import cli
from generator.website.build import compute_report
from tests.fixture_company import write_company

TASKS = [{"task": "cr", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15}]
PEOPLE = [{"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05"}]
TOOLS = [
    {"tool": "chatgpt", "label": "ChatGPT Team"},
    {"tool": "copilot", "label": "Microsoft 365 Copilot"},
]
# One use of « cr » saves 60 − 15 = 45 minutes.
TWO_TOOLS = [
    {"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 2, "tool": "chatgpt"},
    {"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 3, "tool": "copilot"},
]


def company(tmp_path: Path, usage: list[dict], tools: list[dict] | None = TOOLS) -> Path:
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, "usage.csv": usage}
    return write_company(tmp_path / "data", {**files, **({"tools.csv": tools} if tools else {})})


def answer(data: Path, name: str, text: str) -> Path:
    path = data / "inbox" / "usage" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": None, "GITHUB_ACTIONS": None})
    return runner.invoke(cli, [*args, "--today", "2026-06-30"])


def week_hours(data: Path, week: str) -> float:
    weeks = {w["week"]: w for w in compute_report(data)["metrics"]["time_saved"]["weeks"]}
    return float(weeks[week]["hours"])


def test_two_rows_differing_only_by_tool_are_both_kept_and_counted(tmp_path):
    data = company(tmp_path, TWO_TOOLS)
    report = compute_report(data)
    assert report["rows"]["usage.csv"] == {"read": 2, "used": 2}
    assert report["replaced"] == []
    assert week_hours(data, "2026-W03") == (2 + 3) * 45 / 60  # 3.75 h


def test_an_answer_replaces_the_row_of_its_own_tool_only(tmp_path):
    data = company(tmp_path, TWO_TOOLS)
    answer(
        data,
        "20260120-080000-sophie-a1b2.csv",
        "week,person,task,uses,declared_minutes,tool\n2026-W03,sophie,cr,4,,chatgpt\n",
    )
    report = compute_report(data)
    assert report["replaced"] == ["usage.csv:2"]  # chatgpt's 2, not copilot's 3
    assert week_hours(data, "2026-W03") == (4 + 3) * 45 / 60


def test_a_blank_tool_is_a_key_of_its_own(tmp_path):
    """A row without a tool (« outil non précisé ») and one with a tool are two rows; an answer
    without a tool replaces only the row without a tool."""
    usage = [{**TWO_TOOLS[0], "tool": None}, TWO_TOOLS[1]]
    data = company(tmp_path, usage)
    assert run("validate", "--data", str(data)).exit_code == 0
    assert week_hours(data, "2026-W03") == (2 + 3) * 45 / 60
    assert "blank_tool_beside_tool" in codes(compute_report(data))  # flagged, still counted
    answer(
        data,
        "20260120-080000-sophie-a1b2.csv",
        "week,person,task,uses,declared_minutes,tool\n2026-W03,sophie,cr,6,,\n",
    )
    report = compute_report(data)
    assert report["replaced"] == ["usage.csv:2"]
    assert week_hours(data, "2026-W03") == (6 + 3) * 45 / 60


def codes(report: dict) -> dict[str, str]:
    return {w["code"]: w["message"] for w in report["warnings"]}


def test_a_blank_tool_beside_the_same_row_with_a_tool_is_flagged(tmp_path):
    """Both rows count (nothing is guessed), and the warning says which lines, so that a
    manager deletes the row an answer with its tool corrected."""
    usage = [TWO_TOOLS[0], {**TWO_TOOLS[0], "uses": 5, "tool": None}]
    data = company(tmp_path, usage)
    answer(
        data,
        "20260120-080000-sophie-a1b2.csv",
        "week,person,task,uses,tool\n2026-W04,sophie,cr,1,copilot\n2026-W04,sophie,cr,1,\n",
    )
    validate = run("validate", "--data", str(data))
    assert validate.exit_code == 0, validate.output
    assert week_hours(data, "2026-W03") == (2 + 5) * 45 / 60
    lines = "usage.csv:3, inbox/usage/20260120-080000-sophie-a1b2.csv:3"
    message = codes(compute_report(data))["blank_tool_beside_tool"]
    assert message.startswith("2 ligne(s) de usage.csv sans outil ont la même semaine, ")
    assert f"({lines}) : les deux sont comptées." in message
    public = codes(compute_report(data, public=True))["blank_tool_beside_tool"]
    assert "sophie" not in public and public.startswith("2 ligne(s) de usage.csv sans outil")


def test_merge_adds_the_tool_column_to_a_file_without_it(tmp_path):
    """The main file was written before tools: its rows keep every cell's text and get a blank
    tool; the answer's rows carry theirs; the same week, person and task with a tool is another
    row, not a replacement."""
    data = company(tmp_path, [])
    (data / "usage.csv").write_text(
        "week,person,task,uses,declared_minutes\n"
        "2026-W03,sophie,cr,2,12.50\n"
        "2026-W04,sophie,cr,1,\n",
        encoding="utf-8",
    )
    sent = answer(
        data,
        "20260121-090000-sophie-c3d4.csv",
        "week,person,task,uses,declared_minutes,tool\n"
        "2026-W03,sophie,cr,4,7.250,copilot\n"
        "2026-W05,sophie,cr,0,,chatgpt\n",
    )
    result = run("inbox", "merge", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert result.output == "usage.csv : 1 réponse(s) intégrée(s), 4 ligne(s) au total.\n"
    assert not sent.exists()
    assert (data / "usage.csv").read_text("utf-8") == (
        "week,person,task,uses,declared_minutes,tool\n"
        "2026-W03,sophie,cr,2,12.50,\n"
        "2026-W04,sophie,cr,1,,\n"
        "2026-W03,sophie,cr,4,7.250,copilot\n"
        "2026-W05,sophie,cr,0,,chatgpt\n"
    )
    assert run("validate", "--data", str(data)).exit_code == 0
    assert week_hours(data, "2026-W03") == (2 + 4) * 45 / 60


def test_merge_keeps_a_french_file_french_with_its_tool_column(tmp_path):
    data = company(tmp_path, [])
    (data / "usage.csv").write_bytes(
        "\ufeffsemaine;personne;tâche;utilisations;outil\r\n"
        "2026-W03;sophie;cr;2;chatgpt\r\n".encode()
    )
    answer(
        data,
        "20260121-090000-sophie-c3d4.csv",
        "week,person,task,uses,declared_minutes,tool\n"
        "2026-W03,sophie,cr,5,,chatgpt\n"
        "2026-W03,sophie,cr,1,2.5,copilot\n",
    )
    result = run("inbox", "merge", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert (data / "usage.csv").read_bytes() == (
        "\ufeffsemaine;personne;tâche;utilisations;outil;minutes_déclarées\r\n"
        "2026-W03;sophie;cr;5;chatgpt;\r\n"
        "2026-W03;sophie;cr;1;copilot;2,5\r\n".encode()
    )


def test_an_undeclared_tool_is_refused_with_its_file_and_line(tmp_path):
    usage = [TWO_TOOLS[0], {**TWO_TOOLS[1], "tool": "copilote"}]
    data = company(tmp_path, usage)
    late = answer(
        data,
        "20260121-090000-sophie-c3d4.csv",
        "week,person,task,uses,tool\n2026-W04,sophie,cr,1,claude\n",
    )
    result = run("validate", "--data", str(data))
    assert result.exit_code == 1
    assert (
        "usage.csv:3: tool: « copilote » n'est pas déclaré dans tools.csv : "
        "vouliez-vous dire « copilot » ?"
    ) in result.stderr
    assert (
        f"{late.relative_to(data).as_posix()}:2: tool: « claude » n'est pas déclaré dans tools.csv"
    ) in result.stderr


def test_a_tool_without_tools_csv_says_to_create_it(tmp_path):
    data = company(tmp_path, [TWO_TOOLS[0]], tools=None)
    (data / "costs.csv").write_text(
        "category,label,amount,kind,start,tool\nlicence,Licences,60,monthly,2026-01,chatgpt\n",
        encoding="utf-8",
    )
    result = run("validate", "--data", str(data))
    assert result.exit_code == 1
    absent = (
        "tool: « chatgpt » n'est pas déclaré dans tools.csv, qui n'existe pas : créez "
        "tools.csv avec une ligne par outil (voir la page « Vos données »), ou laissez la case vide"
    )
    assert f"usage.csv:2: {absent}" in result.stderr
    assert f"costs.csv:2: {absent}" in result.stderr


def test_a_repeated_tool_row_is_refused_on_its_tool(tmp_path):
    data = company(tmp_path, [*TWO_TOOLS, {**TWO_TOOLS[1], "uses": 9}])
    result = run("validate", "--data", str(data))
    assert result.exit_code == 1
    assert "usage.csv:4: tool: " in result.stderr


# --- roi init: tools.csv and the tool column in the templates --------------------------------


def append(path: Path, sep: str, *rows: tuple[str, ...]) -> None:
    """Add ``rows`` to a CSV file written by ``roi init`` (its header kept as written)."""
    lines = "".join(sep.join(row) + "\n" for row in rows)
    path.write_text(path.read_text("utf-8") + lines, encoding="utf-8")


def test_init_writes_tools_csv_and_a_company_with_tools_validates(tmp_path, monkeypatch):
    """Both header styles: tools.csv and the tool column are in the templates, and once filled
    with two tools (a tool per usage row, one blank, a shared cost) the data validates."""
    monkeypatch.chdir(tmp_path)
    for french, sep, bom in ((False, ",", ""), (True, ";", "\ufeff")):
        folder = f"co-{french}"
        args = ["init", folder, *(["--french-headers"] if french else [])]
        assert CliRunner().invoke(cli, args).exit_code == 0
        data = tmp_path / folder / "data"
        tool, label = ("outil", "libellé") if french else ("tool", "label")
        assert (data / "tools.csv").read_text("utf-8") == f"{bom}{tool}{sep}{label}\n"
        for name in ("usage.csv", "costs.csv", "timings.csv"):
            assert (data / name).read_text("utf-8").rstrip("\n").split(sep)[-1] == tool, name
        append(data / "people.csv", sep, ("sophie", "Sophie", "", "", "2026-01-05", ""))
        append(data / "tasks.csv", sep, ("cr", "Comptes-rendus", "45", "15"))
        append(data / "tools.csv", sep, ("chatgpt", "ChatGPT"), ("copilot", ""))
        append(
            data / "usage.csv",
            sep,
            ("2026-W03", "sophie", "cr", "2", "", "chatgpt"),
            ("2026-W03", "sophie", "cr", "1", "", "copilot"),
            ("2026-W04", "sophie", "cr", "1", "", ""),
        )
        append(
            data / "costs.csv",
            sep,
            ("licence", "ChatGPT", "60", "monthly", "2026-01", "", "", "chatgpt"),
            ("formation", "Formation", "500", "one_off", "2026-01", "", "", ""),  # shared
        )
        result = run("validate", "--data", str(data))
        assert result.exit_code == 0, result.output
        # 1 person, 1 task, 2 tools, 3 usage rows, 2 costs
        assert result.output.splitlines()[-1].endswith(" 9 ligne(s).")
    readme = (tmp_path / "co-False" / "README.md").read_text("utf-8")
    assert "`data/tools.csv`" in readme


def test_a_tool_on_a_measurement_without_ai_is_refused(tmp_path):
    """In the main file and in an answer: a tool says which AI did the task."""
    data = company(tmp_path, TWO_TOOLS)
    (data / "timings.csv").write_text(
        "date,person,task,minutes,with_ai,tool\n"
        "2026-01-12,sophie,cr,40,no,\n"
        "2026-01-13,sophie,cr,12,yes,chatgpt\n"
        "2026-01-14,sophie,cr,50,no,copilot\n",
        encoding="utf-8",
    )
    sent = data / "inbox" / "timings" / "20260120-080000-sophie-a1b2.csv"
    sent.parent.mkdir(parents=True)
    sent.write_text("date,person,task,minutes,with_ai,tool\n2026-01-15,sophie,cr,45,no,chatgpt\n")
    result = run("validate", "--data", str(data))
    assert result.exit_code == 1
    message = (
        "tool: un outil n'est indiqué que pour une mesure avec IA : videz la case, ou mettez "
        "yes dans with_ai si la tâche a été faite avec cet outil"
    )
    assert f"timings.csv:4: {message}" in result.stderr
    assert f"{sent.relative_to(data).as_posix()}:2: {message}" in result.stderr
    assert "timings.csv:3:" not in result.stderr and "timings.csv:2:" not in result.stderr
