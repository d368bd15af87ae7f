"""A file's header line: French aliases read as the contract's names, and what is wrong with
it, each problem saying how to fix it (a required column missing, with the columns found and
the one that most likely means it; a column written twice, under one name or two; a column
name holding a look-alike or invisible character)."""

from __future__ import annotations

import difflib

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.input.parse import fold, odd_character
from generator.input.schema import Column, FileSchema
from generator.input.suggest import CUTOFF


def contract_header(schema: FileSchema, written: list[str]) -> list[str]:
    """Each header cell as the contract names it: a column's French alias, case and accents
    aside (« Tâche », « tache »), becomes its name; any other cell stays as written.

    >>> from generator.input.schema import SCHEMAS
    >>> contract_header(SCHEMAS["usage.csv"], ["semaine", "Personne", "tache", "uses", "note"])
    ['week', 'person', 'task', 'uses', 'note']
    """
    aliases = {fold(c.alias): c.name for c in schema.columns if c.alias}
    names = set(schema.column_names)
    return [cell if cell in names else aliases.get(fold(cell), cell) for cell in written]


def column_words(column: Column) -> str:
    """« uses » (ou « utilisations »): a column by its name and, when it differs, its alias."""
    if column.alias and column.alias != column.name:
        return text("loader.column_or_alias", name=column.name, alias=column.alias)
    return text("loader.quoted", value=column.name)


def similarity(found: str, column: Column) -> float:
    """How close a found header is to a column's name or alias (difflib's ratio, folded)."""
    return max(
        difflib.SequenceMatcher(None, fold(found), fold(word)).ratio()
        for word in (column.name, column.alias or column.name)
    )


def nearest_found(missing: list[Column], unknown: list[str]) -> dict[str, str]:
    """Each missing column's likeliest misspelling among the unknown headers (ratio ≥
    :data:`~generator.input.suggest.CUTOFF`); a header is given to one column only, the
    closest pair first (« uses » means « use », not « hours », in a usage-shaped file)."""
    pairs = [(similarity(f, column), column.name, f) for column in missing for f in unknown]
    pairs.sort(key=lambda pair: -pair[0])
    nearest: dict[str, str] = {}
    for ratio, column_name, found in pairs:
        if ratio >= CUTOFF and column_name not in nearest and found not in nearest.values():
            nearest[column_name] = found
    return nearest


def missing_column_problem(
    name: str, schema: FileSchema, column: Column, written: list[str], near: str | None
) -> Problem:
    """A required column absent: the columns found, and the unknown one that most likely
    means it (« usages » for « uses »), if any."""
    values = {
        "column": column_words(column),
        "found": ", ".join(written),
        "columns": ", ".join(schema.column_names),
    }
    if near:
        message = text("loader.missing_column_near", near=near, **values)
    else:
        message = text("loader.missing_column", **values)
    return Problem(name, 1, column.name, message)


def header_problems(name: str, schema: FileSchema, written: list[str]) -> list[Problem]:
    """Every problem of a header as written (lower-cased, BOM dropped)."""
    header = contract_header(schema, written)
    unknown = [w for w, c in zip(written, header, strict=True) if c not in schema.column_names]
    missing = [c for c in schema.columns if c.required and c.name not in header]
    nearest = nearest_found(missing, unknown)
    problems = [
        missing_column_problem(name, schema, column, written, nearest.get(column.name))
        for column in missing
    ]
    for column in schema.columns:
        spellings = [w for w, c in zip(written, header, strict=True) if c == column.name]
        if len(set(spellings)) > 1:
            first, second = sorted(set(spellings), key=spellings.index)[:2]
            message = text("loader.column_twice", first=first, second=second, column=column.name)
            problems.append(Problem(name, 1, column.name, message))
        elif len(spellings) > 1:
            problems.append(Problem(name, 1, column.name, text("loader.duplicate_column")))
    for repeated in sorted({c for c in unknown if unknown.count(c) > 1}):
        problems.append(Problem(name, 1, repeated, text("loader.duplicate_column")))
    odd = (odd_character(c, ascii_only=True) for c in unknown)
    return problems + [Problem(name, 1, "", message) for message in odd if message]
