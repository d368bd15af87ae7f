"""Read and check a company's whole data folder into a frozen :class:`Dataset`.

Every problem of every file is collected before anything is reported; a dataset is only
returned when there is none. Inbox answers (``inbox/<file>/``, named as the forms name them:
:mod:`generator.input.answers`) are checked as one batch, join their main file, and the newest
answer wins on a repeated key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from generator.core.errors import DataError, Problem
from generator.core.i18n import text
from generator.input.answers import inbox_paths, inbox_problem, same_time_problems
from generator.input.checks import (
    before_training,
    control_usage_problems,
    cost_problems,
    duplicate_problems,
    future_problems,
    reference_problems,
    timing_problems,
    value_problems,
)
from generator.input.company import Company, load_company
from generator.input.csvread import LINE, SOURCE, RawRows, RawTable, read_rows, read_table
from generator.input.dataset import Dataset, Notice, RowCount
from generator.input.headers import contract_header, header_problems
from generator.input.parse import parse_column
from generator.input.plausibility import latest_measurement, team_problems, usage_problems
from generator.input.pseudonyms import name_like_identifiers
from generator.input.schema import FILES, SCHEMAS, FileSchema
from generator.input.toolnames import tool_name_problems


@dataclass
class FileResult:
    frame: pd.DataFrame | None
    problems: list[Problem]
    notices: list[Notice]


def public_file(name: str) -> str:
    """A file as a public report may name it: an inbox answer's file name holds the id of the
    person who answered (``inbox/usage/20260302-081500-sophie-x7k2.csv``), so only its folder.

    >>> public_file("inbox/usage/20260302-081500-sophie-x7k2.csv"), public_file("usage.csv")
    ('inbox/usage/', 'usage.csv')
    """
    folder, _, _ = name.rpartition("/")
    return f"{folder}/" if folder else name


def unknown_column_notices(name: str, schema: FileSchema, header: list[str]) -> list[Notice]:
    """A column the contract does not know: named in the complete report; the public one
    neither quotes the header (it is free text: « remarque_sophie ») nor the answer's file."""
    unknown = dict.fromkeys(c for c in header if c not in schema.column_names and c != LINE)
    anonymous = text("public.unknown_column", file=public_file(name))
    return [
        Notice(
            "unknown_column", "", text("warnings.unknown_column", file=name, column=c), anonymous
        )
        for c in unknown
    ]


def encoding_notice(name: str) -> Notice:
    """A file read as Windows-1252: it concerns whoever saved the file, not the report's
    readers, so it is printed by ``roi validate`` and ``roi build`` and shown in the pull
    request's summary, never on a page (the answer's file left out of a public wording)."""
    message = text("warnings.windows_encoding", file=name)
    public = text("warnings.windows_encoding", file=public_file(name))
    return Notice("windows_encoding", "", message, public, on_pages=False)


