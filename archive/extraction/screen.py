"""The last look at an article's entities: names no analyst should find in the tables.

The earlier stages read mentions one run at a time; some of what they keep is
plainly no entity once the whole name and the words around every mention are
seen together:

- events without a name of their own ("Consular Dialogue", "Business Forum",
  "Summit", "Peace Accord"), cut where a pair's first partner was written apart
  ("U.S. – North Macedonia Strategic Dialogue", "Sino Joint Declaration"), a
  description rather than a name ("TED Talk-style Ignite Talks"), a title or an
  office ("Deputy Assistant Secretary of State for ...", "Department of War");
- "people" that are phrases of English words ("Immigrant Visas", "Zero
  Tolerance", "English Teaching Assistants"), the tail of a longer name ("Sea
  Level Rise"), a people ("Uyghurs, who are"), a placeholder ("Senator X"), a
  headline ("Bonnie D. Jenkins Announces Kenneth D. Ward"), a vessel ("VESSEL:
  ...") or a storm ("Cyclone Ana", an event);
- "places" that are a saint of a feast ("St. Patrick's Day"), a language ("in
  Arabic"), a plural acronym ("NGOs"), half of "South and Central Asia", a
  greeting ("Nice to meet you"), English words ("in Fighting", "Town Hall"), a
  frame ("Anniversary of Tiananmen Square") or where someone works ("Rachel
  Oswald at Congressional Quarterly").

Each rule reads the name, the words around its mentions and a list of English
words (``fixtures/reference/common_words.txt``), never a list of names.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Collection, Container
from pathlib import Path

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.acronyms import long_form_before, names_a_thing
from archive.extraction.clusters import Resolution
from archive.extraction.events import strip_ordinal
from archive.extraction.headings import in_title_case_line
from archive.extraction.reference import DEFAULT_REFERENCE_DIR
from archive.extraction.spans import Mention
from archive.extraction.types import ExtractedEntity

# Common adjectives and nouns that say what a meeting is about, capitalised in
# its name ("Consular Dialogue", "Business Forum", "Peace Accord") but naming
# no particular one.
TOPIC_WORDS = lx.words(
    """Consular Strategic Economic Commercial Political Security Defense Defence Trade
    Investment Energy Climate Health Cyber Business Peace Development Human Rights
    Migration Maritime Nuclear Space Science Technology Education Cultural Culture
    Environmental Humanitarian Financial Finance Agricultural Consultative Partnership
    Cooperation Policy Civil Society Youth Women Regional International National
    Review Implementation Coordination Consultation Consultations Donor Donors
    Stakeholder Stakeholders Investors Industry Private Public Sector CEO CEOs Heads
    State Government Governments Parties Party Members Member Foreign Affairs
    Counterterrorism Counter-Terrorism Law Enforcement Tourism Transport Digital Food
    Water Ocean Oceans Disarmament Nonproliferation Non-Proliferation Arms Control
    Action Notice Leaders Country Countries Democracy Democratic Freedom Media Press"""
)
# Combining forms that only name a pair with the partner after a hyphen ("Sino-British").
_COMBINING_FORMS = lx.words("Sino Anglo Franco Indo Russo Euro Afro Austro Greco Italo Judeo")
# "Nigerian-led", "Germany-hosted", "TED Talk-style": who runs it, no part of its name.
_DESCRIPTION = re.compile(r"^[^\W\d_][\w.]*-(?:[a-z]+ed|style|wide|based)$")
# The first partner of a pair written apart from the rest: "U.S. – North Macedonia
# Strategic Dialogue", "United States – Iceland Strategic Dialogue", "U.S-India".
_PARTNER_BEFORE = re.compile(r"(?:\bU\.S\.?|\bUS|\bUnited States)\s?[-–—]\s?$")
_US_PREFIX = re.compile(r"^(?:U\.S\.?|US|United States)\s?[-–—]\s?")
# A storm's name is an event ("Cyclone Ana", "Hurricane Ian").
_STORMS = lx.words("Cyclone Hurricane Typhoon Storm Tropical")
# Labels of list entries that name things, not people ("VESSEL: Gasret Aliev").
_THING_LABEL = re.compile(r"\b(?:VESSELS?|AIRCRAFT|SHIPS?|Vessels?|Aircraft)\s*:\s*$")
# Heads of a government's name, never of an event's ("Government of National Accord").
_GOVERNMENT_HEADS = lx.words("Government Department Ministry")
# Titles that name one person's office, never a meeting's participants.
_OFFICE_TITLES = lx.STRONG_TITLES - lx.words("Gen. Gen") | lx.words(
    "Envoy CEO Officer Director Administrator"
)
_COMPASS = lx.words(
    "North South East West Northern Southern Eastern Western Central Northeast "
    "Northwest Southeast Southwest"
)
# A language after "in", "into" or before "language" ("in Arabic", "the Russian language").
_LANGUAGE_SUFFIX = re.compile(r"(?:ic|ish|ese|ian|ali|ili|du|di)$")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_FEAST_AFTER = re.compile(r"^['’]s\s+(?:Day|Eve)\b")
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_RESOLUTION_AFTER = re.compile(r"\s+(?:[Rr]esolutions?|RES)\s+\d")
# Words of a person's standing, no part of the name after them.
_STANDING_WORDS = lx.words(
    "Candidate Designate Nominee Duke Duchess Grand Baron Baroness Count Countess Olympian"
) | lx.words(  # the titles of transcripts in Spanish and Portuguese ("Presidente Biden")
    "Presidente Presidenta Ministro Ministra Canciller Embajador Embajadora Secretario "
    "Secretaria Señor Señora Senhor Senhora"
)
_GLUED_BEFORE_THE = re.compile(r"^([\w.’'-]+) (?:for |at |in )?[Tt]he (\S+.*)$")
_SMALL_WORDS = lx.words("of for and the in on to at by with")
_PLACE_AFTER_THE = re.compile(r"^(.*[^\s]) the ((?:[A-Z][\w.’'-]* ?){1,3})$")
_THINGS = lx.THING_HEADS | lx.PROGRAMME_HEADS
# Heads of buildings and documents: no organisation's name ends so.
_NOT_BODIES = lx.words("Hotel Stadium Arena Constitution Constitutions")
_TWO_LETTERS = re.compile(r"^[A-Z]{2}$")
# A noun for an agreement, a law or a document right after a name: the name is its.
_THING_AFTER = re.compile(
    r" (?:agreements?|treaty|treaties|conventions?|waivers?|accords?|protocols?|acts?|"
    r"laws?|legislation|negotiations|framework|standards|provisions?|texts?)\b"
)
_DESCRIBED_AFTER = re.compile(r"(?<=\w)-(?:led|based|backed|funded|supported|sponsored)$")
# Organisations found so: by a reference list, a definition in the article, a head noun.
_DEFINED = frozenset({"acronym", "head", "firm", "government", "masthead", "coordinated"})
# A moderator calling on the next questioner: "Let's go to ...", "Next, ...", "over to".
_SPEAKER_CALLED = re.compile(r"(?:\bgo to|\bover to|\bturn to|\bNext,|\bcall on)\s+$")
_US_AND_ENGLISH = re.compile(r"^(?:U\.S\.|US|United States) [A-Z]")
_BILATERAL_ALLIANCE = re.compile(r"^[\w.]+\s?[-–]\s?[\w.]+ Alliance$")
_GREETING_AFTER = re.compile(r"^ to [a-z]+(?: to| with)? you\b")
# Headline verbs: a name is never two names around one ("... Jenkins Announces ... Ward").
_HEADLINE_WORDS = lx.HEADLINE_VERBS | lx.EVENT_VERBS | lx.words("Announces Names Nominates")
# Suffixes of plural common nouns no family name ends in ("Transferees", "Assistants").
_PLURAL_NOUN = re.compile(r"(?:ees|ants|ents|ions|ities|ments|ships|ists|zones|ages|ures)$")
# Words after a given name ("William and Mary", "William said"): no noun a demonym qualifies.
_NOT_NOUNS = lx.words(
    "and or of the to in on at for by with from said says was is has had who will would"
)
_WORD_BEFORE_IN = re.compile(r"([^\W\d_][\w'’-]*) in $")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*) $")
_YEAR_AT_END = re.compile(r"\s+(?:19|20)\d\d$")
_ON_A_NAME = re.compile(r" on [A-Z]")
_FRAMED = re.compile(r"^(\S+) of (?:the )?(.+)$")
_FROM_BEFORE = re.compile(r"\b(?:in|into|from)\s$")
_GUESSED_PERSON = frozenset({"name", "context", "article", "backref"})
# A people, not a person: a plural verb after it ("Uyghurs, who are"), or a noun for a
# group or its origin ("Pacific Islander diaspora", "... Heritage Month").
_GROUP_AFTER = re.compile(
    r"(?: \([A-Z]+\))?(?i: (?:diaspora|communit(?:y|ies)|peoples?|populations?|descent|"
    r"heritage|origin|ancestry|minorit(?:y|ies))\b)"
)
_PLURAL_VERB_AFTER = re.compile(r",? (?:who )?(?:are|were|have been)\b")
# Evidence a title-cased phrase of English words can have: none of a title or a given name.
_PHRASE_EVIDENCE = _GUESSED_PERSON | {"initial", "speech", "cue"}
# Places read from their context only (not from a head noun: "Black Sea").
_READ_PLACE = frozenset({"context", "name", "article", "table"})
# Heads of events and documents, never in a place's name.
_EVENT_WORDS = lx.words("Convention Summit Conference Treaty Agreement Declaration Forum")
_NOT_PLACE_SUFFIXES = ("ing", "ed", "al", "ive", "ments", "ies", "ions", "tion", "ty", "ness")
_CONTINENT_ADJECTIVES = lx.words("Asian African American European")
# Words that start places' names, never a place's whole name ("in New", "North").
_PLACE_NAME_STARTS = lx.PLACE_MODIFIERS | lx.words("New Old St. Saint San Santa Port Mount Cape")
_GUESSED_PLACE = frozenset({"context", "name", "article", "head", "table"})


@functools.lru_cache(maxsize=1)
def common_words(path: Path = DEFAULT_REFERENCE_DIR / "common_words.txt") -> frozenset[str]:
    """English words written in lower case (``fixtures/reference/common_words.txt``)."""
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


@dataclasses.dataclass(slots=True)
class _Entity:
    entity: ExtractedEntity
    mentions: list[Mention]


def screen(
    text: str,
    resolution: Resolution,
    given_names: Collection[str] = (),
    place_word: Callable[[str], bool] = lambda word: False,
) -> Resolution:
    """The resolution without the entities no analyst should see, and with the
    event names a cut or a pair's partner written apart had shortened.
    ``place_word``: whether the reference data knows a word as a place."""
    groups: dict[int, _Entity] = {}
    for mention, entity in resolution.spans:
        group = groups.get(id(entity))
        if group is None:
            group = groups[id(entity)] = _Entity(entity, [])
        group.mentions.append(mention)
    drop: set[int] = set()
    lower = _LowerWords(text)
    person_ends = {m.end for m, e in resolution.spans if e.kind == "person"}
    others = _OtherNames(resolution, place_word)
    for key, group in groups.items():
        entity = group.entity
        if entity.kind == "event":
            keep = _screen_event(text, lower, group, others)
        elif entity.kind == "person":
            keep = _screen_person(text, lower, group, given_names)
        elif entity.kind == "place":
            keep = _screen_place(text, lower, group, person_ends)
        else:
            keep = _screen_organisation(text, group, others)
        if not keep:
            drop.add(key)
    if not drop:
        return resolution
    return Resolution(
        entities=[e for e in resolution.entities if id(e) not in drop],
        spans=[(m, e) for m, e in resolution.spans if id(e) not in drop],
    )


class _OtherNames:
    """One-word names of the article's people and places, and of places the
    reference data knows: words that name something else than a body or an
    event they are written before."""

    def __init__(self, resolution: Resolution, place_word: Callable[[str], bool]) -> None:
        self.place_word = place_word
        self.names = {
            form
            for e in resolution.entities
            if e.kind in ("person", "place")
            for form in (e.name, *e.aliases)
            if " " not in form
        }
        self.surnames = {e.name.split()[-1] for e in resolution.entities if e.kind == "person"}

    def __contains__(self, word: object) -> bool:
        return word in self.names or (isinstance(word, str) and self.place_word(word))


class _LowerWords:
    """Whether a word is written in lower case somewhere in the article (not
    inside an address: "/xinjiang-region/", "www.cbs.com")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        low = word.lower()
        if low == word:
            return True
        found = self._seen.get(low)
        if found is None:
            found = self._find(low)
            self._seen[low] = found
        return found

    def _find(self, low: str) -> bool:
        text, n = self.text, len(low)
        i = text.find(low)
        while i >= 0:
            end = i + n
            before = text[i - 1] if i else " "
            after = text[end : end + 2]
            if not (before.isalnum() or before in "/.@-") and not (
                after[:1].isalnum()
                or after[:1] in "/@-"
                or (after[:1] == "." and after[1:2].isalnum())
            ):
                return True
            i = text.find(low, end)
        return False


