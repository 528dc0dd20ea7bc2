"""Run the configured extractor and turn its findings into linked entities."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from django.conf import settings
from django.db.models import Count
from django.utils.module_loading import import_string

from archive.extraction.normalize import name_key
from archive.extraction.types import ExtractedEntity, Extractor
from archive.ingest.records import EntityRecord
from archive.models import (
    ENTITY_KINDS,
    Article,
    EntityKind,
    Event,
    Organisation,
    PersonRole,
    Place,
)

from .editing import rejected_keys
from .slugs import unique_slug


@functools.cache
def get_extractor() -> Extractor:
    return import_string(settings.ARCHIVE_EXTRACTOR)()


def extract(article: Article) -> list[ExtractedEntity]:
    return get_extractor().extract(article.title, article.body, published=article.published)


def entities_from_listing(
    article: Article, listing: dict[str, tuple[EntityRecord, ...]]
) -> list[ExtractedEntity]:
    """Entities as our own export listed them, counted again in the text.

    Reading back an export restores the entities editors curated instead of
    re-extracting them.
    """
    found = []
    for kind in ENTITY_KINDS.values():
        for record in listing.get(kind.plural, ()):
            surfaces = {record.name, *record.aliases}
            entity = ExtractedEntity(kind=kind.name, name=record.name, aliases=set(record.aliases))
            for surface in surfaces:
                pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
                entity.count += len(pattern.findall(article.title))
                for match in pattern.finditer(article.body):
                    entity.count += 1
                    if entity.first_offset is None or match.start() < entity.first_offset:
                        entity.first_offset = match.start()
            entity.count = max(entity.count, 1)
            if kind.name == "organisation":
                entity.org_kind = record.kind
            elif kind.name == "place":
                entity.place_kind = record.kind
            elif kind.name == "event":
                entity.event_kind = record.kind
            found.append(entity)
    return found


def link_entities(article: Article, extracted: list[ExtractedEntity]) -> None:
    """Replace the article's mentions and roles with ``extracted``, resolved archive-wide."""
    for kind in ENTITY_KINDS.values():
        kind.mention_model.objects.filter(article=article).delete()
    PersonRole.objects.filter(article=article).delete()

    rejected = rejected_keys()
    mentions: dict[tuple[str, int], object] = {}
    for item in extracted:
        kind = ENTITY_KINDS[item.kind]
        item = _without_rejected(item, rejected.get("", set()) | rejected.get(kind.name, set()))
        if item is None:
            continue
        entity = resolve(kind, item)
        known = mentions.get((kind.name, entity.pk))
        if known is not None:
            # Two findings resolved to one entity: add them up.
            known.count += item.count
            if item.first_offset is not None:
                known.first_offset = min(
                    offset
                    for offset in (known.first_offset, item.first_offset)
                    if offset is not None
                )
            continue
        mentions[(kind.name, entity.pk)] = kind.mention_model(
            article=article,
            count=max(item.count, 1),
            first_offset=item.first_offset,
            **{kind.name: entity},
        )
        if kind.name == "person":
            for title in dict.fromkeys(item.roles):
                PersonRole.objects.get_or_create(
                    person=entity,
                    title=title[:300],
                    article=article,
                    defaults={"seen_on": article.published},
                )
    for kind in ENTITY_KINDS.values():
        kind.mention_model.objects.bulk_create(
            mention for (name, _), mention in mentions.items() if name == kind.name
        )


def _without_rejected(item: ExtractedEntity, rejected: set[str]) -> ExtractedEntity | None:
    """Drop surface forms editors rejected; drop the entity if no good name is left."""
    if not rejected:
        return item
    aliases = {alias for alias in item.aliases if name_key(alias) not in rejected}
    if name_key(item.name) not in rejected:
        return replace(item, aliases=aliases)
    if not aliases:
        return None
    return replace(item, name=max(aliases, key=len), aliases=aliases)


def resolve(kind: EntityKind, item: ExtractedEntity):
    """The one stored entity that ``item`` names, created if the archive has none.

    First the entity whose canonical name it is; then the entity that knows the
    name as an alias (a merged-away name leads to the survivor); then one that
    knows another of its surface forms, but only when a single entity claims it,
    so that a shared surname never joins two people.
    """
    model = kind.model
    key = name_key(item.name)
    entity = model.objects.filter(key=key).order_by("pk").first()
    if entity is None:
        entity = _by_alias(kind, {key}, pick_most_mentioned=True)
    if entity is None:
        entity = _by_alias(kind, {name_key(alias) for alias in item.aliases} - {key})
    if entity is None:
        entity = model(name=item.name[:300], slug=unique_slug(model, item.name, fallback=kind.name))
        _fill_attributes(entity, item)
        entity.full_clean(exclude=["key"])
        entity.save()
    elif _fill_attributes(entity, item):
        entity.save()

    known = set(entity.aliases.values_list("name", flat=True))
    for alias in sorted(item.aliases - known - {"", entity.name}):
        kind.alias_model.objects.create(name=alias[:300], **{kind.name: entity})
    return entity


def _by_alias(kind: EntityKind, keys: set[str], *, pick_most_mentioned: bool = False):
    if not keys:
        return None
    owners = (
        kind.model.objects.filter(aliases__key__in=keys)
        .annotate(mention_count=Count("mentions", distinct=True))
        .order_by("-mention_count", "pk")
        .distinct()
    )
    found = list(owners[:2])
    if len(found) == 1 or (found and pick_most_mentioned):
        return found[0]
    return None


def _fill_attributes(entity, item: ExtractedEntity) -> bool:
    """Fill attributes the entity lacks from what the text says; never overwrite.

    Editors' choices win over what a later article suggests.
    """
    updates: dict[str, object] = {}

    def fill(field: str, value, *, unset=None) -> None:
        current = getattr(entity, field)
        if value and value != unset and (not current or current == unset):
            updates[field] = value

    if isinstance(entity, Organisation):
        fill("acronym", item.acronym[:40])
        if item.org_kind in Organisation.Kind.values:
            fill("kind", item.org_kind, unset=Organisation.Kind.OTHER)
    elif isinstance(entity, Place):
        if item.place_kind in Place.Kind.values:
            fill("kind", item.place_kind, unset=Place.Kind.OTHER)
        if item.country and item.country != entity.name and entity.country_id is None:
            updates["country"] = _place(item.country, Place.Kind.COUNTRY)
    elif isinstance(entity, Event):
        if item.event_kind in Event.Kind.values:
            fill("kind", item.event_kind, unset=Event.Kind.OTHER)
        fill("start_date", item.start)
        fill("end_date", item.end)
        fill("year", item.year or (item.start.year if item.start else None))
        if item.place and entity.place_id is None:
            updates["place"] = _place(item.place, Place.Kind.OTHER)
    for field, value in updates.items():
        setattr(entity, field, value)
    return bool(updates)


def _place(name: str, kind: str) -> Place:
    item = ExtractedEntity(kind="place", name=name, place_kind=kind)
    return resolve(ENTITY_KINDS["place"], item)
