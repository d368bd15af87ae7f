"""The names the site shows tools by must tell them apart: a tool's label (its id when blank)
equal, case and accents aside, to another tool's, to an alternative of ``company.yml`` or to
« outil non précisé » is refused. The « Comparer les outils » chart draws one row per name (two
tools of one name, or a tool named « Stagiaire » beside the intern, would share a row, one bar
over the other), and its sentence and table could not say which is which."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.input.csvread import LINE
from generator.input.parse import fold


def shown_name(tool: str, label: object) -> str:
    """The name the site shows a tool by: its label, else its id.

    >>> shown_name("copilot", None), shown_name("chatgpt", "ChatGPT Team")
    ('copilot', 'ChatGPT Team')
    """
    return label.strip() if isinstance(label, str) and label.strip() else tool


def tool_name_problems(tools: pd.DataFrame, alternatives: Iterable[str]) -> list[Problem]:
    """``tools.csv``'s rows whose shown name another tool, an alternative or « outil non
    précisé » already has."""
    taken = {fold(name.strip()): text("loader.tool_name_alternative", name=name)
             for name in alternatives}  # fmt: skip
    taken[fold(text("tools.unsaid"))] = text("loader.tool_name_unsaid")
    first: dict[str, int] = {}
    problems = []
    for tool, label, line in zip(tools["tool"], tools["label"], tools[LINE], strict=True):
        name = shown_name(str(tool), label)
        key = fold(name)
        if key in taken or key in first:
            other = taken.get(key) or text("loader.tool_name_tool", line=first[key])
            column = "label" if name != tool else "tool"
            message = text("loader.tool_name_taken", name=name, other=other)
            problems.append(Problem("tools.csv", int(line), column, message))
            continue
        first[key] = int(line)
    return problems
