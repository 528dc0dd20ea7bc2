"""The people of one article: full names first, then unknown names with
evidence or a known surname, then surnames alone ("Sengendo", "President
Aliyev"), each attached to one person cluster."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.clusters import Cluster, Clusters, name_tokens, same_person
from archive.extraction.given_names import may_be_given_name
from archive.extraction.guess import (
    after_determiner,
    company_short_forms,
    is_person_name,
    is_place_name,
    short_form_mention,
    single_kind,
)
from archive.extraction.headings import in_title_cased_sentence
from archive.extraction.lexicon import FOREIGN_ARTICLES, NOT_PERSON_WORDS
from archive.extraction.normalize import name_key
from archive.extraction.reference import Gazetteer, Leader
from archive.extraction.screen import common_words
from archive.extraction.spans import Candidate, Findings, Mention


class People:
    """Resolves the persons of one working copy of an article's findings.

    ``resolve`` adds person clusters to ``clusters`` and new mentions to
    ``work.mentions``; what it could not read as a person is left in
    ``leftover`` (runs) and ``single_leftover`` (lone words) for the next stages.
    """

    def __init__(
        self, gaz: Gazetteer, work: Findings, clusters: Clusters, published: dt.date | None
    ) -> None:
        self.gaz = gaz
        self.work = work
        self.clusters = clusters
        self.published = published
        self.all: list[Cluster] = []
        self.leftover: list[Candidate] = []
        self.single_leftover: list[Candidate] = []
        self._surnames: dict[str, list[Cluster]] | None = None
        self._person_ends: set[int] = set()
        # "Barrick" for "Barrick Gold Corp" (guess.py).
        self.companies = company_short_forms(gaz, work.mentions)

    def _persons(self) -> list[Mention]:
        return [m for m in self.work.mentions if m.kind == "person" and not m.dropped]

    def resolve(self) -> People:
        work = self.work
        self._tidy()
        for m in self._persons():
            if not m.surname_only:
                self._attach_full(m, m.surface)
        # A surname used alone counts when it is used like a person's name.
        singles = {name_key(c.surface) for c in work.singles if c.evidence and not c.weak}
        singles |= {name_key(m.surface) for m in self._persons() if m.surname_only}
        pending = []
        for cand in work.candidates:
            if self._company(cand):
                continue
            if len(cand.tokens) >= 2 and cand.tokens[0] in FOREIGN_ARTICLES and not cand.weak:
                # "La Jornada", "O Globo", "Die Welt": a foreign article opens
                # the names of papers, parties and clubs, never a person's.
                work.mentions.append(guessed(cand, "organisation"))
                continue
            evidence = cand.evidence
            if (evidence == "given-name" and cand.alone_on_line) or cand.weak:
                evidence = ""  # a byline or caption, not a person in the story
            if evidence and not cand.place_hint:
                self._attach_full(self._candidate_mention(cand), cand.surface)
            else:
                pending.append(cand)
        rest = []
        for cand in pending:
            # A headline's run ("Serious Medvedev Is ...") is read word by
            # word later (propagation), not as a name whose surname is known.
            if self._known_person(cand) or (not cand.weak and _has_backref(cand, singles)):
                self._attach_full(self._candidate_mention(cand), cand.surface)
            elif cand.org_hint and not cand.weak:
                work.mentions.append(guessed(cand, "organisation"))
            else:
                rest.append(cand)
        # Once the people with evidence are known, "of Merrill Lynch" and
        # "( Borussia Dortmund )" after one of them name where they work.
        self._person_ends = {m.end for m in self._persons()}
        # One sense per article: "the terrorist group Boko Haram" ... "support
        # of Boko Haram" is the organisation each time.
        orgs = {name_key(m.surface) for m in work.mentions if m.kind == "organisation"}
        # "Aktion Suhnezeichen is a German NGO": what the article says the name is.
        said: dict[str, str] = {}
        for c in rest:
            if not c.weak and (kind := _said_to_be(work.text, c.end)):
                said.setdefault(name_key(c.surface), kind)
        said_orgs = {key for key, kind in said.items() if kind == "organisation"}
        orgs |= said_orgs
        ends = {m.end: m for m in work.mentions if m.kind == "organisation" and not m.dropped}
        for cand in rest:
            key = name_key(cand.surface)
            if (org := _renamed_after(work.text, cand, ends)) is not None:
                # "Cuban Revolutionary National Police (Policía Nacional
                # Revolucionaria, PNR)": the same body in its own language.
                work.mentions.append(
                    Mention.organisation(
                        cand.start,
                        cand.end,
                        cand.surface,
                        "context",
                        org.org_kind or "other",
                        ref=org.ref,
                        name=org.name or org.surface,
                    )
                )
            elif self._affiliation(cand) or (
                not cand.weak and (key in orgs or _starts_with_one_of(key, said_orgs))
            ):
                work.mentions.append(guessed(cand, "organisation"))
            elif is_place_name(cand):
                work.mentions.append(guessed(cand, "place"))
            elif said.get(key) or _thing_name(work.text, cand):
                self.leftover.append(cand)
            elif is_person_name(cand) and not _common_phrase(work.text, cand):
                mention = self._candidate_mention(cand)
                mention.evidence = "name"
                self._attach_full(mention, cand.surface)
                self._person_ends.add(cand.end)
            else:
                self.leftover.append(cand)
        for m in self._persons():
            if m.surname_only:
                self._attach_surname(m)
        self._resolve_singles()
        for cluster in self.all:
            self._collect_roles(cluster)
        return self

    def _tidy(self) -> None:
        """What the runs read wrongly around a name, set right before people
        are resolved: a title's last word glued before the name is cut off
        ("Special Representative on Climate Issues Ruslan Edelgeriyev",
        "Chargé d’Affaires Stewart Tuttle": the name left is the person's, a
        title before it), and a label numbering anonymous speakers ("Senior
        Administration Official Number Three") is no person. Mentions and
        candidates are shared with the caller: changed ones are replaced."""
        work = self.work
        mentions: list[Mention] = []
        surnames = {
            name_key(m.surface)
            for m in work.mentions
            if m.kind == "person" and m.surname_only and not m.dropped
        }
        for m in work.mentions:
            if m.kind == "person" and not m.dropped and not m.ref:
                words = m.surface.split()
                if _numbered_label(words):
                    continue
                rest = self._after_title_tail(m.start, m.end, words)
                if rest is None and (known := self._name_before_word(m.surface, surnames)):
                    # "President Mahmoud Abbas Statements to the Press": the
                    # name, then an English word of the headline.
                    m = dataclasses.replace(
                        m, end=m.start + len(known), surface=known, name="", title_alias=""
                    )
                if rest is not None:
                    start, surface = rest
                    m = dataclasses.replace(
                        m,
                        start=start,
                        surface=surface,
                        name="",
                        title_alias="",
                        surname_only=" " not in surface,
                    )
            mentions.append(m)
        candidates = []
        for cand in work.candidates:
            if _numbered_label(cand.tokens):
                continue
            rest = self._after_title_tail(cand.start, cand.end, cand.tokens)
            if rest is None:
                candidates.append(cand)
                continue
            start, surface = rest
            mentions.append(
                Mention(
                    kind="person",
                    start=start,
                    end=cand.end,
                    surface=surface,
                    evidence="title",
                    surname_only=" " not in surface,
                )
            )
        work.mentions[:] = mentions
        work.candidates[:] = candidates

    @staticmethod
    def _name_before_word(surface: str, surnames: set[str]) -> str:
        """The name before an English word ending ``surface`` (``Mahmoud Abbas``
        of ``Mahmoud Abbas Statements``), when the article calls that person by
        the name's last word alone (``President Abbas``), never by the English
        word; else ""."""
        head, _, last = surface.rpartition(" ")
        if " " not in head or last.lower() not in common_words():
            return ""
        if name_key(head.rpartition(" ")[2]) in surnames and name_key(last) not in surnames:
            return head
        return ""

    def _after_title_tail(self, start: int, end: int, words) -> tuple[int, str] | None:
        """The name after the last words of a title glued before it, as
        (offset, surface), or None when the run starts with no such word.

        The words are written right after an elided article ("Chargé
        d’Affaires"), or are ordinary English words ending a title's
        complement ("Ambassador at Large for International Religious Freedom",
        "Minister of Health and Prevention", "Assistant Secretary for
        International Narcotics and Law Enforcement"); the words after them
        read as a person's name."""
        if len(words) < 2 or words[0] in self.gaz.given_names:
            return None
        text = self.work.text
        cut = 0
        if text[start - 1 : start] in ("’", "'") and text[start - 2 : start - 1].islower():
            cut = 1
        elif words[0].lower() in common_words() and text[start - 1 : start] == " ":
            # The title first (a short look back), then the word's use in the article.
            lo = max(0, start - 160, text.rfind("\n", 0, start) + 1)
            window = text[lo:start]
            if not (" for " in window or " on " in window or " of " in window):
                return None
            if not _TITLE_COMPLEMENT_RE.search(window) or not _ordinary_noun(words[0], text):
                return None
            cut = 1
            while cut < len(words) - 1 and _ordinary_noun(words[cut], text):
                cut += 1
        if not cut:
            return None
        rest = words[cut:]
        if not all(_name_word(w) for w in rest):
            return None
        if rest[0] not in self.gaz.given_names and all(
            w.lower() in common_words() for w in rest if w not in lx.PARTICLES
        ):
            return None  # "Climate Change Adaptation": English words, no name
        at = end
        for word in reversed(rest):
            at = text.rindex(word, start, at)
        return at, text[at:end]

    def _resolve_singles(self) -> None:
        """Lone words: a known person's surname, or typed by their context
        ("Tendulkar said"); then, once those are known, their other uses."""
        rest = []
        people = len(self.all)
        # One sense per article: "Zenith said" where "Zenith shares" shows a company.
        firms = {name_key(c.surface) for c in self.work.singles if c.org_hint and not c.weak} | {
            name_key(m.surface) for m in self.work.mentions if m.kind == "organisation"
        }
        for cand in self.work.singles:
            if self._single_backref(cand) or self._company(cand):
                continue
            kind = "organisation" if self._affiliation(cand) else single_kind(cand)
            if not kind and self._leader_in_office(cand):
                kind = "person"  # "Putin's war": a leader's surname alone
            elif kind == "person" and cand.evidence == "speech" and name_key(cand.surface) in firms:
                kind = "organisation"
            elif (
                kind == "person"
                and cand.common
                and _NAME_TAIL_RE.search(self.work.text, max(0, cand.start - 40), cand.start)
            ):
                kind = ""  # "the Centers for Disease Control and Prevention announced"
            if kind == "person":
                mention = self._candidate_mention(cand)
                mention.surname_only = True
                self._attach_surname(mention)
            elif kind:
                self.work.mentions.append(guessed(cand, kind))
            else:
                rest.append(cand)
        if len(self.all) > people:
            # A surname typed late ("Tendulkar said") also names its earlier uses.
            rest = [c for c in rest if not self._single_backref(c)]
        self.single_leftover = rest

    def _company(self, cand: Candidate) -> bool:
        """Whether ``cand`` is the short form of a company the article names
        in full (then added as that company's mention)."""
        company = self.companies.get(name_key(cand.surface)) if self.companies else None
        mention = short_form_mention(cand, company) if company is not None else None
        if mention is None:
            return False
        self.work.mentions.append(mention)
        return True

    def _affiliation(self, cand: Candidate) -> bool:
        """A name right after a person's, joined by "of" or in brackets, is
        the organisation the person belongs to ("William O'Neill of Merrill
        Lynch", "Stephane Chapuisat ( Borussia Dortmund )")."""
        if cand.weak or cand.place_hint:
            return False
        text = self.work.text
        m = pt.AFFILIATION_BEFORE_RE.search(text, max(0, cand.start - 8), cand.start)
        if not m or m.start() not in self._person_ends:
            return False
        if m["bracket"]:
            return pt.BRACKET_CLOSE_RE.match(text, cand.end) is not None
        return True

    def _single_backref(self, cand: Candidate) -> bool:
        cluster = self.by_surname(cand.surface, cand.start) or self._by_given_name(cand)
        if cluster is None and cand.evidence == "title":
            cluster = self._by_first_surname(cand.surface)
        if cluster is None or not cand.surface[:1].isupper() or cand.surface.isupper():
            return False
        mention = self._candidate_mention(cand)
        mention.evidence = "backref"
        self.clusters.add(cluster, mention)
        return True

    def _leader_for(self, name: str) -> Leader | None:
        for surface in self.gaz.lookup(name):
            if surface.kind == "person":
                return self.gaz.leaders[surface.ref]
        # "Joe Biden" for "Joseph R. Biden": the same surname, and a given name
        # that may stand for the leader's (not "Jill Biden", "Arnold Chacon" for
        # Ana Helena Chacon Echeverria). The surname must follow the leader's
        # given name ("Abdullah Abdullah" is no "Abdullah Yusif ... al-Rumi").
        words = name.split()
        if len(words) >= 2:
            given, surname = name_key(words[0]), name_tokens(words[-1])
            same = []
            for ldr in self.gaz.leaders_by_surname.get(words[-1], ()):
                theirs = name_tokens(ldr.name)
                if set(surname) <= set(theirs[1:]) and may_be_given_name(given, theirs[0]):
                    same.append(ldr)
            if len(same) == 1:
                return same[0]
        return None

    def _attach_full(self, mention: Mention, name: str) -> Cluster:
        leader = self.gaz.leaders.get(mention.ref) if mention.ref else self._leader_for(name)
        tokens = name_tokens(leader.name if leader else name)
        for cluster in self.all:
            if (cluster.ref and leader and cluster.ref == leader.id) or same_person(
                cluster.tokens, tokens
            ):
                break
        else:
            if leader:
                cluster = self.clusters.get("person", leader.id, leader.name, leader.id)
            else:
                cluster = self.clusters.get("person", name_key(name), name)
            cluster.tokens = tokens
            self.all.append(cluster)
            self._surnames = None
        # An unknown person is named by the fullest form seen.
        if len(name) > len(cluster.name) and not cluster.ref:
            cluster.name = name
            cluster.tokens = tokens
            self._surnames = None
        self.clusters.add(cluster, mention)
        return cluster

    def _known_person(self, cand: Candidate) -> bool:
        tokens = name_tokens(cand.surface)
        return any(same_person(c.tokens, tokens) for c in self.all)

    def by_surname(self, word: str, at: int, title: str = "") -> Cluster | None:
        """The person ``word`` at offset ``at`` most likely names by surname."""
        if self._surnames is None:
            # Indexed by last word: every lone capitalised word asks here.
            self._surnames = {}
            for c in self.all:
                if c.tokens:
                    self._surnames.setdefault(c.tokens[-1], []).append(c)
        same = self._surnames.get(name_key(word), [])
        # "President Moise" is the Moise who was called President.
        titled = [c for c in same if title and any(m.title == title for m in c.mentions)]
        if title and not titled and name_key(title) not in lx.SPOUSE_TITLES:
            # Nor is he the one called only "First Lady Martine Moise".
            same = [c for c in same if not _spouse_only(c)]
        best, best_at = None, -1
        for cluster in titled or same:
            # The nearest preceding mention wins when surnames clash.
            before = [m.start for m in cluster.mentions if m.start <= at]
            pos = max(before) if before else 0
            if pos >= best_at:
                best, best_at = cluster, pos
        return best

    def _by_given_name(self, cand: Candidate) -> Cluster | None:
        """The one person of the article whose full name opens with this
        given name ("Yair" after "Yair Lapid", "Wasim" after "Wasim Akram");
        none when two people share it, or the word is also a surname here."""
        if cand.weak or cand.article or cand.org_hint or cand.place_hint:
            return None
        key = name_key(cand.surface)
        found = [c for c in self.all if len(c.tokens) >= 2 and c.tokens[0] == key]
        if len(found) != 1 or not any(m.evidence in _PROVEN for m in found[0].mentions):
            return None  # a guessed name ("Berlex Laboratories") is no person to call by it
        return found[0]

    def _attach_surname(self, m: Mention) -> None:
        cluster = self.by_surname(m.surface, m.start, m.title)
        if cluster is None and (m.title or m.title_alias):
            cluster = self._by_first_surname(m.surface)
        if cluster is None:
            leader = self._leader_by_surname(m)
            if leader is not None:
                cluster = self.clusters.get("person", leader.id, leader.name, leader.id)
            else:
                cluster = self.clusters.get("person", name_key(m.surface), m.surface)
            cluster.tokens = name_tokens(cluster.name)
            self.all.append(cluster)
            self._surnames = None
        self.clusters.add(cluster, m)

    def _by_first_surname(self, word: str) -> Cluster | None:
        """The one person of the article with two surnames, the first of them
        ``word`` ("Foreign Minister Hill" after "Alexandra Hill Tinoco")."""
        key = name_key(word)
        if len(key) < 3 or word in lx.PARTICLES:
            return None
        # Not a name ending with an English word ("Mahmoud Abbas Statements").
        found = [
            c
            for c in self.all
            if len(c.tokens) >= 3
            and c.tokens[-2] == key
            and c.tokens[0] != key
            and c.tokens[-1] not in common_words()
        ]
        return found[0] if len(found) == 1 else None

    def _collect_roles(self, cluster: Cluster) -> None:
        for m in cluster.mentions:
            if m.role and m.role not in cluster.roles:
                cluster.roles.append(m.role)
        leader = self.gaz.leaders.get(cluster.ref) if cluster.ref else None
        if leader:
            # A bare "President" before a known leader is his reference role.
            for title in {m.title for m in cluster.mentions if m.title}:
                role = leader.role_for(title, self.published)
                if role and not any(
                    r.startswith(role.split(" of ")[0]) and " of " in r for r in cluster.roles
                ):
                    cluster.roles.insert(0, role)
        # "Secretary" adds nothing next to "Secretary of State".
        cluster.roles = [
            r for r in cluster.roles if not any(o != r and o.startswith(r) for o in cluster.roles)
        ]

    def _candidate_mention(self, cand: Candidate) -> Mention:
        mention = Mention(
            kind="person",
            start=cand.start,
            end=cand.end,
            surface=cand.surface,
            evidence=cand.evidence or "backref",
            role=cand.role,
        )
        self.work.mentions.append(mention)
        return mention

    def _leader_in_office(self, cand: Candidate) -> bool:
        """A lone word that is the surname of exactly one leader in office on
        the article's date, and used as nothing else in the article."""
        if not self.published or cand.weak or cand.common or cand.article:
            return False
        if cand.org_hint or cand.place_hint or cand.before_number or cand.term:
            return False
        day = self.published.isoformat()
        leaders = [
            ldr
            for ldr in self.gaz.leaders_by_surname.get(cand.surface, [])
            if ldr.since
            and ldr.since <= day
            and (ldr.current or (ldr.last_seen and ldr.last_seen >= day[:7]))
        ]
        return len(leaders) == 1

    def _leader_by_surname(self, m: Mention) -> Leader | None:
        leaders = self.gaz.leaders_by_surname.get(m.surface, [])
        if m.title:
            leaders = [ldr for ldr in leaders if ldr.role_for(m.title)]
        if self.published:
            day = self.published.isoformat()
            leaders = [
                ldr
                for ldr in leaders
                if (not ldr.since or ldr.since <= day)
                and (ldr.current or not ldr.last_seen or ldr.last_seen >= day[:7])
            ] or leaders
        return leaders[0] if len(leaders) == 1 else None


def _spouse_only(cluster: Cluster) -> bool:
    """Whether every title the article puts before this person is a spouse's."""
    titles = {name_key(m.title) for m in cluster.mentions if m.title}
    return bool(titles) and titles <= lx.SPOUSE_TITLES


# Evidence that a name is a person's, not a guess from its shape.
_PROVEN = frozenset({"title", "given-name", "initial", "speech", "cue", "gazetteer", "appositive"})


# A title's complement written right before a name: a title's head, then
# "for", "on" or "of" and capitalised words ("Special Presidential
# Representative on Climate ", "Assistant to the Administrator for Conflict
# Prevention and ").
_TITLE_COMPLEMENT_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(lx.TITLE_HEADS, key=len, reverse=True))
    + r")(?: at Large)? (?:for|on|of) "
    r"(?:(?:the|and|of|for|on|&|[^\W\d_a-z][\w’'.\-]*),? ){0,8}$"
)
_NUMBER_WORDS = lx.words("One Two Three Four Five Six Seven Eight Nine Ten")


def _numbered_label(words) -> bool:
    """ "Number Three" of "Senior Administration Official Number Three": a
    label for an anonymous speaker, no name."""
    return (
        len(words) == 2
        and words[0] == "Number"
        and (words[1] in _NUMBER_WORDS or words[1].isdigit())
    )


_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "dom", "ance", "ence", "ship", "ism")