def _before(text: str, m: Mention, width: int = 40) -> str:
    return text[max(0, m.start - width) : m.start]


# -- events -------------------------------------------------------------------------


def _screen_event(
    text: str, lower: _LowerWords, group: _Entity, others: Container[str] = ()
) -> bool:
    entity, mentions = group.entity, group.mentions
    _cut_word_before_the(entity, others)  # "Beijing for the Olympics"
    glued = _PLACE_AFTER_THE.match(entity.name)
    if glued and glued[2] in others and glued[1].split()[-1] not in _SMALL_WORDS:
        # "the Summit of the Americas the United States will host": the subject after it
        _rename(entity, glued[1], glued=True)
        entity.aliases -= {a for a in entity.aliases if a.endswith(f" the {glued[2]}")}
    for m in mentions:
        if _PARTNER_BEFORE.search(_before(text, m, 20)) and not _US_PREFIX.match(entity.name):
            _rename(entity, f"U.S.-{entity.name}")
            break
    words = entity.name.split()
    if words[0] in _COMBINING_FORMS:
        return False  # "Sino Joint Declaration": its partner lost
    if _names_an_office(words):
        return False
    if words[0] in _GOVERNMENT_HEADS and words[1:2] == ["of"]:
        _as_organisation(entity, words[0])  # "Department of War", "Government of ..."
        return True
    described = [i for i, w in enumerate(words) if _DESCRIPTION.match(w)]
    if described:
        if described != [0]:
            return False  # "TED Talk-style Ignite Talks": a description
        words = words[1:]
        if not words:
            return False
        _rename(entity, " ".join(words))  # "Nigerian-led Deep Blue Project"
    if " and " in entity.name:
        left, right = entity.name.split(" and ", 1)
        joint, rest = left.split()[-1], right.split()
        named = joint in lx.NOT_PERSON_WORDS or joint in lx.EVENT_HEADS
        if named and len(rest) >= 2 and rest[-1] in lx.EVENT_HEADS:
            _rename(entity, right, glued=True)  # "... Project and Maritime Collaborative Forum"
            words = rest
    if len(words) > 2 and words[-2] == "of" and words[-1] in ("War", "Wars"):
        return False  # "Law of War", "Prisoners of War": a war is never named so
    if words[-1] == "Crisis" and any(w in ("of", "on", "the") for w in words):
        return False  # "Times of Crisis", "Leadership on the Crisis": a crisis is named before it
    if all(_cut_after_preposition(text, m) for m in mentions):
        return False  # "Conventional Armed Forces in | Europe Treaty"
    return not _generic_event(lower, entity, words)


