"""The loader on broken data: one broken file per case, the exact problems it reports.

Each case writes a small valid company (``write_company``), then replaces ONE file with raw
bytes, so the case controls every byte the loader reads. Problems are compared as the user
reads them: ``file:line: column: message``, sorted by file, line, column and message.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from generator.core.errors import DataError
from generator.input.dataset import Dataset
from generator.input.load import load_dataset
from generator.website.build import compute_report
from tests.fixture_company import Row, write_company
from tests.report_helpers import near, value

USAGE: list[Row] = [{"week": "2026-W03", "person": "sophie", "task": "compte_rendu", "uses": 3}]
COMPANY = "name: Atelier Exemple\ndeployed_on: 2026-01-05\n"
USAGE_HEADER = "week,person,task,uses\n"
FR_EXCEL = "\ufeff"  # French Excel's "CSV UTF-8" starts with a BOM and ends lines with CRLF

MISSING_USES = (
    "usage.csv:1: uses: colonne obligatoire « uses » (ou « utilisations ») absente : ajoutez-la "
    "(colonnes trouvées : week, person, task ; "
    "en-tête attendu : week, person, task, uses, declared_minutes, tool)"
)
NOT_A_WEEK = "attendu une semaine AAAA-Wnn (ex. 2026-W03 : du 12 au 18 janvier 2026) ou une date"
EXCEL_HINT = "dans Excel, « Enregistrer sous » puis « CSV UTF-8 (délimité par des virgules) »"


def company(tmp_path: Path) -> Path:
    """A valid data folder: Sophie, one task saving 30 minutes, 3 uses in 2026-W03."""
    return write_company(tmp_path / "data", {"usage.csv": USAGE})


def put(data_dir: Path, name: str, content: str | bytes | None) -> None:
    """Replace ``name`` by exactly ``content`` (text is written as UTF-8); None deletes it."""
    path = data_dir / name
    if content is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as excinfo:
        load_dataset(data_dir)
    return [str(p) for p in excinfo.value.problems]


def crlf(text: str) -> str:
    return FR_EXCEL + text.replace("\n", "\r\n")


BROKEN = [
    # --- required files and company.yml -------------------------------------------------
    pytest.param(
        "people.csv",
        None,
        [
            "people.csv: fichier obligatoire absent : créez-le avec la ligne d'en-tête "
            "person,name,team,role,trained_on,group"
        ],
        id="people-missing",
    ),
    pytest.param(
        "tasks.csv",
        None,
        [
            "tasks.csv: fichier obligatoire absent : créez-le avec la ligne d'en-tête "
            "task,label,minutes_before,minutes_after"
        ],
        id="tasks-missing",
    ),
    pytest.param(
        "company.yml",
        None,
        ["company.yml: fichier de réglages absent : copiez le modèle de « roi init »"],
        id="company-missing",
    ),
    pytest.param(
        "company.yml",
        "name: Atelier Exemple\nhourly_value: 35\n",
        ["company.yml: deployed_on: réglage obligatoire manquant"],
        id="company-without-deployed-on",
    ),
    pytest.param(
        "company.yml",
        "name: Atelier Exemple\ndeployed_on: 2026-02-30\n",
        ["company.yml:2: deployed_on: attendu une date AAAA-MM-JJ, reçu « 2026-02-30 »"],
        id="company-impossible-date",
    ),
    pytest.param(
        "company.yml",
        "name: Atelier Exemple\ndeployed_on: bientôt\n",
        ["company.yml:2: deployed_on: attendu une date AAAA-MM-JJ, reçu « bientôt »"],
        id="company-date-in-words",
    ),
    pytest.param(
        "company.yml",
        COMPANY + "hourly_value: -35\n",
        ["company.yml:3: hourly_value: attendu un nombre ≥ 0, reçu « -35 »"],
        id="company-negative-hourly-value",
    ),
    pytest.param(
        "company.yml",
        "name: Atelier Exemple\n  deployed_on: 2026-01-05\n",
        [
            "company.yml:2: « : » inattendu : vérifiez l'indentation de cette ligne et de la "
            "précédente, et mettez entre guillemets une valeur qui contient « : »"
        ],
        id="company-invalid-yaml",
    ),
    pytest.param(
        "company.yml",
        "- name\n- deployed_on\n",
        ["company.yml:1: attendu des réglages « nom: valeur », un par ligne (YAML)"],
        id="company-not-a-mapping",
    ),
    pytest.param(
        "company.yml",
        "deployed_on: 2026-01-05\nname: Société Générale\n".encode("latin-1"),
        [
            "company.yml:2: le fichier n'est pas du texte UTF-8 (octet illisible ligne 2) : "
            "enregistrez-le en UTF-8"
        ],
        id="company-latin-1",
    ),
    # --- whole-file problems ------------------------------------------------------------
    pytest.param(
        "usage.csv",
        b"",
        [
            "usage.csv: le fichier est vide : il faut au moins la ligne d'en-tête "
            "week,person,task,uses,declared_minutes,tool"
        ],
        id="empty-file",
    ),
    pytest.param(
        "usage.csv",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage\x00\xff",
        [
            "usage.csv: le fichier n'est pas un CSV (contenu binaire) : "
            "enregistrez-le au format « CSV UTF-8 »"
        ],
        id="binary-garbage",
    ),
    pytest.param(
        "people.csv",
        b"person,name\nsophie,Sophie\nhelene,H\x81l\x8dne\n",
        [
            "people.csv:3: le fichier n'est pas du texte UTF-8 (octet illisible ligne 3) : "
            + EXCEL_HINT
        ],
        id="neither-utf8-nor-windows-1252",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + '2026-W03,sophie,"compte_rendu,3\n2026-W04,sophie,compte_rendu,3\n',
        ["usage.csv:2: guillemets mal fermés : unexpected end of data"],
        id="unclosed-quote",
    ),
    # --- header -------------------------------------------------------------------------
    pytest.param(
        "usage.csv",
        "week,person,task\n2026-W03,sophie,compte_rendu\n",
        [MISSING_USES],
        id="missing-required-column",
    ),
    pytest.param(
        "usage.csv",
        "week,person,task,usage\n2026-W03,sophie,compte_rendu,3\n",
        [
            "usage.csv:1: uses: colonne obligatoire absente : trouvé « usage », attendu « uses » "
            "(ou « utilisations ») ; renommez la colonne (colonnes trouvées : week, person, task, "
            "usage)"
        ],
        id="misspelled-required-column",
    ),
    pytest.param(
        # « taches » is neither task nor its alias tâche, but close to the alias
        "usage.csv",
        "semaine;personne;taches;utilisation\n2026-W03;sophie;compte_rendu;3\n",
        [
            "usage.csv:1: task: colonne obligatoire absente : trouvé « taches », attendu « task » "
            "(ou « tâche ») ; renommez la colonne (colonnes trouvées : semaine, personne, taches, "
            "utilisation)",
            "usage.csv:1: uses: colonne obligatoire absente : trouvé « utilisation », attendu "
            "« uses » (ou « utilisations ») ; renommez la colonne (colonnes trouvées : semaine, "
            "personne, taches, utilisation)",
        ],
        id="misspelled-french-columns",
    ),
    pytest.param(
        "usage.csv",
        "week,person,tâche,task,uses\n2026-W03,sophie,compte_rendu,compte_rendu,3\n",
        [
            "usage.csv:1: task: les colonnes « tâche » et « task » sont la même colonne task, "
            "sous deux noms : gardez-en une seule"
        ],
        id="alias-and-contract-name",
    ),
    pytest.param(
        "usage.csv",
        "week,person,task,uses,uses\n2026-W03,sophie,compte_rendu,3,3\n",
        ["usage.csv:1: uses: colonne présente deux fois dans l'en-tête"],
        id="duplicate-column",
    ),
    # --- rows of the wrong width --------------------------------------------------------
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,compte_rendu,3,4\n",
        ["usage.csv:2: 5 valeurs sur la ligne alors que l'en-tête a 4 colonnes"],
        id="too-many-values",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie\n",
        ["usage.csv:2: 2 valeurs sur la ligne alors que l'en-tête a 4 colonnes"],
        id="too-few-values",
    ),
    # --- numbers ------------------------------------------------------------------------
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,compte_rendu,trois\n",
        ["usage.csv:2: uses: attendu un nombre entier, reçu « trois »"],
        id="text-in-a-number",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,compte_rendu,-3\n",
        ["usage.csv:2: uses: attendu un nombre entier ≥ 0, reçu « -3 »"],
        id="negative-uses",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,compte_rendu,1.5\n",
        ["usage.csv:2: uses: attendu un nombre entier, reçu « 1.5 »"],
        id="fractional-uses",
    ),
    pytest.param(
        "usage.csv",
        crlf("week;person;task;uses\n2026-W03;sophie;compte_rendu;1,5\n"),
        ["usage.csv:2: uses: attendu un nombre entier, reçu « 1,5 »"],
        id="fractional-uses-french-excel",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,compte_rendu,99999999999999999999999\n",
        ["usage.csv:2: uses: attendu un nombre entier, reçu « 99999999999999999999999 »"],
        id="huge-integer",
    ),
    pytest.param(
        "tasks.csv",
        'task,minutes_before,minutes_after\ncompte_rendu,"45,5",15\n',
        [
            "tasks.csv:2: minutes_before: attendu un nombre avec un point décimal "
            "(fichier séparé par des virgules), reçu « 45,5 »"
        ],
        id="decimal-comma-in-a-comma-file",
    ),
    pytest.param(
        "revenue.csv",
        "month,stream,revenue\n2026-01,Boutique," + "9" * 400 + "\n",
        # the message quotes the first 60 characters of the cell and its length
        [f"revenue.csv:2: revenue: attendu un nombre, reçu « {'9' * 60}… (400 caractères) »"],
        id="number-too-large-for-a-float",
    ),
    pytest.param(
        "customers.csv",
        "month,nps\n2026-01,150\n",
        ["customers.csv:2: nps: attendu un nombre ≤ 100, reçu « 150 »"],
        id="nps-150",
    ),
    pytest.param(
        "mental_load.csv",
        "date,person,task,before,after\n2026-01-10,sophie,compte_rendu,0,11\n",
        [
            "mental_load.csv:2: after: attendu un nombre entier ≤ 10, reçu « 11 »",
            "mental_load.csv:2: before: attendu un nombre entier ≥ 1, reçu « 0 »",
        ],
        id="mental-load-0-and-11",
    ),
    pytest.param(
        "costs.csv",
        "category,amount,kind,start\nsetup,$1550,one_off,2026-01\n",
        ["costs.csv:2: amount: attendu un nombre, reçu « $1550 »"],
        id="amount-in-dollars",
    ),
    pytest.param(
        "costs.csv",
        crlf("category;amount;kind;start\nsetup;-5,5 €;one_off;2026-01\n"),
        ["costs.csv:2: amount: attendu un nombre ≥ 0, reçu « -5,5 € »"],
        id="negative-amount-french-excel",
    ),
    # --- identifiers and references -----------------------------------------------------
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,,compte_rendu,3\n",
        ["usage.csv:2: person: valeur obligatoire manquante"],
        id="blank-required-cell",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie martin,compte_rendu,3\n",
        [
            "usage.csv:2: person: attendu un identifiant de 1 à 40 caractères parmi a-z 0-9 _ -, "
            "reçu « sophie martin »"
        ],
        id="identifier-with-a-space",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,paul,compte_rendu,3\n",
        ["usage.csv:2: person: « paul » n'est pas déclaré dans people.csv"],
        id="unknown-person",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophie,devis,3\n",
        ["usage.csv:2: task: « devis » n'est pas déclaré dans tasks.csv"],
        id="unknown-task",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W03,sophia,compte_rendus,3\n",
        [
            "usage.csv:2: person: « sophia » n'est pas déclaré dans people.csv : "
            "vouliez-vous dire « sophie » ?",
            "usage.csv:2: task: « compte_rendus » n'est pas déclaré dans tasks.csv : "
            "vouliez-vous dire « compte_rendu » ?",
        ],
        id="unknown-ids-close-to-known-ones",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER
        + "2026-W03,sophie,compte_rendu,3\n2026-W04,sophie,compte_rendu,3\n"
        + "14/01/2026,Sophie,compte_rendu,4\n",
        [
            "usage.csv:4: task: doublon : week=2026-W03, person=sophie, task=compte_rendu "
            "figure déjà ligne 2"
        ],
        id="duplicate-key-names-the-first-line",
    ),
    pytest.param(
        "people.csv",
        "person\nsophie\nSOPHIE\n",
        ["people.csv:3: person: doublon : person=sophie figure déjà ligne 2"],
        id="duplicate-person",
    ),
    # --- periods ------------------------------------------------------------------------
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W54,sophie,compte_rendu,3\n2026-W00,sophie,compte_rendu,3\n",
        [
            "usage.csv:2: week: « 2026-W54 » n'est pas une semaine du calendrier : "
            "la semaine 54 n'existe pas, une année a 52 ou 53 semaines",
            "usage.csv:3: week: « 2026-W00 » n'est pas une semaine du calendrier : "
            "la semaine 0 n'existe pas, une année a 52 ou 53 semaines",
        ],
        id="week-54",
    ),
    pytest.param(
        # 2027 has 52 ISO weeks, 2026 has 53: fromisocalendar(2026, 53, 1) is 2026-12-28.
        # Two invalid weeks are not "duplicates" of each other.
        "usage.csv",
        USAGE_HEADER
        + "2027-W53,sophie,compte_rendu,3\n2026-W53,sophie,compte_rendu,3\n"
        + "2026-W99,sophie,compte_rendu,3\n",
        [
            "usage.csv:2: week: « 2027-W53 » n'est pas une semaine du calendrier : "
            "la semaine 53 n'existe pas en 2027, 2027 n'a que 52 semaines",
            "usage.csv:4: week: « 2026-W99 » n'est pas une semaine du calendrier : "
            "la semaine 99 n'existe pas, une année a 52 ou 53 semaines",
        ],
        id="week-53-of-a-52-week-year",
    ),
    pytest.param(
        "costs.csv",
        "category,amount,kind,start\nlicence,10,monthly,2026-13\nlicence,10,monthly,00/2026\n",
        [
            "costs.csv:2: start: « 2026-13 » n'est pas un mois du calendrier : "
            "le mois 13 n'existe pas, les mois vont de 1 à 12",
            "costs.csv:3: start: « 00/2026 » n'est pas un mois du calendrier : "
            "le mois 0 n'existe pas, les mois vont de 1 à 12",
        ],
        id="month-13",
    ),
    pytest.param(
        "timings.csv",
        "date,person,task,minutes,with_ai\n31/02/2026,sophie,compte_rendu,10,yes\n"
        "31/09/2026,sophie,compte_rendu,10,yes\n2026-06-31,sophie,compte_rendu,10,yes\n"
        "2026-03-00,sophie,compte_rendu,10,yes\n",
        [
            "timings.csv:2: date: « 31/02/2026 » n'est pas une date du calendrier : "
            "le 31 février n'existe pas, février n'a que 28 jours",
            "timings.csv:3: date: « 31/09/2026 » n'est pas une date du calendrier : "
            "le 31 septembre n'existe pas, septembre n'a que 30 jours",
            "timings.csv:4: date: « 2026-06-31 » n'est pas une date du calendrier : "
            "le 31 juin n'existe pas, juin n'a que 30 jours",
            "timings.csv:5: date: « 2026-03-00 » n'est pas une date du calendrier : "
            "le jour 0 n'existe pas, un mois commence le 1er",
        ],
        id="date-31-february",
    ),
    pytest.param(
        "mental_load.csv",
        "date,person,task,before,after\n29/02/2027,sophie,compte_rendu,8,4\n"
        "29/02/2028,sophie,compte_rendu,8,4\n",
        [
            "mental_load.csv:2: date: « 29/02/2027 » n'est pas une date du calendrier : "
            "le 29 février 2027 n'existe pas, 2027 n'est pas bissextile : février n'a que 28 jours"
        ],
        id="february-29-of-a-common-year",
    ),
    pytest.param(
        "timings.csv",
        "date,person,task,minutes,with_ai\n01/13/2026,sophie,compte_rendu,10,yes\n"
        "2026-13-01,sophie,compte_rendu,10,yes\n",
        [
            "timings.csv:2: date: « 01/13/2026 » n'est pas une date du calendrier : "
            "le mois 13 n'existe pas, les mois vont de 1 à 12 : jour et mois inversés ? "
            "Écrivez JJ/MM/AAAA",
            "timings.csv:3: date: « 2026-13-01 » n'est pas une date du calendrier : "
            "le mois 13 n'existe pas, les mois vont de 1 à 12",
        ],
        id="month-first-date",
    ),
    pytest.param(
        "costs.csv",
        "category,amount,kind,start,end\nlicence,10,monthly,2026-03,2026-01\n",
        ["costs.csv:2: end: le mois de fin 2026-01 précède le mois de début 2026-03"],
        id="end-before-start",
    ),
    pytest.param(
        "costs.csv",
        "category,amount,kind,start,amortize_months\nlicence,10,monthly,2026-03,12\n",
        ["costs.csv:2: amortize_months: l'amortissement ne s'applique qu'aux coûts « one_off »"],
        id="amortized-monthly-cost",
    ),
    # --- choices and text ---------------------------------------------------------------
    pytest.param(
        "costs.csv",
        "category,amount,kind,start\nlogiciel,10,mensuel,2026-03\n",
        [
            "costs.csv:2: category: attendu l'une des valeurs licence, formation, setup, other, "
            "reçu « logiciel »",
            "costs.csv:2: kind: attendu l'une des valeurs one_off, monthly, reçu « mensuel »",
        ],
        id="unknown-category-and-kind",
    ),
    pytest.param(
        "freed_time.csv",
        "month,person,use,hours\n2026-01,sophie,loisirs,3\n",
        [
            "freed_time.csv:2: use: attendu l'une des valeurs commercial, produit, formation, "
            "equilibre, autre, reçu « loisirs »"
        ],
        id="unknown-use",
    ),
    pytest.param(
        "deliverables.csv",
        "month,role,indicator,value,better\n2026-01,Commercial,Devis signés,3,haut\n",
        ["deliverables.csv:2: better: attendu l'une des valeurs up, down, reçu « haut »"],
        id="unknown-better",
    ),
    pytest.param(
        "people.csv",
        "person,trained_on,group\nsophie,demain,témoin\n",
        [
            "people.csv:2: group: attendu l'une des valeurs ai, control, reçu « témoin »",
            "people.csv:2: trained_on: attendu une date AAAA-MM-JJ ou JJ/MM/AAAA, reçu « demain »",
        ],
        id="unknown-group-and-bad-training-date",
    ),
    pytest.param(
        "errors.csv",
        "month,error_type,count\n2026-01," + "x" * 300 + ",3\n",
        ["errors.csv:2: error_type: texte trop long (300 caractères, 200 au plus)"],
        id="text-of-300-characters",
    ),
    # --- survey inbox -------------------------------------------------------------------
    pytest.param(
        "inbox/usage/20260120-093000-sophie-ab12.csv",
        USAGE_HEADER + "2026-W04,sophie,compte_rendu,beaucoup\n",
        [
            "inbox/usage/20260120-093000-sophie-ab12.csv:2: uses: attendu un nombre entier, "
            "reçu « beaucoup »"
        ],
        id="broken-inbox-answer",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), BROKEN)
def test_broken_file_reports_exact_problems(
    tmp_path: Path, name: str, content: str | bytes | None, expected: list[str]
) -> None:
    data_dir = company(tmp_path)
    put(data_dir, name, content)
    assert problems(data_dir) == expected


def loaded(tmp_path: Path, name: str, content: str) -> Dataset:
    data_dir = company(tmp_path)
    put(data_dir, name, content)
    return load_dataset(data_dir)


def column(data: Dataset, stem: str, name: str) -> list[object]:
    frame = data.frame(stem)
    assert frame is not None
    return frame[name].tolist()


ACCEPTED = [
    pytest.param(
        "costs.csv",
        crlf("category;label;amount;kind;start\nsetup;Mise en place;1 550,00 €;one_off;01/2026\n"),
        "costs",
        {"amount": [1550.0], "start": ["2026-01"], "kind": ["one_off"]},
        id="french-money-with-spaces-and-euro",
    ),
    pytest.param(
        "costs.csv",
        crlf("category;amount;kind;start\nsetup;1\u202f550 €;one_off;2026-01\n"),
        "costs",
        {"amount": [1550.0]},
        id="narrow-no-break-space-thousands",
    ),
    pytest.param(
        "usage.csv",
        crlf("week;person;task;uses\n2026-W03;sophie;compte_rendu;3,0\n"),
        "usage",
        {"uses": [3]},
        id="uses-3-comma-0-french-excel",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "14/01/2026,Sophie,Compte_Rendu,3\n",
        "usage",
        {"week": ["2026-W03"], "person": ["sophie"], "task": ["compte_rendu"]},
        id="week-as-a-date-and-case-folded-ids",
    ),
    pytest.param(
        "usage.csv",
        USAGE_HEADER + "2026-W53,sophie,compte_rendu,3\n",
        "usage",
        {"week": ["2026-W53"]},
        id="week-53-of-2026-exists",
    ),
    pytest.param(
        "people.csv",
        "person,name,trained_on,group\nsophie,Sophie,2026-01-05,\n",
        "people",
        {"group": ["ai"]},
        id="blank-group-is-ai",
    ),
    pytest.param(
        "freed_time.csv",
        "month,person,use,hours\n2026-01-31,sophie,Équilibre,3\n",
        "freed_time",
        {"use": ["equilibre"], "month": ["2026-01"]},
        id="choice-accent-and-case-folded",
    ),
    pytest.param(
        "usage.csv",
        crlf("week;person;task;uses;;\n2026-W03;sophie;compte_rendu;3;;\n"),
        "usage",
        {"uses": [3]},
        id="excel-trailing-empty-columns",
    ),
]


@pytest.mark.parametrize(("name", "content", "stem", "expected"), ACCEPTED)
def test_accepted_value_is_normalised(
    tmp_path: Path, name: str, content: str, stem: str, expected: dict[str, list[object]]
) -> None:
    data = loaded(tmp_path, name, content)
    assert {name: column(data, stem, name) for name in expected} == expected
    assert data.notices == ()


def test_header_only_file_is_valid_with_zero_rows(tmp_path: Path) -> None:
    data = loaded(tmp_path, "usage.csv", "week,person,task,uses,declared_minutes\n")
    assert column(data, "usage", "uses") == []
    assert (data.rows["usage.csv"].read, data.rows["usage.csv"].used) == (0, 0)


def test_misspelled_optional_column_is_a_warning(tmp_path: Path) -> None:
    content = "week,person,task,uses,declared_minute\n2026-W03,sophie,compte_rendu,3,20\n"
    data = loaded(tmp_path, "usage.csv", content)
    assert [n.message for n in data.notices] == [
        "usage.csv : colonne « declared_minute » inconnue, ignorée."
    ]
    assert [pd.isna(v) for v in column(data, "usage", "declared_minutes")] == [True]


def test_company_date_as_french_excel_writes_it(tmp_path: Path) -> None:
    data = loaded(tmp_path, "company.yml", "name: Atelier Exemple\ndeployed_on: 05/01/2026\n")
    assert data.company.deployed_on == date(2026, 1, 5)


def test_every_problem_of_every_file_at_once(tmp_path: Path) -> None:
    data_dir = company(tmp_path)
    put(data_dir, "company.yml", COMPANY + "recent_months: 0\n")
    put(data_dir, "people.csv", "person,trained_on\nsophie,2026-01-05\nthomas,32/01/2026\n")
    put(
        data_dir,
        "usage.csv",
        USAGE_HEADER
        + "2026-W03,sophie,compte_rendu,3\n2026-W03,julie,compte_rendu,-1\n"
        + "2026-W03,sophie,compte_rendu,4\n",
    )
    put(data_dir, "customers.csv", crlf("month;nps;orders\n2026-01;-101;12,5\n"))
    assert problems(data_dir) == [
        "company.yml:3: recent_months: attendu un nombre entier ≥ 1, reçu « 0 »",
        "customers.csv:2: nps: attendu un nombre ≥ -100, reçu « -101 »",
        "customers.csv:2: orders: attendu un nombre entier, reçu « 12,5 »",
        "people.csv:3: trained_on: « 32/01/2026 » n'est pas une date du calendrier : "
        "le 32 janvier n'existe pas, janvier n'a que 31 jours",
        "usage.csv:3: person: « julie » n'est pas déclaré dans people.csv",
        "usage.csv:3: uses: attendu un nombre entier ≥ 0, reçu « -1 »",
        "usage.csv:4: task: doublon : week=2026-W03, person=sophie, task=compte_rendu "
        "figure déjà ligne 2",
    ]


def test_bad_then_fixed(tmp_path: Path) -> None:
    data_dir = company(tmp_path)
    # 3 uses × (45 − 15) min = 1.5 h for Sophie, the only person reporting that week
    assert value(compute_report(data_dir), "time_saved", "hours_per_person_week") == near(1.5)

    put(data_dir, "usage.csv", USAGE_HEADER + "2026-W03,sophie,compte_rendu,5 fois\n")
    assert problems(data_dir) == ["usage.csv:2: uses: attendu un nombre entier, reçu « 5 fois »"]

    put(data_dir, "usage.csv", USAGE_HEADER + "2026-W03,sophie,compte_rendu,5\n")
    # 5 × 30 min = 2.5 h
    assert value(compute_report(data_dir), "time_saved", "hours_per_person_week") == near(2.5)


def test_windows_1252_file_from_french_excel_is_read_with_a_notice(tmp_path):
    # French Excel's « CSV (séparateur : point-virgule) » writes Windows-1252, not UTF-8.
    data = write_company(tmp_path, {})
    lines = [
        "person;name;team;role;trained_on;group",
        "helene;Hélène Dupré;Équipe;Admin;05/01/2026;",
    ]
    content = "\r\n".join(lines) + "\r\n"
    (data / "people.csv").write_bytes(content.encode("cp1252"))
    dataset = load_dataset(data)
    people = dataset.frame("people")
    assert list(people["name"]) == ["Hélène Dupré"]
    assert list(people["team"]) == ["Équipe"]
    assert [n.code for n in dataset.notices] == ["windows_encoding"]
    assert dataset.notices[0].message.startswith("people.csv : lu comme un CSV Windows")


def test_old_mac_line_endings_are_read(tmp_path):
    # Lines ended by a bare carriage return (old Mac, some exports) read like any other file.
    data = write_company(tmp_path, {})
    content = "person,name,team,role,trained_on,group\rhelene,Hélène,Admin,Admin,2026-01-05,\r"
    (data / "people.csv").write_bytes(content.encode("utf-8"))
    people = load_dataset(data).frame("people")
    assert list(people["person"]) == ["helene"] and list(people["name"]) == ["Hélène"]


def test_unknown_id_gets_every_close_id_and_team_every_close_team(tmp_path: Path) -> None:
    data_dir = company(tmp_path)
    put(
        data_dir,
        "people.csv",
        "person,team\nsophie,Agence Lyon\namelie,Agence Lille\namelia,Agence Lyon\n"
        "emilie,Agence Lille\n",
    )
    put(data_dir, "usage.csv", USAGE_HEADER + "2026-W03,amelei,compte_rendu,3\n")
    put(data_dir, "capacity.csv", "month,team,handled\n2026-01,Agence Lion,10\n")
    assert problems(data_dir) == [
        "capacity.csv:2: team: l'équipe « Agence Lion » n'est pas une équipe de people.csv : "
        "vouliez-vous dire « Agence Lyon » ou « Agence Lille » ? Écrivez-la exactement comme "
        "dans people.csv, sinon la comparaison avec le groupe témoin l'ignore",
        "usage.csv:2: person: « amelei » n'est pas déclaré dans people.csv : "
        "vouliez-vous dire « amelie » ou « amelia » ?",
    ]


def test_french_headers_are_read_as_the_contract_names(tmp_path: Path) -> None:
    data_dir = company(tmp_path)
    put(
        data_dir,
        "people.csv",
        crlf("Personne;Nom;Équipe;Métier;Formé_le;Groupe\nsophie;Sophie;;;;\n"),
    )
    put(
        data_dir,
        "usage.csv",
        "semaine,personne,Tâche,utilisations,minutes_déclarées\n2026-W03,sophie,compte_rendu,3,20\n",
    )
    data = load_dataset(data_dir)
    usage = data.frame("usage")
    assert list(usage[["week", "person", "task", "uses"]].itertuples(index=False, name=None)) == [
        ("2026-W03", "sophie", "compte_rendu", 3)
    ]
    assert list(usage["declared_minutes"]) == [20]
    assert [n.code for n in data.notices] == []
