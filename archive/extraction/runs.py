"""Read the capitalised runs of one article into mentions and candidates.

Each run ("President of the Republic of Azerbaijan Ilham Aliyev") is split
into units (words, or gazetteer matches covering several words) and read with
a few rules, in order:

1. a title followed by a name -> person, with the role kept;
2. a head noun ("... Bank", "... Summit", "Ministry of ...") -> organisation,
   event or place (heads.py);
3. otherwise gazetteer matches are mentions, and unknown capitalised words are
   kept as candidates with the evidence around them (candidates.py).

A title read without a name waits for the next run ("Secretary General of the
OIC, Hissein Ibrahim Taha"), so runs are read in order by one ``RunReader``
per article; ``read_runs`` makes it and returns what it read.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.article_text import ArticleText
from archive.extraction.candidates import (
    descriptor,
    is_caps,
    lone_word,
    name_like,
    place_named,
    titled_word,
    words_run,
)
from archive.extraction.coordination import shared_head, split_and
from archive.extraction.headings import split_name_tail
from archive.extraction.heads import (
    coordinated_org,
    country_acting,
    event_name_start,
    names_office,
    office_in_title,
    read_head,
    title_after_office,
)
from archive.extraction.matcher import Match
from archive.extraction.roles import PendingRole, build_role, role_gap_ok
from archive.extraction.screen import common_words
from archive.extraction.spans import Candidate, Mention, Unit

# Headings of tables and lists before the name they are of.
_LABELS = frozenset({"Results", "Standings", "Summary", "Highlights", "Schedule", "Fixtures"})
_WORD_AT = re.compile(r"\S*")
_MODIFIER_SUFFIXES = ("-based", "-led", "-controlled", "-run", "-owned", "-backed", "-born")

# Kinds of events whose name may open with the body that meets.
_MEETINGS = frozenset({"summit", "meeting", "conference", "forum", "session"})

_KIND_OF_SURFACE = {
    "country": "place",
    "place": "place",
    "organisation": "organisation",
    "person": "person",
    "event": "event",
}


class RunsRead(NamedTuple):
    mentions: list[Mention]
    candidates: list[Candidate]
    singles: list[Candidate]
    # Gazetteer matches already read as mentions (by identity).
    emitted: frozenset[int]


def read_runs(
    at: ArticleText, claims: list[tuple[int, int]], earlier: Sequence[Mention] = ()
) -> RunsRead:
    """Every capitalised run outside ``claims`` (sorted spans other stages
    took); ``earlier`` are those stages' mentions, which a title after them
    may describe but this stage never changes."""
    reader = RunReader(at, earlier)
    claim_starts = [c[0] for c in claims]
    text = at.text
    for run in pt.RUN_RE.finditer(text):
        s, e = run.span()
        if s and text[s - 1].isalpha():
            continue  # a run starts a word: "iDE", "eBay" hold no name "DE" or "Bay"
        i = bisect.bisect_right(claim_starts, s) - 1
        if i >= 0 and claims[i][1] > s:
            continue  # inside a claimed span
        j = bisect.bisect_left(claim_starts, s)
        if j < len(claims) and claims[j][0] < e:
            reader.read_span(s, claims[j][0])
            continue
        reader.read_span(s, e)
    return RunsRead(reader.mentions, reader.candidates, reader.singles, frozenset(reader.emitted))


class RunReader:
    """The working state of reading one article's runs, in order."""

    def __init__(self, at: ArticleText, earlier: Sequence[Mention] = ()) -> None:
        self.at = at
        self.text = at.text
        self.gaz = at.gaz
        self.earlier = tuple(earlier)
        self.mentions: list[Mention] = []
        self.candidates: list[Candidate] = []
        self.singles: list[Candidate] = []
        self.emitted: set[int] = set()
        self.pending_role: PendingRole | None = None
        # Places' names this article writes as surnames ("Monica P. Medina").
        self.place_surnames: dict[str, bool] = {}
        self.last_role: tuple[str, int] | None = None
        # Starts of parts that "and" joins to another organisation.
        self.org_parts: set[int] = set()

    # -- spans and units -------------------------------------------------------

    def read_span(self, s: int, e: int) -> None:
        text = self.text
        matches = self.at.matches_in(s, e)
        for m in matches:
            if m.start < s or m.end > e:
                # A gazetteer name crossing the run ("Islamic World Educational,
                # Scientific and Cultural Organization"): it wins; the rest of
                # the run is read on its own.
                self.emit_match(m, standalone=True)
                for part_s, part_e in ((s, m.start), (m.end, e)):
                    if part_e > part_s:
                        for run in pt.RUN_RE.finditer(text, part_s, part_e):
                            self.read_span(*run.span())
                return
        run_text = text[s:e]
        if not matches and " " not in run_text and "-" not in run_text:
            units = [Unit(s, e, run_text, None)]
        else:
            units = self._units(s, e, matches)
        self._interpret(units, sentence_start=self.at.sentence_start(s))

    def _units(self, s: int, e: int, matches: list[Match]) -> list[Unit]:
        units: list[Unit] = []
        k = 0
        for tok in pt.TOKEN_RE.finditer(self.text, s, e):
            ts, te = tok.span()
            while k < len(matches) and matches[k].end <= ts:
                k += 1
            if k < len(matches) and matches[k].start <= ts < matches[k].end:
                m = matches[k]
                if not units or units[-1].match is not m:
                    units.append(Unit(m.start, m.end, self.text[m.start : m.end], m))
                continue
            word = tok.group()
            if (
                word == "General"
                and units
                and units[-1].word == "Consulate"
                and units[-1].match is None
                and self.text[units[-1].end : ts] == " "
            ):
                units[-1] = Unit(units[-1].start, te, lx.CONSULATE_GENERAL, None)
                continue
            units.append(Unit(ts, te, word, None))
        return units

    # -- reading a run ---------------------------------------------------------

    def _interpret(self, units: list[Unit], sentence_start: bool) -> None:
        if not units:
            return
        first = units[0]
        if (
            self.at.line_start(first.start)
            and first.word in {"By", "About"}
            and first.match is None
        ):
            return  # byline or "About <author>" footer
        # Trim page furniture and sentence-initial function words.
        while units and self._trim_first(units, sentence_start):
            units = units[1:]
            sentence_start = False
        trimmed = False
        while units and units[-1].match is None and units[-1].word in lx.NON_NAMES:
            if len(units) > 1 and not trimmed and _head_of_a_name(self.text, units):
                # "Fox News", "CBS News": a medium's name, no page furniture; but
                # "Department Press Briefing" is a briefing, "Press" its word.
                break
            units = units[:-1]
            trimmed = True
        if (
            len(units) > 1
            and units[0].match is None
            and units[0].word in _LABELS
            and self.at.gap(units[0], units[1]).strip() in ("of", "of the")
        ):
            units = units[1:]  # "Results of Major League": a table's heading
            sentence_start = False
        k = self._description_end(units)
        if k:
            # "Los Angeles-based Miss Universe Inc", "Republican-controlled
            # Congress": a description before the name, not part of it.
            units = units[k:]
            sentence_start = False
        if len(units) > 2 and units[-1].word in lx.HEADLINE_VERBS and self.at.verb_after(units[-1]):
            units = units[:-1]  # "... Christopher Dodd Travel to Barbados"
        if not units:
            return
        shouting = sum(1 for u in units if u.match is None and is_caps(u.word) and len(u.word) > 3)
        if shouting >= 2 or (shouting and len(units) == 1 and len(units[0].word) > 6):
            return
        units = self._surname_atoms(self._given_name_atoms(units))
        for piece in _split_title_case(units):
            pairs = shared_head(self.at, piece)
            if pairs:
                self.mentions.extend(self._shared_head(piece, *pair) for pair in pairs)
                continue
            parts, orgs = split_and(self.at, piece)
            self.org_parts.update(orgs)
            for part in parts:
                at_start = sentence_start and part[0] is units[0]
                k = self._descriptor_end(part, at_start)
                if k:
                    part, at_start = part[k:], False
                self._read(part, at_start)

    def _description_end(self, units: list[Unit]) -> int:
        """How many units open the run with a description ending in "-based",
        "-led" ...; 0 when none does."""
        if len(units) < 2 or "-" not in self.text[units[0].start : units[-1].start]:
            return 0
        for i, u in enumerate(units[:3]):
            if i + 1 == len(units):
                break
            rest = _WORD_AT.match(self.text, u.end)
            if (u.word + (rest.group() if rest else "")).endswith(_MODIFIER_SUFFIXES):
                return i + 1
        return 0

    def _descriptor_end(self, units: list[Unit], sentence_start: bool) -> int:
        """How many units open the run with what a person is ("Olympian",
        "Belarusian Activist") before the person's name; 0 when none do.

        Two name words must follow (one at a sentence's start, where every
        noun is capitalised): "Son Heung-min" keeps his surname."""
        n = len(units)
        if n < 2:
            return 0
        i = 0
        while i < n and units[i].match is not None and units[i].match.best.demonym:
            i += 1
        if i + 1 >= n or n - i > 5 or units[i].match is not None:
            return 0
        rest = units[i + 1 :]
        word = units[i].word
        if word in self.gaz.given_names or not descriptor(word):
            return 0
        if len(rest) < (1 if sentence_start and not i else 2):
            return 0
        if self.at.gap(units[i], rest[0]) != " " or not all(name_like(u) for u in rest):
            return 0
        for u in units[:i]:
            # "Belarusian Olympian ...": the adjective is read as when written
            # before a lower-case noun.
            self.emit_match(u.match, standalone=True)
        return i + 1

    def _trim_first(self, units: list[Unit], sentence_start: bool) -> bool:
        """Whether the first unit is no part of a name: a determiner, page
        furniture, a function word or ordinary word starting the sentence."""
        first = units[0]
        word = first.word
        if first.match is not None:
            return False
        if word in lx.DETERMINERS:
            return True
        if word in lx.NON_NAMES:
            # "News Corp", "Sun Microsystems Inc.": the word starts a company's
            # name; "Jan Kroslak", "May Smith": a given name.
            given = word in self.gaz.given_names and len(units) > 1 and name_like(units[1])
            return not (given or self._company_name(units))
        if not sentence_start:
            return False
        if word in lx.SENTENCE_STOPWORDS:
            # "Under Secretary ...", "First Deputy ..." start a title.
            return not (word in lx.ROLE_WORDS and len(units) > 1 and units[1].word in lx.ROLE_WORDS)
        # "Winger Lee Sharpe", "Jailed Socialist leader ...", "Outsider Pavel
        # Vornik": an ordinary word capitalised because it starts the sentence.
        if len(units) < 2 or word in lx.ROLE_WORDS:
            return False
        given_next = (
            len(units) > 2
            and units[1].match is None
            and units[1].word in self.gaz.given_names
            and word not in self.gaz.given_names
        )
        return given_next or self.at.ordinary_word(word)

    def _company_name(self, units: list[Unit]) -> bool:
        if len(units) < 2 or self.at.alone_on_line(units[0].start, units[-1].end):
            return False
        last = units[-1]
        if last.match is None and last.word in lx.ORG_HEADS:
            return True
        second = units[1]
        return (
            len(units) > 2
            and second.match is None
            and second.word in lx.ORG_HEADS_FIRST
            and " of " in f" {self.at.gap(second, units[2])} "
        )

    def _given_name_atoms(self, units: list[Unit]) -> list[Unit]:
        """A place name that is also a given name, followed by a name-like
        word, is a first name ("Santiago Peña")."""
        out = list(units)
        for i, u in enumerate(out[:-1]):
            m = u.match
            if (
                m is not None
                and m.best.kind in ("place", "country")
                and not m.best.demonym
                and u.word in self.gaz.given_names
                and name_like(out[i + 1])
            ):
                out[i] = u._replace(match=None)
        return out

    def _surname_atoms(self, units: list[Unit]) -> list[Unit]:
        """A place's name after a given name and initials is a surname
        ("Monica P. Medina", "John Lima"): the word is read as a name."""
        out = units
        for i in range(1, len(units)):
            u = units[i]
            if u.match is None or not self._surname_after(units, i):
                continue
            if out is units:
                out = list(units)
            out[i] = u._replace(match=None)
            self.place_surnames[u.word] = True
        return out

    def _surname_after(self, units: list[Unit], i: int) -> bool:
        """Whether the place matched at ``units[i]`` ends a person's name:
        a known given name and initials, or a proper word and initials, just
        before it; never a list ("Paris, France") nor a demonym."""
        best = units[i].match.best
        if best.kind not in ("place", "country") or best.demonym:
            return False
        k = i
        while (
            k > 0
            and units[k - 1].match is None
            and pt.INITIAL_RE.match(units[k - 1].word)
            and self.at.gap(units[k - 1], units[k]) == " "
        ):
            k -= 1
        if k == 0:
            return False
        first = units[k - 1]
        if first.match is not None or self.at.gap(first, units[k]) != " ":
            return False
        return self._surname_form(first.word, k < i, best.kind)

    def _surname_form(self, first: str, initials: bool, kind: str) -> bool:
        """Whether ``first`` (then initials, if any) before a place's name
        opens a person's name: a given name, or with initials any proper
        word; a country after a bare given name is the country ("Mark
        Ukraine's Independence Day")."""
        if first in lx.ROLE_WORDS or first in lx.HONORIFICS or first in lx.NON_NAMES:
            return False
        if not first[:1].isupper() or first.isupper() or self.at.ordinary_word(first):
            return False
        if first in self.gaz.given_names:
            return initials or kind == "place"
        # "Plan B. Paris": an English word and a sentence's last letter.
        return initials and first.lower() not in common_words() and not self.gaz.lookup(first)

    def _used_as_surname(self, word: str) -> bool:
        """Whether the article writes the place's name ``word`` as a
        person's surname anywhere ("Monica P. Medina" ... "Assistant
        Secretary Medina")."""
        known = self.place_surnames.get(word)
        if known is not None:
            return known
        found = False
        for m in _surname_before(word).finditer(self.text):
            if self._surname_form(m["first"], bool(m["initials"]), "place"):
                found = True
                break
        self.place_surnames[word] = found
        return found

    def _read(self, units: list[Unit], sentence_start: bool) -> None:
        pending = self.pending_role
        self.pending_role = None
        if len(units) == 1:
            self._read_single(units[0], sentence_start, pending)
            s, e = units[0].start, units[0].end
            if pending and self.text[s - 1 : s] == "(" and self.text[e : e + 1] == ")":
                # "Secretary General of the ... (OIC) Hissein Ibrahim Taha"
                self.pending_role = pending
            return
        if (
            len(units) > 1
            and units[-1].match is None
            and units[-1].word in lx.PROGRAMME_HEADS
            and not (units[0].match is None and units[0].word in lx.ORG_HEADS_FIRST)
        ):
            # "Caribbean Energy Security Initiative": a programme, no organisation
            # (but "Office of Global Partnerships" is); the names inside it are
            # still read.
            for u in units:
                if u.match is not None:
                    self.emit_match(u.match, standalone=True)
            return
        if units[0].start in self.org_parts:
            self.mentions.append(read_head(self.at, units) or coordinated_org(self.at, units))
            return
        k = self._person_of_org(units)
        if k:
            # "Director Aisha Booker of the U.S. Commercial Service": a person
            # (with a title) and the organisation, never one name.
            self.pending_role = pending
            self._read(units[:k], sentence_start)
            self._read(units[k:], False)
            return
        start, prefix_end = event_name_start(self.at, units)
        if start:
            # "Kingdom of Bahrain Signs the Artemis Accords": the subject, then the event.
            if prefix_end:
                self.pending_role = pending
                self._read(units[:prefix_end], sentence_start)
            self._read(units[start:], False)
            return
        if self._read_title(units, pending):
            return
        if _post_in_city(self.at, units):
            # "U.S. Embassy Kyiv", "U.S. Consulate General Jerusalem": the post
            # is named by its city, which is still a place named; the name
            # is the words written together ("Staff of U.S. Embassy Kyiv").
            j = len(units) - 1
            while j > 0 and not self.at.gap(units[j - 1], units[j]).strip():
                j -= 1
            for u in units[:j]:
                if u.match is not None:
                    self.emit_match(u.match, standalone=False)
            units = units[j:]
            s, e = units[0].start, units[-1].end
            surface = self.text[s:e]
            self.mentions.append(Mention.organisation(s, e, surface, "head", "government"))
            self.emit_match(units[-1].match, standalone=False)
            return
        mention = read_head(self.at, units)
        if mention is not None:
            self.mentions.append(mention)
            first = units[0].match
            if (
                mention.kind == "event"
                and mention.event_kind in _MEETINGS
                and first is not None
                and first.best.kind == "organisation"
            ):
                # "G7 Ministerial Meeting", "NATO Foreign Ministerial": the
                # body that meets is named too.
                self.emit_match(first, standalone=False)
            return
        if units[-1].match is None and units[-1].word in lx.DOCUMENT_HEADS and len(units) > 1:
            return  # "Cuba Restricted List": a document, and no place named
        self._read_mixed(units, sentence_start, pending)

    def _person_of_org(self, units: list[Unit]) -> int:
        """Where the organisation starts in "<title> <name> of (the) <org>",
        when a given name or a known person opens the name; 0 if nowhere."""
        if len(units) < 3 or " of " not in self.text[units[0].start : units[-1].end]:
            return 0
        for k in range(2, len(units)):
            if self.at.gap(units[k - 1], units[k]).strip() not in ("of", "of the"):
                continue
            name = units[:k]
            honorific = False  # "Dr. Molini Patel of the ...": a person whatever her name
            while (
                name
                and name[0].match is None
                and (name[0].word in lx.ROLE_WORDS or name[0].word in lx.HONORIFICS)
            ):
                honorific = honorific or name[0].word in lx.HONORIFICS
                name = name[1:]
            if not 1 <= len(name) <= 4 or not all(name_like(u) for u in name):
                return 0
            first = name[0]
            person = first.match is not None and first.match.best.kind == "person"
            given = first.match is None and first.word in self.gaz.given_names
            if not (person or given or (honorific and len(name) >= 2)) or (
                len(name) == 1 and len(name) == k
            ):
                return 0
            rest = units[k:]
            head = rest[-1].match is None and rest[-1].word in lx.ORG_HEADS
            known = len(rest) == 1 and rest[0].match is not None
            known = known and rest[0].match.best.kind == "organisation"
            return k if head or known else 0
        return 0

    def _read_single(self, unit: Unit, sentence_start: bool, pending) -> None:
        s, e, word, m = unit
        if (
            m is not None
            and m.best.kind == "place"
            and not m.best.demonym
            and pt.SPEECH_AFTER_RE.match(self.text, e)
            and self._used_as_surname(word)
        ):
            m = None  # "Medina said" after "Monica P. Medina": the person
        if m is not None:
            mention = self.emit_match(m, standalone=True)
            if mention is not None and mention.kind == "person" and pending:
                self._apply_pending(mention, pending)
            return
        if word in lx.BARE_ORG_HEADS and not self.at.in_shouted(s):
            # "the Commission 's spokesman": resolution ties it to the
            # organisation the article names in full, or drops it.
            self.mentions.append(
                Mention.organisation(s, e, word, "bare-head", lx.ORG_HEADS.get(word, "other"))
            )
            return
        if word in lx.ROLE_WORDS or word in lx.HONORIFICS or word in lx.SENTENCE_STOPWORDS:
            return
        if pending and role_gap_ok(self.text, pending, s) and pending.strong and name_like(unit):
            cand = titled_word(s, e, word, sentence_start=sentence_start, role=pending.role)
        else:
            cand = lone_word(self.at, s, e, word, sentence_start=sentence_start)
        self.singles.append(cand)

    # 1. title + name
    def _read_title(self, units: list[Unit], pending) -> bool:
        if names_office(self.at, units):
            # "Office of the Spokesperson": an office, no title, but a title
            # may follow the office's name.
            k = title_after_office(self.at, units)
            if k:
                self._read(units[:k], False)
                self._read(units[k:], False)
            return bool(k)
        n = len(units)
        j = n
        if self._titled_surname(units):
            # "Assistant Secretary Medina" after "Monica P. Medina": the person.
            units = [*units[:-1], units[-1]._replace(match=None)]
        if units[-1].match is not None and units[-1].match.best.kind == "person":
            j = n - 1
        else:
            while j > 0 and name_like(units[j - 1]):
                j -= 1
        prefix, tail = units[:j], units[j:]
        if not prefix:
            return False
        words = [u.word for u in prefix if u.match is None]
        if not any(w in lx.TITLE_HEADS or w in lx.HONORIFICS for w in words):
            return False
        last = prefix[-1]
        if last.match is None and last.word not in lx.ROLE_WORDS and last.word not in lx.HONORIFICS:
            return False
        if not tail:
            if (
                last.match is None
                and (
                    last.word in lx.ORG_HEADS
                    or last.word in lx.EVENT_HEADS
                    or last.word in lx.PLACE_HEADS
                )
                and last.word not in lx.TITLE_HEADS
            ):
                return False  # "General Assembly", "Foreign Ministry": a head noun
            self._role_only(prefix)
            return True
        if len(tail) > 6:
            return False
        # "Judge John Bissell of Newark", "Blinken Tests Positive" (headings.py).
        tail, rest = split_name_tail(self.at, tail)
        if self.at.gap(last, tail[0]).strip(" -"):
            # "Bureau of East Asian ...", "... Narcotics and Law Enforcement":
            # words after "of"/"and" complete the office, they are no name.
            self._role_only(units)
            return True
        strong = any(w in lx.STRONG_TITLES for w in words)
        if len(tail) == 1 and tail[0].match is None:
            # "President Abbas" is a person; "Under Secretary for Economic
            # Growth" is an office: a lone word must follow the title itself.
            next_to_title = last.match is None and (
                last.word in lx.TITLE_HEADS or last.word in lx.HONORIFICS
            )
            if not (strong and next_to_title):
                self._role_only(units)
                return True
        self._emit_prefix_atoms(prefix)
        role, title_alias, title = build_role(self.text, self.gaz, prefix, tail)
        role = self._possessive_role(prefix[0].start, role)
        if tail[0].match is not None:
            mention = self.emit_match(tail[0].match, standalone=True)
            if mention is None:
                return True
        else:
            s, e = tail[0].start, tail[-1].end
            if self.at.in_shouted(s):
                # "Premier Division Result": in a headline every word looks
                # like a title or a name; known names are found again later.
                cand = Candidate(s, e, self.text[s:e], tuple(u.word for u in tail), weak=True)
                (self.singles if len(tail) == 1 else self.candidates).append(cand)
                return True
            mention = Mention(
                kind="person",
                start=s,
                end=e,
                surface=self.text[s:e],
                evidence="title",
                surname_only=len(tail) == 1,
            )
            self.mentions.append(mention)
        mention.role = role or mention.role
        mention.title = title
        mention.title_alias = title_alias
        if rest:
            self._read(rest, False)
        return True

    def _titled_surname(self, units: list[Unit]) -> bool:
        """A one-word place's name right after a title, which the article
        also writes as a person's surname."""
        if len(units) < 2:
            return False
        last, title = units[-1], units[-2]
        m = last.match
        return (
            m is not None
            and m.best.kind == "place"
            and not m.best.demonym
            and " " not in last.word
            and title.match is None
            and (title.word in lx.TITLE_HEADS or title.word in lx.HONORIFICS)
            and self.at.gap(title, last) == " "
            and self._used_as_surname(last.word)
        )

    def _role_only(self, prefix: list[Unit]) -> None:
        """A title without a name: it may introduce the next run's name, or be
        an appositive of the previous one."""
        self._emit_prefix_atoms(prefix)
        role, _, _ = build_role(self.text, self.gaz, prefix, [])
        s, e = prefix[0].start, prefix[-1].end
        role = self._possessive_role(s, role)
        strong = any(u.word in lx.STRONG_TITLES for u in prefix if u.match is None)
        self.pending_role = PendingRole(role, e, strong)
        self.last_role = (self.text[s:e], e)
        # Appositive: "Dr. Ahmad Kawesa Sengendo, Assistant Secretary-General ..."
        targets: list[Mention | Candidate] = [
            *[*self.earlier, *self.mentions][-3:],
            *self.candidates[-2:],
        ]
        before = [t for t in targets if t.end <= s]
        if not before:
            return
        target = max(before, key=lambda t: t.end)
        if not pt.APPOSITIVE_GAP_RE.match(self.text[target.end : s]):
            return
        if isinstance(target, Candidate):
            target.evidence = target.evidence or "appositive"
            target.role = target.role or role
        elif target.kind == "person" and not target.role:
            if any(target is m for m in self.earlier):
                return  # another stage's mention: not this stage's to change
            target.role = role

    def _possessive_role(self, s: int, role: str) -> str:
        """In "OIC Secretary General's Assistant for ...", the office belongs to
        the previous title."""
        if role and self.last_role and self.text[self.last_role[1] : s] in ("'s ", "’s "):
            return f"{self.last_role[0]}'s {role}"
        return role

    def _apply_pending(self, mention: Mention, pending: PendingRole) -> None:
        if role_gap_ok(self.text, pending, mention.start) and not mention.role:
            mention.role = pending.role

    def _emit_prefix_atoms(self, prefix: list[Unit]) -> None:
        org = office_in_title(self.at, prefix)
        if org is not None:
            # "Deputy Assistant Administrator of the Bureau for Asia": the
            # title holds an organisation, and the names inside it are its own.
            self.mentions.append(org)
            prefix = [u for u in prefix if u.end <= org.start]
        body = self._body_before_title(prefix)
        if body is not None:
            # "National Space Council Executive Secretary": the body, then the title.
            self.mentions.append(body)
            prefix = [u for u in prefix if u.start >= body.end]
        for u in prefix:
            m = u.match
            if m is not None and not m.best.demonym and m.best.kind != "person":
                self.emit_match(m, standalone=False)

    def _shared_head(self, units: list[Unit], s: int, e: int, name: str) -> Mention:
        """One of two names sharing a plural head; a country's government is
        the country ("the Governments of Canada and Spain")."""
        # The plural head is the second name's too ("Governments of ... Spain").
        inside = [units[0], *(u for u in units[1:] if s <= u.start and u.end <= e)]
        return country_acting(self.text, inside, s, e) or _shared_head_mention(
            self.text, s, e, name
        )

    def _body_before_title(self, prefix: list[Unit]) -> Mention | None:
        """The body a title's first words name by their head noun ("German MFA
        | State Secretary", "Presidential Leadership Council | President"), or
        None. Not a head of the press or of a company ("White House Press
        Secretary")."""
        for k in range(len(prefix) - 1, 1, -1):
            head = prefix[k - 1]
            if (
                head.match is None
                and lx.ORG_HEADS.get(head.word) in _BODY_KINDS
                and head.word not in lx.TITLE_HEADS
                and all(u.match is None and u.word in lx.ROLE_WORDS for u in prefix[k:])
                and any(u.word in lx.TITLE_HEADS for u in prefix[k:])
                # "... Senior Bureau Official": the head is the title's own word.
                and not any(u.word in lx.TITLE_MODIFIERS for u in prefix[1:k])
                and not self.at.gap(head, prefix[k]).strip()
            ):
                if lx.ORG_HEADS[head.word] == "government" and all(
                    u.match is None for u in prefix[:k]
                ):
                    return None  # "Foreign Ministry Spokesperson": whose ministry is not said
                found = read_head(self.at, prefix[:k])
                return found if found is not None and found.kind == "organisation" else None
        return None

    # 3. gazetteer matches and unknown words
    def _read_mixed(self, units: list[Unit], sentence_start: bool, pending) -> None:
        named = place_named(self.at, units)
        if named is not None:
            self.emitted.update(id(u.match) for u in units if u.match is not None)
            self.mentions.append(named)
            return
        capitalised_others = len(units) > 1
        segment: list[Unit] = []

        def flush(seg: list[Unit], at_start: bool) -> None:
            if not seg:
                return
            if len(seg) == 1:
                s, e = seg[0].start, seg[0].end
                self.singles.append(
                    lone_word(
                        self.at, s, e, self.text[s:e], sentence_start=at_start and sentence_start
                    )
                )
                return
            self.candidates.append(words_run(self.at, seg, at_start=at_start, pending=pending))

        seg_at_start = True
        for idx, u in enumerate(units):
            if name_like(u):
                if segment and pt.OF_FOR_GAP_RE.search(self.at.gap(segment[-1], u)):
                    # "Miles Kan of Hambrecht": two names, not one.
                    flush(segment, seg_at_start)
                    segment = []
                if not segment:
                    seg_at_start = idx == 0
                segment.append(u)
                continue
            flush(segment, seg_at_start)
            segment = []
            if u.match is not None:
                if u.match.best.demonym:
                    # "Azerbaijani Foreign Ministry": part of a longer name;
                    # "Armenian-occupied Kalbajar": an adjective on its own.
                    alone = all(
                        units[k].match is not None
                        for k in (idx - 1, idx + 1)
                        if 0 <= k < len(units)
                    )
                    if not alone:
                        continue
                    self.emit_match(u.match, standalone=True)
                    continue
                self.emit_match(u.match, standalone=not capitalised_others)
        flush(segment, seg_at_start)

    # -- gazetteer matches -----------------------------------------------------

    def emit_match(self, m: Match, *, standalone: bool) -> Mention | None:
        if id(m) in self.emitted:
            return None
        self.emitted.add(id(m))
        mention = match_mention(m, self.text, standalone=standalone)
        if mention is not None:
            self.mentions.append(mention)
        return mention


