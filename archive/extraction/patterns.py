"""Compiled regular expressions shared by the extractor.

Python's ``re`` has no ``\\p{Lu}``, so the class of upper-case letters is built
once from the Unicode database (it covers "Ş", "Ə", "Ö" in Turkic names).
"""

from __future__ import annotations

import re

from archive.extraction.lexicon import EVENT_HEADS, MONTHS, SPEECH_VERBS


def _upper_class() -> str:
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        ch = chr(cp)
        if ch.isupper() or ch.istitle():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    parts = []
    for lo, hi in ranges:
        a, b = re.escape(chr(lo)), re.escape(chr(hi))
        parts.append(a if lo == hi else f"{a}-{b}")
    return "".join(parts)


U = _upper_class()
_SP = r"[ \t\xa0]"

_ABBREVS = [
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "St",
    "Gen",
    "Col",
    "Lt",
    "Sen",
    "Rep",
    "Gov",
    "Amb",
    "Hon",
    "Rev",
    "Capt",
    "Maj",
    "Sgt",
    "Adm",
    "Jr",
    "Sr",
    "Mt",
    "Ft",
]
# A dot after an initial or a known abbreviation continues the name.
_DOT_OK = "|".join([rf"(?<=\b[{U}]\.)"] + [rf"(?<=\b{a}\.)" for a in _ABBREVS])
# A dot after a company's legal form goes on when another legal form follows
# ("Sino Ocean Shipping Co. Ltd.", "Tiger Marine Pte. Ltd.").
_LEGAL_DOT = "|".join(rf"(?<=\b{a}\.)" for a in ("Co", "Pte", "Pvt", "Sdn", "Corp"))
_LEGAL_NEXT = r"(?:Ltd|Limited|Bhd|LLC|Inc|Co)\b"
# One capitalised token: "U.S.", initials "J.", "Dr.", words, "O'Brien". A
# possessive "'s" ends the token. Every token starts with an upper-case letter
# so that the regex engine can skip quickly over lower-case text.
TOKEN = (
    rf"[{U}](?:(?:\.[{U}])+\.|(?:\w|['’](?=[A-Za-z]{{2}})|-(?=[a-z]))*"
    rf"(?:\.(?:{_DOT_OK})(?={_SP}+[{U}])|\.(?:{_LEGAL_DOT})(?={_SP}+{_LEGAL_NEXT}))?)"
)
TOKEN_RE = re.compile(TOKEN)

# Lower-case words allowed between the capitalised words of one name, and the
# Arabic article glued to the next word ("Mohammed Shia al-Sudani").
CONNECTORS = (
    "of|for|and|the|de|del|della|da|das|do|dos|di|du|des|la|le|bin|bint|ibn|ben|"
    "al|el|van|von|der|den|ter|y|und|on"
)
_CONN = (
    rf"(?:-|{_SP}+(?:(?:{CONNECTORS}){_SP}+)*"
    rf"(?:(?:al|el|ad|as|ash|at|an|ar|ul|ur)-)?)"
)
RUN_RE = re.compile(rf"{TOKEN}(?:{_CONN}{TOKEN})*")

# "(OIC)" right after a name defines an acronym.
# An organisation named by a bare acronym ("OSCE", "IRGC-QF"), with fullmatch.
BARE_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&\-]{1,11}")
ACRONYM_DEF_RE = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9&\-]{1,11})\)")

_EVENT_HEAD_ALT = "|".join(sorted(EVENT_HEADS, key=len, reverse=True))
# "2nd Azerbaijan Halal Business (AZHAB) Forum": the acronym sits inside the
# name. Found from the acronym: the head noun after it, the name before it.
EVENT_HEAD_AFTER_RE = re.compile(rf"{_SP}+(?P<head>{_EVENT_HEAD_ALT})\b")
NAME_BEFORE_RE = re.compile(
    rf"(?P<name>(?:[{U}][\w\-’']*{_SP}+(?:(?:of|and|for|the){_SP}+)*){{1,7}})$"
)
ORDINAL_BEFORE_RE = re.compile(
    r"(?:\b(?P<ord>\d{1,3}(?:st|nd|rd|th))|\b(?P<year>(?:19|20)\d\d))\s+$"
)

# "second Karabakh war": an ordinal word, a proper name and a lower-case "war".
ORDINAL_WAR_RE = re.compile(
    rf"\b(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird)\s+(?P<name>[{U}][\w\-]+(?:\s[{U}][\w\-]+)?)"
    r"\s+(?P<head>war|conflict)\b"
)

