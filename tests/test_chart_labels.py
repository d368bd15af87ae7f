"""Charts a reader can read (issue 12, section 1): names whole, wrapped on lines, never cut;
a value axis that ends on a round tick at or beyond the largest value; units on every value
axis; each mark told in a French sentence (no field names, no ISO week codes, no long
decimals); axes and legends hidden from screen readers (the summary and the table say what
they show); weeks and months in French words on the pages."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.figures import build_figures, charts
from generator.figures.common import Figure
from generator.figures.vega import render_svg
from generator.input.load import load_dataset
from generator.metrics import report
from generator.pages.render import labels

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)
TSPAN = re.compile(r"<tspan[^>]*>([^<]*)</tspan>")
MARK_LABEL = re.compile(r'aria-label="([^"]*)" role="graphics-symbol"')
AXIS_GROUP = re.compile(r'<g class="mark-group role-(axis|legend)"([^>]*)>')
ISO_WEEK = re.compile(r"\b\d{4}-W\d{2}\b")
LONG_DECIMAL = re.compile(r"\d,\d{3,}")
FIELD_NAME = re.compile(r"\b[a-z_]+: ")
UNIT = re.compile(r"\((€|%|points|h|minutes|1 à 10)\)$|^(Heures|Minutes|Erreurs|Dossiers)\b")
# The pages that explain the files' own format may show a week as the file writes it.
FORMAT_PAGES = {"methode.md", "donnees.md"}


@pytest.fixture(scope="module")
def figures() -> dict[str, Figure]:
    data = load_dataset(ROOT / "data")
    return build_figures(report(data), labels(data))


@pytest.fixture(scope="module")
def svgs(figures: dict[str, Figure]) -> dict[str, str]:
    return {figure_id: render_svg(figure.spec) for figure_id, figure in figures.items()}


def texts_of(svg: str) -> list[str]:
    """Every line of text the SVG draws (a wrapped name is one ``text`` of ``tspan`` lines)."""
    lines = []
    for inner in TEXT.findall(svg):
        spans = TSPAN.findall(inner)
        lines.extend(html.unescape(line) for line in (spans or [inner]))
    return lines


def walk(spec: Any) -> Iterator[dict[str, Any]]:
    """Every mapping inside a spec."""
    if isinstance(spec, dict):
        yield spec
        for value in spec.values():
            yield from walk(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from walk(item)


def value_channels(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The quantitative channels that carry an axis of ours (a title and round ticks)."""
    return [
        c for c in walk(spec)
        if c.get("type") == "quantitative" and isinstance(c.get("axis"), dict)
        and "values" in c["axis"]
    ]  # fmt: skip


def test_every_long_name_is_drawn_whole_on_several_lines(figures, svgs):
    drawn = {figure_id: texts_of(svg) for figure_id, svg in svgs.items()}
    checked = 0
    for figure_id, figure in figures.items():
        names = {
            str(point[field])
            for layer in walk(figure.spec)
            if isinstance(layer.get("values"), list)
            for point in layer["values"]
            if isinstance(point, dict)
            for field in ("label", "series")
            if field in point
        }
        for name in (n for n in names if len(n) > charts.WRAP):
            lines = charts.wrapped_lines(name)
            assert len(lines) > 1 and " ".join(lines) == name
            assert all(line in drawn[figure_id] for line in lines), (figure_id, name)
            checked += 1
        assert not any("…" in line for line in drawn[figure_id]), figure_id
    assert checked >= 3  # the demo's long task names and activities


def drawn_values(points: list[dict[str, Any]], channel: dict[str, Any]) -> list[float]:
    """The values a channel draws: each point's, or each stack's total."""
    field = channel["field"]
    values = [p for p in points if isinstance(p.get(field), int | float)]
    if channel.get("aggregate") != "sum":
        return [p[field] for p in values]
    stacks: dict[str, float] = {}
    for point in values:
        key = point.get("monday") or point["month"]
        stacks[key] = stacks.get(key, 0.0) + point[field]
    return list(stacks.values())


