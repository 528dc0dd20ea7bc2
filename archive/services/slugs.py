"""Readable, unique slugs."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def make_slug(text: str, *, max_length: int = 100, fallback: str = "item") -> str:
    slug = slugify(text)[:max_length].strip("-")
    return slug or fallback


def unique_slug(model: type[models.Model], text: str, *, fallback: str = "item") -> str:
    """A slug for ``text`` that no row of ``model`` has yet (``-2``, ``-3`` … on clashes)."""
    base = make_slug(text, fallback=fallback)
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def assign_slugs(model, entities: list, *, fallback: str) -> None:
    """A unique slug for each new entity: ``name``, else ``name-2``, ``name-3`` …

    Slugs are looked up by exact value (the unique index, whatever the
    database's collation): all the plain ones in one query, then the numbered
    candidates of a name that clashes, a block at a time.
    """
    bases = [make_slug(entity.name, fallback=fallback) for entity in entities]
    checked = set(bases)  # slugs whose use in the database is known
    taken = set(model.objects.filter(slug__in=checked).values_list("slug", flat=True))
    for entity, base in zip(entities, bases, strict=True):
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
            if slug not in checked:
                block = [f"{base}-{n}" for n in range(number, number + _SLUG_BLOCK)]
                checked.update(block)
                taken.update(model.objects.filter(slug__in=block).values_list("slug", flat=True))
        taken.add(slug)
        entity.slug = slug


# Numbered slugs looked up at once when a name clashes.
_SLUG_BLOCK = 20
