"""The one place that knows the pipeline order: load → metrics → pages → site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.load import load_dataset
from generator.metrics import report


def compute_report(data_dir: Path) -> dict[str, Any]:
    """The ``metrics.json`` content of a data folder; raises DataError on invalid data."""
    return report(load_dataset(data_dir))
