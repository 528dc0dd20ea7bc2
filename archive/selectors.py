"""Reads that pages, feeds and exports share."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db.models import CharField, Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce, Substr

from archive.caching import cached, cached_for
from archive.models import ENTITY_KINDS, Article, EntityKind


def articles_with_entities() -> QuerySet[Article]:
    """Articles with source, entities and aliases, in a fixed number of queries."""
    lookups = []
    for kind in ENTITY_KINDS.values():
        lookups.append(
            Prefetch(kind.plural, queryset=kind.model.objects.prefetch_related("aliases"))
        )
    return Article.objects.with_source().prefetch_related(*lookups)


def article_cards(articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles as lists show them: newest first, with their source, without their text.

    A list never shows the body, and reading it costs most of the rows' bytes.
    """
    articles = Article.objects.all() if articles is None else articles
    return articles.with_source().newest_first().defer("body")


def entity_mentions(article: Article, kind: EntityKind) -> QuerySet:
    """The article's mentions of one kind of entity, most mentioned first."""
    related = [kind.name]
    if kind.name == "person":
        related += ["via_office__country", "via_office__organisation"]
    return (
        kind.mention_model.objects.filter(article=article)
        .select_related(*related)
        .prefetch_related(f"{kind.name}__aliases")
        .order_by("-count", f"{kind.name}__sort_name")
    )


def entities_by_articles(kind: EntityKind) -> QuerySet:
    """Entities of a kind with their article counts, most mentioned first.

    Each count is a subquery on the mentions' index rather than a join grouped by
    every column of the entity: a page of 100 names counts those 100 only, and
    ``count()`` leaves the subquery out.
    """
    mentions = kind.mention_model.objects.filter(**{kind.name: OuterRef("pk")}).order_by()
    article_count = Subquery(mentions.values(kind.name).annotate(n=Count("pk")).values("n"))
    return kind.model.objects.annotate(article_count=Coalesce(article_count, 0)).order_by(
        "-article_count", "sort_name"
    )


def most_mentioned(kind: EntityKind, *, limit: int = 8) -> list:
    """The ``limit`` entities of a kind in the most articles.

    Remembered until the archive changes: ranking them counts every mention.
    """
    return cached(
        f"most-mentioned:{kind.name}:{limit}", lambda: list(entities_by_articles(kind)[:limit])
    )


def article_count() -> int:
    """How many articles the archive holds (remembered: some databases count every row)."""
    return cached("article-count", Article.objects.count)


def monthly_counts(articles: QuerySet[Article] | None = None) -> list[tuple[dt.date, int]]:
    """Dated articles per month, oldest first, months without articles included.

    Remembered until the archive changes: it reads the date of every article counted.
    """
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
    return cached_for(rows, "months", partial(_every_month, rows))


def _every_month(rows) -> list[tuple[dt.date, int]]:
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
    """Entities most often mentioned in the same articles as ``entity``, by kind.

    Costly (for an entity named in a quarter of the archive it reads every mention
    in 25,000 articles), but not cached here: the entity's page, its one reader,
    keeps what it shows until the archive changes.
    """
    article_ids = kind.mention_model.objects.filter(**{kind.name: entity}).values("article_id")
    return [
        (other, _mentioned_most_in(article_ids, other, limit=limit, leaving_out=entity))
        for other in ENTITY_KINDS.values()
    ]


def _mentioned_most_in(article_ids, kind: EntityKind, *, limit: int, leaving_out) -> list:
    """The entities of ``kind`` mentioned in most of ``article_ids``, each with ``together``."""
    # Grouped on the mentions, then the few entities fetched: grouping the
    # entities themselves sorted every column of each one mentioned.
    mentions = kind.mention_model.objects.filter(article_id__in=article_ids)
    if isinstance(leaving_out, kind.model):
        mentions = mentions.exclude(**{kind.name: leaving_out.pk})
    rows = list(
        mentions.values_list(kind.name)
        .annotate(together=Count("pk"))
        .order_by("-together", f"{kind.name}__sort_name")[:limit]
    )
    entities = kind.model.objects.in_bulk([pk for pk, _ in rows])
    for pk, together in rows:
        entities[pk].together = together
    return [entities[pk] for pk, _ in rows]
