"""Issue 10, section 2: every company.yml value that reaches the computation is checked by
``roi validate``, with its line, so that ``roi build`` never meets one it cannot use (a
threshold list that is short, a text, descending, an unknown metric; ``.inf`` and ``.nan``,
valid YAML, in any number; a blank price)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.fixture_company import write_company

HEAD = "name: Atelier Exemple\ndeployed_on: 2026-01-05\n"
SUMMARY = "1 problème(s) dans les données : rien n'a été publié."
EDGES = "attendu 3 nombres ≥ 0, strictement croissants, entre crochets (ex. [5, 10, 20])"
SECTION = "attendu une rubrique, ses réglages indentés sur les lignes suivantes"
CASES = {
    "short-list": ("thresholds:\n  time_saved: [5, 10]\n", 4,
                   f"thresholds.time_saved: {EDGES}, reçu « [5, 10] »"),
    "text": ("thresholds: texte\n", 3, f"thresholds: {SECTION}, reçu « texte »"),
    "list-not-map": ("thresholds: [1, 2]\n", 3, f"thresholds: {SECTION}, reçu « [1, 2] »"),
    "strings": ("thresholds:\n  time_saved: ['a', 'b', 'c']\n", 4,
                f"thresholds.time_saved: {EDGES}, reçu « [a, b, c] »"),
    "descending": ("thresholds:\n  time_saved: [20, 10, 5]\n", 4,
                   f"thresholds.time_saved: {EDGES}, reçu « [20, 10, 5] »"),
    "unknown-metric": ("thresholds:\n  time_saving: [5, 10, 20]\n", 4,
                       "thresholds.time_saving: réglage inconnu, il ne serait pas pris en "
                       "compte : vouliez-vous dire « time_saved » ?"),
    "edge-inf": ("thresholds:\n  time_saved: [5, 10, .inf]\n", 4,
                 f"thresholds.time_saved: {EDGES}, reçu « [5, 10, .inf] »"),
    "hourly-inf": ("hourly_value: .inf\n", 3,
                   "hourly_value: attendu un nombre entre 0 et 1000, reçu « .inf »"),
    "hourly-nan": ("hourly_value: .nan\n", 3,
                   "hourly_value: attendu un nombre entre 0 et 1000, reçu « .nan »"),
    "price-nan": ("alternatives: {Stagiaire: .nan}\n", 3,
                  "alternatives.Stagiaire: attendu un nombre entre 0 et 10000, reçu « .nan »"),
    "price-blank": ("alternatives: {Stagiaire: }\n", 3,
                    "alternatives.Stagiaire: attendu un nombre entre 0 et 10000, reçu «  »"),
    "error-cost-minus-inf": ("error_cost: -.inf\n", 3,
                             "error_cost: attendu un nombre entre 0 et 1000000, reçu « -.inf »"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_value_the_build_cannot_use_is_refused_by_validate_and_build(
    tmp_path: Path, case: str
) -> None:
    settings, line, message = CASES[case]
    data = write_company(tmp_path / "data", {})
    (data / "company.yml").write_text(HEAD + settings, encoding="utf-8")
    runner = CliRunner(env={"GITHUB_ACTIONS": None, "NO_MKDOCS_2_WARNING": "1"})
    for command in (["validate"], ["build", "--site-dir", str(tmp_path / "site")]):
        result = runner.invoke(cli, [*command, "--data", str(data), "--today", "2026-06-30"])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert result.stderr.splitlines() == [
            f"{data.as_posix()}/company.yml:{line}: {message}",
            SUMMARY,
        ]
    assert not (tmp_path / "site").exists()
