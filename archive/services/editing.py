"""Editors' operations on entities: merge duplicates, reject what is not an entity."""

from __future__ import annotations

from django.db import transaction

from archive.extraction.normalize import name_key
from archive.models import (
    ENTITY_KINDS,
    EntityKind,
    EntityRedirect,
    Event,
    Interaction,
    InteractionParticipant,
    Office,
    OfficeMention,
    Organisation,
    Person,
    PersonRole,
    Place,
    RejectedName,
    Tenure,
)
from archive.signals import articles_changed

from .offices import office_key, refresh_office


def kind_of(entity) -> EntityKind:
    return next(kind for kind in ENTITY_KINDS.values() if isinstance(entity, kind.model))


@transaction.atomic
def merge_entities(*, survivor, others) -> list[int]:
    """Fold ``others`` into ``survivor``: mentions, aliases, roles and links move to it.

    The merged-away names become aliases of the survivor, so extraction finds the
    survivor from then on, and their pages redirect to it. Returns the ids of the
    articles whose entities changed.
    """
    kind = kind_of(survivor)
    others = [other for other in others if other.pk != survivor.pk]
    if any(not isinstance(other, kind.model) for other in others):
        raise ValueError("Only entities of one kind can be merged.")
    changed: set[int] = set()
    offices: set[int] = set()
    for other in others:
        changed |= _move_mentions(kind, other, survivor)
        _move_aliases(kind, other, survivor)
        if isinstance(survivor, Person):
            offices |= _move_roles(other, survivor)
        if isinstance(survivor, Person | Organisation):
            # The events the merged-away entity took part in, the survivor took part in.
            survivor.events.add(*other.events.all())
            _move_encounters(kind.name, other, survivor)
        if isinstance(survivor, Organisation | Place):
            offices |= _move_offices(kind.name, other, survivor)
        if isinstance(survivor, Place):
            Event.objects.filter(place=other).update(place=survivor)
            Place.objects.filter(country=other).update(country=survivor)
        EntityRedirect.objects.filter(kind=kind.name, target_id=other.pk).update(
            target_id=survivor.pk
        )
        EntityRedirect.objects.update_or_create(
            kind=kind.name, old_slug=other.slug, defaults={"target_id": survivor.pk}
        )
        other.delete()
    # Tenures follow the roles and the offices they moved with (refresh_office
    # tells the index of the articles whose inferred links change).
    for office_id in sorted(offices):
        refresh_office(office_id)
    _announce(changed)
    return sorted(changed)


def _move_roles(other: Person, survivor: Person) -> set[int]:
    """The merged-away person's roles and editors' tenures are the survivor's; returns
    the offices whose tenures must be rebuilt."""
    taken = set(survivor.roles.values_list("title", "article_id"))
    roles = other.roles.values_list("pk", "title", "article_id", "office_id")
    moving = [(pk, office) for pk, title, article, office in roles if (title, article) not in taken]
    PersonRole.objects.filter(pk__in=[pk for pk, _office in moving]).update(person=survivor)
    offices = {office for _pk, office in moving if office is not None}
    offices |= set(other.tenures.values_list("office_id", flat=True))
    Tenure.objects.filter(person=other, source=Tenure.Source.EDITOR).update(person=survivor)
    return offices


def _move_encounters(kind: str, other, survivor) -> None:
    """The merged-away entity's encounters are the survivor's (once in each)."""
    mine = InteractionParticipant.objects.filter(**{kind: survivor}).values("interaction_id")
    InteractionParticipant.objects.filter(**{kind: other}, interaction_id__in=mine).delete()
    InteractionParticipant.objects.filter(**{kind: other}).update(**{kind: survivor})
    Interaction.objects.filter(**{f"host_{kind}": other}).update(**{f"host_{kind}": survivor})


def _move_offices(kind: str, other, survivor) -> set[int]:
    """Offices held in the merged-away country or organisation are the survivor's;
    one the survivor has already absorbs the other's roles and mentions."""
    field = "country" if kind == "place" else "organisation"
    touched = set()
    for office in Office.objects.filter(**{field: other}):
        key = office_key(office.title, survivor)
        into = Office.objects.filter(key=key).first()
        if into is None:
            office.key = key
            setattr(office, field, survivor)
            office.save(update_fields=["key", field])
            touched.add(office.pk)
            continue
        PersonRole.objects.filter(office=office).update(office=into)
        OfficeMention.objects.filter(office=office).update(office=into)
        Tenure.objects.filter(office=office, source=Tenure.Source.EDITOR).update(office=into)
        office.delete()
        touched.add(into.pk)
    return touched


@transaction.atomic
def move_entity_page(*, entity, old_slug: str) -> None:
    """An editor changed the entity's slug: its old address redirects to the new one.

    A redirect from the new slug (the entity's, or a merged-away one's, long ago)
    goes: the page lives there now.
    """
    kind = kind_of(entity)
    EntityRedirect.objects.update_or_create(
        kind=kind.name, old_slug=old_slug, defaults={"target_id": entity.pk}
    )
    EntityRedirect.objects.filter(kind=kind.name, old_slug=entity.slug).delete()


def _move_mentions(kind: EntityKind, other, survivor) -> set[int]:
    moved = set()
    field = kind.name
    for mention in kind.mention_model.objects.filter(**{field: other}):
        moved.add(mention.article_id)
        kept = kind.mention_model.objects.filter(
            **{field: survivor, "article_id": mention.article_id}
        ).first()
        if kept is None:
            setattr(mention, field, survivor)
            mention.save()
            continue
        kept.count += mention.count
        offsets = [o for o in (kept.first_offset, mention.first_offset) if o is not None]
        kept.first_offset = min(offsets) if offsets else None
        kept.save()
        mention.delete()
    return moved


def _move_aliases(kind: EntityKind, other, survivor) -> None:
    field = kind.name
    known = set(kind.alias_model.objects.filter(**{field: survivor}).values_list("name", flat=True))
    for name in [other.name, *other.aliases.values_list("name", flat=True)]:
        if name not in known and name != survivor.name:
            kind.alias_model.objects.create(name=name, **{field: survivor})
            known.add(name)


@transaction.atomic
def reject_name(*, name: str, kind: str = "") -> list[int]:
    """Record that ``name`` is not an entity (of ``kind``, or of any kind if blank).

    The matching aliases go, entities known by that name go with their mentions,
    and extraction never produces them again. Returns the affected article ids.
    """
    key = name_key(name)
    RejectedName.objects.get_or_create(kind=kind, key=key, defaults={"name": name})
    changed: set[int] = set()
    kinds = [ENTITY_KINDS[kind]] if kind else list(ENTITY_KINDS.values())
    for entity_kind in kinds:
        entity_kind.alias_model.objects.filter(key=key).delete()
        doomed = entity_kind.model.objects.filter(key=key)
        changed |= set(
            entity_kind.mention_model.objects.filter(
                **{f"{entity_kind.name}__in": doomed}
            ).values_list("article_id", flat=True)
        )
        doomed.delete()
    _announce(changed)
    return sorted(changed)


def rejected_keys() -> dict[str, set[str]]:
    """Normalised rejected names by kind; the key ``""`` holds those of any kind."""
    rejected: dict[str, set[str]] = {}
    for kind, key in RejectedName.objects.values_list("kind", "key"):
        rejected.setdefault(kind, set()).add(key)
    return rejected


def _announce(article_ids: set[int]) -> None:
    if article_ids:
        articles_changed.send(sender=RejectedName, ids=sorted(article_ids))
