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
from archive.extraction.lexicon import RECURRENT_EVENT_KINDS

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
    r"Twelfth)\s+",
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
