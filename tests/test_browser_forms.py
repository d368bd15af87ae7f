"""The survey forms in a real browser (Debian's Chromium through Playwright, the demo site on
127.0.0.1): a wrong answer is refused with the loader's French message next to its field and
no CSV; a right one gives the CSV and a GitHub link carrying exactly that CSV, which
``roi validate`` accepts and the metrics take in. Crafted values are refused by the form and by
``roi validate``. The GitHub link is read, never opened: no request leaves 127.0.0.1."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from generator.core.format import week_label
from generator.core.i18n import text
from generator.pages.forms import WEEKS_SHOWN
from generator.website.build import compute_report
from tests.browser import (  # fixtures site_url, chromium: conftest.py
    FORMS_SETTINGS,
    PHONE,
    ROOT,
    SCREENSHOTS,
    Watch,
    assert_clean,
    menu_link,
    open_page,
)

HOSTILE = ('=HYPERLINK("http://x","y")', "<img src=x onerror=alert(1)>")
WEEK = "2026-W41"  # the demo's last week is 2026-W40: this answer becomes the latest week
PARIS = "Europe/Paris"
MONTH = "2026-10"  # the demo's last month is 2026-09


def open_form(page: Page, site_url: str, slug: str) -> None:
    page.goto(f"{site_url}questionnaires/{slug}.html", wait_until="load")
    page.locator("[data-roi-submit]:enabled").wait_for()  # the script has started


def submit(page: Page) -> None:
    page.locator("[data-roi-submit]").click()


def refused(page: Page) -> dict[str, str]:
    """The problems shown, by field id, once the form refused an answer: no CSV, each visible
    field marked aria-invalid and described by its message."""
    page.locator("[data-roi-summary]").wait_for(state="visible")
    assert page.locator("[data-roi-result]").is_hidden()
    assert (page.locator("[data-roi-csv]").text_content() or "") == ""
    shown = page.locator(".roi-form-error:visible").evaluate_all(
        """boxes => boxes.map(box => {
             const id = box.id.replace(/-error$/, '');
             const field = document.getElementById(id);
             const marked = !field.matches('input:not([type=hidden]), select') || (
               field.getAttribute('aria-invalid') === 'true' &&
               field.getAttribute('aria-describedby').split(' ').includes(box.id));
             return [id, box.textContent, marked];
           })"""
    )
    assert [field for field, _, marked in shown if not marked] == []
    return {field: message for field, message, _ in shown}


def answer(page: Page) -> tuple[str, str]:
    """The CSV the form shows and its GitHub link (read, never followed)."""
    page.locator("[data-roi-result]").wait_for(state="visible")
    assert page.locator("[data-roi-summary]").is_hidden()
    csv = page.locator("[data-roi-csv]").text_content() or ""
    return csv, page.locator("[data-roi-github]").get_attribute("href") or ""


def sent_file(href: str, csv: str, file: str, person: str) -> str:
    """Check the GitHub link against the CSV shown; return the inbox path it proposes."""
    url = urlsplit(href)
    assert (url.scheme, url.netloc) == ("https", "github.com")
    assert url.path == f"/{FORMS_SETTINGS['repository']}/new/{FORMS_SETTINGS['branch']}"
    query = parse_qs(url.query, strict_parsing=True)
    assert set(query) == {"filename", "value"}
    assert query["value"] == [csv]
    (path,) = query["filename"]
    assert re.fullmatch(rf"data/inbox/{file}/\d{{8}}-\d{{6}}-{person}-[a-z0-9]{{4}}\.csv", path)
    return path


def validate(data: Path) -> subprocess.CompletedProcess[str]:
    """``roi validate`` as a user runs it (outside GitHub Actions: no annotations, no summary)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def demo_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def accepted(tmp_path: Path, path: str, csv: str) -> dict:
    """Write the answer into a copy of the demo data: ``roi validate`` passes; the report."""
    data = demo_copy(tmp_path)
    target = data / path.removeprefix("data/")
    target.parent.mkdir(parents=True)
    target.write_text(csv, encoding="utf-8", newline="")
    done = validate(data)
    assert done.returncode == 0, done.stderr
    return compute_report(data)


