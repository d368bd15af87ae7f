"""The loader on values that read well but cannot be true: a week no working week holds, a team
people.csv does not have, a character that shows as another, a deployment after every
measurement. The bad-input corpus (``tests/bad_inputs/``) holds one case of each; these tests
cover the edges and what must still be accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import DataError
from generator.input.dataset import Dataset
from generator.input.load import load_dataset
from generator.input.plausibility import WEEK_HOURS
from tests.fixture_company import Row, write_company

USAGE: list[Row] = [{"week": "2026-W03", "person": "sophie", "task": "compte_rendu", "uses": 3}]
PEOPLE = "person,name,team,trained_on\nsophie,Sophie,Agence Lyon,2026-01-05\n"


def company(tmp_path: Path, **settings: object) -> Path:
    """Sophie, one task saving 45 − 15 = 30 minutes a use, 3 uses in 2026-W03."""
    return write_company(tmp_path / "data", {"usage.csv": USAGE}, **settings)


def put(data_dir: Path, name: str, content: str) -> Path:
    path = data_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return data_dir


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as excinfo:
        load_dataset(data_dir)
    return [str(p) for p in excinfo.value.problems]


def usage_with(uses: int) -> str:
    return f"week,person,task,uses\n2026-W03,sophie,compte_rendu,{uses}\n"


def test_a_week_of_exactly_50_hours_saved_is_accepted(tmp_path: Path) -> None:
    uses = WEEK_HOURS * 60 // 30  # 100 uses × 30 min = 50 h
    data = load_dataset(put(company(tmp_path), "usage.csv", usage_with(uses)))
    assert data.frames["usage"]["uses"].tolist() == [100]


def test_one_use_more_is_refused_with_its_arithmetic(tmp_path: Path) -> None:
    assert problems(put(company(tmp_path), "usage.csv", usage_with(101))) == [
        "usage.csv:2: uses: 101 utilisations × 30 min = 50 h gagnées cette semaine, plus "
        "qu'une semaine de travail (50 h) : vérifiez le nombre d'utilisations (faute de "
        "frappe ?) ou les minutes de la tâche « compte_rendu » dans tasks.csv"
    ]


def test_hours_spent_with_the_ai_tool_are_bounded_too(tmp_path: Path) -> None:
    data_dir = company(tmp_path)
    put(data_dir, "tasks.csv", "task,minutes_before,minutes_after\ncompte_rendu,90,80,\n")
    assert problems(put(data_dir, "usage.csv", usage_with(40))) == [
        "usage.csv:2: uses: 40 utilisations × 80 min = 53 h passées avec l'IA cette "
        "semaine, plus qu'une semaine de travail (50 h) : vérifiez le nombre d'utilisations "
        "(faute de frappe ?) ou les minutes de la tâche « compte_rendu » dans tasks.csv"
    ]


def test_an_implausible_inbox_answer_names_its_file(tmp_path: Path) -> None:
    answer = "inbox/usage/20260120-093000-sophie-ab12.csv"
    found = problems(put(company(tmp_path), answer, usage_with(3000)))
    assert [p.split(": ")[0] for p in found] == [f"{answer}:2"]
    assert "3\u202f000 utilisations × 30 min = 1\u202f500 h" in found[0]


def capacity(team: str) -> str:
    return f"month,team,handled\n2026-01,{team},100\n"


def test_a_team_written_as_in_people_csv_is_accepted(tmp_path: Path) -> None:
    data_dir = put(company(tmp_path), "people.csv", PEOPLE)
    data = load_dataset(put(data_dir, "capacity.csv", capacity("Agence Lyon")))
    assert data.frames["capacity"]["team"].tolist() == ["Agence Lyon"]


@pytest.mark.parametrize("written", ["Agence lyon", "agence  lyon", "Agence Lyón", "Agense Lyon"])
def test_a_team_written_differently_gets_a_suggestion(tmp_path: Path, written: str) -> None:
    data_dir = put(company(tmp_path), "people.csv", PEOPLE)
    assert problems(
        put(data_dir, "revenue.csv", f"month,team,stream,revenue\n2026-01,{written},ventes,10\n")
    ) == [
        f"revenue.csv:2: team: l'équipe « {written} » n'est pas une équipe de people.csv : "
        "vouliez-vous dire « Agence Lyon » ? Écrivez-la exactement comme dans people.csv, "
        "sinon la comparaison avec le groupe témoin l'ignore"
    ]


def test_a_team_with_an_invisible_character_points_at_it(tmp_path: Path) -> None:
    data_dir = put(company(tmp_path), "people.csv", PEOPLE)
    assert problems(put(data_dir, "capacity.csv", capacity("Agence\u2060Lyon"))) == [
        "capacity.csv:2: team: « Agence\u2060Lyon » : le caractère n° 7 est U+2060 (WORD "
        "JOINER), invisible à l'écran : effacez la cellule et retapez la valeur au clavier"
    ]


def test_a_team_when_people_csv_has_none(tmp_path: Path) -> None:
    assert problems(put(company(tmp_path), "capacity.csv", capacity("Paris"))) == [
        "capacity.csv:2: team: l'équipe « Paris » n'est pas une équipe de people.csv (aucune) : "
        "écrivez-la exactement comme dans people.csv, sinon la comparaison avec le groupe "
        "témoin l'ignore"
    ]


def notices(data: Dataset) -> list[str]:
    return [n.code for n in data.notices]


def test_deployed_after_every_measurement_is_a_warning(tmp_path: Path) -> None:
    data = load_dataset(company(tmp_path, deployed_on="2026-03-02"))
    assert [n.message for n in data.notices] == [
        "deployed_on (2026-03-02) dans company.yml est postérieur à toutes les mesures (la "
        "dernière date du 2026-01-12) : aucune période « après » n'a encore de données, les "
        "comparaisons avant/après resteront vides ; vérifiez la date (faute de frappe sur "
        "l'année ?)"
    ]


def test_deployed_within_the_last_measured_week_is_no_warning(tmp_path: Path) -> None:
    assert notices(load_dataset(company(tmp_path, deployed_on="2026-01-12"))) == []


def test_a_planned_training_does_not_count_as_a_measurement(tmp_path: Path) -> None:
    data_dir = company(tmp_path, deployed_on="2026-03-02")
    put(data_dir, "people.csv", "person,trained_on\nsophie,2026-04-01\n")
    # Her usage rows, before that training, are also set aside (issue 10, usage before
    # training): two warnings, neither about the planned date being a measurement.
    assert notices(load_dataset(data_dir)) == ["deployed_after_data", "usage_before_training"]


def test_an_accented_identifier_keeps_its_own_message(tmp_path: Path) -> None:
    found = problems(
        put(company(tmp_path), "usage.csv", usage_with(3).replace("sophie", "sébastien"))
    )
    assert found == [
        "usage.csv:2: person: attendu un identifiant de 1 à 40 caractères parmi a-z 0-9 _ -, "
        "reçu « sébastien »"
    ]


def test_an_unknown_column_with_a_euro_sign_stays_a_warning(tmp_path: Path) -> None:
    content = "week,person,task,uses,prix (€)\n2026-W03,sophie,compte_rendu,3,4\n"
    data = load_dataset(put(company(tmp_path), "usage.csv", content))
    assert notices(data) == ["unknown_column"]


def test_a_cyrillic_letter_in_a_column_name_is_pointed_at(tmp_path: Path) -> None:
    content = "week,person,task,uѕes\n2026-W03,sophie,compte_rendu,3\n"
    assert problems(put(company(tmp_path), "usage.csv", content))[0] == (
        "usage.csv:1: « uѕes » : le caractère n° 2 est U+0455 (CYRILLIC SMALL LETTER DZE), qui "
        "ressemble à une lettre latine sans en être une : retapez la valeur au clavier"
    )


def test_rows_after_a_multi_line_cell_keep_their_spreadsheet_number(tmp_path: Path) -> None:
    content = 'month,error_type,count\n2026-01,"calcul\n\nfaux",1\n\n2026-02,oubli,x\n'
    assert problems(put(company(tmp_path), "errors.csv", content)) == [
        "errors.csv:4: count: attendu un nombre entier, reçu « x »"
    ]
