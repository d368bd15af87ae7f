"""The ``tool`` column in the survey forms and the team-week grid (issue 14), by how many
tools ``tools.csv`` declares: none, the answers have no ``tool`` column (as before tools
existed); one, its id is written without asking; two or more, a choice among their labels."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from generator.input.dataset import Dataset
from generator.input.schema import TOOL, FileSchema

TOOL_ID = TOOL.name  # the optional column naming a tool of tools.csv: ``tool``


def declared_tools(data: Dataset) -> tuple[tuple[str, str], ...]:
    """(id, label) of each tool of tools.csv, in its order (the id when the label is blank);
    none when the file is absent or empty."""
    tools = data.frames.get("tools")
    if tools is None:
        return ()
    return tuple(
        (str(tool), str(label) if isinstance(label, str) and label else str(tool))
        for tool, label in zip(tools["tool"], tools["label"], strict=True)
    )


def tool_choices(data: Dataset) -> tuple[tuple[str, Markup], ...]:
    """The tools a person chooses among: only when the company declares two or more (with one,
    its id is written without asking; with none, the answer has no ``tool`` column)."""
    tools = declared_tools(data)
    return tuple((tool, escape(label)) for tool, label in tools) if len(tools) > 1 else ()


def tool_rules(schema: FileSchema, when: tuple[str, str] | None, data: Dataset) -> dict[str, Any]:
    """What the script writes in the ``tool`` column of an answer to ``schema``: the id of a
    lone tool (``fixed``), and the condition for saying a tool at all (``when`` = (column,
    value): the stopwatch's measurement with AI)."""
    tools = declared_tools(data)
    has_tool = TOOL_ID in schema.column_names
    return {
        "fixed": {TOOL_ID: tools[0][0]} if has_tool and len(tools) == 1 else {},
        "when": {TOOL_ID: list(when)} if has_tool and when else {},
    }


def written_header(schema: FileSchema, data: Dataset) -> list[str]:
    """The answer's columns: the file's, without ``tool`` when the company declares none (the
    answer is then the same as before tools existed)."""
    names = list(schema.column_names)
    return names if declared_tools(data) else [n for n in names if n != TOOL_ID]
