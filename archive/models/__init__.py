from .articles import Article, Source
from .copies import CopyGroup, CopyKey
from .editorial import EntityRedirect, RejectedName
from .entities import (
    Event,
    EventAlias,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    PersonRole,
    Place,
    PlaceAlias,
)
from .interactions import Interaction, InteractionParticipant, InteractionSource
from .kinds import ENTITY_KINDS, EntityKind
from .mentions import (
    AcronymDefinition,
    EventMention,
    OrganisationMention,
    PersonMention,
    PlaceMention,
)
from .offices import Office, OfficeMention, Tenure

__all__ = [
    "ENTITY_KINDS",
    "AcronymDefinition",
    "Article",
    "CopyGroup",
    "CopyKey",
    "EntityKind",
    "EntityRedirect",
    "Event",
    "EventAlias",
    "EventMention",
    "Interaction",
    "InteractionParticipant",
    "InteractionSource",
    "Office",
    "OfficeMention",
    "Organisation",
    "OrganisationAlias",
    "OrganisationMention",
    "Person",
    "PersonAlias",
    "PersonMention",
    "PersonRole",
    "Place",
    "PlaceAlias",
    "PlaceMention",
    "RejectedName",
    "Source",
    "Tenure",
]
