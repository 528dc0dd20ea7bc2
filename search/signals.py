"""Index changes after the database commits them, never before.

Haystack's real-time processor writes to the index inside the transaction, so a
rollback leaves the index describing rows that never existed. An index write that
fails is logged and never undoes the stored article; ``update_index`` repairs it.
During a bulk write (an ingest run) committed articles are indexed in batches:
one Whoosh commit per article would cost a fifth of a second each.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from dataclasses import replace
from functools import partial
from queue import Empty

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import signals
from haystack import connections as haystack_connections
from haystack.signals import BaseSignalProcessor

from archive.models import (
    ENTITY_KINDS,
    Article,
    Interaction,
    InteractionParticipant,
    InteractionSource,
)
from archive.signals import articles_changed, bulk_write_finished, bulk_write_started

from .indexing import index_drift, remove_articles, repair, update_articles

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
            # Editors' changes to encounters (ingest writes them in bulk, unsignalled):
            # the articles reporting them carry their people in the "met" facet.
            (signals.post_save, self.encounter_changed, Interaction),
            (signals.pre_delete, self.encounter_changed, Interaction),
            (signals.post_save, self.participant_changed, InteractionParticipant),
            (signals.post_delete, self.participant_changed, InteractionParticipant),
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

    # Encounters

    def encounter_changed(self, sender, instance, **kwargs) -> None:
        self._update_reporting(instance.pk)

    def participant_changed(self, sender, instance, **kwargs) -> None:
        self._update_reporting(instance.interaction_id)

    def _update_reporting(self, interaction_id: int) -> None:
        ids = list(
            InteractionSource.objects.filter(interaction_id=interaction_id).values_list(
                "article_id", flat=True
            )
        )
        if ids:
            transaction.on_commit(partial(self._update, ids), robust=True)

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
        ids = list(entity.mentions.order_by().values_list("article_id", flat=True))
        transaction.on_commit(partial(self._update, ids), robust=True)

    # Batching

    def bulk_started(self, sender, **kwargs) -> None:
        self._local.pending = set()
        self._local.indexer = None
        # Inside a transaction (a test case, a caller's atomic block) the batches
        # stay in this process: a child could not see the uncommitted rows.
        if settings.SEARCH_INDEX_IN_BACKGROUND and not connection.in_atomic_block:
            self._local.indexer = BackgroundIndexer()

    def bulk_finished(self, sender, ids=None, **kwargs) -> None:
        """``ids``: the articles the run stored or found unchanged, when it knows them."""
        pending = getattr(self._local, "pending", None)
        indexer = getattr(self._local, "indexer", None)
        self._local.pending = self._local.indexer = None
        try:
            if indexer is not None:
                if pending:
                    indexer.submit(pending)
                indexer.finish()
            elif pending:
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
        # A segment per batch, as large as update_index's: each segment costs per
        # distinct word in it, and small ones are merged, writing them twice.
        if len(pending) >= haystack_connections["default"].get_backend().batch_size:
            indexer = getattr(self._local, "indexer", None)
            if indexer is not None:
                indexer.submit(pending)
            else:
                update_articles(pending)
            pending.clear()


class BackgroundIndexer:
    """Child processes that index the batches a bulk write commits, so that
    storing the next batch and indexing this one use every core.

    Each child writes its batches into segments of their own and waits for the
    others only to join them to the index (see ``ArchiveWhooshBackend.update``).
    If a child fails or dies, the end-of-run drift check in the parent indexes
    whatever it left out.
    """

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        count = max(1, settings.SEARCH_INDEX_PROCESSES)
        # A few batches in hand at most: a slow index makes the writer wait.
        self.queue = context.Queue(maxsize=2 * count)
        # The children open their own database connections; they must not share ours.
        connections.close_all()
        self.processes = [
            context.Process(target=_index_batches, args=(self.queue, os.getpid()), daemon=True)
            for _ in range(count)
        ]
        for process in self.processes:
            process.start()

    def submit(self, ids) -> None:
        if any(process.is_alive() for process in self.processes):
            self.queue.put(sorted(ids))

    def finish(self) -> None:
        for process in self.processes:
            if process.is_alive():
                self.queue.put(None)  # one each: a child stops at the first it takes
        for process in self.processes:
            process.join()
            if process.exitcode:
                logger.error("A background indexer exited with status %s", process.exitcode)


def _index_batches(queue, parent: int) -> None:
    """The background indexer's loop: index each batch of ids until told to stop."""
    haystack_connections["default"].reset_sessions()  # a process that only indexes
    while True:
        try:
            ids = queue.get(timeout=1.0)
        except Empty:
            if os.getppid() != parent:
                return  # the ingest was killed; its next run levels the index
            continue
        if ids is None:
            return
        try:
            update_articles(ids)
        except Exception as error:
            # A concurrent ingest may have changed these articles' rows under the
            # read (merged an entity, relinked an article): read them once more.
            logger.warning("Indexing %d articles again after %r", len(ids), error)
            try:
                update_articles(ids)
            except Exception:
                logger.exception("Could not index %d articles; the end-of-run check will", len(ids))
