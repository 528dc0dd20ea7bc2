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
