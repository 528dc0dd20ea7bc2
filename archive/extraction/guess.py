"""What an unknown capitalised name most likely is, when nothing proves it.

In news, a run of two or three capitalised words in mid-sentence that is no
known place, organisation or event, has no head noun ("Bank", "Cup") and no
article ("the White Sox") is nearly always a person's name ("veteran Jana
Novotna", "Dirk Coetzee , who ..."). A lone capitalised word is far less
clear ("Tight bowling", "Workers at ..."), so it needs context: a speech verb,
a noun for people or organisations before it, a place preposition.
"""

from __future__ import annotations

import re

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.normalize import name_key
from archive.extraction.spans import Candidate, Mention

# A word of a personal name: "Novotna", "O'Neill", "McGrath", "Schultz-McCarthy",
# "J."; not "EPS" (an acronym), "1,000", "Roll-on" nor "I've".
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_a-z]))*)$")
_CONTRACTION = re.compile(r"['’](?:s|d|m|t|ve|re|ll)$")
# First words of place names, not of people's: "Fort Lee", "San Jose".
PLACE_PREFIXES = lx.words(
    "Fort Port Mount Mt Mt. Lake Cape San Santa Santo Sao São Los Las Saint St St. Ste"
)


def _name_word(token: str) -> bool:
    if not _NAME_WORD.match(token) or _CONTRACTION.search(token):
        return False
    letters = [ch for ch in token if ch.isalpha()]
    # "J." is an initial; "NASA" is no name word.
    return len(letters) == 1 or any(ch.islower() for ch in letters)


def is_person_name(cand: Candidate) -> bool:
    """A multi-word candidate without evidence that reads as a person: two to
    four name words, none an ordinary word of the article ("Prevent
    Conflict", "Travel Advisory"), joined by nothing but name particles."""
    if (
        cand.weak
        or cand.heading
        or cand.article
        or cand.org_hint
        or cand.place_hint
        or cand.alone_on_line
        or cand.before_number
        or cand.common
    ):
        return False
    tokens = cand.surface.split()
    words = [t for t in tokens if t not in lx.PARTICLES]
    if len(words) < 2 or len(words) > 4:
        return False
    if words[0] in PLACE_PREFIXES or words[0] in lx.PLACE_MODIFIERS:
        return False  # "Fort Lee", "Western Hemisphere"
    if any(t in lx.NOT_PERSON_WORDS or t in lx.EVENT_HEADS for t in words):
        return False
    # "Feed the Future": lower-case words other than name particles.
    return all(t[0].isupper() and _name_word(t) for t in words)


# Determiners before a phrase of common nouns, never before a person's name
# ("a Dark Web tips-reporting channel", "our Travel Advisory").
_DETERMINERS_BEFORE = lx.words(
    "a an our their its your my this that these those every each any no such another"
)


def after_determiner(text: str, s: int) -> bool:
    """Whether the name at ``s`` follows a determiner other than "the"."""
    before = text[max(0, s - 9) : s]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1] in _DETERMINERS_BEFORE


def is_place_candidate(cand: Candidate) -> bool:
    """A name after a place preposition ("the town of Tauranga") that reads
    as a name, not as a title-cased phrase ("in Persons Report")."""
    words = cand.surface.split()
    return (
        cand.place_hint
        and not (cand.weak or cand.common or cand.heading)
        and all(
            w[0].isupper() and _name_word(w) and w not in lx.NOT_PERSON_WORDS
            for w in words
            if w not in lx.PARTICLES
        )
    )


def is_place_name(cand: Candidate) -> bool:
    """ "Fort Lee", "San Jose", "Lake Chad": a place by its first word."""
    words = cand.surface.split()
    return (
        not cand.weak
        and len(words) >= 2
        and words[0] in PLACE_PREFIXES
        and all(_name_word(w) for w in words[1:])
    )


_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,4}$")
# Legal forms at the end of a company's name ("Volkswagen AG").
_LEGAL_FORMS = lx.words(
    """Inc Inc. Corp Corp. Co Co. Ltd Ltd. Limited Plc PLC plc LLC AG SA S.A. NV N.V.
    BV B.V. GmbH AB ASA Oyj SpA S.p.A. Bhd Berhad Pty KK Corporation Company"""
)


