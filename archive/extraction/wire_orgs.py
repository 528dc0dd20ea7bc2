"""Organisations that wire text shows by their place in a sentence.

Sports and business wires name clubs and companies without a head noun:
"Leeds manager Howard Wilkinson", "Hamburg beat Hansa Rostock 1-0", "Essex
194-0 ( G. Gooch 105 )", "the Cincinnati Reds", "Amoco spokesman Dan
Dietsch", "Repsol 's chairman". A city (never a country: national teams are
written as their country) or an unknown name in such a place names a team or
a company. These rules are grammar and page layout, not names: they run once
the other stages have read the article, and only retype places the gazetteer
knows as towns and candidates nothing else typed.
"""

from __future__ import annotations

import dataclasses
import re

from archive.extraction import lexicon as lx
from archive.extraction.normalize import name_key
from archive.extraction.reference import Gazetteer
from archive.extraction.spans import Candidate, Findings, Mention
from archive.extraction.tables import HOME_NATIONS

_words = lx.words

# Staff of a club or a company named after it ("Lecce striker Jonathan
# Bachini", "Eletropaulo spokeswoman", "Lehman analyst Blake Bath").
_SPORTS_STAFF = _words(
    """manager coach striker midfielder defender goalkeeper keeper winger playmaker
    sweeper substitute player players fans supporters skipper"""
)
_COMPANY_STAFF = _words(
    """spokesman spokeswoman spokesperson chairman chairwoman analyst analysts
    officials shares stock shareholders party television radio newspaper statement
    unit subsidiary"""
)
# After a possessive ("Repsol 's chairman", "Milan 's new coach").
_OWNED = _words(
    """chairman chairwoman shares stock board subsidiary unit coach manager striker
    midfielder defender goalkeeper"""
)
# Verbs of a match between two sides, read only in a sentence with a score.
_WIN_VERBS = _words(
    """beat beats defeated edged blanked routed thrashed crushed downed whipped
    outscored overcame overpowered held hammered stunned upset"""
)
_AFTER_SIDE = _WIN_VERBS | _words("drew lost won win trailed qualified")
_SCORE_RE = re.compile(r"(?<![\d.,/])\d{1,3}-\d{1,3}(?![\d.,/-])")
# Before the side that lost: "beat Nantes", "victory over Monaco", "lost to Lyon".
_SIDE_BEFORE_RE = re.compile(
    r"(?:\b(?:beat|beats|defeated|edged|blanked|routed|thrashed|crushed|downed|whipped|"
    r"hammered|stunned|upset|held)|\b(?:victory|win|defeat|loss|draw)\s+(?:over|against|to|with)"
    r"|\b(?:lost|losing|lose|loses)\s+to|\bdrew\s+with)\s+(?:the\s+)?$"
)
# A cricket scorecard row: "Essex 194-0 ( G. Gooch ...", "Kent 323-5 declared",
# "Sussex 389 and 112", "Nottinghamshire 8 points".
_CRICKET_ROW_RE = re.compile(
    r"[ \t]+(?:\d{1,3}(?:-\d{1,2})?[ \t]+"
    r"(?:\(|declared\b|and[ \t]+\d|all[ \t]+out\b|points\b|for[ \t]+\d)"
    # "Essex 72-0 .": runs for wickets closing the row.
    r"|(?:[2-9]\d|\d{3})-\d(?:[ \t]*\.)?[ \t]*(?:\n|$))"
)
# Goal scorers after their side: "Hearts - Dave McPherson ( 44th )",
# "Scorers : Lanvale : Tom Reid ( 15th )".
_SCORERS_RE = re.compile(r"[ \t]*[:-][ \t]+[A-Z][^()\n]{0,40}\([ \t]*\d{1,3}(?:st|nd|rd|th)\b")
_PLACE_BEFORE = _words("in at near from In At Near From")
# Labels of a match report's lines ("Scorers : Lubarskij ( 50th )").
_LABELS = _words("Scorers Scorer Goalscorers Goals Sent-off Booked Attendance Referee")
# Words for a side right before its name ("champions Porto", "visitors Leeds").
_SIDE_BEFORE = _words(
    """champions champion rivals leaders holders hosts visitors opponents
    runners-up strugglers newcomers underdogs"""
)
_BRACKET_AFTER_RE = re.compile(r"[ \t]*\(")
# Plural heads of place names ("the Victoria Falls", "the Golan Heights").
_PLACE_PLURALS = _words(
    "Falls Islands Isles Antilles Heights Mountains Hills Lakes Highlands Lowlands Plains Keys Alps"
)


