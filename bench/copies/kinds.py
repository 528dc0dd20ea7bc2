"""How an outlet copies a story: pure functions from an original's text or title (and a
seeded ``random.Random``) to the copy's.

- ``with_boilerplate``: the text verbatim, with a dateline before it and a footer after;
- ``truncate``: the first 30–70% of its paragraphs (at least 2 paragraphs and 60 words);
- ``edit``: a few sentences dropped, a few words reworded, maybe a paragraph of context;
- ``retitle``: the outlet's own headline.

No Django, no files: ``make_set`` composes them.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    # Its clock: timestamps are written in this zone (offsets follow daylight saving).
    zone: str


OUTLETS = (
    Outlet("Gulf Wire", "gulfwire.example", "Asia/Dubai"),
    Outlet("Capital Dispatch", "capitaldispatch.example", "America/New_York"),
    Outlet("Atlantic Newsdesk", "atlanticnewsdesk.example", "Europe/London"),
    Outlet("Asia Diplomatic Review", "asiadiplomaticreview.example", "Asia/Singapore"),
    Outlet("Continental Courier", "continentalcourier.example", "Europe/Berlin"),
    Outlet("Pacific Ledger", "pacificledger.example", "America/Los_Angeles"),
    Outlet("Subcontinent Post", "subcontinentpost.example", "Asia/Kolkata"),
)
REPORTERS = ("Dana Whitfield", "Omar Haddad", "Lena Brandt", "Kenji Mori", "Priya Nair")
EDITORS = ("Tom Ashworth", "Sara Lindqvist", "Michael Osei", "Julia Ferreira")
MIN_WORDS = 60


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (blank-line separated), without empty ones."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def join(parts: list[str]) -> str:
    return "\n\n".join(parts)


def words(text: str) -> int:
    return len(text.split())


# ---- (a) boilerplate ----------------------------------------------------------------


def dateline(outlet: Outlet, day: dt.date, place: str = "WASHINGTON") -> str:
    """``WASHINGTON, June 3 (Gulf Wire) -``"""
    return f"{place}, {day:%B} {day.day} ({outlet.name}) -"


def footer(outlet: Outlet, day: dt.date, rng: random.Random) -> list[str]:
    """One or two closing lines an outlet adds."""
    lines = [
        f"(Reporting by {rng.choice(REPORTERS)}; Editing by {rng.choice(EDITORS)})",
        f"© {day.year} {outlet.name}. All rights reserved.",
        f"Read more at https://{outlet.domain}/",
    ]
    return rng.sample(lines, rng.choice((1, 1, 2)))


def with_boilerplate(text: str, *, outlet: Outlet, day: dt.date, rng: random.Random) -> str:
    """The text verbatim, a dateline before it (most of the time) and a footer after."""
    if rng.random() < 0.7:
        text = f"{dateline(outlet, day)} {text}"
    return join([text, *footer(outlet, day, rng)])


# ---- (b) truncated ------------------------------------------------------------------


def truncate(text: str, rng: random.Random) -> str | None:
    """The first 30–70% of the paragraphs, at least 2 paragraphs and ``MIN_WORDS`` words
    and fewer than all; ``None`` when the text is too short for that."""
    parts = paragraphs(text)
    keep = max(2, math.ceil(len(parts) * rng.uniform(0.3, 0.7)))
    while keep < len(parts) and words(join(parts[:keep])) < MIN_WORDS:
        keep += 1
    if keep >= len(parts):
        return None
    return join(parts[:keep])


# ---- (c) lightly edited -------------------------------------------------------------

# A sentence ends at . ! ? (maybe closing a quote) before a space and a capital; a
# newline (a list's line break) is never a sentence break, so lines stay lines;
# "U.S." and "Antony J. Blinken" end no sentence.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][”\"]))(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|Jr|St|No)\.) +(?=[A-Z“\"])"
)
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
# General rewordings an outlet's style makes; ``{weekday}`` is the original's.
REWORDINGS = (
    (r"\bsaid\b", "stated"),
    (r"(?<!U\.S\. )\bSecretary of State\b", "U.S. Secretary of State"),
    (r"\bthe United States\b(?! of\b|’|')", "the U.S."),
    (r"\bDepartment of State\b", "State Department"),
    (r"\btoday\b", "on {weekday}"),
    (r"\bspoke with\b", "held a call with"),
    (r"\bmet with\b", "held talks with"),
    (r"\bcountries\b", "nations"),
    (r"\bapproximately\b", "about"),
    (r"\bimportance\b", "significance"),
    (r"\bin order to\b", "to"),
    (r"\b([2-9])\b(?= [a-z])", None),  # "3 countries" -> "three countries"
)
CONTEXT = (
    ("top", "The U.S. State Department issued the following statement on {weekday}."),
    ("top", "The following is the text of a statement released in Washington."),
    ("bottom", "{outlet} publishes official statements in full as part of its coverage."),
    ("bottom", "The State Department did not immediately respond to a request for comment."),
)


def sentences(paragraph: str) -> list[str]:
    return _SENTENCE_END.split(paragraph)


def drop_sentences(text: str, rng: random.Random, most: int = 3) -> str:
    """Up to ``most`` sentences dropped (never a paragraph's last one, never more than
    a fifth of the text's sentences)."""
    parts = [sentences(p) for p in paragraphs(text)]
    droppable = [(i, j) for i, ss in enumerate(parts) for j in range(len(ss) - 1)]
    total = sum(len(ss) for ss in parts)
    count = min(len(droppable), most, total // 5, rng.randint(1, most))
    dropped = set(rng.sample(droppable, count))
    return join(
        [
            " ".join(s for j, s in enumerate(ss) if (i, j) not in dropped)
            for i, ss in enumerate(parts)
        ]
    )


def reword(text: str, rng: random.Random, *, weekday: str, most: int = 3) -> str:
    """Up to ``most`` of ``REWORDINGS`` that apply, each applied throughout."""
    usable = [(p, r) for p, r in REWORDINGS if re.search(p, text)]
    for pattern, replacement in rng.sample(usable, min(most, len(usable))):
        if replacement is None:
            text = re.sub(pattern, lambda m: _NUMBERS[int(m[1]) - 2], text)
        else:
            text = re.sub(pattern, replacement.format(weekday=weekday), text)
    return text


def add_context(text: str, rng: random.Random, *, outlet: Outlet, weekday: str) -> str:
    where, line = rng.choice(CONTEXT)
    line = line.format(outlet=outlet.name, weekday=weekday)
    return join([line, text] if where == "top" else [text, line])


def edit(text: str, rng: random.Random, *, outlet: Outlet, weekday: str) -> str:
    """Lightly edited: sentences dropped, words reworded, half the time some context."""
    text = reword(drop_sentences(text, rng), rng, weekday=weekday)
    if rng.random() < 0.5:
        text = add_context(text, rng, outlet=outlet, weekday=weekday)
    return text


# ---- (d) retitled -------------------------------------------------------------------

# Title words an outlet's sentence-case headline lowercases, besides those the text
# itself writes in lower case (names keep their capital).
_COMMON_WORDS = """a an and as at by for from in of on or the to with about after over new
    call calls meeting meetings statement joint remarks press briefing availability
    conference travel trip visit day national independence anniversary announcement
    designation sanctions foreign minister prime president deputy special envoy
    assistant ambassador ministerial dialogue strategic security public schedule"""
_COMMON = frozenset(_COMMON_WORDS.split())
PREFIXES = ("US: ", "U.S.: ", "State Department: ", "Washington: ")


def lower_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case (punctuation stripped)."""
    found = (w.strip(".,;:!?()[]“”\"'’") for w in text.split())
    return {w for w in found if w.islower()}


def sentence_case(title: str, lower: set[str] = frozenset()) -> str:
    """Words after the first lowercased when common or in ``lower``:
    ``Secretary Blinken's call with Ukrainian foreign minister Kuleba``."""
    first, *rest = title.split(" ")
    known = _COMMON | lower
    return " ".join([first, *(w.lower() if w.lower() in known else w for w in rest)])


def retitle(title: str, rng: random.Random, *, text: str = "") -> str:
    """The outlet's headline: prefixed, or in sentence case (prefixed if that changes
    nothing); ``text``'s lower-case words are lowercased in the title too."""
    title = " ".join(title.split())
    if rng.random() < 0.5:
        cased = sentence_case(title, lower_words(text))
        if cased != title:
            return cased
    return rng.choice(PREFIXES) + title


# ---- addresses ----------------------------------------------------------------------


def slug(title: str, length: int = 80) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:length].rstrip("-")


def copy_url(outlet: Outlet, title: str, day: dt.date, token: str) -> str:
    """``https://gulfwire.example/2022/06/03/<slug>-<token>``"""
    return f"https://{outlet.domain}/{day:%Y/%m/%d}/{slug(title) or 'story'}-{token}"
