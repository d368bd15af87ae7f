"""The build cache, ``.roi/cache`` of the current folder: chart images, figures, workbooks and
compiled templates, each stored under a key made of everything that produced it, so that a
build only remakes what changed. Files are written aside then renamed: two builds may share
the folder, and an interrupted one leaves no half-written file. Deleting it is always safe."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SOURCES = ("**/*.py", "locales/*.yml")
"""The generator's files a cached figure or workbook may depend on: its code and its words."""


def cache_dir() -> Path:
    return Path(".roi/cache")


def store(path: Path, content: str | bytes) -> None:
    """Write ``path`` whole or not at all: a build running at the same time never reads a
    half-written file (written aside, then renamed over)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
    ) as aside:
        aside.write(data)
    os.replace(aside.name, path)


def cached_bytes(key: str, produce: Callable[[], bytes]) -> bytes:
    """The bytes cached under the file name ``key``, produced (and stored) when missing."""
    path = cache_dir() / key
    if path.is_file():
        return path.read_bytes()
    content = produce()
    store(path, content)
    return content


def files_digest(root: Path, patterns: tuple[str, ...]) -> str:
    """A digest of the files under ``root`` matching ``patterns``: their relative names and
    bytes (compiled bytecode left out)."""
    digest = hashlib.sha256()
    found = {p for pattern in patterns for p in root.glob(pattern)}
    for path in sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def source_fingerprint() -> str:
    """A digest of the generator's own files (see ``SOURCES``), read once per process."""
    return files_digest(PACKAGE_DIR, SOURCES)
