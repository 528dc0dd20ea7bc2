"""Where "and" inside a capitalised run joins two names and where it is part
of one ("Azerbaijan and Armenia" / "Heads of State and Government")."""

from __future__ import annotations

import itertools

from archive.extraction import lexicon as lx
from archive.extraction.article_text import ArticleText
from archive.extraction.heads import names_office
from archive.extraction.screen import common_words
from archive.extraction.spans import Unit


def split_and(at: ArticleText, units: list[Unit]) -> tuple[list[list[Unit]], set[int]]:
    """Split "Azerbaijan and Armenia" but keep "Heads of State and Government"
    and "Trade and Technology Council"; also the starts of parts "and" joins
    to another organisation (so organisations themselves)."""
    last = units[-1]
    ends_in_head = last.match is None and (last.word in lx.ORG_HEADS or last.word in lx.EVENT_HEADS)
    parts: list[list[Unit]] = [[units[0]]]
    orgs: set[int] = set()
    seen_of = False
    for prev, unit in itertools.pairwise(units):
        gap = f" {at.gap(prev, unit)} "
        if " of " in gap:
            seen_of = True
        if (" for " in gap or " on " in gap) and splits_at_for(prev, unit):
            parts.append([unit])
            seen_of = False
            continue
        if " and " in gap:
            rest = units[units.index(unit) :]
            plain = all(u.match is None and u.word not in lx.TITLE_HEADS for u in rest)
            # "... Bureau of East Asian and Pacific Affairs Kin Moy": the
            # office goes on after "and" when role words follow.
            office = any(u.word in lx.ROLE_WORDS for u in rest)
            keep = plain and (
                (seen_of and (len(rest) <= 2 or office))
                or (ends_in_head and (len(rest) <= 3 or _lone_english_word(parts[-1])))
            )
            if len(rest) == 1 and (
                " and the " in gap or (len(parts[-1]) == 1 and _two_bare_heads(prev, unit))
            ):
                keep = False  # "the U.S. Strategy on WPS and the Department"
            both = two_organisations(at, parts[-1], rest, gap)
            before = parts[-1]
            if both and not any(u.match is not None for u in before) and not _a_person(at, before):
                orgs.add(before[0].start)
            if not keep or both:
                parts.append([unit])
                seen_of = False
                continue
        parts[-1].append(unit)
    return parts, orgs


def splits_at_for(prev: Unit, unit: Unit) -> bool:
    """Split "Los Angeles for the Summit of the Americas" in two; keep
    "Minister for Foreign Affairs" and "Center for Strategic Studies" whole."""
    if prev.match is None and (
        prev.word in lx.ROLE_WORDS
        or prev.word in lx.ORG_HEADS
        or prev.word in lx.EVENT_HEADS
        or prev.word in lx.HONORIFICS
    ):
        return False
    return (
        unit.match is not None
        or unit.word in lx.EVENT_HEADS_FIRST
        or unit.word in lx.ORG_HEADS_FIRST
    )


def ends_in_org_head(at: ArticleText, units: list[Unit]) -> bool:
    """ "Islamic Jihad Group", "Federal Bureau of Investigation"."""
    if len(units) < 2:
        return False
    last = units[-1]
    return (last.match is None and last.word in lx.ORG_HEADS) or names_office(at, units)


def two_organisations(at: ArticleText, before: list[Unit], after: list[Unit], gap: str) -> bool:
    """ "Hay'at Tahrir al-Sham and the Islamic Jihad Group", "Katibat al-Imam
    al-Bukhari and Islamic Jihad Group": "and" joins two organisations when
    what follows it is a whole organisation's name and what precedes it one
    too ("the" after "and", a head noun, or three proper words); "Arms
    Control and Disarmament Agency", "Trade and Technology Council" stay whole."""
    if not ends_in_org_head(at, after):
        return False
    if " and the " in gap:
        return True
    if _generic(after):
        return False  # "Illinois Holocaust Museum and Education Center"
    if ends_in_org_head(at, before):
        return True
    if len(before) == 1 and before[0].match is not None:
        return before[0].match.best.kind == "organisation"  # "Voice of America and Fox News"
    return (
        len(before) >= 3
        and all(u.match is None for u in before)
        and before[0].word not in lx.ROLE_WORDS
        and before[-1].word not in lx.ROLE_WORDS
    )


def _a_person(at: ArticleText, units: list[Unit]) -> bool:
    """ "Dr. Uwe Neumarker and the ... Museum", "Deputy Prime Minister Sokhonn and
    the Royal Government of ...": a title or a given name opens a person's name."""
    first = units[0].word
    return first in lx.HONORIFICS or first in lx.ROLE_WORDS or first in at.gaz.given_names


def _lone_english_word(units: list[Unit]) -> bool:
    """One English word before "and" ("Economic and Business Affairs ... Office"):
    an adjective the head after it shares, no name on its own."""
    (unit,) = units if len(units) == 1 else (None,)
    return unit is not None and unit.match is None and unit.word.lower() in common_words()


def _generic(units: list[Unit]) -> bool:
    """One English word before a head ("Education Center", "Delivery Services"):
    a description, not a body's own name ("Desert Lions Group" is one)."""
    return (
        len(units) == 2
        and units[0].match is None
        and units[0].word not in lx.ORG_HEADS_FIRST
        and units[0].word.lower() in common_words()
    )


def _two_bare_heads(a: Unit, b: Unit) -> bool:
    """ "the House and Senate": two bodies, each named by its head alone."""
    return a.match is None and b.match is None and {a.word, b.word} <= lx.PROPER_BARE_HEADS


# "the Departments of Defense and Homeland Security": a plural head shared
# by two names joined by "and".
_PLURAL_HEADS = {
    "Departments": "Department",
    "Ministries": "Ministry",
    "Embassies": "Embassy",
    "Agencies": "Agency",
    "Bureaus": "Bureau",
    "Offices": "Office",
    "Councils": "Council",
    "Committees": "Committee",
    "Commissions": "Commission",
    "Governments": "Government",
    "Universities": "University",
}


def shared_head(at: ArticleText, units: list[Unit]) -> list[tuple[int, int, str]]:
    """ "Departments of Defense and Homeland Security" -> (start, end, name)
    of "Department of Defense" and "Department of Homeland Security"; [] when
    the run is no such pair."""
    head = _PLURAL_HEADS.get(units[0].word) if units[0].match is None else None
    if head is None or len(units) < 3 or at.gap(units[0], units[1]).strip() != "of":
        return []
    for i in range(2, len(units)):
        if at.gap(units[i - 1], units[i]).strip() in ("and", "and the"):
            first, second = units[1:i], units[i:]
            break
    else:
        return []
    if any(u.word in lx.ORG_HEADS_FIRST for u in second):
        return []  # "Ministries of Health and the Ministry of Finance"
    text = at.text
    out = []
    for part in (first, second):
        s, e = part[0].start, part[-1].end
        out.append((s, e, f"{head} of {text[s:e]}"))
    # The first name's span holds the plural head ("Departments of Defense").
    out[0] = (units[0].start, out[0][1], out[0][2])
    return out
