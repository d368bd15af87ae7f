"""Person identifiers that give the person away.

With ``privacy.show_names: false`` a report shows each person by the identifier of
``people.csv``: ``p07`` hides who it is, ``sophie-martin`` or ``smartin`` does not. An
identifier *looks like a name* when it contains a word of that person's ``name`` (3 letters
or more, accents and case ignored), or that person's first initial followed by a word of the
name (``smartin``, ``s.martin``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.input.parse import fold

WORD = re.compile(r"[a-z]+")
MIN_WORD = 3


def name_words(name: str) -> list[str]:
    """The words of a name, folded: ``Léa Dupré-Roux`` → ``['lea', 'dupre', 'roux']``."""
    return WORD.findall(fold(name))


def looks_like_name(person: str, name: str) -> bool:
    """Whether ``person`` (an identifier) spells out a word of ``name``.

    >>> looks_like_name("sophie-martin", "Sophie Martin"), looks_like_name("smartin", "S. Martin")
    (True, True)
    >>> looks_like_name("p07", "Sophie Martin"), looks_like_name("sm", "Sophie Martin")
    (False, False)
    """
    letters = "".join(WORD.findall(fold(person)))
    words = name_words(name)
    if not letters or not words:
        return False
    if any(len(w) >= MIN_WORD and w in letters for w in words):
        return True
    initial = words[0][0]
    return any(len(w) >= MIN_WORD and initial + w == letters for w in words[1:])


def name_like_identifiers(people: Iterable[tuple[str, str]]) -> list[str]:
    """The identifiers, among (identifier, name) pairs, that look like their person's name."""
    return sorted(person for person, name in people if looks_like_name(person, name or ""))
