"""Datelines: the place (and its region) a wire story was filed from.

"BAKU, April 6", "MANAGUA , Nicaragua 1996-08-23", "CARLSBAD , Calif.
1996-08-24": a line that opens with a capitalised place, maybe a comma and a
region, then a date. The position makes it a place even when the gazetteer
does not know it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.lexicon import MONTHS

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORD = r"[A-Z][\w'’.\-]*"
_CONN = r"(?:de|del|da|do|dos|la|le|el|al|on|upon|sur|am|an|of)"
DATED_LINE_RE = re.compile(
    rf"^[ \t]*(?P<place>{_WORD}(?:[ \t]+(?:{_CONN}[ \t]+)?{_WORD}){{0,3}})"
    rf"(?:[ \t]*,[ \t]*(?P<region>{_WORD}(?:[ \t]+{_WORD}){{0,2}}))?"
    rf"[ \t]*,?[ \t]*(?=(?:19|20)\d\d-\d\d-\d\d|(?:{_MONTH_ALT})\.?[ \t]+\d{{1,2}}\b)",
    re.MULTILINE,
)

# Associated Press abbreviations of U.S. states, as datelines write them.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
    "D.C.": "Washington",
}


@dataclass(frozen=True, slots=True)
class DatelinePlace:
    start: int
    end: int
    text: str


def dateline_places(text: str) -> list[list[DatelinePlace]]:
    """The place, then its region if any, of every dated line of ``text``."""
    if "\n" not in text and not text[:1].isupper():
        return []
    out = []
    for m in DATED_LINE_RE.finditer(text):
        line = []
        for group in ("place", "region"):
            if m[group]:
                value = m[group]
                # "Calif." keeps its dot; "Nicaragua ." does not take one.
                if value.endswith(".") and value not in US_STATE_ABBREVIATIONS:
                    value = value[:-1]
                s = m.start(group)
                line.append(DatelinePlace(s, s + len(value), value))
        out.append(line)
    return out
