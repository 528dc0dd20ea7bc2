"""One article as the mention rules read it: its text, its gazetteer matches
and its shouted lines, with the questions the rules ask of them.

Nothing here changes once built (the memo of ordinary words only saves
work), so every stage of ``find_mentions`` can share one ``ArticleText``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from archive.extraction import cues
from archive.extraction import patterns as pt
from archive.extraction.matcher import Match
from archive.extraction.reference import Gazetteer
from archive.extraction.roles import gap
from archive.extraction.spans import Unit

# The country whose own releases these are: its ministries are never unnamed.
_UNITED_STATES = "USA"


class ArticleText:
    def __init__(
        self,
        text: str,
        gaz: Gazetteer,
        matches: list[Match],
        shouted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.gaz = gaz
        self.matches = matches
        self.shouted = list(shouted)
        self._match_starts = [m.start for m in matches]
        self._shouted_starts = [r[0] for r in self.shouted]
        self._ordinary: dict[str, bool] = {}
        self._foreign: str | None = None

    def ordinary_word(self, word: str) -> bool:
        """``word`` is a common noun or adjective: written in lower case
        elsewhere in this article, or a noun for people or organisations."""
        known = self._ordinary.get(word)
        if known is not None:
            return known
        low = word.lower()
        found = cues.common_noun(low)
        text = self.text
        i = -1 if found else text.find(low)
        while i >= 0:
            end = i + len(low)
            if (i == 0 or not text[i - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            ):
                found = True
                break
            i = text.find(low, end)
        self._ordinary[word] = found
        return found

    def only_foreign_country(self) -> str | None:
        """The name of the one country but the United States the article names
        (by name or demonym), or None when it names none or several."""
        if self._foreign is None:
            refs = {
                m.best.ref
                for m in self.matches
                if m.best.kind == "country" and m.best.ref != _UNITED_STATES
            }
            self._foreign = self.gaz.countries[next(iter(refs))].name if len(refs) == 1 else ""
        return self._foreign or None

    def in_shouted(self, s: int) -> bool:
        i = bisect.bisect_right(self._shouted_starts, s) - 1
        return i >= 0 and self.shouted[i][1] > s

    def matches_in(self, s: int, e: int) -> list[Match]:
        lo = bisect.bisect_left(self._match_starts, s)
        # A match may start before the run (crossing): look one back.
        if lo > 0 and self.matches[lo - 1].end > s:
            lo -= 1
        out = []
        for m in self.matches[lo:]:
            if m.start >= e:
                break
            out.append(m)
        return out

    def match_ending_at(self, s: int) -> Match | None:
        """The gazetteer match just before ``s``, followed by "'s "."""
        for suffix in ("'s ", "’s "):
            end = s - len(suffix)
            if end > 0 and self.text[end:s] == suffix:
                k = bisect.bisect_left(self._match_starts, end) - 1
                if k >= 0 and self.matches[k].end == end:
                    return self.matches[k]
        return None

    def gap(self, a: Unit, b: Unit) -> str:
        return gap(self.text, a, b)

    def verb_after(self, u: Unit) -> bool:
        """A preposition after ``u`` ("Travel to"): ``u`` reads as a verb."""
        return pt.PREPOSITION_AFTER_RE.match(self.text, u.end) is not None

    def sentence_start(self, s: int) -> bool:
        i = s - 1
        text = self.text
        while i >= 0 and text[i] in " \t\xa0\"“‘'([«—–-•*":
            i -= 1
        return i < 0 or text[i] in ".!?:;\n|/>"

    def line_start(self, s: int) -> bool:
        i = s - 1
        while i >= 0 and self.text[i] in " \t\xa0":
            i -= 1
        return i < 0 or self.text[i] == "\n"

    def alone_on_line(self, s: int, e: int) -> bool:
        line_s = self.text.rfind("\n", 0, s) + 1
        line_e = self.text.find("\n", e)
        line = self.text[line_s : line_e if line_e >= 0 else len(self.text)]
        return line.strip() == self.text[s:e]

    def country_in_brackets(self, e: int) -> bool:
        """A country in brackets after the name, as people are listed in
        results ("Barbara Rittner ( Germany )")."""
        m = pt.BRACKETS_AFTER_RE.match(self.text, e)
        if not m:
            return False
        return any(
            k.kind == "country" and not k.demonym for k in self.gaz.surfaces.get(m["inner"], ())
        )

    def term(self, s: int, e: int) -> bool:
        """An all-caps word that is no organisation's abbreviation: defined by
        lower-case words ("cash reserve ratio ( CRR )"), a unit after a number
        ("220 KV"), or one of several words in capitals ("RESEARCH ALERT")."""
        if pt.TERM_CONTEXT_RE.search(self.text, max(0, s - 40), s):
            return True
        after = self.text[e : e + 30].split(None, 1)
        before = self.text[max(0, s - 30) : s].split()
        near = (after[0] if after else "", before[-1] if before else "")
        return any(len(w) >= 2 and w.isalpha() and w.isupper() for w in near)
