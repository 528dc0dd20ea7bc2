"""The keys two records of one organisation, event or place share: pure
functions of a name (and an event's year) over the reference data.

``organisation_key``: ``Justice Department`` = ``Department of Justice``;
``event_identity``: ``U.S.-Algerian`` = ``U.S.-Algeria Strategic Dialogue`` of a
year; ``place_key``: ``Tigray Region`` = ``Tigray``. ``identity.fold_duplicates``
groups the stored records by them.
"""

from __future__ import annotations

import functools
import re

from archive.extraction.events import event_key, strip_ordinal
from archive.extraction.lexicon import (
    ORG_HEADS,
    ORG_HEADS_FIRST,
    PROPER_BARE_HEADS,
    ROLE_WORDS,
    words,
)
from archive.extraction.normalize import name_key
from archive.extraction.patterns import BARE_ACRONYM_RE
from archive.extraction.reference import load_gazetteer
from archive.extraction.screen import common_words

# -- organisations ---------------------------------------------------------------

_DEPARTMENT = re.compile(r"^(.+) (department|ministry|bureau|commission|office)$")
# "E.U." = "EU"; "U.S." stays for ``_US``.
_DOTTED_ACRONYM = re.compile(r"\b(?!U\.S\.)((?:[A-Z]\.){2,})")


_US_PREFIX = re.compile(r"^us (?=\w+ (?:of|for) )")
# "U.S." or "United States" written as a word before a name, not a party ("U.S.-ASEAN").
_US_WORD_FIRST = re.compile(r"^(?:U\.S\.|US|United States) (?=\w)")
_BARE_HEADS = frozenset(name_key(word) for word in PROPER_BARE_HEADS)
# A body's own offices, named after it ("... Department of State Office of ...").
_SUB_BODIES = frozenset({"office", "bureau", "directorate", "division", "secretariat"})
# "U.S.", "US" and "United States" as one word ("US-ASEAN" = "U.S.-ASEAN").
_US = re.compile(r"(?:^| )(?:u s|united states)(?= |$)")


@functools.lru_cache(maxsize=200_000)
def organisation_key(name: str) -> str:
    """A key two usual variants of one organisation's name share.

    ``Justice Department`` = ``Department of Justice`` (same for Ministry), a
    word's plural = its singular (``Asset``/``Assets``), articles count for
    nothing (``Department of the Treasury`` = ``Department of Treasury``), nor
    does a ``U.S.`` before a name headed by a word taking of/for (``U.S.
    Department of the Treasury``; ``U.S. Embassy`` stays itself); ``U.S.``,
    ``US`` and ``United States`` are one word (``US-ASEAN Business Council`` =
    ``U.S.-ASEAN Business Council``, ``United States Mission`` = ``U.S.
    Mission``), and ``UN`` is ``United Nations``. A country, named or by its
    demonym, first or after a last ``of``, is one word in front (``Central Bank
    of Russia`` = ``Russian Central Bank``, ``Afghan``/``Afghanistan High
    Council``).
    """
    name = _DOTTED_ACRONYM.sub(lambda match: match[1].replace(".", ""), name)
    if (whole := _one_reference_organisation(name)) is not None and whole != name:
        return organisation_key(whole)  # "NATO" = "North Atlantic Treaty Organization"
    for pattern, usual in _MINISTRIES:
        name = pattern.sub(usual, name)  # "Italian MFA" = "Italian Foreign Ministry"
    key = _UN.sub(r"\1united nations", _US.sub(_us, name_key(name)))
    if match := _DEPARTMENT.match(key):
        key = f"{match[2]} of {match[1]}"
    key = " ".join(word for word in key.split() if word not in ("the", "a", "an"))
    key = _US_PREFIX.sub("", key)
    if _US_WORD_FIRST.match(name) and (len(key.split()) > 2 or key[3:] in _BARE_HEADS):
        # "U.S. National Park Service", "U.S. Embassy Baku"; "U.S. Congress" is the
        # "Congress" a U.S. release names alone.
        key = key.removeprefix("us ")
    if key == "treasury":
        key = "department of treasury"  # the "Treasury" of "the Treasury and State"
    key = _POST_IN.sub(r"\1 ", key)  # "U.S. Embassy in Kabul" = "U.S. Embassy Kabul"
    head, _, where = key.rpartition(" in ")
    if head and where in _countries() and any(_proper(word) for word in head.split()):
        key = head  # "African Union Transition Mission (in Somalia)"
    words = _body_first(name, key.split())
    if len(words) > 3 and words[0].startswith("organisation:") and words[1] in _SUB_BODIES:
        words = words[1:]  # "U.S. Department of State Office of Global Partnerships"
    if len(words) == 2 and words[0].startswith("organisation:") and words[1] in _ITS_KIND:
        # "NATO Alliance" = "North Atlantic Treaty Organization"
        return organisation_key(load_gazetteer().organisations[words[0].split(":")[1]].name)
    return " ".join(_singular(word) for word in _country_first(words))


