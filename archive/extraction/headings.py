"""Headings and headlines: lines whose every word is capitalised.

In "Secretary Blinken Tests Positive for COVID-19" or "Secretary Antony J.
Blinken Keynote Remarks at ...", a capital letter says nothing about a name:
the name ends where a word of the headline's grammar starts (a verb such as
"Tests", a noun such as "Keynote", "Roundtable"), or a word the article writes
in lower case. A sentence written in title case ("Ensures the United States
is Better Prepared to Prevent, Detect, and Respond to ...") is a slogan: its
capitalised words are no person's name without other evidence.
"""

from __future__ import annotations

import re

from archive.extraction import lexicon as lx
from archive.extraction.article_text import ArticleText
from archive.extraction.spans import Unit

_LONG_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{3,}")
_SENTENCE_END = re.compile(r"[.!?:;\n]")
# Words around lists of names and roles: no sign of a slogan.
_NAME_CONTEXT_WORDS = lx.ROLE_WORDS | lx.HONORIFICS | frozenset(lx.ORG_HEADS)
# Lower-case words that end a name: "Judge John Bissell of Newark".
_NAME_ENDS_GAP = re.compile(r"\b(?:of|for|on)\b")


def _title_cased(segment: str, minimum: int, share: float = 0.8) -> bool:
    words = _LONG_WORD.findall(segment)
    if len(words) < minimum:
        return False
    return sum(1 for w in words if w[0].isupper()) >= share * len(words)


def in_headline(at: ArticleText, s: int) -> bool:
    """Whether offset ``s`` is on a title-cased line (the article's title, a
    heading) that is not shouted (shouted lines have their own rules)."""
    if at.in_shouted(s):
        return False
    return in_title_case_line(at.text, s)


def in_title_case_line(text: str, s: int) -> bool:
    """Whether offset ``s`` is on a title-cased line of ``text``."""
    line_s = text.rfind("\n", 0, s) + 1
    line_e = text.find("\n", s)
    return _title_cased(text[line_s : line_e if line_e >= 0 else len(text)], 3)


def in_title_cased_sentence(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` stands in a title-cased sentence (a slogan, a
    list item written as a heading: "... is Better Prepared to Prevent,
    Detect, and Respond to Future Biological Threats"): every long word
    capitalised, three or more of them words the article also writes
    in lower case (so not a list of names)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, s - 300), s)]
    begin = starts[-1] if starts else max(0, s - 300)
    end_m = _SENTENCE_END.search(text, e, e + 300)
    end = end_m.start() if end_m else min(len(text), e + 300)
    if not _title_cased(text[begin:end], 6, share=1.0):
        return False
    outside = [*_LONG_WORD.findall(text, begin, s), *_LONG_WORD.findall(text, e, end)]
    ordinary = 0
    for word in outside:
        if word in _NAME_CONTEXT_WORDS:
            continue  # "Deputy Directors" after a list of names
        if word[0].isupper() and re.search(rf"(?<![^\W\d_]){word.lower()}(?![^\W\d_])", text):
            ordinary += 1
            if ordinary >= 3:
                return True
    return False


def headline_word(at: ArticleText, u: Unit) -> bool:
    """A word of a headline's grammar, not of a name: a verb or noun of
    headlines, or a word the article writes in lower case."""
    if u.match is not None:
        return False
    word = u.word
    return word in lx.HEADLINE_VERBS or word in lx.HEADLINE_NOUNS or at.ordinary_word(word)


def split_name_tail(at: ArticleText, tail: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """The name read after a title, and the rest of the run: "Judge John
    Bissell | of Newark", "Blinken | on Twitter"; in a headline the name ends
    before a headline word ("Blinken | Tests Positive", "Antony J. Blinken |
    Opening Remarks"), and the headline words are dropped from the rest."""
    for k in range(1, len(tail)):
        if _NAME_ENDS_GAP.search(at.gap(tail[k - 1], tail[k])):
            break
    else:
        k = len(tail)
    if len(tail) >= 2 and in_headline(at, tail[0].start):
        for h in range(1, k):
            if headline_word(at, tail[h]):
                rest = tail[h:]
                while rest and headline_word(at, rest[0]):
                    rest = rest[1:]
                return tail[:h], rest
    return tail[:k], tail[k:]
