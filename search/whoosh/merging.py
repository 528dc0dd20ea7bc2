"""Merging the index's small segments: with no lock held, by streaming their
postings in order."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator

from whoosh.reading import SegmentReader

from search.whoosh.writing import _write_lock

# Whoosh's own merge policy merges ever larger segments (40,000 documents at
# 100,000), under the index's lock, which every other writer waits for. Here a
# bulk write's batches (BATCH_SIZE in settings, 5,000) stay segments of their
# own: at 100,000 documents, twenty segments search as fast as eight, and a
# rebuild that writes each document once, not twice, runs half as fast again. Small
# segments (a few edits, the end of a run) are merged MERGE_FACTOR at a time, and
# past MAX_SEGMENTS the smallest are, so a growing index keeps its count bounded.
# (See SegmentMerging._merge_segments.)
MERGE_FACTOR = 8
SMALL_SEGMENT_DOCS = 2000
MAX_SEGMENTS = 32


def _segments_to_merge(segments) -> list:
    """The MERGE_FACTOR smallest segments, if all are small (under
    SMALL_SEGMENT_DOCS live documents) or there are more than MAX_SEGMENTS; else none."""
    smallest = sorted(segments, key=lambda segment: segment.doc_count())[:MERGE_FACTOR]
    if len(smallest) < MERGE_FACTOR:
        return []
    if len(segments) > MAX_SEGMENTS or smallest[-1].doc_count() < SMALL_SEGMENT_DOCS:
        return smallest
    return []


def _segment_postings(reader, schema, first: int, renumbered: dict | None) -> Iterator[tuple]:
    """A segment's postings in order, renumbered for a merge: (field, term, new
    document number, weight, value), deleted documents left out.

    Whoosh's ``iter_postings`` looks every term up again in the term table and
    reads its postings one call at a time: most of a merge's time. Here the term
    table is read in order and each posting list a block at a time.
    """
    terms = reader._terms
    for (fieldname, text), terminfo in terms.items():
        if fieldname not in schema or not schema[fieldname].indexed:
            continue  # a field since dropped, or now only stored
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            postings = zip(ids, weights, values or itertools.repeat(None), strict=False)
        else:
            postings = _block_postings(
                terms._codec.postings_reader(terms._postfile, terminfo, schema[fieldname].format)
            )
        for docnum, weight, value in postings:
            if renumbered is None:
                yield (fieldname, text, first + docnum, weight, value)
            elif docnum in renumbered:
                yield (fieldname, text, renumbered[docnum], weight, value)


def _block_postings(matcher) -> Iterator[tuple]:
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        # A spelling field's value bytes can decode to more values than postings;
        # Whoosh reads one per posting, and so does this.
        yield from zip(matcher._ids, matcher._weights, matcher._values, strict=False)
        matcher._next_block()


class SegmentMerging:
    """A mixin of ``StagedWriting``'s backend: merges after each write."""

    def _merge_segments(self) -> None:
        """Merge the index's smallest segments, when ``_segments_to_merge`` says so.

        The merged segment is written with no lock held, by one writer at a time,
        while the others go on indexing; it replaces its parts under the index's
        lock, unless a document was deleted from one of them meanwhile (the next
        write tries again).
        """
        merging = self.index.lock("MERGELOCK")
        if not merging.acquire(blocking=False):
            return  # another writer is merging
        try:
            self.index = self.index.refresh()
            parts = _segments_to_merge(self.index._segments())
            if not parts:
                return
            with self._staging() as folder:
                merged = self._merged_segment(parts, folder)
                with _write_lock:
                    writer = self._writer()
                    deleted = {s.segment_id(): s.deleted_count() for s in writer.segments}
                    if any(deleted.get(s.segment_id()) != s.deleted_count() for s in parts):
                        writer.cancel()
                        return
                    try:
                        self._move_in(merged, folder)
                        gone = {segment.segment_id() for segment in parts}
                        kept = [s for s in writer.segments if s.segment_id() not in gone]
                        writer.segments = [*kept, merged]
                    except Exception:
                        writer.cancel()
                        raise
                    writer.commit(merge=False)
        finally:
            merging.release()

    def _merged_segment(self, segments, folder: str):
        """One new segment of these segments' live documents, written in ``folder``.

        Whoosh merges by pooling every posting and sorting them all again. Each
        segment's postings are in order already, so here they are merged as
        they stream in: the same segment, with no sort and no temporary files.
        """
        writer = self._staging_writer(folder)
        readers = [SegmentReader(self.storage, self.schema, segment) for segment in segments]
        try:
            streams = []
            for reader in readers:
                indexed = {name for name in reader.indexed_field_names() if name in self.schema}
                first = writer.docnum
                renumbered = writer.write_per_doc(set(self.schema.names()) | indexed, reader)
                streams.append(_segment_postings(reader, self.schema, first, renumbered))
            writer.perdocwriter.close()
            lengths = writer.per_document_reader()
            try:
                writer.fieldwriter.add_postings(self.schema, lengths, heapq.merge(*streams))
            finally:
                lengths.close()
            writer._added = True
            writer._close_segment()
            writer._assemble_segment()
            segment = writer.get_segment()
        except BaseException:
            writer.cancel()
            raise
        finally:
            for reader in readers:
                reader.close()
        writer._finish()
        return segment
