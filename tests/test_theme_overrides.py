"""The staged site configuration brings our theme overrides (generator/overrides) and the task
list labels (generator/website/tasklabels.py); a company's own ``custom_dir`` wins. What they
fix in the browser is tested by tests/test_browser_a11y.py."""

from __future__ import annotations

from pathlib import Path

from generator.website.config import OVERRIDES, TASK_LABELS, with_overrides, write_site_config


def staged(tmp_path: Path, settings: str) -> tuple[str, Path]:
    config = tmp_path / "company" / "mkdocs.yml"
    config.parent.mkdir()
    config.write_text(settings, "utf-8")
    docs = tmp_path / "stage" / "docs"
    docs.mkdir(parents=True)
    target = write_site_config(config, docs, tmp_path / "site", "Atelier", [], "")
    return target.read_text("utf-8"), target.parent


def test_staged_config_uses_the_overrides_it_copies(tmp_path):
    text, folder = staged(tmp_path, "theme:\n  name: material\n")
    assert f"custom_dir: {OVERRIDES}" in text
    assert f"- {TASK_LABELS}" in text
    search = (folder / OVERRIDES / "partials" / "search.html").read_text("utf-8")
    assert 'role="dialog" aria-label="{{ lang.t(\'search\') }}"' in search


def test_a_company_custom_dir_and_extension_list_are_kept():
    settings = {
        "theme": {"name": "material", "custom_dir": "mine"},
        "markdown_extensions": [{TASK_LABELS: {}}, "tables"],
    }
    staged = with_overrides(settings)
    assert staged["theme"]["custom_dir"] == "mine"
    assert staged["markdown_extensions"] == [{TASK_LABELS: {}}, "tables"]
