"""Who and where a piece of text names: the article's entities found in it, in order,
with the rules that tell a participant from a principal and a venue from a visit's place."""

from __future__ import annotations

import itertools
import re

from archive.words import whole_word_starts

from .records import Named


def with_name_parts(names: dict[str, Named]) -> dict[str, Named]:
    """``names`` and each word of a person's name that names nobody else here:
    titles write "Advisor Akiba" for Akiba Takeo, "Secretary of State Blinken"."""
    parts: dict[str, set[Named]] = {}
    for named in set(names.values()):
        if named.kind == "person":
            for word in named.name.split():
                if len(word) >= 4 and word[0].isupper() and word[-1] != ".":
                    parts.setdefault(word, set()).add(named)
    added = {word: next(iter(found)) for word, found in parts.items() if len(found) == 1}
    return {**added, **names}


def people_first(named: list[Named]) -> list[Named]:
    """People and the organisations that are no person's title ("Secretary General
    of the OIC Hissein Taha" is Taha, not the OIC, when a person is named)."""
    people = [n for n in named if n.kind == "person"]
    return people or [n for n in named if n.kind == "organisation"]


def named_in(text: str, names: dict[str, Named], *, principals: bool = True) -> list[Named]:
    """The entities ``text`` names, in order, each once; ``principals=False``:
    not a person named only in someone else's title ("Bjoern Seibert, Chief of
    Staff for President Ursula von der Leyen": Seibert)."""
    seen: set[Named] = set()
    ordered = []
    spans = named_spans(text, names)
    if not principals:
        spans = without_principals(text, spans)
    for named, _start, _end in spans:
        if named not in seen:
            seen.add(named)
            ordered.append(named)
    return ordered


# Whom an office is held for: "Chief of Staff to President", "wife of King", "for
# European Commission President" (a name after it is the principal's).
_FOR_LEADER = (
    r"\b(?:to|for|of)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}?(?:Vice\s+|Deputy\s+)?"
    r"(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Prince|Chancellor|Pope|Sheikh"
    r"|Sultan|Premier|Governor|Chair(?:man|woman|person)?|Leader|Commissioner)\s+$"
)


# After a person: ", Chief of Staff for ... President " and the principal's name.
_APPOSITIVE_FOR_RE = re.compile(r"^,\s+(?:(?!\band\b)[^;])*?" + _FOR_LEADER)


_BEFORE_FOR_RE = re.compile(_FOR_LEADER)


# "President Zelenskyy’s Chief of Staff Andriy Yermak": Zelenskyy is the principal.
_POSSESSOR_RE = re.compile(
    r"^['’]s (?!(?:[\w.-]+ )*?(?:meeting|call|visit|travel|trip|talks|with|and|met|spoke)\b)"
    r"(?:[\w.-]+ ){1,6}$"
)


def without_principals(text: str, spans: list) -> list:
    """``spans`` but the people named only as whom another person's office is for."""
    people = [i for i, (named, _s, _e) in enumerate(spans) if named.kind == "person"]
    dropped = set()
    for before, after in itertools.pairwise(people):
        q_start, q_end = spans[before][1:]
        p_start = spans[after][1]
        gap = text[q_end:p_start]
        if _APPOSITIVE_FOR_RE.search(gap):
            dropped.add(after)  # "Seibert, Chief of Staff for ... President von der Leyen"
        elif _POSSESSOR_RE.match(gap):
            dropped.add(before)  # "President Zelenskyy’s Chief of Staff Andriy Yermak"
        elif gap.strip(" ,") == "" and _BEFORE_FOR_RE.search(text[max(0, q_start - 80) : q_start]):
            dropped.add(before)  # "Chief of Staff to President Zelenskyy Andriy Yermak"
    return [span for i, span in enumerate(spans) if i not in dropped]


def named_spans(text: str, names: dict[str, Named]) -> list[tuple[Named, int, int]]:
    """Where ``text`` names the entities, in order; the longest name wins an overlap."""
    found: list[tuple[Named, int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        if surface not in text:
            continue
        for start in whole_word_starts(text, surface):
            end = start + len(surface)
            if not any(s < end and start < e for _n, s, e in found):
                found.append((names[surface], start, end))
    return sorted(found, key=lambda item: item[1])


# What may come between a visit's verb and its first place: "traveled to the", "visit to".
_TO_PLACE_RE = re.compile(r"^\s*(?:(?:to|in|of|the|city|town|capital|region|province)\s+)*$")


def places_in(text: str, names: dict[str, Named], near: int | None = None) -> list[str]:
    """The places ``text`` names, in order; a country or region written after a
    town to say where it is ("Beirut, Lebanon", "Frederick, Maryland") or before
    it ("Azerbaijan's Aghdam region") is left out. ``near``: a list of places
    starting within that many characters, and going on only through ", " and
    "and" (a place later in the sentence is not where anyone went)."""
    places: list[str] = []
    previous = None
    for named, start, end in named_spans(text, names):
        if named.kind != "place":
            continue
        gap = text[previous[2] : start] if previous else text[:start]
        if near is not None and (
            (previous is None and (start > near or not _TO_PLACE_RE.match(gap)))
            or (previous is not None and not _LIST_GAP.match(gap))
        ):
            break
        if previous is not None and gap in ("’s ", "'s ") and places:
            places.pop()  # "Azerbaijan's Aghdam region": Aghdam
        elif (
            previous is not None
            and previous[0].place_kind not in ("country", "region")
            and named.place_kind in ("country", "region")
            and gap == ", "
        ):
            previous = (named, start, end)
            continue
        places.append(named.name)
        previous = (named, start, end)
    return list(dict.fromkeys(places))


_LIST_GAP = re.compile(
    r"^(?:,? (?:and |the |and the )?|’s |'s "
    r"|\s+(?:region|city|province|district|and|,)+\s+(?:and )?(?:the )?)$"
)


def place_after_in(text: str, names: dict[str, Named]) -> str:
    """Where an encounter happened: a place named right after "in" or "at"."""
    for m in re.finditer(r"\b(?:in|at) ", text):
        spans = named_spans(text[m.end() : m.end() + 40], names)
        if spans and spans[0][1] == 0 and spans[0][0].kind == "place":
            return spans[0][0].name
    return ""


# A place the sentence opens with: "In Ho Chi Minh City, Sherman will meet ...".
_FRONTED_PLACE_RE = re.compile(
    r"^(?:(?:Also|And|Finally|Then|Later|Separately),? )?(?:[Ww]hile )?[Ii]n (?:the )?"
)


def fronted_place(sentence: str, names: dict[str, Named]) -> str:
    opens = _FRONTED_PLACE_RE.match(sentence)
    if opens is None:
        return ""
    spans = named_spans(sentence[opens.end() : opens.end() + 60], names)
    if spans and spans[0][1] == 0 and spans[0][0].kind == "place":
        return spans[0][0].name
    return ""
