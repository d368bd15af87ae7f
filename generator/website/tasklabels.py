"""A Markdown extension that names the checkboxes of task lists (axe: label). With
``custom_checkbox``, pymdownx.tasklist closes the ``<label>`` right after the checkbox and its
indicator, leaving it with no text: the label is moved to the end of the item's own text, so
that a screen reader reads the item with its checkbox. Nested lists stay outside the label."""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

EMPTY_LABEL = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*/>'
    r'<span class="task-list-indicator"></span>)</label> ?'
    r"(.*?)(?=</li>|</p>|<ul|<ol|<p[ >]|<div)",
    re.DOTALL,
)


def labelled(html: str) -> str:
    """``html`` with each task list checkbox's label holding the item's text.

    >>> labelled('<li class="task-list-item"><label class="task-list-control">'
    ...          '<input type="checkbox" disabled/><span class="task-list-indicator"></span>'
    ...          '</label> Do <em>it</em></li>')
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" \
disabled/><span class="task-list-indicator"></span> Do <em>it</em></label></li>'
    """
    return EMPTY_LABEL.sub(r"\1 \2</label>", html)


class TaskLabels(Postprocessor):
    def run(self, text: str) -> str:
        return labelled(text)


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the raw HTML (tasklist's checkboxes are stashed) is put back, at priority 30.
        md.postprocessors.register(TaskLabels(md), "roi-task-labels", 5)


def makeExtension(**kwargs: Any) -> TaskLabelsExtension:
    return TaskLabelsExtension(**kwargs)