# "official visit to Azerbaijan"
VISIT_FIND_RE = re.compile(
    r"\b(?P<kind>[Ss]tate|[Oo]fficial|[Ww]orking)\s+visit\s+(?:to|in)\s+(?:the\s+)?"
)

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\.?,?\s+(?P<y2>(?:19|20)\d\d))\b"
)
# A year said to be the event's: "planned for 2026", "in 2025", "of 2024".
YEAR_RE = re.compile(
    rf"\b(?:in|for|of|during|on|until|by)\s+(?:(?:{_MONTH_ALT})\.?\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d|-\d)"
)
# Where a sentence ends, for event context windows.
SENTENCE_END_RE = re.compile(r"[.!?;:](?=\s|$)|\n")

# Right after a candidate name: evidence it is a person.
SPEECH_AFTER_RE = re.compile(
    rf"(?:{_SP}*,{_SP}*(?:who|whose){_SP}|{_SP}+(?:has{_SP}+|had{_SP}+|also{_SP}+|"
    rf"then{_SP}+|later{_SP}+|further{_SP}+|previously{_SP}+|once{_SP}+)?"
    rf"(?:{SPEECH_VERBS})\b)"
)
SPEECH_BEFORE_RE = re.compile(rf"\b(?:said|says|added|noted|wrote|asked){_SP}+$")
# ", Assistant Secretary-General of ..." appositive before a role run.
APPOSITIVE_GAP_RE = re.compile(rf"^{_SP}*,{_SP}*(?:the{_SP}+|a{_SP}+|an{_SP}+)?$")
# Between a role and the name it introduces: nothing, a comma or "(OIC)".
ROLE_NAME_GAP_RE = re.compile(rf"^{_SP}*(?:\([A-Za-z0-9&\-]{{2,12}}\){_SP}*)?,?{_SP}*$")
# A dateline: "BAKU, April 6", "NEW YORK (Reuters) -", "LONDON 1996-08-22".
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,3})(?=,\s| \(| \d| -| —| –)",
    re.MULTILINE,
)

# An initial: "J." in "J. Smith".
INITIAL_RE = re.compile(rf"^[{U}]\.$")
# "( Germany )" or "(Germany)" right after a name.
BRACKETS_AFTER_RE = re.compile(r"[ \t]*\([ \t]*(?P<inner>[^()\n]{2,40}?)[ \t]*\)")
# After a table label: "Net Income 9,167,000", "Sale Amount : 6,310,000".
NUMBER_AFTER_RE = re.compile(r"[ \t]*(?::|[+\-]?[$£€]?[ \t]?\d)")
# Between two words of a run: "of" or "for" joins two names ("Kan of Hambrecht").
OF_FOR_GAP_RE = re.compile(r"\b(?:of|for)\b")
# Between a person's name and the organisation after it: " of " or " ( ".
AFFILIATION_BEFORE_RE = re.compile(r"(?:[ \t]+of|[ \t]*(?P<bracket>\())[ \t]*$")
BRACKET_CLOSE_RE = re.compile(r"[ \t]*\)")
# Before an abbreviation of a common noun: lower-case words and "(", or a number.
TERM_CONTEXT_RE = re.compile(r"(?:\b[a-z][a-z\-]+[ \t]*\([ \t]*|\d[ \t]*)$")
# A goal scorer: "Keller 18th", "Pantic ( 57th , penalty )".
SCORER_AFTER_RE = re.compile(r"[ \t]*(?:\([ \t]*)?\d{1,3}(?:st|nd|rd|th)\b")
# A word of a run (for reading a headline word by word).
WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
# "a"/"an" right before a phrase: a class of things, not a name.
INDEFINITE_BEFORE_RE = re.compile(r"(?<![\w’'])(?:a|an|A|An)[ \t\xa0]+$")
# The capitalised word right after a position ("(WPS) Report").
WORD_AFTER_RE = re.compile(rf"{_SP}+(?P<word>[{U}][\w\-]*)")
# A preposition right after a word ("Travel to"): the word is a verb.
PREPOSITION_AFTER_RE = re.compile(rf"{_SP}+(?:to|with|in|for)\b")
# A plural ("Mariners", "Skripals"), not a singular ending in s ("Progress", "Status",
# "Galápagos").
PLURAL_WORD_RE = re.compile(r"[^iosu]s$")
