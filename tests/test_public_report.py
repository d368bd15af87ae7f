"""The public report (``roi build``, what the publish workflow puts on GitHub Pages) names and
singles out nobody; the complete report (``roi build --private``) keeps the named detail.

Every file of the built site is searched (pages, search index, metrics.json, workbooks
unzipped, chart specs and SVG, forms) for every identifier and every word of every name of
``people.csv``, in any case, with or without accents, HTML- or URL-escaped.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import cli
from generator.input.pseudonyms import looks_like_name
from generator.metrics.privacy import suppressed
from generator.website.build import build_site, compute_report
from tests.browser import ROOT
from tests.fixture_company import write_company

DEMO = ROOT / "data"
# Material's, lunr's and the iframe-worker shim's own files credit their authors (« Martin
# Donath », « Thomas Robinson »): third-party code shipped unchanged, not data.
THIRD_PARTY = re.compile(r"assets/javascripts/(bundle\.|workers/|lunr/|iframe-worker\.js)")


def fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_terms(data_dir: Path) -> set[str]:
    """Every identifier and every word of 3 letters or more of every name."""
    with (data_dir / "people.csv").open(encoding="utf-8") as source:
        people = list(csv.DictReader(source))
    terms = {p["person"] for p in people}
    terms |= {w for p in people for w in re.findall(r"\w+", p["name"]) if len(w) >= 3}
    return {fold(t) for t in terms}


def site_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of every file of the site, archives opened, escapes undone."""
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or THIRD_PARTY.match(relative):
            continue
        raw = path.read_bytes()
        if path.suffix in {".xlsx", ".zip"}:
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{relative}!{name}", archive.read(name).decode("utf-8", "replace")
        elif path.suffix == ".gz":
            yield relative, gzip.decompress(raw).decode("utf-8", "replace")
        else:
            yield relative, raw.decode("utf-8", "replace")


def mentions(site: Path, terms: set[str]) -> list[tuple[str, str, str]]:
    """(term, file, context) of every whole-word occurrence of a term in the site."""
    patterns = {t: re.compile(rf"(?<![\w-]){re.escape(t)}(?!\w)") for t in terms}
    found = []
    for name, content in site_texts(site):
        text = fold(html.unescape(unquote(content)))
        for term, pattern in patterns.items():
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 50) : match.end() + 20]
                found.append((term, name, context.replace("\n", " ")))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo's public site and complete report."""
    out = tmp_path_factory.mktemp("demo")
    build_site(DEMO, out / "public", ROOT / "mkdocs.yml")
    build_site(DEMO, out / "private", ROOT / "mkdocs.yml", public=False)
    return out / "public", out / "private"


def test_the_public_demo_site_names_nobody(built):
    public, _ = built
    assert mentions(public, person_terms(DEMO)) == []


def test_the_complete_report_names_people(built):
    _, private = built
    found = {term for term, _, _ in mentions(private, person_terms(DEMO))}
    assert {"sophie", "martin", "thomas", "girard", "camille"} <= found
    adoption = (private / "metriques" / "adoption.html").read_text("utf-8")
    assert "<td>Hélène Dupré</td>" in adoption and "<td>Actif</td>" in adoption


def test_the_public_site_says_how_many_but_not_who(built):
    public, _ = built
    home = (public / "index.html").read_text("utf-8")
    assert (
        "1 personne(s) formée(s) n'ont pas utilisé l'IA ni répondu deux semaines de suite" in home
    )
    assert "Aucune alerte" not in home  # a hidden alert is not « no alert »
    assert "6 personnes actives sur 9 formées" in home  # counted without per-person rows
    published = json.loads((public / "metrics.json").read_text("utf-8"))
    assert published["public"] is True
    metrics = published["metrics"]
    assert metrics["adoption"]["people"] == [] and metrics["adoption"]["alerts_count"] == 1
    assert metrics["time_saved"]["people"] == [] and metrics["mental_load"]["rows"] == []
    assert metrics["time_saved"]["declared_vs_computed"]["people"] == []
    warning = next(w for w in published["warnings"] if w["code"] == "declared_vs_measured")
    assert warning["message"].startswith("Pour 1 personne(s), le temps déclaré")
    # The figures that are not about one person are the same in both reports.
    complete = compute_report(DEMO)["metrics"]
    for key in ("time_saved", "adoption", "cost_per_hour", "payback"):
        assert metrics[key]["band"] == complete[key]["band"]
    assert metrics["adoption"]["rate"] == complete["adoption"]["rate"]


