"""What a machine can check in the entity tables, without a human reading the articles.

Each check is a pure function of the tables as rows of ``(kind, id, name, aliases,
articles)`` (``Row``) and returns the rows it objects to as ``Violation``s. The audit
(``python -m bench.tables.audit``) prints them with counts; ``tests/bench/test_tables_audit.py``
runs them on the repository's own gold texts. ``rows_from_db`` reads the rows from the
archive's database.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from archive.extraction.normalize import name_key


class Row(NamedTuple):
    kind: str  # "person", "organisation", "place", "event"
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    articles: frozenset[int] = frozenset()


class Violation(NamedTuple):
    check: str
    kind: str
    id: int
    name: str
    detail: str = ""


# Markup or character references that should have been decoded or stripped before extraction.
_MARKUP = re.compile(r"&#\d+;?|&#x[0-9a-f]+;?|&[a-z]+;|<[^>]*>|[<>]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
# Verbs that headlines put after a name ("Blinken Travels to ..."): a person's name never
# ends in one.
HEADLINE_VERBS = frozenset(
    [
        "announces",
        "attends",
        "calls",
        "condemns",
        "congratulates",
        "delivers",
        "departs",
        "discusses",
        "hosts",
        "joins",
        "launches",
        "leads",
        "meets",
        "participates",
        "releases",
        "remarks",
        "returns",
        "says",
        "signs",
        "speaks",
        "talks",
        "tests",
        "travels",
        "urges",
        "visits",
        "welcomes",
    ]
)
# A name never ends in a word that only joins or leads into other words.
FUNCTION_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
# Titles and honorifics that belong in a person's role, not in the canonical name.
PERSON_TITLES = frozenset(
    [
        "adm",
        "amb",
        "ambassador",
        "assistant",
        "chairman",
        "chairwoman",
        "chancellor",
        "counselor",
        "deputy",
        "director",
        "dr",
        "col",
        "foreign",
        "gen",
        "general",
        "gov",
        "governor",
        "his",
        "her",
        "king",
        "minister",
        "mr",
        "mrs",
        "ms",
        "president",
        "prime",
        "prince",
        "prof",
        "queen",
        "rep",
        "secretary",
        "sen",
        "senator",
        "special",
        "spokesperson",
        "under",
        "undersecretary",
    ]
)


def _words(name: str) -> list[str]:
    return re.findall(r"[\w’'-]+", name)


def markup_in_names(rows: Iterable[Row]) -> list[Violation]:
    """No name or alias carries HTML markup or a character reference (``&#8217;``, ``&amp;``)."""
    found = []
    for row in rows:
        for text in (row.name, *row.aliases):
            match = _MARKUP.search(text)
            if match:
                what = "name" if text == row.name else f"alias {text!r}"
                found.append(Violation("markup", row.kind, row.id, row.name, f"{what}: {match[0]}"))
                break
    return found


def names_without_letters(rows: Iterable[Row]) -> list[Violation]:
    """No name is empty, or only punctuation, digits and spaces."""
    return [
        Violation("no-letters", row.kind, row.id, row.name)
        for row in rows
        if not _LETTER.search(row.name)
    ]


def names_without_capitals(rows: Iterable[Row]) -> list[Violation]:
    """Every name has a capital letter: an all-lower-case name is a common word or phrase."""
    return [
        Violation("no-capital", row.kind, row.id, row.name)
        for row in rows
        if _LETTER.search(row.name) and not any(ch.isupper() for ch in row.name)
    ]


def dangling_function_words(rows: Iterable[Row]) -> list[Violation]:
    """No name ends in "of", "and", "the"...: such a name was cut short."""
    found = []
    for row in rows:
        words = _words(row.name)
        last = words[-1] if len(words) > 1 else ""
        # "Margaret A." ends in an initial, not in the article "a".
        if last in FUNCTION_WORDS or (len(last) > 1 and last.casefold() in FUNCTION_WORDS):
            found.append(Violation("dangling-word", row.kind, row.id, row.name, last))
    return found


def persons_ending_in_headline_verbs(rows: Iterable[Row]) -> list[Violation]:
    """No person's name ends in a headline verb ("Blinken Travels")."""
    found = []
    for row in rows:
        words = _words(row.name)
        if row.kind == "person" and len(words) > 1 and words[-1].casefold() in HEADLINE_VERBS:
            found.append(Violation("headline-verb", row.kind, row.id, row.name, words[-1]))
    return found


def persons_with_titles(rows: Iterable[Row]) -> list[Violation]:
    """No person's canonical name starts with a title ("Secretary Blinken", "President Biden")."""
    found = []
    for row in rows:
        words = _words(row.name)
        if row.kind == "person" and len(words) > 1 and words[0].casefold() in PERSON_TITLES:
            found.append(Violation("title-in-name", row.kind, row.id, row.name, words[0]))
    return found


def shared_name_keys(rows: Iterable[Row]) -> list[Violation]:
    """No two entities of one kind share a ``name_key``: the archive resolves by it."""
    by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_key[row.kind, name_key(row.name)].append(row)
    found = []
    for (_kind, key), same in by_key.items():
        if len(same) > 1:
            others = ", ".join(f"{r.id} {r.name!r}" for r in same[1:])
            first = same[0]
            found.append(
                Violation("shared-key", first.kind, first.id, first.name, f"{key!r}: {others}")
            )
    return found


def aliases_naming_others(rows: Iterable[Row]) -> list[Violation]:
    """No alias of one entity is (by ``name_key``) the canonical name of another of its kind."""
    rows = list(rows)
    owner: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        owner[row.kind, name_key(row.name)].append(row)
    found = []
    for row in rows:
        for alias in row.aliases:
            key = name_key(alias)
            others = [o for o in owner.get((row.kind, key), ()) if o.id != row.id]
            if key and others:
                names = ", ".join(f"{o.id} {o.name!r}" for o in others)
                found.append(
                    Violation("alias-of-another", row.kind, row.id, row.name, f"{alias!r}: {names}")
                )
    return found


def unresolved_surnames(rows: Iterable[Row]) -> list[Violation]:
    """No one-word person is the surname of a fuller person named in the same article.

    "Blinken" beside "Antony J. Blinken" in one article is the same man: the short
    form should have resolved to the full name, not made a record of its own.
    """
    persons = [row for row in rows if row.kind == "person"]
    by_surname: dict[str, list[Row]] = defaultdict(list)
    for row in persons:
        words = name_key(row.name).split()
        if len(words) > 1:
            by_surname[words[-1]].append(row)
    found = []
    for row in persons:
        words = name_key(row.name).split()
        if len(words) != 1:
            continue
        fuller = [o for o in by_surname.get(words[0], ()) if o.articles & row.articles]
        if fuller:
            names = ", ".join(f"{o.id} {o.name!r}" for o in fuller[:3])
            found.append(Violation("lone-surname", row.kind, row.id, row.name, names))
    return found


def partial_person_names(rows: Iterable[Row]) -> list[Violation]:
    """No person's name is a run of words of a fuller person's name in the same article.

    "Retno" beside "Retno Marsudi", "Martínez Fernández" beside "Pedro Orlando
    Martínez Fernández": a part that should have resolved to the whole; or the fuller
    name is the wrong one ("Heiko Maas Opening" beside "Heiko Maas"). Either way one
    of the two records should not exist. (A lone surname, the commonest case, is
    ``unresolved_surnames``'s.)
    """
    persons = [(row, tuple(name_key(row.name).split())) for row in rows if row.kind == "person"]
    found = []
    for row, words in persons:
        if not words:
            continue
        fuller = [
            other
            for other, longer in persons
            if len(longer) > len(words)
            and not (len(words) == 1 and longer[-1] == words[0])
            and _runs_within(words, longer)
            and other.articles & row.articles
        ]
        if fuller:
            names = ", ".join(f"{o.id} {o.name!r}" for o in fuller[:3])
            found.append(Violation("partial-name", row.kind, row.id, row.name, names))
    return found


def _runs_within(words: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    size = len(words)
    return any(longer[at : at + size] == words for at in range(len(longer) - size + 1))


# Words that name a kind of event, not one event: a name made only of them (and
# ordinals, years, function words) does not say which event it is.
GENERIC_EVENT_WORDS = frozenset(
    [
        "agreement",
        "annual",
        "anniversary",
        "bilateral",
        "civil",
        "commercial",
        "conference",
        "consent",
        "consular",
        "consultative",
        "convention",
        "defense",
        "dialogue",
        "emergency",
        "event",
        "forum",
        "high",
        "international",
        "leaders",
        "level",
        "meeting",
        "meetings",
        "ministerial",
        "official",
        "partnership",
        "protocol",
        "public",
        "regional",
        "session",
        "society",
        "special",
        "strategic",
        "summit",
        "talks",
        "treaty",
        "visit",
        "working",
    ]
)
_ORDINAL = re.compile(r"^(\d+(st|nd|rd|th)?|first|second|third|fourth|fifth|ninth|tenth)$")


def generic_event_names(rows: Iterable[Row]) -> list[Violation]:
    """No event's name is only generic words ("Special Session", "Consultative Meeting")."""
    found = []
    for row in rows:
        if row.kind != "event":
            continue
        words = [w.casefold() for w in _words(row.name)]
        meaningful = [w for w in words if w not in FUNCTION_WORDS and not _ORDINAL.match(w)]
        if meaningful and all(w in GENERIC_EVENT_WORDS for w in meaningful):
            found.append(Violation("generic-event", row.kind, row.id, row.name))
    return found


def persons_named_by_phrases(rows: Iterable[Row]) -> list[Violation]:
    """No person's name is a title-cased phrase of English words ending in a plural or a
    participle ("Immigrant Visas", "Coastal Dead Zones", "Defending Democratic Values")."""
    from archive.extraction.screen import common_words

    common = common_words()
    found = []
    for row in rows:
        words = row.name.split()
        if row.kind != "person" or len(words) < 2:
            continue
        if not all(w[:1].isupper() and w[1:].islower() and w.lower() in common for w in words):
            continue
        if words[-1].endswith(("s", "ing")) or words[0].endswith(("s", "ing")):
            found.append(Violation("phrase-person", row.kind, row.id, row.name))
    return found


CHECKS: dict[str, Callable[[Sequence[Row]], list[Violation]]] = {
    "markup": markup_in_names,
    "no-letters": names_without_letters,
    "no-capital": names_without_capitals,
    "dangling-word": dangling_function_words,
    "headline-verb": persons_ending_in_headline_verbs,
    "title-in-name": persons_with_titles,
    "shared-key": shared_name_keys,
    "alias-of-another": aliases_naming_others,
    "lone-surname": unresolved_surnames,
    "partial-name": partial_person_names,
    "generic-event": generic_event_names,
    "phrase-person": persons_named_by_phrases,
}


def run_checks(rows: Sequence[Row]) -> dict[str, list[Violation]]:
    """Every check's violations, by check name."""
    return {name: check(rows) for name, check in CHECKS.items()}


def rows_from_db() -> list[Row]:
    """The archive's entities of every kind as ``Row``s (needs Django set up)."""
    from archive.models.kinds import ENTITY_KINDS

    rows = []
    for kind in ENTITY_KINDS.values():
        aliases: dict[int, list[str]] = defaultdict(list)
        for owner, alias in kind.alias_model.objects.values_list(kind.name, "name"):
            aliases[owner].append(alias)
        articles: dict[int, set[int]] = defaultdict(set)
        for owner, article in kind.mention_model.objects.values_list(kind.name, "article"):
            articles[owner].add(article)
        for pk, name in kind.model.objects.order_by("pk").values_list("pk", "name"):
            rows.append(
                Row(kind.name, pk, name, tuple(sorted(aliases[pk])), frozenset(articles[pk]))
            )
    return rows
