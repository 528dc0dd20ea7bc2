"""Clusters: the mentions of one article that name one thing, and what they
become (``ExtractedEntity``) once the article is resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archive.extraction.normalize import name_key
from archive.extraction.spans import Mention
from archive.extraction.types import ExtractedEntity


@dataclass
class Cluster:
    kind: str
    name: str
    ref: str = ""
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    acronym: str = ""
    org_kind: str = ""
    place_kind: str = ""
    country: str = ""
    event_kind: str = ""
    year: int | None = None
    explicit_year: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    place: str = ""


class Clusters:
    """One article's clusters, found by (kind, key) and by their mentions."""

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self._by_key: dict[tuple[str, str], Cluster] = {}
        # Which cluster holds a mention (by identity).
        self._owner: dict[int, Cluster] = {}

    def get(self, kind: str, key: str, name: str, ref: str = "") -> Cluster:
        cluster = self._by_key.get((kind, key))
        if cluster is None:
            cluster = Cluster(kind=kind, name=name, ref=ref)
            self._by_key[(kind, key)] = cluster
            self.all.append(cluster)
        return cluster

    def add(self, cluster: Cluster, mention: Mention) -> None:
        cluster.mentions.append(mention)
        self._owner[id(mention)] = cluster

    def of(self, mention: Mention) -> Cluster:
        """The cluster holding ``mention``; a new one named by it if none."""
        owner = self._owner.get(id(mention))
        if owner is not None:
            return owner
        name = strip_the(mention.name or mention.surface)
        cluster = self.get(mention.kind, name_key(name), name)
        self.add(cluster, mention)
        return cluster


@dataclass
class Resolution:
    entities: list[ExtractedEntity]
    # Every mention with the entity it was resolved to (for span evaluation).
    spans: list[tuple[Mention, ExtractedEntity]]


def build_resolution(clusters: list[Cluster], body_start: int) -> Resolution:
    """Entities in order of first mention, each with the mentions behind it."""
    entities: list[tuple[int, ExtractedEntity]] = []
    spans: list[tuple[Mention, ExtractedEntity]] = []
    for cluster in clusters:
        mentions = [m for m in cluster.mentions if not m.dropped]
        if not mentions:
            continue
        entity = _entity(cluster, mentions, body_start)
        entities.append((min(m.start for m in mentions), entity))
        spans.extend((m, entity) for m in mentions)
    entities.sort(key=lambda pair: pair[0])
    spans.sort(key=lambda pair: pair[0].start)
    return Resolution(entities=[e for _, e in entities], spans=spans)


def _entity(cluster: Cluster, mentions: list[Mention], body_start: int) -> ExtractedEntity:
    aliases: set[str] = set()
    for m in mentions:
        if m.evidence == "bare-head" and cluster.name != m.surface:
            continue  # "the Commission" refers to a name; it is none
        # "Departments of Defense" stands for "Department of Defense".
        aliases.add(m.name if m.evidence == "shared-head" else m.surface)
        aliases.update(a for a in m.aliases if a)
        if m.title_alias:
            aliases.add(m.title_alias)
    body_offsets = [m.start - body_start for m in mentions if m.start >= body_start]
    return ExtractedEntity(
        kind=cluster.kind,  # type: ignore[arg-type]
        name=cluster.name,
        aliases=aliases,
        count=len(mentions),
        first_offset=min(body_offsets) if body_offsets else None,
        acronym=cluster.acronym,
        org_kind=cluster.org_kind if cluster.kind == "organisation" else "",
        place_kind=cluster.place_kind if cluster.kind == "place" else "",
        country=cluster.country,
        roles=list(cluster.roles),
        event_kind=cluster.event_kind,
        start=cluster.start,
        end=cluster.end,
        year=cluster.year,
        place=cluster.place,
    )


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(name_key(t) for t in name.replace("-", " ").split() if name_key(t))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words, or same first and last word ("Antony Blinken" and
    "Antony J. Blinken")."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1])


def strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name[:4] in ("The ", "the ") else name
