"""Inbox answers: which files of ``data/inbox/`` are answers, their order, and ties.

An answer's name is the forms' (:data:`generator.input.schema.ANSWER_NAME`); anything else in an
answer folder is refused, so no hand-dropped name can sort after the newest answer.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.input.checks import last_given
from generator.input.csvread import LINE, SOURCE
from generator.input.schema import FILES, FileSchema, answer_stamp


def inbox_paths(data_dir: Path, schema: FileSchema) -> list[Path]:
    """Inbox answers for ``schema``, oldest first: by the timestamp of their name, then by the
    whole name. Other files are refused by :func:`inbox_problem`."""
    folder = data_dir / "inbox" / schema.stem
    if not schema.inbox or not folder.is_dir():
        return []
    answers = [p for p in folder.iterdir() if p.is_file() and answer_stamp(p.name)]
    return sorted(answers, key=lambda p: (answer_stamp(p.name), p.name))


ANSWER_FOLDERS = tuple(f"inbox/{s.stem}" for s in FILES if s.inbox)


def inbox_problem(data_dir: Path, path: Path) -> Problem | None:
    """A file of ``inbox/`` that is not an answer: outside the answer folders, or named
    otherwise than the forms name answers (a hand-dropped ``reponse-sophie.csv``, an upper-case
    ``.CSV``, a hidden ``.brouillon.csv``). Hidden files that are not CSV (``.gitkeep``) are
    left alone."""
    name = path.relative_to(data_dir).as_posix()
    hidden = any(part.startswith(".") for part in path.relative_to(data_dir / "inbox").parts)
    if not path.is_file() or (hidden and not path.name.lower().endswith(".csv")):
        return None
    if path.parent.relative_to(data_dir).as_posix() not in ANSWER_FOLDERS:
        folders = ", ".join(f"{f}/" for f in ANSWER_FOLDERS)
        return Problem(name, 0, "", text("loader.stray_answer", folders=folders))
    if answer_stamp(path.name):
        return None
    if answer_stamp(path.name.lower()):
        return Problem(name, 0, "", text("answers.rename_lower", name=path.name.lower()))
    return Problem(name, 0, "", text("answers.bad_name"))


def same_time_problems(frame: pd.DataFrame, key: tuple[str, ...]) -> list[Problem]:
    """Answers of two files with the same timestamp repeating a key: which one is newer cannot
    be told, so neither silently wins."""
    stamps = frame[SOURCE].map(lambda source: answer_stamp(source.rpartition("/")[2]) or "")
    answers = frame.assign(_stamp=stamps)[stamps != ""]
    if not key or answers.empty:
        return []
    tied = answers[answers.duplicated([*key, "_stamp"], keep=False)]
    first: dict[tuple, tuple[str, int]] = {}
    problems = []
    for *values, source, line in tied[[*key, "_stamp", SOURCE, LINE]].itertuples(
        index=False, name=None
    ):
        other = first.setdefault(tuple(values), (source, line))
        if other[0] != source:
            message = text("answers.same_time", other=f"{other[0]}:{other[1]}")
            column = last_given(key, tuple(values[: len(key)]))
            problems.append(Problem(source, int(line), column, message))
    return problems
