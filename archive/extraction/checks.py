"""Sanity checks on reference data, run when it is loaded.

A name given twice (the first silently wins) or a kind the archive does not know
is an error that names the table or file and the entry, so bad data fails at
start-up instead of mislabelling mentions later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.extraction.normalize import name_key

# The kinds the archive's models accept (``archive.models.entities``).
ORGANISATION_KINDS = frozenset(
    {"intergovernmental", "government", "company", "ngo", "media", "other"}
)
PLACE_KINDS = frozenset({"city", "region"})
EVENT_KINDS = frozenset(
    {"summit", "forum", "conference", "session", "visit", "meeting", "war", "agreement", "other"}
)


class ReferenceDataError(ValueError):
    """Reference data that would be read wrongly."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One record of a table: where it is, the names it claims and its kind."""

    where: str  # "…/organisations.tsv:39 ('World Economic Forum')", "entry 3 (id 'O3')"
    names: tuple[str, ...]
    kind: str | None = None
    kinds: frozenset[str] | None = None  # the kinds allowed; None: not checked


def find_problems(
    table: str, entries: Iterable[Entry], *, key: Callable[[str], str] = name_key
) -> list[str]:
    """Names claimed by two entries (compared by ``key``), a name repeated
    within an entry (compared exactly: spelling variants are intended) and
    unknown kinds, each as a message naming ``table`` and the entry."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        seen: set[str] = set()
        for name in entry.names:
            if not name:
                continue
            if name in seen:
                problems.append(f"{table}: {entry.where}: name {name!r} given twice")
                continue
            seen.add(name)
            first = owner.setdefault(key(name), entry)
            if first is not entry:
                problems.append(
                    f"{table}: {entry.where}: duplicate name {name!r} (already in {first.where})"
                )
        if entry.kinds is not None and entry.kind not in entry.kinds:
            expected = ", ".join(sorted(entry.kinds))
            problems.append(
                f"{table}: {entry.where}: unknown kind {entry.kind!r} (expected one of {expected})"
            )
    return problems


def check(problems: list[str]) -> None:
    if problems:
        raise ReferenceDataError("\n".join(problems))


# -- the shipped JSON files ----------------------------------------------------

# Per file: the kinds allowed and the loader's default for a record without one.
_FILE_KINDS = {
    "places.json": (PLACE_KINDS, "city"),
    "organisations.json": (ORGANISATION_KINDS, "intergovernmental"),
    "events.json": (EVENT_KINDS, "other"),
}


def find_file_problems(path: str | Path, records: list[dict[str, Any]]) -> list[str]:
    """Problems in one reference JSON file (``…/countries.json`` …) as read:
    duplicate ids, names and unknown kinds, by the entry's index and id."""
    filename = Path(path).name
    problems = []
    ids: dict[Any, int] = {}
    for i, record in enumerate(records):
        rid = record.get("id")
        if rid is not None and ids.setdefault(rid, i) != i:
            problems.append(f"{path}: entry {i}: duplicate id {rid!r} (already entry {ids[rid]})")
    if filename in ("names.json", "us_officers.json"):
        # One person holds several offices in turn: names repeat by design.
        return problems
    kinds, default = _FILE_KINDS.get(filename, (None, None))
    entries = []
    for i, r in enumerate(records):
        where = f"entry {i} (id {r.get('id')!r})"
        if filename == "leaders.json":
            # Namesakes in different countries are different people; spelling
            # variants of one person's name are often shared, so only the
            # canonical name counts ("|" never occurs in a name).
            names: tuple[str, ...] = (f"{r.get('name', '')}|{r.get('country', '')}",)
        else:
            names = (r.get("name", ""), *(r.get("aliases") or ()))
        entries.append(Entry(where, names, r.get("kind", default), kinds))
    return problems + find_problems(str(path), entries)