# Heads of the bodies a title may follow: governments' and others', not the press's.
_BODY_KINDS = frozenset({"government", "other"})


def match_mention(m: Match, text: str, *, standalone: bool) -> Mention | None:
    """The mention a gazetteer match makes; a demonym only on its own."""
    surface = m.best
    if surface.demonym and not standalone:
        return None
    if (
        surface.kind == "place"
        and text[m.start : m.end] in lx.WORD_PLACES
        and not _place_reading(text, m.start, m.end)
    ):
        return None  # "a Nice gesture", "Reading the statement"
    mention = Mention(
        kind=_KIND_OF_SURFACE[surface.kind],
        start=m.start,
        end=m.end,
        surface=text[m.start : m.end],
        ref=surface.ref,
        # Demonyms are places here but adjectives (MISC) to an evaluator.
        evidence="demonym" if surface.demonym else "gazetteer",
        demonym=surface.demonym,
    )
    if surface.kind == "organisation" and surface.acronym and len(m.surfaces) > 1:
        refs = tuple(s.ref for s in m.surfaces if s.kind == "organisation")
        if len(set(refs)) > 1:
            mention.ref, mention.candidates = "", refs
    return mention


@functools.lru_cache(maxsize=256)
def _surname_before(word: str) -> re.Pattern[str]:
    """A word and initials before ``word``: "Monica P. Medina"."""
    return re.compile(
        rf"(?<![\w.])(?P<first>[{pt.U}][\w'’-]+) (?P<initials>(?:[{pt.U}]\. )*){re.escape(word)}\b"
    )


