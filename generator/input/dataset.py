"""What the input stage hands to every later stage: a company's settings and its valid, typed
frames (:class:`Dataset`), the rows read and used per file, and the notices met on the way.
Built by :func:`generator.input.load.load_dataset`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from generator.input.company import Company


@dataclass(frozen=True)
class RowCount:
    read: int
    used: int


@dataclass(frozen=True)
class Notice:
    """A warning for ``metrics.json`` and the pages: something to know, not an error."""

    code: str
    metric: str
    message: str
    public_message: str | None = None  # said instead on a public site; None: names nobody
    on_pages: bool = True  # False: for whoever saved the file, in the build output only

    def published(self, public: bool) -> str:
        """The message as a report for ``public`` (or private) readers says it."""
        return self.public_message if public and self.public_message is not None else self.message


@dataclass(frozen=True)
class Dataset:
    """A company's settings and its valid, typed measurement frames (keyed by file stem)."""

    company: Company
    frames: dict[str, pd.DataFrame]
    rows: dict[str, RowCount]
    notices: tuple[Notice, ...]
    replaced: tuple[str, ...] = ()
    public: bool = False  # a report for a possibly public place: it names and singles out nobody
    aside: dict[str, pd.DataFrame] = field(default_factory=dict)  # valid rows no figure uses

    def all_rows(self, stem: str) -> pd.DataFrame | None:
        """Every valid row of ``<stem>.csv`` (with inbox answers), those set aside included
        (usage before training): what ``roi inbox merge`` writes back, losing none."""
        frame, aside = self.frames.get(stem), self.aside.get(stem)
        if frame is None or aside is None:
            return frame
        return pd.concat([frame, aside], ignore_index=True)

    def display_names(self) -> dict[str, str]:
        """How each person appears: their name, or their id when names are hidden or blank.
        A public report shows no person at all: nobody has a display name there."""
        if self.public:
            return {}
        people = self.frames["people"]
        show = self.company.show_names
        return {
            person: (name if show and name else person)
            for person, name in zip(people["person"], people["name"], strict=True)
        }

    def task_labels(self) -> dict[str, str]:
        """Each task's label, or its id when the label is blank."""
        tasks = self.frames["tasks"]
        return {t: (label or t) for t, label in zip(tasks["task"], tasks["label"], strict=True)}

    def tool_labels(self) -> dict[str, str]:
        """Each tool's label, or its id when the label is blank (none without tools.csv)."""
        tools = self.frames.get("tools")
        if tools is None:
            return {}
        return {t: (label or t) for t, label in zip(tools["tool"], tools["label"], strict=True)}

    def frame(self, stem: str) -> pd.DataFrame | None:
        """The rows of ``<stem>.csv`` (with inbox answers), or None when the file is absent."""
        return self.frames.get(stem)
