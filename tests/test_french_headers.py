"""French column names: one alias per column, declared in the schema, read by the loader,
shown on « Vos données », written by ``roi init --french-headers`` and kept by the merge."""

from __future__ import annotations

from pathlib import Path

from generator.input.parse import fold
from generator.input.schema import FILES

GOLDEN_DATA_PAGE = Path(__file__).parent / "golden" / "donnees.md"


def test_every_column_has_one_french_alias_that_names_no_other_column() -> None:
    for schema in FILES:
        names = {fold(c.name): c.name for c in schema.columns}
        aliases = [fold(c.alias) for c in schema.columns]
        assert all(aliases), schema.name
        assert len(set(aliases)) == len(aliases), schema.name
        for column in schema.columns:
            other = names.get(fold(column.alias), column.name)
            assert other == column.name, (schema.name, column.alias, other)
            assert column.alias == column.alias.lower(), (schema.name, column.alias)
            assert all(c.isalnum() or c == "_" for c in column.alias), column.alias


def test_the_data_page_shows_each_column_with_its_alias() -> None:
    page = GOLDEN_DATA_PAGE.read_text("utf-8")
    for schema in FILES:
        for column in schema.columns:
            assert f"| `{column.name}` | `{column.alias}` |" in page, (schema.name, column.name)
