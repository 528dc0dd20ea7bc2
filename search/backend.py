"""Everything Whoosh-specific lives here: haystack's Whoosh backend, corrected.

The rest of the code talks to haystack's public API only, so moving to
Elasticsearch is a change of ``HAYSTACK_CONNECTIONS`` and nothing else.

What this module fixes in django-haystack 3.4's Whoosh backend:

- segments are read without memory-mapping (a worker copied gigabytes otherwise);
- facet fields are indexed whole, not through the stemming analyzer, and once:
  the field each facet is made from is only stored;
- ``narrow()`` filters are applied as an unscored Whoosh filter in the same search,
  not as one extra full scored search each;
- any slice of results is right, not only slices that start on a page boundary
  (haystack #1664, #694);
- a spelling suggestion is made when nothing is found (#644), word by word, and
  only for words the index does not know;
- highlighting returns several escaped fragments, for the query's positive terms;
- index writers wait for the lock (one at a time per process, with a timeout
  across processes) and fail loudly instead of dropping a deletion;
- text is analysed for indexing in one pass, not four chained generators, and
  field lengths are read once per segment, not once per posting (same index,
  a fifth less CPU per document);
- each batch is written into a segment of its own before the index's lock is
  taken, so several processes index at once, a core each; short posting lists
  are kept in their terms' entries (an option of Whoosh's that was broken);
- a bulk write's batches stay segments of their own; small segments (and the
  smallest, past a maximum count) are merged eight at a time, with no lock held,
  by streaming their postings in order rather than pooling and sorting them again;
- segment names come from a private random generator, so ``random.seed()``
  elsewhere cannot make two writers pick the same name.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import os
import random
import re
import shutil
import sys
import tempfile
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import whoosh.codec.base
import whoosh.codec.whoosh3
import whoosh.filedb.filestore
import whoosh.matching
import whoosh.writing
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections as db_connections
from django.utils.encoding import force_str
from haystack import connections
from haystack.backends import log_query
from haystack.backends.whoosh_backend import (
    WhooshEngine,
    WhooshHtmlFormatter,
    WhooshSearchBackend,
    WhooshSearchQuery,
)
from haystack.constants import DEFAULT_ALIAS, DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.fields import CharField, FacetField
from haystack.models import SearchResult
from haystack.utils import get_identifier
from haystack.utils.app_loading import haystack_get_model
from whoosh import index
from whoosh import query as wq
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer, Token
from whoosh.classify import Bo1Model
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher, _lenfield
from whoosh.collectors import TopCollector
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, NUMERIC, STORED, TEXT
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.highlight import (
    SCORE,
    BasicFragmentScorer,
    ContextFragmenter,
    set_matched_filter,
    top_fragments,
)
from whoosh.lang.porter import stem as porter_stem
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F
from whoosh.util import IDCHARS
from whoosh.util.numeric import byte_to_length

# Whoosh draws segment and temp-file names from the global `random` module; a
# `random.seed()` anywhere in the process would make two writers pick the same
# name. A private, OS-seeded generator cannot be reseeded by anyone else.
_names = random.SystemRandom()


def _private_random_name(size: int = 28) -> str:
    return "".join(_names.choice(IDCHARS) for _ in range(size))


for _module in (whoosh.codec.base, whoosh.filedb.filestore, whoosh.writing):
    _module.random_name = _private_random_name


def _cached_lengths_reader(self, fieldname, column):
    # Whoosh caches a field's lengths column only when the field has one, so for
    # every posting of a field without (facets, ids) it asks the file system
    # again: a tenth of the indexing time. The answer never changes for a segment.
    if fieldname not in self._readers:
        has = self.has_column(fieldname)
        self._readers[fieldname] = self.column_reader(fieldname, column) if has else None
    return self._readers[fieldname]


def _length_bytes(perdoc, fieldname: str) -> bytes | None:
    """A segment's field length of each document, one byte each, as Whoosh stores them."""
    key = ("lengths", fieldname)
    if key not in perdoc._readers:
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        perdoc._readers[key] = column and column._dbfile.get(column._basepos, column._count)
    return perdoc._readers[key]


def _doc_field_length(self, docnum, fieldname, default=0):
    # Whoosh reads a document's field length from the file once per posting
    # while writing a segment, and once per matched document while scoring.
    # One read of the whole column per segment reader serves them all.
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    lengths = _length_bytes(self, fieldname)
    if lengths is None:
        return default
    if docnum < len(lengths) and lengths[docnum]:
        return byte_to_length(lengths[docnum])
    return None  # what Whoosh answers for a zero length byte


whoosh.codec.whoosh3.W3PerDocReader._cached_reader = _cached_lengths_reader
whoosh.codec.whoosh3.W3PerDocReader.doc_field_length = _doc_field_length

# Whoosh can keep a short posting list inside its term's entry instead of a
# block of its own in the postings file: most words of a segment occur in a few
# documents only, and writing a block each was a fifth of the indexing time.
# Whoosh-Reloaded's posting writer calls `set_inline`, but its term info names
# the method `set_inlined`, so the option fails unless given this alias.
whoosh.codec.whoosh3.W3TermInfo.set_inline = whoosh.codec.whoosh3.W3TermInfo.set_inlined
INLINE_POSTINGS = 16  # posting lists shorter than this are kept in the term's entry
_list_value = whoosh.matching.ListMatcher.value


