"""Make the demo company "Atelier Exemple" as the CSV files of the data contract.

The demo is a small French company (12 people: 9 who use AI tools and a control team of 3
at the Lyon branch) that rolled out AI tools on Monday 2026-01-05 and kept measuring until
the end of September 2026. It has a three-month baseline (October to December 2025) for
every monthly file, so that each of the 12 metrics has a "before" and an "after".
``capacity.csv`` and ``revenue.csv`` give one row per team: the Paris sales team
(« Commercial », with AI) and the Lyon branch (« Agence Lyon », the control group without AI),
whose business only follows the season and the market, so that the site can tell the AI's own
effect from the market's (difference-in-differences).

The demo also shows the detectors at work: Thomas, a light user (the article's "thinks he
saves 2 h a day"), declares 1.8 × his usual estimate in ``declared_minutes``, so his
declared/computed ratio is ×2.47 and is flagged, while the others stay between ×1.34 and ×1.45
(overall ×1.40, not flagged); some tasks used were never timed, so the readiness item « Temps
actuel mesuré » is not ticked.

Run it from the repository root:

    python tools/make_demo_data.py data

The only argument is the folder to write (default ``data/``); it is created when missing and
the files it writes are overwritten. The output depends only on this script: random draws use
fixed seeds, so two runs give byte-identical files (UTF-8, LF line ends, dot as decimal mark).
Only the standard library is used.
"""

from __future__ import annotations

import csv
import math
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SEED = 20260105
DEPLOYED_ON = date(2026, 1, 5)
FIRST_WEEK = (2026, 2)  # rollout week: Monday 2026-01-05
LAST_WEEK = (2026, 40)  # Monday 2026-09-28, so that September is complete
FIRST_MONTH = (2025, 10)
LAST_MONTH = (2026, 9)

Cell = str | int | float
Row = list[Cell]


# --- Reference data ----------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    task: str
    label: str
    minutes_before: int
    minutes_after: int

    @property
    def minutes_saved(self) -> int:
        return self.minutes_before - self.minutes_after


TASKS: tuple[Task, ...] = (
    Task("compte_rendu", "Comptes-rendus de réunion", 60, 15),
    Task("email_suivi", "Emails de suivi client", 10, 3),
    Task("proposition", "Propositions commerciales, devis compris", 240, 120),
    Task("veille", "Veille concurrentielle", 90, 30),
    Task("contenu", "Posts LinkedIn, newsletter et fiches produit", 60, 20),
    Task("saisie", "Saisie de données (factures, bons de commande)", 45, 15),
    Task("relance", "Relances clients", 15, 5),
    Task("fiche_poste", "Fiches de poste et annonces", 120, 45),
)
TASK_BY_ID = {t.task: t for t in TASKS}

# tool, label: the AI tools of tools.csv. ChatGPT Team for everyone from the rollout; four seats
# of Microsoft 365 Copilot from March 2026 for the office tasks of four people; a meeting
# transcription trial, January to April, that nobody reported using (its cost still counts).
TOOLS: tuple[Row, ...] = (
    ("chatgpt", "ChatGPT Team"),
    ("copilot", "Microsoft 365 Copilot"),
    ("transcription", "Transcription de réunions"),
)
COPILOT_PEOPLE = ("marc", "camille", "julie", "nicolas")
COPILOT_TASKS = ("email_suivi", "relance", "saisie")
COPILOT_FROM_WEEK = 10  # Monday 2026-03-02


def tool_of(person: str, task: str, week: int) -> str:
    """The tool a person used for a task in a week of 2026."""
    copilot = person in COPILOT_PEOPLE and task in COPILOT_TASKS and week >= COPILOT_FROM_WEEK
    return "copilot" if copilot else "chatgpt"


@dataclass(frozen=True)
class Person:
    person: str
    name: str
    team: str
    role: str
    trained_on: date | None
    group: str = "ai"
    plateau: dict[str, float] = field(default_factory=dict)  # task -> uses per week
    ramp_weeks: int = 8
    start_factor: float = 0.08
    declare_rate: float = 0.5
    skip_rate: float = 0.04
    holidays: tuple[int, ...] = ()  # ISO weeks of 2026 without any answer
    optimism: float = 1.0  # how much more than their usual estimate a person declares


