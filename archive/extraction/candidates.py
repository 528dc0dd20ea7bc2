"""Capitalised words the gazetteer does not know: what their context says.

A word or run becomes a ``Candidate`` with the evidence around it (a speech
verb, a title before it, a known given name, "the" before it, ...); the
within-article resolution decides later what, if anything, it names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from archive.extraction import cues
from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.article_text import ArticleText
from archive.extraction.reference import Gazetteer
from archive.extraction.roles import PendingRole, role_gap_ok
from archive.extraction.screen import common_words
from archive.extraction.spans import Candidate, Mention, Unit

# Nouns for what a person is or does, written before the name as a title
# ("Olympian Krystsyna Tsimanouskaya", "Blogger Raman Pratasevich"), beside
# the person nouns of cues.py; no name of an office (those are titles).
_DESCRIPTORS = lx.words(
    """olympian paralympian athlete gymnast footballer cricketer skater climber
    mountaineer blogger vlogger influencer campaigner advocate whistleblower
    laureate detainee prisoner inmate refugee migrant survivor defector
    academic lecturer philosopher economist chef comedian rapper dancer model
    pilot astronaut cosmonaut engineer architect designer nurse medic paramedic
    volunteer humanitarian philanthropist businessperson"""
)
# Long enough to be a noun of its suffix, not a verb ("assist", "exist").
_DESCRIPTOR_SUFFIXES = ("ist", "ian")

_ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())  # noqa: SIM905


def is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def descriptor(word: str) -> bool:
    """A common noun for a person's occupation or status, capitalised as
    words are at a sentence's start or before a name ("Olympian", "Activist",
    "Blogger", "Novelist"); never a title ("Journalist", "President" are read
    as titles)."""
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    if word in lx.ROLE_WORDS or word in lx.HONORIFICS:
        return False
    low = word.lower()
    if low in _DESCRIPTORS or low in cues.PERSON_NOUNS:
        return True
    return len(low) > 6 and low.endswith(_DESCRIPTOR_SUFFIXES) and low in common_words()


def descriptor_before(text: str, s: int, given_names: Collection[str]) -> bool:
    """Whether a capitalised descriptor stands right before ``s``
    ("Olympian Krystsyna Tsimanouskaya")."""
    if s < 2 or text[s - 1] != " ":
        return False
    i = s - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i : s - 1]
    return word not in given_names and descriptor(word)


def name_like(unit: Unit) -> bool:
    """A word that may be part of a person's name."""
    if unit.match is not None:
        return False
    word = unit.word
    if word in lx.ROLE_WORDS or word in lx.NON_NAMES or word in lx.HONORIFICS:
        return False
    if word in lx.ORG_HEADS or word in lx.EVENT_HEADS or word in lx.PLACE_HEADS:
        return False
    # All-caps words are acronyms, not names (but "II" and "U.S." pass).
    return not (is_caps(word) and word not in _ROMAN and "." not in word)


def proper_word(at: ArticleText, unit: Unit) -> bool:
    """A word that can only be (part of) a name: not a word of the grammar
    lists, not an ordinary word of the article (nor its singular), no
    participle ("Government-issued", "Countering")."""
    word = unit.word
    if not name_like(unit) or word in lx.NOT_PERSON_WORDS or word in lx.SENTENCE_STOPWORDS:
        return False
    if word in lx.COLLECTIVE_NOUNS:
        return False
    if "-" in word and not all(p[:1].isupper() for p in word.split("-")):
        return False
    if word.endswith("ing") or len(word) < 3:
        return False
    singular = word[:-1] if word.endswith("s") else ""
    return not (at.ordinary_word(word) or (singular and at.ordinary_word(singular)))


