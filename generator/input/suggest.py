"""« Vouliez-vous dire … ? »: the known names closest to a name the contract does not know
(an identifier, a team, a column), found by difflib on names folded to lower case without
accents."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from generator.core.i18n import text
from generator.input.parse import fold

CUTOFF = 0.6
"""difflib's similarity ratio a known name needs to be suggested: ``amelei`` → ``amelie``
(0.83), ``comptes_rendus`` → ``compte_rendu`` (0.92); ``paul`` → ``sophie`` (0.2) is not."""
MOST = 3


def close_matches(value: str, known: Iterable[str]) -> list[str]:
    """Up to :data:`MOST` known names closest to ``value``, closest first; a name equal to it
    but for case and accents alone.

    >>> close_matches("amelei", ["amelie", "sophie", "thomas"])
    ['amelie']
    >>> close_matches("agence lyon", ["Agence Lyon", "Agence Lille"]), close_matches("x", ["y"])
    (['Agence Lyon'], [])
    """
    by_fold: dict[str, str] = {}
    for name in sorted(known):
        by_fold.setdefault(fold(name), name)
    if fold(value) in by_fold:
        return [by_fold[fold(value)]]
    close = difflib.get_close_matches(fold(value), list(by_fold), n=MOST, cutoff=CUTOFF)
    return [by_fold[name] for name in close]


def one_of(names: list[str]) -> str:
    """Names quoted and joined as a French sentence says them: « a », « b » ou « c ».

    >>> one_of(["amelie"]), one_of(["a", "b", "c"])
    ('« amelie »', '« a », « b » ou « c »')
    """
    quoted = [text("loader.quoted", value=name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return text("loader.or", first=", ".join(quoted[:-1]), last=quoted[-1])
