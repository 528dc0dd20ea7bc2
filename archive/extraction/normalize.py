"""Normalised keys under which names are compared across the archive."""

from __future__ import annotations

import re
import unicodedata

_SPELLINGS = [
    (re.compile(r"isation"), "ization"),
    (re.compile(r"\bcentre\b"), "center"),
    (re.compile(r"\bdefence\b"), "defense"),
    (re.compile(r"\bprogramme\b"), "program"),
]
_NON_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Fold case, accents, punctuation and British/American spelling.

    ``Organisation of Islamic Cooperation`` and ``organization of islamic
    co-operation`` share one key, so they resolve to one entity.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace("co-operation", "cooperation")
    text = re.sub(r"'s\b", "s", text)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
