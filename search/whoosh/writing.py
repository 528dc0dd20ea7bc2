"""Writing the index: each batch into a segment of its own with no lock held,
then joined to the index under its lock."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading

import whoosh.writing
from haystack.constants import ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage

from search.whoosh.patches import INLINE_POSTINGS

# One writer at a time in this process; other processes are waited for through
# Whoosh's own lock file, up to WRITE_LOCK_TIMEOUT seconds.
_write_lock = threading.Lock()
WRITE_LOCK_TIMEOUT = 30.0
BULK_WRITE_LOCK_TIMEOUT = 900.0  # for processes that only index (see reset_sessions)
WRITER_LIMIT_MB = 256


def _remove_abandoned_staging(path: str) -> None:
    """Delete the staging folders of writers killed mid-batch (the index is on
    this machine's disk, so a writer whose process is gone will not be back)."""
    for name in os.listdir(path):
        if not name.startswith(".staged-"):
            continue
        try:
            os.kill(int(name.split("-")[1]), 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(path, name), ignore_errors=True)
        except (ValueError, IndexError, PermissionError):
            pass  # not named by us, or another user's process: leave it


def _codec() -> W3Codec:
    return W3Codec(inlinelimit=INLINE_POSTINGS)


class StagedWriting:
    """Haystack's ``update`` and ``remove`` for a Whoosh backend kept on disk
    (a mixin placed before ``WhooshSearchBackend``; merging is ``_merge_segments``)."""

    def _writer(self):
        # Whoosh fails at once on a locked index unless told to wait. A big memory
        # pool lets a batch of a thousand documents be sorted in one run.
        return self.index.writer(
            timeout=self.write_timeout, limitmb=WRITER_LIMIT_MB, codec=_codec()
        )

    def update(self, index, iterable, commit=True):
        """Index these objects: written into a segment of their own with no lock
        held, then joined to the index under its lock.

        Analysing and writing the words is nearly all the work, so processes
        indexing at once (``update_index --workers``, the ingest's indexers) use
        a core each and wait for each other only to join their segments. Two
        processes updating the same document at once may leave the older
        version; ``check_index`` finds it by its ``updated`` value.
        """
        if not self.setup_complete:
            self.setup()
        docs = {}
        for obj in iterable:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            doc = {key: self._from_python(value) for key, value in doc.items()}
            doc.pop("boost", None)  # Whoosh has no document boosts.
            docs[doc[ID]] = doc  # a second copy in one batch replaces the first
        if not docs:
            return
        with self._staging() as folder:
            staged = self._staged_segment(docs.values(), folder)
            with _write_lock:
                self.index = self.index.refresh()
                writer = self._writer()
                try:
                    # Only documents already in the index have an old version to
                    # delete; a rebuild's are all new.
                    with writer.reader() as reader:
                        indexed = [identifier for identifier in docs if (ID, identifier) in reader]
                    for identifier in indexed:
                        writer.delete_by_term(ID, identifier)
                    self._move_in(staged, folder)
                    writer.segments.append(staged)
                except Exception:
                    writer.cancel()
                    raise
                writer.commit(merge=False)
        self._merge_segments()

    @contextlib.contextmanager
    def _staging(self):
        """A folder beside the index for new segments, removed afterwards.

        Named with a dot, which Whoosh's clean-up after a commit passes over, so
        no other writer's commit deletes a segment there unfinished.
        """
        _remove_abandoned_staging(self.path)
        folder = tempfile.mkdtemp(prefix=f".staged-{os.getpid()}-", dir=self.path)
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _staging_writer(self, folder: str):
        staging = FileStorage(folder).create_index(self.schema, indexname=self.index.indexname)
        return whoosh.writing.SegmentWriter(
            staging, _lk=False, limitmb=WRITER_LIMIT_MB, codec=_codec()
        )

    def _move_in(self, segment, folder: str) -> None:
        for name in os.listdir(folder):
            if name.startswith(segment.segment_id()):
                os.replace(os.path.join(folder, name), os.path.join(self.path, name))

    def _staged_segment(self, docs, folder: str):
        """A new segment of these documents, written in ``folder``, not in the index."""
        writer = self._staging_writer(folder)
        try:
            for doc in docs:
                writer.add_document(**doc)
            segment = writer._finalize_segment()
        except BaseException:
            writer.cancel()
            raise
        writer._finish()
        return segment

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers) -> None:
        """Delete these documents in one commit; raises rather than losing a deletion."""
        if not self.setup_complete:
            self.setup()
        identifiers = list(identifiers)
        if not identifiers:
            return
        with _write_lock:
            self.index = self.index.refresh()
            writer = self._writer()
            try:
                for identifier in identifiers:
                    writer.delete_by_term(ID, identifier)
            except Exception:
                writer.cancel()
                raise
            writer.commit(merge=False)
        self._merge_segments()
