"""Errors a user can fix, reported compiler-style: ``file:line: column: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of the data."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


class GeneratorError(Exception):
    """An error the user can act on; the CLI prints it and exits 1, without a traceback."""


class DataError(GeneratorError):
    """Every problem found in the data, sorted by file and line, and the warnings met on the
    way (« lu comme un CSV Windows »), printed with them rather than once all is fixed."""

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[str] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        self.warnings: tuple[str, ...] = tuple(warnings)
        super().__init__(f"{len(self.problems)} problem(s) in the data")
