"""Expensive reads, remembered until the archive next changes.

The archive has a revision number: one row in the ``archive_revision`` table that
every committed transaction changing the archive's content bumps once (the
receivers in ``archive.signals`` call ``bump_revision_on_commit``). Cached reads are
keyed on that number, so an ingest batch or an edit in the admin shows on every
page at once, and nothing has to know which cached reads a write affects.

The number lives in the database because the cache need not be shared: Django's
default cache is per process, and each web worker learns of another process's
writes (an ingest run, an editor in another worker) by reading the number, one
cheap query per request. A shared cache (Redis, Memcached) works the same.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.functional import cached_property

T = TypeVar("T")
_MISSING = object()
# The revision as this thread's current request first read it.
_request = threading.local()


def current_revision() -> int:
    """The archive's revision number; read once per request (every time outside one)."""
    revision = getattr(_request, "revision", None)
    if revision is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT number FROM archive_revision WHERE id = 1")
            row = cursor.fetchone()
        revision = row[0] if row else 0
        if getattr(_request, "active", False):
            _request.revision = revision
    return revision


def bump_revision() -> None:
    """Count one more change to the archive: every cached read is computed afresh."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE archive_revision SET number = number + 1 WHERE id = 1")
    _request.revision = None


def bump_revision_on_commit() -> None:
    """Bump the revision when the current transaction commits (at once outside one).

    A transaction bumps it once, however many rows it writes. After the commit,
    not before: a reader that sees the new number must also see the new rows.
    """
    if not _bump_pending():
        transaction.on_commit(bump_revision, robust=True)


def _bump_pending() -> bool:
    """Whether this connection's open transaction has changes the revision does not count yet."""
    # Django keeps (savepoint ids, callback, robust) per on_commit callback and drops
    # those of a savepoint rolled back, so this says what the commit will run.
    return connection.in_atomic_block and any(
        entry[1] is bump_revision for entry in connection.run_on_commit
    )


def cached(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, remembered under ``key`` until the archive's next change."""
    if _bump_pending():
        # A transaction reading its own uncommitted writes must not share what it sees.
        return compute()
    key = f"archive:{current_revision()}:{key}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value)
    return value


def cached_for(queryset: QuerySet, what: str, compute: Callable[[], T]) -> T:
    """``compute()``, which reads ``queryset``, remembered until the next change.

    Keyed on the queryset's SQL; ``what`` tells apart things made of one query.
    """
    key = query_key(queryset)
    return compute() if key is None else cached(f"{what}:{key}", compute)


def query_key(queryset: QuerySet) -> str | None:
    """A digest of what ``queryset`` reads, or None when it reads nothing (``pk__in=[]``).

    The SQL and its parameters say exactly what a query reads, so two pages asking
    the same thing share one entry (prefetch_related is not part of it). Compiling
    costs a millisecond or two: a page that caches often is better off with keys
    of its own.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()


class CachedPaginator(Paginator):
    """Pages of a queryset whose count and page contents are remembered until the next change.

    A page is read in two steps, its ids and then those rows: skipping to page
    2,500 of the articles walks ids, not the text of 50,000 articles.
    ``keep_rows``: remember the rows themselves instead, for small rows that are
    costly to compute (entities with their article counts).
    """

    def __init__(self, *args, keep_rows: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.keep_rows = keep_rows

    @cached_property
    def count(self) -> int:
        return self._cached("count", self.object_list.count)

    def page(self, number):
        page = super().page(number)
        rows = page.object_list
        key = f"page:{page.number}:{self.per_page}:{self.orphans}"
        if self.keep_rows:
            page.object_list = self._cached(f"rows-{key}", lambda: list(rows))
            return page
        ids = self._cached(key, lambda: list(rows.values_list("pk", flat=True)))
        found = self.object_list.in_bulk(ids)
        page.object_list = [found[pk] for pk in ids if pk in found]
        return page

    @cached_property
    def _key(self) -> str | None:
        return query_key(self.object_list)

    def _cached(self, what: str, compute: Callable[[], T]) -> T:
        return compute() if self._key is None else cached(f"{what}:{self._key}", compute)


def _request_started(**kwargs) -> None:
    _request.active, _request.revision = True, None


def _request_finished(**kwargs) -> None:
    _request.active, _request.revision = False, None


request_started.connect(_request_started, dispatch_uid="archive.caching.request_started")
request_finished.connect(_request_finished, dispatch_uid="archive.caching.request_finished")
