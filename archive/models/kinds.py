"""The four kinds of entity, and the models that hold each one's names and links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from .entities import (
    Event,
    EventAlias,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Place,
    PlaceAlias,
)
from .mentions import EventMention, OrganisationMention, PersonMention, PlaceMention


@dataclass(frozen=True)
class EntityKind:
    name: str  # "person": the extractor's kind and the foreign-key field name
    plural: str  # "persons": the export's key and the Article relation
    label: str  # "People": what pages call them
    model: type[models.Model]
    alias_model: type[models.Model]
    mention_model: type[models.Model]


ENTITY_KINDS: dict[str, EntityKind] = {
    kind.name: kind
    for kind in (
        EntityKind("person", "persons", "People", Person, PersonAlias, PersonMention),
        EntityKind(
            "organisation",
            "organisations",
            "Organisations",
            Organisation,
            OrganisationAlias,
            OrganisationMention,
        ),
        EntityKind("place", "places", "Places", Place, PlaceAlias, PlaceMention),
        EntityKind("event", "events", "Events", Event, EventAlias, EventMention),
    )
}
