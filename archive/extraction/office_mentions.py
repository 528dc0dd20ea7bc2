"""Offices an article names without their holder: "the Israeli Prime Minister",
"the OIC Secretary General", "the Secretary" (in a State Department release).

Only titles of offices with one holder at a time are read, and only where no
name follows ("the Prime Minister Naftali Bennett" names him). The role text
found is read by ``offices.read_office`` like any other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from archive.extraction.offices import OfficeTitles, default_office_titles

_WORD = r"[A-Z][\w.'’-]*"


# An office named inside a longer name: "the Office of the U.S. Trade
# Representative", "the U.S. President's Emergency Plan for AIDS Relief".
_INSIDE_A_NAME_BEFORE = re.compile(r"\b[A-Z][\w.]* of $")
_INSIDE_A_NAME_AFTER = re.compile(r"['’]s [A-Z]| for [A-Z]")


@dataclass(frozen=True, slots=True)
class OfficeMentionFound:
    role: str  # as the text writes it, without "the": "Israeli Prime Minister"
    start: int
    end: int


@functools.cache
def _pattern(titles: OfficeTitles) -> re.Pattern[str]:
    written = sorted(
        {w for w in titles.written if titles.by_key_or_bare(w).single}, key=len, reverse=True
    )
    alternatives = "|".join(re.escape(w) for w in written)
    return re.compile(
        rf"\b[Tt]he (?P<role>(?:{_WORD} ){{0,3}}?(?:{alternatives})"
        rf"(?: of (?:the )?{_WORD}(?: (?:of |and |for )?{_WORD}){{0,5}})?)"
        rf"(?![\w-])"
    )


def find_office_mentions(text: str, titles: OfficeTitles | None = None) -> list[OfficeMentionFound]:
    """Each place ``text`` names a single-holder office with no name after it."""
    titles = titles or default_office_titles()
    found = []
    for m in _pattern(titles).finditer(text):
        after = text[m.end() : m.end() + 40]
        if re.match(rf"[ \t]+{_WORD}", after) and not re.match(r"[ \t]+(?:The|And|Of)\b", after):
            continue  # "the Prime Minister Naftali Bennett": the name is read elsewhere
        if after.startswith(("-elect", "-designate")):
            continue
        if _INSIDE_A_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()) or (
            _INSIDE_A_NAME_AFTER.match(after)
        ):
            # "Office of the U.S. Trade Representative", "President's Emergency Plan",
            # "the Deputy Secretary of State for Management and Resources".
            continue
        role, end = m["role"], m.end("role")
        if role.endswith(".") and role.split()[-1].count(".") == 1:
            role, end = role[:-1], end - 1  # the sentence's full stop, not "U.S."
        found.append(OfficeMentionFound(role=role, start=m.start("role"), end=end))
    return found