# Nouns for the parts of a country, which introduce a list of places' names
# ("the provinces of Kampong Thom, Prey Veng, and Svay Rieng") or close one
# ("in the Kandal and Takeo provinces").
_PLACE_NOUNS = (
    "provinces?|regions?|districts?|cities|towns|villages|count(?:y|ies)|"
    "municipalit(?:y|ies)|prefectures?|governorates?|oblasts?|islands|cantons?|"
    "territories|departments|raions?|emirates"
)
_NAME = r"[^\W\d_a-z][\w'’.\-]*(?: [^\W\d_a-z][\w'’.\-]*){0,4}"
# The list ends with its "and": "A, B, and C", "A and B".
_LAST = r",? (?:and|or) "
_PLACE_LIST_OPEN = re.compile(
    rf"\b(?:(?:{_PLACE_NOUNS})(?: of (?:the )?| ?\(| ?: )|states of (?:the )?)"
)
_LIST_BEFORE = re.compile(rf"(?:{_NAME}, )*(?:{_NAME}{_LAST})?")
_LIST_AFTER = re.compile(rf"(?:, {_NAME})*(?:{_LAST}{_NAME})? (?:{_PLACE_NOUNS})\b")


def in_place_list(text: str, s: int, e: int) -> bool:
    """Whether the name at ``text[s:e]`` is one of a list of places that a
    noun for the parts of a country opens ("the provinces of A, B, and C")
    or closes ("in the A and B provinces")."""
    if _LIST_AFTER.match(text, e):
        return True
    lo = max(0, s - 200, text.rfind("\n", max(0, s - 200), s) + 1)
    # The nearest opening: the list runs from it to the name.
    opening = max(_PLACE_LIST_OPEN.finditer(text, lo, s), key=lambda m: m.end(), default=None)
    return opening is not None and _LIST_BEFORE.fullmatch(text, opening.end(), s) is not None


def lone_word(at: ArticleText, s: int, e: int, word: str, *, sentence_start: bool) -> Candidate:
    """A lone capitalised word: "Tendulkar said", "coach Fringer",
    "retailer Promodes", "north of Zadar"."""
    cand = Candidate(s, e, word, (word,), sentence_start=sentence_start)
    text = at.text
    if text[e : e + 1] == "@" or text[s - 1 : s] in ("@", "/", "."):
        cand.weak = True  # part of an e-mail address or a web address
        return cand
    cand.article = text[max(0, s - 4) : s] in ("the ", "The ")
    cand.common = at.ordinary_word(word)
    cand.before_number = bool(pt.NUMBER_AFTER_RE.match(text, e))
    if word.isupper():
        cand.term = at.term(s, e)
    context = cues.read(text, s, e)
    if pt.SPEECH_AFTER_RE.match(text, e):
        cand.evidence = "speech"
    elif context.person or pt.SCORER_AFTER_RE.match(text, e) or at.country_in_brackets(e):
        cand.evidence = "cue"
    if context.organisation:
        cand.org_hint, cand.evidence = True, ""
    cand.place_hint = context.place or in_place_list(text, s, e)
    return cand


def titled_word(s: int, e: int, word: str, *, sentence_start: bool, role: str) -> Candidate:
    """A lone word right after a strong title ("President Abbas")."""
    return Candidate(
        s, e, word, (word,), sentence_start=sentence_start, evidence="title", role=role
    )