def mark_organisations(gaz: Gazetteer, found: Findings) -> Findings:
    """The findings with town names retyped as clubs or companies, and
    candidates marked as organisations, where the sentence says so."""
    text = found.text
    teams = {
        name_key(m.surface)
        for m in found.mentions
        if m.kind == "organisation" and m.evidence in ("table", "team")
    }
    mentions = []
    changed = False
    for m in found.mentions:
        if _town(gaz, m) and _organisation_here(text, m.start, m.end, teams, town=True):
            m = _retyped(m)
            changed = True
        mentions.append(m)
    candidates = [_marked(text, c, teams) for c in found.candidates]
    singles = [_marked(text, c, teams) for c in found.singles]
    same = all(a is b for a, b in zip(candidates, found.candidates, strict=True)) and all(
        a is b for a, b in zip(singles, found.singles, strict=True)
    )
    firms = _ampersand_names(text, mentions)
    if not (changed or firms) and same:
        return found
    if firms:
        mentions = [m for m in mentions if not _overlaps(m, firms)] + firms
        candidates = [c for c in candidates if not _overlaps(c, firms)]
        singles = [c for c in singles if not _overlaps(c, firms)]
    return dataclasses.replace(found, mentions=mentions, candidates=candidates, singles=singles)


# "Hambrecht & Quist", "Goldman Sachs & Co", "S&P": names joined by an
# ampersand are firms (banks, brokers, law firms, agencies), not people.
_NAME_WORD = r"[A-Z][\w'’.-]*"
_AMPERSAND_RE = re.compile(
    rf"(?<![\w&])(?:{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD}[ \t]*&[ \t]*"
    rf"{_NAME_WORD}(?:[ \t]+(?:Co|Co\.|Cie|Sons|Partners|Inc|Inc\.|Ltd|Corp)\b\.?)*"
)
# Abbreviations with an ampersand that name no firm.
_NOT_FIRMS = _words("R&D M&A Q&A P&L B&B A&E")


def _ampersand_names(text: str, mentions: list[Mention]) -> list[Mention]:
    if "&" not in text:
        return []
    out = []
    for m in _AMPERSAND_RE.finditer(text):
        s, e = m.span()
        if (body := _body_before_ampersand(text, mentions, s, e)) is not None:
            # "U.S. Department of Health & Human Services": the body's name goes on.
            e = _without_stops(text, body.start, _head_after(text, e))
            for word in _NAME_WORD_RE.finditer(text, e):
                if text[e : word.start()].strip(" \t") or word[0] in lx.ROLE_WORDS:
                    break
                e = _without_stops(text, e, word.end())  # "Ministry of Mines & Coastal Works"
                if e < word.end():
                    break  # the sentence ends
            org_kind = body.org_kind or "government"
            out.append(Mention.organisation(body.start, e, text[body.start : e], "head", org_kind))
            continue
        words = text[s:e].split()
        # Drop a leading function word or title ("The", "At", "Chairman").
        while words and (
            words[0] in lx.SENTENCE_STOPWORDS
            or words[0] in lx.ROLE_WORDS
            or words[0] in lx.DETERMINERS
        ):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        e = _head_after(text, e)
        surface = text[s:e].rstrip(" .")
        if not words or "&" not in surface or surface in _NOT_FIRMS:
            continue
        if surface.startswith("&") or surface.endswith("&"):
            continue  # "& Society": its first name word was no name
        if _places_joined(mentions, text, s, e):
            continue  # "Brazil, Chile & Peru", "Latin America & the Caribbean"
        if any(k.kind == "organisation" and k.start <= s and e <= k.end for k in mentions):
            continue  # the gazetteer knows it already
        e = s + len(surface)
        out.append(Mention.organisation(s, e, surface, "firm", "company"))
    return out


def _body_before_ampersand(text: str, mentions: list[Mention], s: int, e: int) -> Mention | None:
    """The organisation whose "of" or "for" phrase the ampersand goes on
    ("Department of Health & Human Services", "Center for Sport, Peace & Society"),
    if one ends right before it or before a list of words that runs on to it."""
    amp = text.index("&", s, e)
    for k in mentions:
        if (
            k.kind == "organisation"
            and k.start < amp
            and (" of " in k.surface or " for " in k.surface)
            and _LIST_TO_AMPERSAND.fullmatch(text, k.end, amp)
        ):
            return k
    return None


_LIST_TO_AMPERSAND = re.compile(r"(?:,[ \t]+[A-Z][\w'’-]*)*[ \t]*")


_NAME_WORD_RE = re.compile(_NAME_WORD)


def _without_stops(text: str, s: int, e: int) -> int:
    """Where ``text[s:e]`` ends without the stops after it."""
    return s + len(text[s:e].rstrip(" .,;:"))


_NAME_WORDS_AFTER = re.compile(rf"(?:[ \t]+{_NAME_WORD}){{1,3}}")


