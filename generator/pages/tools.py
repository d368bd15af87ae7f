"""« Comparer les outils »: metrics.json's ``tools`` made ready for the page's table and
sentence. Words come from the catalogue (``tools``); tool and task labels come from the data
and are escaped here (in the sentence) or by the template's ``finalize`` (in the table)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.core.format import MISSING, hours, money, month_label
from generator.core.i18n import catalogue, text
from generator.pages.escape import markdown_text


def tool_name(entry: dict[str, Any]) -> str:
    """A tool's label, or « outil non précisé » for the usage rows that name no tool."""
    return str(entry["label"]) if entry["tool"] is not None else text("tools.unsaid")


def band_label(band: str | None) -> str:
    return MISSING if band is None else str(catalogue()["bands"]["cost_per_hour"][band]["label"])


def table_row(entry: dict[str, Any], tasks: dict[str, str]) -> dict[str, Any]:
    """A tool's row: its figures, users or « moins de N », its tasks' labels (most hours first)."""
    few = entry["few_users"]
    users = text("public.fewer_than", minimum=entry["users_below"]) if few else entry["users"]
    return {
        **entry,
        "name": tool_name(entry),
        "band_label": band_label(entry["band"]),
        "users_shown": users,
        "task_names": ", ".join(tasks.get(t["task"], t["task"]) for t in entry["tasks"]),
    }


def sentence(rows: list[dict[str, Any]], month: str) -> Markup:
    """The tool cheapest per hour saved and the one with the most hours (the first on a tie,
    then the tools tied with it as shown, named after), among the tools that saved hours: one
    that saved none or lost time is named neither, and with none the sentence says so.
    « Outil non précisé » is no tool: never named here (its cost is only a share)."""
    when = month_label(month, long=True)
    tools = [r for r in rows if r["tool"] is not None and r["hours"] > 0]
    if not tools:
        return Markup(text("tools.none_saved", month=when))
    priced = [r for r in tools if r["value"] is not None]  # none only without costs.csv
    busiest = max(tools, key=lambda r: r["hours"])
    most = {"busiest": markdown_text(busiest["name"]), "hours": hours(busiest["hours"])}
    ties = tied("hours", tools, most["hours"], lambda r: hours(r["hours"]))
    if not priced:
        return Markup(" ".join([text("tools.busiest", month=when, **most), *ties]))
    cheapest = min(priced, key=lambda r: r["value"])
    value = money(cheapest["value"], 2)
    ties = tied("value", priced, value, lambda r: money(r["value"], 2)) + ties
    if cheapest is busiest:
        words = text("tools.both", month=when, name=most["busiest"], value=value,
                     hours=most["hours"])  # fmt: skip
    else:
        name = markdown_text(cheapest["name"])
        words = text("tools.cheapest_and_busiest", month=when, cheapest=name, value=value, **most)
    return Markup(" ".join([words, *ties]))


def tied(
    key: str, rows: list[dict[str, Any]], best: str, shown: Callable[[dict[str, Any]], str]
) -> list[str]:
    """« À égalité … : A et B. » when several tools show the best figure, else nothing."""
    same = [markdown_text(r["name"]) for r in rows if shown(r) == best]
    if len(same) < 2:
        return []
    names = text("tools.and", first=", ".join(same[:-1]), last=same[-1])
    return [text(f"tools.tie_{key}", shown=best, names=names)]


def tools_view(
    report: dict[str, Any], tasks: dict[str, str], minimum: int
) -> dict[str, Any] | None:
    """The section's rows, sentence and basis; None with fewer than two entries to compare;
    only ``withheld`` when the public report keeps the comparison for the complete one."""
    if report.get("tools_withheld"):
        return {"withheld": True, "minimum": minimum}
    entries = report.get("tools") or []
    if len(entries) < 2:
        return None
    month = report["metrics"]["cost_per_hour"]["month"]
    rows = [table_row(e, tasks) for e in entries]
    return {
        "withheld": False,
        "rows": rows,
        "sentence": sentence(rows, month),
        "month": month,
        "few_users": any(r["few_users"] for r in rows),
        "unsaid": any(r["tool"] is None for r in rows),
        "costed": all(r["cost"] is not None for r in rows),  # none without costs.csv
        "fewer_than": text("public.fewer_than", minimum=minimum),
        "minimum": minimum,
    }
