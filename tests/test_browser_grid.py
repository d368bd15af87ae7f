"""« Saisie de la semaine » in Debian's Chromium (issue 13, section 1): a week of 10 people ×
8 tasks filled by pasting a block copied from Excel and by the keyboard alone, each timed
(written to ``test-artifacts/grid-timings.json``); the file it prepares is accepted by
``roi validate``, merged by ``roi inbox merge`` and counted by the report. On a phone, one
person at a time. The public site names nobody: identifiers are typed."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page

from generator.cli import cli
from generator.input.load import load_dataset
from generator.metrics import report
from generator.website.build import build_site
from tests.browser import ARTIFACTS, ROOT, Watch, assert_clean, demo_data, open_page, screenshot

GRID = "questionnaires/semaine-equipe.html"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 412, "height": 915}
# Wednesday 14 October 2026: the last completed week is 5–11 October (2026-W41), the week
# after the demo's last one.
TODAY = datetime(2026, 10, 14, 9, 30, tzinfo=UTC)
WEEK = "2026-W41"
NEWCOMER = "lucie,Lucie Perrin,Atelier,Assistante,2026-09-01,ai\n"
PEOPLE, TASKS = 10, 8


def uses(person: int, task: int) -> int:
    """The number typed for a person and a task: every cell different, zeros included."""
    return (person * 3 + task * 5) % 7


BLOCK = "\r\n".join(
    "\t".join(str(uses(p, t)) for t in range(TASKS)) for p in range(PEOPLE)
) + "\r\n"  # fmt: skip


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The demo with a tenth trained person of the AI group, as data and as a private site."""
    tmp = tmp_path_factory.mktemp("grid")
    data = demo_data(tmp / "data")
    with (data / "people.csv").open("a", encoding="utf-8") as people:
        people.write(NEWCOMER)
    build_site(data, tmp / "site", ROOT / "mkdocs.yml", public=False)
    yield data, tmp / "site"
    shutil.rmtree(tmp, ignore_errors=True)


def open_grid(page: Page, site: Path) -> None:
    page.clock.set_fixed_time(TODAY)
    page.goto((site / GRID).as_uri(), wait_until="load")
    page.wait_for_selector("form[data-roi-grid] [data-roi-submit]:not([disabled])")


def cell(page: Page, person: int, task: int):
    row = page.locator("[data-roi-grid-row]").nth(person)
    return row.locator("input[data-task]").nth(task)


def prepared_csv(page: Page) -> tuple[str, str]:
    page.locator("[data-roi-submit]").click()
    page.wait_for_selector("[data-roi-result]:not([hidden])")
    return page.locator("[data-roi-csv]").inner_text(), page.locator(
        "[data-roi-filename]"
    ).inner_text()


def expected_rows(
    people: list[str], tasks: list[str], tools: dict[str, str] | None = None
) -> list[dict[str, str]]:
    """The rows of the grid's CSV; each person's tool is the demo's first one (« chatgpt »,
    the grid's default) unless ``tools`` says otherwise."""
    return [
        {"week": WEEK, "person": person, "task": task, "uses": str(uses(p, t)),
         "declared_minutes": "", "tool": (tools or {}).get(person, "chatgpt")}
        for p, person in enumerate(people)
        for t, task in enumerate(tasks)
    ]  # fmt: skip


def grid_ids(page: Page) -> tuple[list[str], list[str]]:
    people = page.locator("[data-roi-grid-row]").evaluate_all(
        "rows => rows.map(r => r.dataset.person)"
    )
    tasks = (
        page.locator("[data-roi-grid-row]")
        .first.locator("input[data-task]")
        .evaluate_all("cells => cells.map(c => c.dataset.task)")
    )
    return people, tasks


def paste(page: Page, text: str) -> None:
    """What Chromium does on Ctrl+V with ``text`` on the clipboard: a paste event."""
    page.evaluate(
        """text => { const data = new DataTransfer(); data.setData('text/plain', text);
             document.activeElement.dispatchEvent(new ClipboardEvent('paste',
               { clipboardData: data, bubbles: true, cancelable: true })); }""",
        text,
    )


def record(name: str, seconds: float) -> None:
    path = ARTIFACTS / "grid-timings.json"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    timings = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    timings[name] = round(seconds, 2)
    path.write_text(json.dumps(timings, indent=2, sort_keys=True) + "\n", "utf-8")


