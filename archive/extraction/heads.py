"""Runs named by their head noun: "... Bank" and "Ministry of ..." are
organisations, "... Summit" an event, "... Province" a place."""

from __future__ import annotations

import dataclasses

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.article_text import ArticleText
from archive.extraction.spans import Mention, Unit


def read_head(at: ArticleText, units: list[Unit]) -> Mention | None:
    """The mention a run of several units names by its head noun, if any."""
    if longer_than_alias(at, units):
        s, e = units[0].start, units[-1].end
        surface = at.text[s:e]
        return Mention.organisation(s, e, surface, "head", org_kind="")
    last = units[-1]
    kind = ""
    if last.match is None:
        word = last.word
        if word in lx.EVENT_HEADS or _competition(units):
            kind = "event"
        elif word in lx.ORG_HEADS:
            kind = "organisation"
        elif word in lx.PLACE_HEADS:
            kind = "place"
    # "Summit of Heads of State and Government", "Ministry of Economy":
    # a head noun taking "of" names the whole phrase.
    for i in range(min(3, len(units) - 1)):
        u = units[i]
        if takes_of(at, u, units[i + 1]):
            if u.word in lx.EVENT_HEADS_FIRST:
                kind, last = "event", u
            elif u.word in lx.ORG_HEADS_FIRST and kind != "event":
                kind, last = "organisation", u
            break
    if kind == "organisation" and last is units[-1]:
        if at.gap(units[-2], last) == "-":
            return None  # "Chair-in-Office", "Commander-in-Chief": a title
        if common_phrase(at, units):
            return None
        named = named_after_title(at, units)
        if named is not None:
            return read_head(at, named) if named else None
    if (
        kind == "place"
        and last is units[-1]
        and all(u.match is None for u in units)
        and any(u.word in lx.ROLE_WORDS for u in units[:-1])
    ):
        return None  # "Flight Information Region", "Special Economic Zone": no name
    if not kind and units[0].match is None and units[0].word in lx.CLUB_PREFIXES:
        kind = "organisation"  # "FC Linz"
    if not kind and units[0].match is None and units[0].word in lx.LEGAL_PREFIXES:
        kind = "organisation"  # "PJSC Sovcombank"
    if not kind and "Joint Stock Company" in at.text[units[0].start : units[-1].end]:
        kind = "organisation"  # "Public Joint Stock Company Severstal"
    if not kind:
        return None
    s, e = units[0].start, units[-1].end
    surface = at.text[s:e]
    head = last.word
    mention = Mention(kind=kind, start=s, end=e, surface=surface, name=surface, evidence="head")
    atoms = [u.match.best for u in units if u.match is not None]
    if kind == "organisation":
        if (place := country_acting(at.text, units, s, e)) is not None:
            return place
        mention.name = government_name(at, units, head, surface)
        igo = any(a.kind == "organisation" for a in atoms)
        mention.org_kind = (
            "intergovernmental"
            if igo and lx.ORG_HEADS.get(head) in ("other", None)
            else lx.ORG_HEADS.get(head, "other")
        )
    elif kind == "event":
        if last is units[-1] and generic_event(at, units):
            return None
        mention.event_kind = lx.EVENT_HEADS.get(head, "other")
        mention = with_ordinal_and_year(at.text, mention)
    else:
        mention.place_kind = lx.PLACE_HEADS.get(head, "region")
        for a in atoms:
            if a.kind == "country" and not a.demonym:
                mention.country = at.gaz.record(a).name
    return mention