def _ordinary_noun(word: str, text: str) -> bool:
    """An English word, written in lower case in this article or abstract by
    its ending ("Freedom", "Stabilization"): not a given name the reference
    data misses ("Bonnie", "Sung", "Lee")."""
    low = word.lower()
    if low not in common_words():
        return False
    if low.endswith(_ABSTRACT_ENDINGS) or (low.endswith("es") and low[:-1] in common_words()):
        return True  # "Issues", "Affairs"
    return re.search(rf"(?<![\w-]){low}(?![\w-])", text) is not None


def _name_word(word: str) -> bool:
    """A capitalised word of a name, not of the grammar lists."""
    return (
        word[:1].isupper()
        and word not in NOT_PERSON_WORDS
        and word not in lx.ROLE_WORDS
        and word not in lx.ORG_HEADS
        and word not in lx.EVENT_HEADS
    ) or word in lx.PARTICLES


# What an apposition or a copula after a name says it is: "Sembremos
# Seguridad, an initiative which ...", "Aktion Suhnezeichen is a German NGO"
# (not "the": "Annalisa Rapana, the Italian news agency, ANSA" names where
# she works).
_SAID_TO_BE_RE = re.compile(
    r",? (?:is |was |are )?(?:a|an) (?:[\w’'\-]+ ){0,3}?"
    r"(?P<noun>ngo|nongovernmental|non-governmental|charity|foundation|organi[sz]ation|"
    r"company|firm|group|party|movement|network|association|agency|newspaper|daily|"
    r"magazine|broadcaster|initiative|program|programme|project|campaign|festival|"
    r"holiday|celebration|law|treaty|lecture|award|prize|fellowship)"
    # The noun ends the phrase ("a program associate" is a person).
    r"(?=[,.;:)]|$| (?:that|which|who|whose|in|of|for|to|based|with|and|or|from|on|at|by)\b"
    r"| [a-z]+ing\b)",
    re.IGNORECASE,
)
_ORG_SAID = lx.words(
    """ngo nongovernmental non-governmental charity foundation organisation organization
    company firm group party movement network association agency newspaper daily magazine
    broadcaster"""
)