def phone_check(page: Page, name: str) -> None:
    """No sideways scrolling at 390 px; a full-page screenshot for a human to look at."""
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{PHONE['width']}.png", full_page=True)


def unlabelled(page: Page) -> list[str]:
    """Visible fields without a label, or out of the keyboard's reach."""
    return page.locator("form.roi-form").evaluate(
        """form => [...form.querySelectorAll('input:not([type=hidden]), select')]
             .filter(e => !e.labels.length || e.tabIndex < 0).map(e => e.id)"""
    )


def test_weekly_form_refuses_a_wrong_count_then_sends_an_answer_roi_accepts(
    chromium, site_url, tmp_path
):
    """Filled on Monday 12 October 2026: the week proposed is the one that just ended. The
    first task's count is left blank: it is written as 0, as the form says."""
    watch = Watch()
    with open_page(chromium, watch, viewport=PHONE, timezone_id=PARIS) as page:
        page.clock.set_fixed_time(datetime(2026, 10, 12, 9, 30, tzinfo=ZoneInfo(PARIS)))
        open_form(page, site_url, "hebdomadaire")
        assert unlabelled(page) == []
        assert page.input_value("#roi-form-usage-week") == WEEK
        tasks = page.locator("input[name=task]").evaluate_all("inputs => inputs.map(i => i.value)")
        uses = {task: number for number, task in enumerate(tasks)}  # 0 is a real answer
        page.fill("#roi-form-usage-person", "sophie")  # the public site lists nobody
        tools = page.locator("#roi-form-usage-tool option").evaluate_all(
            "options => options.map(o => o.value)"
        )
        for task, number in uses.items():
            page.fill(f"#roi-form-usage-{task}-uses", str(number) if number else "")
        first, second = (f"#roi-form-usage-{task}-uses" for task in tasks[:2])
        page.fill(first, "-1")
        page.fill(second, "1.5")
        submit(page)
        problems = refused(page)
        page.select_option("#roi-form-usage-tool", "copilot")
        page.fill(first, "")  # blank: 0 uses
        page.fill(f"#roi-form-usage-{tasks[0]}-declared_minutes", "12,5")
        page.fill(second, "1")
        page.locator(second).press("Enter")  # the keyboard submits too
        csv, href = answer(page)
        phone_check(page, "form-hebdomadaire")
    assert problems == {
        first[1:]: "attendu un nombre entier ≥ 0, reçu « -1 »",
        second[1:]: "attendu un nombre entier, reçu « 1.5 »",
        "roi-form-usage-tool": text("loader.required"),  # the demo has three tools
    }
    assert tools == ["", "chatgpt", "copilot", "transcription"]
    assert_clean(watch)
    minutes = {tasks[0]: "12.5"}
    assert csv == "week,person,task,uses,declared_minutes,tool\n" + "".join(
        f"{WEEK},sophie,{task},{number},{minutes.get(task, '')},copilot\n"
        for task, number in uses.items()
    )
    report = accepted(tmp_path, sent_file(href, csv, "usage", "sophie"), csv)
    assert report["as_of"]["week"] == WEEK
    people = {p["person"]: p for p in report["metrics"]["adoption"]["people"]}
    assert people["sophie"]["uses"] == sum(uses.values()) == 28
    assert people["sophie"]["status"] == "actif"


