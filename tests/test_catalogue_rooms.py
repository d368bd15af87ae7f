"""The catalogue is split by room, one file per stage of the pipeline: each top-level key lives
in one room, and no file repeats a key (YAML would silently keep the last one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

LOCALES = Path(__file__).resolve().parents[1] / "generator" / "locales"
ROOMS = ("commands", "figures", "forms", "input", "metrics", "pages", "workbooks")


class StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a key written twice in one mapping."""


def strict_mapping(loader: StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(key) for key, _ in node.value]
    repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"line {node.start_mark.line + 1}: key(s) written twice: {repeated}")
    return loader.construct_mapping(node)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, strict_mapping)


def room(name: str) -> dict[str, Any]:
    return yaml.load((LOCALES / f"fr-{name}.yml").read_text("utf-8"), Loader=StrictLoader)


def test_the_catalogue_is_one_file_per_room():
    assert sorted(p.name for p in LOCALES.glob("*.yml")) == [f"fr-{r}.yml" for r in ROOMS]


@pytest.mark.parametrize("name", ROOMS)
def test_no_room_writes_a_key_twice(name: str):
    assert room(name)


def test_the_strict_reader_catches_a_repeated_key():
    with pytest.raises(ValueError, match="written twice"):
        yaml.load("a:\n  b: 1\n  b: 2\n", Loader=StrictLoader)


def test_each_top_level_key_lives_in_one_room():
    owners: dict[str, list[str]] = {}
    for name in ROOMS:
        for key in room(name):
            owners.setdefault(key, []).append(name)
    assert {key: rooms for key, rooms in owners.items() if len(rooms) > 1} == {}