def event_name_start(at: ArticleText, units: list[Unit]) -> tuple[int, int]:
    """Where an event's name starts in a run that a headline's or sentence's
    grammar opens, as ``(start, prefix_end)``: the units before ``prefix_end``
    are read on their own, those from it to ``start`` are grammar; ``(0, 0)``
    when the run is one name.

    An event's name holds no verb and no bare "the": "Brazil | Signs |
    Artemis Accords", "Welcoming the | Inaugural Meeting of the ...",
    "Kingdom of Bahrain | Signs the | Artemis Accords"; a noun framing the
    event is no part of it ("Anniversary of the | Refugee Convention",
    "Conclusion of the | Negev Summit"); "and" after an event's head starts
    another ("Strategic Dialogue | and the | Defense Strategic Talks"), as
    "and the" does after a name ("Belfast | and the | Good Friday Agreement").
    Only words before the event's head count: "Summit of the Americas" and
    "Friends of the Mekong Ministerial" are names."""
    n = len(units)
    head = 0
    if units[-1].match is None and units[-1].word in lx.EVENT_HEADS:
        head = n - 1
    else:
        for i in range(min(4, n - 1)):
            u = units[i]
            if u.match is None and u.word in lx.EVENT_HEADS_FIRST and takes_of(at, u, units[i + 1]):
                head = i
                break
    cut = (0, 0)
    for i in range(head):
        u = units[i]
        gap = at.gap(u, units[i + 1]).split()
        plain = u.match is None
        if plain and u.word in lx.EVENT_HEADS:
            if gap[:1] == ["and"]:
                cut = (i + 1, i + 1)  # two events
        elif gap == ["and", "the"]:
            cut = (i + 1, i + 1)
        elif plain and (
            u.word in lx.EVENT_VERBS
            or gap == ["the"]
            or (u.word in lx.EVENT_FRAMES and gap[:1] in (["of"], ["on"], ["for"]))
        ):
            cut = (i + 1, i)
    return cut


# Event kinds whose names may be common words ("Outer Space Treaty", "Cold War").
_NAMED_BY_WORDS = frozenset({"agreement", "war"})


def generic_event(at: ArticleText, units: list[Unit]) -> bool:
    """An event needs a proper name: a head noun with nothing but generic
    modifiers before it ("Virtual Meeting", "Climate Crisis", "Tackling the
    Climate Crisis": words the article writes in lower case) names none."""
    head = units[-1].word
    for u in units[:-1]:
        word = u.word
        if u.match is not None:
            return False
        if word in lx.GENERIC_EVENT_MODIFIERS or word.endswith("ing"):
            continue
        if lx.EVENT_HEADS.get(head) in _NAMED_BY_WORDS or not at.ordinary_word(word):
            return False
    return True


def common_phrase(at: ArticleText, units: list[Unit]) -> bool:
    """ "Ukrainian Civil Society" (a common noun phrase), "humanitarian
    actors and Camp Administration" (a noun the article writes in lower case,
    no article before it, mid-sentence): capitals that name nothing."""
    last_two = " ".join(u.word for u in units[-2:])
    if last_two in lx.COMMON_ORG_PHRASES and all(
        u.match is not None and u.match.best.kind in ("country", "place") for u in units[:-2]
    ):
        return True
    first = units[0]
    if len(units) != 2 or first.match is not None or first.word in lx.ROLE_WORDS:
        return False
    before = at.text[max(0, first.start - 4) : first.start]
    return (
        before.lower() != "the "
        and not at.sentence_start(first.start)
        and at.gap(first, units[1]) == " "
        and at.ordinary_word(first.word)
    )


def title_word(word: str) -> bool:
    """A title's head noun, singular or plural ("Envoy", "Heads", "Ministers")."""
    if word in lx.ORG_HEADS:
        return False
    return word in lx.TITLE_HEADS or (word.endswith("s") and word[:-1] in lx.TITLE_HEADS)


def named_after_title(at: ArticleText, units: list[Unit]) -> list[Unit] | None:
    """A title is never part of an organisation: "Special Envoy for the Global
    Coalition" names the "Global Coalition", "Heads of Government" nothing.
    The units after the title, [] for none, None when no title comes first."""
    for t in range(len(units) - 2, -1, -1):
        u = units[t]
        if u.match is not None or not title_word(u.word):
            continue
        gap = f" {at.gap(u, units[t + 1])} "
        if " of " not in gap and " for " not in gap:
            return None
        rest = units[t + 1 :]
        return rest if len(rest) >= 2 and (" the " in gap or rest[0].match is not None) else []
    return None


def longer_than_alias(at: ArticleText, units: list[Unit]) -> bool:
    """ "National Security Council": a known organisation's short name
    ("Security Council") ending in a head noun, with other capitalised words
    written before it as one name, is part of another organisation's name."""
    last = units[-1]
    m = last.match
    if m is None or m.best.kind != "organisation" or m.best.acronym or " " not in last.word:
        return False
    if last.word.rsplit(None, 1)[-1] not in lx.ORG_HEADS:
        return False
    before = units[:-1]
    return all(
        u.match is None and u.word not in lx.DETERMINERS and at.gap(u, nxt) == " "
        for u, nxt in zip(before, units[1:], strict=False)
    )


