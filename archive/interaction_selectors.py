"""Reads the encounter pages share: lists with filters, counterparts, travels."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from archive.models import (
    Article,
    Interaction,
    InteractionParticipant,
    Organisation,
    Person,
    Place,
)


@dataclass(frozen=True)
class InteractionFilters:
    """What /interactions/ is narrowed to; every field optional."""

    participant: Person | Organisation | None = None
    counterpart: Person | Organisation | None = None
    kind: str = ""
    status: str = ""
    country: Place | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def key(self) -> str:
        """What the filters select, as a cache key: entities by kind and id, values
        quoted (a kind has a space, which memcached refuses in a key)."""
        parts = []
        for name in ("participant", "counterpart", "country"):
            entity = getattr(self, name)
            if entity is not None:
                parts.append(f"{name}={type(entity).__name__}:{entity.pk}")
        for name in ("kind", "status", "since", "until"):
            if value := getattr(self, name):
                parts.append(f"{name}={quote(str(value), safe='')}")
        return "&".join(parts)


def _side(entity) -> Q:
    field = "person" if isinstance(entity, Person) else "organisation"
    return Q(**{f"participants__{field}": entity})


def interactions(filters: InteractionFilters = InteractionFilters()) -> QuerySet[Interaction]:
    """Encounters, newest first, with what a list shows loaded in a few queries."""
    found = Interaction.objects.filter(rejected=False)
    if filters.participant is not None:
        found = found.filter(_side(filters.participant))
    if filters.counterpart is not None:
        found = found.filter(
            pk__in=Interaction.objects.filter(_side(filters.counterpart)).values("pk")
        )
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.country is not None:
        found = found.filter(Q(place=filters.country) | Q(place__country=filters.country))
    if filters.since:
        found = found.filter(date__gte=filters.since)
    if filters.until:
        found = found.filter(date__lte=filters.until)
    return found.distinct().order_by("-date", "-pk")


def with_details(records) -> QuerySet[Interaction]:
    """Encounters with what ``includes/interaction.html`` shows, in a few queries."""
    # A source shows its article's title and date only: not its body.
    articles = Article.objects.only("pk", "slug", "title", "published")
    return records.select_related("place", "host_person", "host_organisation").prefetch_related(
        "participants__person",
        "participants__organisation",
        Prefetch("sources__article", queryset=articles),
    )


def article_interactions(article: Article) -> list[Interaction]:
    return list(
        with_details(
            Interaction.objects.filter(sources__article=article, rejected=False).distinct()
        )
    )


@dataclass(frozen=True)
class Counterpart:
    entity: Person | Organisation
    times: int
    last: dt.date | None


def met_with(entity: Person | Organisation, limit: int = 24) -> list[Counterpart]:
    """Who the entity met, called or signed with, most often first.

    Visits (a place, not a counterpart) and joint statements (issued together, not
    a meeting) are left out."""
    field = "person" if isinstance(entity, Person) else "organisation"
    mine = InteractionParticipant.objects.filter(
        **{field: entity}, interaction__rejected=False
    ).exclude(interaction__kind__in=[Interaction.Kind.VISIT, Interaction.Kind.JOINT_STATEMENT])
    rows = list(
        InteractionParticipant.objects.filter(interaction_id__in=mine.values("interaction_id"))
        .exclude(**{field: entity})
        .values("person_id", "organisation_id")
        .annotate(times=Count("interaction", distinct=True), last=Max("interaction__date"))
        .order_by("-times", "-last")[:limit]
    )
    people = Person.objects.in_bulk([r["person_id"] for r in rows if r["person_id"]])
    orgs = Organisation.objects.in_bulk(
        [r["organisation_id"] for r in rows if r["organisation_id"]]
    )
    return [
        Counterpart(
            people[r["person_id"]] if r["person_id"] else orgs[r["organisation_id"]],
            r["times"],
            r["last"],
        )
        for r in rows
    ]


def travels(entity: Person | Organisation, limit: int = 50) -> list[Interaction]:
    """The entity's visits, newest first, with their places."""
    return list(
        interactions(InteractionFilters(participant=entity, kind=Interaction.Kind.VISIT))
        .exclude(place__isnull=True)
        .select_related("place", "place__country")[:limit]
    )


def interactions_in(place: Place, limit: int = 20) -> list[Interaction]:
    return list(with_details(interactions(InteractionFilters(country=place)))[:limit])


@dataclass(frozen=True)
class Node:
    entity: Person | Organisation
    x: float
    y: float
    times: int
    width: float


def network(counterparts: list[Counterpart], size: int = 320, most: int = 12) -> list[Node]:
    """Counterparts placed on a circle around the centre, for a small inline SVG:
    a line's width says how often they met."""
    shown = counterparts[:most]
    if not shown:
        return []
    top = max(c.times for c in shown)
    radius, centre = size * 0.38, size / 2
    nodes = []
    for i, counterpart in enumerate(shown):
        angle = 2 * math.pi * i / len(shown) - math.pi / 2
        nodes.append(
            Node(
                counterpart.entity,
                round(centre + radius * math.cos(angle), 1),
                round(centre + radius * math.sin(angle), 1),
                counterpart.times,
                round(1 + 4 * counterpart.times / top, 1),
            )
        )
    return nodes


def interaction_records():
    """Every encounter as ``export_interactions`` writes it, oldest first."""
    records = with_details(Interaction.objects.filter(rejected=False)).order_by("date", "pk")
    for record in records.iterator(chunk_size=500):
        host = record.host
        yield {
            "kind": record.kind,
            "status": record.status,
            "date": record.date.isoformat() if record.date else None,
            "date_precision": record.date_precision or None,
            "place": {"name": record.place.name, "slug": record.place.slug}
            if record.place
            else None,
            "participants": [
                {
                    "name": p.entity.name,
                    "slug": p.entity.slug,
                    "kind": "person" if p.person_id else "organisation",
                    "role": p.role,
                }
                for p in record.participants.all()
            ],
            "host": host.slug if host else None,
            "sources": [
                {
                    "path": source.article.source_file,
                    "url": source.article.url,
                    "sentence": source.sentence,
                }
                for source in record.sources.all()
            ],
        }
