"""What the encounter finder works with: the names an article's entities answer to,
and the encounters it finds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Named:
    """A name the article's entities answer to."""

    kind: str  # "person", "organisation" or "place"
    name: str  # the entity's canonical name
    place_kind: str = ""  # a place's: "country", "city", "region"


@dataclass
class FoundInteraction:
    kind: str
    status: str  # "held" or "planned"
    date: dt.date | None
    precision: str  # "day", or "reported": on or before the article's date
    participants: list[Named] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)  # "Secretary": the caller resolves
    host: Named | None = None
    place: str = ""
    sentences: list[str] = field(default_factory=list)


def visits(
    places: list[str],
    status: str,
    date,
    precision: str,
    visitors: list[Named],
    offices: list[str],
    sentence: str,
) -> list[FoundInteraction]:
    """One visit a place: a trip to several places is a visit to each."""
    return [
        FoundInteraction(
            kind="visit",
            status=status,
            date=date,
            precision=precision,
            participants=visitors,
            offices=offices,
            place=place,
            sentences=[sentence],
        )
        for place in places
    ]