# A foreign or defence ministry however written ("MFA", "Foreign Ministry").
_MINISTRIES = (
    (re.compile(r"\b(?:MFA|MOFA|MoFA|Foreign Ministry)\b"), "Ministry of Foreign Affairs"),
    (re.compile(r"\b(?:MOD|MoD|Defen[cs]e Ministry|Ministry of Defence)\b"), "Ministry of Defense"),
)
# A diplomatic post and its city, with or without "in".
_POST_IN = re.compile(r"^((?:us )?(?:embassy|consulate general|consulate|mission)) in ")
# What a body is, written after its name ("NATO Alliance").
_ITS_KIND = frozenset({"alliance"})


def _one_reference_organisation(name: str) -> str | None:
    """The name of the one reference organisation a whole name is, if any; an
    acronym in any case ("MOFA" = "MoFA")."""
    found = set(_organisation_refs(name))
    if not found and BARE_ACRONYM_RE.fullmatch(name):
        found = set(_reference_acronyms().get(name.casefold(), ()))
    return load_gazetteer().organisations[found.pop()].name if len(found) == 1 else None


@functools.lru_cache(maxsize=1)
def _reference_acronyms() -> dict[str, frozenset[str]]:
    """The reference organisations by their acronyms, case folded."""
    out: dict[str, set[str]] = {}
    for org in load_gazetteer().organisations.values():
        for acronym in (org.acronym, *org.acronyms):
            if acronym:
                out.setdefault(acronym.casefold(), set()).add(org.id)
    return {acronym: frozenset(refs) for acronym, refs in out.items()}


def _body_first(name: str, words: list[str]) -> list[str]:
    """A known body at the front of a longer name, in full or by its acronym, as
    one token: ``OAS Permanent Council`` = ``Organization of American States
    Permanent Council``."""
    if len(words) < 2:
        return words
    first = name.split()[0]
    acronym = BARE_ACRONYM_RE.fullmatch(first) and words[0] == name_key(first)
    if acronym and (token := _reference_organisation(first)):
        return [token, *words[1:]]
    for size in range(min(8, len(words) - 1), 1, -1):
        if token := _reference_organisation(" ".join(words[:size])):
            return [token, *words[size:]]
    return words


_UN = re.compile(r"(^| )(?:un|u n)(?= |$)")


@functools.cache
def _countries() -> dict[str, str]:
    """Keys of countries' names, other names and demonyms -> a token for the country
    (the United States left to ``_US``); a key two countries share is left out."""
    found: dict[str, set[str]] = {}
    for country in load_gazetteer().countries.values():
        if country.id == "USA":
            continue
        for name in (country.name, *country.aliases, *country.demonyms):
            if key := name_key(name):
                found.setdefault(key, set()).add(f"@{country.id.lower()}")
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def _country_first(words: list[str]) -> list[str]:
    countries = _countries()
    for size in (3, 2, 1):
        if len(words) > size and (token := countries.get(" ".join(words[:size]))):
            return [token, *words[size:]]
    for size in (3, 2, 1):
        at = len(words) - size - 1
        if at > 0 and words[at] == "of" and (token := countries.get(" ".join(words[at + 1 :]))):
            if any(_proper(word) for word in words[:at]):
                # "Kurdistan Regional Government of Iraq": a name of its own, which
                # the country after it only places; "Ministry of Health of Morocco"
                # is told apart from other countries' by it.
                return words[:at]
            return [token, *words[:at]]
    return words


def _proper(word: str) -> bool:
    """A word of a proper name: no English word, no word of titles or heads."""
    return (
        word.isalpha()
        and word not in common_words()
        and word not in _GENERIC_WORDS
        and word not in _countries()
    )


_GENERIC_WORDS = frozenset(word.casefold() for word in (*ROLE_WORDS, *ORG_HEADS, *ORG_HEADS_FIRST))


def _us(match: re.Match) -> str:
    return match[0].replace("u s", "us").replace("united states", "us")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_INITIALS_SKIP = words("of the and for in on to at a an & de du des la le")


@functools.lru_cache(maxsize=200_000)
def initials(name: str) -> str:
    """The initials of an organisation's name, its small words left out: ``National
    Security Council`` → ``NSC``, ``U.S. Agency for International Development`` →
    ``USAID``, ``Organization for Security and Co-operation in Europe`` → ``OSCE``."""
    letters = []
    for word in name.split():
        if word.casefold() in _INITIALS_SKIP:
            continue
        if re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            letters.append(word.replace(".", "").upper())
        elif word[:1].isalpha():
            letters.append(word[0].upper())
        else:
            return ""
    return "".join(letters)