def test_public_forms_list_nobody_and_ask_for_the_identifier(built):
    public, private = built
    form = (public / "questionnaires" / "hebdomadaire.html").read_text("utf-8")
    assert 'name="person" required autocomplete="off"' in form
    assert '<select id="roi-form-usage-person"' not in form  # the week is still a list
    rules = json.loads(html.unescape(re.search(r'data-roi-form="([^"]*)"', form)[1]))
    assert "people.csv" not in rules["known"] and rules["known"]["tasks.csv"]
    named = (private / "questionnaires" / "hebdomadaire.html").read_text("utf-8")
    assert '<option value="sophie">Sophie Martin</option>' in named
    guide = (public / "questionnaires" / "repondre.html").read_text("utf-8")
    assert "Tapez votre identifiant" in guide and "Choisissez votre nom" not in guide


def test_the_cli_builds_the_public_site_unless_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": None, "NO_MKDOCS_2_WARNING": "1"})
    config = str(ROOT / "mkdocs.yml")
    monkeypatch.setattr("generator.website.fresh.default_config", lambda: Path(config))
    public = runner.invoke(cli, ["build", "--data", str(DEMO), "--site-dir", "public"])
    assert public.exit_code == 0, public.output
    assert public.stdout.splitlines()[-1].startswith("Site public : aucune personne")
    private = runner.invoke(cli, ["build", "--private", "--data", str(DEMO), "--site-dir", "p"])
    assert private.exit_code == 0, private.output
    assert private.stdout.splitlines()[-1].startswith("Rapport complet, nominatif")
    assert mentions(tmp_path / "public", {"sophie"}) == []
    assert mentions(tmp_path / "p", {"sophie"}) != []


# Identifiers that spell a name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "name", "alike"),
    [
        ("sophie-martin", "Sophie Martin", True),
        ("smartin", "Sophie Martin", True),
        ("s.martin", "Sophie Martin", True),
        ("martin2", "Sophie Martin", True),
        ("helene", "Hélène Dupré", True),
        ("p07", "Sophie Martin", False),
        ("sm", "Sophie Martin", False),
        ("compta-1", "Sophie Martin", False),
        ("sophie", "", False),  # no name given: nothing to compare with
    ],
)
def test_identifiers_that_spell_a_name(person, name, alike):
    assert looks_like_name(person, name) is alike


def lookalike_company(tmp_path: Path, show_names: bool) -> Path:
    people = [
        {"person": "sophie-martin", "name": "Sophie Martin", "trained_on": "2026-01-05"},
        {"person": "smartin", "name": "Simon Martin", "trained_on": "2026-01-05"},
        {"person": "p03", "name": "Anaïs Zébulon", "trained_on": "2026-01-05"},
    ]
    usage = [
        {"week": "2026-W03", "person": p["person"], "task": "compte_rendu", "uses": 3}
        for p in people
    ]
    return write_company(
        tmp_path / "data",
        {"people.csv": people, "usage.csv": usage},
        privacy={"show_names": show_names, "min_group_size": 3},
    )