def _screen_organisation(text: str, group: _Entity, others: _OtherNames) -> bool:
    """No alliance of two states ("U.S.-Japan Alliance": a relationship, no
    body); no name read across a headline's verb ("United States Designates",
    "Department Renews Charter of ... Council") where it is only in headlines;
    no roman numeral ("Brussels VI Conference") or two letters no article or
    reference defines ("the CG", "the IG"); no title-cased phrase of English
    words ("Nationally Determined Contributions"). A description before or
    after the name is no part of it ("Turkish-supported Syrian National Army",
    "Department of Transportation-led"), nor is a word before "the" that names
    someone or somewhere else, or describes the body ("Iran the IAEA Board of
    Governors", "NGO The HALO Trust"), nor a verb acting on it ("Sanctioning
    Cuban Security Forces"). No class of bodies ("designated as a Foreign
    Terrorist Organization"), no phrase an acronym stands for ("Fiscal Year
    (FY)"), no place before a noun or a person's name (``_place_named``)."""
    entity = group.entity
    _cut_word_before_the(entity, others, abbreviations=True)
    name, words = entity.name, entity.name.split()
    # "Ministry of Health" is no alias of the "Ministry of Health of Malawi": it
    # names every country's.
    entity.aliases -= {alias for alias in entity.aliases if name.startswith(f"{alias} of ")}
    referenced = any(m.ref for m in group.mentions)
    known = referenced or any(m.evidence in _DEFINED for m in group.mentions)
    sides = any(m.evidence in ("team", "table") for m in group.mentions)  # "Crystal Palace"
    if _BILATERAL_ALLIANCE.match(name):
        return False
    if not referenced and all(_a_kind_of_body(text, m) for m in group.mentions):
        return False  # "designated as a Foreign Terrorist Organization": a class of bodies
    if all(m.evidence == "place-name" for m in group.mentions):
        verdict = _place_named(text, group, words, others)
        if verdict is not None:
            return verdict
    if (rest := _after_a_verb(words)) is not None and not sides:
        # "Sanctioning Cuban Security Forces", "Reopening of the Israeli Liaison
        # Office": an action on a body, named after its verb.
        if len(rest) < 2:
            return False
        _rename(entity, " ".join(rest), glued=True)
        name, words = entity.name, rest
    if _english_phrase_defined(group, words):
        return False  # "Withhold and Release Orders (WROs)", "Fiscal Year (FY)"
    if not known and _plural_of_a_word_written(text, words):
        return False  # "the Skripals" beside "Skripal", "the Uyghurs" beside "Uyghur Muslims"
    if all(_RESOLUTION_AFTER.match(text, m.end) for m in group.mentions):
        return False  # "UN Security Council Resolution 1325": a document's name
    if not referenced and (name in lx.NOT_ORG_ACRONYMS or words[-1] in _NOT_BODIES):
        return False  # "POTUS", "SIV applicants"; "Munich Marriott Hotel", "U.S. Constitution"
    if not known and (
        _ROMAN.match(name)
        or _PLURAL_ACRONYM.match(name)  # "the WROs apply": things, not a body
        or _TWO_LETTERS.match(name)
        or _defined_as_a_thing(text, name)  # "Award for Corporate Excellence (ACE)"
        or all(_THING_AFTER.match(text, m.end) for m in group.mentions)  # "the TRIPS waiver"
        or (
            words[-1] not in lx.PARTY_PLURALS
            and words[-1] not in lx.ORG_HEADS
            and _common_phrase(words)
        )
    ):
        return False  # "Nationally Determined Contributions"
    if not sides and not referenced and _common_words_headless(words):
        return False  # "Foreign Military Financing (FMF)", "Special Immigrant Visa (SIV)"
    if any(w in lx.HEADLINE_PRESENT_VERBS for w in words[1:]) and all(
        in_title_case_line(text, m.start) for m in group.mentions
    ):
        return False
    if len(words) > 2 and _DESCRIPTION.match(words[0]):
        _rename(entity, " ".join(words[1:]))
    elif match := _DESCRIBED_AFTER.search(entity.name):
        _rename(entity, entity.name[: match.start()])
    return True