def strip_legal_form(name: str) -> str:
    """The name without its legal form ("Volkswagen AG" -> "Volkswagen"), or
    "" when it has none."""
    words = name.split()
    if len(words) >= 2 and words[-1] in _LEGAL_FORMS:
        return " ".join(words[:-1]).rstrip(" ,")
    return ""


def is_acronym(word: str) -> bool:
    """An unknown abbreviation in running text, most often an organisation's
    ("PUNR", "SIMEX")."""
    return bool(_ACRONYM.match(word)) and word not in lx.NOT_ORG_ACRONYMS


# "SMRs", "NGOs": the plural of an abbreviation is a thing, never a name.
_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
# Abstract nouns ("Safety", "Prosperity", "Governance"): after "in" they are
# no place ("To Walk the Earth in Safety").
_ABSTRACT_NOUN = re.compile(r"(?:[ei]ty|ness|ment|tion|sion|ance|ence|ship|ism|hood)$")


def _plain_word(word: str) -> bool:
    """Words of the grammar lists (and their plurals) are never names on their
    own ("Corp" left over from "News Corp", "Police", "Governments"), nor are
    adjectives of languages and regions ("English", "European"), currencies
    ("Euros") or plurals of abbreviations ("SMRs")."""
    if word in lx.CURRENCY_NOUNS or _ACRONYM_PLURAL.match(word):
        return True
    singular = word[:-1] if word.endswith("s") else word
    return any(
        w in lx.ORG_HEADS
        or w in lx.EVENT_HEADS
        or w in lx.PLACE_HEADS
        or w in lx.ROLE_WORDS
        or w in lx.NON_NAMES
        or w in lx.NOT_PERSON_WORDS
        or w in lx.REGION_ADJECTIVES
        or w in lx.PROGRAMME_HEADS
        for w in {word, singular}
    ) or word.endswith("ish")


def single_kind(cand: Candidate) -> str:
    """The kind of a lone unknown word from its context, or "". An ordinary
    word of the article ("the Governments", "in English") is no name, nor is
    one that starts a sentence ("Police said")."""
    word = cand.surface
    if cand.weak or (cand.common and cand.sentence_start) or _plain_word(word):
        return ""
    if cand.heading and cand.evidence != "speech":
        return ""  # a title-cased heading capitalises every word
    if cand.org_hint or (is_acronym(word) and not (cand.before_number or cand.term)):
        return "organisation"
    if not _name_word(word):
        return ""
    if cand.article and pt.PLURAL_WORD_RE.search(word) and not cand.common:
        return "organisation"  # "the Mariners", "the Greens": a team, a party
    if cand.place_hint and not cand.common and not _ABSTRACT_NOUN.search(word):
        return "place"
    if cand.evidence in ("speech", "cue") and len(word) > 1:
        return "person"
    return ""


# Evidence that a candidate is a person whatever else the article names.
_PERSON_PROOF = frozenset({"title", "given-name", "initial"})


def company_short_forms(gaz, mentions: list[Mention]) -> dict[str, Mention]:
    """The leading words of each company the article names with its legal
    form ("Barrick Gold Corp" -> "Barrick", "Barrick Gold"), by name key:
    written alone later ("Barrick said", "Barrick 's offer") they name the
    company. A leading word that is a given name, or a prefix the reference
    data knows (a place: "Toronto Dominion Bank"), is no short form."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "organisation" or m.dropped:
            continue
        words = (m.name or m.surface).split()
        if len(words) < 2 or words[-1] not in _LEGAL_FORMS:
            continue
        if words[0] in lx.DETERMINERS:
            words = words[1:]
        for k in range(1, len(words)):
            prefix = " ".join(words[:k]).rstrip(",")
            last = words[k - 1]
            if not last[:1].isupper() or last in lx.ORG_HEADS or last in lx.ROLE_WORDS:
                break
            if (k == 1 and last in gaz.given_names) or gaz.lookup(prefix):
                break
            out.setdefault(name_key(prefix), m)
    return out


def short_form_mention(cand: Candidate, company: Mention) -> Mention | None:
    """The company ``cand`` abbreviates, as a mention, unless the candidate
    has a person's evidence (a title, a given name, an initial)."""
    if cand.evidence in _PERSON_PROOF or cand.weak:
        return None
    return Mention(
        kind="organisation",
        start=cand.start,
        end=cand.end,
        surface=cand.surface,
        ref=company.ref,
        name=company.name or company.surface,
        evidence="short-form",
        org_kind=company.org_kind or "company",
    )
