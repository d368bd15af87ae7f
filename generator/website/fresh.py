"""A fresh ``roi build``: the generated docs come from the docs cache when a successful build
had exactly the same inputs (see ``generator.website.docscache``), else from the whole
pipeline (``generator.website.build``, imported only then, with pandas and the rest)."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from generator.website.docscache import BuildInputs, Console, cached_docs, docs_key, write_docs
from generator.website.runner import EPOCH_VARIABLE, build_docs, data_commit, default_config
from generator.website.sitedir import check_site_dir, write_stamp


def build_inputs(
    data_dir: Path, config_file: Path, today: date | None, public: bool
) -> BuildInputs:
    """What a build of ``data_dir`` depends on besides the files: the options, the data's
    commit (shown on the pages) and the caller's ``SOURCE_DATE_EPOCH``."""
    user_docs = config_file.parent / "docs"
    commit = data_commit(data_dir)
    return BuildInputs(data_dir, user_docs, today, public, commit, os.environ.get(EPOCH_VARIABLE))


def fresh_build(data_dir: Path, site_dir: Path, today: date | None, public: bool) -> Console:
    """Build the site of ``data_dir`` into ``site_dir`` as ``build_site`` does, reusing the
    generated docs of an identical earlier build; return what to print about the data."""
    config_file = default_config()
    check_site_dir(site_dir, data_dir, config_file)
    key = docs_key(build_inputs(data_dir, config_file, today, public))
    docs = cached_docs(key)
    if docs is None:
        from generator.website.build import build_site, console

        return console(build_site(data_dir, site_dir, config_file, today, public=public, keep=key))
    with tempfile.TemporaryDirectory(prefix="roi-docs-") as staging:
        docs_dir = Path(staging) / "docs"
        write_docs(docs.files, docs_dir)
        build_docs(config_file, docs_dir, site_dir, docs.facts)
    write_stamp(site_dir)
    return docs.console