def _place_named(text: str, group: _Entity, words: list[str], others: _OtherNames) -> bool | None:
    """Whether an organisation read as a place and other words written together
    ("Los Angeles Dodgers") is one; None when these rules cannot tell."""
    name, mentions = group.entity.name, group.mentions
    if words[-1] == "U.S." or (
        _US_AND_ENGLISH.match(name)
        and all(w.lower() in common_words() and w not in lx.ORG_HEADS for w in words[1:])
    ):
        # "U.S. Actions", "U.S. Support": the country's, no body; "Key U.S. allies",
        # "Fourteen U.S. citizens": the country before a noun.
        return False
    if words[-1] in others.surnames:
        return False  # "Special Representative for North Korea Sung Kim": a person
    if all(text[m.start - 1 : m.start] == "-" for m in mentions):
        return False  # "sub-Saharan Africa": the end of a word, no body
    if (
        len(words) == 2
        and others.place_word(words[1])  # a place's name is a surname too
        and words[0].lower() not in common_words()
        and all(_SPEAKER_CALLED.search(_before(text, m, 20)) for m in mentions)
    ):
        _as_person(group.entity)  # "Let’s go to Rosiland Jordan.": a reporter called on
        return True
    return None


def _after_a_verb(words: list[str]) -> list[str] | None:
    """The words after a verb's "-ing" form that opens a name and acts on what
    follows ("Sanctioning | Cuban Security Forces", "Reopening of the | Israeli
    Liaison Office"); None when the name opens so with a noun ("Training Center",
    "Sporting Lisbon")."""
    first = words[0]
    if not first.endswith("ing") or len(words) < 2 or first in lx.CLUB_PREFIXES:
        return None
    if first.lower() not in common_words():
        return None
    rest = words[1:]
    if rest[:2] == ["of", "the"]:
        return rest[2:]
    if rest[0] in ("of", "the"):
        return rest[1:]
    return None if rest[0].lower() in common_words() else rest


