"""Find entity mentions (typed character spans) in one article.

The text is scanned for capitalised runs ("President of the Republic of
Azerbaijan Ilham Aliyev"); each run is split into units (words, or gazetteer
matches covering several words) and read with a few rules, in order:

1. a title followed by a name -> person, with the role kept;
2. a head noun ("... Bank", "... Summit", "Ministry of ...") -> organisation,
   event or place;
3. otherwise gazetteer matches are mentions, and unknown capitalised words are
   kept as *candidates* that become persons only with evidence (a speech
   verb, an appositive title, a known given name, a later surname reference).

Spans are kept so that a CoNLL-style evaluation can score them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from archive.extraction import cues
from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.acronyms import long_form_before, matches_acronym
from archive.extraction.casing import title_case_lines
from archive.extraction.layout import layout_mentions
from archive.extraction.matcher import Match
from archive.extraction.reference import Gazetteer
from archive.extraction.roles import build_role, gap
from archive.extraction.spans import Candidate, Findings, Mention, Unit


def _is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


_ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())  # noqa: SIM905


def _name_like(unit: Unit) -> bool:
    if unit[3] is not None:
        return False
    word = unit[2]
    if word in lx.ROLE_WORDS or word in lx.NON_NAMES or word in lx.HONORIFICS:
        return False
    if word in lx.ORG_HEADS or word in lx.EVENT_HEADS or word in lx.PLACE_HEADS:
        return False
    # All-caps words are acronyms, not names (but "II" and "U.S." pass).
    return not (_is_caps(word) and word not in _ROMAN and "." not in word)


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    # -- entry point -----------------------------------------------------------

    def find(
        self,
        text: str,
        body_start: int,
        matches: list[Match],
        shouted: Sequence[tuple[int, int]] = (),
    ) -> Findings:
        out = Findings(text=text, body_start=body_start)
        self._shouted = list(shouted)
        self._shouted_starts = [r[0] for r in self._shouted]
        self._ordinary: dict[str, bool] = {}
        self._text = text
        self._out = out
        self._matches = matches
        self._match_starts = [m.start for m in matches]
        self._emitted: set[int] = set()  # ids of matches already emitted
        self._pending_role: tuple[str, int, bool] | None = None
        self._last_role: tuple[str, int] | None = None
        layout = layout_mentions(text, self.gaz)
        out.mentions.extend(layout)
        claims = self._claim_special_events() + [(m.start, m.end) for m in layout]
        claims.sort()
        claim_starts = [c[0] for c in claims]
        for run in pt.RUN_RE.finditer(text):
            s, e = run.span()
            i = bisect.bisect_right(claim_starts, s) - 1
            if i >= 0 and claims[i][1] > s:
                continue  # inside a claimed span
            j = bisect.bisect_left(claim_starts, s)
            if j < len(claims) and claims[j][0] < e:
                self._process_span(s, claims[j][0])
                continue
            self._process_span(s, e)
        self._emit_outside_matches(claims)
        self._link_acronyms()
        if self._shouted:
            for cand in itertools.chain(out.candidates, out.singles):
                cand.weak = cand.weak or self._in_shouted(cand.start)
        headings = title_case_lines(text)
        if headings:
            starts = [h[0] for h in headings]
            for cand in itertools.chain(out.candidates, out.singles):
                i = bisect.bisect_right(starts, cand.start) - 1
                cand.heading = i >= 0 and headings[i][1] > cand.start
        out.mentions.sort(key=lambda m: m.start)
        return out

    def _ordinary_word(self, word: str) -> bool:
        """``word`` is a common noun or adjective: written in lower case
        elsewhere in this article, or a noun for people or organisations."""
        known = self._ordinary.get(word)
        if known is not None:
            return known
        low = word.lower()
        found = cues.common_noun(low)
        text = self._text
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

    def _in_shouted(self, s: int) -> bool:
        i = bisect.bisect_right(self._shouted_starts, s) - 1
        return i >= 0 and self._shouted[i][1] > s

    # -- spans and units -------------------------------------------------------

    def _matches_in(self, s: int, e: int) -> list[Match]:
        lo = bisect.bisect_left(self._match_starts, s)
        # A match may start before the run (crossing): look one back.
        if lo > 0 and self._matches[lo - 1].end > s:
            lo -= 1
        out = []
        for k in range(lo, len(self._matches)):
            m = self._matches[k]
            if m.start >= e:
                break
            out.append(m)
        return out

    def _process_span(self, s: int, e: int) -> None:
        text = self._text
        matches = self._matches_in(s, e)
        for m in matches:
            if m.start < s or m.end > e:
                # A gazetteer name crossing the run ("Islamic World Educational,
                # Scientific and Cultural Organization"): it wins; the rest of
                # the run is read on its own.
                self._emit_match(m, standalone=True)
                for part_s, part_e in ((s, m.start), (m.end, e)):
                    if part_e > part_s:
                        for run in pt.RUN_RE.finditer(text, part_s, part_e):
                            self._process_span(*run.span())
                return
        run_text = text[s:e]
        if not matches and " " not in run_text and "-" not in run_text:
            units: list[Unit] = [(s, e, run_text, None)]
        else:
            units = self._units(s, e, matches)
        self._interpret(units, sentence_start=self._sentence_start(s))

    def _units(self, s: int, e: int, matches: list[Match]) -> list[Unit]:
        units: list[Unit] = []
        k = 0
        for tok in pt.TOKEN_RE.finditer(self._text, s, e):
            ts, te = tok.span()
            while k < len(matches) and matches[k].end <= ts:
                k += 1
            if k < len(matches) and matches[k].start <= ts < matches[k].end:
                m = matches[k]
                if not units or units[-1][3] is not m:
                    units.append((m.start, m.end, self._text[m.start : m.end], m))
                continue
            units.append((ts, te, tok.group(), None))
        return units

    def _sentence_start(self, s: int) -> bool:
        i = s - 1
        text = self._text
        while i >= 0 and text[i] in " \t\xa0\"“‘'([«—–-•*":
            i -= 1
        return i < 0 or text[i] in ".!?:;\n|/>"

    def _gap(self, a: Unit, b: Unit) -> str:
        return gap(self._text, a, b)

    # -- reading a run ---------------------------------------------------------

    def _interpret(self, units: list[Unit], sentence_start: bool) -> None:
        if not units:
            return
        line_start = self._line_start(units[0][0])
        if line_start and units[0][2] in {"By", "About"} and units[0][3] is None:
            return  # byline or "About <author>" footer
        # Trim page furniture and sentence-initial function words.
        while units and self._trim_first(units, sentence_start):
            units = units[1:]
            sentence_start = False
        while units and units[-1][3] is None and units[-1][2] in lx.NON_NAMES:
            units = units[:-1]
        if not units:
            return
        shouting = sum(1 for u in units if u[3] is None and _is_caps(u[2]) and len(u[2]) > 3)
        if shouting >= 2 or (shouting and len(units) == 1 and len(units[0][2]) > 6):
            return
        units = self._given_name_atoms(units)
        for piece in self._split_title_case(units):
            for part in self._split_and(piece):
                self._read(part, sentence_start and part[0] is units[0])

    def _trim_first(self, units: list[Unit], sentence_start: bool) -> bool:
        """Whether the first unit is no part of a name: a determiner, page
        furniture, a function word or ordinary word starting the sentence."""
        first = units[0]
        word = first[2]
        if first[3] is not None:
            return False
        if word in lx.DETERMINERS:
            return True
        if word in lx.NON_NAMES:
            # "News Corp", "Sun Microsystems Inc.": the word starts a company's
            # name; "Jan Kroslak", "May Smith": a given name.
            given = word in self.gaz.given_names and len(units) > 1 and _name_like(units[1])
            return not (given or self._company_name(units))
        if not sentence_start:
            return False
        if word in lx.SENTENCE_STOPWORDS:
            # "Under Secretary ...", "First Deputy ..." start a title.
            return not (word in lx.ROLE_WORDS and len(units) > 1 and units[1][2] in lx.ROLE_WORDS)
        # "Winger Lee Sharpe", "Jailed Socialist leader ...", "Outsider Pavel
        # Vornik": an ordinary word capitalised because it starts the sentence.
        if len(units) < 2 or word in lx.ROLE_WORDS:
            return False
        given_next = (
            len(units) > 2
            and units[1][3] is None
            and units[1][2] in self.gaz.given_names
            and word not in self.gaz.given_names
        )
        return given_next or self._ordinary_word(word)

    def _company_name(self, units: list[Unit]) -> bool:
        if len(units) < 2 or self._alone_on_line(units[0][0], units[-1][1]):
            return False
        last = units[-1]
        if last[3] is None and last[2] in lx.ORG_HEADS:
            return True
        second = units[1]
        return (
            len(units) > 2
            and second[3] is None
            and second[2] in lx.ORG_HEADS_FIRST
            and " of " in f" {self._gap(second, units[2])} "
        )

    def _alone_on_line(self, s: int, e: int) -> bool:
        line_s = self._text.rfind("\n", 0, s) + 1
        line_e = self._text.find("\n", e)
        line = self._text[line_s : line_e if line_e >= 0 else len(self._text)]
        return line.strip() == self._text[s:e]

    @staticmethod
    def _split_title_case(units: list[Unit]) -> list[list[Unit]]:
        """Cut at capitalised function words of headlines ("... Popescu Before
        Their Meeting"); a role word before a role word stays ("Under Secretary")."""
        pieces: list[list[Unit]] = [[]]
        for i, u in enumerate(units):
            word = u[2]
            if (
                u[3] is None
                and word in lx.TITLE_CASE_BREAKS
                and not (
                    word in lx.ROLE_WORDS
                    and i + 1 < len(units)
                    and units[i + 1][2] in lx.ROLE_WORDS
                )
            ):
                if pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append(u)
        return [p for p in pieces if p]

    def _line_start(self, s: int) -> bool:
        i = s - 1
        while i >= 0 and self._text[i] in " \t\xa0":
            i -= 1
        return i < 0 or self._text[i] == "\n"

    def _given_name_atoms(self, units: list[Unit]) -> list[Unit]:
        """A place name that is also a given name, followed by a name-like
        word, is a first name ("Santiago Peña")."""
        out = list(units)
        for i, u in enumerate(out[:-1]):
            m = u[3]
            if (
                m is not None
                and m.best.kind in ("place", "country")
                and not m.best.demonym
                and u[2] in self.gaz.given_names
                and _name_like(out[i + 1])
            ):
                out[i] = (u[0], u[1], u[2], None)
        return out

    def _split_and(self, units: list[Unit]) -> list[list[Unit]]:
        """Split "Azerbaijan and Armenia" but keep "Heads of State and Government"
        and "Trade and Technology Council"."""
        last = units[-1]
        ends_in_head = last[3] is None and (last[2] in lx.ORG_HEADS or last[2] in lx.EVENT_HEADS)
        parts: list[list[Unit]] = [[units[0]]]
        seen_of = False
        for prev, unit in itertools.pairwise(units):
            gap = self._gap(prev, unit)
            if " of " in f" {gap} ":
                seen_of = True
            if (" for " in f" {gap} " or " on " in f" {gap} ") and self._splits_at_for(prev, unit):
                parts.append([unit])
                seen_of = False
                continue
            if " and " in f" {gap} ":
                rest = units[units.index(unit) :]
                plain = all(u[3] is None and u[2] not in lx.TITLE_HEADS for u in rest)
                # "... Bureau of East Asian and Pacific Affairs Kin Moy": the
                # office goes on after "and" when role words follow.
                office = any(u[2] in lx.ROLE_WORDS for u in rest)
                keep = plain and (
                    (seen_of and (len(rest) <= 2 or office)) or (ends_in_head and len(rest) <= 3)
                )
                if not keep:
                    parts.append([unit])
                    seen_of = False
                    continue
            parts[-1].append(unit)
        return parts

    @staticmethod
    def _splits_at_for(prev: Unit, unit: Unit) -> bool:
        """Split "Los Angeles for the Summit of the Americas" in two; keep
        "Minister for Foreign Affairs" and "Center for Strategic Studies" whole."""
        if prev[3] is None and (
            prev[2] in lx.ROLE_WORDS
            or prev[2] in lx.ORG_HEADS
            or prev[2] in lx.EVENT_HEADS
            or prev[2] in lx.HONORIFICS
        ):
            return False
        return (
            unit[3] is not None
            or unit[2] in lx.EVENT_HEADS_FIRST
            or (unit[2] in lx.ORG_HEADS_FIRST)
        )

    def _read(self, units: list[Unit], sentence_start: bool) -> None:
        pending = self._pending_role
        self._pending_role = None
        if len(units) == 1:
            self._read_single(units[0], sentence_start, pending)
            s, e = units[0][0], units[0][1]
            if pending and self._text[s - 1 : s] == "(" and self._text[e : e + 1] == ")":
                # "Secretary General of the ... (OIC) Hissein Ibrahim Taha"
                self._pending_role = pending
            return
        if self._read_title(units, pending):
            return
        if self._read_head(units):
            return
        self._read_mixed(units, sentence_start, pending)

    def _read_single(self, unit: Unit, sentence_start: bool, pending) -> None:
        s, e, word, m = unit
        if m is not None:
            mention = self._emit_match(m, standalone=True)
            if mention is not None and mention.kind == "person" and pending:
                self._apply_pending(mention, pending)
            return
        if word in lx.ROLE_WORDS or word in lx.HONORIFICS or word in lx.SENTENCE_STOPWORDS:
            return
        cand = Candidate(s, e, word, (word,), sentence_start=sentence_start)
        if pending and self._role_gap_ok(pending, s) and pending[2] and _name_like(unit):
            cand.evidence, cand.role = "title", pending[0]
        else:
            self._single_evidence(cand)
        self._out.singles.append(cand)

    def _single_evidence(self, cand: Candidate) -> None:
        """A lone capitalised word: "Tendulkar said", "coach Fringer",
        "retailer Promodes", "north of Zadar"."""
        text, s, e = self._text, cand.start, cand.end
        if text[e : e + 1] == "@" or text[s - 1 : s] in ("@", "/", "."):
            cand.weak = True  # part of an e-mail address or a web address
            return
        cand.article = text[max(0, s - 4) : s] in ("the ", "The ")
        cand.common = self._ordinary_word(cand.surface)
        cand.before_number = bool(pt.NUMBER_AFTER_RE.match(text, e))
        if cand.surface.isupper():
            cand.term = self._term(s, e)
        context = cues.read(text, s, e)
        if pt.SPEECH_AFTER_RE.match(text, e):
            cand.evidence = "speech"
        elif context.person or pt.SCORER_AFTER_RE.match(text, e) or self._country_in_brackets(e):
            cand.evidence = "cue"
        if context.organisation:
            cand.org_hint, cand.evidence = True, ""
        cand.place_hint = context.place

    def _term(self, s: int, e: int) -> bool:
        """An all-caps word that is no organisation's abbreviation: defined by
        lower-case words ("cash reserve ratio ( CRR )"), a unit after a number
        ("220 KV"), or one of several words in capitals ("RESEARCH ALERT")."""
        if pt.TERM_CONTEXT_RE.search(self._text, max(0, s - 40), s):
            return True
        after = self._text[e : e + 30].split(None, 1)
        before = self._text[max(0, s - 30) : s].split()
        near = (after[0] if after else "", before[-1] if before else "")
        return any(len(w) >= 2 and w.isalpha() and w.isupper() for w in near)

    def _country_in_brackets(self, e: int) -> bool:
        """A country in brackets after the name, as people are listed in
        results ("Barbara Rittner ( Germany )")."""
        m = pt.BRACKETS_AFTER_RE.match(self._text, e)
        if not m:
            return False
        return any(
            k.kind == "country" and not k.demonym for k in self.gaz.surfaces.get(m["inner"], ())
        )

    # 1. title + name
    def _read_title(self, units: list[Unit], pending) -> bool:
        n = len(units)
        j = n
        if units[-1][3] is not None and units[-1][3].best.kind == "person":
            j = n - 1
        else:
            while j > 0 and _name_like(units[j - 1]):
                j -= 1
        prefix, tail = units[:j], units[j:]
        if not prefix:
            return False
        words = [u[2] for u in prefix if u[3] is None]
        if not any(w in lx.TITLE_HEADS or w in lx.HONORIFICS for w in words):
            return False
        last = prefix[-1]
        if last[3] is None and last[2] not in lx.ROLE_WORDS and last[2] not in lx.HONORIFICS:
            return False
        if not tail:
            if (
                last[3] is None
                and (
                    last[2] in lx.ORG_HEADS
                    or last[2] in lx.EVENT_HEADS
                    or last[2] in lx.PLACE_HEADS
                )
                and last[2] not in lx.TITLE_HEADS
            ):
                return False  # "General Assembly", "Foreign Ministry": a head noun
            self._role_only(prefix)
            return True
        if len(tail) > 6:
            return False
        # "Judge John Bissell of Newark": a name ends where "of" starts a place.
        rest: list[Unit] = []
        for k in range(1, len(tail)):
            if pt.OF_FOR_GAP_RE.search(self._gap(tail[k - 1], tail[k])):
                tail, rest = tail[:k], tail[k:]
                break
        if self._gap(last, tail[0]).strip(" -"):
            # "Bureau of East Asian ...", "... Narcotics and Law Enforcement":
            # words after "of"/"and" complete the office, they are no name.
            self._role_only(units)
            return True
        strong = any(w in lx.STRONG_TITLES for w in words)
        if len(tail) == 1 and tail[0][3] is None:
            # "President Abbas" is a person; "Under Secretary for Economic
            # Growth" is an office: a lone word must follow the title itself.
            next_to_title = last[3] is None and (
                last[2] in lx.TITLE_HEADS or last[2] in lx.HONORIFICS
            )
            if not (strong and next_to_title):
                self._role_only(units)
                return True
        self._emit_prefix_atoms(prefix)
        role, title_alias, title = build_role(self._text, self.gaz, prefix, tail)
        role = self._possessive_role(prefix[0][0], role)
        if tail[0][3] is not None:
            mention = self._emit_match(tail[0][3], standalone=True)
            if mention is None:
                return True
        else:
            s, e = tail[0][0], tail[-1][1]
            if self._in_shouted(s):
                # "Premier Division Result": in a headline every word looks
                # like a title or a name; known names are found again later.
                cand = Candidate(s, e, self._text[s:e], tuple(u[2] for u in tail), weak=True)
                (self._out.singles if len(tail) == 1 else self._out.candidates).append(cand)
                return True
            mention = Mention(
                kind="person",
                start=s,
                end=e,
                surface=self._text[s:e],
                evidence="title",
                surname_only=len(tail) == 1,
            )
            self._out.mentions.append(mention)
        mention.role = role or mention.role
        mention.title = title
        mention.title_alias = title_alias
        if rest:
            self._read(rest, False)
        return True

    def _role_only(self, prefix: list[Unit]) -> None:
        """A title without a name: it may introduce the next run's name, or be
        an appositive of the previous one."""
        self._emit_prefix_atoms(prefix)
        role, _, _ = build_role(self._text, self.gaz, prefix, [])
        s, e = prefix[0][0], prefix[-1][1]
        role = self._possessive_role(s, role)
        words = [u[2] for u in prefix if u[3] is None]
        strong = any(w in lx.STRONG_TITLES for w in words)
        self._pending_role = (role, e, strong)
        self._last_role = (self._text[s:e], e)
        # Appositive: "Dr. Ahmad Kawesa Sengendo, Assistant Secretary-General ..."
        targets: list[Mention | Candidate] = [
            *self._out.mentions[-3:],
            *self._out.candidates[-2:],
        ]
        before = [t for t in targets if t.end <= s]
        if before:
            target = max(before, key=lambda t: t.end)
            if pt.APPOSITIVE_GAP_RE.match(self._text[target.end : s]):
                if isinstance(target, Mention):
                    if target.kind == "person" and not target.role:
                        target.role = role
                else:
                    target.evidence = target.evidence or "appositive"
                    target.role = target.role or role

    def _possessive_role(self, s: int, role: str) -> str:
        """In "OIC Secretary General's Assistant for ...", the office belongs to
        the previous title."""
        if role and self._last_role and self._text[self._last_role[1] : s] in ("'s ", "’s "):
            return f"{self._last_role[0]}'s {role}"
        return role

    def _apply_pending(self, mention: Mention, pending) -> None:
        if self._role_gap_ok(pending, mention.start) and not mention.role:
            mention.role = pending[0]

    def _role_gap_ok(self, pending, s: int) -> bool:
        gap = self._text[pending[1] : s]
        return "\n" not in gap and bool(pt.ROLE_NAME_GAP_RE.match(gap))

    def _emit_prefix_atoms(self, prefix: list[Unit]) -> None:
        for u in prefix:
            m = u[3]
            if m is not None and not m.best.demonym and m.best.kind != "person":
                self._emit_match(m, standalone=False)

    # 2. head nouns
    def _read_head(self, units: list[Unit]) -> bool:
        text = self._text
        last = units[-1]
        kind = ""
        if last[3] is None:
            word = last[2]
            if word in lx.EVENT_HEADS:
                kind = "event"
            elif word in lx.ORG_HEADS:
                kind = "organisation"
            elif word in lx.PLACE_HEADS:
                kind = "place"
        # "Summit of Heads of State and Government", "Ministry of Economy":
        # a head noun taking "of" names the whole phrase.
        for i in range(min(3, len(units) - 1)):
            u = units[i]
            if u[3] is None and " of " in f" {self._gap(u, units[i + 1])} ":
                if u[2] in lx.EVENT_HEADS_FIRST:
                    kind, last = "event", u
                elif u[2] in lx.ORG_HEADS_FIRST and kind != "event":
                    kind, last = "organisation", u
                break
        if not kind and units[0][3] is None and units[0][2] in lx.CLUB_PREFIXES:
            kind = "organisation"  # "FC Linz"
        if not kind:
            return False
        s, e = units[0][0], units[-1][1]
        surface = text[s:e]
        head = last[2]
        mention = Mention(kind=kind, start=s, end=e, surface=surface, name=surface, evidence="head")
        atoms = [u[3].best for u in units if u[3] is not None]
        if kind == "organisation":
            mention.name = self._government_name(units, head, surface)
            igo = any(a.kind == "organisation" for a in atoms)
            mention.org_kind = (
                "intergovernmental"
                if igo and lx.ORG_HEADS.get(head) in ("other", None)
                else lx.ORG_HEADS.get(head, "other")
            )
        elif kind == "event":
            mention.event_kind = lx.EVENT_HEADS.get(head, "other")
            self._ordinal_and_year(mention)
        else:
            mention.place_kind = lx.PLACE_HEADS.get(head, "region")
            for a in atoms:
                if a.kind == "country" and not a.demonym:
                    mention.country = self.gaz.record(a).name
        self._out.mentions.append(mention)
        return True

    def _government_name(self, units: list[Unit], head: str, surface: str) -> str:
        """Governments and ministries name their country: "Russian Government",
        "Government of the Russian Federation", "Russia's Ministry of Foreign Affairs"."""
        if (
            head not in ("Government", "Ministry", "Ministries")
            and not surface.startswith("Ministry")
            and units[0][2] != "Government"
        ):
            return surface
        countries = [
            self.gaz.record(u[3].best)
            for u in units
            if u[3] is not None and u[3].best.kind == "country"
        ]
        names = {c.name for c in countries}
        if not names:
            before = self._match_ending_at(units[0][0])
            if before is not None and before.best.kind == "country" and not before.best.demonym:
                names = {self.gaz.record(before.best).name}
                surface = f"{surface} of {next(iter(names))}"
                return surface
            return surface
        if len(names) != 1:
            return surface
        country = next(iter(names))
        if head == "Government" or units[0][2] == "Government":
            return f"Government of {country}"
        return surface

    def _match_ending_at(self, s: int) -> Match | None:
        """The gazetteer match just before ``s``, followed by "'s "."""
        for suffix in ("'s ", "’s "):
            end = s - len(suffix)
            if end > 0 and self._text[end:s] == suffix:
                k = bisect.bisect_left(self._match_starts, end) - 1
                if k >= 0 and self._matches[k].end == end:
                    return self._matches[k]
        return None

    def _ordinal_and_year(self, mention: Mention) -> None:
        before = self._text[max(0, mention.start - 12) : mention.start]
        m = pt.ORDINAL_BEFORE_RE.search(before)
        if m:
            start = mention.start - (len(before) - m.start())
            mention.aliases += (self._text[start : mention.end],)
            if m["year"]:
                mention.year, mention.explicit_year = int(m["year"]), True

    # 3. gazetteer matches and unknown words
    def _read_mixed(self, units: list[Unit], sentence_start: bool, pending) -> None:
        if self._read_place_named(units):
            return
        text = self._text
        capitalised_others = len(units) > 1
        segment: list[Unit] = []

        def flush(seg: list[Unit], at_start: bool) -> None:
            if not seg:
                return
            s, e = seg[0][0], seg[-1][1]
            tokens = tuple(u[2] for u in seg)
            cand = Candidate(s, e, text[s:e], tokens)
            if len(seg) == 1:
                cand.sentence_start = at_start and sentence_start
                self._single_evidence(cand)
                self._out.singles.append(cand)
                return
            self._evidence(cand, at_start, pending)
            self._out.candidates.append(cand)

        seg_at_start = True
        for idx, u in enumerate(units):
            if _name_like(u):
                if segment and pt.OF_FOR_GAP_RE.search(self._gap(segment[-1], u)):
                    # "Miles Kan of Hambrecht": two names, not one.
                    flush(segment, seg_at_start)
                    segment = []
                if not segment:
                    seg_at_start = idx == 0
                segment.append(u)
                continue
            flush(segment, seg_at_start)
            segment = []
            if u[3] is not None:
                if u[3].best.demonym:
                    # "Azerbaijani Foreign Ministry": part of a longer name;
                    # "Armenian-occupied Kalbajar": an adjective on its own.
                    alone = all(
                        units[k][3] is not None for k in (idx - 1, idx + 1) if 0 <= k < len(units)
                    )
                    if not alone:
                        continue
                    self._emit_match(u[3], standalone=True)
                    continue
                self._emit_match(u[3], standalone=not capitalised_others)
        flush(segment, seg_at_start)

    def _read_place_named(self, units: list[Unit]) -> bool:
        """ "Los Angeles Dodgers", "Bayern Munich", "Television New Zealand": a
        place and unknown words written as one name name an organisation (a
        team, a company); "Greater London", "Upper Egypt" name a place."""
        if not 2 <= len(units) <= 4:
            return False
        matched = [i for i, u in enumerate(units) if u[3] is not None]
        if len(matched) != 1 or matched[0] not in (0, len(units) - 1):
            return False
        place = units[matched[0]][3]
        if place.best.kind not in ("place", "country") or place.best.demonym:
            return False
        others = [u for u in units if u[3] is None]
        if not others or not all(self._proper_word(u) for u in others):
            return False  # "U.S. Strategy", "Europe Day", "Countering America"
        if others[0][2] in self.gaz.given_names:
            return False  # "... America James Cleverly": a person follows
        before = self._text[max(0, units[0][0] - 6) : units[0][0]].split()
        if matched[0] == 0 and before and before[-1] in ("to", "of", "in", "from", "at"):
            return False  # "Ambassador to Lebanon Dorothy Shea"
        if any(self._gap(a, b) != " " for a, b in itertools.pairwise(units)):
            return False
        s, e = units[0][0], units[-1][1]
        surface = self._text[s:e]
        if matched[0] > 0 and len(others) == 1 and others[0][2] in lx.PLACE_MODIFIERS:
            mention = Mention(kind="place", start=s, end=e, surface=surface, name=surface)
            mention.evidence, mention.place_kind = "place-name", "region"
        else:
            mention = Mention(kind="organisation", start=s, end=e, surface=surface, name=surface)
            mention.evidence, mention.org_kind = "place-name", "other"
        self._emitted.add(id(place))
        self._out.mentions.append(mention)
        return True

    def _proper_word(self, unit: Unit) -> bool:
        """A word that can only be (part of) a name: not a word of the grammar
        lists, not an ordinary word of the article (nor its singular), no
        participle ("Government-issued", "Countering")."""
        word = unit[2]
        if not _name_like(unit) or word in lx.NOT_PERSON_WORDS or word in lx.SENTENCE_STOPWORDS:
            return False
        if "-" in word and not all(p[:1].isupper() for p in word.split("-")):
            return False
        if word.endswith("ing") or len(word) < 3:
            return False
        singular = word[:-1] if word.endswith("s") else ""
        return not (self._ordinary_word(word) or (singular and self._ordinary_word(singular)))

    def _evidence(self, cand: Candidate, at_start: bool, pending) -> None:
        text = self._text
        # "the White House says": people do not take an article.
        s = cand.start
        article = text[max(0, s - 4) : s] in ("the ", "The ")
        cand.article = article
        thing = any(t in lx.NOT_PERSON_WORDS for t in cand.tokens)
        context = cues.read(text, s, cand.end)
        cand.org_hint = context.organisation
        if article or thing or cand.org_hint:
            pass
        elif at_start and pending and self._role_gap_ok(pending, s):
            cand.evidence, cand.role = "title", pending[0]
        elif pt.SPEECH_AFTER_RE.match(text, cand.end) or pt.SPEECH_BEFORE_RE.search(
            text, max(0, s - 12), s
        ):
            cand.evidence = "speech"
        elif cand.tokens[0] in self.gaz.given_names:
            cand.evidence = "given-name"
        elif pt.INITIAL_RE.match(cand.tokens[0]):
            cand.evidence = "initial"  # "P. Strang"
        elif (
            context.person
            or self._country_in_brackets(cand.end)
            or pt.SCORER_AFTER_RE.match(text, cand.end)
        ):
            cand.evidence = "cue"
        cand.place_hint = context.place
        cand.before_number = bool(pt.NUMBER_AFTER_RE.match(text, cand.end))
        cand.alone_on_line = self._alone_on_line(cand.start, cand.end)
        cand.common = any(len(t) > 2 and self._ordinary_word(t) for t in cand.tokens)

    # -- gazetteer matches -----------------------------------------------------

    def _emit_match(self, m: Match, *, standalone: bool) -> Mention | None:
        if id(m) in self._emitted:
            return None
        self._emitted.add(id(m))
        surface = m.best
        text = self._text[m.start : m.end]
        if surface.demonym and not standalone:
            return None
        kind = {
            "country": "place",
            "place": "place",
            "organisation": "organisation",
            "person": "person",
            "event": "event",
        }[surface.kind]
        mention = Mention(
            kind=kind,
            start=m.start,
            end=m.end,
            surface=text,
            ref=surface.ref,
            # Demonyms are places here but adjectives (MISC) to an evaluator.
            evidence="demonym" if surface.demonym else "gazetteer",
            demonym=surface.demonym,
        )
        if surface.kind == "organisation" and surface.acronym and len(m.surfaces) > 1:
            refs = tuple(s.ref for s in m.surfaces if s.kind == "organisation")
            if len(set(refs)) > 1:
                mention.ref, mention.candidates = "", refs
        self._out.mentions.append(mention)
        return mention

    def _emit_outside_matches(self, claims: list[tuple[int, int]]) -> None:
        """Matches outside capitalised runs ("44-day war", lower-case names)."""
        starts = [c[0] for c in claims]
        for m in self._matches:
            if id(m) in self._emitted:
                continue
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and claims[i][1] > m.start:
                continue
            if m.best.kind == "event" or not m.best.text[:1].isupper():
                self._emit_match(m, standalone=True)

    # -- special events --------------------------------------------------------

    def _claim_special_events(self) -> list[tuple[int, int]]:
        """Events whose names runs cannot see whole; their spans are claimed."""
        text = self._text
        claims: list[tuple[int, int]] = []
        for d in pt.ACRONYM_DEF_RE.finditer(text) if "(" in text else ():
            after = pt.EVENT_HEAD_AFTER_RE.match(text, d.end())
            if not after:
                continue
            m = pt.NAME_BEFORE_RE.search(text, max(0, d.start() - 120), d.start())
            if not m:
                continue
            name = m["name"].strip()
            words = name.split()
            while words and words[0] in lx.SENTENCE_STOPWORDS:
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            s = m.start("name") + m["name"].index(words[0])
            head, acr, end = after["head"], d["acr"], after.end()
            mention = Mention(
                kind="event",
                start=s,
                end=end,
                surface=text[s:end],
                name=f"{name} {head}",
                evidence="acronym",
                event_kind=lx.EVENT_HEADS[head],
                aliases=(f"{acr} {head}",),
            )
            self._ordinal_and_year(mention)
            if not mention.aliases[1:]:
                mention.aliases += (mention.surface,)
            self._out.mentions.append(mention)
            self._out.acronyms[acr] = mention
            claims.append((mention.start - 8 if mention.aliases[1:] else s, end))
        wars = pt.ORDINAL_WAR_RE.finditer(text) if " war" in text or "conflict" in text else ()
        for m in wars:
            if any(a <= m.start() < b for a, b in claims):
                continue
            covered = [x for x in self._matches_in(m.start(), m.end()) if x.best.kind == "event"]
            if covered:
                continue
            name = f"{m['ord'].capitalize()} {m['name']} {m['head'].capitalize()}"
            mention = Mention(
                kind="event",
                start=m.start(),
                end=m.end(),
                surface=m.group(),
                name=name,
                evidence="pattern",
                event_kind="war",
            )
            self._out.mentions.append(mention)
            claims.append(m.span())
        claims.sort()
        return claims

    # -- acronyms --------------------------------------------------------------

    def _link_acronyms(self) -> None:
        """After "Full Name (ACR)", the acronym names that entity in this article.

        The parenthesised acronym is part of the defining mention (an alias of
        it), not a second mention."""
        text = self._text
        by_end = {m.end: m for m in self._out.mentions}
        by_start = {m.start: m for m in self._out.mentions}
        cands_by_end = {c.end: c for c in self._out.candidates}
        for d in pt.ACRONYM_DEF_RE.finditer(text):
            acr = d["acr"]
            if sum(ch.isupper() for ch in acr) < 2:
                continue
            k = d.start()
            while k > 0 and text[k - 1] in " \t\xa0":
                k -= 1
            target = by_end.get(k)
            if target is not None and target.kind in ("organisation", "event", "place"):
                if not target.acronym and target.kind != "place":
                    target.acronym = acr
                self._out.acronyms.setdefault(acr, target)
                self._drop_inside(d.start() + 1, d.end() - 1, by_start)
                target.aliases += (acr,)
                continue
            if acr in self._out.acronyms:
                continue
            cand = cands_by_end.get(k)
            long_form = cand.surface if cand else long_form_before(text, k, acr)
            if not long_form or not matches_acronym(acr, long_form):
                continue
            s = k - len(long_form)
            mention = Mention(
                kind="organisation",
                start=s,
                end=k,
                surface=long_form,
                name=long_form,
                evidence="acronym",
                acronym=acr,
                org_kind="other",
            )
            if cand is not None:
                self._out.candidates.remove(cand)
            mention.aliases += (acr,)
            self._drop_inside(d.start() + 1, d.end() - 1, by_start)
            self._out.mentions.append(mention)
            self._out.acronyms[acr] = mention

    def _drop_inside(self, s: int, e: int, by_start: dict[int, Mention]) -> None:
        """Forget what was read inside the parentheses of a definition."""
        inner = by_start.get(s)
        if inner is not None and inner.end == e and inner in self._out.mentions:
            self._out.mentions.remove(inner)
        self._out.singles = [c for c in self._out.singles if c.start != s]
