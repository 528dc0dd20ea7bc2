"""Keep the search index in step with the database, and check that it is."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from django.conf import settings
from haystack import connections
from haystack.query import SearchQuerySet
from haystack.utils import get_model_ct

from archive.models import Article

from .search_indexes import index_timestamp

BATCH_SIZE = 500


@runtime_checkable
class BackendExtras(Protocol):
    """What our Whoosh backend (search/backend.py) adds to haystack's: other
    backends go through haystack's public API instead."""

    def remove_many(self, identifiers: Iterable[str]) -> None:
        """Delete these documents in one commit."""

    def indexed_documents(self, fieldname: str) -> Iterator[tuple[str, str, object]]:
        """``(django_ct, django_id, value of fieldname)`` for every indexed document."""

    def stored_values(
        self, identifiers: Iterable[str], fieldname: str
    ) -> Iterator[tuple[str, object]]:
        """``(identifier, value of fieldname)`` for those of these documents in the index."""


def default_workers() -> int:
    """Processes ``update_index`` indexes in: 0 (this one) unless there are cores to spare."""
    processes = settings.SEARCH_INDEX_PROCESSES
    return processes if processes > 1 else 0


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
    remove_articles(ids - {article.pk for article in articles}, using=using)


def remove_articles(ids: Iterable[int], using: str = "default") -> None:
    backend = connections[using].get_backend()
    identifiers = [f"archive.article.{pk}" for pk in ids]
    if isinstance(backend, BackendExtras):
        backend.remove_many(identifiers)  # one commit for all of them
    else:
        for identifier in identifiers:
            backend.remove(identifier)


@dataclass
class IndexDrift:
    """How the index differs from the database."""

    indexed: int = 0
    stored: int = 0
    missing: list[int] = field(default_factory=list)  # in the database, not the index
    stale: list[int] = field(default_factory=list)  # indexed before their last change
    orphans: list[int] = field(default_factory=list)  # indexed, no longer in the database

    @property
    def found(self) -> bool:
        return bool(self.missing or self.stale or self.orphans)


def indexed_versions(
    using: str = "default", ids: Collection[int] | None = None
) -> Iterator[tuple[int, object]]:
    """``(article pk, updated)`` for every article document in the index, or for
    the articles ``ids`` among them (looked up one by one, not by a full walk)."""
    backend = connections[using].get_backend()
    extras = backend if isinstance(backend, BackendExtras) else None
    if ids is not None and extras is not None:
        identifiers = {f"archive.article.{pk}": pk for pk in ids}
        for identifier, updated in extras.stored_values(identifiers, "updated"):
            yield identifiers[identifier], updated
        return
    if extras is not None:
        article_ct = get_model_ct(Article)
        for ct, pk, updated in extras.indexed_documents("updated"):
            if ct == article_ct:
                yield int(pk), updated
        return
    # Any other backend: page through the index with haystack's public API.
    sqs = SearchQuerySet(using=using).models(Article).order_by("pk")
    for start in range(0, sqs.count(), BATCH_SIZE):
        for hit in sqs[start : start + BATCH_SIZE]:
            if ids is None or int(hit.pk) in ids:
                yield int(hit.pk), getattr(hit, "updated", None)


def index_drift(using: str = "default", ids: Collection[int] | None = None) -> IndexDrift:
    """How the index differs from the database: everywhere, or for the articles ``ids``
    (an ingest run checks only what it touched: a full walk reads every document)."""
    if ids is not None:
        ids = set(ids)
    in_index = dict(indexed_versions(using, ids))
    in_database = {pk: index_timestamp(updated) for pk, updated in _stored_versions(ids)}
    return IndexDrift(
        indexed=len(in_index),
        stored=len(in_database),
        missing=sorted(in_database.keys() - in_index.keys()),
        stale=sorted(
            pk for pk in in_database.keys() & in_index.keys() if in_index[pk] != in_database[pk]
        ),
        orphans=sorted(in_index.keys() - in_database.keys()),
    )


def _stored_versions(ids: set[int] | None) -> Iterator[tuple[int, object]]:
    rows = Article.objects.values_list("pk", "updated")
    if ids is None:
        yield from rows
        return
    ordered = sorted(ids)
    # In chunks: SQLite refuses statements with more than 32,766 parameters.
    for start in range(0, len(ordered), 10_000):
        yield from rows.filter(pk__in=ordered[start : start + 10_000])


def repair(drift: IndexDrift, using: str = "default") -> None:
    """Index the missing and stale articles and drop the orphans, a batch at a time."""
    todo = drift.missing + drift.stale
    for start in range(0, len(todo), BATCH_SIZE):
        update_articles(todo[start : start + BATCH_SIZE], using=using)
    if drift.orphans:
        remove_articles(drift.orphans, using=using)
