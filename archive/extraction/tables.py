"""Names in results tables: scores, standings, rankings and fixtures.

Sports pages and wire services print rows such as "Hansa Rostock 0 Hamburg 1",
"Hamburg 4 2 0 2 7 7 6", "23. Poland 8.12" or "Peterborough v Notts County".
Their names carry no head noun and no verb, but the row says what they are:
sides in a score line or a league table are teams (organisations, even when
named after a city), unless the side is a country (a national team is written
as, and resolves to, the country); a ranked line lists competitors (persons)
with their country in brackets and their team after it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from archive.extraction.lexicon import MONTHS, TITLE_HEADS, WEEKDAYS, words
from archive.extraction.patterns import U

# A number as tables print it: scores, percentages, times, "1-0", "3 1/2".
_NUM = re.compile(r"^[+-]?(?:\d+(?:[.:/\-]\d+)*|\.\d+)$")
_ORDINAL = re.compile(r"^\d{1,3}\.$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_TOKEN = re.compile(r"\S+")
# Cheap tests first: a row starts with a name (or a rank) and has few
# lower-case words; prose is skipped without being tokenised.
_ROW_START = re.compile(rf"^[ \t]*(?:\d{{1,3}}\.[ \t]+)?[{U}]")
_LOWER_WORD = re.compile(r"(?<!\S)[a-z]")
_DIGIT = re.compile(r"\d")
# Lower-case words allowed inside a name in a table row.
_CONNECTORS = words("of de da del do dos das di du des la le van von der den y e and")
_VERSUS = frozenset({"v", "vs", "v.", "vs.", "at"})
# National teams of the nations of the United Kingdom play as countries.
HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})


@dataclass(frozen=True, slots=True)
class TableName:
    start: int
    end: int
    kind: str  # "person", "organisation", "place"


@dataclass(slots=True)
class _Item:
    kind: str  # "name", "num", "ord", "vs", "sep", "word", "paren"
    start: int
    end: int
    text: str


def _items(line: str, base: int) -> list[_Item]:
    """Tokens of a row grouped into names, numbers, separators and
    bracketed groups."""
    items: list[_Item] = []
    depth_start = -1
    paren: list[str] = []
    for m in _TOKEN.finditer(line):
        tok, s, e = m.group(), base + m.start(), base + m.end()
        if depth_start >= 0:
            paren.append(tok)
            if tok == ")":
                items.append(_Item("paren", depth_start, e, " ".join(paren[1:-1])))
                depth_start = -1
            continue
        if tok == "(":
            depth_start, paren = s, [tok]
            continue
        if _ORDINAL.match(tok) and not items:
            kind = "ord"
        elif _DATE.match(tok):
            kind = "word"
        elif _NUM.match(tok):
            kind = "num"
        elif tok in _VERSUS:
            kind = "vs"
        elif tok in MONTHS or tok in WEEKDAYS or tok in TITLE_HEADS or tok.endswith(":"):
            # "Emnid Aug 25 41.0": a date; "Secretary Blinken at ...": a
            # title; "Meeting ID: 161": a label. None is part of a side's name.
            kind = "word"
        elif tok[0].isupper() or (tok in _CONNECTORS and items and items[-1].kind == "name"):
            kind = "name"
        elif tok in {"-", ",", ";", "*", "/", ":", "."}:
            kind = "sep"
        else:
            kind = "word"
        if kind == "name" and items and items[-1].kind == "name":
            last = items[-1]
            items[-1] = _Item("name", last.start, e, f"{last.text} {tok}")
            continue
        items.append(_Item(kind, s, e, tok))
    # A name never ends in a connector ("Queens Park and").
    out = []
    for item in items:
        if item.kind == "name":
            words = item.text.split()
            while words and words[-1] in _CONNECTORS:
                words.pop()
            if not words:
                continue
            text = " ".join(words)
            item = _Item("name", item.start, item.start + len(text), text)
        out.append(item)
    return out


def _shape(items: list[_Item]) -> str:
    """One letter per item: N name, 9 number, o ordinal, v versus, p bracket,
    s separator, w other word."""
    letters = {"name": "N", "num": "9", "ord": "o", "vs": "v", "paren": "p", "sep": "s"}
    return "".join(letters.get(i.kind, "w") for i in items)


# "Hansa Rostock 0 Hamburg 1", "Essendon 14.16 ( 100 ) Sydney 12.10 ( 82 )"
_RESULT = re.compile(r"^N9p?N9p?[9ps]*$")
# "Hamburg 4 2 0 2 7 7 6", "CHICAGO 70 63 .526 9"
_STANDING = re.compile(r"^N999[9s]*$")
# "23. Poland 8.12", "1. Joel Smets ( Belgium ) Husaberg", "10. Teutenberg 0:10"
_RANKED = re.compile(r"^oNp?N?[9ps]*$")
# "Peterborough v Notts County , Wrexham v Bristol"
_FIXTURES = re.compile(r"^NvN(?:sNvN)*s?$")
# "In Bergen : Brann ( Norway ) 2 Shelbourne ( Ireland ) 1 ( 1-1 )": a cup
# tie between clubs, each with its country in brackets.
_TIE = re.compile(r"^(?:Nw)?Np9N(?:p9[9ps]*)?$")


def _small_numbers(items: list[_Item]) -> bool:
    """League tables count games and points; financial tables print large
    amounts with thousands separators."""
    nums = [i.text for i in items if i.kind == "num"]
    if any("," in n for n in nums):
        return False
    first = nums[0]
    return first.isdigit() and int(first) < 200


Classifier = Callable[[str], str]


def table_names(text: str, classify: Classifier) -> list[TableName]:
    """Names in the table rows of ``text``. ``classify(name)`` says what a
    name is known to be: "country", "person" or "" (unknown)."""
    if not _DIGIT.search(text):
        return []
    out: list[TableName] = []
    pos = 0
    for line in text.split("\n"):
        base, pos = pos, pos + len(line) + 1
        if (
            len(line) > 200
            or not _ROW_START.match(line)
            or len(_LOWER_WORD.findall(line)) > 4
            or (not _DIGIT.search(line) and " v " not in line and " at " not in line)
        ):
            continue
        items = _items(line, base)
        shape = _shape(items)
        names = [i for i in items if i.kind == "name"]
        if _FIXTURES.match(shape):
            out.extend(_fixtures(items, classify))
        elif _RESULT.match(shape) or (_STANDING.match(shape) and _small_numbers(items)):
            out.extend(_side(n, classify) for n in names)
        elif shape[:1] == "o" and _STANDING.match(shape[1:]) and _small_numbers(items):
            # "9. Vasas 3 1 1 1 3 3 4": a numbered league table.
            out.extend(_side(n, classify) for n in names)
        elif _TIE.match(shape):
            # The sides are the names before the brackets; the countries in
            # them are left to the gazetteer.
            sides = [a for a, b in itertools.pairwise(items) if b.kind == "paren"]
            if shape.endswith("9N"):
                sides.append(items[-1])  # the row goes on in the next line
            out.extend(_side(n, classify) for n in sides if n.kind == "name")
        elif _RANKED.match(shape):
            out.extend(_ranked(items, classify))
    return [n for n in out if n is not None]


def _side(name: _Item, classify: Classifier) -> TableName:
    known = classify(name.text)
    if known == "country" or name.text in HOME_NATIONS:
        kind = "place"
    elif known == "person":
        kind = "person"
    else:
        kind = "organisation"
    return TableName(name.start, name.end, kind)


def _fixtures(items: list[_Item], classify: Classifier) -> list[TableName]:
    """ "Peterborough v Notts County": two sides; "Chicago at Atlanta": a side
    and the place where it plays."""
    out = []
    for prev, item in zip([None, *items], items, strict=False):
        if item.kind != "name":
            continue
        if prev is not None and prev.text.lower() == "at":
            out.append(TableName(item.start, item.end, "place"))
        else:
            out.append(_side(item, classify))
    return out


def _ranked(items: list[_Item], classify: Classifier) -> list[TableName]:
    """A ranked line ("1. Joel Smets ( Belgium ) Husaberg"): the competitor
    first, the team after the country."""
    out = []
    names = [i for i in items if i.kind == "name"]
    first = names[0]
    known = classify(first.text)
    kind = "place" if known == "country" or first.text in HOME_NATIONS else "person"
    out.append(TableName(first.start, first.end, kind))
    # The country in brackets is left to the gazetteer.
    for team in names[1:]:
        out.append(_side(team, classify))
    return out