def typed_frame(
    name: str, schema: FileSchema, raw: RawTable, today: date | None = None, duplicates: bool = True
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse every declared column; blanks take the column's default. With ``today`` (the
    build date), a measurement dated after it is a problem. ``duplicates=False`` leaves
    repeated keys to the caller (a batch of several answers may repeat a key)."""
    frame = raw.frame
    typed = pd.DataFrame({LINE: frame[LINE]}, index=frame.index)
    problems: list[Problem] = []
    invalid_cells: set[tuple] = set()
    for column in schema.columns:
        cells = frame[column.name] if column.name in frame else pd.Series("", index=frame.index)
        if column.default is not None:
            cells = cells.replace("", column.default)
        typed[column.name], invalid = parse_column(cells, column, raw.french)
        bad = cells[cells.isin(set(invalid))]
        invalid_cells.update((int(i), column.name) for i in bad.index)
        problems += [
            Problem(name, int(frame.at[i, LINE]), column.name, invalid[value])
            for i, value in bad.items()
        ]
    raw_cells = frame.reindex(columns=[*schema.column_names, LINE], fill_value="")
    problems += value_problems(name, schema, typed, raw_cells, invalid_cells)
    if duplicates:
        problems += duplicate_problems(name, schema.key, typed, optional_key(schema))
    if schema.name == "costs.csv":
        problems += cost_problems(name, typed)
    if schema.name == "timings.csv":
        problems += timing_problems(name, typed)
    if today is not None:
        problems += future_problems(name, schema, typed, raw_cells, today)
    return typed, problems


def optional_key(schema: FileSchema) -> tuple[str, ...]:
    return tuple(c for c in schema.key if not schema.column(c).required)


def read_file(path: Path, name: str, schema: FileSchema, today: date | None = None) -> FileResult:
    """One CSV file checked on its own (references are checked once all files are read)."""
    raw, problems = read_table(path, name)
    if raw is None:
        problems = problems or [
            Problem(name, 0, "", text("loader.empty_file", columns=schema.header))
        ]
        return FileResult(None, problems, [])
    written = [c for c in raw.frame.columns if c != LINE]
    header = contract_header(schema, written)
    encoding = [encoding_notice(name)] if raw.encoding == "cp1252" else []
    if missing := header_problems(name, schema, written):
        return FileResult(None, problems + missing, encoding)  # unread: no column is ignored
    notices = unknown_column_notices(name, schema, header) + encoding
    raw = replace(raw, frame=raw.frame.rename(columns=dict(zip(written, header, strict=True))))
    typed, value_problems = typed_frame(name, schema, raw, today)
    typed[SOURCE] = name
    return FileResult(typed, problems + value_problems, notices)


def newest_wins(frame: pd.DataFrame, key: tuple[str, ...]) -> tuple[pd.DataFrame, list[str]]:
    """Keep the last row of each key (inbox files come after the main file, oldest first)."""
    if not key:
        return frame, []
    dropped = frame[frame.duplicated(list(key), keep="last")]
    replaced = [
        f"{source}:{line}" for source, line in zip(dropped[SOURCE], dropped[LINE], strict=True)
    ]
    return frame.drop(dropped.index).reset_index(drop=True), replaced


def answer_rows(
    path: Path, name: str, schema: FileSchema
) -> tuple[RawRows | None, list[Problem], list[Notice]]:
    """One answer's cells, checked as :func:`read_file` checks a file's header."""
    rows, problems = read_rows(path, name)
    if rows is None:
        empty = Problem(name, 0, "", text("loader.empty_file", columns=schema.header))
        return None, problems or [empty], []
    header = contract_header(schema, rows.header)
    encoding = [encoding_notice(name)] if rows.encoding == "cp1252" else []
    if missing := header_problems(name, schema, rows.header):
        return None, problems + missing, encoding  # unread: no column is ignored
    notices = unknown_column_notices(name, schema, header) + encoding
    return replace(rows, header=header), problems, notices


def typed_batch(
    schema: FileSchema, files: list[tuple[str, RawRows]], today: date | None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Answers of one dialect typed and checked as one frame (one pass of pandas and pandera
    for thousands of small files, not one each); problems are put back on each file's line."""
    records, sources, lines = [], [], []
    for name, rows in files:
        records += [dict(zip(rows.header, cells, strict=True)) for cells in rows.rows]
        sources += [name] * len(rows.lines)
        lines += rows.lines
    header = list(dict.fromkeys(c for _, rows in files for c in rows.header))
    frame = pd.DataFrame.from_records(records, columns=header).astype(object).fillna("")
    frame[LINE] = range(len(records))
    raw = RawTable(frame, files[0][1].french)
    typed, found = typed_frame("", schema, raw, today, duplicates=False)
    problems = [replace(p, file=sources[p.line], line=lines[p.line]) for p in found]
    typed[LINE] = lines
    typed[SOURCE] = sources
    repeated = (
        typed[typed.duplicated([*schema.key, SOURCE], keep=False)] if schema.key else typed[:0]
    )
    for source, part in repeated.groupby(SOURCE, sort=False):
        problems += duplicate_problems(str(source), schema.key, part, optional_key(schema))
    return typed, problems