def _english_phrase_defined(group: _Entity, words: list[str]) -> bool:
    """A phrase of English words an acronym was defined for, with no body's head
    noun: a measure, a period, a category, not an organisation."""
    return all(m.evidence == "acronym" for m in group.mentions) and _english_phrase(words)


def _english_phrase(words: list[str]) -> bool:
    """English words, capitalised, ending in no body's head noun ("Fiscal Year",
    "Withhold and Release Orders")."""
    named = [w for w in words if w not in _SMALL_WORDS]
    if len(named) < 2 or words[-1] in lx.ORG_HEADS or words[-1] in lx.PARTY_PLURALS:
        return False
    return all(w[:1].isupper() and w.lower() in common_words() for w in named)


def _a_kind_of_body(text: str, m: Mention) -> bool:
    """ "as a Foreign Terrorist Organization": a name after "a" that heads its phrase
    names a class of bodies ("a Fordham University graduate" names the university)."""
    if not pt.INDEFINITE_BEFORE_RE.search(text, max(0, m.start - 4), m.start):
        return False
    noun = _NOUN_AFTER.match(text, m.end)
    return noun is None or noun[1] in _SMALL_WORDS or noun[1] in _NOT_NOUNS


_NOUN_AFTER = re.compile(r" ([a-z]+)\b")