def _head_after(text: str, e: int) -> int:
    """Where the name ends when it runs on to a head noun: "Bill & Melinda |
    Gates Foundation", "Marks & Spencer | Group"."""
    more = _NAME_WORDS_AFTER.match(text, e)
    if not more:
        return e
    for word in reversed(list(re.finditer(r"\S+", more[0]))):
        if word[0] in lx.ORG_HEADS:
            return e + word.end()
    return e


def _places_joined(mentions: list[Mention], text: str, s: int, e: int) -> bool:
    """Whether a place stands right before or right after the ampersand."""
    amp = text.index("&", s, e)
    for m in mentions:
        if m.kind != "place":
            continue
        if m.end <= amp and not text[m.end : amp].strip():
            return True
        if m.start > amp and not text[amp + 1 : m.start].strip():
            return True
    return False


def _overlaps(item: Mention | Candidate, spans: list[Mention]) -> bool:
    return any(item.start < k.end and k.start < item.end and item is not k for k in spans)


def _town(gaz: Gazetteer, m: Mention) -> bool:
    """A place the gazetteer knows that is no country (a national side is
    written as its country and stays a place)."""
    return (
        m.kind == "place"
        and m.evidence == "gazetteer"
        and not m.demonym
        and bool(m.ref)
        and m.ref not in gaz.countries
        and m.surface not in HOME_NATIONS
    )


def _retyped(m: Mention) -> Mention:
    return dataclasses.replace(
        m, kind="organisation", ref="", name=m.surface, evidence="team", org_kind="other"
    )


def _marked(text: str, cand: Candidate, teams: set[str]) -> Candidate:
    if cand.weak or cand.heading or cand.org_hint:
        return cand
    if cand.evidence in ("title", "given-name", "initial", "cue"):
        return cand  # "Pete Sampras ( U.S. ) beat ...": a person's name stays one
    if _BRACKET_AFTER_RE.match(text, cand.end):
        return cand  # "beat Jana Kandarr ( Germany )": a player and her country
    org = _organisation_here(text, cand.start, cand.end, teams, town=False)
    if (
        not org
        and cand.article
        and len(cand.tokens) >= 2
        and text[cand.end : cand.end + 4] != " of "
    ):
        org = _plural_team(cand.tokens)
    if not org:
        return cand
    return dataclasses.replace(cand, org_hint=True, evidence="", place_hint=False)


def _plural_team(tokens: tuple[str, ...]) -> bool:
    """ "the Cincinnati Reds", "the Chicago White Sox": people take no
    article, and a plural name after one is a team or a group."""
    last = tokens[-1]
    return (
        len(last) > 3
        and last[0].isupper()
        and ((last.endswith("s") and not last.endswith(("ss", "us", "is"))) or last == "Sox")
        and last not in lx.PLACE_HEADS
        and last not in lx.ORG_HEADS
        and last not in lx.EVENT_HEADS
        and last not in _PLACE_PLURALS
        and tokens[0] not in lx.PLACE_MODIFIERS
        and all(t[0].isupper() for t in tokens)
    )


def _organisation_here(text: str, s: int, e: int, teams: set[str], *, town: bool) -> bool:
    before = text[max(0, s - 40) : s]
    prev = before.split()[-1:] if before[-1:] in (" ", "\t") else []
    if prev and prev[0] in _PLACE_BEFORE:
        return False  # "in Leeds", "at Headingley": where, not who
    after = text[e : e + 40].split(None, 3)
    nxt = after[0] if text[e : e + 1] in (" ", "\t") and after else ""
    if teams and name_key(text[s:e]) in teams:
        return True  # one sense per article: a side in the table is a side
    if nxt in _SPORTS_STAFF or (not town and nxt in _COMPANY_STAFF):
        return True
    if prev and prev[0] in _SIDE_BEFORE:
        return True  # "champions Porto", "rivals Benfica", "leaders Ajax"
    if nxt in ("'s", "’s") and len(after) > 1:
        owned = after[1:3]
        if owned[0] in _OWNED or (len(owned) > 1 and owned[1] in _OWNED and owned[0].islower()):
            return True
    line_start = text.rfind("\n", 0, s) + 1
    lead = text[line_start:s].rstrip()
    if (
        (not lead or lead[-1] in ":.,;")
        and text[s:e] not in _LABELS
        and (_CRICKET_ROW_RE.match(text, e) or _SCORERS_RE.match(text, e))
    ):
        return True
    return _match_side(text, s, e, nxt)


def _match_side(text: str, s: int, e: int, nxt: str) -> bool:
    """A side in a sentence that reports a match: "Hamburg beat ... 1-0",
    "... 2-1 over the Montreal ...". Needs a score in the sentence."""
    if nxt not in _AFTER_SIDE and not _SIDE_BEFORE_RE.search(text, max(0, s - 30), s):
        return False
    lo = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s)) + 1
    hi = text.find("\n", e)
    hi = len(text) if hi < 0 else hi
    return _SCORE_RE.search(text, lo, hi) is not None
