"""Events whose names capitalised runs cannot see whole.

"the Azerbaijan Halal Business (AZHAB) Forum" and "the second Karabakh war"
are found first; their spans are claimed so that the run reader leaves them be.
"""

from __future__ import annotations

from typing import NamedTuple

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.article_text import ArticleText
from archive.extraction.heads import with_ordinal_and_year
from archive.extraction.spans import Mention


class SpecialEvents(NamedTuple):
    mentions: list[Mention]
    # Acronyms the article defines for these events: acronym -> mention.
    acronyms: dict[str, Mention]
    # Sorted (start, end) spans no other rule may read.
    claims: list[tuple[int, int]]


def claim_special_events(at: ArticleText) -> SpecialEvents:
    mentions: list[Mention] = []
    acronyms: dict[str, Mention] = {}
    claims: list[tuple[int, int]] = []
    for mention, acronym, claim in _acronym_events(at.text):
        mentions.append(mention)
        acronyms[acronym] = mention
        claims.append(claim)
    wars = _ordinal_wars(at, claims)
    mentions.extend(wars)
    claims.extend((war.start, war.end) for war in wars)
    claims.sort()
    return SpecialEvents(mentions, acronyms, claims)


def _acronym_events(text: str):
    """ "Azerbaijan Halal Business (AZHAB) Forum": the name, its acronym and its head."""
    for d in pt.ACRONYM_DEF_RE.finditer(text) if "(" in text else ():
        after = pt.EVENT_HEAD_AFTER_RE.match(text, d.end())
        if not after:
            continue
        m = pt.NAME_BEFORE_RE.search(text, max(0, d.start() - 120), d.start())
        if not m:
            continue
        words = m["name"].strip().split()
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
        mention = with_ordinal_and_year(text, mention)
        ordinal = bool(mention.aliases[1:])
        if not ordinal:
            mention.aliases += (mention.surface,)
        yield mention, acr, (mention.start - 8 if ordinal else s, end)


def _ordinal_wars(at: ArticleText, claims: list[tuple[int, int]]) -> list[Mention]:
    """ "the second Karabakh war", "the 44-day conflict"."""
    text = at.text
    found: list[Mention] = []
    for m in pt.ORDINAL_WAR_RE.finditer(text) if " war" in text or "conflict" in text else ():
        taken = [*claims, *((w.start, w.end) for w in found)]
        if any(a <= m.start() < b for a, b in taken):
            continue
        if any(x.best.kind == "event" for x in at.matches_in(m.start(), m.end())):
            continue
        found.append(
            Mention(
                kind="event",
                start=m.start(),
                end=m.end(),
                surface=m.group(),
                name=f"{m['ord'].capitalize()} {m['name']} {m['head'].capitalize()}",
                evidence="pattern",
                event_kind="war",
            )
        )
    return found
