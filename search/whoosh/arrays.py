"""Facet counts, filters and sorting from per-segment NumPy arrays."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh import query as wq

# Whoosh counts facets and sorts by visiting every matching document in Python:
# about half a second a search at 100,000 articles. The values of each facet and
# sort field are read once per segment into NumPy arrays (segments never change
# once written, only their deletions do), joined once per index generation, and
# each search then counts and sorts with a few vectorised operations.


class _Segment:
    """One segment's facet values and sort keys, read lazily and kept for its life."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.values: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        self.keys: dict[str, np.ndarray] = {}

    def facet(self, reader, field: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(document of each entry, value number of each entry, the values)."""
        with self.lock:
            if field not in self.values:
                docs, numbers, names = [], [], []
                for number, value in enumerate(reader.field_terms(field)):
                    ids = np.fromiter(reader.postings(field, value).all_ids(), dtype=np.int32)
                    docs.append(ids)
                    numbers.append(np.full(len(ids), number, dtype=np.int32))
                    names.append(value)
                self.values[field] = (
                    np.concatenate(docs) if docs else np.empty(0, np.int32),
                    np.concatenate(numbers) if numbers else np.empty(0, np.int32),
                    names,
                )
            return self.values[field]

    def sort_key(self, reader, field: str) -> np.ndarray:
        """Each document's value of a sortable field, as Whoosh itself sorts it."""
        with self.lock:
            if field not in self.keys:
                column = reader.column_reader(field, translate=False)
                size = reader.doc_count_all()
                self.keys[field] = np.fromiter(
                    (int(value or 0) for value in column), dtype=np.uint64, count=size
                )
            return self.keys[field]


class _Table:
    """The arrays of one index generation: its segments end to end."""

    MAX_FILTERS = 256

    def __init__(self, leaves: list[tuple[object, int]], segments: list[_Segment]) -> None:
        # Readers close with their searcher: the table keeps only what they said.
        self.offsets = [offset for _reader, offset in leaves]
        self.segments = segments
        self.size = sum(reader.doc_count_all() for reader, _offset in leaves)
        self.live = np.ones(self.size, dtype=bool)
        for reader, offset in leaves:
            deleted = [offset + docnum for docnum in reader.deleted_docs_set]
            self.live[deleted] = False
        self.lock = threading.Lock()
        self._facets: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        self._keys: dict[str | tuple[str, str], np.ndarray] = {}
        self._filters: OrderedDict[str, np.ndarray] = OrderedDict()

    def mask(self, docnums) -> np.ndarray:
        found = np.zeros(self.size, dtype=bool)
        found[np.fromiter(docnums, dtype=np.int64)] = True
        return found

    def filter_mask(self, searcher, query) -> np.ndarray | None:
        """Documents the filter query lets through (None: no filter), kept for reuse:
        the same facet choices and date ranges come back again and again."""
        if query is None:
            return None
        key = repr(query)
        with self.lock:
            cached = self._filters.get(key)
            if cached is not None:
                self._filters.move_to_end(key)
                return cached.copy()
        found = self.mask(searcher.docs_for_query(query))
        with self.lock:
            self._filters[key] = found
            while len(self._filters) > self.MAX_FILTERS:
                self._filters.popitem(last=False)
        return found.copy()

    def _facet(self, searcher, field: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        with self.lock:
            if field not in self._facets:
                numbering: dict[str, int] = {}
                docs, numbers = [], []
                readers = [reader for reader, _offset in _leaves(searcher)]
                for reader, offset, segment in zip(
                    readers, self.offsets, self.segments, strict=True
                ):
                    seg_docs, seg_numbers, names = segment.facet(reader, field)
                    renumber = np.array(
                        [numbering.setdefault(name, len(numbering)) for name in names],
                        dtype=np.int32,
                    )
                    docs.append(seg_docs.astype(np.int64) + offset)
                    numbers.append(renumber[seg_numbers] if len(names) else seg_numbers)
                # Renumber values in name order, so that a stable sort by count
                # breaks ties by name.
                names = sorted(numbering)
                rank = np.empty(len(names), dtype=np.int32)
                rank[[numbering[name] for name in names]] = np.arange(len(names), dtype=np.int32)
                joined = np.concatenate(numbers) if numbers else np.empty(0, np.int32)
                self._facets[field] = (
                    np.concatenate(docs) if docs else np.empty(0, np.int64),
                    rank[joined] if len(names) else joined,
                    names,
                )
            return self._facets[field]

    def counts(
        self, searcher, field: str, matched: np.ndarray, limit: int | None = None
    ) -> list[tuple[str, int]]:
        """(value, number of matched documents) for the values they have, most first
        (ties by value), the first ``limit`` of them if given."""
        docs, numbers, names = self._facet(searcher, field)
        counted = np.bincount(numbers[matched[docs]], minlength=len(names))
        present = np.flatnonzero(counted)
        order = present[np.argsort(-counted[present], kind="stable")][:limit]
        return [(names[n], int(counted[n])) for n in order.tolist()]

    def first_of_each(
        self, searcher, field: str, docs: np.ndarray, scores: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ranking with only the first document of each value of ``field``
        (documents without one all kept)."""
        codes = self._codes(searcher, field)[docs]
        keep = codes < 0
        _values, first = np.unique(codes, return_index=True)
        keep[first] = True
        return docs[keep], scores[keep]

    def _codes(self, searcher, field: str) -> np.ndarray:
        """Each document's value number of a single-valued field, -1 for none."""
        with self.lock:
            cached = self._keys.get(("codes", field))
        if cached is None:
            docs, numbers, _names = self._facet(searcher, field)
            cached = np.full(self.size, -1, dtype=np.int64)
            cached[docs] = numbers
            with self.lock:
                self._keys[("codes", field)] = cached
        return cached

    def _key(self, searcher, field: str) -> np.ndarray:
        with self.lock:
            if field not in self._keys:
                readers = [reader for reader, _offset in _leaves(searcher)]
                parts = [
                    segment.sort_key(reader, field)
                    for reader, segment in zip(readers, self.segments, strict=True)
                ]
                self._keys[field] = np.concatenate(parts) if parts else np.empty(0, np.uint64)
            return self._keys[field]

    def sorted(self, searcher, matched: np.ndarray, fields: list[str], reverse: bool) -> np.ndarray:
        """The matched documents ordered by the fields, ties by document number,
        the whole order reversed for ``reverse`` (as Whoosh orders them)."""
        docnums = np.flatnonzero(matched)
        keys = [self._key(searcher, field)[docnums] for field in reversed(fields)]
        order = np.lexsort((docnums, *keys))
        if reverse:
            order = order[::-1]
        return docnums[order]


_segments: dict[tuple[str, str], _Segment] = {}
_tables: dict[str, tuple[tuple, _Table]] = {}
_tables_lock = threading.Lock()


def _leaves(searcher) -> list[tuple[object, int]]:
    """(segment reader, first document number) of each segment searched."""
    # An index with no segment yet has an empty reader and nothing to read.
    return [leaf for leaf in searcher.reader().leaf_readers() if leaf[0].segment() is not None]


def _table_for(path: str, searcher) -> _Table:
    """The arrays of the searcher's index generation, built on first use."""
    leaves = _leaves(searcher)
    identity = tuple(
        (reader.segment().segment_id(), len(reader.deleted_docs_set)) for reader, _ in leaves
    )
    with _tables_lock:
        cached = _tables.get(path)
        if cached is not None and cached[0] == identity:
            return cached[1]
        current = {(path, segment_id) for segment_id, _deleted in identity}
        for key in [key for key in _segments if key[0] == path and key not in current]:
            del _segments[key]  # merged away
        segments = [
            _segments.setdefault((path, reader.segment().segment_id()), _Segment())
            for reader, _offset in leaves
        ]
        table = _Table(leaves, segments)
        _tables[path] = (identity, table)
        return table


def _split_ranges(query) -> tuple[object | None, list]:
    """(the scored part of the query or None for every document, its numeric ranges)."""
    parts = list(query.children()) if isinstance(query, wq.And) else [query]
    ranges = [part for part in parts if isinstance(part, wq.NumericRange)]
    rest = [part for part in parts if not isinstance(part, wq.NumericRange | wq.Every)]
    if not ranges and not isinstance(query, wq.Every):
        return query, []
    if not rest:
        return None, ranges
    return (rest[0] if len(rest) == 1 else wq.And(rest)), ranges