def _plural_of_a_word_written(text: str, words: list[str]) -> bool:
    """A plural the article also writes in the singular: a family, a people or a
    weapon ("the Skripals", "the Uyghurs", "Javelins"), not a team or a party,
    whose name is plural only ("the Mariners")."""
    if len(words) != 1 or not pt.PLURAL_WORD_RE.search(words[0]):
        return False
    return re.search(rf"\b{re.escape(words[0][:-1])}\b", text) is not None


def _cut_word_before_the(
    entity: ExtractedEntity, others: Container[str], *, abbreviations: bool = False
) -> None:
    """Cut a word glued on before "the" that names someone or somewhere else
    ("Iran the IAEA Board of Governors"), or with ``abbreviations`` describes the
    body ("NGO The HALO Trust")."""
    glued = _GLUED_BEFORE_THE.match(entity.name)
    if glued and (glued[1] in others or (abbreviations and glued[1].isupper())):
        _rename(entity, glued[2], glued=True)


def _defined_as_a_thing(text: str, name: str) -> bool:
    """A bare acronym the article defines as a programme, a visa or an award."""
    if not pt.BARE_ACRONYM_RE.fullmatch(name):
        return False
    at = text.find(f"({name})")
    if at < 0:
        return False
    long_form = long_form_before(text, at, name).rstrip()
    words = long_form.split()
    return bool(long_form) and (
        names_a_thing(long_form) or _common_words_headless(words) or _english_phrase(words)
    )


def _common_words_headless(words: list[str]) -> bool:
    """A name of English words ending in a noun of activities, documents or
    grants, no word of it a body's head noun: a programme, a visa, an award
    ("Information Technology", "Award for Corporate Excellence"), not an
    organisation."""
    named = [w for w in words if w not in _SMALL_WORDS]
    if len(named) < 2 or named[-1] not in _THINGS:
        return False
    if any(w in lx.ORG_HEADS or w in lx.ORG_HEADS_FIRST for w in named):
        return False
    return _common_phrase(named, any_form=True)


def _rename(entity: ExtractedEntity, name: str, *, glued: bool = False) -> None:
    """Name the entity ``name``; the old name stays an alias unless words of
    something else were glued on to it ("Iran the IAEA Board of Governors"):
    an alias never names more than its entity."""
    if glued:
        entity.aliases.discard(entity.name)
    else:
        entity.aliases.add(entity.name)
    entity.name = name
    entity.aliases.add(name)


def _as_organisation(entity: ExtractedEntity, head: str) -> None:
    entity.kind = "organisation"
    entity.org_kind = lx.ORG_HEADS.get(head, "other")
    entity.event_kind, entity.year, entity.start, entity.end, entity.place = (
        "",
        None,
        None,
        None,
        "",
    )


def _as_person(entity: ExtractedEntity) -> None:
    entity.kind, entity.org_kind, entity.acronym = "person", "", ""


def _names_an_office(words: list[str]) -> bool:
    """ "Deputy Assistant Secretary of State for Trade Policy and Negotiations",
    "Secretary Blinken Meeting": a title before the head names a person's office."""
    return any(w in _OFFICE_TITLES for w in words[:-1])


def _cut_after_preposition(text: str, m: Mention) -> bool:
    """The name runs on before the mention, across "in": "Forces in Europe Treaty",
    "Leading in Times of Crisis" (a name or a quotation the reader cut)."""
    before = _before(text, m, 30)
    found = _WORD_BEFORE_IN.search(before)
    if not found or not found[1][0].isupper():
        return False
    word = found[1]
    return word not in lx.HEADLINE_NOUNS and word not in _HEADLINE_WORDS


def _generic_event(lower: _LowerWords, entity: ExtractedEntity, words: list[str]) -> bool:
    """A head with only common or generic words before it names no event:
    "Summit", "Consular Dialogue", "Business Forum", "Notice of Meeting"."""
    name = strip_ordinal(" ".join(words), entity.event_kind)
    name = _YEAR_AT_END.sub("", name)
    words = name.split()
    if len(words) <= 1:
        return name in lx.EVENT_HEADS  # "Summit"; not "COP26"
    if entity.event_kind == "war":
        return False  # "Cold War", "Gulf War": wars are named by common words
    if entity.event_kind == "agreement" and len(words) > 2:
        return False  # "Outer Space Treaty", "Nuclear Non-Proliferation Treaty"
    topics = 0
    for w in words:
        if w in ("of", "the", "on", "for", "and", "to", "in") or w in lx.EVENT_HEADS:
            continue
        if w in lx.GENERIC_EVENT_MODIFIERS:
            continue
        if w in TOPIC_WORDS:
            topics += 1
            continue
        if w in lx.EVENT_FRAMES or (w.endswith("ing") and lower(w)):
            continue
        return False
    # Three topics make a name ("International Migration Review Forum").
    return topics <= 2