def read_answers(data_dir: Path, schema: FileSchema, today: date | None) -> FileResult:
    """Every inbox answer of ``schema`` as one frame, oldest answer first."""
    problems: list[Problem] = []
    notices: list[Notice] = []
    dialects: dict[bool, list[tuple[str, RawRows]]] = {}
    order: dict[str, int] = {}
    for path in inbox_paths(data_dir, schema):
        name = path.relative_to(data_dir).as_posix()
        rows, found, said = answer_rows(path, name, schema)
        problems += found
        notices += said
        if rows is not None and rows.rows:
            dialects.setdefault(rows.french, []).append((name, rows))
            order[name] = len(order)
    if not dialects:
        return FileResult(None, problems, notices)
    frames = []
    for files in dialects.values():
        typed, found = typed_batch(schema, files, today)
        problems += found
        frames.append(typed)
    merged = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    rank = merged[SOURCE].map(order)
    merged = merged.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    return FileResult(merged, problems, notices)


def read_all(
    data_dir: Path, schema: FileSchema, today: date | None = None
) -> tuple[FileResult, int, list[str]]:
    """The main file and its inbox answers as one frame, the rows read and the rows replaced."""
    main = data_dir / schema.name
    results = [read_file(main, schema.name, schema, today)] if main.is_file() else []
    results.append(read_answers(data_dir, schema, today))
    problems = [p for r in results for p in r.problems]
    notices = [n for r in results for n in r.notices]
    frames = [r.frame for r in results if r.frame is not None]
    if not frames:
        return FileResult(None, problems, notices), 0, []
    merged = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    problems += same_time_problems(merged, schema.key)
    kept, replaced = newest_wins(merged, schema.key)
    return FileResult(kept, problems, notices), len(merged), replaced


def missing_file_problem(schema: FileSchema) -> Problem:
    return Problem(schema.name, 0, "", text("loader.missing_file", columns=schema.header))


