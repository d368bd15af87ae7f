"""The site folder ``roi build`` may empty: never one holding the user's files.

MkDocs empties the site folder before writing into it, so the folder is checked before
anything is written: not the data, the hand-written docs, the repository, the home folder or
the filesystem root, nor a folder holding them; not a folder inside the data or the docs; not
a Git repository; and, when not empty, a previous build of roi-ia (its stamp file, or the
files of the builds made before the stamp existed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.core.errors import GeneratorError
from generator.core.i18n import text

STAMP = "roi-ia-site.txt"
# What every build wrote before the stamp existed: such a folder is a previous build too.
UNMARKED_BUILD = ("metrics.json", "sitemap.xml", "assets/javascripts/roi-charts.js")


def git_toplevel(folder: Path) -> Path | None:
    """The top folder of the Git repository holding ``folder``; None outside one or without
    Git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    top = done.stdout.strip()
    return Path(top) if done.returncode == 0 and top else None


def within(inner: Path, outer: Path) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it (both resolved)."""
    return inner == outer or outer in inner.parents


def relation(site: Path, folder: Path, inside_too: bool) -> str | None:
    """How the resolved ``site`` touches the resolved ``folder``: the catalogue key of the
    words, or None when they are apart (or ``site`` only lies inside, not ``inside_too``)."""
    if site == folder:
        return "is"
    if within(folder, site):
        return "contains"
    return "inside" if inside_too and within(site, folder) else None


def protected(data_dir: Path, config_file: Path) -> list[tuple[str, Path, bool]]:
    """The folders a site folder must keep away from: catalogue key of their name, path as
    the user gave it, and whether lying inside them is refused too."""
    root = config_file.parent
    folders = [
        ("data", data_dir, True),
        ("docs", root / "docs", True),
        ("repository", root.resolve(), False),
        ("home", Path.home(), False),
    ]
    top = git_toplevel(data_dir) if data_dir.is_dir() else None
    return folders + ([("repository", top, False)] if top else [])


def location_problem(site_dir: Path, data_dir: Path, config_file: Path) -> str | None:
    """Why ``site_dir`` is or holds a protected folder, else None."""
    site = site_dir.resolve()
    if site == Path(site.anchor):
        return text("outdir.filesystem_root", site=site_dir.as_posix())
    found = [
        (how, name, folder)
        for name, folder, inside_too in protected(data_dir, config_file)
        if (how := relation(site, folder.resolve(), inside_too))
    ]
    if not found:
        return None
    how, name, folder = min(found, key=lambda touch: touch[0] != "is")  # "is" says it best
    what = text(f"outdir.folders.{name}", folder=folder.as_posix())
    return text(f"outdir.{how}", site=site_dir.as_posix(), what=what)


def previous_build(folder: Path) -> bool:
    """Whether ``folder`` holds a site built by roi-ia: its stamp, or an unmarked build."""
    return (folder / STAMP).is_file() or all((folder / name).is_file() for name in UNMARKED_BUILD)


def content_problem(site_dir: Path) -> str | None:
    """Why the existing ``site_dir`` may not be emptied, else None."""
    site = site_dir.resolve()
    shown = site_dir.as_posix()
    if not site.exists():
        return None
    if not site.is_dir():
        return text("outdir.not_a_folder", site=shown)
    if (site / ".git").exists():
        return text("outdir.git", site=shown)
    entries = sorted(entry.name for entry in site.iterdir())
    if entries and not previous_build(site):
        return text("outdir.not_a_build", site=shown, count=len(entries), example=entries[0])
    if link := first_link(site):
        return text("outdir.link", site=shown, link=link.relative_to(site).as_posix())
    return None


def first_link(folder: Path) -> Path | None:
    """A symbolic link inside ``folder``, not followed: the build would write through it into
    a folder that is not the site's."""
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            return path
    return None


def check_site_dir(site_dir: Path, data_dir: Path, config_file: Path) -> None:
    """Raise GeneratorError, before anything is written, when building into ``site_dir`` could
    delete a file that roi-ia did not write."""
    problem = location_problem(site_dir, data_dir, config_file) or content_problem(site_dir)
    if problem:
        raise GeneratorError(f"{problem} {text('outdir.remedy')}")


def write_stamp(site_dir: Path) -> None:
    """Mark ``site_dir`` as a build of roi-ia (same bytes on every build, nothing private)."""
    (site_dir / STAMP).write_text(text("outdir.stamp") + "\n", encoding="utf-8")


def replace_site(built: Path, site_dir: Path) -> None:
    """Put the site ``built`` elsewhere into the checked ``site_dir``, emptied first as MkDocs
    does it: hidden entries (``.nojekyll``) are kept."""
    target = site_dir.resolve()
    if target.is_dir():
        for entry in target.iterdir():
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    shutil.copytree(built, target, dirs_exist_ok=True)
