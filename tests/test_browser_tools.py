"""The tool column in the forms, in Chromium, for the companies the demo is not: with one tool
its id is written without asking (the stopwatch: only with AI), with none the answers have no
tool column, exactly as before tools existed. (A company with several tools, the demo, is in
test_browser_forms.py and test_browser_grid.py.) Each answer passes ``roi validate``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page

from generator.cli import cli
from generator.website.build import build_site
from tests.browser import ROOT, Watch, assert_clean, open_page
from tests.fixture_company import write_company

TODAY = datetime(2026, 2, 11, 9, 30, tzinfo=UTC)  # the last complete week: 2026-W06
PEOPLE = [{"person": "sophie", "name": "Sophie", "trained_on": "2026-01-05", "group": "ai"}]
TASKS = [{"task": "cr", "label": "Comptes-rendus", "minutes_before": 45, "minutes_after": 15}]


@pytest.fixture(scope="module", params=[0, 1], ids=["no-tool", "one-tool"])
def company(request, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path, Path]]:
    tmp = tmp_path_factory.mktemp("tools")
    tools = [{"tool": "chatgpt", "label": "ChatGPT Team"}][: request.param]
    files = {"people.csv": PEOPLE, "tasks.csv": TASKS, **({"tools.csv": tools} if tools else {})}
    data = write_company(tmp / "data", files)
    build_site(data, tmp / "site", ROOT / "mkdocs.yml", public=False)
    yield request.param, data, tmp / "site"
    shutil.rmtree(tmp, ignore_errors=True)


def prepared(page: Page, site: Path, slug: str, fill) -> str:
    page.clock.set_fixed_time(TODAY)
    page.goto((site / f"questionnaires/{slug}.html").as_uri(), wait_until="load")
    page.locator("[data-roi-submit]:enabled").wait_for()
    assert page.locator("select[name=tool]").count() == 0  # nothing to choose
    page.locator("select[name=person]").select_option("sophie")
    fill(page)
    page.locator("[data-roi-submit]").click()
    page.locator("[data-roi-result]").wait_for(state="visible")
    return page.locator("[data-roi-csv]").text_content() or ""


def accepted(data: Path, folder: str, name: str, csv: str) -> None:
    path = data / "inbox" / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(csv, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", "2026-02-11"])
    assert result.exit_code == 0, result.output


def test_the_weekly_form_writes_a_lone_tool_and_no_column_without_tools(chromium: Browser, company):
    count, data, site = company
    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch) as page:
        csv = prepared(page, site, "hebdomadaire", lambda p: p.fill("#roi-form-usage-cr-uses", "3"))
    assert_clean(watch)
    assert csv == (
        "week,person,task,uses,declared_minutes,tool\n2026-W06,sophie,cr,3,,chatgpt\n"
        if count
        else "week,person,task,uses,declared_minutes\n2026-W06,sophie,cr,3,\n"
    )
    accepted(data, "usage", "20260211-093000-sophie-ab12.csv", csv)


@pytest.mark.parametrize("with_ai", ["yes", "no"])
def test_the_stopwatch_writes_a_lone_tool_only_with_ai(chromium: Browser, company, with_ai):
    count, data, site = company
    field = "#roi-form-timings-{}".format

    def fill(page: Page) -> None:
        page.fill(field("date"), "2026-02-10")
        page.select_option(field("task"), "cr")
        page.check(field(f"with_ai-{with_ai}"))
        page.fill(field("minutes"), "12")

    watch = Watch(folder=site.as_uri() + "/")
    with open_page(chromium, watch) as page:
        csv = prepared(page, site, "chronometre", fill)
    assert_clean(watch)
    tool = ",chatgpt" if count and with_ai == "yes" else ("," if count else "")
    header = "date,person,task,minutes,with_ai" + (",tool" if count else "")
    assert csv == f"{header}\n2026-02-10,sophie,cr,12,{with_ai}{tool}\n"
    accepted(data, "timings", f"20260211-09300{count}-sophie-{with_ai[:2]}12.csv", csv)