# A capitalised word and "and", "of" or "for" right before an English word:
# the word ends a longer name ("Centers for Disease Control and Prevention").
_NAME_TAIL_RE = re.compile(r"[^\W\d_a-z][\w’'.\-]* (?:and|of|for|&) $")


def _said_to_be(text: str, end: int) -> str:
    """ "organisation" or "thing" when an apposition or "is a ..." right after
    the name says what it is, else ""."""
    m = _SAID_TO_BE_RE.match(text, end)
    if m is None:
        return ""
    return "organisation" if m["noun"].lower() in _ORG_SAID else "thing"


def _renamed_after(text: str, cand: Candidate, ends: dict[int, Mention]) -> Mention | None:
    """The organisation right before a bracket that opens with ``cand`` and
    closes after it or after its acronym: the body's name in another language."""
    before = text[max(0, cand.start - 3) : cand.start]
    at = before.rfind("(")
    if at < 0 or before[at + 1 :].strip():
        return None
    opening = cand.start - len(before) + at
    org = ends.get(opening) or ends.get(opening - 1)
    if org is None or not re.match(r"\s*(?:\)|,\s*[A-Z][\w.&\-]*\s*\))", text[cand.end :]):
        return None
    return org


def _starts_with_one_of(key: str, names: set[str]) -> bool:
    """ "Aktion Suhnezeichen Friedensdienste" beside the organisation
    "Aktion Suhnezeichen": a longer name of it."""
    words = key.split()
    return len(words) > 2 and any(" ".join(words[:n]) in names for n in range(2, len(words)))


