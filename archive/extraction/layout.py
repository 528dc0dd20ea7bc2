"""Names the layout of a page types: datelines and results tables.

A line that opens with a place and a date ("BAKU, April 6", "MANAGUA ,
Nicaragua 1996-08-23") names where the story was filed; the rows of a results
table name teams, countries and competitors (tables.py). These spans are read
before the capitalised runs of the text, which then skip them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.datelines import US_STATE_ABBREVIATIONS, dateline_places
from archive.extraction.reference import Gazetteer
from archive.extraction.spans import Mention
from archive.extraction.tables import HOME_NATIONS, table_names


def layout_mentions(
    text: str, gaz: Gazetteer, shouted: Callable[[int], bool] = lambda s: False
) -> list[Mention]:
    """Table names, then dateline places that are not in a table ("BOSTON 69
    65 .515" opens a row of a league table, not a story), then the
    mastheads of a press review; ``shouted`` says whether an offset is in a
    line written in capitals."""
    mentions = _tables(text, gaz)
    spans = [(m.start, m.end) for m in mentions]
    for m in _datelines(text, gaz):
        if not any(a < m.end and m.start < b for a, b in spans):
            mentions.append(m)
    spans = [(m.start, m.end) for m in mentions]
    for m in _mastheads(text, gaz, shouted):
        if not any(a < m.end and m.start < b for a, b in spans):
            mentions.append(m)
    return mentions


# -- press reviews ---------------------------------------------------------------

# A line in capitals alone, then the stories under it as dashed items:
# "IMERISIA\n-- Pre-election debate heats up ...". Two such lines or more make
# a press review, each line a newspaper.
_MASTHEAD_RE = re.compile(
    r"^(?P<name>[^\W\d_][^\d\n:;,.!?()]{0,40}[^\W\d_])[ \t]*\n(?=-{1,2}[ \t])", re.MULTILINE
)
_NOT_MASTHEADS = lx.words("Page Pages Front Business Sport Sports Editorial Editorials")


def _mastheads(text: str, gaz: Gazetteer, shouted: Callable[[int], bool]) -> list[Mention]:
    if "\n-" not in text:
        return []
    found = []
    for m in _MASTHEAD_RE.finditer(text):
        name = m["name"]
        words = name.split()
        if len(words) > 6 or not (name.isupper() or shouted(m.start())):
            continue
        titled = [w.title() for w in words]
        if any(w in _NOT_MASTHEADS or w in lx.NON_NAMES for w in titled):
            continue
        if any(s.kind in ("place", "country") for s in gaz.lookup(name)):
            continue  # "IRAQ": a section of the review by country
        found.append(
            Mention.organisation(m.start("name"), m.end("name"), name, "masthead", "media")
        )
    return found if len(found) >= 2 else []


# -- datelines -------------------------------------------------------------------


def _datelines(text: str, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    # Known places in capitals at the start of a line ("BAKU, April 6").
    for m in pt.DATELINE_RE.finditer(text):
        for surface in gaz.surfaces.get(m["place"].title(), ()):
            if surface.kind in ("place", "country") and not surface.demonym:
                out.append(
                    Mention(
                        kind="place",
                        start=m.start(),
                        end=m.end(),
                        surface=m["place"],
                        ref=surface.ref,
                        evidence="dateline",
                    )
                )
                break
    # Any place (and region) before a date, known or not.
    for line in dateline_places(text):
        if any(m.start < line[-1].end and line[0].start < m.end for m in out):
            continue
        refs = [_dateline_ref(gaz, place.text) for place in line]
        # "In Paris, France, June 12": no dateline without a place first.
        if not refs[0] and not _unknown_place_ok(gaz, line[0].text):
            continue
        for place, ref in zip(line, refs, strict=True):
            if not ref and not _unknown_place_ok(gaz, place.text):
                continue
            out.append(
                Mention(
                    kind="place",
                    start=place.start,
                    end=place.end,
                    surface=place.text,
                    name=place.text.title() if place.text.isupper() else place.text,
                    ref=ref,
                    evidence="dateline",
                    place_kind="city",
                )
            )
    return out


def _dateline_ref(gaz: Gazetteer, name: str) -> str:
    state = US_STATE_ABBREVIATIONS.get(name)
    if state:
        known = [k for k in gaz.surfaces.get(state, ()) if k.kind == "place"]
    else:
        known = list(gaz.surfaces.get(name, ())) or list(gaz.surfaces.get(name.title(), ()))
        known = [k for k in known if k.kind in ("place", "country") and not k.demonym]
    return known[0].ref if known else ""


def _unknown_place_ok(gaz: Gazetteer, name: str) -> bool:
    """An unknown dateline place: not a known name of anything else nor page
    furniture ("Updated May 20")."""
    if gaz.surfaces.get(name) or gaz.surfaces.get(name.title()):
        return False
    return not any(
        w in lx.SENTENCE_STOPWORDS
        or w in lx.ROLE_WORDS
        or w in lx.ORG_HEADS
        or w in lx.EVENT_HEADS
        or w.title() in lx.SENTENCE_STOPWORDS
        for w in name.split()
    )


# -- tables ----------------------------------------------------------------------


def _tables(text: str, gaz: Gazetteer) -> list[Mention]:
    """Teams, countries and competitors in results tables (tables.py)."""
    out = []
    for name in table_names(text, lambda n: _classify(gaz, n)):
        surface = text[name.start : name.end]
        known = gaz.surfaces.get(surface, ())
        ref = ""
        if name.kind == "place":
            ref = next((k.ref for k in known if k.kind in ("country", "place")), "")
        elif name.kind == "organisation":
            ref = next((k.ref for k in known if k.kind == "organisation"), "")
        out.append(
            Mention(
                kind=name.kind,
                start=name.start,
                end=name.end,
                surface=surface,
                name=surface,
                ref=ref,
                evidence="table",
                org_kind="other" if name.kind == "organisation" else "",
                place_kind="country" if name.kind == "place" else "",
                surname_only=name.kind == "person" and " " not in surface,
            )
        )
    return out


def _classify(gaz: Gazetteer, name: str) -> str:
    """What a side's name is known to be: a country, a person, or unknown."""
    known = gaz.surfaces.get(name, ())
    if any(k.kind == "country" and not k.demonym for k in known) or name in HOME_NATIONS:
        return "country"
    words = name.split()
    if any(k.kind == "person" for k in known) or (
        len(words) >= 2 and (words[0] in gaz.given_names or pt.INITIAL_RE.match(words[0]))
    ):
        return "person"
    return ""
