"""Finding copies: the LSH keys stored, candidates compared, copies grouped.

``file_copies`` runs in the ingest's transaction for the articles it stores,
``find_all_copies`` over a whole archive (the ``find_copies`` command). Articles
an editor placed (``copy_pinned``) are never moved. Groups themselves are kept
in ``copy_groups``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from archive.copies.compare import WINDOW, is_copy, similarity, within_window
from archive.copies.signatures import copy_keys
from archive.copies.text import shingles, words
from archive.models import Article, CopyGroup, CopyKey
from archive.signals import bulk_write_finished, bulk_write_started

from .bulk import insert_rows
from .copy_groups import announce, refresh_groups

# Candidates compared with one article at most, those sharing the most keys
# first: a formula repeated in thousands of articles must not make each new
# one read them all.
MAX_CANDIDATES = 50
# Keys looked up per query (SQLite allows some thousands of parameters).
_CHUNK = 2000


def file_copies(
    articles: Iterable[Article], *, replace_keys: bool = False, compare: bool = True
) -> set[int]:
    """Store the articles' keys and put each with its copies, in a few queries for
    the lot; the articles whose group changed (announced to the search index).

    ``compare=False`` stores the keys only (the copies are known: ``restore_groups``).
    """
    articles = [article for article in articles if article.pk is not None]
    if not articles:
        return set()
    if replace_keys:
        CopyKey.objects.filter(article__in=articles).delete()
    # Bodies only: outlets give a copy a headline of their own.
    keys = {article.pk: copy_keys(article.body) for article in articles}
    _insert_keys(keys, {article.pk: article.published for article in articles})
    if not compare:
        return set()
    files = _Candidates(keys, [article.published for article in articles])
    changed: set[int] = set()
    touched: set[int] = set()
    for article in articles:
        if article.copy_pinned:
            continue
        if replace_keys and article.copy_group_id is not None:
            touched.add(article.copy_group_id)
            Article.objects.filter(pk=article.pk).update(copy_group=None, updated=timezone.now())
            files.moved({article.pk}, None)
            changed.add(article.pk)
        matches = files.copies_of(article)
        if matches:
            group_id, moved = _join(article, matches, files)
            touched.add(group_id)
            changed |= moved
    changed |= refresh_groups(touched)
    announce(changed)
    return changed


class _Candidates:
    """The stored articles sharing a key with a batch's, read in two queries, and
    the groups they are in as the batch is filed."""

    def __init__(self, keys: dict[int, list[int]], days: list[dt.date | None]) -> None:
        holders: dict[int, list[int]] = {}
        wanted = sorted({key for article_keys in keys.values() for key in article_keys})
        in_window = _near(days)
        for start in range(0, len(wanted), _CHUNK):
            rows = (
                CopyKey.objects.filter(key__in=wanted[start : start + _CHUNK])
                .filter(in_window)
                .values_list("key", "article_id")
            )
            for key, article_id in rows:
                holders.setdefault(key, []).append(article_id)
        self._shared: dict[int, Counter] = {}
        for pk, article_keys in keys.items():
            counts = Counter(other for key in article_keys for other in holders.get(key, ()))
            counts.pop(pk, None)
            self._shared[pk] = counts
        ids = {
            other
            for counts in self._shared.values()
            for other, _count in counts.most_common(MAX_CANDIDATES)
        }
        self._rows = {
            row["pk"]: row
            for row in Article.objects.filter(pk__in=ids).values(
                "pk", "body", "published", "copy_group_id", "copy_pinned"
            )
        }
        self._shingles: dict[int, set[int]] = {}
        # Each group's first and last day: a copy is published within the window
        # of every other copy (a daily formula must not chain into one group).
        groups = {row["copy_group_id"] for row in self._rows.values()} - {None}
        self._spans: dict[int, tuple[dt.date, dt.date]] = {
            group: (first, last)
            for group, first, last in Article.objects.filter(copy_group_id__in=groups)
            .values("copy_group_id")
            .annotate(first=Min("published"), last=Max("published"))
            .values_list("copy_group_id", "first", "last")
            if first is not None
        }

    def moved(
        self, pks: set[int], group_id: int | None, days: Iterable[dt.date | None] = ()
    ) -> None:
        """These articles (published on ``days``) are now in this group, or in none."""
        for pk in pks:
            if pk in self._rows:
                self._rows[pk]["copy_group_id"] = group_id
        dated = [day for day in days if day is not None]
        if group_id is not None and dated:
            first, last = self._spans.get(group_id, (min(dated), max(dated)))
            self._spans[group_id] = (min(first, *dated), max(last, *dated))

    def _fits(self, day: dt.date | None, group_id: int | None) -> bool:
        span = self._spans.get(group_id) if group_id is not None else None
        return span is None or (within_window(day, span[0]) and within_window(day, span[1]))

    def _shingles_of(self, pk: int) -> set[bytes]:
        if pk not in self._shingles:
            row = self._rows[pk]
            self._shingles[pk] = shingles(words(row["body"]))
        return self._shingles[pk]

    def copies_of(self, article: Article) -> list[dict]:
        """The stored articles that are copies of ``article``, best match first."""
        shared = self._shared.get(article.pk)
        if not shared:
            return []
        mine = self._shingles.get(article.pk) or shingles(words(article.body))
        found = []
        for pk, _count in shared.most_common(MAX_CANDIDATES):
            candidate = self._rows.get(pk)
            if candidate is None or not within_window(article.published, candidate["published"]):
                continue
            # An article an editor took out of every group stays alone.
            if candidate["copy_pinned"] and candidate["copy_group_id"] is None:
                continue
            if not self._fits(article.published, candidate["copy_group_id"]):
                continue
            found_similarity = similarity(mine, self._shingles_of(pk))
            if is_copy(found_similarity):
                found.append((found_similarity.contained + found_similarity.jaccard, candidate))
        found.sort(key=lambda item: (-item[0], item[1]["pk"]))
        return [candidate for _score, candidate in found]


def _near(days: list[dt.date | None]) -> Q:
    """Keys of articles that may be copies of a batch published on these days:
    undated, or within the window of the batch's first and last day (an undated
    article in the batch may be anybody's)."""
    if not days or None in days:
        return Q()
    return Q(day__isnull=True) | Q(day__range=(min(days) - WINDOW, max(days) + WINDOW))