# -- events ----------------------------------------------------------------------

TRAILING_YEAR = re.compile(r"\s+((?:19|20)\d\d)$")


def event_identity(name: str, year: int | None, kind: str = "") -> tuple[str, int | None]:
    """What two records of one event share: the name without its edition, and the year.

    The year is the one the name ends with, else the record's (the article's
    date for a meeting with none written): ``One Ocean Summit`` of 2022 is
    ``One Ocean Summit 2022``, ``Summit of the Americas 1994`` is not the 2022
    one. An ordinal (``Ninth``) and a plural head (``Abraham Accords``) are
    dropped, and the parties of a bilateral name are taken in any order
    (``EU-U.S. Summit`` = ``U.S.-EU Summit``), each named as a country or its
    demonym (``U.S.-Algerian`` = ``U.S.-Algeria``), an organisation in full or
    by its initials (``U.S.-OIC`` = ``U.S.-Organization of Islamic Cooperation``).
    A war's ordinal is part of its name (``kind``: the record's; ``Second
    Karabakh War`` is not the first). The usual variants of one name are one
    (``_usual_form``).
    """
    if match := TRAILING_YEAR.search(name):
        name, year = name[: match.start()], int(match[1])
    olympics = _OLYMPICS.match(name)
    if olympics and not _OLYMPIC_NAMESAKES.match(name):
        if olympics["city"]:
            return f"{olympics['city'].lower()} olympic games", None
        return f"{(olympics['season'] or '').lower()} olympic games".strip(), year
    name = _usual_form(strip_ordinal(name, kind))
    first, _, rest = _UNITED_STATES.sub("U.S.", name).partition(" ")
    parties = first.split("-")
    if len(parties) > 1 and all(part[:1].isupper() for part in parties):
        if len(parties) == 2 and rest:
            # "U.S.-Organization of Islamic Cooperation Strategic Dialogue": the
            # second party runs to the event's own words.
            party, rest = _party_in_full(parties[1], rest)
            parties[1] = party
        first = "-".join(sorted(_party(part) for part in parties))
    key = event_key(f"{first} {rest}")
    # Spacing and hyphens count for nothing ("Non-Proliferation" = "Nonproliferation",
    # "High-Level" = "High Level"), nor do "Leaders" ("NATO Leaders Summit") and
    # "the" ("Battle of the Coral Sea").
    words = [word for word in key.split() if word not in _NOTHING_WORDS]
    return "".join(words), year


# "United States-Honduras Strategic Dialogue" is the U.S.-Honduras one.
_UNITED_STATES = re.compile(r"^United States(?=-)")
# The Olympic Games, however written: by the host city ("Tokyo Summer Olympic
# Games", "Tokyo Olympics", "Tokyo Olympic and Paralympic Games": one Games,
# whatever year the article that names it was written), else by the season and
# the year. The Special and Youth Olympics are other events.
_OLYMPICS = re.compile(
    r"^(?:(?P<city>[A-Z][a-z]+) )?(?:(?P<season>Summer|Winter) )?(?:Olympics|Paralympics|"
    r"(?:Olympic|Paralympic)(?: and Paralympic)? Games)$"
)
_OLYMPIC_NAMESAKES = re.compile(r"^(?:Special|Youth)\b")
# "Summit of the Americas" = "Americas Summit"; "COP26 Conference" = "COP26";
# "… Ministerial Session" = "… Ministerial"; "Glasgow Joint Declaration" =
# "Glasgow Declaration".
_HEAD_OF = re.compile(
    r"^((?:Ministerial |Summit |Special )?"
    r"(?:Summit|Conference|Forum|Ministerial|Meeting|Dialogue|Session)) of (?:the )?(.+)$"
)
# A UN body's meeting is named with or without "UN" ("UN General Assembly Special
# Session" = "Special Session of the General Assembly").
_UN_FIRST = re.compile(r"^(?:UN|U\.N\.|United Nations) (?=\S+ \S)")
# How a meeting was held or how often says nothing of which it is ("Virtual Friends of
# the Mekong Ministerial", "Annual ASEAN Regional Forum Ministerial").
_MANNER = re.compile(r"^(?:Virtual|Annual|In-Person|Online|Hybrid) (?=\S+ \S)")
_NUMBERED_ACRONYM = re.compile(r"^[A-Z]{2,}\d+$")
_REDUNDANT_TAIL = re.compile(
    r"^(.+\b(?:Summit|Ministerial|Meeting|Conference)) (?:Session|Meeting)$"
)
_JOINT_DOCUMENT = re.compile(r"\bJoint (?=(?:Declaration|Statement|Communiqu[ée])\b)")
# A treaty named by one place is also called a convention ("Ottawa Treaty" =
# "Ottawa Convention").
_PLACE_TREATY = re.compile(r"^([A-Z][\w.’'-]+) Treaty$")
# ... and an accord by one place is its agreement ("Dayton Accords" = "Dayton Agreement").
_PLACE_ACCORD = re.compile(r"^([A-Z][\w.’'-]+) Accords?$")
_NOTHING_WORDS = frozenset({"leaders", "leader s", "leaders s", "the"})


