"""Find entity mentions (typed character spans) in one article.

``find_mentions`` runs the stages in order, each taking values and returning
new ones:

1. layout: datelines, bylines and results tables (layout.py);
2. special events whose names runs cannot see whole (special_events.py);
3. capitalised runs read with titles, head nouns and context (runs.py);
4. gazetteer matches outside any run ("44-day war", lower-case names);
5. acronyms the article defines ("... (OIC)") linked to their long forms;
6. clubs and companies that a sentence shows (wire_orgs.py);
7. candidates marked that only a headline or a shouted line supports.

Spans are kept so that a CoNLL-style evaluation can score them.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Collection, Sequence

from archive.extraction import lexicon as lx
from archive.extraction.acronyms import link_acronyms
from archive.extraction.article_text import ArticleText
from archive.extraction.casing import title_case_lines
from archive.extraction.layout import layout_mentions
from archive.extraction.matcher import Match
from archive.extraction.reference import Gazetteer
from archive.extraction.runs import match_mention, read_runs
from archive.extraction.spans import Candidate, Findings, Mention
from archive.extraction.special_events import claim_special_events
from archive.extraction.wire_orgs import mark_organisations


def find_mentions(
    gaz: Gazetteer,
    text: str,
    body_start: int,
    matches: list[Match],
    shouted: Sequence[tuple[int, int]] = (),
) -> Findings:
    at = ArticleText(text, gaz, matches, shouted)
    layout = layout_mentions(text, gaz, at.in_shouted)
    special = claim_special_events(at)
    claims = sorted([*special.claims, *((m.start, m.end) for m in layout)])
    earlier = [*layout, *special.mentions]
    runs = read_runs(at, claims, earlier)
    outside = outside_matches(at, claims, runs.emitted)
    found = Findings(
        text=text,
        body_start=body_start,
        mentions=[*earlier, *runs.mentions, *outside],
        candidates=runs.candidates,
        singles=runs.singles,
        acronyms=dict(special.acronyms),
    )
    found = lists_inside_names(mark_organisations(gaz, link_acronyms(found)))
    return dataclasses.replace(
        found,
        mentions=sorted(posts_named_by_city(text, found.mentions), key=lambda m: m.start),
        candidates=mark_context(at, found.candidates),
        singles=mark_context(at, found.singles),
    )


# A list of words a body's name goes on with after "of" ("Ministry of Economy | ,
# Trade and Industry"), or starts with before its head ("Foreign, | Commonwealth
# and Development Office").
_ITEM = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_LIST_AFTER = re.compile(rf"(?:, {_ITEM})*,? and {_ITEM}\b(?!\.\w)")
_LIST_ITEM = re.compile(_ITEM)
_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’-]*), $")
_AND_SECOND = re.compile(r"^[A-Z][\w'’-]* and ")
# Words of another body's name, or of a title: no item of a name's list.
_BODY_WORDS = frozenset(lx.ORG_HEADS) | lx.ORG_HEADS_FIRST | lx.PROGRAMME_HEADS
_TITLE_WORDS = lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.HONORIFICS
_NOT_ITEMS = _BODY_WORDS | _TITLE_WORDS


def lists_inside_names(found: Findings) -> Findings:
    """Organisations whose names hold a list of words, read whole."""
    text, mentions = found.text, found.mentions
    grown: dict[int, Mention] = {}
    for i, m in enumerate(mentions):
        if m.kind != "organisation" or m.evidence != "head":
            continue
        s, e = m.start, m.end
        if " of " in m.surface and text[e : e + 1] == ",":
            e = _list_end(text, e)
        elif _AND_SECOND.match(m.surface):
            before = _WORD_BEFORE.search(text, max(0, s - 30), s)
            if before and before[1] not in _NOT_ITEMS:
                s = before.start(1)
        if (s, e) != (m.start, m.end) and not any(
            k is not m and k.kind in ("place", "person") and s <= k.start < e for k in mentions
        ):
            surface = text[s:e]
            grown[i] = dataclasses.replace(m, start=s, end=e, surface=surface, name=surface)
    if not grown:
        return found
    spans = [(g.start, g.end) for g in grown.values()]

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    return dataclasses.replace(
        found,
        mentions=[
            grown.get(i, m)
            for i, m in enumerate(mentions)
            if i in grown or not inside(m.start, m.end)
        ],
        candidates=[c for c in found.candidates if not inside(c.start, c.end)],
        singles=[c for c in found.singles if not inside(c.start, c.end)],
    )


def _list_end(text: str, e: int) -> int:
    """Where a list of plain words after a name ends (``e`` when there is none): no
    item names a body, a title or a person ("Ministry of Unification, and Blue
    House" are two bodies)."""
    tail = _LIST_AFTER.match(text, e)
    if tail is None:
        return e
    items = list(_LIST_ITEM.finditer(text, e, tail.end()))
    if any(word in _NOT_ITEMS for item in items[:-1] for word in item[0].split()):
        return e
    if any(word in _BODY_WORDS for word in items[-1][0].split()):
        return e
    # The last item ends before a title ("..., Trade and Industry Vice Minister").
    end = items[-1].start()
    for word in re.finditer(r"\S+", items[-1][0]):
        if word[0] in _TITLE_WORDS:
            break
        end = items[-1].start() + word.end()
    return end if end > items[-1].start() else e


# Diplomatic posts, which the city after "in" names ("U.S. Embassy in Georgetown").
_POST = re.compile(
    rf"\b(?:{'|'.join(sorted(lx.DIPLOMATIC_POSTS, key=len, reverse=True))}|Liaison Office)$"
)
# A city's words hold no full stop but an abbreviation's ("St. Louis"): "in Canberra.
# He said" ends at "Canberra".
_CITY_WORD = r"(?:St\.|Ste\.|[A-Z][\w'’-]+)"
_IN_CITY = re.compile(rf" in ((?:The )?{_CITY_WORD}(?: {_CITY_WORD}){{0,2}})\b")
_NOT_CITIES = lx.MONTHS | lx.WEEKDAYS


def posts_named_by_city(text: str, mentions: list[Mention]) -> list[Mention]:
    """A post and the city it is in are one organisation's name: "the U.S. Embassy
    in Georgetown" is that embassy, not every U.S. embassy; the city is still a
    place named."""
    out = []
    for m in mentions:
        if m.kind == "organisation" and _POST.search(m.surface):
            city = _IN_CITY.match(text, m.end)
            if city and city[1].split()[0] not in _NOT_CITIES:
                end = city.end() - 2 if city[1].endswith(("’s", "'s")) else city.end()
                surface = text[m.start : end]  # "the U.S. Embassy in Qatar’s staff"
                m = dataclasses.replace(m, end=end, surface=surface, name=surface, ref="")
        out.append(m)
    return out


def outside_matches(
    at: ArticleText, claims: list[tuple[int, int]], emitted: Collection[int]
) -> list[Mention]:
    """Matches outside capitalised runs ("44-day war", lower-case names)."""
    starts = [c[0] for c in claims]
    out = []
    for m in at.matches:
        if id(m) in emitted:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and claims[i][1] > m.start:
            continue
        if m.best.kind == "event" or not m.best.text[:1].isupper():
            mention = match_mention(m, at.text, standalone=True)
            if mention is not None:
                out.append(mention)
    return out


def mark_context(at: ArticleText, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates seen only in a shouted line are weak; those in a
    title-cased heading say nothing about names by their capitals."""
    headings = title_case_lines(at.text)
    if not at.shouted and not headings:
        return candidates
    starts = [h[0] for h in headings]
    marked = []
    for cand in candidates:
        weak = cand.weak or (bool(at.shouted) and at.in_shouted(cand.start))
        heading = cand.heading
        if headings:
            i = bisect.bisect_right(starts, cand.start) - 1
            heading = i >= 0 and headings[i][1] > cand.start
        if (weak, heading) != (cand.weak, cand.heading):
            cand = dataclasses.replace(cand, weak=weak, heading=heading)
        marked.append(cand)
    return marked
