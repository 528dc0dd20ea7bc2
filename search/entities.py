"""Entities whose names match what the user typed: above the results, and as-you-type.

These read the database, not the index: entity names, aliases and article counts
are the archive's own, and always current.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import partial

from django.db.models import Q

from archive.caching import cached
from archive.models import ENTITY_KINDS, EntityKind
from archive.selectors import entities_by_articles

from .query import ParsedQuery, normalise

# Shorter text matches whole names only; "un" would otherwise match half the archive.
MIN_CONTAINS = 4
AUTOCOMPLETE_MIN = 2


@dataclass(frozen=True)
class EntityGroup:
    kind: EntityKind
    entities: list  # entities annotated with article_count


def matching_entities(query: ParsedQuery, *, per_kind: int = 5) -> list[EntityGroup]:
    """Entities named by the whole query or by one of its phrases, most covered first."""
    if query.is_empty:
        return []
    candidates = list(dict.fromkeys([" ".join(query.words), *query.phrases]))
    candidates = [text for text in candidates if text.strip()]
    if not candidates:
        return []
    # Name matching scans every entity and alias: remembered until the next write.
    digest = hashlib.sha256(repr((candidates, per_kind)).encode()).hexdigest()
    return cached(f"matching-entities:{digest}", partial(_matching, candidates, per_kind))


def _matching(candidates: list[str], per_kind: int) -> list[EntityGroup]:
    groups = []
    for kind in ENTITY_KINDS.values():
        condition = Q()
        for text in candidates:
            condition |= Q(name__iexact=text) | Q(aliases__name__iexact=text)
            if kind.name == "organisation":
                condition |= Q(acronym__iexact=text)
            if len(text) >= MIN_CONTAINS:
                condition |= Q(name__icontains=text)
        if not condition:
            continue
        ids = kind.model.objects.filter(condition).values("pk")
        entities = list(
            entities_by_articles(kind).filter(pk__in=ids, article_count__gt=0)[:per_kind]
        )
        if entities:
            groups.append(EntityGroup(kind=kind, entities=entities))
    return groups


def names_among(runs: list[str]) -> set[str]:
    """Those of the runs of words (lowercased) that are an entity's name, alias or
    acronym, in any letter case: a best match scores them as phrases."""
    digest = hashlib.sha256(repr(sorted(runs)).encode()).hexdigest()
    return cached(f"names-among:{digest}", partial(_names_among, runs))


def _names_among(runs: list[str]) -> set[str]:
    found: set[str] = set()
    for kind in ENTITY_KINDS.values():
        # One query a kind, as _matching: the entities with one of the runs as a
        # name; which of their names are runs is read off the rows.
        fields = ["name", "aliases__name"] + (["acronym"] if kind.name == "organisation" else [])
        condition = Q()
        for run in runs:
            for name in fields:
                condition |= Q(**{f"{name}__iexact": run})
        for row in kind.model.objects.filter(condition).values_list(*fields):
            found.update(value.lower() for value in row if value)
    return found & set(runs)


def autocomplete(text: str, *, limit: int = 10) -> list[dict]:
    """Entities whose name, a word of it, an alias or acronym starts with ``text``."""
    # Control characters dropped: PostgreSQL refuses a NUL in a query parameter.
    text = normalise(text)[:100]
    if len(text) < AUTOCOMPLETE_MIN:
        return []
    found = []
    for kind in ENTITY_KINDS.values():
        condition = (
            Q(name__istartswith=text)
            | Q(name__icontains=f" {text}")
            | Q(aliases__name__istartswith=text)
        )
        if kind.name == "organisation":
            condition |= Q(acronym__istartswith=text)
        ids = kind.model.objects.filter(condition).values("pk")
        for entity in entities_by_articles(kind).filter(pk__in=ids)[:limit]:
            found.append(
                {
                    "label": entity.name,
                    "kind": kind.name,
                    "kind_label": kind.label,
                    "url": entity.get_absolute_url(),
                    "count": entity.article_count,
                    "facet": f"{kind.name}:{entity.slug}",
                }
            )
    found.sort(key=lambda row: (-row["count"], row["label"]))
    return found[:limit]
