"""Reads that pages, feeds and exports share."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from archive.models import ENTITY_KINDS, Article, EntityKind


def articles_with_entities() -> QuerySet[Article]:
    """Articles with source, entities and aliases, in a fixed number of queries."""
    lookups = []
    for kind in ENTITY_KINDS.values():
        lookups.append(
            Prefetch(kind.plural, queryset=kind.model.objects.prefetch_related("aliases"))
        )
    return Article.objects.with_source().prefetch_related(*lookups)


def entity_mentions(article: Article, kind: EntityKind) -> QuerySet:
    """The article's mentions of one kind of entity, most mentioned first."""
    return (
        kind.mention_model.objects.filter(article=article)
        .select_related(kind.name)
        .order_by("-count", f"{kind.name}__name")
    )


def entities_by_articles(kind: EntityKind) -> QuerySet:
    """Entities of a kind with their article counts, most mentioned first."""
    return kind.model.objects.annotate(article_count=Count("mentions")).order_by(
        "-article_count", "name"
    )
