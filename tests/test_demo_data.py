"""The demo company is produced by tools/make_demo_data.py and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_data_is_exactly_what_the_script_writes(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_demo_data.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (ROOT / "data").iterdir() if p.is_file())
    assert written == committed
    for name in written:
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name
