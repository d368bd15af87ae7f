"""The command line: ``roi build | serve | validate | init``. The only module that imports
click, and the one place where a user error becomes a message and exit status 1."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from mkdocs.exceptions import MkDocsException

from generator.core.errors import DataError, GeneratorError, Problem
from generator.core.i18n import text
from generator.website.docscache import Console
from generator.website.fresh import fresh_build
from generator.website.runner import default_config

SCREEN_LIMIT = 50
F = TypeVar("F", bound=Callable[..., Any])

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data"),
    show_default=True,
    help=text("cli.options.data"),
)

TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=text("loader.today_option"),
)


PRIVATE_OPTION = click.option(
    "--private",
    is_flag=True,
    default=False,
    help=text("public.private_option"),
)


def build_date(option: datetime | None) -> date:
    """The date measurements may not pass: ``--today``, else ``SOURCE_DATE_EPOCH`` (the
    reproducible-builds convention, seconds since 1970 in UTC), else the clock's today."""
    if option is not None:
        return option.date()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def located(problem: Problem, data_dir: Path) -> Problem:
    """The problem with its file shown as the user reaches it (``data/usage.csv``)."""
    return replace(problem, file=(data_dir / problem.file).as_posix())


def annotation(problem: Problem) -> str:
    """A GitHub Actions ``::error`` line; data text cannot inject another command."""

    def prop(value: str) -> str:
        return escape_data(value).replace(":", "%3A").replace(",", "%2C")

    where = f"file={prop(problem.file)}" + (f",line={problem.line}" if problem.line else "")
    title = f",title={prop(problem.column)}" if problem.column else ""
    return f"::error {where}{title}::{escape_data(problem.message)}"


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def one_line(value: str) -> str:
    """Text from the data on one screen line: a newline typed in a cell cannot start a line
    of its own (GitHub Actions reads ``::command::`` lines on stdout and stderr alike)."""
    return value.replace("\r", "\\r").replace("\n", "\\n")


def print_problems(
    problems: Iterable[Problem], data_dir: Path, warnings: Iterable[str] = ()
) -> None:
    """Every problem (the screen capped), the warnings met on the way, one summary line."""
    shown = [located(p, data_dir) for p in problems]
    for problem in shown[:SCREEN_LIMIT]:
        click.echo(one_line(str(problem)), err=True)
    if len(shown) > SCREEN_LIMIT:
        click.echo(text("loader.more", count=len(shown) - SCREEN_LIMIT), err=True)
    for warning in warnings:
        click.echo(one_line(text("cli.warning", message=warning)), err=True)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in shown:
            click.echo(annotation(problem))
    click.echo(text("loader.summary", count=len(shown)), err=True)


def user_errors(command: F) -> F:
    """Turn the errors a user can fix into messages and exit status 1, never a traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DataError as error:
            print_problems(error.problems, kwargs.get("data_dir", Path("data")), error.warnings)
        except (GeneratorError, MkDocsException) as error:
            click.echo(text("cli.error", error=error), err=True)
        sys.exit(1)

    return run  # type: ignore[return-value]


def print_rows(rows: dict[str, dict[str, int]]) -> None:
    for name, count in rows.items():
        click.echo(text("loader.rows", file=name, read=count["read"], used=count["used"]))


@click.group(help=text("cli.help"))
@click.version_option(package_name="roi-ia")
def cli() -> None:
    """The ``roi`` command group (its help, like every command's, is in the catalogue)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")


@cli.command(help=text("cli.commands.build"))
@DATA_OPTION
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help=text("cli.options.site_dir"),
)
@TODAY_OPTION
@PRIVATE_OPTION
@user_errors
def build(data_dir: Path, site_dir: Path, today: datetime | None, private: bool) -> None:
    """Check the data, compute the metrics and build the site (the generated pages of an
    identical earlier build are reused: see ``generator.website.docscache``)."""
    console = fresh_build(data_dir, site_dir, build_date(today), public=not private)
    print_console(console)
    click.echo(text("cli.built", site_dir=site_dir, count=console.pages))
    click.echo(text("public.built_private" if private else "public.built_public"))


def print_console(console: Console) -> None:
    """What a build prints about its data: rows, replaced answers, warnings."""
    print_rows(console.rows)
    for replaced in console.replaced:
        click.echo(one_line(text("cli.replaced", row=replaced)))
    for warning in console.warnings:
        click.echo(one_line(text("cli.warning", message=warning)))


@cli.command(help=text("cli.commands.serve"))
@DATA_OPTION
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help=text("cli.options.dev_addr")
)
@PRIVATE_OPTION
@user_errors
def serve(data_dir: Path, dev_addr: str, private: bool) -> None:
    """Serve the site locally, rebuilt when a data file changes."""
    from generator.website.serve import serve_site

    serve_site(data_dir, default_config(), dev_addr, click.echo, public=not private)


def job_summary(markdown: str) -> None:
    """Append to the GitHub Actions job summary, when running there."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(markdown + "\n")


def changed_paths(listing: Path | None) -> list[str]:
    return listing.read_text("utf-8").splitlines() if listing else []


@cli.command(help=text("cli.commands.validate"))
@DATA_OPTION
@click.option(
    "--changed-list",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=text("cli.options.changed_list"),
)
@TODAY_OPTION
@user_errors
def validate(data_dir: Path, changed_list: Path | None, today: datetime | None) -> None:
    """Check the data only; list every problem (``file:line: column: message``)."""
    from generator.commands.summary import changes_markdown, problems_markdown
    from generator.input.load import load_dataset

    job_summary(changes_markdown(data_dir, changed_paths(changed_list)))
    try:
        data = load_dataset(data_dir, build_date(today))
    except DataError as error:
        located_problems = [located(p, data_dir) for p in error.problems]
        job_summary(problems_markdown(located_problems, error.warnings))
        raise
    job_summary(problems_markdown([], [notice.message for notice in data.notices]))
    for notice in data.notices:
        click.echo(one_line(text("cli.warning", message=notice.message)))
    rows = sum(count.read for count in data.rows.values())
    click.echo(text("loader.ok", files=len(data.rows), rows=rows))


@cli.group(help=text("cli.commands.inbox"))
def inbox() -> None:
    """The survey answers received in ``data/inbox/``."""


@inbox.command(help=text("cli.commands.merge"))
@DATA_OPTION
@TODAY_OPTION
@user_errors
def merge(data_dir: Path, today: datetime | None) -> None:
    """Merge the answers of ``data/inbox/`` into the CSV files and empty the inbox."""
    from generator.commands.inbox import merge_inbox

    merged = merge_inbox(data_dir, build_date(today))
    for result in merged:
        for row in result.replaced:
            click.echo(one_line(text("answers.replaced", row=row)))
        click.echo(
            text("inbox.merged", file=result.name, answers=len(result.answers), rows=result.rows)
        )
    if not merged:
        click.echo(text("inbox.nothing"))


@cli.command(help=text("cli.commands.init"))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--french-headers", is_flag=True, help=text("cli.options.french_headers"))
@user_errors
def init(directory: Path, french_headers: bool) -> None:
    """Create a new company's repository: settings, empty CSV files, mkdocs.yml, README."""
    from generator.commands.init import create_repository

    for path in create_repository(directory, french_headers=french_headers):
        click.echo(text("cli.created", path=path.as_posix()))
    click.echo(text("cli.next_step", directory=directory.as_posix()))
