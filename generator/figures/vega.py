"""Vega on our own site: the JavaScript bundle and the static SVG of every chart, rendered
offline by vl-convert. Both are cached under ``.roi/cache`` keyed by what produced them, so a
build only renders the charts whose spec changed, and vl-convert is only loaded to render."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from markupsafe import escape

from generator.core.cache import cache_dir, store

STATIC_WIDTH = 640
VERSION = version("vl-convert-python")
VENDORED = Path(__file__).resolve().parent.parent / "vendor" / f"vega-{VERSION}.js"
"""The bundle of the installed vl-convert, shipped with the generator (absent for another
version of vl-convert: then it is made and cached as any other output)."""
LOCALE: Final = "fr-FR"


def spec_attribute(spec: dict[str, Any]) -> str:
    """The spec as compact JSON, escaped for an HTML attribute value in double quotes.

    An attribute, not a ``<script>``: Material's instant navigation re-creates inline scripts
    without their ``type`` and would run the JSON as code.
    """
    text = json.dumps(
        spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return str(escape(text))


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with a fixed width: a static image has no container to fit."""
    return {**spec, "width": STATIC_WIDTH}


def cached(key: str, suffix: str, produce: Any) -> str:
    """The text cached under ``key``, produced (and stored) when missing."""
    path = cache_dir() / f"{key}{suffix}"
    if path.is_file():
        return path.read_text("utf-8")
    text: str = produce()
    store(path, text)
    return text


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG, with French number and date formats."""
    fixed = json.dumps(static_spec(spec), sort_keys=True)
    key = hashlib.sha256(f"{VERSION}|{fixed}".encode()).hexdigest()[:24]
    return cached(f"svg-{key}", ".svg", lambda: svg_of(fixed))


def svg_of(spec_json: str) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(
        spec_json, format_locale=LOCALE, time_format_locale=LOCALE
    )
    return svg


def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one classic script, served by the site itself.

    The bundle declares top-level constants; an IIFE keeps them out of the page's global
    scope, and it still publishes ``window.vegaEmbed``.
    """
    if VENDORED.is_file():
        bundle = VENDORED.read_text("utf-8")
    else:
        bundle = cached(f"vega-{VERSION}", ".js", bundle_of)
    return f"(function () {{\n{bundle}\n}})();\n"


def bundle_of() -> str:
    import vl_convert

    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]  # optional at run time
    return bundle


def locales_script() -> str:
    """A script giving vega-embed the d3 number and time locales of French."""
    return cached(f"locales-{VERSION}", ".js", locales_of)


def locales_of() -> str:
    import vl_convert

    values = {
        "format": vl_convert.get_format_locale(LOCALE),
        "time": vl_convert.get_time_format_locale(LOCALE),
    }
    return f"window.roiVegaLocales = {json.dumps(values, ensure_ascii=False, sort_keys=True)};\n"


def write_assets(docs_dir: Path, figures: dict[str, Any]) -> None:
    """The site's chart files: Vega bundle, locales, our script and one SVG per figure."""
    scripts = docs_dir / "assets" / "javascripts"
    scripts.mkdir(parents=True, exist_ok=True)
    (scripts / "vega.js").write_text(javascript_bundle(), encoding="utf-8")
    (scripts / "roi-locales.js").write_text(locales_script(), encoding="utf-8")
    charts = docs_dir / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    for figure_id, figure in figures.items():
        (charts / f"{figure_id}.svg").write_text(render_svg(figure.spec), encoding="utf-8")
