"""What an extractor returns: entities found in one article, resolved within it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

Kind = Literal["person", "organisation", "place", "event"]


@dataclass
class ExtractedEntity:
    kind: Kind
    # Canonical name: reference-data name where known, else the fullest form seen.
    name: str
    # Every surface form seen in this article that refers to this entity.
    aliases: set[str] = field(default_factory=set)
    # Mentions in title and body together.
    count: int = 0
    # Character offset of the first mention in the body; None if only in the title.
    first_offset: int | None = None
    # Organisation: acronym and kind ("intergovernmental", "government", "company",
    # "ngo", "media", "other").
    acronym: str = ""
    org_kind: str = ""
    # Place: kind ("country", "city", "region") and country name for cities.
    place_kind: str = ""
    country: str = ""
    # Person: roles as written, e.g. "President of Azerbaijan".
    roles: list[str] = field(default_factory=list)
    # Event: kind ("summit", "forum", "conference", "session", "visit", "meeting",
    # "war", "agreement", "other"), dates and place name.
    event_kind: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    year: int | None = None
    place: str = ""


class Extractor(Protocol):
    def extract(
        self, title: str, body: str, *, published: dt.date | None = None
    ) -> list[ExtractedEntity]: ...
