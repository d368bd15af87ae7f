"""``roi serve``: the site on a local address, rebuilt when a data file changes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve

from generator.core.errors import DataError, GeneratorError
from generator.core.i18n import text
from generator.pages.render import nav
from generator.website.build import Built, generate


def snapshot(folders: list[Path]) -> dict[Path, float]:
    """Modification times of every file under ``folders``."""
    return {
        path: path.stat().st_mtime
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    }


def watch(folders: list[Path], on_change: Callable[[], None], stop: threading.Event) -> None:
    """Call ``on_change`` whenever a file under ``folders`` is added, removed or edited."""
    seen = snapshot(folders)
    while not stop.wait(1.0):
        current = snapshot(folders)
        if current != seen:
            seen = current
            on_change()


def regenerate(
    data_dir: Path,
    staging: Path,
    user_docs: Path,
    report: Callable[[str], None],
    public: bool = True,
) -> None:
    """Rewrite the staged pages; bad data keeps the last good pages and prints why."""
    try:
        generate(data_dir, staging, user_docs, public=public)
        report(text("serve.regenerated"))
    except DataError as error:
        report("\n".join(str(p) for p in error.problems))
    except GeneratorError as error:  # a hand-written page named like a generated one
        report(str(error))


def serve_site(
    data_dir: Path,
    config_file: Path,
    dev_addr: str,
    report: Callable[[str], None],
    public: bool = True,
) -> None:
    """Generate once, then serve with live reload until interrupted (the public report, or
    with ``public=False`` the complete, named one)."""
    staging = Path(".roi/docs").resolve()
    user_docs = config_file.parent / "docs"
    built: Built = generate(data_dir, staging, user_docs, public=public)
    stop = threading.Event()
    rebuild = lambda: regenerate(data_dir, staging, user_docs, report, public)  # noqa: E731
    watcher = threading.Thread(
        target=watch, args=([data_dir, user_docs], rebuild, stop), daemon=True
    )
    watcher.start()
    try:
        mkdocs_serve(
            config_file=str(config_file),
            docs_dir=str(staging),
            site_name=built.data.company.name,
            nav=nav(built.pages),
            dev_addr=dev_addr,
        )
    finally:
        stop.set()