PEOPLE: tuple[Person, ...] = (
    Person(
        "sophie",
        "Sophie Martin",
        "Marketing",
        "Marketing",
        date(2025, 12, 15),
        plateau={"veille": 2, "contenu": 2, "compte_rendu": 2, "email_suivi": 5},
        ramp_weeks=5,
        start_factor=0.45,
        declare_rate=0.95,
        holidays=(32, 33, 34),
    ),
    Person(
        "lea",
        "Léa Moreau",
        "Marketing",
        "Marketing",
        date(2026, 1, 8),
        plateau={"contenu": 1.6, "veille": 0.8, "email_suivi": 3},
        ramp_weeks=11,
        declare_rate=0.75,
        holidays=(30, 31, 32),
    ),
    Person(
        "antoine",
        "Antoine Lefèvre",
        "Commercial",
        "Commercial",
        date(2025, 12, 15),
        plateau={"compte_rendu": 3, "proposition": 1, "email_suivi": 6},
        ramp_weeks=6,
        start_factor=0.3,
        declare_rate=0.85,
        holidays=(33, 34),
    ),
    Person(
        "thomas",
        "Thomas Girard",
        "Commercial",
        "Commercial",
        date(2026, 1, 5),
        plateau={"email_suivi": 1.3, "proposition": 0.4, "relance": 0.8},
        ramp_weeks=12,
        declare_rate=0.4,
        skip_rate=0.12,
        holidays=(33, 34, 35),
        optimism=1.8,  # a light user sure the tool saves him a lot (the article's mistake 3)
    ),
    Person(
        "marc",
        "Marc Rousseau",
        "Commercial",
        "Commercial",
        date(2026, 1, 5),
        plateau={"relance": 8, "email_suivi": 10, "proposition": 1},
        ramp_weeks=8,
        declare_rate=0.65,
        holidays=(28, 29, 30),
    ),
    Person(
        "camille",
        "Camille Bérard",
        "Commercial",
        "Commercial",
        date(2026, 1, 8),
        plateau={"email_suivi": 8, "proposition": 1, "compte_rendu": 1},
        ramp_weeks=9,
        declare_rate=0.55,
    ),
    Person(
        "julie",
        "Julie Bernard",
        "Administration",
        "Admin",
        date(2026, 1, 20),
        plateau={"saisie": 5, "relance": 4, "email_suivi": 5},
        ramp_weeks=12,
        declare_rate=0.45,
        holidays=(31, 32, 33),
    ),
    Person(
        "nicolas",
        "Nicolas Faure",
        "Administration",
        "Admin",
        date(2026, 2, 10),
        plateau={"saisie": 3, "compte_rendu": 0.6},
        ramp_weeks=8,
        declare_rate=0.65,
        holidays=(34, 35),
    ),
    Person(
        "helene",
        "Hélène Dupré",
        "Administration",
        "RH",
        date(2026, 1, 5),
        plateau={"fiche_poste": 0.8, "compte_rendu": 1.5, "saisie": 1.3},
        ramp_weeks=10,
        declare_rate=0.6,
        holidays=(32, 33),
    ),
    Person("francois", "François Mercier", "Agence Lyon", "Commercial", None, "control"),
    Person("ines", "Inès Bouvier", "Agence Lyon", "Commercial", None, "control"),
    Person("gaelle", "Gaëlle Perrin", "Agence Lyon", "Admin", None, "control"),
)
AI_PEOPLE = tuple(p for p in PEOPLE if p.group == "ai")

# The person who gives up in mid-June: fewer uses, then "0" answers, then silence; asked to
# report again after the September refresher, she answers "0" (still inactive).
DROPOUT = "camille"
DROPOUT_LOW_WEEK = 23  # uses fall
DROPOUT_ZERO_WEEKS = (24, 25, 26)  # answers "0" everywhere
DROPOUT_BACK_WEEK = 39  # answers again, with "0"

COMPANY_YAML = """\
# Réglages de l'entreprise de démonstration (fichier écrit par tools/make_demo_data.py)
name: Atelier Exemple           # nom affiché en haut du site
language: fr                    # langue du site
currency: EUR                   # devise de tous les montants
deployed_on: 2026-01-05         # début du déploiement de l'IA ; avant cette date : la référence
hourly_value: 35                # valeur d'une heure de travail (coût chargé), en euros
error_cost: 150                 # coût moyen d'une erreur qui arrive chez un client
active_uses_per_week: 3         # utilisations par semaine pour compter comme utilisateur actif
recent_months: 3                # nombre de mois de la période « après » des indicateurs mensuels
alternatives: {Stagiaire: 12, Freelance: 45, CDI: 35}   # coût horaire des autres solutions
forms:
  repository: ""                # dépôt GitHub qui reçoit les réponses (vide : pas de formulaires)
  branch: main
privacy:
  show_names: true              # false : les personnes n'apparaissent que par leur identifiant
  min_group_size: 3             # moyennes d'enquête masquées en dessous de ce nombre de personnes
thresholds: {}                  # seuils personnalisés (vide : seuils par défaut)
"""


