"""Haystack's Whoosh backend, corrected: the adapter between haystack's API and
``search/whoosh/``, where everything else Whoosh-specific lives (its docstring
lists what is fixed, and where).

The rest of the code talks to haystack's public API only, so moving to
Elasticsearch is a change of ``HAYSTACK_CONNECTIONS`` and nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections as db_connections
from django.utils.encoding import force_str
from haystack import connections
from haystack.backends import log_query
from haystack.backends.whoosh_backend import (
    WhooshEngine,
    WhooshSearchBackend,
    WhooshSearchQuery,
)
from haystack.constants import DEFAULT_ALIAS, DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.models import SearchResult
from haystack.utils import get_identifier
from haystack.utils.app_loading import haystack_get_model
from whoosh import index
from whoosh import query as wq
from whoosh.classify import Bo1Model
from whoosh.filedb.filestore import FileStorage

from search.whoosh.arrays import _split_ranges, _table_for
from search.whoosh.highlight import Highlighting, _positive_terms
from search.whoosh.merging import SegmentMerging
from search.whoosh.schema import SchemaBuilding
from search.whoosh.scoring import (
    _NOTHING,
    BestMatch,
    _best_matches,
    _PageCollector,
    _scored_matches,
)
from search.whoosh.spelling import Spelling
from search.whoosh.writing import BULK_WRITE_LOCK_TIMEOUT, WRITE_LOCK_TIMEOUT, StagedWriting

MLT_TERMS = 12  # how many of an article's key terms "more like this" looks for


class ArchiveWhooshBackend(
    SchemaBuilding, StagedWriting, SegmentMerging, Highlighting, Spelling, WhooshSearchBackend
):
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
        collapse=None,
        **kwargs,
    ):
        """Haystack's search, plus ``best_match`` (a question's ranking rule) and
        ``collapse``: ``{"field": ..., "count_copies": [...]}`` shows one result
        per value of the field (a story's copies once), counting the facets
        named in ``count_copies`` over every copy and the rest over stories."""
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
        # The ranking, best first: every match's document number and score, or
        # (with no collapsing to do) only the page's.
        ranked: tuple[np.ndarray, np.ndarray] | None = None
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
                best = np.lexsort((docs, -scores))
                ranked = (docs[best], scores[best])
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
            best = np.lexsort((docs, -scores))
            ranked = (docs[best], scores[best])
        else:
            # One pass over the matches scores them and notes every match for
            # the facets: a phrase decodes its positions once, not twice.
            collector = _PageCollector(None if collapse else end, allowed)
            searcher.search_with_collector(scored, collector)
            matched = table.mask(collector.matched)
            raw = collector.results()
            first = 0 if collapse else start
            found = [(raw.docnum(n), raw.score(n)) for n in range(first, raw.scored_length())]
            ranked = (
                np.array([docnum for docnum, _ in found], dtype=np.int64),
                np.array([score for _, score in found], dtype=np.float64),
            )
            if not collapse:
                start, end = 0, None  # the collector kept just the page
        if sortedby:
            ordered = table.sorted(searcher, matched, sortedby, reverse)
            ranked = (ordered, np.zeros(len(ordered)))
        elif ranked is None:
            ordered = np.flatnonzero(matched)
            ranked = (ordered, np.zeros(len(ordered)))
        every_copy = matched
        if collapse:
            # One result per story, its best-ranked copy; counts are of stories.
            ranked = table.first_of_each(searcher, collapse["field"], *ranked)
            matched = np.zeros(table.size, dtype=bool)
            matched[ranked[0]] = True
        docs, scores = ranked
        page = list(zip(docs[start:end].tolist(), scores[start:end].tolist(), strict=True))
        hits = int(np.count_nonzero(matched))
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
            counted = every_copy if name in (collapse or {}).get("count_copies", ()) else matched
            facet_counts["fields"][name] = table.counts(searcher, name, counted, limit)
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


class ArchiveWhooshSearchQuery(WhooshSearchQuery):
    """Haystack's query class; kept as our own so fixes have one place to go."""

    def __init__(self, using=DEFAULT_ALIAS):
        super().__init__(using=using)
        self.best_match = None  # a question's ranking rule (see BestMatch), set by the engine
        self.collapse = None  # one result per story (see ArchiveWhooshBackend.search)

    def build_params(self, spelling_query=None):
        params = super().build_params(spelling_query)
        if self.best_match:
            params["best_match"] = self.best_match
        if self.collapse:
            params["collapse"] = self.collapse
        return params

    def _clone(self, klass=None, using=None):
        clone = super()._clone(klass=klass, using=using)
        clone.best_match = self.best_match
        clone.collapse = self.collapse
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
