"""Dates and places of events from the words around them.

"the OIC Summit planned for 2026 in Baku", "the 5th Summit ... held in Dakar on
December 8, 1991": the rest of the sentence after the event name is searched
for a date, a year and a place introduced by "in"/"at".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from archive.extraction import patterns as pt
from archive.extraction.lexicon import GENERIC_EVENT_MODIFIERS, RECURRENT_EVENT_KINDS
from archive.extraction.normalize import name_key

_MONTH_NUMBERS = {
    name: i
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bNo)[.!?](?=\s+[\"“A-Z]|\s*$)|[\n:;]")
_WINDOW = 160
# Kinds of events that happen "now" when the text gives no date for them.
_CURRENT_KINDS = RECURRENT_EVENT_KINDS | {"forum", "conference", "visit", "other"}


@dataclass(slots=True)
class EventContext:
    year: int | None = None
    explicit: bool = False
    date: dt.date | None = None
    place_at: int | None = None  # offset of the place mention introduced by in/at


def sentence_tail(text: str, end: int) -> tuple[int, int]:
    limit = min(len(text), end + _WINDOW)
    m = _SENTENCE_END.search(text, end, limit)
    return end, m.start() if m else limit


def read_context(text: str, end: int, place_starts: list[int]) -> EventContext:
    ctx = EventContext()
    s, e = sentence_tail(text, end)
    window = text[s:e]
    date = pt.DATE_RE.search(window)
    if date:
        month = date["m1"] or date["m2"]
        day = int(date["d1"] or date["d2"])
        year = int(date["y1"] or date["y2"])
        try:
            ctx.date = dt.date(year, _MONTH_NUMBERS[month.rstrip(".")], day)
        except (ValueError, KeyError):
            ctx.date = None
        ctx.year, ctx.explicit = year, True
    else:
        year_match = pt.YEAR_RE.search(window)
        if year_match:
            ctx.year, ctx.explicit = int(year_match["year"]), True
    for start in place_starts:
        if s <= start < e and text[max(0, start - 3) : start] in ("in ", "at "):
            ctx.place_at = start
            break
    return ctx


def fallback_year(kind: str, published: dt.date | None) -> int | None:
    """Meetings without a date are reported when they happen; wars and
    treaties are history and get no guessed year."""
    if published and kind in _CURRENT_KINDS:
        return published.year
    return None


_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\s+")
_ORDINAL_WORD = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|"
    r"Twelfth|Inaugural)\s+",
    re.IGNORECASE,
)


def strip_ordinal(name: str, kind: str = "") -> str:
    """Drop the edition: "2nd ... Forum" -> "... Forum"; word ordinals too, except in war names
    ("Second Karabakh War" is a name, "Ninth Summit of the Americas" an edition)."""
    name = _ORDINAL.sub("", name)
    if kind != "war":
        name = _ORDINAL_WORD.sub("", name)
    return name.strip()


def is_recurrent(kind: str) -> bool:
    return kind in RECURRENT_EVENT_KINDS


def event_key(name: str) -> str:
    """A key an event's name shares with its plural head ("Migration Accords" =
    "Migration Accord")."""
    key = name_key(name)
    if key.endswith("s") and not key.endswith(("ss", "us", "is")):
        key = key[:-1]
    return key


_GENERIC_KEYS = frozenset(name_key(word) for word in GENERIC_EVENT_MODIFIERS)


def fuller_names(names: list[str]) -> dict[str, str]:
    """The short forms among one article's event names: the key of each name
    that the words of exactly one longer name end with ("Strategic Dialogue"
    after "U.S.-Thailand Strategic Dialogue", "Migration Accords" after
    "U.S.-Cuba Migration Accords"), to that longer name. With two longer
    names ending so, the short form names neither; when the longer name only
    adds generic words ("Virtual NATO Foreign Ministerial"), it is the short
    form that names the event."""
    by_key = {event_key(name): name for name in names}
    found: dict[str, str] = {}
    for short in by_key:
        tail = f" {short}"
        longer = [key for key in by_key if key.endswith(tail)]
        # The longest is the one named when the longer names nest.
        longest = [key for key in longer if not any(o.endswith(f" {key}") for o in longer)]
        if len(longest) != 1:
            continue
        extra = longest[0].split()[: -len(short.split())]
        if all(word in _GENERIC_KEYS for word in extra):
            # "Virtual NATO Foreign Ministerial": the name is the short form.
            found[longest[0]] = by_key[short]
        else:
            found[short] = by_key[longest[0]]
    return found
