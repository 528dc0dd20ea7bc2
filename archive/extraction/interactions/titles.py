"""Readout titles: "Secretary Blinken's Call with Foreign Minister Kuleba",
"... Before Their Meeting", "Deputy Secretary Sherman's Travel to Belgium, Turkey ..."."""

from __future__ import annotations

import re

from archive.extraction.office_mentions import find_office_mentions

from .dates import date_of
from .named import named_in, people_first, places_in
from .records import FoundInteraction, visits

# A readout's title: "Secretary Blinken's Call with ...", "Deputy Secretary Sherman's Meeting with".
TITLE_RE = re.compile(
    r"^(?P<who>.+?)(?:['’]s?)? (?:(?:Phone|Video|Virtual|Telephone) )?"
    r"(?P<kind>Calls?|Meetings?|Travel|Trip|Visit|Talks)(?P<rest> (?:[Ww]ith|[Tt]o)\b.*)$"
)


# "Secretary Blinken and Foreign Minister Liimets Before Their Meeting"
THEIR_MEETING_RE = re.compile(r"\b(?:Before|After|At|During|Following) (?:Their|the) Meeting\b")


# The traveller or caller is the one whose travel it is, after the last word that opens
# what a briefing is about: "Assistant Secretary X on the Secretary's Upcoming Travel",
# "Briefing with Senior State Department Official on the Secretary's Travel".
# A word or two after the owner's possessive: "Secretary Blinken’s Upcoming" (not the
# "’s" of "People’s Republic of Korea Kim").
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])(?: [\w-]+){1,2}$")


_ABOUT_RE = re.compile(r".*(?:\b(?:[Oo]n|[Aa]bout|[Rr]egarding|[Pp]reviewing|[Ww]ith)\b|[:–—])\s*")


_TITLE_KINDS = {
    "Call": "call",
    "Calls": "call",
    "Meeting": "meeting",
    "Meetings": "meeting",
    "Talks": "talks",
    "Travel": "visit",
    "Trip": "visit",
    "Visit": "visit",
}


def from_title(title: str, published, names) -> list[FoundInteraction]:
    title = title.strip()
    if THEIR_MEETING_RE.search(title):
        people = [n for n in named_in(title, names, principals=False) if n.kind == "person"]
        if len(people) < 2:
            return []
        return [
            FoundInteraction(
                kind="meeting",
                status="held",
                date=published,
                precision="reported",
                participants=people,
                sentences=[title],
            )
        ]
    m = TITLE_RE.match(title)
    if m is None:
        return []
    kind = _TITLE_KINDS[m["kind"]]
    owner = _POSSESSIVE_RE.sub("", _ABOUT_RE.sub("", m["who"]))
    owner = owner.removeprefix("the ").removeprefix("The ")
    who = [n for n in named_in(owner, names, principals=False) if n.kind != "place"]
    others = named_in(m["rest"], names, principals=False)
    offices = [] if who else [f.role for f in find_office_mentions(f"the {owner}")]
    if not who and not offices:
        return []
    if kind == "visit":
        # "Deputy Secretary Sherman's Travel to Belgium, Turkey, ...": planned,
        # one visit a place listed after "to" ("to Houston for a forum": Houston);
        # the body says when, or the title of a trip to one place ("Travel to
        # Japan on May 21-24": from May 21).
        places = places_in(m["rest"], names, near=10)
        date, precision = (
            date_of(m["rest"], published, planned=True) if len(places) == 1 else (None, "")
        )
        return visits(places, "planned", date, precision, people_first(who), offices, title)
    counterparts = [n for n in others if n.kind != "place"]
    if not counterparts:
        return []
    return [
        FoundInteraction(
            kind=kind,
            status="held",
            date=published,
            precision="reported",
            participants=list(dict.fromkeys(people_first(who) + people_first(counterparts))),
            offices=offices,
            sentences=[title],
        )
    ]
