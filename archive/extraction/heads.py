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
    last = units[-1]
    kind = ""
    if last.match is None:
        word = last.word
        if word in lx.EVENT_HEADS:
            kind = "event"
        elif word in lx.ORG_HEADS:
            kind = "organisation"
        elif word in lx.PLACE_HEADS:
            kind = "place"
    # "Summit of Heads of State and Government", "Ministry of Economy":
    # a head noun taking "of" names the whole phrase.
    for i in range(min(3, len(units) - 1)):
        u = units[i]
        if u.match is None and " of " in f" {at.gap(u, units[i + 1])} ":
            if u.word in lx.EVENT_HEADS_FIRST:
                kind, last = "event", u
            elif u.word in lx.ORG_HEADS_FIRST and kind != "event":
                kind, last = "organisation", u
            break
    if not kind and units[0].match is None and units[0].word in lx.CLUB_PREFIXES:
        kind = "organisation"  # "FC Linz"
    if not kind:
        return None
    s, e = units[0].start, units[-1].end
    surface = at.text[s:e]
    head = last.word
    mention = Mention(kind=kind, start=s, end=e, surface=surface, name=surface, evidence="head")
    atoms = [u.match.best for u in units if u.match is not None]
    if kind == "organisation":
        mention.name = government_name(at, units, head, surface)
        igo = any(a.kind == "organisation" for a in atoms)
        mention.org_kind = (
            "intergovernmental"
            if igo and lx.ORG_HEADS.get(head) in ("other", None)
            else lx.ORG_HEADS.get(head, "other")
        )
    elif kind == "event":
        mention.event_kind = lx.EVENT_HEADS.get(head, "other")
        mention = with_ordinal_and_year(at.text, mention)
    else:
        mention.place_kind = lx.PLACE_HEADS.get(head, "region")
        for a in atoms:
            if a.kind == "country" and not a.demonym:
                mention.country = at.gaz.record(a).name
    return mention


def government_name(at: ArticleText, units: list[Unit], head: str, surface: str) -> str:
    """Governments and ministries name their country: "Russian Government",
    "Government of the Russian Federation", "Russia's Ministry of Foreign Affairs"."""
    if (
        head not in ("Government", "Ministry", "Ministries")
        and not surface.startswith("Ministry")
        and units[0].word != "Government"
    ):
        return surface
    countries = [
        at.gaz.record(u.match.best)
        for u in units
        if u.match is not None and u.match.best.kind == "country"
    ]
    names = {c.name for c in countries}
    if not names:
        before = at.match_ending_at(units[0].start)
        if before is not None and before.best.kind == "country" and not before.best.demonym:
            return f"{surface} of {at.gaz.record(before.best).name}"
        return surface
    if len(names) != 1:
        return surface
    country = next(iter(names))
    if head == "Government" or units[0].word == "Government":
        return f"Government of {country}"
    return surface


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
