"""Scoring queries of words and phrases from whole posting lists with NumPy.

Whoosh scores a query's matches one document at a time in Python: most of a
search's time at 100,000 articles. Queries of words and phrases (terms joined
by AND, OR and NOT; the great majority) are scored here instead from whole
posting lists with NumPy, by Whoosh's own BM25F formula and statistics; anything
else (wildcards, ranges, sloppy phrases, boosted groups) goes through Whoosh.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import TopCollector
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from search.whoosh.arrays import _leaves
from search.whoosh.patches import _length_bytes

# Memory for the decoded postings of recently searched words (per process).
POSTINGS_CACHE_MB = 64

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