# -- people -------------------------------------------------------------------------


def _screen_person(
    text: str, lower: _LowerWords, group: _Entity, given_names: Collection[str]
) -> bool:
    entity, mentions = group.entity, group.mentions
    words = entity.name.split()
    if len(words) == 1 and len(words[0]) == 1:
        return False  # "Senator X": a placeholder
    if len(words) == 1 and words[0].endswith("ly") and words[0].lower() in common_words():
        return False  # "Specifically, ...": an adverb
    if _region_adjective(words):
        return False  # "West African": an adjective
    if words[0] in _STORMS and len(words) == 2:
        entity.kind, entity.event_kind, entity.roles = "event", "other", []
        return True  # "Cyclone Ana"
    if words[0] == "Operation" and len(words) >= 2:
        entity.kind, entity.event_kind, entity.roles = "event", "other", []
        return True  # "Operation Barkhane": a military operation
    if words[0] in _STANDING_WORDS and len(words) >= 2:
        words = words[1:]
        _rename(entity, " ".join(words), glued=True)  # "Candidate Biden", "Duke Henri"
    if any(w in _HEADLINE_WORDS for w in words[1:-1]):
        return False  # "Bonnie D. Jenkins Announces Kenneth D. Ward"
    if all(_THING_LABEL.search(_before(text, m, 12)) for m in mentions):
        return False  # "VESSEL: Gasret Aliev"
    if len(words) >= 3 and (
        (words[0] in lx.NOT_PERSON_WORDS and words[1].lower() not in common_words())
        or _plural_before_a_given_name(words, given_names)
    ):
        # "Africa Strategy | Judd Devermont": a heading's word glued on; "Human Rights
        # of LGBTQI+ Persons Jessica Stern": the end of a title.
        words = words[1:]
        _rename(entity, " ".join(words), glued=True)
    if all(_GROUP_AFTER.match(text, m.end) for m in mentions) or (
        len(words) == 1
        and words[0].endswith("s")
        and all(_PLURAL_VERB_AFTER.match(text, m.end) for m in mentions)
        and not any(_before(text, m, 5).endswith(("and ", ", ")) for m in mentions)
    ):
        return False  # "Pacific Islander diaspora", "Uyghurs, who are ...": a people
    guessed = all(m.evidence in _GUESSED_PERSON for m in mentions)
    last = words[-1]
    if len(words) == 1:
        return not _a_people(text, last)
    if words[0] in given_names:
        return True
    if _common_phrase(words) and all(m.evidence in _PHRASE_EVIDENCE for m in mentions):
        return False  # "Immigrant Visas", "D. Initiating Work Processes" (a list's item)
    if not guessed:
        return True
    if _common_phrase(words, any_form=True):
        return False  # "Zero Tolerance", "Gender Identity": guessed by its shape alone
    if _common_plural(lower, last):
        return False  # "English Teaching Assistants", "Intracompany Transferees"
    if last.endswith("ing") and len(last) >= 7 and lower(last):
        return False  # "Understanding Concerning", "Use Listing"
    return not all(_tail_of_a_name(text, lower, m, last) for m in mentions)


def _plural_before_a_given_name(words: list[str], given_names: Collection[str]) -> bool:
    """An English plural that is nobody's given name, before one that is: the end
    of a title ("... Persons", "... on Climate Issues"), not of the name."""
    first = words[0]
    return (
        first.endswith("s")
        and first not in given_names
        and first.lower() in common_words()
        and words[1] in given_names
    )


def _common_phrase(words: list[str], *, any_form: bool = False) -> bool:
    """ "Immigrant Visas", "Coastal Dead Zones", "Defending Democratic Values":
    "Revitalizes Collaborative": every word an English word written in lower
    case, the first or the last a plural, a verb or a participle (or of any form,
    for a name nothing but its shape made a person's): a phrase, not a person's
    name."""
    if len(words[0]) == 2 and words[0].endswith("."):
        words = words[1:]  # "D. Initiating Work Processes": an initial cut from a name
    common = common_words()
    if len(words) < 2 or not all(
        w[:1].isupper() and w[1:].islower() and w.lower() in common for w in words
    ):
        return False
    first, last = words[0], words[-1]
    return any_form or last.endswith(("s", "ing")) or first.endswith(("s", "ing"))


def _common_plural(lower: _LowerWords, word: str) -> bool:
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    if _PLURAL_NOUN.search(word):
        return True
    singular = word[:-2] if word.endswith("ies") else word[:-1]
    return lower(word) and (lower(singular) or word.endswith("es"))