# Heads of the names of laws, lectures and festivals ("Nuremberg Laws",
# "Vandenberg Lecture"), besides the lexicon's heads and their plurals.
_THING_ENDS = lx.words("Lecture Lectures Laws Charter Doctrine Purnima Jayanti Format")


def _thing_name(text: str, cand: Candidate) -> bool:
    """A name of a thing, not a person: its last word is the head of one, or
    such a head's plural ("Nobel Prizes"), or it follows a greeting for a
    holiday ("Happy Buddha Purnima")."""
    last = cand.tokens[-1]
    if last in _THING_ENDS or last in lx.THING_HEADS:
        return True
    for singular in (last[:-1], last[:-2]) if last.endswith("s") else ():
        if singular in NOT_PERSON_WORDS or singular in lx.EVENT_HEADS:
            return True
    return text[max(0, cand.start - 6) : cand.start] == "Happy "


def _has_backref(cand: Candidate, singles: set[str]) -> bool:
    tokens = name_tokens(cand.surface)
    return bool(
        tokens
        and tokens[-1] in singles
        and not cand.alone_on_line
        and not any(t in NOT_PERSON_WORDS for t in cand.tokens)
    )


def _common_phrase(text: str, cand: Candidate) -> bool:
    """Capitals that name no person: "a Dark Web channel", "our Travel
    Advisory", "... is Better Prepared to Prevent, Detect, and Respond"."""
    return after_determiner(text, cand.start) or in_title_cased_sentence(text, cand.start, cand.end)


def guessed(cand: Candidate, kind: str) -> Mention:
    """A mention typed by its context (see guess.py)."""
    return Mention(
        kind=kind,
        start=cand.start,
        end=cand.end,
        surface=cand.surface,
        name=cand.surface,
        evidence="context",
        org_kind="other" if kind == "organisation" else "",
        place_kind="city" if kind == "place" else "",
    )
