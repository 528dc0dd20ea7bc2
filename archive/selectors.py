"""Reads that pages, feeds and exports share."""

from __future__ import annotations

import datetime as dt

from django.db.models import CharField, Count, Prefetch, QuerySet
from django.db.models.functions import Cast, Substr

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
        .prefetch_related(f"{kind.name}__aliases")
        .order_by("-count", f"{kind.name}__name")
    )


def entities_by_articles(kind: EntityKind) -> QuerySet:
    """Entities of a kind with their article counts, most mentioned first."""
    return kind.model.objects.annotate(article_count=Count("mentions")).order_by(
        "-article_count", "name"
    )


def monthly_counts(articles: QuerySet[Article] | None = None) -> list[tuple[dt.date, int]]:
    """Dated articles per month, oldest first, months without articles included."""
    articles = Article.objects.all() if articles is None else articles
    # "YYYY-MM" cut from the date's text: SQLite runs TruncMonth as a Python
    # function on every row, which at 100,000 articles took half a second.
    rows = (
        articles.exclude(published=None)
        .annotate(month=Substr(Cast("published", CharField()), 1, 7))
        .values_list("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    counts = {dt.date(int(month[:4]), int(month[5:7]), 1): count for month, count in rows}
    if not counts:
        return []
    months = []
    month, last = min(counts), max(counts)
    while month <= last:
        months.append((month, counts.get(month, 0)))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def co_occurring(entity, kind: EntityKind, *, limit: int = 8) -> list[tuple[EntityKind, list]]:
    """Entities most often mentioned in the same articles as ``entity``, by kind."""
    article_ids = kind.mention_model.objects.filter(**{kind.name: entity}).values("article_id")
    groups = []
    for other in ENTITY_KINDS.values():
        together = (
            other.model.objects.filter(mentions__article_id__in=article_ids)
            .annotate(together=Count("mentions"))
            .order_by("-together", "name")
        )
        if other is kind:
            together = together.exclude(pk=entity.pk)
        groups.append((other, list(together[:limit])))
    return groups
