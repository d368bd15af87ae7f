"""Each default of ``company.yml`` is written once, in ``generator/input/settings.py``: the file
``roi init`` writes and every text that names a default are derived from it (issue 11, §3)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.commands.settingsfile import COMMENT_COLUMN, COMMENT_GAP, yaml_value
from generator.core.i18n import catalogue
from generator.figures import build_figures
from generator.input import settingvalues
from generator.input.company import Company, load_company
from generator.input.load import load_dataset
from generator.input.settings import SETTING_BY_KEY, SETTINGS, VALUES
from generator.input.settingvalues import default_text
from generator.metrics import report
from generator.pages.render import labels, render_pages
from generator.pages.warnings import worded

GENERATOR = Path(__file__).parent.parent / "generator"
FIXTURE = Path(__file__).parent / "fixtures" / "excel_plain"
PAGES = (
    "confidentialite.md",
    "metriques/adoption.md",
    "metriques/delai-de-rentabilite.md",
    "questionnaires/recevoir.md",
)
COMMENTS = catalogue()["settings"]["init"]["comments"]
BY_DEFAULT = re.compile(r"`?([\w.]+)`?\)?,? +par défaut")
"""A word written just before « par défaut »: « (3 par défaut) », « `main` par défaut »."""


def init_settings(tmp_path: Path) -> str:
    """The ``company.yml`` that ``roi init`` writes, read back from the disk."""
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "co")])
    assert result.exit_code == 0, result.output
    return (tmp_path / "co" / "data" / "company.yml").read_text("utf-8")


def test_roi_init_writes_the_declared_defaults_that_the_reader_reads_back(tmp_path: Path) -> None:
    init_settings(tmp_path)
    company, problems = load_company(tmp_path / "co" / "data")
    assert problems == []
    monday = date.today() - timedelta(days=date.today().weekday())
    assert company == Company("Mon entreprise", monday)  # every other field: its default


def test_roi_init_writes_each_setting_on_its_line_with_its_default_and_comment(
    tmp_path: Path,
) -> None:
    lines = init_settings(tmp_path).splitlines()
    assert lines[0] == f"# {catalogue()['settings']['init']['header']}"
    for setting in SETTINGS:
        if setting.kind == "edges":  # the method's edges apply: `thresholds: {}`
            assert not any(line.lstrip().startswith(f"{setting.name}:") for line in lines)
            continue
        start = "  " * setting.key.count(".") + f"{setting.name}:"
        line = next(line for line in lines if line.startswith(start))
        value, _, comment = line.removeprefix(start).partition(" # ")
        if setting.kind == "section":
            assert value.strip() == ("{}" if setting.key == "thresholds" else ""), setting.key
        elif not setting.required:
            assert value.strip() == yaml_value(setting.default), setting.key
        assert comment == COMMENTS.get(setting.key, ""), setting.key
        if comment:
            column = line.index(" # ") + 1
            assert column == max(COMMENT_COLUMN, len(value.rstrip()) + len(start) + COMMENT_GAP)


def test_every_comment_of_the_init_file_is_for_a_written_setting() -> None:
    assert all(SETTING_BY_KEY[key].kind != "edges" for key in COMMENTS)


def words_before_by_default(text: str) -> list[str]:
    return BY_DEFAULT.findall(text)


def test_the_pattern_finds_a_default_written_by_hand() -> None:
    assert words_before_by_default("seuil (3 par défaut) ; (`recent_months`, 3 par défaut)") == [
        "3",
        "3",
    ]
    assert words_before_by_default("branche (`main` par défaut)") == ["main"]


def test_no_template_nor_catalogue_text_writes_a_declared_default_by_hand() -> None:
    """« (3 par défaut) » must come from the declaration (``defaults`` in the templates,
    ``{default[key]}`` in the guide), or it stays 3 when the default changes."""
    defaults = {default_text(s) for s in SETTINGS if s.kind != "section" and not s.required}
    files = [*GENERATOR.glob("templates/**/*.j2"), *GENERATOR.glob("locales/*.yml")]
    files += GENERATOR.glob("scaffold/**/*")
    found = [
        f"{path.relative_to(GENERATOR)}: {word}"
        for path in files
        if path.is_file()
        for word in words_before_by_default(path.read_text("utf-8"))
        if word in defaults
    ]
    assert found == []


CHANGED = {"privacy.min_group_size": 4, "active_uses_per_week": 5, "recent_months": 2}


def test_the_pages_say_the_default_of_the_declaration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other defaults in the declaration: the privacy page, the guides of adoption and payback
    and the managers' guide follow them (the fixture's own values stay as written)."""
    declared = tuple(
        replace(s, default=CHANGED.get(s.key, "trunk" if s.key == "forms.branch" else s.default))
        for s in VALUES
    )
    monkeypatch.setattr(settingvalues, "VALUES", declared)
    data = load_dataset(FIXTURE)
    result = worded(report(data), data)
    render_pages(data, result, tmp_path, "abc1234 2026-06-01", build_figures(result, labels(data)))
    page = {p: (tmp_path / p).read_text("utf-8") for p in PAGES}
    assert "**`privacy.min_group_size`** (4 par défaut)" in page["confidentialite.md"]
    assert "(5 par défaut, réglage de `company.yml`)" in page["metriques/adoption.md"]
    assert "(`recent_months`, 2 par défaut)" in page["metriques/delai-de-rentabilite.md"]
    assert "si ce n'est pas\n   `trunk`)" in page["questionnaires/recevoir.md"]
