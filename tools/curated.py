"""Read the hand-curated reference lists in ``tools/reference/curated/``.

They fill what the third-party sources lack; ``tools/build_reference.py`` merges
them with that data. The lists are data files so that an editor can change them
without touching code: TSV tables (one row a line, cells separated by tabs, a
header line naming the columns) and plain lists (one entry a line); lines
starting with ``#`` are comments.

They are checked as they are read. A malformed row, a name given twice (the
builder would silently keep the first) or an unknown kind is a
``ReferenceDataError`` whose message starts with the file and line, e.g.
``tools/reference/curated/organisations.tsv:57 ('World Economic Forum'): ...``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from archive.extraction.checks import (
    EVENT_KINDS,
    ORGANISATION_KINDS,
    PLACE_KINDS,
    Entry,
    ReferenceDataError,
    check,
    find_problems,
)
from archive.extraction.normalize import name_key

REPO_ROOT = Path(__file__).resolve().parents[1]
CURATED_DIR = REPO_ROOT / "tools" / "reference" / "curated"

PLACE_COLUMNS = ("name", "kind", "country", "aliases")
ORGANISATION_COLUMNS = ("name", "kind", "acronym", "other_acronyms", "aliases")
EVENT_COLUMNS = ("name", "kind", "start", "end", "place", "aliases")

T = TypeVar("T")
# A value with where it was read: ("tools/reference/curated/places.tsv:12", value).
Located = tuple[str, T]
Place = tuple[str, str, str, list[str]]  # name, kind, country (alpha-3 or ""), aliases
Record = dict[str, Any]

_COUNTRY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Curated:
    """The lists in the shapes the builder uses."""

    country_name_overrides: dict[str, str]  # alpha-3 -> canonical name
    country_extra_aliases: dict[str, list[str]]
    country_extra_demonyms: dict[str, list[str]]
    country_aliases_dropped: frozenset[str]
    country_codes_kept: frozenset[str]
    capitals_skipped: frozenset[str]
    places: list[Place]  # places.tsv, then the U.S. states
    orgs: list[Record]  # name, acronym, acronyms, aliases, kind
    acronyms_dropped: frozenset[str]
    org_names_dropped: frozenset[str]
    events: list[Record]  # name, kind, aliases and, when given, start, end, place
    given_names: frozenset[str]


# -- reading files -------------------------------------------------------------


def _shown(path: Path) -> str:
    """The path as people type it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _data_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(``file:line``, text) of the lines that carry data: comments and blank
    lines are for people. ``utf-8-sig``: spreadsheets may add a byte-order mark."""
    shown = _shown(path)
    text = path.read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip() and not line.startswith("#"):
            yield f"{shown}:{number}", line


def read_list(path: Path) -> list[Located[str]]:
    """A plain list: one entry a line."""
    out = []
    for where, line in _data_lines(path):
        if "\t" in line:
            raise ReferenceDataError(f"{where}: a tab in {line!r} (one entry a line)")
        out.append((where, line.strip()))
    return out


def read_table(path: Path, columns: tuple[str, ...]) -> list[Located[dict[str, str]]]:
    """A TSV table whose first data line names ``columns``. Empty cells at the end
    of a row may be left out (editors often strip trailing tabs)."""
    lines = list(_data_lines(path))
    if not lines:
        raise ReferenceDataError(f"{_shown(path)}: no header line ({', '.join(columns)})")
    (where, header), *rows = lines
    found = tuple(cell.strip() for cell in header.split("\t"))
    if found != columns:
        raise ReferenceDataError(
            f"{where}: header has columns {', '.join(found)}; expected {', '.join(columns)}"
            " (separated by tabs)"
        )
    out = []
    for where, line in rows:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) > len(columns):
            raise ReferenceDataError(
                f"{where}: {len(cells)} cells, expected at most {len(columns)} "
                f"({', '.join(columns)})"
            )
        cells += [""] * (len(columns) - len(cells))
        out.append((where, dict(zip(columns, cells, strict=True))))
    return out


# -- cells ---------------------------------------------------------------------


def _required(where: str, row: dict[str, str], column: str) -> str:
    if not row[column]:
        raise ReferenceDataError(f"{where}: empty {column}")
    return row[column]


def _names(where: str, cell: str) -> list[str]:
    """``Burma|Myanmar`` -> Burma, Myanmar. An empty name ("a||b") is a typo."""
    if not cell:
        return []
    names = [name.strip() for name in cell.split("|")]
    if "" in names:
        raise ReferenceDataError(f"{where}: empty name in {cell!r}")
    return names


def _country(where: str, code: str, *, optional: bool = False) -> str:
    if (optional and not code) or _COUNTRY.fullmatch(code):
        return code
    raise ReferenceDataError(f"{where}: country {code!r} is not an ISO alpha-3 code")


def _date(where: str, text: str) -> str:
    if not text:
        return text
    try:
        if _DATE.fullmatch(text):
            date.fromisoformat(text)
            return text
    except ValueError:
        pass
    raise ReferenceDataError(f"{where}: date {text!r} is not YYYY-MM-DD")


# -- rows ----------------------------------------------------------------------


def to_place(where: str, row: dict[str, str]) -> Place:
    return (
        _required(where, row, "name"),
        row["kind"],  # an unknown kind is reported with the other problems
        _country(where, row["country"], optional=True),
        _names(where, row["aliases"]),
    )


def to_organisation(where: str, row: dict[str, str]) -> Record:
    return {
        "name": _required(where, row, "name"),
        "acronym": row["acronym"],
        "acronyms": _names(where, row["other_acronyms"]),
        "aliases": _names(where, row["aliases"]),
        "kind": row["kind"],
    }


def to_event(where: str, row: dict[str, str]) -> Record:
    event = {
        "name": _required(where, row, "name"),
        "kind": row["kind"],
        "aliases": _names(where, row["aliases"]),
        "start": _date(where, row["start"]),
        "end": _date(where, row["end"]),
        "place": row["place"],
    }
    # Optional fields left empty are absent, as in a hand-written record.
    optional = ("start", "end", "place")
    return {key: value for key, value in event.items() if value or key not in optional}


def to_country_name(where: str, row: dict[str, str]) -> tuple[str, str]:
    return _country(where, row["country"]), _required(where, row, "name")


def to_country_aliases(where: str, row: dict[str, str]) -> tuple[str, list[str]]:
    return _country(where, row["country"]), _names(where, _required(where, row, "aliases"))


def to_country_demonyms(where: str, row: dict[str, str]) -> tuple[str, list[str]]:
    return _country(where, row["country"]), _names(where, _required(where, row, "demonyms"))


def _rows(
    path: Path, columns: tuple[str, ...], convert: Callable[[str, dict[str, str]], T]
) -> list[Located[T]]:
    return [(where, convert(where, row)) for where, row in read_table(path, columns)]


# -- checks --------------------------------------------------------------------


def _problems(entries: list[Entry], *, key: Callable[[str], str] = name_key) -> list[str]:
    # find_problems prefixes a table name; here each entry's ``where`` already
    # starts with its file and line, which is what editors jump to.
    return [problem.removeprefix(": ") for problem in find_problems("", entries, key=key)]


def find_table_problems(
    *,
    places: list[Located[Place]],
    orgs: list[Located[Record]],
    events: list[Located[Record]],
    country_aliases: list[Located[tuple[str, list[str]]]],
    country_demonyms: list[Located[tuple[str, list[str]]]],
) -> list[str]:
    """Names given twice across the tables (the builder would silently keep the
    first), acronyms given to two organisations, and unknown kinds."""
    names = [
        Entry(f"{where} ({name!r})", (name, *aliases), kind, PLACE_KINDS)
        for where, (name, kind, _country, aliases) in places
    ]
    names += [
        Entry(
            f"{where} ({org['name']!r})",
            (org["name"], *org.get("aliases", ())),
            org.get("kind", "intergovernmental"),
            ORGANISATION_KINDS,
        )
        for where, org in orgs
    ]
    names += [
        Entry(
            f"{where} ({event['name']!r})",
            (event["name"], *event.get("aliases", ())),
            event.get("kind"),
            EVENT_KINDS,
        )
        for where, event in events
    ]
    names += [
        Entry(f"{where} ({cca3})", tuple(aliases)) for where, (cca3, aliases) in country_aliases
    ]
    acronyms = [
        Entry(f"{where} ({org['name']!r})", (org.get("acronym", ""), *org.get("acronyms", ())))
        for where, org in orgs
    ]
    demonyms = [
        Entry(f"{where} ({cca3})", tuple(words)) for where, (cca3, words) in country_demonyms
    ]
    return _problems(names) + _problems(acronyms, key=str) + _problems(demonyms, key=str)


def find_repeats(items: list[Located[str]]) -> list[str]:
    """An entry listed twice in one list or a country given two rows of one table:
    harmless in a set, but an editor changing one copy would see no effect."""
    return _problems([Entry(where, (item,)) for where, item in items], key=str)


# -- loading -------------------------------------------------------------------


def _values(items: list[Located[T]]) -> list[T]:
    return [value for _where, value in items]


def load_curated(directory: Path = CURATED_DIR) -> Curated:
    """Read and check every list; raise ``ReferenceDataError`` listing all the
    problems found, each naming its file and line."""
    names = _rows(directory / "country_names.tsv", ("country", "name"), to_country_name)
    aliases = _rows(directory / "country_aliases.tsv", ("country", "aliases"), to_country_aliases)
    demonyms = _rows(
        directory / "country_demonyms.tsv", ("country", "demonyms"), to_country_demonyms
    )
    places = _rows(directory / "places.tsv", PLACE_COLUMNS, to_place)
    # The states are plain names, so an editor need not repeat "region" and "USA".
    places += [
        (where, (name, "region", "USA", []))
        for where, name in read_list(directory / "us_states.txt")
    ]
    orgs = _rows(directory / "organisations.tsv", ORGANISATION_COLUMNS, to_organisation)
    events = _rows(directory / "events.tsv", EVENT_COLUMNS, to_event)
    lists = {
        stem: read_list(directory / f"{stem}.txt")
        for stem in (
            "country_aliases_dropped",
            "country_codes_kept",
            "capitals_skipped",
            "acronyms_dropped",
            "org_names_dropped",
            "given_names",
        )
    }
    problems = find_table_problems(
        places=places,
        orgs=orgs,
        events=events,
        country_aliases=aliases,
        country_demonyms=demonyms,
    )
    for table in (names, aliases, demonyms):
        problems += find_repeats([(where, cca3) for where, (cca3, _value) in table])
    for items in lists.values():
        problems += find_repeats(items)
    check(problems)
    sets = {stem: frozenset(_values(items)) for stem, items in lists.items()}
    return Curated(
        country_name_overrides=dict(_values(names)),
        country_extra_aliases=dict(_values(aliases)),
        country_extra_demonyms=dict(_values(demonyms)),
        country_aliases_dropped=sets["country_aliases_dropped"],
        country_codes_kept=sets["country_codes_kept"],
        capitals_skipped=sets["capitals_skipped"],
        places=_values(places),
        orgs=_values(orgs),
        acronyms_dropped=sets["acronyms_dropped"],
        org_names_dropped=sets["org_names_dropped"],
        events=_values(events),
        given_names=sets["given_names"],
    )