def test_name_like_identifiers_are_flagged_when_names_are_hidden(tmp_path):
    data = lookalike_company(tmp_path, show_names=False)
    result = CliRunner().invoke(cli, ["validate", "--data", str(data), "--today", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert (
        "people.csv : les identifiants smartin, sophie-martin ressemblent au nom de la personne. "
        "Avec `show_names: false`, ils apparaissent tels quels dans le rapport complet"
    ) in result.stdout
    complete = compute_report(data)["warnings"]
    public = compute_report(data, public=True)["warnings"]
    assert [w["code"] for w in complete] == [w["code"] for w in public]
    flagged = next(w for w in public if w["code"] == "identifier_like_name")
    assert flagged["message"].startswith("people.csv : 2 identifiant(s) ressemblent")
    assert "smartin" not in flagged["message"]


def test_name_like_identifiers_are_not_flagged_when_names_are_shown(tmp_path):
    data = lookalike_company(tmp_path, show_names=True)
    codes = [w["code"] for w in compute_report(data)["warnings"]]
    assert "identifier_like_name" not in codes


def test_a_public_site_of_name_like_identifiers_shows_none_of_them(tmp_path):
    data = lookalike_company(tmp_path, show_names=False)
    build_site(data, tmp_path / "site", ROOT / "mkdocs.yml")
    assert mentions(tmp_path / "site", person_terms(data)) == []


# Every published cut holds min_group_size people ----------------------------------------


def survey_company(tmp_path: Path, load: list[dict], freed: list[dict]) -> Path:
    people = [
        {"person": f"p{i:02}", "name": f"Personne {i}", "trained_on": "2026-01-05"}
        for i in range(1, 8)
    ]
    tasks = [
        {"task": t, "label": t.upper(), "minutes_before": 30, "minutes_after": 10}
        for t in ("cr", "mail", "devis")
    ]
    return write_company(
        tmp_path / "data",
        {"people.csv": people, "tasks.csv": tasks, "mental_load.csv": load,
         "freed_time.csv": freed},
        privacy={"show_names": False, "min_group_size": 3},
        recent_months=3,
    )  # fmt: skip


def load_row(person: str, task: str, before: int, after: int) -> dict:
    return {"date": "2026-03-02", "person": person, "task": task, "before": before, "after": after}


def test_a_task_answered_by_too_few_is_masked_with_a_second_one(tmp_path):
    # cr: 4 people, mail: 3 people, devis: 1 person. devis alone is masked; the overall mean
    # minus cr and mail would give it back, so the smallest shown task (mail) goes with it.
    load = [load_row(p, "cr", 8, 4) for p in ("p01", "p02", "p03", "p04")]
    load += [load_row(p, "mail", 6, 3) for p in ("p05", "p06", "p07")]
    load += [load_row("p01", "devis", 9, 1)]
    data = survey_company(tmp_path, load, [])
    tasks = {
        t["task"]: t for t in compute_report(data, public=True)["metrics"]["mental_load"]["tasks"]
    }
    assert tasks["devis"]["masked"] and tasks["mail"]["masked"]
    assert tasks["devis"]["evolution"] is None and tasks["mail"]["evolution"] is None
    assert tasks["cr"]["respondents"] == 4 and tasks["cr"]["evolution"] == pytest.approx(-50)
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml")
    page = (site / "metriques" / "charge-mentale.html").read_text("utf-8")
    assert "moins de 3</td>" in page and "<td>CR</td>" in page
    assert "−88" not in page  # devis: 9 → 1, −88,9 %


def freed_row(month: str, person: str, hours: float) -> dict:
    return {"month": month, "person": person, "use": "commercial", "hours": hours}


def test_a_month_answered_by_too_few_is_masked_with_another(tmp_path):
    # Window of 3 months: 2026-01 and 2026-02 have 3 people, 2026-03 has 1. The window's total
    # is shown, so 2026-03 alone could be recovered: 2026-01 or 2026-02 is masked with it.
    freed = [freed_row(m, p, 2) for m in ("2026-01", "2026-02") for p in ("p01", "p02", "p03")]
    freed += [freed_row("2026-03", "p04", 7)]
    data = survey_company(tmp_path, [], freed)
    uses = compute_report(data, public=True)["metrics"]["freed_time"]
    commercial = next(u for u in uses if u["use"] == "commercial")
    assert commercial["hours"] == 19  # 4 people over the window: the total is shown
    assert commercial["masked_months"] == ["2026-01", "2026-03"]
    assert [m["month"] for m in commercial["months"]] == ["2026-02"]
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml")
    page = (site / "metriques" / "temps-libere.html").read_text("utf-8")
    assert "Mois non montrés dans la série mensuelle" in page


cells = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e"]),
    st.sets(st.sampled_from(["p1", "p2", "p3", "p4", "p5", "p6"]), min_size=1),
    min_size=1,
)


@given(cells, st.integers(min_value=2, max_value=5))
def test_no_subtraction_gives_back_a_masked_cell(groups, minimum):
    masked = suppressed(groups, minimum)
    assert {k for k, people in groups.items() if len(people) < minimum} <= masked
    if masked and masked != set(groups):
        # what « total minus the shown cells » reveals is a sum over enough people
        assert len(set().union(*(groups[k] for k in masked))) >= minimum


# The workflow ---------------------------------------------------------------------------


def test_the_publish_workflow_uploads_the_named_report_only_from_a_private_repository():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    public = next(s for s in steps if s.get("run", "").startswith("roi build --data data"))
    assert "--private" not in public["run"] and "if" not in public
    private = [s for s in steps if "--private" in s.get("run", "")]
    artifact = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(private) == 1 and len(artifact) == 1
    for step in (*private, *artifact):
        assert step["if"] == "github.event.repository.private"
    assert artifact[0]["with"]["path"] in private[0]["run"].split()
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "site"  # the public build, never the named one


def test_public_workbooks_have_no_sheet_per_person(built):
    from openpyxl import load_workbook

    public, private = built
    operations = "telechargements/tableau-1-suivi-operationnel.xlsx"
    per_person = {"Statuts dernière semaine", "Alertes d'inactivité", "Heures par personne"}
    assert per_person <= set(load_workbook(private / operations).sheetnames)
    assert not per_person & set(load_workbook(public / operations).sheetnames)
    business = load_workbook(public / "telechargements/tableau-3-impact-business.xlsx")
    assert "Charge mentale" not in business.sheetnames
    tasks = list(business["Charge mentale par tâche"].values)
    assert tasks[0][:2] == ("Tâche", "Répondants")
    assert len(tasks) == 9  # the demo's 8 tasks, each answered by 1 or 2 people: no value
    assert all(row[2:] == (None, None, None) for row in tasks[1:])


def test_a_use_answered_by_one_person_is_masked_with_another(tmp_path):
    # Every month has 3 or more respondents, but only p04 spends freed time on « formation »:
    # its hours would be p04's answer. It is masked, and with it the smallest shown use, so
    # that the total (hours ÷ share) minus the shown uses gives nothing away.
    freed = [
        {"month": m, "person": p, "use": "commercial", "hours": 2}
        for m in ("2026-01", "2026-02")
        for p in ("p01", "p02", "p03")
    ]
    freed += [{"month": "2026-02", "person": p, "use": "produit", "hours": 3}
              for p in ("p01", "p02", "p03", "p05")]  # fmt: skip
    freed += [{"month": "2026-02", "person": "p04", "use": "formation", "hours": 7.5}]
    data = survey_company(tmp_path, [], freed)
    uses = {u["use"]: u for u in compute_report(data, public=True)["metrics"]["freed_time"]}
    assert uses["formation"]["use_masked"] and uses["formation"]["hours"] is None
    assert uses["formation"]["months"] == [] and uses["formation"]["share"] is None
    assert uses["commercial"]["use_masked"] and uses["commercial"]["months"] == []
    assert uses["produit"]["hours"] == 12 and "use_masked" not in uses["produit"]
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml")
    assert "7,5" not in (site / "metriques" / "temps-libere.html").read_text("utf-8")
    workbook = site / "telechargements" / "tableau-3-impact-business.xlsx"
    with zipfile.ZipFile(workbook) as archive:
        cells = " ".join(archive.read(n).decode() for n in archive.namelist() if "sheet" in n)
    assert ">7.5<" not in cells


def test_inbox_file_names_and_free_header_text_stay_out_of_the_public_site(tmp_path):
    # An answer's file name holds the person's id; a header cell is free text.
    data = lookalike_company(tmp_path, show_names=True)
    inbox = data / "inbox" / "usage"
    inbox.mkdir(parents=True)
    (inbox / "20260120-100000-p03-ab12.csv").write_text(
        "week,person,task,uses,remarque_zebulon\n2026-W03,p03,compte_rendu,5,\n", "utf-8"
    )
    (inbox / "20260121-100000-p03-cd34.csv").write_bytes(
        "week,person,task,uses,précision\n2026-W03,p03,compte_rendu,6,\n".encode("cp1252")
    )
    build_site(data, tmp_path / "site", ROOT / "mkdocs.yml")
    assert mentions(tmp_path / "site", person_terms(data) | {"remarque_zebulon"}) == []
    published = json.loads((tmp_path / "site" / "metrics.json").read_text("utf-8"))
    assert published["replaced"] == []
    codes = [w["code"] for w in published["warnings"]]
    assert codes.count("unknown_column") == 2 and "windows_encoding" not in codes  # build output
    complete = json.dumps(compute_report(data)["warnings"], ensure_ascii=False)
    assert "20260120-100000-p03-ab12.csv" in complete and "remarque_zebulon" in complete


def test_a_control_group_of_one_person_is_not_compared_on_the_public_site(tmp_path):
    # The demo's control team, « Agence Lyon », has 3 people; two move to another team, and
    # the Lyon figures of capacity.csv and revenue.csv become François's own results.
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    people = (data / "people.csv").read_text("utf-8")
    for person in ("ines", "gaelle"):
        line = next(row for row in people.splitlines() if row.startswith(f"{person},"))
        people = people.replace(line, line.replace("Agence Lyon", "Agence Lille"))
    (data / "people.csv").write_text(people, "utf-8")
    assert compute_report(data)["metrics"]["capacity"]["did"]["control"]["teams"] == ["Agence Lyon"]
    public = compute_report(data, public=True)["metrics"]
    assert public["capacity"]["did"] is None and public["capacity"]["did_masked"]
    assert all(s["did"] is None for s in public["revenue"])
    site = tmp_path / "site"
    build_site(data, site, ROOT / "mkdocs.yml")
    page = (site / "metriques" / "capacite-de-traitement.html").read_text("utf-8")
    assert "Comparaison avec le groupe témoin non publiée" in page
    demo = compute_report(DEMO, public=True)["metrics"]  # 3 people in Lyon: shown
    assert demo["capacity"]["did"]["control"]["teams"] == ["Agence Lyon"]


def demo_copy(tmp_path: Path) -> Path:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    return data


def edit_csv(path: Path, change) -> None:
    """Rewrite a CSV file through ``change(rows) -> rows`` (lists of dicts of text)."""
    with path.open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        header, rows = list(reader.fieldnames or []), list(reader)
    with path.open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(change(rows))


def test_a_control_side_thin_in_some_months_is_not_compared(tmp_path):
    # Control teams « Solo » (françois) and « Duo » (inès, gaëlle): 3 people, but Duo has
    # rows only from 2026-07, so the baseline of the control side is françois's alone.
    data = demo_copy(tmp_path)
    teams = {"francois": "Solo", "ines": "Duo", "gaelle": "Duo"}
    edit_csv(data / "people.csv", lambda rows: [
        {**r, "team": teams.get(r["person"], r["team"])} for r in rows
    ])  # fmt: skip

    def split(rows: list[dict]) -> list[dict]:
        out = [{**r, "team": "Solo"} if r["team"] == "Agence Lyon" else r for r in rows]
        later = [r for r in out if r["team"] == "Solo" and r["month"] >= "2026-07"]
        return out + [{**r, "team": "Duo"} for r in later]

    edit_csv(data / "capacity.csv", split)
    edit_csv(data / "revenue.csv", split)
    complete = compute_report(data)["metrics"]
    assert complete["capacity"]["did"]["control"]["teams"] == ["Duo", "Solo"]
    public = compute_report(data, public=True)["metrics"]
    assert public["capacity"]["did"] is None and public["capacity"]["did_masked"]
    assert all(s["did"] is None for s in public["revenue"])


def test_a_small_team_outside_both_groups_stops_the_comparison(tmp_path):
    # « Mix » (one AI person, one control person) is in neither group: the stream's total
    # minus both groups would give its revenue, two people's results.
    data = demo_copy(tmp_path)
    edit_csv(data / "people.csv", lambda rows: [*rows,
        {**rows[0], "person": "yann", "name": "Yann Le Goff", "team": "Mix"},
        {**rows[-1], "person": "zoe", "name": "Zoé Lambert", "team": "Mix"},
    ])  # fmt: skip
    edit_csv(data / "revenue.csv", lambda rows: [*rows, *(
        {"month": r["month"], "team": "Mix", "stream": r["stream"], "revenue": "1111.11"}
        for r in rows if r["team"] == "Agence Lyon"
    )])  # fmt: skip
    assert any(s["did"] for s in compute_report(data)["metrics"]["revenue"])
    public = compute_report(data, public=True)["metrics"]
    assert all(s["did"] is None and s["did_masked"] for s in public["revenue"])
    assert public["capacity"]["did"] is not None  # capacity.csv has no Mix row


def test_the_indicators_of_a_role_held_by_too_few_are_not_published(built):
    public, private = built
    roles = {d["role"]: d for d in compute_report(DEMO, public=True)["metrics"]["deliverables"]}
    assert roles["RH"]["masked"] and roles["RH"]["after"] is None  # hélène alone
    assert roles["Marketing"]["masked"]  # sophie and léa
    assert roles["Commercial"]["after"] is not None and "masked" not in roles["Commercial"]
    page = (public / "metriques" / "qualite-des-livrables.html").read_text("utf-8")
    assert "métier tenu par moins de 3 personnes" in page
    assert "20,6" not in page  # RH's after value in the complete report
    named = (private / "metriques" / "qualite-des-livrables.html").read_text("utf-8")
    assert "20,6" in named


def test_the_declared_ratio_of_one_person_is_not_published(tmp_path):
    people = [{"person": f"p{i}", "name": f"P {i}", "trained_on": "2026-01-05"} for i in (1, 2, 3)]
    usage = [
        {"week": "2026-W03", "person": "p1", "task": "compte_rendu", "uses": 4,
         "declared_minutes": 500},
        {"week": "2026-W03", "person": "p2", "task": "compte_rendu", "uses": 4},
        {"week": "2026-W03", "person": "p3", "task": "compte_rendu", "uses": 4},
    ]  # fmt: skip
    data = write_company(tmp_path / "data", {"people.csv": people, "usage.csv": usage})
    assert compute_report(data)["metrics"]["time_saved"]["declared_vs_computed"]["overall"]
    public = compute_report(data, public=True)
    declared = public["metrics"]["time_saved"]["declared_vs_computed"]
    assert declared["overall"] is None and declared["masked"]
    assert not any("500" in w["message"] for w in public["warnings"])


def test_a_zero_hours_answer_does_not_count_as_a_respondent(tmp_path):
    # « autre »: p01 7.25 h, p02 and p03 0 h. Three rows, one person's hours.
    freed = [{"month": "2026-02", "person": p, "use": "commercial", "hours": 2}
             for p in ("p01", "p02", "p03", "p04")]  # fmt: skip
    freed += [{"month": "2026-02", "person": "p01", "use": "autre", "hours": 7.25}]
    freed += [{"month": "2026-02", "person": p, "use": "autre", "hours": 0} for p in ("p02", "p03")]
    data = survey_company(tmp_path, [], freed)
    uses = {u["use"]: u for u in compute_report(data, public=True)["metrics"]["freed_time"]}
    assert uses["autre"]["hours"] is None and uses["autre"]["use_masked"]


def test_the_checklist_ticks_the_same_in_both_reports():
    from generator.pages.readiness import checklist

    public, complete = compute_report(DEMO, public=True), compute_report(DEMO)
    assert checklist(public) == checklist(complete)