def _a_people(text: str, word: str) -> bool:
    """ "Uyghurs": a plural whose singular the article writes before a lower-case
    noun ("Uyghur Muslims", "Uyghur population") names a people."""
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    if f"{word[:-1]} " not in text:
        return False
    singular = re.escape(word[:-1])
    return any(
        after[1] not in _NOT_NOUNS
        for after in re.finditer(rf"(?<![^\W\d_]){singular} ([a-z]+)", text)
    )


def _tail_of_a_name(text: str, lower: _LowerWords, m: Mention, last: str) -> bool:
    """ "Sea Level Rise", "Intergovernmental Panel on Climate Change": a
    guessed name right after a capitalised word (no title, no honorific), or
    ending in a common noun with "on" and a capital after it, is part of a
    longer name, not a person's."""
    found = _WORD_BEFORE.search(_before(text, m, 30))
    if found and found[1][0].isupper() and not found[1].isupper():
        word = found[1]
        if (
            word not in lx.ROLE_WORDS
            and word not in lx.HONORIFICS
            and word not in lx.SENTENCE_STOPWORDS
            and word not in lx.TITLE_CASE_BREAKS
            and not word.endswith(("'s", "’s"))
        ):
            return True
    common = lower(last) or last.lower() in common_words()
    return common and bool(_ON_A_NAME.match(text, m.end))


# -- places -------------------------------------------------------------------------


def _screen_place(text: str, lower: _LowerWords, group: _Entity, person_ends: set[int]) -> bool:
    entity, mentions = group.entity, group.mentions
    name = entity.name
    words = name.split()
    if _PLURAL_ACRONYM.match(name):
        return False  # "NGOs"
    if all(_FEAST_AFTER.match(text[m.end : m.end + 8]) for m in mentions):
        return False  # "St. Patrick's Day"
    frame = _FRAMED.match(name) if " of " in name else None
    if frame and frame[1] in lx.EVENT_FRAMES:
        _rename(entity, frame[2], glued=True)  # "Anniversary of Tiananmen Square"
        words = entity.name.split()
    if len(words) == 1 and (len(name) == 1 or name in _PLACE_NAME_STARTS):
        # "South" of "South and Central Asia", "in R", "in New": a letter or the
        # first word of a name
        return False
    if _region_adjective(words):
        return False  # "the Central and South Asian regions": an adjective
    guessed = all(m.evidence in _GUESSED_PLACE for m in mentions)
    if guessed and all(
        m.start - 4 in person_ends and _before(text, m, 4) == " at " for m in mentions
    ):
        # "Let's go to Rachel Oswald at Congressional Quarterly": where someone works.
        entity.kind, entity.org_kind = "organisation", "other"
        entity.place_kind = entity.country = ""
        return True
    if all(_greeting(text, m) for m in mentions):
        return False  # "Nice to meet you"
    language = guessed and len(words) == 1 and _LANGUAGE_SUFFIX.search(name)
    if language and all(_language(text, m) for m in mentions):
        return False  # "in Arabic"
    if any(w in _EVENT_WORDS for w in words) or (
        " for " in name and all(m.evidence == "head" for m in mentions)
    ):
        return False  # "UN Convention on the Law of the Sea", "Vital Partnership for the ..."
    read = all(m.evidence in _READ_PLACE for m in mentions)
    if read and all(_english_word(lower, w) for w in words):
        return False  # "in Fighting", "Specialty Occupation": English words
    if guessed and all(m.evidence == "head" for m in mentions) and len(words) >= 2:
        common = [w for w in words[:-1] if w not in ("of", "the")]
        if all(lower(w) for w in common):
            return False  # "Town Hall", "Flight Information Region", "Law of Sea"
    return True


def _region_adjective(words: list[str]) -> bool:
    """A compass word and a continent's adjective ("South Asian", "West African")."""
    return len(words) == 2 and words[0] in _COMPASS and words[1] in _CONTINENT_ADJECTIVES


def _english_word(lower: _LowerWords, word: str) -> bool:
    """A capitalised English word that names no place: one the article also writes in
    lower case, or a participle, adjective or plural ("Fighting", "Additional",
    "Improvements"; not "Anchorage", "Buffalo", "Chin")."""
    if not (word[:1].isupper() and word[1:].islower() and word.lower() in common_words()):
        return False
    return lower(word) or word.endswith(_NOT_PLACE_SUFFIXES)


def _greeting(text: str, m: Mention) -> bool:
    start = text[max(0, m.start - 2) : m.start]
    return (m.start == 0 or start.endswith(("\n", ". ", "? ", "! "))) and bool(
        _GREETING_AFTER.match(text[m.end : m.end + 30])
    )


def _language(text: str, m: Mention) -> bool:
    before = _before(text, m, 8)
    after = text[m.end : m.end + 12]
    return bool(_FROM_BEFORE.search(before)) and not after[1:2].isupper()
