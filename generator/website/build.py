"""The one place that knows the pipeline order:
1. check that the site folder may be emptied, 2. load and check the data, 3. compute the
metrics, 4. stage the hand-written docs, 5. render the generated pages and ``metrics.json``
(refusing a hand-written file they would replace), 6. build the site with MkDocs, stamped."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from generator.core.errors import GeneratorError
from generator.core.i18n import text
from generator.figures import build_figures
from generator.figures.vega import write_assets
from generator.input.dataset import Dataset
from generator.input.load import load_dataset
from generator.metrics import report
from generator.pages.render import Page, all_pages, labels, nav, render_pages
from generator.pages.scripts import SCRIPTS
from generator.pages.warnings import worded
from generator.website.docscache import Console, Docs, folder_files, store_docs
from generator.website.reproducible import data_epoch
from generator.website.runner import PACKAGE, SiteFacts, build_docs, data_commit, default_config
from generator.website.sitedir import check_site_dir, write_stamp
from generator.workbooks.downloads import Download, write_downloads


@dataclass(frozen=True)
class Built:
    """What a build produced: the report, the pages and the downloads written."""

    report: dict[str, Any]
    pages: list[Page]
    data: Dataset
    downloads: list[Download]


def compute_report(data_dir: Path, public: bool = False) -> dict[str, Any]:
    """The ``metrics.json`` content of a data folder (of the complete report, or with
    ``public`` of the public one); raises DataError on invalid data."""
    data = replace(load_dataset(data_dir), public=public)
    return worded(report(data), data)


def metrics_json(result: dict[str, Any]) -> str:
    """``metrics.json`` text: unrounded numbers, no NaN (a NaN is a bug and raises)."""
    return json.dumps(result, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def stage_docs(user_docs: Path, staging: Path) -> list[Page]:
    """Copy the hand-written docs and the generator's assets; return hand-written pages."""
    if user_docs.is_dir():
        shutil.copytree(user_docs, staging, dirs_exist_ok=True)
    assets = staging / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(str(PACKAGE.joinpath("assets/roi.css")), assets / "roi.css")
    (assets / "javascripts").mkdir(exist_ok=True)
    for script in (*SCRIPTS, "iframe-worker.js"):
        shutil.copyfile(str(PACKAGE.joinpath(f"assets/{script}")), assets / "javascripts" / script)
    generated = {p.path for p in all_pages()}
    return [
        Page(path.relative_to(staging).as_posix(), "", page_title(path))
        for path in sorted(staging.rglob("*.md"))
        if path.relative_to(staging).as_posix() not in generated
    ]


def replaced_docs(user_docs: Path, docs_dir: Path) -> list[Path]:
    """The hand-written files that a generated file wrote over in ``docs_dir`` (same path,
    other bytes), as found in ``user_docs``."""
    if not user_docs.is_dir():
        return []
    return [
        path
        for path in sorted(user_docs.rglob("*"))
        if path.is_file()
        and (docs_dir / path.relative_to(user_docs)).read_bytes() != path.read_bytes()
    ]


def check_no_replaced_docs(user_docs: Path, docs_dir: Path) -> None:
    """Refuse, before the site is built, a hand-written file a generated one would replace."""
    replaced = replaced_docs(user_docs, docs_dir)
    if replaced:
        raise GeneratorError(
            "\n".join(
                text(
                    "outdir.doc_collision",
                    file=path.as_posix(),
                    suggestion=path.with_stem(f"{path.stem}-perso").as_posix(),
                )
                for path in replaced
            )
        )


def page_title(path: Path) -> str:
    """The first ``# heading`` of a hand-written page, else its file name."""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def generate(
    data_dir: Path,
    docs_dir: Path,
    user_docs: Path,
    today: date | None = None,
    public: bool = True,
) -> Built:
    """Steps 1–4: check the data (no measurement after ``today``), compute, and write every
    page into ``docs_dir``. A ``public`` report names and singles out nobody (see
    ``generator.metrics.privacy``); ``public=False`` gives the complete, named report."""
    data = replace(load_dataset(data_dir, today), public=public)
    result = worded(report(data), data)
    extra = stage_docs(user_docs, docs_dir)
    figures = build_figures(result, labels(data))
    write_assets(docs_dir, figures)
    downloads = write_downloads(result, data, docs_dir)
    pages = render_pages(data, result, docs_dir, data_commit(data_dir), figures, downloads)
    (docs_dir / "metrics.json").write_text(metrics_json(result), encoding="utf-8")
    check_no_replaced_docs(user_docs, docs_dir)
    return Built(result, pages + extra, data, downloads)


def build_site(
    data_dir: Path,
    site_dir: Path,
    config_file: Path | None = None,
    today: date | None = None,
    builder: str = "mkdocs",
    public: bool = True,
    keep: str | None = None,
) -> Built:
    """The whole pipeline: data in ``data_dir``, site in ``site_dir``, built by MkDocs or, with
    ``builder="zensical"``, by Zensical, after checking that ``site_dir`` may be emptied (see
    ``generator.website.sitedir``). Dates in the site come from the data (see
    ``generator.website.reproducible``): the same data gives the same files on any day. The site
    is the public report unless ``public`` is False (the complete, named report). With ``keep``,
    a docs-cache key, the generated docs of a successful build are stored under it (see
    ``generator.website.docscache``)."""
    config_file = config_file or default_config()
    check_site_dir(site_dir, data_dir, config_file)
    user_docs = config_file.parent / "docs"
    with tempfile.TemporaryDirectory(prefix="roi-docs-") as staging:
        docs_dir = Path(staging) / "docs"
        built = generate(data_dir, docs_dir, user_docs, today, public)
        files = folder_files(docs_dir) if keep else {}
        facts = site_facts(built)
        build_docs(config_file, docs_dir, site_dir, facts, builder)
    write_stamp(site_dir)
    if keep:
        store_docs(keep, Docs(files, facts, console(built)))
    return built


def site_facts(built: Built) -> SiteFacts:
    """What the site's configuration takes from a build (see ``runner.SiteFacts``)."""
    company = built.data.company
    return SiteFacts(
        company.name, nav(built.pages), company.published_url(), data_epoch(built.report)
    )


def console(built: Built) -> Console:
    """What ``roi build`` prints about a build's data."""
    rows = {
        name: {k: int(v) for k, v in count.items()} for name, count in built.report["rows"].items()
    }
    warnings = [str(warning["message"]) for warning in built.report["warnings"]]
    return Console(rows, list(built.data.replaced), warnings, len(built.pages))
