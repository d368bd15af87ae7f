"""``roi init``: a new company repository with settings, empty CSV files and site config."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import metadata, resources
from pathlib import Path

import jinja2

from generator import __version__
from generator.commands.settingsfile import settings_file
from generator.core.errors import GeneratorError
from generator.core.i18n import text
from generator.input.schema import FILES, FileSchema

SCAFFOLD = resources.files("generator").joinpath("scaffold")
WORKFLOWS = ("validate.yml", "publish.yml")
GITIGNORE = "site/\n.roi/\n.venv/\n"


def last_monday(today: date) -> date:
    return today - timedelta(days=today.weekday())


def render(name: str, values: dict[str, str]) -> str:
    template = jinja2.Template(
        SCAFFOLD.joinpath(name).read_text("utf-8"), keep_trailing_newline=True
    )
    return template.render(values)


def project_repository() -> str:
    """roi-ia's own repository, as declared once in pyproject.toml (``[project.urls]``)."""
    urls = metadata.metadata("roi-ia").get_all("Project-URL") or []
    return dict(url.split(", ", 1) for url in urls)["Repository"]


def csv_template(schema: FileSchema, french_headers: bool) -> str:
    """An empty CSV file, its header line alone: the contract's names, or with
    ``french_headers`` the French aliases as French Excel saves them (``;``, UTF-8 with a BOM
    so that Excel reads the accents)."""
    if french_headers:
        return "\ufeff" + schema.french_header + "\n"  # the BOM Excel reads UTF-8 by
    return schema.header + "\n"


def repository_files(name: str, deployed_on: date, french_headers: bool = False) -> dict[str, str]:
    """Every file of a new repository, by relative path."""
    values = {
        "name": name,
        "deployed_on": deployed_on.isoformat(),
        "version": __version__,
        "repository": project_repository(),
    }
    files = {f"data/{schema.name}": csv_template(schema, french_headers) for schema in FILES}
    files["data/company.yml"] = settings_file({"name": name, "deployed_on": deployed_on})
    files["mkdocs.yml"] = SCAFFOLD.joinpath("mkdocs.yml").read_text("utf-8")
    files["README.md"] = render("README.md.j2", values)
    files["docs/.gitkeep"] = ""
    for workflow in WORKFLOWS:
        files[f".github/workflows/{workflow}"] = SCAFFOLD.joinpath(
            f"workflows/{workflow}"
        ).read_text("utf-8")
    files["zizmor.yml"] = SCAFFOLD.joinpath("zizmor.yml").read_text("utf-8")
    files["requirements.txt"] = f"roi-ia=={__version__}\n"
    files[".gitignore"] = GITIGNORE
    return files


def create_repository(
    directory: Path,
    name: str | None = None,
    today: date | None = None,
    french_headers: bool = False,
) -> list[Path]:
    """Write a new repository into ``directory`` (absent or empty); returns the files written.
    The company's ``name`` defaults to the catalogue's placeholder name; ``french_headers``
    writes the CSV files' headers with the columns' French aliases."""
    if directory.exists() and any(directory.iterdir()):
        raise GeneratorError(text("init.not_empty", directory=directory))
    monday = last_monday(today or date.today())
    files = repository_files(name or text("init.default_name"), monday, french_headers)
    written = []
    for relative, content in files.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
