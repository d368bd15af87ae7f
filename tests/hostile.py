"""The demo data with every free-text value replaced by hostile text: HTML, scripts, Markdown
links and emphasis, Jinja syntax, attribute breakers and spreadsheet formulas.

Each distinct text value of the demo (a name, a team, a label…) becomes one of ``HOSTILE``
followed by a number, the same replacement wherever the value appears, so that references
between files (a team of ``people.csv`` in ``capacity.csv``) still hold."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import yaml

from generator.input.schema import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[clic](javascript:alert(3))",
    "{{ 7*7 }}",
    "{% raw %}",
    "**gras**",
    '" onmouseover="alert(4)',
    '=HYPERLINK("http://x","y")',
)


NO_MARKUP = str.maketrans("", "", '<>"')


def text_columns(file: str) -> set[str]:
    return {c.name for c in SCHEMAS[file].columns if c.kind == "text"}


def hostile_data(target: Path, **company: object) -> dict[str, str]:
    """Copy the demo data into ``target`` with hostile text; return the replacements."""
    shutil.copytree(ROOT / "data", target)
    replaced: dict[str, str] = {}

    def hostile(value: str) -> str:
        if not value:
            return value
        if value not in replaced:
            replaced[value] = f"{HOSTILE[len(replaced) % len(HOSTILE)]} {len(replaced)}"
        return replaced[value]

    for path in sorted(target.glob("*.csv")):
        columns = text_columns(path.name)
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
            header = list(rows[0]) if rows else []
        for row in rows:
            for column in columns & set(row):
                row[column] = hostile(row[column])
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    settings = yaml.safe_load((target / "company.yml").read_text("utf-8"))
    # company.yml refuses « < > " » in the name (the theme writes it raw): the rest stays hostile
    replaced["Atelier Exemple"] = hostile("Atelier Exemple").translate(NO_MARKUP).strip()
    settings["name"] = replaced["Atelier Exemple"]
    settings["alternatives"] = {hostile(k): v for k, v in settings["alternatives"].items()}
    settings.update(company)
    (target / "company.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return replaced