def names_office(at: ArticleText, units: list[Unit]) -> bool:
    """ "Office of the Spokesperson", "Bureau of Arms Control": a head noun
    taking "of" (or "for": "Agency for International Development") first in
    the run names an organisation, whatever role words follow it."""
    for i in range(min(3, len(units) - 1)):
        u = units[i]
        if u.match is not None:
            if u.match.best.kind in ("country", "place"):
                continue  # "U.S. Agency for ...", "Estonian Foreign Ministry"
            if i == 0 and u.match.best.kind == "organisation":
                continue  # "UN Office of the Special Envoy for Yemen": a body's own office
            return False
        if takes_of(at, u, units[i + 1]):
            return u.word in lx.ORG_HEADS_FIRST and u.word not in lx.TITLE_HEADS
        if u.word in lx.TITLE_HEADS or u.word in lx.HONORIFICS:
            return False
    return False


def title_after_office(at: ArticleText, units: list[Unit]) -> int:
    """Where a title starts after an office's name ("U.S. Agency for
    International Development Deputy Assistant Administrator ... Anjali
    Kaur", "Ministry of Foreign Affairs Spokesperson Maria Zakharova"): a
    title head with only its modifiers before it, after a plain space; 0 if
    none."""
    # The office's object ("... of the Special Envoy") is no title after it.
    obj = next((i + 1 for i in range(len(units) - 1) if takes_of(at, units[i], units[i + 1])), 0)
    for t in range(obj + 1, len(units)):
        u = units[t]
        if u.match is not None or u.word not in lx.TITLE_HEADS or u.word in lx.ORG_HEADS:
            continue
        k = t
        while k > obj and units[k - 1].match is None and units[k - 1].word in lx.TITLE_MODIFIERS:
            k -= 1
        if k > obj and at.gap(units[k - 1], units[k]) == " ":
            return k
    return 0


def takes_of(at: ArticleText, u: Unit, nxt: Unit) -> bool:
    """Whether ``u`` is a head noun taking "of" (or "for") before ``nxt``."""
    if u.match is not None:
        return False
    gap = f" {at.gap(u, nxt)} "
    return (
        " of " in gap
        or (" for " in gap and u.word in lx.ORG_HEADS_FOR)
        or (" on " in gap and u.word in lx.ORG_HEADS_ON)
    )


def coordinated_org(at: ArticleText, units: list[Unit]) -> Mention:
    """A name "and" joins to an organisation's ("Hay'at Tahrir al-Sham and the
    Islamic Jihad Group"): an organisation too."""
    s, e = units[0].start, units[-1].end
    surface = at.text[s:e]
    return Mention.organisation(s, e, surface, "coordinated")


def government_name(at: ArticleText, units: list[Unit], head: str, surface: str) -> str:
    """A ministry names its country: "Russia's Ministry of Foreign Affairs" is
    the "Ministry of Foreign Affairs of Russia", and so is a ministry of an
    article that names no country but Russia and the United States."""
    if head not in ("Ministry", "Ministries") and not surface.startswith("Ministry"):
        return surface
    if any(u.match is not None and u.match.best.kind == "country" for u in units):
        return surface
    before = at.match_ending_at(units[0].start)
    if before is not None and before.best.kind == "country" and not before.best.demonym:
        return f"{surface} of {at.gaz.record(before.best).name}"
    possessed = at.text[max(0, units[0].start - 3) : units[0].start] in ("’s ", "'s ")
    if not possessed and (country := at.only_foreign_country()) is not None:
        # "Permanent Secretary of the Ministry of Foreign Affairs ... led the Thai
        # delegation": the one country the article names beside the United States.
        return f"{surface} of {country}"
    return surface


def country_acting(text: str, units: list[Unit], s: int, e: int) -> Mention | None:
    """The place ``text[s:e]`` names when it is a country's government (``governed_country``)."""
    country = governed_country(units)
    if country is None:
        return None
    return Mention(
        kind="place", start=s, end=e, surface=text[s:e], ref=country.ref, evidence="government"
    )


