"""What the mention finder produces: typed spans and unresolved candidates.

Offsets are into the text the finder read (title, blank line, body), so a
span-level evaluation (CoNLL style) can score them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

from archive.extraction.matcher import Match


class Unit(NamedTuple):
    """One piece of a capitalised run: a word, or a gazetteer match that may
    cover several words."""

    start: int
    end: int
    word: str
    match: Match | None


@dataclass(slots=True)
class Mention:
    kind: str  # "person", "organisation", "place", "event"
    start: int
    end: int
    surface: str
    ref: str = ""  # gazetteer id; "" when found by a pattern
    name: str = ""  # proposed name when not from the gazetteer
    evidence: str = ""
    role: str = ""
    title_alias: str = ""  # "President Ilham Aliyev"
    title: str = ""  # bare title before a name ("President")
    acronym: str = ""
    org_kind: str = ""
    place_kind: str = ""
    country: str = ""
    event_kind: str = ""
    year: int | None = None
    explicit_year: bool = False
    date: dt.date | None = None
    place: str = ""
    aliases: tuple[str, ...] = ()
    surname_only: bool = False
    demonym: bool = False
    candidates: tuple[str, ...] = ()  # ambiguous acronym: possible org ids
    # Set by within-article resolution: an ambiguous acronym it could not
    # settle; kept for the record, never an entity.
    dropped: bool = False

    @classmethod
    def organisation(
        cls, start: int, end: int, surface: str, evidence: str, org_kind: str = "other", **more
    ) -> Mention:
        """An organisation the words ``surface`` name themselves (its name, unless
        ``more`` gives another)."""
        more.setdefault("name", surface)
        return cls(
            kind="organisation",
            start=start,
            end=end,
            surface=surface,
            evidence=evidence,
            org_kind=org_kind,
            **more,
        )


@dataclass(slots=True)
class Candidate:
    """Capitalised words not known to be anything yet."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    evidence: str = ""
    role: str = ""
    alone_on_line: bool = False
    place_hint: bool = False
    # Seen only in a shouted line (every word capitalised): a name only if the
    # article names it elsewhere.
    weak: bool = False
    # Context: a noun for organisations before it ("retailer Promodes"), "the"
    # before it, and whether it starts a sentence (so may be any word).
    org_hint: bool = False
    article: bool = False
    sentence_start: bool = False
    # An ordinary word of the article, written in lower case elsewhere in it
    # ("Police said", "Prevent Conflict"); a number or a colon after it ("Net
    # Income 9,167,000", "Sale Amount :"): a table label.
    common: bool = False
    before_number: bool = False
    # An abbreviation of a common noun ("cash reserve ratio ( CRR )", "220
    # KV"), or next to other words in capitals (a label, a headline).
    term: bool = False
    # In a title-cased heading ("Support for Climate Change Adaptation in Sri
    # Lanka"): capitals there say nothing about names.
    heading: bool = False


@dataclass
class Findings:
    text: str
    body_start: int
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    singles: list[Candidate] = field(default_factory=list)
    # In-article acronym definitions: acronym -> the mention it abbreviates.
    acronyms: dict[str, Mention] = field(default_factory=dict)

    def copy(self, kinds: Collection[str] = ()) -> Findings:
        """Findings a later stage may change without touching these: the
        mentions of ``kinds`` are copied (acronyms follow their copies), the
        others and the candidates shared, as no stage changes them once found."""
        copies = {id(m): _clone(m) for m in self.mentions if m.kind in kinds}
        return Findings(
            text=self.text,
            body_start=self.body_start,
            mentions=[copies.get(id(m), m) for m in self.mentions],
            candidates=list(self.candidates),
            singles=list(self.singles),
            acronyms={acr: copies.get(id(m), m) for acr, m in self.acronyms.items()},
        )


_MENTION_VALUES = operator.attrgetter(*(f.name for f in dataclasses.fields(Mention)))


def _clone(m: Mention) -> Mention:
    """A shallow copy of ``m`` (``dataclasses.replace`` without changes,
    ten times faster: every article copies its mentions twice)."""
    return Mention(*_MENTION_VALUES(m))
