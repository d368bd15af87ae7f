"""Make text from the data inert in a Markdown page: no HTML, no links, no emphasis.

Backslash escapes cover exactly what Python-Markdown unescapes (plus ``|`` for tables);
other characters would keep a visible backslash.

Every ``{{ value }}`` of a page template goes through :func:`markdown_text` unless it is
``Markup`` (text the project wrote itself). Identifiers and numbers pass unchanged in meaning.
"""

from __future__ import annotations

import re

from markupsafe import Markup

HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
LINE_BREAKS = re.compile(r"[\r\n]+")


def markdown_text(value: object) -> str:
    """Plain text, shown literally wherever it lands in a Markdown page.

    >>> markdown_text("<b>x</b> [a](b) *y* a|b")
    '&lt;b&gt;x&lt;/b&gt; \\\\[a\\\\]\\\\(b\\\\) \\\\*y\\\\* a\\\\|b'
    """
    if isinstance(value, Markup):
        return str(value)
    text = LINE_BREAKS.sub(" ", str(value))
    return MARKDOWN_SPECIAL.sub(r"\\\1", text).translate(HTML)


def finalize(value: object) -> object:
    """Jinja's ``finalize``: escape strings, leave numbers and trusted Markup alone."""
    if value is None or isinstance(value, Markup | int | float):
        return value
    return markdown_text(value)