def _split_title_case(units: list[Unit]) -> list[list[Unit]]:
    """Cut at capitalised function words of headlines ("... Popescu Before
    Their Meeting"); a role word before a role word stays ("Under Secretary")."""
    pieces: list[list[Unit]] = [[]]
    for i, u in enumerate(units):
        word = u.word
        if (
            u.match is None
            and word in lx.TITLE_CASE_BREAKS
            and not (
                word in lx.ROLE_WORDS and i + 1 < len(units) and units[i + 1].word in lx.ROLE_WORDS
            )
        ):
            if pieces[-1]:
                pieces.append([])
            continue
        pieces[-1].append(u)
    return [p for p in pieces if p]


def _shared_head_mention(text: str, s: int, e: int, name: str) -> Mention:
    """One of two organisations sharing a plural head (coordination.py)."""
    org_kind = lx.ORG_HEADS.get(name.split()[0], "other")
    return Mention.organisation(s, e, text[s:e], "shared-head", org_kind, name=name)


def _post_in_city(at: ArticleText, units: list[Unit]) -> bool:
    """ "U.S. Embassy Kyiv": a diplomatic post's head, then its city (or its
    country) right after it (not "Regional Development Mission for Asia")."""
    if len(units) < 2:
        return False
    city, head = units[-1], units[-2]
    if city.match is None or city.match.best.kind not in ("place", "country"):
        return False  # "U.S. Embassy Singapore", "U.S. Mission Iraq" too
    if head.match is not None or at.gap(head, city).strip():
        return False
    return head.word in lx.DIPLOMATIC_POSTS


