"""Load the shipped reference data (``fixtures/reference``) into a gazetteer.

The JSON files are written by ``tools/build_reference.py``; the product reads only them.
``load_gazetteer()`` is cached per directory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.extraction.checks import check, find_file_problems
from archive.extraction.normalize import name_key

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REFERENCE_DIR = REPO_ROOT / "fixtures" / "reference"


@dataclass(frozen=True, slots=True)
class Country:
    id: str
    name: str
    official: str = ""
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str = ""
    region: str = ""
    subregion: str = ""
    independent: bool = False
    un_member: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # "city" or "region"
    country: str = ""
    aliases: tuple[str, ...] = ()
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    acronym: str = ""
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kind: str = "intergovernmental"
    family: str = ""
    wikidata: str = ""
    curated: bool = False


@dataclass(frozen=True, slots=True)
class LeaderRole:
    role: str
    title: str
    since: str = ""


@dataclass(frozen=True, slots=True)
class Leader:
    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    surname: str = ""
    roles: tuple[LeaderRole, ...] = ()
    since: str = ""
    first_seen: str = ""
    last_seen: str = ""
    current: bool = False

    def role_for(self, title: str, on: dt.date | None = None) -> str:
        """The role matching a title as written ("President"), if any."""
        title_key = name_key(title)
        roles = [
            r for r in reversed(self.roles) if not (on and r.since and r.since > on.isoformat())
        ]
        for role in roles:
            if not title_key or name_key(role.title) == title_key:
                return role.role
        # "Prime Minister" for "Crown Prince and Prime Minister", but never
        # "President" for "Vice President".
        for role in roles:
            words = name_key(role.title).split()
            n = len(title_key.split())
            if words[-n:] == title_key.split() and (
                len(words) == n or words[-n - 1] not in {"vice", "deputy", "co"}
            ):
                return role.role
        return ""


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    year: int | None = None
    place: str = ""


@dataclass(frozen=True, slots=True)
class Surface:
    """One string the matcher looks for, and what it refers to."""

    text: str
    kind: str  # "country", "place", "organisation", "person", "event"
    ref: str  # id of the referenced record
    demonym: bool = False
    acronym: bool = False


# When one string names several records, the first kind here wins.
_KIND_PRIORITY = {"country": 0, "organisation": 1, "event": 2, "person": 3, "place": 4}


@dataclass
class Gazetteer:
    countries: dict[str, Country]
    places: dict[str, Place]
    organisations: dict[str, Organisation]
    leaders: dict[str, Leader]
    events: dict[str, Event]
    given_names: frozenset[str]
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    by_key: dict[str, list[Surface]] = field(default_factory=dict)
    leaders_by_surname: dict[str, list[Leader]] = field(default_factory=dict)
    country_by_name: dict[str, Country] = field(default_factory=dict)

    def __post_init__(self) -> None:
        surfaces: dict[str, list[Surface]] = defaultdict(list)
        for surface in self._generate_surfaces():
            if surface not in surfaces[surface.text]:
                surfaces[surface.text].append(surface)
            # News writes "People’s Republic" as often as "People's Republic".
            if "'" in surface.text:
                curly = dataclasses.replace(surface, text=surface.text.replace("'", "’"))
                if curly not in surfaces[curly.text]:
                    surfaces[curly.text].append(curly)
        for entries in surfaces.values():
            entries.sort(key=lambda s: (_KIND_PRIORITY[s.kind], s.demonym))
            # A string that is a country name is never read as a demonym.
            if any(s.kind == "country" and not s.demonym for s in entries):
                entries[:] = [s for s in entries if not s.demonym]
            self._disambiguate_demonyms(entries)
        self.surfaces = {text: entries for text, entries in surfaces.items() if entries}
        by_key: dict[str, list[Surface]] = defaultdict(list)
        for text, entries in self.surfaces.items():
            for surface in entries:
                if not surface.acronym:
                    by_key[name_key(text)].append(surface)
        self.by_key = dict(by_key)
        by_surname: dict[str, list[Leader]] = defaultdict(list)
        for leader in self.leaders.values():
            if leader.surname:
                by_surname[leader.surname].append(leader)
        self.leaders_by_surname = dict(by_surname)
        self.country_by_name = {c.name: c for c in self.countries.values()}

    def _disambiguate_demonyms(self, entries: list[Surface]) -> None:
        """Demonyms shared by countries: keep the one UN member ("French" is
        also said of French territories), drop those of several ("Korean")."""
        demonyms = [s for s in entries if s.demonym]
        if len(demonyms) < 2:
            return
        members = [s for s in demonyms if self.countries[s.ref].un_member]
        keep = members[:1] if len(members) == 1 else []
        entries[:] = [s for s in entries if not s.demonym or s in keep]

    # -- lookups ---------------------------------------------------------------

    def record(self, surface: Surface) -> Any:
        table = {
            "country": self.countries,
            "place": self.places,
            "organisation": self.organisations,
            "person": self.leaders,
            "event": self.events,
        }[surface.kind]
        return table[surface.ref]

    def lookup(self, name: str) -> list[Surface]:
        """Records named ``name`` (any spelling name_key folds), best first."""
        return self.by_key.get(name_key(name), [])

    # -- surface generation ----------------------------------------------------

    def _generate_surfaces(self) -> Iterable[Surface]:
        for c in self.countries.values():
            for text in (c.name, *c.aliases):
                yield Surface(text, "country", c.id)
                if _HYPHENATED.search(text):
                    # "Guinea Bissau", "Timor Leste": as news writes them too.
                    yield Surface(_HYPHENATED.sub(" ", text), "country", c.id)
            for text in c.demonyms:
                yield Surface(text, "country", c.id, demonym=True)
        for p in self.places.values():
            for text in (p.name, *p.aliases):
                yield Surface(text, "place", p.id)
        for o in self.organisations.values():
            for name in (o.name, *o.aliases):
                for text in org_name_variants(name):
                    yield Surface(text, "organisation", o.id)
            for acr in (o.acronym, *o.acronyms):
                if acr:
                    yield Surface(acr, "organisation", o.id, acronym=True)
        for leader in self.leaders.values():
            for text in (leader.name, *leader.aliases):
                # One-word names ("Naruhito") are matched only after a title.
                if " " in text:
                    yield Surface(text, "person", leader.id)
        for e in self.events.values():
            for name in (e.name, *e.aliases):
                for text in event_name_variants(name):
                    yield Surface(text, "event", e.id)


# -- spelling variants ---------------------------------------------------------

_ORG_SWAPS = [
    ("Organization", "Organisation"),
    ("Center", "Centre"),
    ("Program", "Programme"),
    ("Defense", "Defence"),
    ("Labor", "Labour"),
    ("Cooperation", "Co-operation"),
    ("’", "'"),
]
_HYPHENATED = re.compile(r"(?<=[a-z])-(?=[A-Z])")
_LIST_COMMA = re.compile(r"(\w), (\w+) and ")
_LIST_OXFORD = re.compile(r"(\w), (\w+), and ")


@functools.lru_cache(maxsize=64)
def _spelt(word: str) -> re.Pattern:
    """A spelling as a whole word: "Programme" is no "Program" to respell."""
    if word[0].isalpha():
        return re.compile(rf"(?<!\w){word}(?!\w)")
    return re.compile(re.escape(word))


def org_name_variants(name: str, limit: int = 16) -> list[str]:
    """British/American spellings and the Oxford comma, as news writes them."""
    out = {name}
    for a, b in _ORG_SWAPS:
        for current in list(out):
            if _spelt(a).search(current):
                out.add(_spelt(a).sub(b, current))
            elif _spelt(b).search(current):
                out.add(_spelt(b).sub(a, current))
    for current in list(out):
        out.add(_LIST_COMMA.sub(r"\1, \2, and ", current))
        out.add(_LIST_OXFORD.sub(r"\1, \2 and ", current))
    return sorted(out)[:limit]


# Words of event names that news writes in either case ("second Karabakh war").
_EVENT_COMMON_WORDS = {
    "first",
    "second",
    "third",
    "world",
    "war",
    "cold",
    "day",
    "patriotic",
    "genocide",
    "massacre",
    "tragedy",
    "agreement",
    "agreements",
    "accords",
    "statement",
    "trilateral",
    "deal",
    "nuclear",
    "invasion",
    "of",
    "climate",
    "peace",
    "one",
    "two",
    "protocol",
}


def event_name_variants(name: str) -> list[str]:
    words = name.split(" ")
    options = []
    for word in words:
        bare = word.lower()
        if bare in _EVENT_COMMON_WORDS and bare not in {"of"}:
            options.append(sorted({word, word.lower(), word[:1].upper() + word[1:]}))
        else:
            options.append([word])
    variants = {" ".join(combo) for combo in itertools.islice(itertools.product(*options), 32)}
    return sorted(variants)


# -- loading -------------------------------------------------------------------


def _read(directory: Path, filename: str) -> list[dict[str, Any]]:
    """A reference file's records; ReferenceDataError if it names anything twice
    or uses an unknown kind."""
    records = json.loads((directory / filename).read_text(encoding="utf-8"))
    check(find_file_problems(directory / filename, records))
    return records


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _tuple(record: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(record.get(key) or ())


@functools.lru_cache(maxsize=4)
def load_gazetteer(directory: str | Path | None = None) -> Gazetteer:
    """Read the reference JSON files from ``directory`` (default: the shipped ones)."""
    directory = Path(directory) if directory else DEFAULT_REFERENCE_DIR
    countries = {
        r["id"]: Country(
            id=r["id"],
            name=r["name"],
            official=r.get("official", ""),
            aliases=_tuple(r, "aliases"),
            demonyms=_tuple(r, "demonyms"),
            capital=r.get("capital", ""),
            region=r.get("region", ""),
            subregion=r.get("subregion", ""),
            independent=r.get("independent", False),
            un_member=r.get("un_member", False),
        )
        for r in _read(directory, "countries.json")
    }
    places = {
        r["id"]: Place(
            id=r["id"],
            name=r["name"],
            kind=r.get("kind", "city"),
            country=r.get("country", ""),
            aliases=_tuple(r, "aliases"),
            capital=r.get("capital", False),
        )
        for r in _read(directory, "places.json")
    }
    organisations = {
        r["id"]: Organisation(
            id=r["id"],
            name=r["name"],
            acronym=r.get("acronym", ""),
            acronyms=_tuple(r, "acronyms"),
            aliases=_tuple(r, "aliases"),
            kind=r.get("kind", "intergovernmental"),
            family=r.get("family", ""),
            wikidata=r.get("wikidata", ""),
            curated="curated" in r.get("sources", ()),
        )
        for r in _read(directory, "organisations.json")
    }
    leaders = {
        r["id"]: Leader(
            id=r["id"],
            name=r["name"],
            country=r.get("country", ""),
            aliases=_tuple(r, "aliases"),
            surname=r.get("surname", ""),
            roles=tuple(
                LeaderRole(
                    role=x["role"],
                    title=x.get("title", ""),
                    since=x.get("since", ""),
                )
                for x in r.get("roles", ())
            ),
            since=r.get("since", ""),
            first_seen=r.get("first_seen", ""),
            last_seen=r.get("last_seen", ""),
            current=r.get("current", False),
        )
        for r in _read(directory, "leaders.json")
    }
    events = {
        r["id"]: Event(
            id=r["id"],
            name=r["name"],
            kind=r.get("kind", "other"),
            aliases=_tuple(r, "aliases"),
            start=_date(r.get("start")),
            end=_date(r.get("end")),
            year=r.get("year"),
            place=r.get("place", ""),
        )
        for r in _read(directory, "events.json")
    }
    names = _read(directory, "names.json")
    given = frozenset(n for rec in names for n in rec.get("given_names", ()))
    return Gazetteer(
        countries=countries,
        places=places,
        organisations=organisations,
        leaders=leaders,
        events=events,
        given_names=given,
    )
