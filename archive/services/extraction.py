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
    roles = []
    resolved: dict[str, list[tuple[ExtractedEntity, object]]] = {}
    for kind in ENTITY_KINDS.values():
        refused = rejected.get("", set()) | rejected.get(kind.name, set())
        items = [
            kept
            for item in extracted
            if item.kind == kind.name and (kept := _without_rejected(item, refused)) is not None
        ]
        mentions: dict[int, object] = {}
        resolved[kind.name] = list(zip(items, resolve_all(kind, items), strict=True))
        for item, entity in resolved[kind.name]:
            known = mentions.get(entity.pk)
            if known is not None:
                # Two findings resolved to one entity: add them up.
                known.count += item.count
                offsets = [o for o in (known.first_offset, item.first_offset) if o is not None]
                known.first_offset = min(offsets) if offsets else None
            else:
                mentions[entity.pk] = kind.mention_model(
                    article=article,
                    count=max(item.count, 1),
                    first_offset=item.first_offset,
                    **{kind.name: entity},
                )
            roles += [
                PersonRole(
                    person=entity, title=title[:300], article=article, seen_on=article.published
                )
                for title in item.roles
            ]
        kind.mention_model.objects.bulk_create(mentions.values())
    PersonRole.objects.bulk_create(roles, ignore_conflicts=True)
    _link_participants(resolved)


def _link_participants(resolved) -> None:
    """Link each event to the organisations and people its own name mentions.

    "OIC Summit 2026" involves the OIC; "Blinken's Meeting with Kuleba" involves
    both. Names are matched on whole words against the event's surface forms.
    """
    events = resolved.get("event", [])
    if not events:
        return
    for item, event in events:
        forms = " | ".join({item.name, *item.aliases})
        for kind_name, field in (("organisation", "organisations"), ("person", "persons")):
            taking_part = [
                entity
                for other, entity in resolved.get(kind_name, [])
                if any(
                    re.search(rf"(?<!\w){re.escape(name)}(?!\w)", forms)
                    for name in _short_names(other, entity)
                )
            ]
            if taking_part:
                getattr(event, field).add(*taking_part)


def _short_names(item: ExtractedEntity, entity) -> set[str]:
    """Names by which an entity may appear inside an event's name."""
    names = {entity.name, item.name, *item.aliases}
    if getattr(entity, "acronym", ""):
        names.add(entity.acronym)
    if item.kind == "person":
        # People appear in event names by surname: "Blinken's Meeting".
        names |= {name.split()[-1] for name in list(names) if len(name.split()) > 1}
    return {name for name in names if len(name) > 1}


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
    """The one stored entity that ``item`` names, created if the archive has none."""
    return resolve_all(kind, [item])[0]


def resolve_all(kind: EntityKind, items: list[ExtractedEntity]) -> list:
    """The stored entity each item names, created where the archive has none.

    First the entity whose canonical name it is; then the entity that knows the
    name as an alias (a merged-away name leads to the survivor); then one that
    knows another of its surface forms, but only when a single entity claims it,
    so that a shared surname never joins two people. Lookups are batched: a
    handful of queries per kind of entity, whatever the number of items.
    """
    model = kind.model
    keys = [name_key(item.name) for item in items]
    by_key = {}
    for entity in model.objects.filter(key__in=set(keys)).order_by("-pk"):
        by_key[entity.key] = entity  # the oldest of namesakes wins
    chosen = _choose_by_alias(kind, items, keys, by_key)

    found = []
    for item, key in zip(items, keys, strict=True):
        entity = by_key.get(key) or chosen.get(key)
        if entity is None:
            # Filling another item's attributes may have created it meanwhile
            # (a city's country, an event's place).
            entity = model.objects.filter(key=key).order_by("pk").first()
        if entity is None:
            entity = model(
                name=item.name[:300], slug=unique_slug(model, item.name, fallback=kind.name)
            )
            _fill_attributes(entity, item)
            entity.full_clean(exclude=["key"])
            entity.save()
            by_key[key] = entity
        elif _fill_attributes(entity, item):
            entity.save()
        found.append(entity)
    _add_aliases(kind, items, found)
    return found


def _choose_by_alias(kind: EntityKind, items, keys, by_key) -> dict[str, object]:
    """For items no canonical name matched: the entity their names are aliases of."""
    wanted = {
        key: {key} | {name_key(alias) for alias in item.aliases}
        for item, key in zip(items, keys, strict=True)
        if key not in by_key
    }
    if not wanted:
        return {}
    owners: dict[str, set[int]] = {}
    rows = kind.alias_model.objects.filter(key__in=set().union(*wanted.values()))
    for alias_key, owner in rows.values_list("key", f"{kind.name}_id"):
        owners.setdefault(alias_key, set()).add(owner)
    picks: dict[str, int] = {}
    for key, alias_keys in wanted.items():
        exact = owners.get(key, set())
        others = set().union(*(owners.get(k, set()) for k in alias_keys - {key}))
        if len(exact) == 1:
            picks[key] = next(iter(exact))
        elif exact:
            picks[key] = _most_mentioned(kind, exact)
        elif len(others) == 1:
            picks[key] = next(iter(others))
    entities = kind.model.objects.in_bulk(set(picks.values()))
    return {key: entities[pk] for key, pk in picks.items() if pk in entities}


def _most_mentioned(kind: EntityKind, ids: set[int]) -> int:
    return (
        kind.model.objects.filter(pk__in=ids)
        .annotate(mention_count=Count("mentions"))
        .order_by("-mention_count", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def _add_aliases(kind: EntityKind, items, entities) -> None:
    """Record every surface form seen as an alias of the entity it named."""
    field = f"{kind.name}_id"
    known = set(
        kind.alias_model.objects.filter(**{f"{field}__in": {e.pk for e in entities}}).values_list(
            field, "name"
        )
    )
    new = {}
    for item, entity in zip(items, entities, strict=True):
        for alias in item.aliases:
            name = alias[:300]
            if name and name != entity.name and (entity.pk, name) not in known:
                new[(entity.pk, name)] = kind.alias_model(
                    name=name, key=name_key(name), **{field: entity.pk}
                )
    # Another ingest may add the same alias meanwhile; the unique constraint decides.
    kind.alias_model.objects.bulk_create(new.values(), ignore_conflicts=True)


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
