"""Read a small YAML settings file safely: size, encoding and structure first, then a tree.

Before anything is composed, the file's event stream (``yaml.parse``, iterative) is scanned:
anchors and aliases (a « billion laughs » file expands them), explicit tags, keys that are not
plain text, nesting deeper than :data:`~generator.input.settings.MAX_DEPTH` (PyYAML's composer is
recursive) and duplicate keys (YAML keeps the last one without a word) are refused, each with
its line. Syntax errors are told in French with their line; PyYAML's English is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.core.errors import Problem
from generator.core.i18n import text
from generator.input.settings import MAX_DEPTH, MAX_SETTINGS_BYTES

SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "tab"),
    ("tab character", "tab"),
    ("unknown escape", "bad_escape"),
    ("quoted scalar", "unclosed_quote"),
    ("expected ',' or ']'", "unclosed_bracket"),
    ("expected ',' or '}'", "unclosed_bracket"),
    ("mapping values are not allowed", "colon_in_value"),
    ("could not find expected ':'", "missing_colon"),
    ("cannot start any token", "bad_start"),
    ("expected a single document", "several_documents"),
    ("<block end>", "indentation"),
    ("did not find expected", "indentation"),
)
"""Words of PyYAML's message (context and problem) → the French explanation to give."""


class Refused(Exception):
    """The scan stops: what follows this problem cannot be read safely."""


@dataclass
class Level:
    """One open mapping or sequence of the event stream."""

    path: str
    mapping: bool
    keys: dict[str, int] = field(default_factory=dict)
    key: str | None = None  # a mapping's key whose value comes next

    def child(self) -> str:
        if not self.mapping or self.key is None:
            return self.path
        return f"{self.path}.{self.key}" if self.path else self.key

    def done(self) -> None:
        """One node of this level ends: a mapping waits for its next key."""
        if self.mapping and self.key is not None:
            self.key = None


@dataclass
class Scan:
    """Walks the events of one file; fatal problems raise :class:`Refused`."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    documents: int = 0

    def refuse(self, line: int, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, key, message))
        raise Refused

    def event(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            self.refuse(line, "", text("settings.yaml.alias"))
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and event.tag:
            self.refuse(line, "", text("settings.yaml.tag", tag=event.tag))
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.refuse(line, "", text("settings.yaml.several_documents"))
        elif isinstance(event, yaml.CollectionStartEvent):
            self.start(event, line)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.levels.pop()
            if self.levels:
                self.levels[-1].done()
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event.value, line)

    def start(self, event: yaml.CollectionStartEvent, line: int) -> None:
        parent = self.levels[-1] if self.levels else None
        if parent and parent.mapping and parent.key is None:
            self.refuse(line, parent.path, text("settings.yaml.complex_key"))
        if len(self.levels) >= MAX_DEPTH:
            self.refuse(line, "", text("settings.yaml.too_deep", max=MAX_DEPTH))
        path = parent.child() if parent else ""
        self.levels.append(Level(path, isinstance(event, yaml.MappingStartEvent)))

    def scalar(self, value: str, line: int) -> None:
        level = self.levels[-1] if self.levels else None
        if level is None or not level.mapping or level.key is not None:
            if level:
                level.done()
            return
        level.key = value
        if value in level.keys:
            first = level.keys[value]
            message = text("settings.yaml.duplicate", first=first, line=line)
            self.problems.append(Problem(self.file, line, level.child(), message))
        else:
            level.keys[value] = line


LINE_SEPARATORS = "\u2028\u2029\x85"
"""Characters YAML reads as line breaks but most editors show as nothing: a line such as
« # seuil<U+2028>  min_group_size: 1 » looks like a comment and sets a value."""


def code_point(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character[:1] or "\0")


def syntax_problem(file: str, error: yaml.YAMLError, content: str) -> Problem:
    """A French problem for a YAML syntax error, at the line to look at."""
    if isinstance(error, yaml.reader.ReaderError):
        line = content.count("\n", 0, max(error.position, 0)) + 1
        code = f"U+{code_point(error.character):04X}"
        return Problem(file, line, "", text("settings.yaml.invisible", code=code))
    words = " ".join(str(getattr(error, part, None) or "") for part in ("context", "problem"))
    hint = next((key for pattern, key in SYNTAX_HINTS if pattern in words), "generic")
    mark = getattr(error, "problem_mark", None)
    if "end of stream" in words or "<stream end>" in words:
        mark = getattr(error, "context_mark", None) or mark  # where the unclosed thing opened
    line = mark.line + 1 if mark is not None else 0
    character = mark.buffer[mark.pointer] if mark is not None and mark.buffer else ""
    return Problem(file, line, "", text(f"settings.yaml.{hint}", character=character))


def read_tree(path: Path, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The composed tree of a settings file (None when it cannot be read safely) and its
    problems: a duplicate key is reported, the tree is still given so values get checked."""
    size = path.stat().st_size
    if size > MAX_SETTINGS_BYTES:
        kilobytes = -(-size // 1000)
        return None, [
            Problem(
                file,
                0,
                "",
                text("settings.too_big", size=kilobytes, max=MAX_SETTINGS_BYTES // 1000),
            )
        ]
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(file, line, "", text("settings.not_utf8", line=line))]
    if breaks := [i for i, c in enumerate(content) if c in LINE_SEPARATORS][:1]:
        line = content.count("\n", 0, breaks[0]) + 1
        code = f"U+{ord(content[breaks[0]]):04X}"
        return None, [Problem(file, line, "", text("settings.yaml.invisible", code=code))]
    scan = Scan(file)
    try:
        for event in yaml.parse(content, Loader=yaml.SafeLoader):
            scan.event(event)
    except Refused:
        return None, scan.problems
    except yaml.YAMLError as error:
        return None, [*scan.problems, syntax_problem(file, error, content)]
    # Only duplicate keys are left: safe to compose, and the values are still worth checking.
    return yaml.compose(content, Loader=yaml.SafeLoader), scan.problems
