"""Index changes after the database commits them, never before.

Haystack's real-time processor writes to the index inside the transaction, so a
rollback leaves the index describing rows that never existed. An index write that
fails is logged and never undoes the stored article; ``update_index`` repairs it.
During a bulk write (an ingest run) committed articles are indexed in batches:
one Whoosh commit per article would cost a fifth of a second each.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from functools import partial

from django.db import transaction
from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.models import ENTITY_KINDS, Article
from archive.signals import articles_changed, bulk_write_finished, bulk_write_started

from .indexing import index_drift, remove_articles, repair, update_articles

BATCH_SIZE = 500
logger = logging.getLogger(__name__)


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self) -> None:
        self._local = threading.local()
        self._connections = [
            (signals.post_save, self.article_saved, Article),
            (signals.post_delete, self.article_deleted, Article),
            (bulk_write_started, self.bulk_started, None),
            (bulk_write_finished, self.bulk_finished, None),
            (articles_changed, self.articles_changed, None),
        ]
        for kind in ENTITY_KINDS.values():
            self._connections += [
                (signals.pre_save, self.entity_saving, kind.model),
                (signals.post_save, self.entity_saved, kind.model),
                (signals.pre_delete, self.entity_deleting, kind.model),
            ]
        for signal, receiver, sender in self._connections:
            signal.connect(receiver, sender=sender)

    def teardown(self) -> None:
        for signal, receiver, sender in self._connections:
            signal.disconnect(receiver, sender=sender)

    # Articles

    def article_saved(self, sender, instance, **kwargs) -> None:
        transaction.on_commit(partial(self._update, [instance.pk]), robust=True)

    def article_deleted(self, sender, instance, **kwargs) -> None:
        transaction.on_commit(partial(remove_articles, [instance.pk]), robust=True)

    def articles_changed(self, sender, ids, **kwargs) -> None:
        transaction.on_commit(partial(self._update, list(ids)), robust=True)

    # Entities: only a new name or slug changes what articles' documents say.

    def entity_saving(self, sender, instance, **kwargs) -> None:
        if instance.pk is None:
            instance._renamed = False
            return
        old = sender.objects.filter(pk=instance.pk).values_list("name", "slug").first()
        instance._renamed = old != (instance.name, instance.slug)

    def entity_saved(self, sender, instance, created, **kwargs) -> None:
        if getattr(instance, "_renamed", False):
            self._update_mentioning(instance)

    def entity_deleting(self, sender, instance, **kwargs) -> None:
        self._update_mentioning(instance)

    def _update_mentioning(self, entity) -> None:
        ids = list(entity.mentions.values_list("article_id", flat=True))
        transaction.on_commit(partial(self._update, ids), robust=True)

    # Batching

    def bulk_started(self, sender, **kwargs) -> None:
        self._local.pending = set()

    def bulk_finished(self, sender, ids=None, **kwargs) -> None:
        """``ids``: the articles the run stored or found unchanged, when it knows them."""
        pending = getattr(self._local, "pending", None)
        self._local.pending = None
        try:
            if pending:
                update_articles(pending)
            # A run killed before its last batch left stored articles unindexed;
            # the next run finds them unchanged, so it levels the index here.
            drift = index_drift(ids=ids)
            if drift.missing or drift.stale:
                repair(replace(drift, orphans=[]))
        except Exception:
            # The articles are stored; `check_index --repair` brings the index level.
            logger.exception("Could not bring the index level after a bulk write")

    def _update(self, ids: list[int]) -> None:
        pending = getattr(self._local, "pending", None)
        if pending is None:
            update_articles(ids)
            return
        pending.update(ids)
        if len(pending) >= BATCH_SIZE:
            update_articles(pending)
            pending.clear()