def test_a_week_pasted_from_excel_is_accepted_merged_and_counted(chromium: Browser, company):
    data, site = company
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch, viewport=DESKTOP) as page:
        open_grid(page, site)
        assert page.locator("[data-roi-weeks]").input_value() == WEEK
        assert page.locator("[data-roi-weeks] option:checked").inner_text() == (
            "semaine du 5 au 11 octobre 2026"
        )
        people, tasks = grid_ids(page)
        assert (len(people), len(tasks)) == (PEOPLE, TASKS)
        tools = page.locator("[data-roi-grid-row] select[name=tool]")
        assert tools.evaluate_all("all => all.map(s => s.value)") == ["chatgpt"] * PEOPLE
        assert tools.first.locator("option").all_inner_texts() == [
            "ChatGPT Team", "Microsoft 365 Copilot", "Transcription de réunions",
        ]  # fmt: skip
        tools.nth(1).select_option("copilot")  # a row's tool, chosen by its label's id
        started = time.monotonic()
        cell(page, 0, 0).focus()
        paste(page, BLOCK)
        text, path = prepared_csv(page)
        record("paste_10x8_seconds", time.monotonic() - started)
        totals = page.locator("[data-roi-grid-uses]").all_inner_texts()
        screenshot(page, "saisie-semaine-desktop")
    assert_clean(watch)
    assert totals == [str(sum(uses(p, t) for t in range(TASKS))) for p in range(PEOPLE)]
    assert list(csv.DictReader(io.StringIO(text))) == expected_rows(
        people, tasks, {people[1]: "copilot"}
    )
    assert path.startswith("data/inbox/usage/") and path.endswith(".csv")
    answer = data / path.removeprefix("data/")
    answer.parent.mkdir(parents=True, exist_ok=True)
    answer.write_text(text, "utf-8")
    runner = CliRunner()
    checked = runner.invoke(cli, ["validate", "--data", str(data)])
    assert checked.exit_code == 0, checked.output
    merged = runner.invoke(cli, ["inbox", "merge", "--data", str(data)])
    assert merged.exit_code == 0, merged.output
    week = next(
        w for w in report(load_dataset(data))["metrics"]["time_saved"]["weeks"] if w["week"] == WEEK
    )
    assert week["people"] == PEOPLE


def test_a_week_typed_at_the_keyboard_alone(chromium: Browser, company):
    _, site = company
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch, viewport=DESKTOP) as page:
        open_grid(page, site)
        people, tasks = grid_ids(page)
        started = time.monotonic()
        cell(page, 0, 0).click()
        for p in range(PEOPLE):
            if p:
                page.keyboard.press("Tab")  # past the row's tool, its default kept
            for t in range(TASKS):
                page.keyboard.type(str(uses(p, t)))
                page.keyboard.press("Tab")
        text, _ = prepared_csv(page)
        record("keyboard_10x8_seconds", time.monotonic() - started)
        cell(page, 0, 0).focus()
        page.keyboard.press("Enter")  # down, as in a spreadsheet
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowUp")
        page.keyboard.type("6")
        focused = page.evaluate("document.activeElement.id")
    assert_clean(watch)
    assert list(csv.DictReader(io.StringIO(text))) == expected_rows(people, tasks)
    assert focused == cell_id(0, 2)


def cell_id(person: int, task: int) -> str:
    return f"roi-grid-usage-row-{person + 1}-{task + 1}"


def test_blank_cells_are_zero_blank_rows_are_no_answer_and_bad_cells_are_named(
    chromium: Browser, company
):
    _, site = company
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch, viewport=DESKTOP) as page:
        open_grid(page, site)
        people, tasks = grid_ids(page)
        cell(page, 1, 2).fill("3")
        cell(page, 2, 0).fill("deux")
        page.locator("[data-roi-submit]").click()
        error = page.locator(f"#{cell_id(2, 0)}-error").inner_text()
        cell(page, 2, 0).fill("")
        cell(page, 2, 1).fill("0")
        text, _ = prepared_csv(page)
    assert_clean(watch)
    assert "deux" in error and "nombre entier" in error
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["person"] for r in rows} == {people[1], people[2]}  # the others did not answer
    assert [r["uses"] for r in rows if r["person"] == people[1]] == [
        "3" if task == tasks[2] else "0" for task in tasks
    ]
    assert {r["uses"] for r in rows if r["person"] == people[2]} == {"0"}


def test_on_a_phone_one_person_at_a_time(chromium: Browser, company):
    _, site = company
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch, viewport=PHONE) as page:
        open_grid(page, site)
        rows = page.locator("[data-roi-grid-row]")
        visible = [rows.nth(i).is_visible() for i in range(PEOPLE)]
        position = page.locator("[data-roi-grid-position]").inner_text()
        screenshot(page, "saisie-semaine-phone")
        page.locator("[data-roi-grid-next]").click()
        after = [rows.nth(i).is_visible() for i in range(PEOPLE)]
        cell(page, 1, TASKS - 1).focus()
        page.keyboard.press("Enter")  # the last task of a person: on to the next person
        moved = page.evaluate("document.activeElement.id")
        width = page.evaluate("document.documentElement.scrollWidth")
    assert_clean(watch)
    assert visible == [True] + [False] * (PEOPLE - 1)
    assert position == f"Personne 1 sur {PEOPLE}"
    assert after == [False, True] + [False] * (PEOPLE - 2)
    assert moved == cell_id(2, 0)
    assert width <= PHONE["width"]


def test_the_public_grid_names_nobody(site: Path):
    page = (site / GRID).read_text("utf-8")
    people = load_dataset(ROOT / "data").frames["people"]
    trained = people[(people["group"] == "ai") & people["trained_on"].notna()]
    assert page.count('class="roi-grid-person"') == len(trained) == 9
    assert [name for name in people["name"].dropna() if name in page] == []