# --- Small helpers -----------------------------------------------------------------------


def rng_for(name: str) -> random.Random:
    """One independent, seeded generator per file, so files do not depend on each other."""
    return random.Random(f"{SEED}-{name}")


def poisson(rng: random.Random, lam: float) -> int:
    """Draw a Poisson count (Knuth's method; fine for the small means used here)."""
    if lam <= 0:
        return 0
    limit = math.exp(-lam)
    count, product = 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def week_label(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def week_monday(week: int) -> date:
    return date.fromisocalendar(FIRST_WEEK[0], week, 1)


def report_weeks() -> range:
    return range(FIRST_WEEK[1], LAST_WEEK[1] + 1)


def week_of(day: date) -> int:
    year, week, _ = day.isocalendar()
    return week if year == FIRST_WEEK[0] else FIRST_WEEK[1]


def months() -> list[str]:
    """Every month from FIRST_MONTH to LAST_MONTH, as YYYY-MM."""
    year, month = FIRST_MONTH
    out = []
    while (year, month) <= LAST_MONTH:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def months_after(month: str) -> int:
    """Months since the deployment month (-3..-1 for the baseline, 0 for January 2026)."""
    year, mon = int(month[:4]), int(month[5:])
    return (year - DEPLOYED_ON.year) * 12 + mon - DEPLOYED_ON.month


def progress(month: str, pace: float = 2.5) -> float:
    """Share of the AI effect reached in a month: 0 in the baseline, then towards 1."""
    index = months_after(month)
    return 0.0 if index < 0 else 1 - math.exp(-(index + 0.5) / pace)


def money(value: float) -> int | str:
    """Amount rounded to cents; whole amounts are written without decimals."""
    cents = round(value * 100)
    return cents // 100 if cents % 100 == 0 else f"{cents / 100:.2f}"


def hours_cell(value: float) -> int | float:
    return int(value) if value == int(value) else value


def weekdays_by_month(week: int) -> dict[str, int]:
    """Monday-Friday of a week, counted per calendar month."""
    counts: dict[str, int] = {}
    for offset in range(5):
        day = week_monday(week) + timedelta(days=offset)
        key = f"{day.year}-{day.month:02d}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def write_csv(folder: Path, name: str, header: Sequence[str], rows: Iterable[Row]) -> int:
    """Write one CSV file (UTF-8, LF, minimal quoting); return its number of data rows."""
    count = 0
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


# --- people.csv and tasks.csv ------------------------------------------------------------


def people_rows() -> list[Row]:
    rows: list[Row] = []
    for p in PEOPLE:
        trained = p.trained_on.isoformat() if p.trained_on else ""
        rows.append([p.person, p.name, p.team, p.role, trained, p.group])
    return rows


def task_rows() -> list[Row]:
    return [[t.task, t.label, t.minutes_before, t.minutes_after] for t in TASKS]


# --- usage.csv ---------------------------------------------------------------------------


def season_factor(week: int) -> float:
    """Less work in summer and around the May bank holidays, a rush in September."""
    monday = week_monday(week)
    if monday.month == 8:
        return 0.7
    if monday.month == 7:
        return 0.9
    if week in (15, 20, 22):  # Easter Monday, Ascension, Whit Monday
        return 0.85
    return 1.05 if monday.month == 9 else 1.0


def adoption_factor(person: Person, weeks_in: int) -> float:
    """Gradual adoption: from start_factor up to 1 over ramp_weeks."""
    share = min(1.0, weeks_in / person.ramp_weeks)
    return person.start_factor + (1 - person.start_factor) * share**1.8


def dropout_factor(person: Person, week: int) -> float | None:
    """The dropout's own pattern; None means no answer that week, 1.0 is the usual use."""
    if person.person != DROPOUT or week < DROPOUT_LOW_WEEK:
        return 1.0
    if week == DROPOUT_LOW_WEEK:
        return 0.4
    if week in DROPOUT_ZERO_WEEKS:
        return 0.0
    return None if week < DROPOUT_BACK_WEEK else 0.0


def first_week(person: Person) -> int:
    assert person.trained_on is not None
    return max(FIRST_WEEK[1], week_of(max(person.trained_on, DEPLOYED_ON)))


def declared(rng: random.Random, task: Task, uses: int, optimism: float) -> int:
    """A person's own estimate of minutes saved: mostly optimistic, rounded to 5 minutes."""
    computed = task.minutes_saved * uses
    ratio = rng.uniform(1.2, 2.0) if rng.random() < 0.8 else rng.uniform(0.8, 1.15)
    return max(5, 5 * round(computed * ratio * optimism / 5))


def answers(rng: random.Random, person: Person, week: int) -> bool:
    """Whether the person filled the weekly form at all."""
    if week in person.holidays:
        return False
    return week - first_week(person) < 2 or rng.random() >= person.skip_rate


def person_week_rows(rng: random.Random, person: Person, week: int) -> list[Row]:
    """The rows of one person for one week (none when they did not answer)."""
    special = dropout_factor(person, week)
    if special is None or not answers(rng, person, week):
        return []
    mood = min(1.5, max(0.5, rng.gauss(1.0, 0.15)))
    level = adoption_factor(person, week - first_week(person)) * season_factor(week) * mood
    rows: list[Row] = []
    for task_id, plateau in person.plateau.items():
        task = TASK_BY_ID[task_id]
        uses = poisson(rng, plateau * level * special)
        estimate: int | str = ""
        if uses and rng.random() < person.declare_rate:
            estimate = declared(rng, task, uses, person.optimism)
        tool = tool_of(person.person, task_id, week)
        rows.append([week_label(FIRST_WEEK[0], week), person.person, task_id, uses, estimate, tool])
    return rows


def usage_rows() -> list[Row]:
    rng = rng_for("usage")
    rows: list[Row] = []
    for week in report_weeks():
        week_rows: list[Row] = []
        for person in AI_PEOPLE:
            if week >= first_week(person):
                week_rows.extend(person_week_rows(rng, person, week))
        if not week_rows:
            raise RuntimeError(f"week {week} has no usage row: every month must stay complete")
        rows.extend(week_rows)
    return rows


def hours_by_person_month(usage: list[Row]) -> dict[tuple[str, str], float]:
    """Hours saved per (person, month), a week split by its weekdays in each month."""
    out: dict[tuple[str, str], float] = {}
    for week_cell, person, task_id, uses, *_ in usage:
        hours = TASK_BY_ID[str(task_id)].minutes_saved * int(uses) / 60
        for month, days in weekdays_by_month(int(str(week_cell)[-2:])).items():
            key = (str(person), month)
            out[key] = out.get(key, 0.0) + hours * days / 5
    return out


# --- timings.csv -------------------------------------------------------------------------

TIMED = {
    "compte_rendu": ("sophie", "helene", "antoine", "camille"),
    "email_suivi": ("marc", "thomas", "camille", "lea", "julie"),
    "proposition": ("antoine", "marc", "camille", "thomas"),
}


def random_weekday(rng: random.Random, start: date, end: date) -> date:
    while True:
        day = start + timedelta(days=rng.randrange((end - start).days + 1))
        if day.weekday() < 5:
            return day


def timing_rows() -> list[Row]:
    """Stopwatch measurements: 6 before the rollout and 7 after it, for three tasks."""
    rng = rng_for("timings")
    rows: list[tuple[date, str, str, int, str]] = []
    for task_id, timers in TIMED.items():
        task = TASK_BY_ID[task_id]
        for with_ai, count, start, end, mean, spread in (
            ("no", 6, date(2025, 11, 17), date(2025, 12, 19), task.minutes_before, 0.12),
            ("yes", 7, date(2026, 2, 16), date(2026, 4, 30), task.minutes_after, 0.2),
        ):
            for _ in range(count):
                day = random_weekday(rng, start, end)
                minutes = max(1, round(rng.gauss(mean, mean * spread)))
                rows.append((day, rng.choice(timers), task_id, minutes, with_ai))
    rows.sort()
    return [[d.isoformat(), person, task, minutes, ai, ""] for d, person, task, minutes, ai in rows]


# --- costs.csv ---------------------------------------------------------------------------


# category, label, amount, kind, start, end, amortize_months, tool (blank: shared by the tools)
COSTS: tuple[Row, ...] = (
    ("licence", "ChatGPT Team (9 postes)", 225, "monthly", "2026-01", "", "", "chatgpt"),
    ("licence", "Microsoft 365 Copilot (4 postes)", 112.4, "monthly", "2026-03", "", "",
     "copilot"),
    ("licence", "Transcription de réunions (essai arrêté)", 29, "monthly", "2026-01", "2026-04",
     "", "transcription"),
    ("formation", "Formation IA en entreprise (2 jours, 9 personnes)", 1200, "one_off", "2026-01",
     "", 6, ""),
    ("setup", "Paramétrage des comptes et bibliothèque de prompts", 300, "one_off", "2026-01", "",
     "", ""),
    ("setup", "Connexion au CRM et automatisations (prestataire)", 2400, "one_off", "2026-03", "",
     12, "copilot"),
    ("formation", "Session de rappel et nouveaux cas d'usage", 600, "one_off", "2026-09", "", 6,
     ""),
)  # fmt: skip


def cost_rows() -> list[Row]:
    """Licences, training and setup: what the manager pays for the AI tools."""
    return [[row[0], row[1], money(float(row[2])), *row[3:]] for row in COSTS]


# --- Monthly files -----------------------------------------------------------------------

# Activity of a month compared with an average month (orders, projects, revenue).
SEASON = {1: 0.9, 2: 0.95, 3: 1.05, 4: 1.04, 5: 0.97, 6: 1.08, 7: 0.95, 8: 0.55, 9: 1.1,
          10: 1.0, 11: 1.02, 12: 0.88}  # fmt: skip


def month_season(month: str) -> float:
    return SEASON[int(month[5:])]


def trend(month: str, per_month: float) -> float:
    """Slow business growth, counted from the first baseline month."""
    return (1 + per_month) ** (months_after(month) + 3)


def toward(before: float, after: float, month: str, pace: float = 2.5) -> float:
    return before + (after - before) * progress(month, pace)


ERROR_TYPES = (
    ("Fautes dans les devis", 12.0, 2.0, ""),
    ("Oublis d'emails clients", 8.0, 1.0, ""),
    ("Erreurs de calcul sur les factures", 5.0, 0.3, 250),
)


def error_rows() -> list[Row]:
    rng = rng_for("errors")
    rows: list[Row] = []
    for month in months():
        for label, before, after, unit_cost in ERROR_TYPES:
            mean = toward(before, after, month, pace=2.0)
            count = max(0, round(rng.gauss(mean, 0.6 + mean * 0.08)))
            rows.append([month, label, count, unit_cost])
    return rows


def orders_of(month: str, rng: random.Random) -> int:
    growth = 1 + 0.12 * progress(month)
    return round(86 * month_season(month) * growth * rng.uniform(0.95, 1.05))


def customer_rows() -> list[Row]:
    rng = rng_for("customers")
    rows: list[Row] = []
    for month in months():
        orders = orders_of(month, rng)
        nps = round(toward(30, 46, month, pace=3.0) + rng.gauss(0, 1.5))
        response = toward(245, 65, month, pace=2.0) * (1.3 if month.endswith("-08") else 1.0)
        complaints = poisson(rng, orders * toward(0.08, 0.033, month))
        rows.append([month, nps, round(response * rng.uniform(0.93, 1.07)), complaints, orders])
    return rows


DELIVERABLES = (
    ("Commercial", "Taux de conversion des devis", 22.0, 25.5, "up"),
    ("Marketing", "Taux d'ouverture des emails", 21.0, 25.8, "up"),
    ("RH", "Taux de réponse des candidats", 15.0, 21.0, "up"),
    ("Admin", "Demandes de clarification", 20.0, 14.0, "down"),
)


def deliverable_rows() -> list[Row]:
    rng = rng_for("deliverables")
    rows: list[Row] = []
    for month in months():
        for role, indicator, before, after, better in DELIVERABLES:
            value = toward(before, after, month) * rng.uniform(0.95, 1.05)
            cell: int | float = round(value) if better == "down" else round(value, 1)
            rows.append([month, role, indicator, cell, better])
    return rows


@dataclass(frozen=True)
class Team:
    """A team that handles projects and sells: its size and its average month before AI."""

    team: str
    headcount: int
    projects: float  # projects handled in an average month before the rollout
    project_lift: float  # share of extra projects once AI is fully adopted (0: no AI)
    basket: float
    small_orders: float  # small orders in an average month before the rollout
    small_lift: float
    upkeep: float  # monthly maintenance contracts


# The Paris sales team uses AI; the Lyon branch (group "control" in people.csv) does not: its
# projects and orders follow the season and the market (+0.5 % a month) only.
TEAMS = (
    Team("Commercial", 4, 6.5, 0.4, 4500, 58, 0.12, 6300),
    Team("Agence Lyon", 3, 5.0, 0.0, 4200, 45, 0.0, 5200),
)
TEAM_BY_NAME = {t.team: t for t in TEAMS}
MARKET = 0.005  # monthly growth of the market, shared by both teams


def handled_of(team: Team, month: str, rng: random.Random) -> int:
    season = max(0.75, month_season(month))  # projects go on through August, slowly
    lift = 1 + team.project_lift * progress(month)
    mean = team.projects * season * trend(month, MARKET) * lift
    return max(1, round(mean + rng.gauss(0, 0.4)))


def capacity_rows() -> list[Row]:
    rng = rng_for("capacity")
    rows: list[Row] = []
    for month in months():
        for team in TEAMS:
            basket = team.basket * trend(month, 0.004) * rng.uniform(0.96, 1.04)
            handled = handled_of(team, month, rng)
            rows.append([month, team.team, handled, team.headcount, money(round(basket))])
    return rows


def revenue_rows(capacity: list[Row]) -> list[Row]:
    """Per team: projects follow capacity, small orders the season, maintenance grows slowly."""
    rng = rng_for("revenue")
    rows: list[Row] = []
    for month, name, handled, _, basket in capacity:
        month, team = str(month), TEAM_BY_NAME[str(name)]
        projects = int(handled) * float(basket) * rng.uniform(0.97, 1.03)
        orders = team.small_orders * month_season(month) * (1 + team.small_lift * progress(month))
        small = orders * 310 * trend(month, MARKET) * rng.uniform(0.95, 1.05)
        upkeep = team.upkeep * trend(month, 0.01) * rng.uniform(0.98, 1.02)
        rows.append([month, team.team, "Projets d'aménagement sur mesure", money(projects)])
        rows.append([month, team.team, "Petites commandes", money(small)])
        rows.append([month, team.team, "Contrats d'entretien", money(upkeep)])
    return rows


def acquisition_rows() -> list[Row]:
    rng = rng_for("acquisition")
    rows: list[Row] = []
    for month in months():
        season = month_season(month)
        leads = round(toward(36, 46, month) * season * rng.uniform(0.92, 1.08))
        qualified = round(leads * toward(0.31, 0.36, month) * rng.uniform(0.92, 1.08))
        minutes = round(leads * toward(45, 21, month, pace=2.0) * rng.uniform(0.95, 1.05))
        spend = money(round(toward(900, 950, month) * (0.6 if season < 0.7 else 1.0), -1))
        new = max(1, round(qualified * toward(0.24, 0.31, month) * rng.uniform(0.9, 1.1)))
        rows.append([month, leads, qualified, minutes, spend, new])
    return rows


# --- Surveys -----------------------------------------------------------------------------

# (person, task, before, after) per survey round; June ends on the article's examples.
MENTAL_LOAD = {
    date(2026, 3, 20): (
        ("sophie", "veille", 7, 4), ("sophie", "contenu", 6, 4), ("lea", "contenu", 7, 5),
        ("antoine", "proposition", 8, 5), ("thomas", "email_suivi", 6, 5),
        ("marc", "relance", 8, 4), ("camille", "email_suivi", 7, 5), ("julie", "saisie", 9, 6),
        ("helene", "fiche_poste", 8, 5), ("helene", "compte_rendu", 7, 4),
    ),
    date(2026, 6, 19): (
        ("sophie", "veille", 7, 3), ("sophie", "contenu", 6, 3), ("lea", "contenu", 7, 4),
        ("lea", "veille", 6, 3), ("antoine", "proposition", 8, 4),
        ("antoine", "compte_rendu", 6, 2), ("marc", "relance", 8, 2), ("julie", "saisie", 9, 4),
        ("nicolas", "saisie", 8, 4), ("helene", "fiche_poste", 8, 4),
        ("helene", "compte_rendu", 7, 3),
    ),
}  # fmt: skip


def mental_load_rows() -> list[Row]:
    """Two survey rounds; each person answers within the week before the round's Friday."""
    rng = rng_for("mental_load")
    rows: list[Row] = []
    for friday, answers_ in MENTAL_LOAD.items():
        for person, task, before, after in answers_:
            day = friday - timedelta(days=rng.randrange(5))
            rows.append([day.isoformat(), person, task, before, after])
    return rows


FREED_USES = ("commercial", "produit", "formation", "equilibre", "autre")
FREED_WEIGHTS = {
    "Commercial": (0.6, 0.05, 0.1, 0.15, 0.1),
    "Marketing": (0.2, 0.45, 0.2, 0.15, 0.0),
    "Admin": (0.1, 0.15, 0.2, 0.3, 0.25),
    "RH": (0.0, 0.1, 0.4, 0.3, 0.2),
}


def split_hours(rng: random.Random, total: float, role: str) -> list[tuple[str, float]]:
    """Share a person's freed hours among uses, rounded to half hours."""
    weights = [w * rng.uniform(0.6, 1.4) for w in FREED_WEIGHTS[role]]
    scale = total / sum(weights)
    shares = [(use, round(w * scale * 2) / 2) for use, w in zip(FREED_USES, weights, strict=True)]
    return [(use, hours) for use, hours in shares if hours > 0]


def freed_time_rows(saved: dict[tuple[str, str], float]) -> list[Row]:
    """Monthly survey from February: what each person did with part of the hours saved."""
    rng = rng_for("freed_time")
    rows: list[Row] = []
    for month in months():
        if months_after(month) < 1:
            continue
        for person in AI_PEOPLE:
            hours = saved.get((person.person, month), 0.0)
            if hours < 2 or rng.random() < 0.15:
                continue
            total = hours * rng.uniform(0.55, 0.85)
            for use, part in split_hours(rng, total, person.role):
                rows.append([month, person.person, use, hours_cell(part)])
    return rows


# --- Main --------------------------------------------------------------------------------


HEADERS: dict[str, tuple[str, ...]] = {
    "people.csv": ("person", "name", "team", "role", "trained_on", "group"),
    "tasks.csv": ("task", "label", "minutes_before", "minutes_after"),
    "tools.csv": ("tool", "label"),
    "usage.csv": ("week", "person", "task", "uses", "declared_minutes", "tool"),
    "timings.csv": ("date", "person", "task", "minutes", "with_ai", "tool"),
    "costs.csv": ("category", "label", "amount", "kind", "start", "end", "amortize_months",
                  "tool"),
    "errors.csv": ("month", "error_type", "count", "unit_cost"),
    "customers.csv": ("month", "nps", "response_minutes", "complaints", "orders"),
    "deliverables.csv": ("month", "role", "indicator", "value", "better"),
    "revenue.csv": ("month", "team", "stream", "revenue"),
    "capacity.csv": ("month", "team", "handled", "headcount", "avg_basket"),
    "acquisition.csv": ("month", "leads", "qualified_leads", "sales_minutes", "marketing_spend",
                        "new_customers"),
    "mental_load.csv": ("date", "person", "task", "before", "after"),
    "freed_time.csv": ("month", "person", "use", "hours"),
}  # fmt: skip


def all_rows() -> dict[str, list[Row]]:
    """The data rows of every CSV file, by file name."""
    usage = usage_rows()
    capacity, customers = capacity_rows(), customer_rows()
    return {
        "people.csv": people_rows(),
        "tasks.csv": task_rows(),
        "tools.csv": [list(row) for row in TOOLS],
        "usage.csv": usage,
        "timings.csv": timing_rows(),
        "costs.csv": cost_rows(),
        "errors.csv": error_rows(),
        "customers.csv": customers,
        "deliverables.csv": deliverable_rows(),
        "revenue.csv": revenue_rows(capacity),
        "capacity.csv": capacity,
        "acquisition.csv": acquisition_rows(),
        "mental_load.csv": mental_load_rows(),
        "freed_time.csv": freed_time_rows(hours_by_person_month(usage)),
    }


def write_all(folder: Path) -> dict[str, int]:
    """Write every file of the demo; return the number of data rows per CSV file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.yml").write_text(COMPANY_YAML, encoding="utf-8", newline="\n")
    rows = all_rows()
    return {name: write_csv(folder, name, HEADERS[name], rows[name]) for name in HEADERS}


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("data")
    for name, count in write_all(folder).items():
        print(f"{folder / name}: {count} rows")
    print(f"{folder / 'company.yml'}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
