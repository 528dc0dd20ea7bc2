"""Keep the search index in step with the database."""

from __future__ import annotations

from collections.abc import Iterable

from haystack import connections

from archive.models import Article


def update_articles(ids: Iterable[int], using: str = "default") -> None:
    """Index the current state of these articles; drop the ones that no longer exist."""
    ids = set(ids)
    if not ids:
        return
    index = connections[using].get_unified_index().get_index(Article)
    backend = connections[using].get_backend()
    articles = list(index.index_queryset(using=using).filter(pk__in=ids))
    if articles:
        backend.update(index, articles)
    for pk in ids - {article.pk for article in articles}:
        backend.remove(f"archive.article.{pk}")


def remove_articles(ids: Iterable[int], using: str = "default") -> None:
    backend = connections[using].get_backend()
    for pk in ids:
        backend.remove(f"archive.article.{pk}")
