"""``roi serve`` for real: a local server whose pages follow the data files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.fixture_company import write_company

USAGE = [{"week": "2026-W03", "person": "sophie", "task": "cr", "uses": 2}]
TASKS = [{"task": "cr", "label": "Comptes-rendus", "minutes_before": 60, "minutes_after": 15}]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch_json(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.loads(response.read())
    except (OSError, ValueError):
        return None


def wait_for(url: str, check, seconds: float = 30) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch_json(url)
        if body is not None and check(body):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never satisfied the check")


def test_serve_rebuilds_when_a_data_file_changes(tmp_path):
    data = write_company(tmp_path / "data", {"tasks.csv": TASKS, "usage.csv": USAGE})
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--data",
        "data",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        url = f"http://127.0.0.1:{port}/metrics.json"
        first = wait_for(url, lambda body: body["as_of"]["week"] == "2026-W03")
        # 60 → 15 min × 2 uses = 1.5 h for the one person who reported.
        assert first["metrics"]["time_saved"]["hours_per_person_week"] == 1.5
        usage = data / "usage.csv"
        usage.write_text(usage.read_text("utf-8") + "2026-W04,sophie,cr,4,\n", encoding="utf-8")
        second = wait_for(url, lambda body: body["as_of"]["week"] == "2026-W04")
        assert second["metrics"]["time_saved"]["hours_per_person_week"] == 3.0
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode("utf-8", "replace")
    assert "Traceback" not in output, output