def _insert_keys(keys: dict[int, list[int]], days: dict[int, dt.date | None]) -> None:
    # Some thirty rows an article: plain inserts (bulk_create spent most of a
    # batch's copy-finding time building a model instance per row).
    rows = ((pk, key, days[pk]) for pk, article_keys in keys.items() for key in article_keys)
    insert_rows(CopyKey, ("article", "key", "day"), rows)


def _join(article: Article, matches: list[dict], files: _Candidates) -> tuple[int, set[int]]:
    """Put ``article`` in a group with its copies: (the group, the articles moved).

    The best match's group is joined; other groups its copies are in join it
    too, unless an editor arranged one of them (pinned members).
    """
    best = matches[0]
    group_id = best["copy_group_id"]
    if group_id is None:
        group_id = CopyGroup.objects.create().pk
    moved = {article.pk}
    loose = {m["pk"] for m in matches if m["copy_group_id"] is None and not m["copy_pinned"]}
    others = {m["copy_group_id"] for m in matches} - {None, group_id}
    if others:
        arranged = set(
            Article.objects.filter(
                copy_group_id__in=others | {group_id}, copy_pinned=True
            ).values_list("copy_group_id", flat=True)
        )
        merging = set() if group_id in arranged else others - arranged
        if merging:
            moved |= set(
                Article.objects.filter(copy_group_id__in=merging).values_list("pk", flat=True)
            )
    moved |= loose
    Article.objects.filter(pk__in=moved).update(copy_group_id=group_id, updated=timezone.now())
    article.copy_group_id = group_id
    days = [article.published, *(m["published"] for m in matches if m["pk"] in moved)]
    files.moved(moved, group_id, days)
    return group_id, moved


def find_all_copies(
    chunks: Callable[[list[list[int]]], Iterable[list[int]]] = lambda found: found,
    chunk_size: int = 500,
) -> tuple[int, int]:
    """Find the copies in the whole archive again: (groups, articles in them).

    Every article's keys are computed afresh and the groups rebuilt, oldest
    article first; what editors arranged (pinned articles) stays as it is.
    ``chunks`` may wrap the chunks of article keys (a progress bar does).
    """
    bulk_write_started.send(sender=Article)
    try:
        with transaction.atomic():
            CopyKey.objects.all().delete()
            loose = Article.objects.filter(copy_pinned=False, copy_group__isnull=False)
            announce(set(loose.values_list("pk", flat=True)))
            loose.update(copy_group=None, updated=timezone.now())
            CopyGroup.objects.filter(articles__isnull=True).delete()
            ids = list(Article.objects.newest_first().reverse().values_list("pk", flat=True))
        batches = [ids[at : at + chunk_size] for at in range(0, len(ids), chunk_size)]
        for chunk in chunks(batches):
            with transaction.atomic():
                found = Article.objects.filter(pk__in=chunk).only(
                    "pk", "body", "published", "copy_group", "copy_pinned"
                )
                order = {pk: at for at, pk in enumerate(chunk)}
                file_copies(sorted(found, key=lambda article: order[article.pk]))
        with transaction.atomic():
            announce(refresh_groups(CopyGroup.objects.values_list("pk", flat=True)))
    finally:
        bulk_write_finished.send(sender=Article)
    grouped = Article.objects.filter(copy_group__isnull=False).count()
    return CopyGroup.objects.count(), grouped
