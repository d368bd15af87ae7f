"""The generated docs of a successful ``roi build``, kept for the next one with exactly the
same inputs (issue 11: do nothing twice). On a hit, the docs folder and the lines the build
printed come back from ``.roi/cache/docs-<key>.bin`` and only the site builder runs: no data
library is imported, nothing is loaded, checked or rendered again.

The key is a digest of everything the generated docs depend on (``docs_key``): every file
of the data folder (names and bytes, hidden ones and the inbox included) and of the
hand-written docs, the generator's own files (code, templates, words, assets), the Python
version and the versions of the libraries that shape the output, the options (build date,
public or private, the data folder as given), the data's commit shown on the pages and
``SOURCE_DATE_EPOCH``. Only a build that succeeded is stored. Deleting ``.roi/`` is always
safe; the newest ``KEPT`` entries are kept."""

from __future__ import annotations

import hashlib
import marshal
import sys
from dataclasses import asdict, dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.core.cache import PACKAGE_DIR, cache_dir, files_digest, store
from generator.website.runner import EPOCH_VARIABLE, SiteFacts

FORMAT = "roi-docs-1"
KEPT = 4
LIBRARIES = (
    "pandas",
    "numpy",
    "pandera",
    "altair",
    "vl-convert-python",
    "jinja2",
    "markupsafe",
    "openpyxl",
    "pyyaml",
    "python-dateutil",
    "tzdata",
)
"""The libraries whose version may change the generated docs (MkDocs runs at every build)."""


@dataclass(frozen=True)
class BuildInputs:
    """What a ``roi build`` is asked, besides the files: the options the CLI passes."""

    data_dir: Path
    user_docs: Path
    today: date | None
    public: bool
    commit: str
    source_date_epoch: str | None


@dataclass(frozen=True)
class Console:
    """What a build prints about the data: rows read and used per file, answers replaced by
    newer ones, warnings, and the number of pages."""

    rows: dict[str, dict[str, int]]
    replaced: list[str]
    warnings: list[str]
    pages: int


@dataclass(frozen=True)
class Docs:
    """A cached build: its generated docs folder (relative path → bytes), the facts the site's
    configuration needs, and what it printed."""

    files: dict[str, bytes]
    facts: SiteFacts
    console: Console


def folder_digest(folder: Path) -> str:
    """Every entry under ``folder``, hidden ones included: relative names, kinds and the bytes
    of files. A missing folder has a digest of its own."""
    digest = hashlib.sha256(b"present" if folder.is_dir() else b"absent")
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        kind = b"file" if path.is_file() else b"other"
        digest.update(
            kind + (hashlib.sha256(path.read_bytes()).digest() if kind == b"file" else b"")
        )
    return digest.hexdigest()


def generator_digest() -> str:
    """Every file of the generator package (code, templates, locales, assets, scaffold)."""
    return files_digest(PACKAGE_DIR, ("**/*",))


def library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def docs_key(inputs: BuildInputs) -> str:
    """The digest of everything the generated docs of ``inputs`` depend on."""
    parts = [
        FORMAT,
        sys.version,
        *(f"{name}={library_version(name)}" for name in LIBRARIES),
        generator_digest(),
        str(inputs.data_dir),
        folder_digest(inputs.data_dir),
        folder_digest(inputs.user_docs),
        inputs.today.isoformat() if inputs.today else "no date",
        "public" if inputs.public else "private",
        inputs.commit,
        f"{EPOCH_VARIABLE}={inputs.source_date_epoch}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def entry_path(key: str) -> Path:
    return cache_dir() / f"docs-{key}.bin"


def folder_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def store_docs(key: str, docs: Docs) -> None:
    """Keep ``docs`` under ``key`` (one file, written whole), then forget the oldest entries."""
    content = {"files": docs.files, "facts": asdict(docs.facts), "console": asdict(docs.console)}
    store(entry_path(key), marshal.dumps(content))
    entries = sorted(cache_dir().glob("docs-*.bin"), key=written)
    for old in entries[:-KEPT]:
        old.unlink(missing_ok=True)


def written(entry: Path) -> int:
    """When ``entry`` was stored; 0 once another build has forgotten it."""
    try:
        return entry.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def cached_docs(key: str) -> Docs | None:
    """The docs stored under ``key``, or None: never stored, forgotten meanwhile, or damaged
    (a disk error, a hand edit): the build then runs in full and stores a sound entry."""
    try:
        content: dict[str, Any] = marshal.loads(entry_path(key).read_bytes())
        return Docs(content["files"], SiteFacts(**content["facts"]), Console(**content["console"]))
    except FileNotFoundError:
        return None
    except (EOFError, ValueError, TypeError, KeyError):
        return None


def write_docs(files: dict[str, bytes], docs_dir: Path) -> None:
    """Write the cached files into the staging ``docs_dir``."""
    for name, content in files.items():
        path = docs_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