def test_weekly_form_writes_blank_counts_as_zero_which_roi_validates_and_merges(
    chromium, site_url, tmp_path
):
    """Nothing typed but the person: every task gets 0 uses, no « valeur obligatoire
    manquante »; ``roi validate`` accepts the file and ``roi inbox merge`` folds it in."""
    watch = Watch()
    with open_page(chromium, watch, timezone_id=PARIS) as page:
        page.clock.set_fixed_time(datetime(2026, 10, 12, 18, tzinfo=ZoneInfo(PARIS)))
        open_form(page, site_url, "hebdomadaire")
        tasks = page.locator("input[name=task]").evaluate_all("inputs => inputs.map(i => i.value)")
        page.fill("#roi-form-usage-person", "sophie")
        page.select_option("#roi-form-usage-tool", "chatgpt")
        submit(page)
        csv, href = answer(page)
    assert_clean(watch)
    assert csv == "week,person,task,uses,declared_minutes,tool\n" + "".join(
        f"{WEEK},sophie,{task},0,,chatgpt\n" for task in tasks
    )
    path = sent_file(href, csv, "usage", "sophie")
    report = accepted(tmp_path, path, csv)
    people = {p["person"]: p for p in report["metrics"]["adoption"]["people"]}
    assert people["sophie"]["uses"] == 0  # an answer: « 0 uses », not « no answer »
    data = tmp_path / "data"
    merged = subprocess.run(
        [sys.executable, "-m", "generator", "inbox", "merge", "--data", str(data)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert merged.returncode == 0, merged.stderr
    usage = (data / "usage.csv").read_text("utf-8").splitlines()
    assert [line for line in usage if line.startswith(f"{WEEK},sophie,")] == [
        f"{WEEK},sophie,{task},0,,chatgpt" for task in tasks
    ]
    assert not (data / path.removeprefix("data/")).exists()


# The person's local time, the week proposed and its words: a Monday, a Wednesday, a Sunday
# evening (the week ending that day), a month boundary with « 1er », another one, and the year
# boundary (2026 has 53 weeks; 00:30 in Paris is still Sunday in UTC).
WEEK_DEFAULTS = {
    "monday": (datetime(2026, 11, 30, 8), "2026-W48", "semaine du 23 au 29 novembre 2026"),
    "wednesday": (datetime(2026, 12, 2, 14), "2026-W48", "semaine du 23 au 29 novembre 2026"),
    "sunday": (datetime(2026, 11, 29, 21), "2026-W48", "semaine du 23 au 29 novembre 2026"),
    "first": (datetime(2026, 11, 2, 7), "2026-W44", "semaine du 26 octobre au 1er novembre 2026"),
    "month": (datetime(2026, 10, 5, 8), "2026-W40", "semaine du 28 septembre au 4 octobre 2026"),
    "new_year": (
        datetime(2027, 1, 4, 0, 30), "2026-W53", "semaine du 28 décembre 2026 au 3 janvier 2027"
    ),
}  # fmt: skip


def recent_weeks(now: datetime) -> list[tuple[str, str]]:
    """(value, words) of the weeks the form should offer on ``now``, newest first: the week in
    progress (« (en cours) » but on its Sunday) and the ones before it."""
    monday = now.date() - timedelta(days=now.weekday())
    weeks = []
    for back in range(WEEKS_SHOWN):
        year, week, _ = (monday - timedelta(weeks=back)).isocalendar()
        value = f"{year}-W{week:02d}"
        words = week_label(value)
        if back == 0 and now.weekday() != 6:
            words = text("forms.messages.week_current", week=words)
        weeks.append((value, words))
    return weeks


@pytest.mark.parametrize("when", WEEK_DEFAULTS)
def test_weekly_form_proposes_the_last_complete_week_in_words(chromium, site_url, when):
    now, week, words = WEEK_DEFAULTS[when]
    watch = Watch()
    with open_page(chromium, watch, timezone_id=PARIS) as page:
        page.clock.set_fixed_time(now.replace(tzinfo=ZoneInfo(PARIS)))
        open_form(page, site_url, "hebdomadaire")
        select = page.locator("#roi-form-usage-week")
        chosen = (select.input_value(), select.locator("option:checked").text_content())
        options = select.locator("option").evaluate_all(
            "options => options.map(o => [o.value, o.textContent])"
        )
    assert chosen == (week, words)
    assert options[0] == ["", text("forms.common.week_choose")]
    assert [tuple(o) for o in options[1:]] == recent_weeks(now)
    assert_clean(watch)


def test_mental_load_form_needs_both_loads_of_a_started_task(chromium, site_url, tmp_path):
    watch = Watch()
    field = "#roi-form-mental_load-{}-{}".format
    with open_page(chromium, watch, viewport=PHONE) as page:
        open_form(page, site_url, "charge-mentale")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.input_value("#roi-form-mental_load-date"))
        submit(page)
        empty = refused(page)
        page.fill("#roi-form-mental_load-person", "lea")  # the public site lists nobody
        page.fill("#roi-form-mental_load-date", "2026-10-15")
        page.fill(field("veille", "before"), "11")
        page.fill(field("veille", "after"), "2")
        page.fill(field("compte_rendu", "before"), "8")
        submit(page)
        problems = refused(page)
        page.fill(field("veille", "before"), "9")
        page.fill(field("compte_rendu", "after"), "3")
        submit(page)
        csv, href = answer(page)
        phone_check(page, "form-charge-mentale")
    assert empty == {
        "roi-form-mental_load-person": "valeur obligatoire manquante",
        "roi-form-mental_load-rows": "remplissez au moins une ligne",
    }
    assert problems == {
        field("veille", "before")[1:]: "attendu un nombre entier ≤ 10, reçu « 11 »",
        field("compte_rendu", "after")[1:]: "à remplir aussi, puisque cette ligne est commencée",
    }
    assert_clean(watch)
    assert csv == (
        "date,person,task,before,after\n2026-10-15,lea,compte_rendu,8,3\n2026-10-15,lea,veille,9,2\n"
    )
    report = accepted(tmp_path, sent_file(href, csv, "mental_load", "lea"), csv)
    rows = {(r["person"], r["task"]): r for r in report["metrics"]["mental_load"]["rows"]}
    assert (rows["lea", "veille"]["before"], rows["lea", "veille"]["after"]) == (9, 2)
    assert (rows["lea", "compte_rendu"]["before"], rows["lea", "compte_rendu"]["after"]) == (8, 3)


def test_freed_time_form_takes_hours_per_use(chromium, site_url, tmp_path):
    """Also: the answer downloads as its inbox file and copies to the clipboard."""
    watch = Watch()
    clipboard = ["clipboard-read", "clipboard-write"]
    with open_page(chromium, watch, viewport=PHONE, permissions=clipboard) as page:
        open_form(page, site_url, "temps-libere")
        assert re.fullmatch(r"\d{4}-\d{2}", page.input_value("#roi-form-freed_time-month"))
        page.fill("#roi-form-freed_time-person", "marc")  # the public site lists nobody
        page.fill("#roi-form-freed_time-month", MONTH)
        page.fill("#roi-form-freed_time-commercial-hours", "-2")
        submit(page)
        problems = refused(page)
        page.fill("#roi-form-freed_time-commercial-hours", "12,5")  # a French decimal comma
        page.fill("#roi-form-freed_time-produit-hours", "3")
        submit(page)
        csv, href = answer(page)
        phone_check(page, "form-temps-libere")
        with page.expect_download() as download:
            page.locator("[data-roi-download]").click()
        saved = Path(download.value.path()).read_text("utf-8")
        page.locator("[data-roi-copy]").click()
        expect(page.locator("[data-roi-status]")).to_have_text(text("forms.messages.copied"))
        clipboard_text = page.evaluate("navigator.clipboard.readText()")
    assert problems == {
        "roi-form-freed_time-commercial-hours": "attendu un nombre ≥ 0, reçu « -2 »",
    }
    assert_clean(watch)
    assert download.value.suggested_filename == href.split("%2F")[-1].split("&")[0]
    assert saved == clipboard_text == csv
    assert csv == f"month,person,use,hours\n{MONTH},marc,commercial,12.5\n{MONTH},marc,produit,3\n"
    before = compute_report(ROOT / "data")["metrics"]["freed_time"]
    report = accepted(tmp_path, sent_file(href, csv, "freed_time", "marc"), csv)
    hours = {row["use"]: row["hours"] for row in report["metrics"]["freed_time"]}
    for use, added in {"commercial": 12.5, "produit": 3}.items():
        months = next(row["months"] for row in before if row["use"] == use)
        previous = sum(m["hours"] for m in months if m["month"] in {"2026-08", "2026-09"})
        assert hours[use] == pytest.approx(previous + added), use  # the last 3 months with rows


def test_stopwatch_form_times_a_task_and_the_report_counts_the_measurement(
    chromium, site_url, tmp_path
):
    """Start, about 1.2 s, stop: 1.2 / 60 = 0.02 min fill the minutes field (a French
    decimal comma, as a person types), which a wrong value then replaces and is refused."""
    watch = Watch()
    field = "#roi-form-timings-{}".format
    with open_page(chromium, watch, viewport=PHONE) as page:
        open_form(page, site_url, "chronometre")
        assert unlabelled(page) == []
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.input_value(field("date")))
        # Everyone of people.csv may time a task: here François, of the control group.
        page.fill(field("person"), "francois")
        page.fill(field("date"), "2026-10-05")
        page.select_option(field("task"), "veille")
        page.locator("[data-roi-stopwatch-start]").click()
        page.wait_for_timeout(1200)
        page.locator("[data-roi-stopwatch-stop]").click()
        timed = page.input_value(field("minutes"))
        clock = page.locator("[data-roi-stopwatch-clock]").text_content() or ""
        submit(page)
        no_choice = refused(page)
        page.check(field("with_ai-yes"))
        page.fill(field("minutes"), "-5")
        submit(page)
        wrong = refused(page)  # with AI, the tool is asked
        page.select_option(field("tool"), "transcription")
        page.check(field("with_ai-no"))  # without AI after all: the tool is not written
        page.fill(field("minutes"), timed)
        submit(page)
        csv, href = answer(page)
        phone_check(page, "form-chronometre")
    assert re.fullmatch(r"0,0[2-4]", timed), timed  # 1.2 s plus the clicks' few milliseconds
    assert re.fullmatch(r"0,0 min \(0:0[12]\)", clock), clock  # one decimal, and m:ss
    assert no_choice == {field("with_ai")[1:]: text("loader.required")}
    assert wrong == {
        field("minutes")[1:]: "attendu un nombre ≥ 0, reçu « -5 »",
        field("tool")[1:]: text("loader.required"),
    }
    assert_clean(watch)
    minutes = timed.replace(",", ".")
    assert csv == (
        f"date,person,task,minutes,with_ai,tool\n2026-10-05,francois,veille,{minutes},no,\n"
    )
    report = accepted(tmp_path, sent_file(href, csv, "timings", "francois"), csv)
    veille = next(row for row in report["measured_time"] if row["task"] == "veille")
    # The demo has no timing of « veille »: this one measurement replaces the declared 90 min.
    assert (veille["count_before"], veille["declared_before"]) == (1, 90)
    assert veille["measured_before"] == veille["used_before"] == pytest.approx(float(minutes))
    assert (veille["count_after"], veille["used_after"]) == (0, 30)