def _usual_form(name: str) -> str:
    """One form of the names one event is usually written under."""
    name = _MANNER.sub("", name)
    if match := _HEAD_OF.match(name):
        name = f"{match[2]} {match[1]}"
    name = _UN_FIRST.sub("", name)
    head, _, last = name.rpartition(" ")
    if last == "Conference" and _NUMBERED_ACRONYM.match(head):
        name = head
    if match := _REDUNDANT_TAIL.match(name):
        name = match[1]
    if match := _PLACE_TREATY.match(name):
        name = f"{match[1]} Convention"
    elif match := _PLACE_ACCORD.match(name):
        name = f"{match[1]} Agreement"
    return _JOINT_DOCUMENT.sub("", name)


def _party_in_full(start: str, rest: str) -> tuple[str, str]:
    """The second party of a bilateral name when it is a country or an
    organisation written in several words (``Czech Republic Strategic Dialogue``,
    ``Organization of Islamic Cooperation Strategic Dialogue``), as its token, and
    the rest of the name."""
    tail = rest.split()
    for cut in range(len(tail), 0, -1):
        party = " ".join([start, *tail[:cut]])
        if found := _countries().get(name_key(party)) or _reference_organisation(party):
            return found, " ".join(tail[cut:])
    return start, rest


def _reference_organisation(name: str) -> str | None:
    found = _organisation_refs(name)
    return f"organisation:{found[0]}" if found else None


def _organisation_refs(name: str) -> list[str]:
    """The reference organisations a name is written as, in the gazetteer's order."""
    gazetteer = load_gazetteer()
    surfaces = gazetteer.surfaces.get(name, []) or gazetteer.lookup(name)
    return [surface.ref for surface in surfaces if surface.kind == "organisation"]


def _party(word: str) -> str:
    """One party of a bilateral name as a token: a country named or by its demonym
    (``U.S.-Algerian`` = ``U.S.-Algeria``), the United States however written, an
    organisation by its reference record (``OIC``)."""
    if word.startswith(("organisation:", "@")):
        return word
    key = name_key(word)
    if key in ("u s", "us"):
        return "us"
    return _countries().get(key) or _reference_organisation(word) or word


# -- places ----------------------------------------------------------------------

# "Tigray Region" = "Tigray", "Hunan Province" = "Hunan"; never "State" or "City"
# ("Washington State", "New York City" are other places than their namesakes).
_PLACE_HEAD_AT_END = re.compile(
    r" (?:autonomous region|region|province|governorate|oblast|islands|island|bay|"
    r"naval base|air base|base)$"
)
# The Arabic article before a place's name: "Al-Walaja" = "Walaja".
_ARTICLE_FIRST = re.compile(r"^(?:al|el|ad|as|an|ar|ash|at|az) (?=\w{4})")
# "Northern Africa" = "North Africa", "Eastern Europe" = "East Europe".
_COMPASS_ADJECTIVES = {
    "northern": "north",
    "southern": "south",
    "eastern": "east",
    "western": "west",
}


def place_key(name: str) -> str:
    """A key two usual names of one place share (``Tigray Region`` = ``Tigray``,
    ``Comoros Islands`` = ``Comoros``, ``Guantanamo Bay`` = ``Guantanamo``, ``Ream
    Naval Base`` = ``Ream``, ``Al-Walaja`` = ``Walaja``, ``Northern Africa`` =
    ``North Africa``, never ``Southern Africa`` = ``South Africa``)."""
    key = _ARTICLE_FIRST.sub("", _PLACE_HEAD_AT_END.sub("", name_key(name)))
    words = key.split()
    if len(words) > 1 and words[0] in _COMPASS_ADJECTIVES:
        plain = " ".join([_COMPASS_ADJECTIVES[words[0]], *words[1:]])
        # "Southern Africa" is no "South Africa", a country.
        if plain not in _countries():
            return plain
    return " ".join(words)