def governed_country(units: list[Unit]):
    """The country a run names as its government, acting: "the Government of
    the United States of America", "Russian Government", "Royal Government of
    Cambodia", "Republic of Yemen Governments" are the country, as the country's
    name is (one rule: a government is its country, never a second record), and
    so is a state's style before it ("Union of Comoros").
    A government with a name of its own ("Kurdistan Regional Government",
    "Government of National Accord") is an organisation: any word but the
    country's, "Government" and a state's style makes it one."""
    countries = {
        u.match.best.ref for u in units if u.match is not None and u.match.best.kind == "country"
    }
    if len(countries) != 1:
        return None
    styled = units[0].match is None and units[0].word in _STATE_STYLES  # "Union of Comoros"
    if not styled and not any(u.word in _GOVERNMENTS for u in units):
        return None
    if all(u.word in _GOVERNMENT_WORDS for u in units if u.match is None):
        return next(u.match.best for u in units if u.match is not None)
    return None


_GOVERNMENTS = frozenset({"Government", "Governments"})
# A state's style, which its government's name may carry ("Republic of Yemen Government").
_GOVERNMENT_WORDS = _GOVERNMENTS | {
    "Royal",
    "Federal",
    "Imperial",
    "National",
    "Central",
    "Republic",
    "Kingdom",
    "State",
    "Sultanate",
    "Emirate",
    "Principality",
    "Commonwealth",
    "Union",
    "Federation",
}
# A state's style before its country's name: the country ("Kingdom of Italy",
# "Republic of South Korea").
_STATE_STYLES = _GOVERNMENT_WORDS - _GOVERNMENTS - {"Royal", "Imperial", "National", "Central"}


def with_ordinal_and_year(text: str, mention: Mention) -> Mention:
    """ "the 15th OIC Summit", "the 2026 Summit": the event with the ordinal
    as an alias and the year it gives."""
    before = text[max(0, mention.start - 12) : mention.start]
    m = pt.ORDINAL_BEFORE_RE.search(before)
    if not m:
        return mention
    start = mention.start - (len(before) - m.start())
    aliases = (*mention.aliases, text[start : mention.end])
    if m["year"]:
        return dataclasses.replace(
            mention, aliases=aliases, year=int(m["year"]), explicit_year=True
        )
    return dataclasses.replace(mention, aliases=aliases)


def office_in_title(at: ArticleText, units: list[Unit]) -> Mention | None:
    """The organisation a title names after "of (the)" ("Acting Deputy
    Assistant Secretary of the Bureau of Arms Control", "Administrator of
    the U.S. Agency for International Development"): a head noun taking
    "of" or "for", with the country before it; the title is no part of it."""
    for i in range(1, len(units) - 1):
        u = units[i]
        if u.match is not None or u.word not in lx.ORG_HEADS_FIRST:
            continue
        if u.word in lx.TITLE_HEADS or not takes_of(at, u, units[i + 1]):
            continue
        j = i
        # "of the U.S. Agency ...": a country's name opens the organisation's.
        while j > 1 and units[j - 1].match is not None:
            if at.gap(units[j - 1], units[j]).strip():
                break
            j -= 1
        if at.gap(units[j - 1], units[j]).strip() not in ("of", "of the", "at", "at the"):
            return None
        if not any(w.match is None and w.word in lx.TITLE_HEADS for w in units[:j]):
            return None
        return read_head(at, units[j:])
    return _office_before_title(at, units)


def _office_before_title(at: ArticleText, units: list[Unit]) -> Mention | None:
    """ "Estonian Foreign Ministry Secretary General": the organisation whose
    title follows it, opened by its country or the country's demonym (not
    "Foreign Ministry Spokesperson" alone)."""
    first = units[0].match
    if first is None or first.best.kind not in ("country", "place"):
        return None
    for i in range(1, len(units) - 1):
        u, nxt = units[i], units[i + 1]
        if u.match is not None or u.word not in lx.ORG_HEADS or u.word in lx.TITLE_HEADS:
            continue
        if nxt.match is None and nxt.word in lx.TITLE_HEADS and at.gap(u, nxt) == " ":
            mention = read_head(at, units[: i + 1])
            return mention if mention is not None and mention.kind == "organisation" else None
        return None
    return None


# "American League East Division", "Eastern Division": parts of a competition.
_DIVISION_WORDS = lx.PLACE_MODIFIERS | {"League", "Conference"}


def _competition(units: list[Unit]) -> bool:
    """ "Premier League", "National League", "European Super League", "First
    Division": a league named by generic words only is a competition; "Awami
    League" and "Arab League" (a name, a people) are bodies."""
    *words, last = units
    return (
        last.word in ("League", "Division")
        and bool(words)
        and all(
            (u.match is None or u.match.best.demonym)
            and (u.word in lx.COMPETITION_WORDS or u.word in _DIVISION_WORDS)
            for u in words
        )
    )