def _inlined_value(self):
    # An inlined posting without a value must read back as one from a block does,
    # None: Whoosh's list matcher gives "", which a merge refuses as not bytes.
    value = _list_value(self)
    return None if value == "" else value


whoosh.matching.ListMatcher.value = _inlined_value


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


# Whoosh's own merge policy merges ever larger segments (40,000 documents at
# 100,000), under the index's lock, which every other writer waits for. Here a
# bulk write's batches (BATCH_SIZE in settings, 5,000) stay segments of their
# own: at 100,000 documents, twenty segments search as fast as eight, and a
# rebuild that writes each document once, not twice, runs half as fast again. Small
# segments (a few edits, the end of a run) are merged MERGE_FACTOR at a time, and
# past MAX_SEGMENTS the smallest are, so a growing index keeps its count bounded.
# (See ArchiveWhooshBackend._merge_segments.)
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


def _codec() -> W3Codec:
    return W3Codec(inlinelimit=INLINE_POSTINGS)


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return porter_stem(word)


class _StemmedPositions(Positions):
    """Whoosh's Positions format, with a StemmingAnalyzer's words found in one loop.

    The analyzer is four chained generators passing a token object per word: a
    third of the indexing time. For indexing with the standard StemmingAnalyzer,
    this yields the same postings (tests compare the two on real and random
    texts); any other analyzer, and queries, take Whoosh's own path.
    """

    def word_values(self, value, analyzer, **kwargs):
        if kwargs.get("mode") != "index" or not isinstance(value, str) or analyzer != _STEMMING:
            return super().word_values(value, analyzer, **kwargs)
        positions = defaultdict(list)
        pos = None
        for number, match in enumerate(_WORD.finditer(value)):
            word = match.group().lower()
            if len(word) < _MIN_WORD or word in _STOP_WORDS:
                continue
            # Stop words leave no gap: positions count the words kept.
            pos = number if pos is None else pos + 1
            positions[_stem(word)].append(pos)
        boost = self.field_boost
        return [(w, len(p), len(p) * boost, self.encode(p)) for w, p in positions.items()]


_STEMMING = StemmingAnalyzer()
_WORD = _STEMMING.items[0].expression
_MIN_WORD = _STEMMING.items[2].min
_STOP_WORDS = _STEMMING.items[2].stops


def _marked_tokens(text: str, terms: frozenset[str]) -> Iterator[Token]:
    """The standard StemmingAnalyzer's tokens of ``text`` for highlighting, in one
    loop: with character offsets, stop words kept (unstemmed, marked stopped), and
    each marked matched when it is one of ``terms``. Whoosh's analyzer chain and
    ``set_matched_filter`` give the same tokens (tests compare them) through five
    generators: highlighting an article took half as long again that way."""
    token = Token(chars=True, removestops=False, mode="query")
    for match in _WORD.finditer(text):
        word = match.group().lower()
        token.stopped = len(word) < _MIN_WORD or word in _STOP_WORDS
        if not token.stopped:
            word = _stem(word)
        token.text = word
        token.startchar, token.endchar = match.span()
        token.matched = word in terms
        yield token


def _stemmed_text(**options) -> TEXT:
    """A TEXT field analysed like haystack's, indexed through the fast path."""
    field = TEXT(analyzer=StemmingAnalyzer(), **options)
    field.format = _StemmedPositions(field_boost=field.format.field_boost)
    return field


# One writer at a time in this process; other processes are waited for through
# Whoosh's own lock file, up to WRITE_LOCK_TIMEOUT seconds.
_write_lock = threading.Lock()
WRITE_LOCK_TIMEOUT = 30.0
BULK_WRITE_LOCK_TIMEOUT = 900.0  # for processes that only index (see reset_sessions)
WRITER_LIMIT_MB = 256
SNIPPET_FRAGMENTS = 3
SNIPPET_CHARS = 240
# How much of a long article is read for its snippets, from the first match on.
HIGHLIGHT_WINDOW = 6000
MLT_TERMS = 12  # how many of an article's key terms "more like this" looks for
# Memory for the decoded postings of recently searched words (per process).
POSTINGS_CACHE_MB = 64
# Lowercased words, stop words kept: what the speller looks at.
_SPELLING_WORDS = RegexTokenizer() | LowercaseFilter()


