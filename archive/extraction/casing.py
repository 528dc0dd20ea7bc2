"""Read shouted text (headlines and speaker labels in capitals) as ordinary text.

"SOCCER - POLAND TIES CYPRUS IN FRIENDLY" and "PREMIER EGEDE: ..." hide their
names from a case-sensitive reader. ``unshout`` returns a copy of the text of
the same length in which such lines are title-cased ("Poland Ties Cyprus in
Friendly"), so that every offset still points into the original, and the
shouted lines: what is found only there is weak evidence (every word of a
headline is capitalised).
"""

from __future__ import annotations

import itertools
import re

from archive.extraction import lexicon as lx
from archive.extraction.patterns import U

_WORD = re.compile(r"[^\W\d_][\w'’.\-&]*")
# Words of two letters or more, and those among them written in capitals.
_CAPS_PAIR = re.compile(rf"[{U}][{U}]")
_LONG_WORD = re.compile(r"(?<![\w'’.\-&])[^\W\d_][\w'’.\-&]*[^\W\d_][\w'’.\-&]*")
_CAPS_WORD = re.compile(rf"(?<![\w'’.\-&])[{U}][{U}'’.\-&]*[{U}][{U}'’.\-&]*(?![\w'’.\-&])")
# "PREMIER EGEDE:", "MR PRICE:", "QUESTION:" at the start of a transcript line.
_SPEAKER = re.compile(r"^[ \t]*(?P<label>[^\W\d_a-z][^:\n]{0,60}?):[ \t]")

# Function words of headlines, lower-cased so that they cut names apart as in
# running text ("NEW YORK AT SEATTLE" -> "New York at Seattle").
_LOWER = frozenset(w.lower() for w in lx.TITLE_CASE_BREAKS) | {"v", "vs", "v.", "vs."}


def _is_caps(word: str) -> bool:
    return word.isupper() and sum(1 for ch in word if ch.isalpha()) >= 2


def _shouted(segment: str) -> bool:
    caps = len(_CAPS_WORD.findall(segment))
    return caps >= 2 and caps >= 0.6 * len(_LONG_WORD.findall(segment))


def _recase(match: re.Match[str]) -> str:
    """Title case, character by character so that the length never changes."""
    word = match.group()
    if "." in word.rstrip(".") or not _is_caps(word):
        return word  # "U.S.", or not shouted
    low = word.lower()
    if low in _LOWER:
        return low
    if len(low) == len(word) and not any(ch in word for ch in "'’-"):
        return word[0] + low[1:]
    out = [word[0]]
    for prev, ch in itertools.pairwise(word):
        low = ch.lower()
        # "O'NEILL" -> "O'Neill", "AL-AIN" -> "Al-Ain"; keep what lower() would lengthen.
        out.append(ch if prev in "'’-" or len(low) != 1 else low)
    return "".join(out)


def _caps_lines(text: str) -> dict[int, int]:
    """Start of each line holding words in capitals -> how many it holds.

    Two capitals in a row are looked for first (a fast scan); only the lines
    that have them are read word by word."""
    lines: dict[int, int] = {}
    end = -1
    for pair in _CAPS_PAIR.finditer(text):
        if pair.start() < end:
            continue
        start = text.rfind("\n", 0, pair.start()) + 1
        end = text.find("\n", pair.start())
        end = len(text) if end < 0 else end
        caps = len(_CAPS_WORD.findall(text, start, end))
        if caps:
            lines[start] = caps
    return lines


def unshout(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with shouted lines (and shouted speaker labels) title-cased,
    and the (start, end) ranges of the shouted lines (headlines, where every
    word is capitalised; a speaker label is a name as reliable as any).

    Acronyms are title-cased too: in "WHO CAN HELP" no word can be told to be
    one, so, as before, no acronym is read in shouted text."""
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    pos = 0
    for s, caps in _caps_lines(text).items():
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        segment = text[s:e]
        # A shouted line is mostly capitals: long lines with few are prose.
        if caps >= 2 and len(segment) < 24 * caps and _shouted(segment):
            ranges.append((s, e))
        else:
            speaker = _SPEAKER.match(segment) if ":" in segment else None
            if not speaker or not all(_is_caps(w) for w in speaker["label"].split()):
                continue
            # The label may be indented: it starts where the match says, not at s.
            s, e = s + speaker.start("label"), s + speaker.end("label")
            segment = speaker["label"]
        parts.append(text[pos:s])
        parts.append(_WORD.sub(_recase, segment))
        pos = e
    if not parts:
        return text, []
    parts.append(text[pos:])
    view = "".join(parts)
    assert len(view) == len(text)
    return view, ranges


_LONG_WORD_ANY = re.compile(r"[^\W\d_]{4,}")
_LIST_MARK = re.compile(r"[\d,;()|]")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Short lines in which (nearly) every long word is capitalised: headings
    such as "Support for Climate Change Adaptation in Sri Lanka", where a
    capital letter says nothing about a name."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        # Lists of names ("Alec Stewart , Graham Thorpe ...", "Jan Siemerink
        # ( Netherlands ) beat ...") are capitalised too, but punctuated.
        if not 10 <= len(line) <= 200 or _LIST_MARK.search(line):
            continue
        words = _LONG_WORD_ANY.findall(line)
        if len(words) < 4:
            continue
        capitalised = sum(1 for w in words if w[0].isupper())
        if capitalised >= 0.8 * len(words):
            out.append((start, start + len(line)))
    return out
