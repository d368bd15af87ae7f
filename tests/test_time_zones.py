"""Same data, same site, anywhere: the build machine's time zone changes no byte of the site,
and every time axis of every chart is a UTC one (so a browser west or east of UTC shows the
months and days of the data, as the static images do)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.figures import build_figures
from generator.input.load import load_dataset
from generator.metrics import report
from generator.pages.render import labels
from tests.test_builds import files

ROOT = Path(__file__).resolve().parent.parent
# West of UTC (a month's first day, midnight UTC, is the previous day there) and far east
# (New Caledonia, UTC+11, where the previous bug's local day was already the next one).
ZONES = ("UTC", "America/Los_Angeles", "Pacific/Noumea")


def build_in_zone(zone: str, folder: Path, data: Path) -> subprocess.Popen[bytes]:
    """``roi build`` as a user runs it, in its own working folder (so its own empty chart
    cache, ``.roi/cache``: the cache key ignores the time zone) with ``TZ`` set."""
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {"TZ": zone}
    command = [sys.executable, "-m", "generator", "build", "--data", str(data)]
    return subprocess.Popen(
        [*command, "--site-dir", "site"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def test_three_time_zones_build_the_same_bytes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    running = {zone: build_in_zone(zone, tmp_path / zone.replace("/", "-"), data) for zone in ZONES}
    for zone, process in running.items():
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, (zone, output.decode("utf-8", "replace"))
    sites = {zone: tmp_path / zone.replace("/", "-") / "site" for zone in ZONES}
    utc = files(sites["UTC"])
    assert len([name for name in utc if name.startswith("charts/")]) > 10
    for zone in ZONES[1:]:
        other = files(sites[zone])
        assert sorted(other) == sorted(utc), zone
        differing = sorted(name for name in utc if utc[name] != other[name])
        assert differing == [], (zone, differing)


def temporal_channels(spec: Any) -> list[dict[str, Any]]:
    """Every encoding channel of ``spec`` (and of its layers) whose type is temporal."""
    if isinstance(spec, list):
        return [channel for item in spec for channel in temporal_channels(item)]
    if not isinstance(spec, dict):
        return []
    found = [spec] if spec.get("type") == "temporal" and "field" in spec else []
    return found + [channel for value in spec.values() for channel in temporal_channels(value)]


def in_utc(channel: dict[str, Any]) -> bool:
    """A time unit with the ``utc`` prefix, or a UTC scale: Vega then reads and writes dates
    in UTC, whatever the viewer's zone."""
    unit = channel.get("timeUnit")
    return str(unit).startswith("utc") or channel.get("scale", {}).get("type") == "utc"


def test_every_time_axis_and_tooltip_of_the_demo_is_in_utc():
    data = load_dataset(ROOT / "data")
    figures = build_figures(report(data), labels(data))
    channels = {figure_id: temporal_channels(figure.spec) for figure_id, figure in figures.items()}
    assert sum(len(found) for found in channels.values()) > 20
    local = {key: found for key, found in channels.items() if not all(map(in_utc, found))}
    assert local == {}