def words_run(
    at: ArticleText, seg: list[Unit], *, at_start: bool, pending: PendingRole | None
) -> Candidate:
    """Several name-like words in a row ("Ahmad Kawesa Sengendo")."""
    text = at.text
    s, e = seg[0].start, seg[-1].end
    tokens = tuple(u.word for u in seg)
    cand = Candidate(s, e, text[s:e], tokens)
    # "the White House says": people do not take an article.
    article = text[max(0, s - 4) : s] in ("the ", "The ")
    cand.article = article
    thing = any(t in lx.NOT_PERSON_WORDS for t in tokens)
    context = cues.read(text, s, e)
    cand.org_hint = context.organisation
    if article or thing or cand.org_hint:
        pass
    elif at_start and pending and role_gap_ok(text, pending, s):
        cand.evidence, cand.role = "title", pending.role
    elif pt.SPEECH_AFTER_RE.match(text, e) or pt.SPEECH_BEFORE_RE.search(text, max(0, s - 12), s):
        cand.evidence = "speech"
    elif tokens[0] in at.gaz.given_names:
        cand.evidence = "given-name"
    elif pt.INITIAL_RE.match(tokens[0]):
        cand.evidence = "initial"  # "P. Strang"
    elif (
        context.person
        or at.country_in_brackets(e)
        or pt.SCORER_AFTER_RE.match(text, e)
        or descriptor_before(text, s, at.gaz.given_names)
    ):
        cand.evidence = "cue"
    cand.place_hint = context.place or in_place_list(text, s, e)
    cand.before_number = bool(pt.NUMBER_AFTER_RE.match(text, e))
    cand.alone_on_line = at.alone_on_line(s, e)
    cand.common = any(len(t) > 2 and at.ordinary_word(t) for t in tokens) or (
        _demonym_phrase(at, tokens)
    )
    return cand


def demonym(gaz: Gazetteer, word: str) -> bool:
    """A nationality's adjective: one the reference data knows, or a
    country's name without its "-stan" ("Tajik", "Uzbek", "Kazakh")."""
    if len(word) < 3 or word in gaz.given_names:
        return False
    for name in (word, f"{word}istan", f"{word}stan"):
        if any(s.kind == "country" and (s.demonym or name != word) for s in gaz.lookup(name)):
            return True
    return False


def _demonym_phrase(at: ArticleText, tokens: tuple[str, ...]) -> bool:
    """A nationality's adjective and an English word ("Tajik Annual
    Bilateral Consultations"): a thing of that country, no person."""
    if len(tokens) < 2 or not demonym(at.gaz, tokens[0]):
        return False
    second = tokens[1]
    return second not in at.gaz.given_names and second.lower() in common_words()


def place_named(at: ArticleText, units: list[Unit]) -> Mention | None:
    """ "Los Angeles Dodgers", "Bayern Munich", "Television New Zealand": a
    place and unknown words written as one name name an organisation (a
    team, a company); "Greater London", "Upper Egypt" name a place."""
    if not 2 <= len(units) <= 4:
        return None
    matched = [i for i, u in enumerate(units) if u.match is not None]
    if len(matched) != 1 or matched[0] not in (0, len(units) - 1):
        return None
    place = units[matched[0]].match
    if place.best.kind not in ("place", "country") or place.best.demonym:
        return None
    others = [u for u in units if u.match is None]
    if not others or not all(proper_word(at, u) for u in others):
        return None  # "U.S. Strategy", "Europe Day", "Countering America"
    if at.in_shouted(units[0].start):
        return None  # "Seattle Routs Orioles", "Chile Draw": a headline's verb
    if others[0].word in at.gaz.given_names:
        return None  # "... America James Cleverly": a person follows
    before = at.text[max(0, units[0].start - 10) : units[0].start].split()
    if before[-1:] == ["the"] and place.best.kind == "country":
        before.pop()  # "Ambassador of Armenia to the United States Varuzhan Nersesyan"
    if matched[0] == 0 and before and before[-1] in ("to", "of", "in", "from", "at"):
        return None  # "Ambassador to Lebanon Dorothy Shea"
    if any(at.gap(a, b) != " " for a, b in itertools.pairwise(units)):
        return None
    s, e = units[0].start, units[-1].end
    surface = at.text[s:e]
    if matched[0] > 0 and len(others) == 1 and others[0].word in lx.PLACE_MODIFIERS:
        return Mention(
            kind="place",
            start=s,
            end=e,
            surface=surface,
            name=surface,
            evidence="place-name",
            place_kind="region",
        )
    return Mention.organisation(s, e, surface, "place-name")