def _facet_twins(fields) -> list[str]:
    """The index names of the fields that a faceted field's FacetField was made from."""
    sources = {f.facet_for for f in fields.values() if isinstance(f, FacetField) and f.facet_for}
    return [
        field.index_fieldname
        for name, field in fields.items()
        if not isinstance(field, FacetField) and (field.instance_name or name) in sources
    ]


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        if not self.use_file_storage:
            # Batches are written into segments beside the index before joining it.
            raise ImproperlyConfigured(
                f"search connection {connection_alias!r}: the archive's Whoosh backend "
                "keeps its index on disk; remove STORAGE or set it to 'file'"
            )
        self.write_timeout = connection_options.get("WRITE_LOCK_TIMEOUT", WRITE_LOCK_TIMEOUT)
        # The stored field snippets are cut from (the document itself if it is stored).
        self.highlight_field = connection_options.get("HIGHLIGHT_FIELD")
        # Fields whose words "Did you mean" suggests (titles and entity names).
        self.spelling_fields = tuple(connection_options.get("SPELLING_FIELDS", ()))

    def setup(self) -> None:
        if getattr(self, "_open", None) and self._open[1][0] == os.getpid():
            self._open[0].close()
        self._open = None  # the searcher kept between searches, with its index's identity
        super().setup()
        # Memory-mapping the segments and then copying them costs a worker
        # gigabytes at scale; plain reads are as fast here.
        self.storage = FileStorage(self.path, supports_mmap=False)
        try:
            self.index = self.storage.open_index(schema=self.schema)
        except index.EmptyIndexError:
            self.index = self.storage.create_index(self.schema)

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if isinstance(field_class, FacetField):
                # Haystack indexes facet fields with the stemming text analyzer,
                # which splits "saudi-arabia" into words. Facet values stay whole.
                schema.remove(name)
                if field_class.is_multivalued:
                    schema.add(name, KEYWORD(stored=True, commas=True, scorable=False))
                else:
                    schema.add(name, WHOOSH_ID(stored=True))
            elif field_class.document:
                # Haystack always stores the document; ours is searched, never shown.
                # Its words are not kept for spelling: that second, unstemmed copy
                # of every word halved the indexing rate (see SPELLING_FIELDS).
                schema.remove(name)
                schema.add(name, _stemmed_text(stored=field_class.stored))
            elif name in self.spelling_fields:
                schema.remove(name)
                schema.add(
                    name,
                    _stemmed_text(
                        stored=field_class.stored, field_boost=field_class.boost, spelling=True
                    ),
                )
            elif type(field_class) is CharField and not field_class.indexed:
                schema.remove(name)
                schema.add(name, STORED())
            elif type(field_class) is CharField and not field_class.stored:
                # Search-only text (entity names): analysed like the document,
                # but neither stored nor sortable, which would only cost space.
                schema.remove(name)
                schema.add(name, _stemmed_text(field_boost=field_class.boost))
            elif field_class.field_type == "integer":
                schema.remove(name)
                schema.add(name, NUMERIC(int, stored=field_class.stored, sortable=True))
        for name in _facet_twins(fields):
            # Searches filter and count on a facet's own field (``person_exact``);
            # its twin (``person``) holds the same values and is only read back
            # from a hit. Indexing it as well cost a tenth of the indexing time.
            schema.remove(name)
            schema.add(name, STORED())
        return content_field_name, schema

    def _searcher(self):
        """A searcher of the index as it is now, kept open from one search to the next.

        Opening one reads every segment's term index: a good part of a search at
        100,000 articles. Haystack gives each thread its own backend, so each
        thread keeps its own. A new one is opened when the index's table of
        contents changes (a commit, or a clear) or in a forked child, which must
        not share file offsets with its parent.
        """
        identity = (os.getpid(), *self._toc_identity())
        if self._open is not None:
            searcher, opened_for = self._open
            if opened_for == identity:
                return searcher
            if opened_for[0] == identity[0]:
                searcher.close()
        self.index = self.index.refresh()
        searcher = self.index.searcher()
        self._open = (searcher, identity)
        return searcher

    def _toc_identity(self) -> tuple:
        generation = self.index.latest_generation()
        try:
            toc = os.stat(os.path.join(self.path, f"_{self.index.indexname}_{generation}.toc"))
        except (OSError, TypeError):
            return (generation, None)  # in memory, or a writer is just replacing it
        # A cleared and rebuilt index can reach the same generation again.
        return (generation, toc.st_ino, toc.st_mtime_ns)

    # Writing

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

    def indexed_documents(self, fieldname: str) -> Iterator[tuple[str, str, object]]:
        """``(django_ct, django_id, value of fieldname)`` for every indexed document."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        with self.index.searcher() as searcher:
            for fields in searcher.reader().all_stored_fields():
                yield fields[DJANGO_CT], fields[DJANGO_ID], fields.get(fieldname)

    def stored_values(self, identifiers, fieldname: str) -> Iterator[tuple[str, object]]:
        """``(identifier, value of fieldname)`` for those of these documents in the index."""
        if not self.setup_complete:
            self.setup()
        self.index = self.index.refresh()
        with self.index.searcher() as searcher:
            for identifier in identifiers:
                docnum = searcher.document_number(**{ID: identifier})
                if docnum is not None:
                    yield identifier, searcher.stored_fields(docnum).get(fieldname)

    # Searching

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        best_match=None,
        **kwargs,
    ):
        if date_facets or query_facets:
            # Haystack's Whoosh date facets run one range query per bucket; we
            # facet on stored year/month values instead.
            raise SearchBackendError("Use field facets (year, month) with this backend.")
        if not self.setup_complete:
            self.setup()
        query_string = force_str(query_string or "")
        empty = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}
        if not query_string:
            return empty

        sortedby, reverse = self._sort_fields(sort_by)
        facet_names = list(facets or [])
        searcher = self._searcher()
        parsed = self._parse(query_string)
        if parsed is None or parsed is wq.NullQuery:
            # Only stop words: nothing to look for.
            empty["spelling_suggestion"] = self._suggest(searcher, spelling_query)
            return empty
        start = max(start_offset or 0, 0)
        end = end_offset if end_offset is not None else None
        if end is not None and end <= start:
            end = start + 1
        table = _table_for(self.path, searcher)
        # Date ranges (haystack puts them into the query) are unscored filters
        # like the narrow queries: both are kept as cached document masks.
        scored, ranges = _split_ranges(parsed)
        filters = [self._filter(narrow_queries, models, limit_to_registered_models), *ranges]
        allowed = None
        for query in filters:
            mask = table.filter_mask(searcher, query)
            if mask is not None:
                allowed = mask if allowed is None else allowed & mask
        page = None
        rule = BestMatch(**best_match) if best_match else None
        if scored is None:
            matched = table.live if allowed is None else allowed
        elif rule is not None and (
            found := _best_matches(
                searcher,
                scored,
                rule,
                self.content_field_name,
                table.live if allowed is None else allowed,
                rescore=not sortedby,
            )
        ):
            docs, scores = found
            matched = np.zeros(table.size, dtype=bool)
            matched[docs] = True
            if not sortedby:
                best = np.lexsort((docs, -scores))[start:end]
                page = list(zip(docs[best].tolist(), scores[best].tolist(), strict=True))
        elif sortedby:
            matched = table.mask(searcher.docs_for_query(scored))
            if allowed is not None:
                matched &= allowed
        elif (vector := _scored_matches(searcher, scored)) is not None:
            docs, scores = vector
            keep = table.live[docs] if allowed is None else allowed[docs]
            docs, scores = docs[keep], scores[keep]
            matched = np.zeros(table.size, dtype=bool)
            matched[docs] = True
            # Best first; equal scores in document order, as Whoosh ranks them.
            best = np.lexsort((docs, -scores))[start:end]
            page = list(zip(docs[best].tolist(), scores[best].tolist(), strict=True))
        else:
            # One pass over the matches scores the page and notes every match
            # for the facets: a phrase decodes its positions once, not twice.
            collector = _PageCollector(end, allowed)
            searcher.search_with_collector(scored, collector)
            matched = table.mask(collector.matched)
            raw = collector.results()
            page = [(raw.docnum(n), raw.score(n)) for n in range(start, raw.scored_length())]
        hits = int(np.count_nonzero(matched))
        if sortedby:
            ordered = table.sorted(searcher, matched, sortedby, reverse)
            page = [(docnum, 0.0) for docnum in ordered[start:end].tolist()]
        elif page is None:
            page = [(int(docnum), 0.0) for docnum in np.flatnonzero(matched)[start:end]]
        terms = _positive_terms(parsed) if highlight else None
        unified_index = connections[self.connection_alias].get_unified_index()
        results = [
            result
            for docnum, score in page
            if (
                result := self._result(
                    searcher.stored_fields(docnum), score, unified_index, result_class, terms
                )
            )
            is not None
        ]
        facet_counts = {"fields": {}, "dates": {}, "queries": {}}
        for name in facet_names:
            # haystack passes each facet's options: `limit` keeps the top values.
            limit = (facets[name] or {}).get("limit") if isinstance(facets, dict) else None
            facet_counts["fields"][name] = table.counts(searcher, name, matched, limit)
        suggestion = None
        if self.include_spelling and spelling_query:
            # Only for the user's own words: the query string also holds dates.
            suggestion = self._suggest(searcher, spelling_query)
        return {
            "results": results,
            "hits": hits,
            "facets": facet_counts if facet_names else {},
            "spelling_suggestion": suggestion,
        }

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        """Documents sharing the most telling terms of this one's stored text.

        Haystack's version needs the document stored and runs every narrow
        query as a full search; this one reads the stored snippet text and
        filters in the same search.
        """
        if not self.setup_complete:
            self.setup()
        narrow = [additional_query_string] if additional_query_string not in (None, "*") else []
        searcher = self._searcher()
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        stored = searcher.stored_fields(docnum)
        text = stored.get(self.highlight_field or self.content_field_name) or ""
        # Whoosh's own more_like(): an OR of the key terms, each boosted by its
        # weight; scored here like any other query of words.
        key_terms = searcher.key_terms_from_text(
            self.content_field_name, text, numterms=MLT_TERMS, model=Bo1Model, normalize=False
        )
        query = wq.Or([wq.Term(self.content_field_name, w, boost=b) for w, b in key_terms])
        table = _table_for(self.path, searcher)
        docs, scores = _scored_matches(searcher, query) or _NOTHING
        keep = table.live[docs] & (docs != docnum)
        allowed = table.filter_mask(
            searcher, self._filter(narrow, models, limit_to_registered_models)
        )
        if allowed is not None:
            keep &= allowed[docs]
        docs, scores = docs[keep], scores[keep]
        best = np.lexsort((docs, -scores))[start_offset or 0 : end_offset or 10]
        unified_index = connections[self.connection_alias].get_unified_index()
        results = [
            result
            for number in best.tolist()
            if (
                result := self._result(
                    searcher.stored_fields(int(docs[number])),
                    float(scores[number]),
                    unified_index,
                    result_class,
                    None,
                )
            )
            is not None
        ]
        return {"results": results, "hits": len(docs)}

    @staticmethod
    def _sort_fields(sort_by) -> tuple[list[str], bool]:
        if not sort_by:
            return [], False
        descending = {field.startswith("-") for field in sort_by}
        if len(descending) > 1:
            raise SearchBackendError("Whoosh sorts all fields in one direction.")
        return [field.lstrip("-") for field in sort_by], descending.pop()

    def _parse(self, query_string: str):
        # Haystack sends "*" for "every document"; parsed, that becomes Every("text"),
        # which reads the postings of every word in the index. Whoosh's own Every()
        # just walks the document numbers.
        if query_string.strip() in ("*", "*:*"):
            return wq.Every()
        return self.parser.parse(query_string)

    def _filter(self, narrow_queries, models, limit_to_registered_models):
        """The narrow queries as one unscored Whoosh filter (None when there are none)."""
        queries = [self.parser.parse(force_str(nq)) for nq in narrow_queries or ()]
        if limit_to_registered_models is None:
            limit_to_registered_models = getattr(
                settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True
            )
        if models:
            choices = sorted(f"{m._meta.app_label}.{m._meta.model_name}" for m in models)
        elif limit_to_registered_models:
            choices = self.build_models_list()
        else:
            choices = []
        if choices:
            queries.append(wq.Or([wq.Term(DJANGO_CT, choice) for choice in choices]))
        queries = [q for q in queries if q is not None and q is not wq.NullQuery]
        return wq.And(queries) if queries else None

    def _result(self, fields, score, unified_index, result_class, terms):
        app_label, model_name = fields[DJANGO_CT].split(".")
        model = haystack_get_model(app_label, model_name)
        if model is None or model not in unified_index.get_indexed_models():
            return None
        search_index = unified_index.get_index(model)
        stored = {}
        for key, value in fields.items():
            field = search_index.fields.get(key)
            if key in (DJANGO_CT, DJANGO_ID):
                continue
            if field is not None and field.is_multivalued:
                stored[key] = value.split(",") if value else []
            elif field is not None and hasattr(field, "convert"):
                stored[key] = field.convert(value)
            else:
                stored[key] = self._to_python(value)
        if terms is not None:
            text = stored.get(self.highlight_field or self.content_field_name) or ""
            stored["highlighted"] = {self.content_field_name: self._fragments(text, terms)}
        return (result_class or SearchResult)(
            app_label, model_name, fields[DJANGO_ID], score or 0, **stored
        )

    def _fragments(self, text: str, terms: frozenset[str]) -> list[str]:
        """Up to SNIPPET_FRAGMENTS passages with the terms marked, text HTML-escaped."""
        if not terms or not text:
            return []
        text = _highlight_window(text, terms)
        analyzer = self.schema[self.content_field_name].analyzer
        if analyzer == _STEMMING:
            tokens = _marked_tokens(text, terms)
        else:
            tokens = analyzer(text, chars=True, mode="query", removestops=False)
            tokens = set_matched_filter(tokens, terms)
        fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        fragments = top_fragments(
            fragmenter.fragment_tokens(text, tokens),
            SNIPPET_FRAGMENTS,
            BasicFragmentScorer(),
            SCORE,
        )
        # Keep the article's own order, so the snippets read top to bottom.
        fragments.sort(key=lambda fragment: fragment.startchar)
        formatter = WhooshHtmlFormatter("em")  # escapes the text between the marks
        return [formatter.format_fragment(fragment, replace=False) for fragment in fragments]

    # Spelling

    def create_spelling_suggestion(self, query_string):
        self.index = self.index.refresh()
        with self.index.searcher() as searcher:
            return self._suggest(searcher, query_string)

    def _suggest(self, searcher, text) -> str | None:
        """The query's words with unknown ones corrected; None when nothing changes.

        Haystack drops words it has no suggestion for and "corrects" words the
        index knows; this keeps every word and corrects only those that find
        nothing, preferring the closest, then the most frequent, correction.
        """
        if not text:
            return None
        reader = searcher.reader()
        field = self.content_field_name
        fieldobj = self.schema[field]
        spelling_fields = [
            self.schema[name].spelling_fieldname(name)
            for name in self.spelling_fields
            if name in self.schema
        ]
        words = [token.text for token in _SPELLING_WORDS(force_str(text))]
        changed = False
        suggested = []
        for word in words:
            terms = [token.text for token in fieldobj.analyzer(word)]
            # A stop word (no terms) or a word that finds something needs no fixing.
            known = not terms or any(reader.doc_frequency(field, term) for term in terms)
            best = None
            if not known and len(word) > 2:
                for distance in (1, 2):
                    frequency: dict[str, float] = {}
                    for spelling_field in spelling_fields:
                        for term in reader.terms_within(spelling_field, word, distance, 1):
                            frequency[term] = frequency.get(term, 0) + reader.frequency(
                                spelling_field, term
                            )
                    if frequency:
                        best = max(frequency, key=lambda term: (frequency[term], term))
                        break
            changed = changed or best is not None
            suggested.append(best or word)
        return " ".join(suggested) if changed else None


# Facet counts, filters and sorting from arrays
#
# Whoosh scores a query's matches one document at a time in Python: most of a
# search's time at 100,000 articles. Queries of words and phrases (terms joined
# by AND, OR and NOT; the great majority) are scored here instead from whole
# posting lists with NumPy, by Whoosh's own BM25F formula and statistics; anything
# else (wildcards, ranges, sloppy phrases, boosted groups) goes through Whoosh.

_LENGTH_OF_BYTE = np.array([byte_to_length(byte) for byte in range(256)], dtype=np.float64)
_NOTHING = (np.empty(0, np.int64), np.empty(0, np.float64))


def _scored_matches(searcher, query) -> tuple[np.ndarray, np.ndarray] | None:
    """(documents in ascending order, their scores), or None if Whoosh must score it."""
    if not isinstance(searcher.weighting, BM25F) or searcher.weighting._field_B:
        return None
    return _vector_scores(searcher, query)


def _vector_scores(searcher, query) -> tuple[np.ndarray, np.ndarray] | None:
    if type(query) is wq.Term:
        return _term_scores(searcher, query)
    if type(query) is wq.Phrase:
        return _phrase_scores(searcher, query)
    if type(query) not in (wq.And, wq.Or) or query.boost != 1.0:
        return None
    if isinstance(query, wq.Or) and query.minmatch:
        return None
    positive, negative = [], []
    for sub in query.subqueries:
        if isinstance(sub, wq.Not) and isinstance(query, wq.And):
            found = _vector_scores(searcher, sub.query)
            negative.append(found)
        else:
            found = _vector_scores(searcher, sub)
            positive.append(found)
        if found is None:
            return None
    if not positive:
        return None
    if isinstance(query, wq.Or):
        # A document's score is the sum of the scores of the words it has.
        docs, where = np.unique(np.concatenate([docs for docs, _ in positive]), return_inverse=True)
        scores = np.bincount(where, weights=np.concatenate([s for _, s in positive]))
        return docs, scores
    docs, scores = positive[0]
    for other_docs, other_scores in positive[1:]:
        docs, mine, theirs = np.intersect1d(
            docs, other_docs, assume_unique=True, return_indices=True
        )
        scores = scores[mine] + other_scores[theirs]
    for other_docs, _ in negative:
        keep = ~np.isin(docs, other_docs, assume_unique=True)
        docs, scores = docs[keep], scores[keep]
    return docs, scores


def _phrase_scores(searcher, phrase, within=None) -> tuple[np.ndarray, np.ndarray] | None:
    """Documents with the words side by side, scored as Whoosh scores a phrase:
    the sum of its words' scores. The positions are read only for documents
    that have every word (and are ``within`` the given ones, if any), not
    followed span by span as Whoosh does."""
    if phrase.fieldname not in searcher.schema or phrase.slop != 1 or not phrase.words:
        return None
    field = searcher.schema[phrase.fieldname]
    if not field.format or not field.format.supports("positions"):
        return None
    terms = [wq.Term(phrase.fieldname, word) for word in phrase.words]
    docs, scores = _vector_scores(searcher, wq.And(terms))
    if within is not None:
        keep = np.isin(docs, within, assume_unique=True)
        docs, scores = docs[keep], scores[keep]
    if len(terms) > 1 and len(docs):
        words = [_term_positions(searcher, field, term) for term in terms]
        at = [np.searchsorted(word_docs, docs) for word_docs, _values in words]
        decode = field.format.decode_positions
        keep = np.zeros(len(docs), dtype=bool)
        for n in range(len(docs)):
            # Where the phrase could start: word k sits k places after its start.
            starts = set(decode(words[0][1][at[0][n]]))
            for k in range(1, len(words)):
                starts.intersection_update(p - k for p in decode(words[k][1][at[k][n]]))
                if not starts:
                    break
            keep[n] = bool(starts)
        docs, scores = docs[keep], scores[keep]
    return docs, scores * phrase.boost if phrase.boost != 1.0 else scores


# Best matches for questions
#
# A question's words are OR-ed (haystack hands us the query string); the rule,
# passed beside it, says how to rank them, as Elasticsearch would with a bool
# query's minimum_should_match, its (pre-Lucene 7) coordination factor, and a
# rescore of the top hits by match_phrase queries.


@dataclass(frozen=True)
class BestMatch:
    minimum_should_match: float = 0.0  # share of the words a match needs, rounded down
    coordination: float = 0.0  # scores times (words matched / words) ** this
    window: int = 100  # how many of the best are scored again with the phrases


def _best_matches(
    searcher,
    query,
    rule: BestMatch,
    content_field: str,
    live: np.ndarray,
    *,
    rescore: bool,
) -> tuple[np.ndarray, np.ndarray] | None:
    """(documents in ascending order, their scores) under the rule, or None
    when the query is not words OR-ed with phrases (then it runs as written).

    Words of the content field (their boosts say how often the question has
    them) count towards the rule; phrases only raise the ``window`` best;
    anything else (another field's words) adds its score.
    """
    if type(query) is wq.Or and query.boost == 1.0 and not query.minmatch:
        subqueries = query.subqueries
    else:
        subqueries = [query]
    words: dict[str, wq.Term] = {}
    phrases, others = [], []
    for sub in subqueries:
        if type(sub) is wq.Term and sub.fieldname == content_field:
            # Two words with one stem are one word, weighted as both.
            boost = sub.boost + (words[sub.text].boost if sub.text in words else 0.0)
            words[sub.text] = wq.Term(content_field, sub.text, boost=boost)
        elif type(sub) is wq.Phrase:
            phrases.append(sub)
        else:
            others.append(sub)
    if not words:
        return None
    found = [_term_scores(searcher, word) for word in words.values()]
    docs, where = np.unique(np.concatenate([d for d, _ in found]), return_inverse=True)
    scores = np.bincount(where, weights=np.concatenate([s for _, s in found]), minlength=len(docs))
    # Each word's documents are distinct, so a count per document is a count of words.
    have = np.bincount(where, minlength=len(docs))
    need = max(1, int(len(words) * rule.minimum_should_match + 1e-9))
    keep = (have >= need) & live[docs]
    docs, scores, have = docs[keep], scores[keep], have[keep]
    if rule.coordination:
        scores = scores * (have / len(words)) ** rule.coordination
    for other in others:
        extra = _vector_scores(searcher, other)
        if extra is None:
            return None
        _add_scores(docs, scores, *extra)
    if rescore and phrases and len(docs):
        best = np.sort(docs[np.lexsort((docs, -scores))[: rule.window]])
        for phrase in phrases:
            extra = _phrase_scores(searcher, phrase, within=best)
            if extra is None:
                return None
            _add_scores(docs, scores, *extra)
    return docs, scores


def _add_scores(docs: np.ndarray, scores: np.ndarray, more_docs, more_scores) -> None:
    """Add the scores of those of ``more_docs`` that are among ``docs`` (both ascending)."""
    at = np.searchsorted(docs, more_docs)
    inside = at < len(docs)
    inside[inside] = docs[at[inside]] == more_docs[inside]
    np.add.at(scores, at[inside], more_scores[inside])


def _term_positions(searcher, field, term) -> tuple[np.ndarray, list[bytes]]:
    """Every document with the word (in order) and its encoded positions there."""
    text = field.to_bytes(term.text)
    docs, values = [], []
    for reader, offset in _leaves(searcher):
        if (term.fieldname, text) in reader:
            ids, encoded = _postings_cache.positions(reader, field, term.fieldname, text)
            docs.append(ids + offset)
            values.extend(encoded)
    return (np.concatenate(docs) if docs else np.empty(0, np.int64)), values


def _term_scores(searcher, term) -> tuple[np.ndarray, np.ndarray]:
    schema = searcher.schema
    if term.fieldname not in schema:
        return _NOTHING
    field = schema[term.fieldname]
    try:
        text = field.to_bytes(term.text)
    except ValueError:
        return _NOTHING
    docs, weights, lengths = [], [], []
    for reader, offset in _leaves(searcher):
        if (term.fieldname, text) not in reader:
            continue
        # Deleted documents are dropped later, by the table's live mask.
        ids, found, length = _postings_cache.get(reader, field, term.fieldname, text)
        docs.append(ids + offset)
        weights.append(found)
        lengths.append(length)
    if not docs:
        return _NOTHING
    docs, tf = np.concatenate(docs), np.concatenate(weights)
    if not field.scorable:
        return docs, tf * term.boost  # Whoosh scores these by weight alone
    fl = np.concatenate(lengths)
    weighting = searcher.weighting
    idf = searcher.idf(term.fieldname, text)
    avgfl = searcher.avg_field_length(term.fieldname) or 1
    big_b, k1 = weighting.B, weighting.K1
    # whoosh.scoring.bm25, term for term, on whole arrays.
    scores = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - big_b) + big_b * fl / avgfl)))
    return docs, scores * term.boost if term.boost != 1.0 else scores


class _PostingsCache:
    """The decoded postings of the words searched lately, within a memory budget.

    A segment's postings never change (deletions are applied by the live mask),
    so a common word is read and decoded once, not on every search.
    """

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self.lock = threading.Lock()
        self.entries: OrderedDict[tuple, tuple[tuple, int]] = OrderedDict()  # key: (found, size)

    def get(self, reader, field, fieldname: str, text: bytes):
        """(segment documents, weights, field lengths) of a word in one segment."""
        key = (reader.segment().segment_id(), fieldname, text, "weights")
        found = self._cached(key)
        if found is None:
            matcher = reader._terms.matcher(fieldname, text, field.format)
            ids, weights, _values = _postings(matcher)
            stored = _length_bytes(reader._perdoc, fieldname) if field.scorable else None
            if stored is None:
                lengths = np.ones(len(ids))  # Whoosh's default length
            else:
                column = np.frombuffer(stored, dtype=np.uint8)
                lengths = _LENGTH_OF_BYTE[column[np.minimum(ids, len(column) - 1)]]
            found = (ids, weights, lengths)
            self._keep(key, found, ids.nbytes + weights.nbytes + lengths.nbytes)
        return found

    def positions(self, reader, field, fieldname: str, text: bytes):
        """(segment documents, encoded positions in each) of a word in one segment."""
        key = (reader.segment().segment_id(), fieldname, text, "positions")
        found = self._cached(key)
        if found is None:
            matcher = reader._terms.matcher(fieldname, text, field.format)
            ids, _weights, values = _postings(matcher, values=True)
            found = (ids, values)
            self._keep(key, found, ids.nbytes + sum(len(value) + 40 for value in values))
        return found

    def _cached(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            self.entries.move_to_end(key)
            return entry[0]

    def _keep(self, key, found, size: int) -> None:
        with self.lock:
            if key in self.entries or size > self.budget:
                return
            self.entries[key] = (found, size)
            self.used += size
            while self.used > self.budget:
                _key, (_found, dropped) = self.entries.popitem(last=False)
                self.used -= dropped


_postings_cache = _PostingsCache(POSTINGS_CACHE_MB << 20)


def _postings(matcher, values: bool = False) -> tuple[np.ndarray, np.ndarray, list]:
    """A posting list's documents, weights and (if asked) encoded values, by block."""
    ids, weights, encoded = [], [], []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int64))
            weights.append(np.asarray(matcher._weights, dtype=np.float64))
            if values:
                matcher._read_values()
                encoded.extend(matcher._values)
            matcher._next_block()
        if not ids:
            return np.empty(0, np.int64), np.empty(0, np.float64), encoded
        return np.concatenate(ids), np.concatenate(weights), encoded
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            encoded.append(matcher.value())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64), encoded


