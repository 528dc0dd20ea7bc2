"""One record per entity across the archive.

The extractor resolves names within one article; these rules find the stored
records of one person or organisation that several articles created under
different names, and fold them into one (``fold_duplicates``). Each rule asks
for evidence that names a single candidate: a lone surname shared by two
stored people stays its own record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from django.db.models import Count, Q

from archive.extraction.given_names import short_form_of
from archive.extraction.lexicon import (
    HONORIFICS,
    PARTICLES,
    SPOUSE_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    words,
)
from archive.extraction.normalize import edit_distance, name_key
from archive.extraction.patterns import BARE_ACRONYM_RE
from archive.extraction.reference import load_gazetteer
from archive.extraction.types import ExtractedEntity
from archive.models import (
    ENTITY_KINDS,
    AcronymDefinition,
    Event,
    EventAlias,
    Organisation,
    PersonRole,
)
from archive.signals import articles_changed

from .bulk import insert_rows
from .editing import merge_entities
from .entity_keys import (
    TRAILING_YEAR,
    event_identity,
    initials,
    organisation_key,
    place_key,
)

_QUERY_CHUNK = 100
_ROMAN = re.compile(r"^[ivx]+$")
_PARTICLES = frozenset(name_key(word) for word in PARTICLES) | {"abu", "ibn", "bint"}


@functools.cache
def _leader_ids() -> dict[str, frozenset[str]]:
    """Each spelling the reference leaders data gives, by key: the leaders it names."""
    ids: dict[str, set[str]] = {}
    for leader in load_gazetteer().leaders.values():
        for name in (leader.name, *leader.aliases):
            ids.setdefault(name_key(name), set()).add(leader.id)
    return {key: frozenset(found) for key, found in ids.items()}


def _one_leader(key: str) -> str | None:
    found = _leader_ids().get(key, ())
    return next(iter(found)) if len(found) == 1 else None


# Every batch's folding reads every stored name: the pure functions on names remember.
@functools.lru_cache(maxsize=200_000)
def person_words(name: str) -> tuple[str, ...]:
    """The keys of a person's name's words.

    Words are split on white space only, so a hyphenated surname stays one
    word: ``Marcia Adams-Allen`` → ``("marcia", "adams allen")``; a Hindi
    honorific glued on is left out (``Rajnath Singh-ji``).
    """
    keys = (name_key(_HONORIFIC_SUFFIX.sub("", word)) for word in name.split())
    return tuple(key for key in keys if key)


# A Hindi honorific glued on after a name ("Rajnath Singh-ji"): no part of it.
_HONORIFIC_SUFFIX = re.compile(r"(?<=\w)-ji$", re.IGNORECASE)


# Titles in front of a given name, not a surname: "Pope Francis" is no Francis by surname.
_REGNAL_TITLES = frozenset(
    name_key(word)
    for word in words(
        """King Queen Emperor Empress Prince Princess Crown Sheikh Sheikha Shaikh Emir
        Amir Sultan Pope Cardinal Patriarch Archbishop Bishop Imam Rabbi Mufti Mullah Maulawi
        Haji Hajji Sayyid Sir Dame Lord Lady Saint St"""
    )
)
_TITLES = (
    frozenset(name_key(word) for word in TITLE_HEADS | HONORIFICS | TITLE_MODIFIERS)
    - _REGNAL_TITLES
    - {""}
) | {"councilor", "councillor"}  # "State Councilor Wang"
# Words of courtesy: a name after one is a surname, but they name no office.
_COURTESY = frozenset(name_key(word) for word in HONORIFICS) - _REGNAL_TITLES
# A generation after a name ("Lloyd J. Austin III", "Jr."): not its surname.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LONG_TITLES = tuple(title for title in _TITLES if len(title) >= 8)


def _is_title(key: str) -> bool:
    """A title's key, or a long title's misspelt (``_misspelt_title``)."""
    if key in _TITLES:
        return True
    return len(key) >= 7 and any(_misspelt_title(title, key) for title in _LONG_TITLES)


def _misspelt_title(title: str, key: str) -> bool:
    """A long title written a letter off (``Mininster``), without its first letter
    (``Ecretary``: a transcript's speaker label cut), or with a Romance ending for
    its last letter (``Secretario``, ``Secretaria``)."""
    if key == title[1:]:
        return True
    if title[0] != key[0]:
        return False
    if len(title) >= 9 and len(key) == len(title) + 1 and key.startswith(title[:-1]):
        return True
    return len(key) >= 8 and edit_distance(title, key, 1) <= 1


@functools.lru_cache(maxsize=200_000)
def name_words(name: str) -> tuple[str, ...]:
    """A person's name's words without the titles glued on before it
    (``Rep Malley`` → ``("malley",)``), as ``person_words`` gives them; a name
    that is only titles, or starts with a title given names follow (``Pope
    Francis``, ``King Abdullah``), keeps its words."""
    words = person_words(name)
    if not words or words[0] in _REGNAL_TITLES:
        return words
    if len(words) > 2 and words[-1] in GENERATIONS:
        words = words[:-1]  # "Lloyd J. Austin III" is an Austin
    start = 0
    while start < len(words) - 1 and _is_title(words[start]):
        start += 1
    return words[start:]


# Titles kept for life, which no later office contradicts: "Amb. Nuland" may be
# the Under Secretary.
_FOR_LIFE = frozenset({"amb", "ambassador", "ambassadors"})
# The words of a title that name the office ("Minister" of "Vice Foreign Minister").
_HEADS = (frozenset(name_key(word) for word in TITLE_HEADS) - _REGNAL_TITLES - _FOR_LIFE - {""}) | {
    "councilor",
    "councillor",
}
# Offices written short: "Sec. Nuland" is "Secretary Nuland".
_SHORT_TITLES = {
    "sec": "secretary",
    "min": "minister",
    "pres": "president",
    "dir": "director",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "rep.": "representative",
}


def known_offices(aliases: Iterable[str]) -> set[str]:
    """The offices these forms of a person's name put before it, whichever word of
    it follows (``Foreign Minister Marta Lucia Ramirez``, ``Ambassador Kim``)."""
    found = set()
    for alias in aliases:
        words = person_words(alias)
        if words and words[0] in _REGNAL_TITLES:
            continue
        for at in range(len(words) - 1):
            title, after = words[at], words[at + 1]
            if _is_title(title) and title not in _COURTESY | _FOR_LIFE and not _is_title(after):
                found.add(_SHORT_TITLES.get(title, title))
    return found


def title_heads(word: str, aliases: Iterable[str]) -> set[str]:
    """The offices a lone name's aliases put right before it: ``{"minister"}`` for
    ``Kim`` known as ``Vice Minister Kim``. A word of courtesy (``Mr. Kim``) names
    no office; a title such as ``Pope`` makes it a given name (``given_name_by_title``)."""
    return {
        _SHORT_TITLES.get(title, title)
        for title in _titles_before(word, aliases)
        if title not in _COURTESY | _FOR_LIFE
    }


def by_surname(word: str, aliases: Iterable[str]) -> bool:
    """Whether a lone name is used as a surname: a title or a word of courtesy
    stands before it in one of its aliases (``Secretary Austin``, ``Mr. Kim``),
    and no title such as ``Pope`` (which makes it a given name)."""
    return any(_titles_before(word, aliases))  # titles are words, never empty


def _titles_before(word: str, aliases: Iterable[str]) -> Iterator[str]:
    """The title word right before ``word`` at the end of each alias, where no title
    such as ``Pope`` opens the alias."""
    for alias in aliases:
        words = person_words(alias)
        if (
            len(words) >= 2
            and words[-1] == word
            and _is_title(words[-2])
            and words[0] not in _REGNAL_TITLES
        ):
            yield words[-2]


def titled_before(word: str, aliases: Iterable[str]) -> bool:
    """Whether an office stands right before ``word`` in one of these forms, at
    the end or not: ``Foreign Minister Wang``, ``Foreign Minister Wang Yi``,
    ``Foreign Minister Retno Marsudi``: the word is what a title calls them by."""
    for alias in aliases:
        words = person_words(alias)
        if words and words[0] in _REGNAL_TITLES:
            continue
        for at in range(1, len(words)):
            if words[at] == word and _is_title(words[at - 1]) and words[at - 1] not in _COURTESY:
                return True
    return False


def given_name_only(name: str, aliases: Iterable[str], word: str) -> bool:
    """Whether ``word`` is only the given name of the stored person ``name``
    (known by ``aliases``): it starts the name, no other word of it, and no
    office stands before it in any of their forms (``titled_before``: a name
    written surname first, ``Wang Yi`` known as ``Foreign Minister Wang Yi``, or
    ``Foreign Minister Retno``, called by her given name, are known so)."""
    words = name_words(name)
    return (
        len(words) > 1
        and words[0] == word
        and word not in words[1:]
        and not titled_before(word, (name, *aliases))
    )


def given_name_by_title(word: str, aliases: Iterable[str]) -> bool:
    """Whether a lone name is a given name by a title its aliases put before it
    (``Francis`` known as ``Pope Francis``): it names no one by their surname."""
    for alias in aliases:
        words = person_words(alias)
        if len(words) >= 2 and words[-1] == word and words[-2] in _REGNAL_TITLES:
            return True
    return False


def _edits_allowed(a: str, b: str) -> int:
    """Letters two spellings of one name may differ by: none when short."""
    shorter = min(len(a), len(b))
    return 0 if shorter < 5 else 1 if shorter < 10 else 2


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name: equal, or a few letters apart for their length."""
    if a == b:
        return True
    limit = _edits_allowed(a, b)
    return limit > 0 and a[0] == b[0] and edit_distance(a, b, limit) <= limit


def _same_given_name(a: str, b: str) -> bool:
    """``Elizabeth``/``Liz`` (a known short form), ``Benjamin``/``Ben`` (a prefix)."""
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    return short_form_of(a, b) or (len(short) >= 3 and full.startswith(short))


def same_person(a: str, b: str) -> bool:
    """Whether two many-word names are one person's, by a conservative rule.

    The same two words reversed (``Kishida Fumio``); a regnal name spelt two
    ways (``Mohamed VI``/``Mohammed VI``); the same surname with given names
    that are equal, a short form of each other or a prefix; one given name and
    two spellings of the surname a letter or two apart (``Zelensky``/
    ``Zelenskyy``); a patronymic with and without the family's name after it
    (``Khalid bin Salman [Al Saud]``, ``_family_tail``); two spellings the
    reference leaders data gives one leader.
    Middle names and initials must agree when both names have some
    (``George H. W. Bush`` is not ``George W. Bush``; ``Brian P. McKeon`` is
    ``Brian McKeon``).
    """
    x, y = person_words(a), person_words(b)
    if len(x) < 2 or len(y) < 2:
        return False
    if x == y:
        return True
    leader = _one_leader(name_key(a))
    if leader is not None and leader == _one_leader(name_key(b)):
        return True
    # A generation one name gives and the other leaves out (``Lloyd J. Austin III``,
    # ``Lloyd Austin``); two that differ are two people (a father and his son).
    gx, gy = _generation(x), _generation(y)
    if gx and gy and gx != gy:
        return False
    x, y = x[: len(x) - bool(gx)], y[: len(y) - bool(gy)]
    if x == y or _same_name_words(x, y) or _transliterated(x, y):
        return True
    if _family_tail(x, y) or _family_tail(y, x):
        return True
    jx, jy = _articles_joined(x), _articles_joined(y)
    return (jx, jy) != (x, y) and (jx == jy or _transliterated(jx, jy))


# The Arabic article, written apart or joined by a hyphen to the next word
# (``Al Nahyan``, ``Al-Nuhayyan``).
_ARABIC_ARTICLES = frozenset({"al", "el"})


def _articles_joined(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name with an article written apart joined to the word after it,
    as a hyphen joins it: ``Al Owais`` and ``Al-Owais`` are one word, ``al owais``."""
    if not _ARABIC_ARTICLES.intersection(words[:-1]):
        return words
    out: list[str] = []
    for word in words:
        if out and out[-1] in _ARABIC_ARTICLES:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return tuple(out)


# A patronymic's particle: "Khalid bin Salman" is Khalid, son of Salman.
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})


def _patronymic(words: tuple[str, ...]) -> bool:
    """A given name, a particle and the father's name (``Khalid bin Salman``)."""
    return len(words) >= 3 and words[-2] in _PATRONYMIC


def _without_family(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A patronymic name without the family's name after it (``Khalid bin Salman
    Al Saud`` → ``Khalid bin Salman``), or None: no such name and tail."""
    for size in (1, 2):
        head, tail = words[:-size], _articles_joined(words[-size:])
        if (
            _patronymic(head)
            and len(tail) == 1
            and tail[0].partition(" ")[0] in _ARABIC_ARTICLES
            and tail[0].partition(" ")[2]
        ):
            return head
    return None


def _family_tail(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """``y`` is the patronymic ``x`` with the family's name after it: ``Khalid bin
    Salman`` and ``Khalid bin Salman Al Saud`` (or ``Al-Saud``), the one written
    with and without the dynasty, its patronymic maybe transliterated otherwise
    (``Mohamed bin Zayed``); not ``Khalid bin Sultan Al Saud``."""
    if not _patronymic(x) or len(y) <= len(x):
        return False
    head = _without_family(y)
    return head is not None and (head == x or _transliterated(x, head))


def _last_word(words: tuple[str, ...]) -> str:
    """The last word of a name, an article before it left out (``al nuhayyan``,
    ``Al Nahyan``: ``nahyan``)."""
    last = words[-1]
    if len(words) > 1 and words[-2] in _ARABIC_ARTICLES:
        return last
    head, _, rest = last.partition(" ")
    return rest if head in _ARABIC_ARTICLES and rest else last


_VOWELS_AFTER_FIRST = re.compile(r"(?<=\w)[aeiouy]")


def _skeleton(word: str) -> str:
    """A word's consonants, doubled letters once: ``Mohammad``, ``Mohammed`` and
    ``Muhammad`` are ``mhmd``."""
    return _DOUBLED.sub(r"\1", _VOWELS_AFTER_FIRST.sub("", word))


def _transliterated(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two transliterations of a name of three words or more, one of them the
    same in both and the others differing only in vowels inside them (``Ahmad
    Nasser Al-Mohammad Al-Sabah`` = ``Ahmed Nasser Al-Mohammed Al-Sabah``); an
    ending that differs marks another name (``Maria``/``Mario``), and shorter
    names say too little."""
    if len(x) != len(y) or len(x) < 3 or not set(x) & set(y):
        return False
    return all(
        a[0] == b[0] and a[-1] == b[-1] and _skeleton(a) == _skeleton(b)
        for a, b in zip(x, y, strict=True)
    )


def _generation(words: tuple[str, ...]) -> str:
    return words[-1] if len(words) > 2 and words[-1] in GENERATIONS else ""


def _same_name_words(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """``same_person`` on the words of two names, the reference data left out.

    Besides the rules there: a given name spelt two ways (``Sergei``/``Sergey``
    Gorkov, ``Staffan``/``Stefan`` de Mistura, ``_spelt_alike``); a short form
    beside the full name with middle initials (``Dan``/``Daniel J.``
    Kritenbrink, ``Anthony``/``Antony J.`` Blinken); a middle initial beside
    the middle name (``Bonnie D.``/``Bonnie Denise`` Jenkins); a surname
    with two letters swapped (``Claude Joesph``); a middle name one of two
    names of three words or more leaves out (``Camila [Antonia] Ortega
    Murillo``; not an initial: ``George [H.] W. Bush``, nor a particle:
    ``Mohammed bin [Nayef bin] Salman``).
    """
    if len(x) == len(y) == 2 and x == y[::-1]:
        return True
    if x[1:-1] and y[1:-1] and x[1:-1] != y[1:-1]:
        if x[0] == y[0] and x[-1] == y[-1] and _initials_agree(x[1:-1], y[1:-1]):
            return True
        return _middle_name_left_out(x, y)
    if _ROMAN.match(x[-1]) or _ROMAN.match(y[-1]):
        return x[-1] == y[-1] and len(x) == len(y) == 2 and _similar(x[0], y[0])
    if x[-1] == y[-1]:
        if x[0] == y[0]:
            return True
        if x[1:-1] == y[1:-1]:
            return _same_given_name(x[0], y[0]) or _spelt_alike(x[0], y[0])
        # A short form with a middle name left out may be someone else; with
        # middle initials left out it is the same (Dan / Daniel J. Kritenbrink).
        middles = x[1:-1] + y[1:-1]
        return all(len(word) == 1 for word in middles) and (
            _same_given_name(x[0], y[0]) or _spelt_alike(x[0], y[0])
        )
    return x[0] == y[0] and (_similar(x[-1], y[-1]) or _swapped(x[-1], y[-1]))


_DOUBLED = re.compile(r"(\w)\1")


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one given name: ``y`` for ``i`` (``Hady``/``Hadi``,
    ``Sergey``/``Sergei``, ``Sofiya``/``Sofia``), or, from six letters, a letter doubled or changed
    away from the first letter and the ending (``Staffan``/``Stefan``,
    ``Binyamin``/``Benyamin``); an ending that differs marks another name
    (``Maria``/``Mario``, ``Francis``/``Frances``)."""
    a, b = a.replace("y", "i").replace("ii", "i"), b.replace("y", "i").replace("ii", "i")
    if a == b:
        return True
    if min(len(a), len(b)) < 6:
        return False
    a, b = _DOUBLED.sub(r"\1", a), _DOUBLED.sub(r"\1", b)
    return a[0] == b[0] and a[-2:] == b[-2:] and edit_distance(a, b, 1) <= 1


def _initials_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Middle names word for word equal or one the other's initial (``Bonnie D.`` /
    ``Bonnie Denise Jenkins``; ``H. W.`` is not ``W.``)."""
    return len(x) == len(y) and all(
        a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]) for a, b in zip(x, y, strict=True)
    )


def _middle_name_left_out(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """The shorter name (three words or more) is the longer one without some
    middle names, none of them an initial or a particle."""
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) < 3 or shorter[0] != longer[0] or shorter[-1] != longer[-1]:
        return False
    extra = list(longer[1:-1])
    for word in shorter[1:-1]:
        if word not in extra:
            return False
        at = extra.index(word)
        if any(len(w) == 1 or w in _PARTICLES for w in extra[:at]):
            return False
        del extra[: at + 1]
    return all(len(w) > 1 and w not in _PARTICLES for w in extra)


def given_names_agree(a: str, b: str, *, alias: str) -> bool:
    """Whether two many-word names an alias links may be one person's.

    ``alias`` is the surname, bare or after a title (``Chung``, ``Foreign
    Minister Chung``): the longest ending of its words both names contain.
    The given names are the words before it, or after it when a name starts
    with it (``Chung Eui-yong``); they must agree (``_same_given_names``):
    ``Julie J. Chung`` is not ``Chung Eui-yong``, ``Mohammed Al Thani`` may be
    ``Mohammed bin Abdulrahman Al Thani``, ``S. Jaishankar`` is
    ``Subrahmanyam Jaishankar``. A name that is only the surname has no given
    names to disagree; names not both containing it must be ``same_person``.
    """
    if same_person(a, b):
        return True
    x, y = person_words(a), person_words(b)
    words = person_words(alias)
    for start in range(len(words)):
        surname = words[start:]
        given_x, given_y = _given_names(x, surname), _given_names(y, surname)
        if given_x is not None and given_y is not None:
            return _same_given_names(given_x, given_y)
    return False


def _same_given_names(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Given names of one person: one set ends the other (``M. Nasser``, ``Nasser``;
    a title glued on, ``Designate Marta``), or the first agree and, unless they are
    equal, so do the middle ones: one may leave out middle initials (``Tony
    Blinken``, ``Antony J. Blinken``), not a middle name (``Matt Lee`` is not
    ``Matthew Russell Lee``)."""
    shorter, longer = sorted((x, y), key=len)
    if longer[len(longer) - len(shorter) :] == shorter:
        return True
    if not _same_first_name(x[0], y[0]):
        return False
    if x[0] == y[0] or x[1:] == y[1:]:
        return not (x[1:] and y[1:]) or x[1:] == y[1:]
    # A short form beside the full name with its middle initials (Tony Blinken,
    # Antony J. Blinken); a middle name written out is part of how one is called.
    return not (x[1:] and y[1:]) and all(len(word) == 1 for word in x[1:] + y[1:])


def _same_first_name(a: str, b: str) -> bool:
    """A short form, prefix, ending (``Toria``) or initial of the other, or a misspelling."""
    if _same_given_name(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, full = sorted((a, b), key=len)
    if len(short) >= 4 and full.endswith(short):
        return True
    return _similar(a, b) or _swapped(a, b)


def _swapped(a: str, b: str) -> bool:
    """Two letters side by side swapped (``Brain``/``Brian``)."""
    if len(a) != len(b) or len(a) < 4:
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]]


def _given_names(words: tuple[str, ...], surname: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words before the surname, or after it when the name starts with it; None: not in."""
    size = len(surname)
    if words[len(words) - size :] == surname:
        return words[: len(words) - size]
    if words[:size] == surname:
        return words[size:]
    for start in range(1, len(words) - size):
        if words[start : start + size] == surname:
            return words[:start]
    return None


def is_compound_of_names(alias: str, name: str) -> bool:
    """``Zelenskyy-Putin`` for Putin: a hyphenated pair naming him and someone else.

    Never an alias of either: a word of the alias joins, by a hyphen, a word of
    the entity's name to a capitalised word its name lacks.
    """
    own = {name_key(word) for word in re.split(r"[\s-]+", name)}
    own_tokens = {name_key(word) for word in name.split()}
    for token in alias.split():
        parts = [part for part in token.split("-") if part]
        if len(parts) < 2 or name_key(token) in own_tokens:
            continue
        keys = [name_key(part) for part in parts]
        strangers = [
            part
            for part, key in zip(parts, keys, strict=True)
            if key not in own and part[0].isupper()
        ]
        if any(key in own for key in keys) and any(len(part) > 2 for part in strangers):
            return True
    return False


def fold_into_full_names(items: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """One article's people: a part of a fuller name joins the full name it ends or starts.

    ``Lavrov`` joins ``Sergey Lavrov``, ``Al Thani`` joins ``Mohammed bin
    Abdulrahman Al Thani`` when he is the only person of the article whose name
    ends with those words (or, failing that, starts with them: ``Retno``, ``Retno
    Marsudi``); with two candidates it stays as it is. Titles glued on before a
    name and a generation after it count for nothing (``name_words``):
    ``Councilor Wang`` joins ``Wang Yi``, ``Austin`` joins ``Lloyd J. Austin III``.
    """
    if len(items) < 2:
        return items
    words = {id(item): name_words(item.name) for item in items}
    longest = max(len(w) for w in words.values())
    if all(len(w) == longest for w in words.values()):
        return items
    copies = {id(item): replace(item, aliases=set(item.aliases)) for item in items}
    # Longest names first, so that a name's target has found its own already.
    order = sorted(items, key=lambda item: -len(words[id(item)]))
    into: dict[int, ExtractedEntity] = {}
    for item in order:
        mine = words[id(item)]
        # A lone name after a title ("Secretary Austin") is a surname, not the
        # given name that starts "Austin Tice".
        surname = len(mine) == 1 and by_surname(mine[0], {item.name, *item.aliases})
        others = [(words[id(o)], o) for o in items if o is not item]
        if surname and title_heads(mine[0], {item.name, *item.aliases}):
            # "President Moise" is not the one called "First Lady Martine Moise".
            others = [(w, o) for w, o in others if not _spouse_only(o)]
        target = _fuller_name(mine, others, given=not surname)
        if target is None:
            target = _inner_name(mine, item, others, surname=surname)
        if target is None:
            continue
        final = into.get(id(target), copies[id(target)])
        into[id(item)] = final
        final.aliases = {*final.aliases, item.name, *item.aliases}
        final.count += item.count
        offsets = [o for o in (final.first_offset, item.first_offset) if o is not None]
        final.first_offset = min(offsets) if offsets else None
        final.roles = [*final.roles, *(r for r in item.roles if r not in final.roles)]
    return [copies[id(item)] for item in items if id(item) not in into]


def _fuller_name(
    mine: tuple[str, ...],
    others: list[tuple[tuple[str, ...], ExtractedEntity]],
    *,
    given: bool = True,
):
    """The one fuller name ending with ``mine`` (else starting with it), or None.

    ``given``: False when ``mine`` is used as a surname (``Secretary Austin``);
    then it joins a name it starts only if the article gives that name an office
    too (``Foreign Minister Wang Yi``, ``Foreign Minister Retno Marsudi``), not
    a name without one (``Austin Tice``).
    """
    if not mine:
        return None
    size = len(mine)
    for part in (slice(-size, None), slice(0, size)):
        found = [
            o
            for words, o in others
            if len(words) > size
            and words[part] == mine
            and (
                given or part.start != 0 or o.roles or titled_before(mine[0], {o.name, *o.aliases})
            )
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _spouse_only(item: ExtractedEntity) -> bool:
    """Whether every role the article gives this person is a spouse's (``First Lady``)."""
    return bool(item.roles) and all(name_key(role) in SPOUSE_TITLES for role in item.roles)


def _inner_name(
    mine: tuple[str, ...],
    item: ExtractedEntity,
    others: list[tuple[tuple[str, ...], ExtractedEntity]],
    *,
    surname: bool,
):
    """The one fuller name of the article with ``mine`` inside it, or None.

    A patronymic without the given name (``Bin Zayed`` of ``Mohammed bin Zayed
    Al Nahyan``); a surname after a title (``Governor Sonko``) that is a word
    inside a long name (``Mike Sonko Gidion Mbuvi Kioko``) or ends a shorter
    form of it (``Riek Machar`` of ``Riek Machar Teny Dhurgon``), when the
    article gives both the same office: a middle name called by a title of
    someone else's stays apart.
    """
    if mine and mine[0] in _PATRONYMIC and len(mine) >= 2:
        size = len(mine)
        found = [
            o
            for words, o in others
            if any(words[at : at + size] == mine for at in range(1, len(words) - size + 1))
        ]
    elif surname and len(mine) == 1:
        offices = _offices(item, mine[0])
        found = [
            o
            for words, o in others
            if len(words) >= 3
            and (
                mine[0] in words[1:-1] or any(name_words(alias)[-1:] == mine for alias in o.aliases)
            )
            and offices & _offices(o)
        ]
    else:
        return None
    return found[0] if len(found) == 1 else None


def _offices(item: ExtractedEntity, word: str = "") -> set[str]:
    """The offices an article gives a person: its roles' heads (``First Vice
    President`` → ``president``), and the titles before ``word`` in its forms."""
    found = {w for role in item.roles for w in person_words(role) if w in _HEADS}
    found |= known_offices(item.aliases)
    if word:
        found |= title_heads(word, {item.name, *item.aliases})
    return found


def fold_duplicates(scope: dict[str, Iterable[int]] | None = None) -> set[int]:
    """Merge the stored people, organisations and events the rules above say are one.

    ``scope``: the pks (by kind) whose duplicates are sought; None: all of them.
    The survivor is the editors' (a name changed or an entity added in the
    admin), else the fullest usual name (``_survivor_rank``); the others are merged into it as an
    editor would merge them (aliases, mentions, roles, a redirect from their
    pages). Returns the ids of the articles whose entities changed.
    """
    changed: set[int] = set()
    for kind_name, groups in (
        ("person", _person_groups),
        ("organisation", _organisation_groups),
        ("event", _event_groups),
        ("place", _place_groups),
    ):
        model = ENTITY_KINDS[kind_name].model
        # Events are told apart by their year too, organisations by their acronym.
        extra = {"event": "year", "organisation": "acronym"}.get(kind_name)
        if extra:
            rows = {
                pk: (name, more)
                for pk, name, more in model.objects.values_list("pk", "name", extra)
            }
        else:
            rows = dict(model.objects.values_list("pk", "name"))
        wanted = set(rows) if scope is None else set(scope.get(kind_name, ())) & set(rows)
        if not wanted:
            continue
        found = groups(rows, wanted)
        if not found:
            continue
        edited = edited_by_editors(model, {pk for group in found for pk in group})
        counts = dict(
            model.objects.filter(pk__in={pk for group in found for pk in group})
            .annotate(n=Count("mentions"))
            .values_list("pk", "n")
        )
        names = {pk: row[0] for pk, row in rows.items()} if extra else rows
        for group in found:
            survivor = min(
                group, key=lambda pk: _survivor_rank(pk, names, edited, counts, kind_name)
            )
            entities = model.objects.in_bulk(group)
            others = [entities[pk] for pk in group if pk != survivor and pk in entities]
            if survivor in entities and others:
                changed.update(merge_entities(survivor=entities[survivor], others=others))
    return changed


def _survivor_rank(
    pk: int, rows: dict[int, str], edited: set[int], counts: dict[int, int], kind: str = "person"
):
    """The editors' first; then, for a person, the reference spelling and the
    fullest name (titles glued on before it left out); for an organisation
    the usual form, the most mentioned (``U.S. Embassy`` before ``United
    States Embassy``, ``Government of Yemen`` before a stray ``Republic of
    Yemen Governments``), never a bare acronym beside its name in full; for
    an event the fullest name."""
    name = rows[pk]
    if kind == "organisation":
        return (
            pk not in edited,
            is_bare_acronym(name),
            -counts.get(pk, 0),
            -len(name.split()),
            -len(name),
            pk,
        )
    if kind == "event":
        return (pk not in edited, -len(name.split()), -counts.get(pk, 0), -len(name), pk)
    if kind == "place":
        return (pk not in edited, -counts.get(pk, 0), len(name), pk)
    leader = _one_leader(name_key(name))
    canonical = leader is not None and name_key(load_gazetteer().leaders[leader].name) == (
        name_key(name)
    )
    return (
        pk not in edited,
        not canonical,
        -len(name_words(name)),
        -counts.get(pk, 0),
        -len(name),
        pk,
    )


def edited_by_editors(model, pks: set[int]) -> set[int]:
    """Entities an editor added or renamed in the admin (its change log says so)."""
    from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in pks],
        action_flag__in=[ADDITION, CHANGE],
    ).values_list("object_id", "action_flag", "change_message")
    edited = set()
    for object_id, flag, message in entries:
        if flag == ADDITION or '"name"' in (message or "").casefold():
            edited.add(int(object_id))
    return edited


# Events that happen once, whatever year an article's context gave their record.
_ONE_OFF_KINDS = frozenset({"agreement", "war"})


def _event_groups(rows: dict[int, tuple[str, int | None]], wanted: set[int]) -> list[list[int]]:
    """Events with one ``event_identity``, their names' or their aliases' (``COP26``
    joins the ``UN Climate Change Conference`` an article wrote it beside, in
    its year); an agreement or a war has no editions, so only a year written
    in its name tells two apart (``Abraham Accord`` of a 2021 article =
    ``Abraham Accords`` of a 2022 one)."""
    kinds = dict(Event.objects.filter(kind__in=_ONE_OFF_KINDS).values_list("pk", "kind"))

    def identity(pk: int, name: str, year: int | None) -> tuple[str, int | None]:
        if pk in kinds and not TRAILING_YEAR.search(name):
            year = None
        return event_identity(name, year, kinds.get(pk, ""))

    own = {pk: identity(pk, name, year) for pk, (name, year) in rows.items()}
    by_identity: dict[tuple[str, int | None], list[int]] = {}
    for pk, key in own.items():
        by_identity.setdefault(key, []).append(pk)
    # An alias joins the one group whose records' names it is, and only when no
    # other group's record has it too; never a short form of the record's own
    # name ("Strategic Dialogue" of "U.S.-Iraq Strategic Dialogue").
    claims: dict[tuple[str, int | None], set[tuple[str, int | None]]] = {}
    for pk, alias in EventAlias.objects.values_list("event_id", "name"):
        if pk in rows:
            other = identity(pk, alias, rows[pk][1])
            if other != own[pk] and other in by_identity and not ends_name(alias, rows[pk][0]):
                claims.setdefault(other, set()).add(own[pk])
    for other, owners in claims.items():
        if len(owners) == 1 and other in by_identity:
            (owner,) = owners
            if owner in by_identity:
                by_identity[owner].extend(by_identity.pop(other))
    return [
        sorted(pks) for pks in by_identity.values() if len(pks) > 1 and wanted.intersection(pks)
    ]


def _place_groups(rows: dict[int, str], wanted: set[int]) -> list[list[int]]:
    """Places with one ``place_key``."""
    by_key: dict[str, list[int]] = {}
    for pk, name in rows.items():
        by_key.setdefault(place_key(name), []).append(pk)
    return [sorted(pks) for pks in by_key.values() if len(pks) > 1 and wanted.intersection(pks)]


def ends_name(alias: str, name: str) -> bool:
    """Whether an alias is the tail of the name it was found with: a short form
    that names, in another article, whichever event or body that one is about."""
    return name_key(name).endswith(f" {name_key(alias)}")


def _organisation_groups(rows: dict[int, tuple[str, str]], wanted: set[int]) -> list[list[int]]:
    """Names with one key; then a bare acronym joins the one organisation it abbreviates.

    ``NSC`` alone in one article is the ``National Security Council`` another
    article defined it for, when no other stored organisation has that acronym.
    One no article defines joins the one stored organisation whose name's
    initials it is, when some article names both (``_by_initials``).
    """
    by_key: dict[str, list[int]] = {}
    for pk, (name, _acronym) in rows.items():
        by_key.setdefault(organisation_key(name), []).append(pk)
    by_acronym: dict[str, set[str]] = {}
    for name, acronym in rows.values():
        if acronym and not is_bare_acronym(name):
            # "DOD" is the "DoD" another record was defined with.
            by_acronym.setdefault(acronym.casefold(), set()).add(organisation_key(name))
    by_initials = _by_initials(rows, wanted, by_key, by_acronym)
    for pk, (name, _acronym) in rows.items():
        keys = by_acronym.get(name.casefold(), ()) if is_bare_acronym(name) else ()
        if not keys:
            keys = by_initials.get(pk, ())
        if len(keys) == 1:
            (key,) = keys
            bare = organisation_key(name)
            if pk in by_key.get(bare, ()):
                by_key[bare].remove(pk)
            by_key[key].append(pk)
    return [sorted(pks) for pks in by_key.values() if len(pks) > 1 and wanted.intersection(pks)]


def _by_initials(rows, wanted: set[int], by_key: dict[str, list[int]], by_acronym) -> dict:
    """Bare acronyms no article defines (``NSC``), to the key of the one stored
    organisation whose name's initials they are (``National Security Council``),
    when an article names both: pk -> {key}."""
    undefined = {
        pk: name
        for pk, (name, _acronym) in rows.items()
        if is_bare_acronym(name) and name.casefold() not in by_acronym
    }
    if not undefined:
        return {}
    named: dict[str, set[str]] = {}
    for pk, (name, _acronym) in rows.items():
        if pk not in undefined and len(name.split()) > 1 and (found := initials(name)):
            named.setdefault(found, set()).add(organisation_key(name))
    pairs = {
        pk: next(iter(named[name]))
        for pk, name in undefined.items()
        if len(named.get(name, ())) == 1
    }
    # The scope: an acronym it holds, or one whose organisation it holds.
    pairs = {
        pk: key for pk, key in pairs.items() if pk in wanted or wanted.intersection(by_key[key])
    }
    if not pairs:
        return {}
    mentions_of = ENTITY_KINDS["organisation"].mention_model.objects.order_by()
    wanted_pks = set(pairs) | {other for key in pairs.values() for other in by_key[key]}
    mentions = _values_by(mentions_of, "organisation_id", wanted_pks, "article_id")
    articles = {pk: set(found) for pk, found in mentions.items()}
    together = {}
    for pk, key in pairs.items():
        theirs = set().union(*(articles.get(other, set()) for other in by_key[key]))
        if articles.get(pk, set()) & theirs:
            together[pk] = {key}
    return together


def _person_buckets(name: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """``_buckets``, and the one reference leader a name is written for, if any."""
    leader = _one_leader(name_key(name))
    return _buckets(words) if leader is None else (*_buckets(words), f"p:{leader}")


def _buckets(words: tuple[str, ...]) -> tuple[str, ...]:
    """Keys of the names a many-word name may be compared with: its last word's
    first letters (an article before it left out), its words in any order, and,
    from three words, their consonants (transliterations, ``Al Nahyan`` /
    ``Al-Nuhayyan``) and a patronymic without the family's name after it
    (``Khalid bin Salman [Al Saud]``)."""
    keys = (f"l:{_last_word(words)[:2]}", f"s:{' '.join(sorted(words))}")
    if len(words) < 3:
        return keys
    keys = (*keys, f"t:{' '.join(_skeleton(w) for w in _articles_joined(words))}")
    # A patronymic, with or without the family's name after it.
    patronymic = words if _patronymic(words) else _without_family(words)
    if not patronymic:
        return keys
    return (*keys, f"f:{' '.join(_skeleton(w) for w in patronymic)}")


def _person_groups(rows: dict[int, str], wanted: set[int]) -> list[list[int]]:
    """Many-word names that name each other only, then lone words joining them.

    A lone word joins the one group whose names end or start with it (a
    surname, a given name, a surname written first); with two such groups it
    stays its own record. Titles glued on before a name count for nothing
    (``Rep Malley`` is the lone surname ``Malley``, ``name_words``). A lone word
    a title such as ``Pope`` or ``King`` puts before it in its record's aliases
    is a given name that title makes a name of its own (``given_name_by_title``):
    ``King Hussein`` is neither ``Fuad Hussein`` nor ``Hussein Oneissi``, so it
    joins no one; nor does a lone word join a name such a title starts. A lone
    word after another title (``Secretary Austin``) is a surname: it joins no
    name it only starts (``Austin Tice``) unless an office goes before that word
    there too (``Foreign Minister Wang Yi``), or, when no name ends with it,
    some article gives that person an office (``Choi Jong Kun``: a surname
    written first).
    """
    words = {pk: name_words(name) for pk, name in rows.items()}
    # A lone name: one word, or a surname its particles open (``Di Maio``).
    lone = {pk: " ".join(w) for pk, w in words.items() if len(w) == 1 or _particle_surname(w)}
    multi = {pk: w for pk, w in words.items() if len(w) > 1 and pk not in lone}
    # Each name's buckets, worked out once: the names it may be compared with share one.
    own_buckets = {pk: _person_buckets(rows[pk], w) for pk, w in multi.items()}
    buckets: dict[str, set[int]] = {}
    for pk, keys in own_buckets.items():
        for bucket in keys:
            buckets.setdefault(bucket, set()).add(pk)

    def candidates(pk: int) -> set[int]:
        pool = set().union(*(buckets[bucket] for bucket in own_buckets[pk]))
        return {o for o in pool if o != pk and same_person(rows[pk], rows[o])}

    # Lone words the scope asks about: its own, and the last and first words of its names.
    lone_wanted = {pk for pk in wanted if pk in lone}
    scope_words = {
        w
        for pk in wanted
        if pk in multi
        for w in (multi[pk][0], multi[pk][-1], _particle_tail(multi[pk]))
    }
    lone_wanted |= {pk for pk, word in lone.items() if word in scope_words}

    root: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for pk in sorted(pk for pk in wanted if pk in multi):
        if pk in root:
            continue
        mates = candidates(pk)
        # Names every two of which are one person's, and no other's (Rob /
        # Robert / Robert J. Faucher; not George Bush beside George H. W. Bush
        # and George W. Bush).
        clique = {pk, *mates}
        if (
            mates
            and not mates & root.keys()
            and all(candidates(other) | {other} == clique for other in mates)
        ):
            for other in clique:
                root[other] = pk
            groups[pk] = [pk, *sorted(mates)]

    def group_of(pk: int) -> int:
        return root.get(pk, pk)

    by_last: dict[str, set[int]] = {}
    by_first: dict[str, set[int]] = {}
    # Regnal names by their given name: "Abdullah II" under "abdullah".
    by_regnal: dict[str, set[int]] = {}
    for pk, w in multi.items():
        if w[0] in _REGNAL_TITLES:
            regnal = _regnal_name(w)
            if regnal:
                by_regnal.setdefault(regnal, set()).add(group_of(pk))
            continue
        by_last.setdefault(w[-1], set()).add(group_of(pk))
        by_first.setdefault(w[0], set()).add(group_of(pk))
        if tail := _particle_tail(w):
            by_last.setdefault(tail, set()).add(group_of(pk))
        if regnal := _regnal_name(w):
            by_regnal.setdefault(regnal, set()).add(group_of(pk))
    aliases = _aliases_of(lone_wanted)
    given = {pk for pk in lone_wanted if given_name_by_title(lone[pk], aliases.get(pk, ()))}
    # A lone word after a title ("Secretary Austin", "Rep Malley") is a surname.
    surnames = {
        pk for pk in lone_wanted - given if by_surname(lone[pk], (rows[pk], *aliases.get(pk, ())))
    }
    near = {
        other
        for pk in surnames
        for group in by_first.get(lone[pk], set()) | by_last.get(lone[pk], set())
        for other in groups.get(group, [group])
    }
    aliases.update(_aliases_of(near))
    held = offices_held(near)
    # Lone words two or more groups may take: the one their articles share decides.
    undecided: dict[int, set[int]] = {}
    for pk in sorted(lone_wanted):
        word = lone[pk]
        # Ambiguous when one name ends with it and another starts with it: "Chung" of
        # "Julie J. Chung" and of "Chung Eui-yong", whose surname comes first.
        if pk in given:
            # "King Abdullah" is the one king numbered so ("Abdullah II"), if one.
            regnal = by_regnal.get(word, set())
            if len(regnal) == 1:
                (target,) = regnal
                groups.setdefault(target, [target]).append(pk)
            continue
        first = by_first.get(word, set())
        if pk in surnames:
            # A given name never counts as a surname: "Secretary Austin" beside
            # Lloyd Austin is no Austin Tice, unless an office stands before that
            # word in one of the name's forms too ("Foreign Minister Wang Yi": a
            # surname written first). Nobody's surname: it may be one written first.
            first = {
                group
                for group in first
                if any(
                    titled_before(word, (rows[other], *aliases.get(other, ())))
                    or (word not in by_last and other in held)
                    for other in groups.get(group, [group])
                )
            }
        found = by_last.get(word, set()) | first
        offices = title_heads(word, (rows[pk], *aliases.get(pk, ())))
        sharing = by_last.get(word, set()) | by_first.get(word, set())
        if pk in surnames and offices and len(sharing) > 1:
            # A name many people share ("Vice Minister Kim"): only the one an
            # office the same names.
            found = {
                group
                for group in found
                if any(
                    offices
                    & (
                        known_offices((rows[other], *aliases.get(other, ())))
                        | held.get(other, set())
                    )
                    for other in groups.get(group, [group])
                )
            }
        if not found and len(word) >= 6:
            found = {
                group_of(o)
                for o, w in multi.items()
                if w[-1][:1] == word[:1] and _similar(w[-1], word)
            }
        if found and len(found) == 1:
            (target,) = found
            groups.setdefault(target, [target]).append(pk)
        elif len(found) > 1:
            undecided[pk] = found
    for pk, target in _named_beside(undecided, groups).items():
        groups.setdefault(target, [target]).append(pk)
    return [group for group in groups.values() if len(group) > 1]


def _named_beside(undecided: dict[int, set[int]], groups: dict[int, list[int]]) -> dict[int, int]:
    """Lone names several groups may take, to the one group a person of which an
    article of the lone name mentions too, where only one is: "Philippe" in an
    article that names "Ambassador Etienne" is Philippe Etienne, not Philippe
    Lazzarini; "Juan" beside Juan Gonzalez and Juan Guaido stays as it is."""
    if not undecided:
        return {}
    members = {group: groups.get(group, [group]) for found in undecided.values() for group in found}
    articles = _articles_of(set(undecided) | {pk for pks in members.values() for pk in pks})
    picks = {}
    for pk, found in undecided.items():
        mine = articles.get(pk, set())
        beside = [
            group
            for group in found
            if any(mine & articles.get(other, set()) for other in members[group])
        ]
        if len(beside) == 1:
            picks[pk] = beside[0]
    return picks


def _articles_of(people: set[int]) -> dict[int, set[int]]:
    """The articles that mention these people, by pk."""
    # No ordering: a mention's is its article's date, a join this needs not.
    mentions = _values_by(
        ENTITY_KINDS["person"].mention_model.objects.order_by(), "person_id", people, "article_id"
    )
    return {pk: set(articles) for pk, articles in mentions.items()}


# Particles that open a surname ("Di Maio", "van Hollen", "Al Thani"); a
# patronymic's ("bin Zayed") names the father, whom sons share.
_SURNAME_PARTICLES = _PARTICLES - _PATRONYMIC - {"abu", "ben", "y"}


def _particle_surname(words: tuple[str, ...]) -> bool:
    """A surname its particles open, alone: ``Di Maio``, ``von der Leyen``."""
    return 1 < len(words) <= 3 and all(word in _SURNAME_PARTICLES for word in words[:-1])


def _particle_tail(words: tuple[str, ...]) -> str:
    """The surname with the particles before it that ends a longer name (``di
    maio`` of ``Luigi Di Maio``), or ``""``: no particle before the last word."""
    at = len(words) - 1
    while at > 1 and words[at - 1] in _SURNAME_PARTICLES:
        at -= 1
    return " ".join(words[at:]) if at < len(words) - 1 else ""


def _regnal_name(words: tuple[str, ...]) -> str:
    """The given name of a regnal name (``Abdullah II``, ``King Abdullah II``: ``abdullah``),
    or ``""``."""
    while words and words[0] in _REGNAL_TITLES:
        words = words[1:]
    if len(words) == 2 and _ROMAN.match(words[1]) and len(words[1]) > 1:
        return words[0]
    return ""


def offices_held(people: Iterable[int]) -> dict[int, set[str]]:
    """The offices stored roles give these people, by pk, as the head words of
    their titles (``First Vice Foreign Minister`` → ``{"minister"}``); a person
    with roles whose titles name no such office maps to an empty set."""
    titles = _values_by(PersonRole.objects.order_by().distinct(), "person_id", people, "title")
    return {
        pk: {w for title in theirs for w in person_words(title) if w in _HEADS}
        for pk, theirs in titles.items()
    }


def _aliases_of(people: Iterable[int]) -> dict[int, list[str]]:
    """The stored aliases of these people, by pk."""
    alias_model = ENTITY_KINDS["person"].alias_model
    return _values_by(alias_model.objects.all(), "person_id", people, "name")


def _values_by(rows, owner: str, pks: Iterable[int], field: str) -> dict[int, list]:
    """One field of the ``rows`` (a queryset) whose ``owner`` column is one of
    these pks, by that pk, in batches of pks."""
    found: dict[int, list] = {}
    pks = sorted(pks)
    for start in range(0, len(pks), _QUERY_CHUNK * 9):
        for pk, value in rows.filter(
            **{f"{owner}__in": pks[start : start + _QUERY_CHUNK * 9]}
        ).values_list(owner, field):
            found.setdefault(pk, []).append(value)
    return found


def is_bare_acronym(name: str) -> bool:
    return bool(BARE_ACRONYM_RE.fullmatch(name)) and sum(ch.isupper() for ch in name) >= 2


def programmes_in_archive(acronyms: Iterable[str]) -> set[str]:
    """The acronyms the archive's articles define for a programme, plan or law.

    "the Young African Leaders Initiative (YALI)" in one article: YALI alone in
    another names the programme too, no organisation. An acronym some article
    defines for anything else ("National Security Council (NSC)") is left out:
    it may name a body. Read from the definitions ingest records
    (``record_definitions``).
    """
    wanted = sorted({acr for acr in acronyms if is_bare_acronym(acr)})
    found: set[str] = set()
    for start in range(0, len(wanted), _QUERY_CHUNK):
        found |= set(
            AcronymDefinition.objects.filter(acronym__in=wanted[start : start + _QUERY_CHUNK])
            .values("acronym")
            .annotate(other=Count("pk", filter=Q(programme=False)))
            .filter(other=0)
            .values_list("acronym", flat=True)
        )
    return found


def record_definitions(definitions: dict[int, dict[str, bool]]) -> None:
    """Store the acronyms these articles define (article pk -> acronym -> programme),
    in place of what they defined before."""
    AcronymDefinition.objects.filter(article_id__in=list(definitions)).delete()
    insert_rows(
        AcronymDefinition,
        ("article", "acronym", "programme"),
        (
            (pk, acronym[:40], programme)
            for pk, defined in definitions.items()
            for acronym, programme in defined.items()
        ),
    )


def remove_programme_organisations(acronyms: Iterable[str]) -> set[int]:
    """Delete the organisations named by these programmes' acronyms alone.

    Earlier articles made them before an article defined the acronym. One an
    editor added or renamed stays. Returns the ids of the articles that
    mentioned them.
    """
    names = set(acronyms)
    if not names:
        return set()
    doomed = set(Organisation.objects.filter(name__in=names).values_list("pk", flat=True))
    doomed -= edited_by_editors(Organisation, doomed)
    if not doomed:
        return set()
    mention_model = ENTITY_KINDS["organisation"].mention_model
    changed = set(
        mention_model.objects.filter(organisation_id__in=doomed)
        .order_by()
        .values_list("article_id", flat=True)
    )
    Organisation.objects.filter(pk__in=doomed).delete()
    if changed:
        articles_changed.send(sender=Organisation, ids=sorted(changed))
    return changed