def test_stopwatch_form_writes_the_tool_of_a_measurement_with_ai(chromium, site_url, tmp_path):
    """With AI, the tool chosen among the demo's three is written (its id), and ``roi validate``
    accepts the answer, which counts as that tool's measurement of the task (the task's own
    minutes with AI keep the measurements that name no tool)."""
    watch = Watch()
    field = "#roi-form-timings-{}".format
    with open_page(chromium, watch) as page:
        open_form(page, site_url, "chronometre")
        page.fill(field("person"), "sophie")
        page.fill(field("date"), "2026-10-05")
        page.select_option(field("task"), "compte_rendu")
        page.check(field("with_ai-yes"))
        page.select_option(field("tool"), label="Transcription de réunions")
        page.fill(field("minutes"), "12,5")
        submit(page)
        csv, href = answer(page)
    assert_clean(watch)
    assert csv == (
        "date,person,task,minutes,with_ai,tool\n2026-10-05,sophie,compte_rendu,12.5,yes,transcription\n"
    )
    before = next(
        r for r in compute_report(ROOT / "data")["measured_time"] if r["task"] == "compte_rendu"
    )
    report = accepted(tmp_path, sent_file(href, csv, "timings", "sophie"), csv)
    after = next(row for row in report["measured_time"] if row["task"] == "compte_rendu")
    assert after["count_after"] == before["count_after"]
    assert after["after_by_tool"] == [{"tool": "transcription", "measured": 12.5, "count": 1}]


