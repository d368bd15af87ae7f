"""The docstring examples of generator/ are tests: plain `pytest` (what `make test` runs)
collects them, so a wrong example fails the suite instead of misleading a reader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_plain_pytest_collects_every_module_with_an_example():
    with_examples = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*.py")
        if ">>> " in path.read_text("utf-8")
    }
    listing = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    collected = {line.split("::")[0] for line in listing.splitlines() if "::" in line}
    assert with_examples, "no docstring example found in generator/"
    assert with_examples <= collected, sorted(with_examples - collected)
