"""Offices read from titles as articles write them.

A role the extractor attached to a person ("Foreign Minister of Germany",
"Israeli Prime Minister", "OIC Secretary General's Assistant for Economic
Affairs", "Former Foreign Minister") names an office: a canonical title held
in a country or an organisation, and a qualifier that says whether the person
held it on the article's date. Titles written differently are one office
(``office_titles.json`` lists the variants); distinct offices stay distinct
("Alternate Prime Minister", "Deputy Secretary of State"). Values in, values
out: nothing here touches the database.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from archive.extraction.checks import check
from archive.extraction.normalize import name_key
from archive.extraction.reference import DEFAULT_REFERENCE_DIR, Gazetteer

OFFICE_TITLES_FILE = "office_titles.json"
QUALIFIERS = ("former", "acting", "outgoing", "incoming")


@dataclass(frozen=True, slots=True)
class OfficeTitle:
    """A canonical title and what the reference list says of it."""

    title: str
    single: bool = False
    home: bool = False  # written without a country, the article's home country's


@dataclass(frozen=True, slots=True, eq=False)
class OfficeTitles:
    by_key: dict[str, OfficeTitle]
    bare: dict[str, OfficeTitle]
    qualifiers: dict[str, str]  # a word ("interim") -> its qualifier ("acting")
    written: tuple[str, ...] = ()  # every title and variant as the file writes it

    def by_key_or_bare(self, written: str) -> OfficeTitle:
        key = title_key(written)
        return self.by_key.get(key) or self.bare[key]


@dataclass(frozen=True, slots=True)
class OfficeRead:
    """An office as one role names it.

    ``of_kind`` is "country" or "organisation" (the gazetteer's kinds) and
    ``of_name`` the record's canonical name; ``of_kind`` is "" when the title
    names neither (the caller may know the article's home country).
    ``qualifier``: "" (held on the day), "former", "acting", "outgoing" or
    "incoming". ``home``: written without a country, the title is the office
    of the article's home country ("the Secretary" in a State Department
    release is the U.S. Secretary of State).
    """

    title: str
    of_kind: str
    of_name: str
    qualifier: str = ""
    single: bool = False
    home: bool = False
    bare: bool = False  # written as the bare title ("Secretary") the file lists


def load_office_titles(path: str | Path | None = None) -> OfficeTitles:
    """The titles file, checked: a title or variant given twice is an error."""
    path = Path(path) if path else DEFAULT_REFERENCE_DIR / OFFICE_TITLES_FILE
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    problems: list[str] = []
    by_key: dict[str, OfficeTitle] = {}
    bare: dict[str, OfficeTitle] = {}
    written_forms: list[str] = []
    for i, entry in enumerate(data.get("titles", [])):
        title = entry.get("title", "")
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{path}: title {i}: no title")
            continue
        office = OfficeTitle(
            title=title, single=bool(entry.get("single", False)), home=bool(entry.get("bare"))
        )
        for written in [title, *entry.get("variants", [])]:
            key = title_key(written)
            if key in by_key and by_key[key].title != title:
                problems.append(f"{path}: {written!r} (title {i}) is also {by_key[key].title!r}")
            by_key[key] = office
            written_forms.append(written)
        for written in entry.get("bare", []):
            bare[title_key(written)] = office
            written_forms.append(written)
    qualifiers: dict[str, str] = {}
    for qualifier, words in data.get("qualifiers", {}).items():
        if qualifier not in QUALIFIERS:
            problems.append(f"{path}: unknown qualifier {qualifier!r}")
        for word in words:
            qualifiers[word.casefold()] = qualifier
    check(problems)
    return OfficeTitles(
        by_key=by_key, bare=bare, qualifiers=qualifiers, written=tuple(written_forms)
    )


@functools.cache
def default_office_titles() -> OfficeTitles:
    return load_office_titles()


def title_key(title: str) -> str:
    """The key one office's title has however it is written (case, accents, hyphens)."""
    return name_key(title.replace("-", " "))


# "Secretary General's Assistant for Economic Affairs": the office is the
# Assistant Secretary General's.
_ASSISTANT_OF = re.compile(r"^(?P<head>.+?)['’]s (?P<role>Assistant|Deputy) (?P<rest>for .+)$")
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s? (?P<rest>.+)$")
_OF = re.compile(r" of ")
_ELECT = re.compile(r"^(.+)-(elect|designate)$", re.IGNORECASE)


def read_office(role: str, gaz: Gazetteer, titles: OfficeTitles | None = None) -> OfficeRead | None:
    """The office a role names, or None when the role is no title."""
    titles = titles or default_office_titles()
    words = role.split()
    qualifier = ""
    # "Former Foreign Minister", "acting Prime Minister", "ex-President".
    while words:
        first = words[0].casefold()
        head, _, tail = first.partition("-")
        if first in titles.qualifiers:
            qualifier = qualifier or titles.qualifiers[first]
            words = words[1:]
        elif tail and head in titles.qualifiers:
            qualifier = qualifier or titles.qualifiers[head]
            words = [words[0].partition("-")[2], *words[1:]]
        else:
            break
    # "Prime Minister-elect of Israel"
    for i, word in enumerate(words):
        if m := _ELECT.match(word):
            qualifier = qualifier or titles.qualifiers.get(m[2].casefold(), "incoming")
            words = [*words[:i], m[1], *words[i + 1 :]]
            break
    text = " ".join(words).strip(" ,")
    if not text:
        return None
    of_kind = of_name = ""
    # "Minister of Foreign Affairs of Azerbaijan", "Assistant Secretary-General
    # of the OIC for Economic Affairs".
    for m in reversed(list(_OF.finditer(text))):
        tail = text[m.end() :]
        owner_text, _, rest = tail.partition(" for ")
        if owner := _owner(owner_text.removeprefix("the "), gaz):
            of_kind, of_name = owner
            text = text[: m.start()] + (f" for {rest}" if rest else "")
            break
    # "Israeli Prime Minister", "OIC Secretary General's ...", "India's External
    # Affairs Minister", "U.S. Secretary of State".
    if not of_kind:
        for n in range(min(4, len(text.split()) - 1), 0, -1):
            parts = text.split()
            prefix, rest = " ".join(parts[:n]), " ".join(parts[n:])
            possessive = _POSSESSIVE.match(f"{prefix} {rest}")
            if prefix.endswith(("'s", "’s")) and possessive:
                prefix = prefix[:-2]
            if owner := _owner(prefix, gaz):
                of_kind, of_name = owner
                text = rest
                break
    if am := _ASSISTANT_OF.match(text):
        text = f"{am['role']} {am['head']} {am['rest']}"
    office = titles.by_key.get(title_key(text))
    bare = False
    if office is None and not of_kind:
        office = titles.bare.get(title_key(text))
        bare = office is not None
    if office is None:
        if not text[:1].isupper():
            return None
        # "Deputy Secretary of State for Management and Resources": an office of
        # its own, of the home country like the title it begins with.
        home = not of_kind and any(
            title_key(text).startswith(f"{key} for ")
            for key, known in titles.by_key.items()
            if known.home
        )
        office = OfficeTitle(title=_tidy(text), home=home)
    return OfficeRead(
        title=office.title,
        of_kind=of_kind,
        of_name=of_name,
        qualifier=qualifier,
        single=office.single,
        home=office.home and not of_kind,
        bare=bare,
    )


def _owner(name: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """("country", "Israel") for "Israeli", "Israel"; ("organisation", the
    canonical name) for "OIC" or the full name; None for anything else."""
    name = name.strip()
    entries = gaz.surfaces.get(name) or gaz.lookup(name)
    for surface in entries:
        if surface.kind == "country":
            return "country", gaz.countries[surface.ref].name
        if surface.kind == "organisation":
            return "organisation", gaz.organisations[surface.ref].name
    return None


def _tidy(title: str) -> str:
    return " ".join(title.split())
