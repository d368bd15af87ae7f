"""The inbox case of ``make bench``: 3 000 survey answers, one file each, as the forms write
them, validated then merged into a copy of the demo data (``tools/bench.py --inbox``)."""

from __future__ import annotations

import csv
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

ANSWERS = 3000


def write_answers(data: Path, count: int = ANSWERS) -> None:
    """``count`` answers of one row each, updating the demo's usage rows in turn (a newer
    count for a week already reported), one second apart so none share a timestamp."""
    with (data / "usage.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    folder = data / "inbox" / "usage"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        row = rows[i % len(rows)]
        stamp = f"20260601-{i // 3600:02d}{i // 60 % 60:02d}{i % 60:02d}"
        name = f"{stamp}-{row['person']}-{i:04x}.csv"
        (folder / name).write_text(
            "week,person,task,uses,declared_minutes\n"
            f"{row['week']},{row['person']},{row['task']},{int(row['uses']) + 1},"
            f"{row['declared_minutes']}\n",
            encoding="utf-8",
        )


def inbox(data: Path, work: Path) -> dict[str, Any]:
    """Seconds to validate (``load_dataset``, as ``roi validate``) and to merge the answers."""
    from generator.commands.inbox import merge_inbox
    from generator.input.load import load_dataset

    copy = work / "data"
    shutil.copytree(data, copy)
    write_answers(copy)
    today = date.today()
    start, cpu = time.perf_counter(), time.process_time()
    load_dataset(copy, today)
    validate, validate_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    merged = merge_inbox(copy, today)
    merge, merge_cpu = time.perf_counter() - start, time.process_time() - cpu
    if sum(len(m.answers) for m in merged) != ANSWERS or any((copy / "inbox").rglob("*.csv")):
        raise RuntimeError("the inbox was not emptied")
    return {
        "answers": ANSWERS,
        "validate": validate,
        "validate_cpu": validate_cpu,
        "merge": merge,
        "merge_cpu": merge_cpu,
    }