class _PageCollector(TopCollector):
    """Whoosh's top-N collector that also notes every match it lets through."""

    def __init__(self, limit: int | None, allowed: np.ndarray | None) -> None:
        # Every match must be seen, so Whoosh may neither skip blocks that cannot
        # reach the top N nor swap in a matcher that drops such documents.
        super().__init__(limit=limit or sys.maxsize, usequality=False, replace=0)
        self.allowed = allowed
        self.matched: list[int] = []

    def collect(self, sub_docnum):
        docnum = self.offset + sub_docnum
        if self.allowed is None or self.allowed[docnum]:
            self.matched.append(docnum)
            return super().collect(sub_docnum)
        return 0


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
        self._keys: dict[str, np.ndarray] = {}
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


def _highlight_window(text: str, terms: frozenset[str]) -> str:
    """The part of a long text where the terms first appear: analysing a whole long
    article for three snippets cost milliseconds a result."""
    if len(text) <= HIGHLIGHT_WINDOW:
        return text
    # Stems are word beginnings ("negoti" for "negotiations"), except that a final
    # "y" becomes "i" ("agenc" for "agency" is safe, "polici" is not): drop it.
    starts = sorted({term[:-1] if len(term) > 3 else term for term in terms}, key=len)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + ")", re.IGNORECASE)
    found = pattern.search(text)
    begin = 0 if found is None else max(0, found.start() - SNIPPET_CHARS)
    return text[begin : begin + HIGHLIGHT_WINDOW]


