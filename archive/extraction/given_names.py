"""Given names: the English short forms of each (``Liz`` for Elizabeth), and
whether two given names may be one person's.

Pure (no models), so that the extractor and the archive-wide rules
(``archive.services.identity``) read the same reference file.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from archive.extraction.checks import check
from archive.extraction.normalize import edit_distance, name_key
from archive.extraction.reference import DEFAULT_REFERENCE_DIR

SHORT_NAMES_FILE = "short_names.json"


def load_short_names(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """English short forms of given names (``liz`` → ``{elizabeth}``), checked on load.

    The file is a JSON array of ``{"name": "Elizabeth", "short": ["Liz", …]}``;
    a full name given twice, a short form repeated within an entry, a short form
    that is its own full name, or a blank or many-word name is an error.
    """
    path = Path(path) if path else DEFAULT_REFERENCE_DIR / SHORT_NAMES_FILE
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    seen: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    for i, record in enumerate(records):
        name, shorts = record.get("name", ""), record.get("short") or []
        where = f"{path}: entry {i} ({name!r})"
        words = [name, *shorts]
        if not shorts or any(not isinstance(w, str) or len(w.split()) != 1 for w in words):
            problems.append(f"{where}: expected one-word name and short forms")
            continue
        if seen.setdefault(name_key(name), i) != i:
            problems.append(f"{where}: name given twice (already entry {seen[name_key(name)]})")
        keys = [name_key(short) for short in shorts]
        if len(set(keys)) != len(keys) or name_key(name) in keys:
            problems.append(f"{where}: a short form repeated or equal to the name")
        for key in keys:
            forms.setdefault(key, set()).add(name_key(name))
    check(problems)
    return {short: frozenset(full) for short, full in forms.items()}


@functools.cache
def short_forms() -> dict[str, frozenset[str]]:
    """The bundled short forms, read once."""
    return load_short_names()


def short_form_of(a: str, b: str) -> bool:
    """Whether one of two given names' keys is a usual short form of the other
    (``liz``/``elizabeth``, ``joe``/``joseph``)."""
    short, full = sorted((a, b), key=len)
    return full in short_forms().get(short, ())


def may_be_given_name(written: str, full: str) -> bool:
    """Whether the given name ``written`` may stand for ``full`` (both keys):
    equal, an initial (``j``), a usual short form (``Joe`` for Joseph), a prefix
    of three letters or more (``Ben``), or, from five letters, a letter off
    (``Dmitry``/``Dmitriy``). ``Arnold`` is no ``Ana``, ``Jill`` no ``Joseph``."""
    if written == full:
        return True
    if not written or not full:
        return False
    if len(written) == 1:
        return written == full[0]
    if short_form_of(written, full):
        return True
    short, long_ = sorted((written, full), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return True
    return len(short) >= 5 and written[0] == full[0] and edit_distance(written, full, 1) <= 1
