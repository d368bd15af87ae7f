"""The generator's folders are the stages of the pipeline, and data flows one way: no module
imports a module of a later stage (``core`` is under everything, ``cli.py`` on top)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

STAGES: dict[str, int] = {
    "core": 0,
    "input": 1,
    "metrics": 2,
    "figures": 3,
    "workbooks": 3,
    "pages": 4,
    "website": 5,
    "commands": 6,
    "cli": 7,
    "__main__": 8,
}
"""Each folder's rank: a module may import its own stage and earlier ones only. Figures and
workbooks are siblings: neither imports the other."""


def stage(module: str) -> str:
    """The stage of ``generator.<stage>...`` or of a module under ``generator/``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE
    )


def imported_by(tree: ast.AST) -> set[str]:
    """Every ``generator...`` module imported in ``tree``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator.")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "generator":
                found |= {f"generator.{a.name}" for a in node.names}
            elif node.module.startswith("generator."):
                found.add(node.module)
    return found


def imported(path: Path) -> set[str]:
    """Every ``generator...`` module ``path`` imports, type-only imports included."""
    return imported_by(ast.parse(path.read_text(encoding="utf-8")))


def dotted(path: Path) -> str:
    return ".".join(("generator", *path.relative_to(PACKAGE).with_suffix("").parts))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_later_stage(path: Path):
    own = stage(dotted(path))
    assert own in STAGES, f"{path}: a module outside the stage folders"
    later = sorted(m for m in imported(path) if STAGES.get(stage(m), -1) > STAGES[own])
    siblings = sorted(
        m for m in imported(path) if stage(m) != own and STAGES.get(stage(m)) == STAGES[own]
    )
    assert later == [], f"{dotted(path)} imports a later stage"
    assert siblings == [], f"{dotted(path)} imports a sibling stage"


def type_only_imports(path: Path) -> set[str]:
    """The ``generator...`` modules imported under ``if TYPE_CHECKING:`` in ``path``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                found |= imported_by(child)
    return found


def test_no_type_only_import_of_our_modules():
    """A ``TYPE_CHECKING`` import of one of our modules hides a circle; the stages leave none.
    (Third-party types may be imported that way, to import the library itself lazily.)"""
    hiding = {dotted(p): type_only_imports(p) for p in modules()}
    assert {m: found for m, found in hiding.items() if found} == {}


def test_every_stage_folder_is_declared():
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == {s for s in STAGES if s not in {"cli", "__main__"}}


WORDING = {"generator.core.format", "generator.core.i18n"}
"""The modules that turn values into French: the number formatter and the catalogue."""


@pytest.mark.parametrize("path", sorted((PACKAGE / "metrics").glob("*.py")), ids=lambda p: p.name)
def test_compute_formats_no_words(path: Path):
    """Compute returns codes and values; the pages word them (``generator.pages.warnings``)."""
    assert imported(path) & WORDING == set(), f"{dotted(path)} formats words"


def declared_names(path: Path) -> set[str]:
    """The classes and UPPER_CASE constants ``path`` declares at its top level."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        names |= {t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()}
    return names


def test_no_two_modules_declare_the_same_class_or_constant():
    """One name, one fact: ``Column`` of the schema and of a workbook, two ``STAMP``s... were
    read for one another."""
    owners: dict[str, list[str]] = {}
    for path in modules():
        for name in declared_names(path):
            owners.setdefault(name, []).append(dotted(path))
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}
