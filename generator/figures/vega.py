"""Every chart as a static SVG, rendered offline by vl-convert and placed in its page: the
site ships no chart runtime (``assets/roi-charts.js`` shows the marks' ARIA labels as
tooltips). SVGs are cached under ``.roi/cache`` keyed by their spec, so a build only renders
the charts whose spec changed, and vl-convert is only loaded to render."""

from __future__ import annotations

import hashlib
import json
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from markupsafe import escape

from generator.core.cache import cache_dir, store

STATIC_WIDTH = 640
VERSION = version("vl-convert-python")
LOCALE: Final = "fr-FR"


COMPACT_WIDTH = 360
"""A dashboard's grid cell (about 330 px on a wide screen, a phone's width): drawn for it, the
chart's 11 px text is not shrunk to half its size as a 640 px drawing would be."""


HEIGHT = 260
"""A chart's height, but for bar charts sized by their names (``charts.band_height``)."""
COMPACT_HEIGHT = 180
"""A compact line or column chart's height (``charts.HEIGHT`` otherwise); a bar chart keeps
the height its names need."""


def static_spec(spec: dict[str, Any], width: int = STATIC_WIDTH) -> dict[str, Any]:
    """The spec with a fixed width (a static image has no container to fit), and a lower
    height when compact and not a bar chart sized by its names."""
    fixed = {**spec, "width": width}
    if width == COMPACT_WIDTH and spec.get("height") == HEIGHT:
        fixed["height"] = COMPACT_HEIGHT
    return fixed


def cached(key: str, suffix: str, produce: Any) -> str:
    """The text cached under ``key``, produced (and stored) when missing."""
    path = cache_dir() / f"{key}{suffix}"
    if path.is_file():
        return path.read_text("utf-8")
    text: str = produce()
    store(path, text)
    return text


def render_svg(spec: dict[str, Any], width: int = STATIC_WIDTH) -> str:
    """The chart as SVG, ``width`` pixels wide, with French number and date formats."""
    fixed = json.dumps(static_spec(spec, width), sort_keys=True)
    key = hashlib.sha256(f"{VERSION}|{fixed}".encode()).hexdigest()[:24]
    return cached(f"svg-{key}", ".svg", lambda: svg_of(fixed))


def svg_of(spec_json: str) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(
        spec_json, format_locale=LOCALE, time_format_locale=LOCALE
    )
    return svg


def write_assets(docs_dir: Path, figures: dict[str, Any]) -> None:
    """One SVG file per figure under ``charts/`` (the page holds the same SVG inline)."""
    charts = docs_dir / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    for figure_id, figure in figures.items():
        (charts / f"{figure_id}.svg").write_text(render_svg(figure.spec), encoding="utf-8")


SVG_OPEN: Final = "<svg "


def inline_svg(spec: dict[str, Any], summary: str, scope: str, compact: bool = False) -> str:
    """The chart's SVG for a page: one line (Markdown keeps an HTML block whole), a group
    named by its ``summary`` whose marks keep their own ARIA labels (an ``img`` role would
    hide them), its ids prefixed with ``scope`` (its figure's id, see ``scoped_ids``);
    ``compact`` for a dashboard's grid of charts."""
    width = COMPACT_WIDTH if compact else STATIC_WIDTH
    svg = " ".join(render_svg(spec, width).split("\n"))
    label = f'{SVG_OPEN}role="group" aria-label="{escape(summary)}" '
    return scoped_ids(quoted_text(svg), scope).replace(SVG_OPEN, label, 1)


TEXT_NODE: Final = re.compile(r">([^<]*)<")


def quoted_text(svg: str) -> str:
    """``svg`` whose text nodes write ``"`` as ``&quot;``, as its attributes already do: a
    quote from the data is then never in the page's HTML as such. (vl-convert writes ``>`` as
    ``&gt;`` in attributes and text, so ``>`` ends a tag and ``<`` starts one.)

    >>> quoted_text('<text x="1">" onclick="x</text>')
    '<text x="1">&quot; onclick=&quot;x</text>'
    """
    return TEXT_NODE.sub(lambda node: ">" + node[1].replace('"', "&quot;") + "<", svg)


# An attribute: in a ``quoted_text`` SVG a text node holds no ``"``, so matching attributes
# one after the other from the start never takes a value's end for an attribute's start.
ATTRIBUTE: Final = re.compile(r'([\w:-]+)="([^"]*)"')


def scoped_ids(svg: str, scope: str) -> str:
    """``svg`` whose ids, and the ``href="#…"`` and ``url(#…)`` that point at them, start with
    ``scope-``. vl-convert numbers a chart's clip paths and gradients from 1 (``clip1``), so
    two charts on one page would share ids, and one chart's marks would be clipped or filled
    by the other's shapes. ARIA attributes hold the data's words and are left as they are.

    >>> scoped_ids('<clipPath id="clip1"/><use xlink:href="#clip1"/>', "figure-a")
    '<clipPath id="figure-a-clip1"/><use xlink:href="#figure-a-clip1"/>'
    >>> scoped_ids('<path clip-path="url(#clip1)" aria-label="url(#clip1)"/>', "figure-a")
    '<path clip-path="url(#figure-a-clip1)" aria-label="url(#clip1)"/>'
    """

    def scoped(attribute: re.Match[str]) -> str:
        name, value = attribute[1], attribute[2]
        if name == "id":
            value = f"{scope}-{value}"
        elif name in {"href", "xlink:href"} and value.startswith("#"):
            value = f"#{scope}-{value[1:]}"
        elif not name.startswith("aria-"):
            value = value.replace("url(#", f"url(#{scope}-")
        return f'{name}="{value}"'

    return ATTRIBUTE.sub(scoped, svg)
