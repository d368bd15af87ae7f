"""Compiled templates kept between builds: Jinja's bytecode cache, next to the chart cache
(``.roi/cache/jinja-<fingerprint>``). Jinja checks each template's source before using its
cached code, and writes a file aside then renames it, so two builds may share the folder.
The folder's name is a fingerprint of what shapes the compiled code besides the source (the
Jinja and Python versions, the environment's syntax options and extensions): environments
that compile differently never share a folder."""

from __future__ import annotations

import hashlib
import sys
from typing import Any

import jinja2

from generator.core.cache import cache_dir

OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
    "finalize",
    "undefined",
    "is_async",
)
"""The environment settings the compiled code depends on."""


def named(value: Any) -> str:
    """A stable name of a setting: a function or class by its qualified name, not its address."""
    qualname = getattr(value, "__qualname__", None)
    return f"{getattr(value, '__module__', '')}.{qualname}" if qualname else repr(value)


def fingerprint(env: jinja2.Environment) -> str:
    settings = [named(getattr(env, option, None)) for option in OPTIONS]
    parts = [jinja2.__version__, sys.version, *settings, *sorted(env.extensions)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def with_bytecode_cache(env: jinja2.Environment) -> jinja2.Environment:
    """``env`` keeping its compiled templates in the cache folder; returns ``env``."""
    folder = cache_dir() / f"jinja-{fingerprint(env)}"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