_PLACE_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|to|near|of|via|visit|visits|visited|visiting|between|and|"
    r"outside|around)|,)[ \t]+$"
)
_PLACE_WORD_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[A-Z]|and[ \t]+[A-Z]|\n)")


def _place_reading(text: str, s: int, e: int) -> bool:
    """Whether a place whose name is also an English word ("Nice", "Reading")
    is read as the place: after a place preposition, or beside another name
    ("Nice, France", "Nice and Cannes"), or alone on its line."""
    return bool(
        _PLACE_WORD_BEFORE.search(text, max(0, s - 12), s)
        or _PLACE_WORD_AFTER.match(text, e)
        or text[s - 1 : s] in ("", "\n")
    )


def _head_of_a_name(text: str, units: list[Unit]) -> bool:
    """ "Fox News": a head noun right after proper words ends a name even
    where the word alone is page furniture ("News", "Media"); "Top News" is
    none, nor is "Margaret Brennan on CBS News" one name."""
    head, before = units[-1], units[-2]
    opening = text[units[-3].end : before.start].strip() if len(units) > 2 else ""
    return (
        head.word in lx.ORG_HEADS
        and before.word not in lx.NON_NAMES
        and before.word not in lx.SENTENCE_STOPWORDS
        and text[before.end : head.start].strip() in ("", "-")
        and opening in ("", "-", "and")
    )
