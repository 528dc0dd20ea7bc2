"""Re-run extraction over stored articles after reference data or editors' decisions change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import transaction

from archive.models import ENTITY_KINDS, Article, PersonRole
from archive.signals import articles_changed, bulk_write_finished, bulk_write_started

from .extraction import extract
from .linking import link_entities


def reextract_articles(
    *,
    since: dt.date | None = None,
    articles: Callable[[Iterable[Article]], Iterable[Article]] = lambda found: found,
) -> tuple[int, int]:
    """Extract every article (published on or after ``since``) again.

    Rejections, aliases and merges are honoured by ``link_entities``. Idempotent:
    an article whose links come out the same is left untouched. Returns the
    number of articles seen and the number whose links changed.
    """
    queryset = Article.objects.order_by("pk")
    if since is not None:
        queryset = queryset.filter(published__gte=since)
    seen = changed = 0
    bulk_write_started.send(sender=Article)
    try:
        for article in articles(queryset.iterator(chunk_size=200)):
            seen += 1
            with transaction.atomic():
                before = _links(article)
                link_entities(article, extract(article))
                if _links(article) != before:
                    changed += 1
                    articles_changed.send(sender=Article, ids=[article.pk])
    finally:
        bulk_write_finished.send(sender=Article)
    return seen, changed


def _links(article: Article) -> frozenset:
    links = set()
    for kind in ENTITY_KINDS.values():
        links |= {
            (kind.name, *row)
            for row in kind.mention_model.objects.filter(article=article).values_list(
                f"{kind.name}_id", "count", "first_offset"
            )
        }
    links |= {
        ("role", *row)
        for row in PersonRole.objects.filter(article=article).values_list("person_id", "title")
    }
    return frozenset(links)