def reference_checks(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    known = {
        "people.csv": set(frames["people"]["person"]) if "people" in frames else None,
        "tasks.csv": set(frames["tasks"]["task"]) if "tasks" in frames else None,
        "tools.csv": set(frames["tools"]["tool"]) if "tools" in frames else set(),
    }
    problems = []
    for schema in FILES:
        frame = frames.get(schema.stem)
        for column in (c for c in schema.columns if c.refers_to):
            ids = known[column.refers_to or ""]
            if frame is not None and ids is not None:
                unknown = frame[~frame[column.name].isin(ids)]  # one group per answer else
                for source, part in unknown.groupby(SOURCE):
                    problems += reference_problems(
                        str(source), part, column.name, ids, column.refers_to or "",
                        absent=column.refers_to == "tools.csv" and "tools" not in frames,
                    )  # fmt: skip
    return problems


def stray_files(data_dir: Path) -> list[Problem]:
    """CSV files of ``data_dir`` the contract does not read (``usages.csv``) and files of
    ``inbox/`` outside its answer folders: reported, since their rows would be lost."""
    problems = [
        Problem(path.name, 0, "", text("loader.unknown_file", files=", ".join(SCHEMAS)))
        for path in sorted(data_dir.glob("*"))
        if path.is_file() and path.suffix.lower() == ".csv" and path.name not in SCHEMAS
    ]
    inbox = data_dir / "inbox"
    paths = sorted(inbox.rglob("*")) if inbox.is_dir() else []
    return problems + [p for path in paths if (p := inbox_problem(data_dir, path))]


def load_dataset(data_dir: Path, today: date | None = None) -> Dataset:
    """Every file of ``data_dir`` read and checked; :class:`DataError` lists all problems.

    ``today`` is the build date: a measurement dated after it is a problem (None: unchecked)."""
    company, problems = load_company(data_dir)
    problems += stray_files(data_dir)
    notices: list[Notice] = []
    frames: dict[str, pd.DataFrame] = {}
    rows: dict[str, RowCount] = {}
    replaced: list[str] = []
    for schema in FILES:
        result, read, dropped = read_all(data_dir, schema, today)
        problems += result.problems
        notices += result.notices
        if result.frame is not None:
            frames[schema.stem] = result.frame
            rows[schema.name] = RowCount(read, len(result.frame))
            replaced += dropped
        elif schema.required and not result.problems:
            problems.append(missing_file_problem(schema))
    problems += reference_checks(frames) + control_usage_checks(frames)
    problems += team_problems(frames)
    if "tools" in frames:
        alternatives = company.alternatives if company is not None else {}
        problems += tool_name_problems(frames["tools"], alternatives)
    if "usage" in frames and "tasks" in frames:
        problems += usage_problems(frames["usage"], frames["tasks"])
    if problems or company is None:
        raise DataError(problems, [notice.message for notice in notices])
    notices += identifier_notices(company, frames["people"])
    notices += deployment_notices(company, frames)
    notices += blank_tool_notices(frames)
    aside: dict[str, pd.DataFrame] = {}
    notices += set_aside_before_training(frames, rows, aside)
    return Dataset(company, frames, rows, tuple(notices), tuple(replaced), aside=aside)


def control_usage_checks(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Usage rows of people of the control group, in each file that holds them."""
    usage, people = frames.get("usage"), frames.get("people")
    if usage is None or people is None:
        return []
    return [
        problem
        for source, part in usage.groupby(SOURCE)
        for problem in control_usage_problems(str(source), part, people)
    ]


def set_aside_before_training(
    frames: dict[str, pd.DataFrame], rows: dict[str, RowCount], aside: dict[str, pd.DataFrame]
) -> list[Notice]:
    """Keep usage rows dated before the person's training out of every figure (the AI's
    gains start with the training) but in ``aside`` (the files keep them), count them as read
    but not used, and say so."""
    usage = frames.get("usage")
    if usage is None:
        return []
    early = before_training(usage, frames["people"])
    if not early.any():
        return []
    frames["usage"] = usage[~early].reset_index(drop=True)
    aside["usage"] = usage[early].reset_index(drop=True)
    count = rows["usage.csv"]
    rows["usage.csv"] = RowCount(count.read, count.used - int(early.sum()))
    people = sorted(set(usage.loc[early, "person"]))
    values = {"count": int(early.sum()), "people_count": len(people)}
    key = "detectors.usage_before_training"
    return [
        Notice(
            "usage_before_training",
            "time_saved",
            text(f"{key}.message", people=", ".join(people), **values),
            text(f"{key}.public", **values),
        )
    ]


def blank_tool_notices(frames: dict[str, pd.DataFrame]) -> list[Notice]:
    """Usage rows without a tool beside a row of the same week, person and task with one. A
    blank tool alone is allowed (its hours are « outil non précisé »); both are counted, which
    doubles the uses when the second row corrects the first (an answer sent again with its
    tool): said, not guessed. The public message names no file (an answer's name holds a
    person's identifier)."""
    usage = frames.get("usage")
    if usage is None or "tool" not in usage:
        return []
    given = usage["tool"].notna()
    same = ["week", "person", "task"]
    with_tool = usage.loc[given, same].drop_duplicates()
    blank = usage[~given].merge(with_tool, on=same)
    if blank.empty:
        return []
    pairs = zip(blank[SOURCE], blank[LINE], strict=True)
    lines = ", ".join(f"{source}:{line}" for source, line in pairs)
    key = "warnings.blank_tool_beside_tool"
    return [
        Notice(
            "blank_tool_beside_tool",
            "",
            text(f"{key}.message", count=len(blank), lines=lines),
            text(f"{key}.public", count=len(blank)),
        )
    ]


def deployment_notices(company: Company, frames: dict[str, pd.DataFrame]) -> list[Notice]:
    """``deployed_on`` after every measurement: every « after » is empty. A warning, not an
    error: a company may date its coming deployment and gather its « before » first."""
    latest = latest_measurement(frames)
    if latest is None or company.deployed_on <= latest:
        return []
    message = text(
        "warnings.deployed_after_data",
        deployed=company.deployed_on.isoformat(),
        latest=latest.isoformat(),
    )
    return [Notice("deployed_after_data", "", message)]


def identifier_notices(company: Company, people: pd.DataFrame) -> list[Notice]:
    """With names hidden, identifiers that spell a name are shown as they are: say so (the
    public report shows no identifier, so its message lists none)."""
    if company.show_names:
        return []
    found = name_like_identifiers(zip(people["person"], people["name"], strict=True))
    if not found:
        return []
    listed = ", ".join(found)
    return [
        Notice(
            "identifier_like_name",
            "",
            text("public.identifier_like_name", identifiers=listed),
            text("public.identifier_like_name_public", count=len(found)),
        )
    ]