def test_a_form_starts_after_following_menu_links(chromium, site_url):
    """The script starts from Material's ``document$`` on each page the menu opens."""
    watch = Watch()
    with open_page(chromium, watch) as page:
        page.goto(site_url, wait_until="load")
        for slug in ("hebdomadaire", "temps-libere"):  # a second form after the first
            page.wait_for_load_state("networkidle")  # a click would abort the search's load
            menu_link(page, f"questionnaires/{slug}.html").click()
            page.wait_for_url(f"{site_url}questionnaires/{slug}.html")
            page.locator("[data-roi-submit]:enabled").wait_for()
        page.fill("#roi-form-freed_time-person", "marc")  # the public site lists nobody
        page.fill("#roi-form-freed_time-autre-hours", "1")
        submit(page)
        csv, _ = answer(page)
    assert csv.startswith("month,person,use,hours\n") and csv.endswith(",marc,autre,1\n")
    assert_clean(watch)


@pytest.mark.parametrize("value", HOSTILE, ids=["formula", "html"])
def test_a_crafted_value_is_refused_by_the_form(chromium, site_url, value):
    """A crafted identifier typed in the person field, or a task or a tool set through the
    DOM, is refused and shown as text."""
    watch, dialogs = Watch(), []
    with open_page(chromium, watch) as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        open_form(page, site_url, "hebdomadaire")
        page.fill("#roi-form-usage-person", value)
        task = page.locator("input[name=task]").first
        first_task = task.get_attribute("value")
        task.evaluate("(input, v) => input.value = v", value)
        page.locator("#roi-form-usage-tool").evaluate(  # a tool the list does not offer
            "(select, v) => { select.add(new Option('x', v)); select.value = v; }", value
        )
        for uses in page.locator("input[name=uses]").all():
            uses.fill("1")
        submit(page)
        problems = refused(page)
        images = page.locator("form img").count()
    message = text("loader.bad_value", expected=text("loader.expected.id"), value=value)
    assert problems == {
        "roi-form-usage-person": message,
        f"roi-form-usage-{first_task}-task": message,
        "roi-form-usage-tool": message,
    }
    assert images == 0 and dialogs == []
    assert_clean(watch)


def test_an_inbox_file_with_crafted_text_is_refused_by_roi_validate(tmp_path):
    data = demo_copy(tmp_path)
    inbox = data / "inbox" / "usage"
    inbox.mkdir(parents=True)
    crafted = inbox / "20261012-080000-sophie-ab12.csv"
    crafted.write_text(
        "week,person,task,uses,declared_minutes\n"
        '2026-W41,"=HYPERLINK(""http://x"",""y"")",veille,1,\n'
        "2026-W41,sophie,<img src=x onerror=alert(1)>,1,\n",
        encoding="utf-8",
    )
    done = validate(data)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    for line, column, value in ((2, "person", HOSTILE[0]), (3, "task", HOSTILE[1])):
        message = text("loader.bad_value", expected=text("loader.expected.id"), value=value)
        assert f"{crafted.as_posix()}:{line}: {column}: {message}" in lines
