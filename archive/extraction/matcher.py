"""Find gazetteer names in text with one Aho–Corasick pass.

Matching is case-sensitive ("Turkey" the country, not "turkey" the bird) and
whole-word; acronyms are also refused inside shouted all-caps text, where
"WHO" or "CAN" are ordinary words.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from archive.extraction.reference import Gazetteer, Surface


@dataclass(slots=True)
class Match:
    start: int
    end: int
    surfaces: list[Surface]

    @property
    def best(self) -> Surface:
        return self.surfaces[0]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _caps_word_near(text: str, start: int, end: int) -> bool:
    """True when the word before or after is an all-caps word (shouting)."""
    after = text[end : end + 25].split(None, 1)
    before = text[max(0, start - 25) : start].rsplit(None, 1)
    for word in (after[0] if after else "", before[-1] if before else ""):
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) >= 4 and all(ch.isupper() for ch in letters):
            return True
    return False


class GazetteerMatcher:
    def __init__(self, gazetteer: Gazetteer) -> None:
        automaton = ahocorasick.Automaton()
        for text, surfaces in gazetteer.surfaces.items():
            automaton.add_word(text, (len(text), surfaces))
        automaton.make_automaton()
        self._automaton = automaton

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping whole-word matches."""
        found: list[tuple[int, int, list[Surface]]] = []
        n = len(text)
        for last, (length, surfaces) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < n and _is_word_char(text[end]):
                continue
            if surfaces[0].acronym and _caps_word_near(text, start, end):
                continue
            found.append((start, end, surfaces))
        found.sort(key=lambda m: (m[0], -m[1]))
        out: list[Match] = []
        reach = -1
        for start, end, surfaces in found:
            if start >= reach:
                out.append(Match(start, end, surfaces))
                reach = end
        return out