def test_a_value_axis_ends_at_or_beyond_its_largest_value(figures):
    for figure_id, figure in figures.items():
        points = [
            point
            for layer in walk(figure.spec)
            if isinstance(layer.get("values"), list)
            for point in layer["values"]
            if isinstance(point, dict)
        ]
        for channel in value_channels(figure.spec):
            ticks = channel["axis"]["values"]
            assert channel["scale"]["domain"] == [ticks[0], ticks[-1]], figure_id
            shown = drawn_values(points, channel)
            assert shown and ticks[0] <= min(shown) and max(shown) <= ticks[-1], figure_id


def test_the_largest_bar_is_under_the_last_label():
    """The alternatives chart of the demo: 45 € ended past a « 44 » label."""
    rows = [
        {"label": "IA", "value": 5.96, "highlight": True, "tip": "IA : 5,96 €"},
        {"label": "Freelance", "value": 45.0, "highlight": False, "tip": "Freelance : 45,00 €"},
    ]
    spec = charts.horizontal_bars_chart(rows, "value", {"x": "Coût (€)"}).to_dict()
    assert value_channels(spec)[0]["axis"]["values"] == [0, 10, 20, 30, 40, 50]
    assert "50" in texts_of(render_svg(spec))
    stacked = [
        {"monday": "2026-01-05", "label": "a", "hours": 30.0, "tip": "a"},
        {"monday": "2026-01-05", "label": "b", "hours": 25.0, "tip": "b"},
    ]
    spec = charts.stacked_weeks_chart(stacked, {"y": "Heures", "color": "Tâche"}).to_dict()
    assert value_channels(spec)[0]["axis"]["values"][-1] == 60  # the stack, not a bar


def test_every_value_axis_states_its_unit(figures):
    titles = {
        figure_id: channel["title"]
        for figure_id, figure in figures.items()
        for channel in value_channels(figure.spec)
    }
    assert len(titles) >= 15
    assert {f: t for f, t in titles.items() if not UNIT.search(t)} == {}
    assert titles["nps"] == "NPS (points)"


def test_every_mark_is_told_in_a_french_sentence(svgs):
    told = {figure_id: MARK_LABEL.findall(svg) for figure_id, svg in svgs.items()}
    assert sum(map(len, told.values())) > 100
    for figure_id, sentences in told.items():
        for sentence in map(html.unescape, sentences):
            assert not ISO_WEEK.search(sentence), (figure_id, sentence)
            assert not LONG_DECIMAL.search(sentence), (figure_id, sentence)
            assert not FIELD_NAME.search(sentence), (figure_id, sentence)
    adoption = html.unescape(told["adoption"][1])
    assert re.fullmatch(
        r"Semaine du .+ 2026 : \d+\u00a0% des personnes formées sont actives .+", adoption
    )


def test_axes_and_legends_are_hidden_from_screen_readers(svgs):
    for figure_id, svg in svgs.items():
        groups = AXIS_GROUP.findall(svg)
        assert groups, figure_id
        assert all('aria-hidden="true"' in attributes for _, attributes in groups), figure_id


def test_axes_show_months_and_days_in_french(svgs):
    assert "janv. 2026" in texts_of(svgs["cumulative"])
    assert "1 févr." in texts_of(svgs["adoption"])


def test_names_with_quotes_stay_text():
    """A name from the data inside the label expression is a JSON string, never code."""
    name = 'Relance « urgente » des "devis" d\'avril ) || alert(1) || ('
    rows = [{"label": name, "value": 3.0, "highlight": False, "tip": name}]
    svg = render_svg(charts.horizontal_bars_chart(rows, "value", {"x": "Heures"}).to_dict())
    assert " ".join(charts.wrapped_lines(name)) == name
    assert all(line in texts_of(svg) for line in charts.wrapped_lines(name))


@pytest.mark.parametrize("page", sorted(p.relative_to(GOLDEN).as_posix()
                                        for p in GOLDEN.rglob("*.md")))  # fmt: skip
def test_pages_show_weeks_in_words(page):
    """A form page too: its week is chosen in words; only its rules (the script's data, not
    read by anyone) hold week codes."""
    if page in FORMAT_PAGES:
        return
    shown = re.sub(r'data-roi-(?:form|grid)="[^"]*"', "", (GOLDEN / page).read_text("utf-8"))
    assert ISO_WEEK.findall(shown) == []