def _positive_terms(query) -> frozenset[str]:
    """Terms the query looks for (not those it excludes), for highlighting."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, wq.Not):
            return
        if node.is_leaf():
            for _field, text in node.iter_all_terms(phrases=True):
                found.add(text.decode() if isinstance(text, bytes) else str(text))
            return
        for child in node.children():
            walk(child)

    walk(query)
    return frozenset(found)


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    """Haystack's query class; kept as our own so fixes have one place to go."""

    def __init__(self, using=DEFAULT_ALIAS):
        super().__init__(using=using)
        self.best_match = None  # a question's ranking rule (see BestMatch), set by the engine

    def build_params(self, spelling_query=None):
        params = super().build_params(spelling_query)
        if self.best_match:
            params["best_match"] = self.best_match
        return params

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass=klass, using=using)
        clone.best_match = self.best_match
        return clone

    def _convert_datetime(self, date):
        # strftime("%Y") does not pad years before 1000 ("522" for 0522), which
        # Whoosh's date parser then rejects with an error page.
        moment = (date.hour, date.minute, date.second) if hasattr(date, "hour") else (0, 0, 0)
        return "{:04d}{:02d}{:02d}{:02d}{:02d}{:02d}".format(
            date.year, date.month, date.day, *moment
        )


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshSearchQuery

    def reset_sessions(self):
        """Ready this connection for a process that only indexes: haystack calls
        this first thing in each ``update_index`` worker, and so does each of an
        ingest's background indexers.

        Haystack drops a worker's inherited database connections, but not
        SQLite's (an in-memory database would be lost). A worker must not share
        an open SQLite file with its parent, so it closes its copy and opens its
        own. And where a web request had better fail than wait long for the
        index's lock, an indexer waits for another's merge as long as it takes.
        """
        super().reset_sessions()
        waited = self.options.get("WRITE_LOCK_TIMEOUT", WRITE_LOCK_TIMEOUT)
        # A copy: the settings themselves stay as they are.
        self.options = {**self.options, "WRITE_LOCK_TIMEOUT": max(waited, BULK_WRITE_LOCK_TIMEOUT)}
        for connection in db_connections.all(initialized_only=True):
            if connection.in_atomic_block or connection.vendor != "sqlite":
                continue
            if not connection.is_in_memory_db():
                connection.close()
