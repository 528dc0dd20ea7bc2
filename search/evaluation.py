"""Measure the archive's ranking on a test collection: MAP, P@10 and nDCG@10.

The first half is pure: readers for the three input files (documents as JSON
Lines, queries as ``qid<TAB>text``, TREC qrels) and the metrics. The second
half indexes a collection into a throwaway Whoosh index through the archive's
own ArticleIndex and backend, and runs each query through the archive's own
query path, so what is measured is what users get.

Conventions, as trec_eval's: a document is relevant when its grade is above 0;
unjudged documents count as not relevant; P@k divides by k even when fewer are
retrieved; queries with no relevant document are left out of the means. nDCG
uses the grade itself as gain (binary qrels give binary nDCG) and a log2(rank + 1)
discount.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from haystack import connections
from haystack.backends.whoosh_backend import WhooshEngine

from archive.models import ENTITY_KINDS, Article

from .engine import SearchState, build_queryset, settle
from .query import ParsedQuery, normalise, parse_query

Qrels = dict[str, dict[str, int]]  # qid -> docno -> grade
DEPTH = 1000  # results ranked per query, as trec_eval runs usually hold
VARIANTS = ("archive", "or-terms")


class InputError(ValueError):
    """What is wrong with an input file, with the line it is on."""


# Reading the inputs


@dataclass(frozen=True)
class CollectionDoc:
    docno: str
    text: str
    title: str = ""
    date: dt.date | None = None


def parse_docs(lines: Iterable[str]) -> list[CollectionDoc]:
    """One JSON object per line: ``docno``, ``text``, optional ``title`` and ``date``."""
    docs: list[CollectionDoc] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"line {number}: not a JSON object")
        docno = record.get("docno")
        if not isinstance(docno, str | int) or isinstance(docno, bool) or not str(docno).strip():
            raise InputError(f"line {number}: no docno")
        docno = str(docno).strip()
        if docno in seen:
            raise InputError(f"line {number}: docno {docno} appears twice")
        text, title = record.get("text"), record.get("title") or ""
        if not isinstance(text, str) or not isinstance(title, str):
            raise InputError(f"line {number}: text (required) and title must be strings")
        docs.append(CollectionDoc(docno, text, title, _date(record.get("date"), number)))
        seen.add(docno)
    return docs


def _date(value: object, number: int) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"line {number}: date {value!r} is not YYYY-MM-DD") from None


def parse_queries(lines: Iterable[str]) -> dict[str, str]:
    """``qid<TAB>text`` per line, in file order."""
    queries: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        qid, tab, text = line.partition("\t")
        qid, text = qid.strip(), text.strip()
        if not tab or not qid or not text:
            raise InputError(f"line {number}: expected qid<TAB>text")
        if qid in queries:
            raise InputError(f"line {number}: query {qid} appears twice")
        queries[qid] = text
    return queries


def parse_qrels(lines: Iterable[str]) -> Qrels:
    """TREC qrels: ``qid iteration docno grade`` per line, whitespace-separated."""
    qrels: Qrels = {}
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise InputError(f"line {number}: expected 4 columns (qid iter docno grade)")
        qid, _iteration, docno, grade = parts
        try:
            qrels.setdefault(qid, {})[docno] = int(grade)
        except ValueError:
            raise InputError(f"line {number}: grade {grade!r} is not a whole number") from None
    return qrels


# The metrics: a ranked list of docnos and one query's judgements in, a number out.


def _ranked(ranking: Sequence[str]) -> list[str]:
    # A document counts once, at its best rank, as trec_eval would see a run.
    return list(dict.fromkeys(ranking))


def _relevant_count(judgements: Mapping[str, int]) -> int:
    return sum(1 for grade in judgements.values() if grade > 0)


def average_precision(ranking: Sequence[str], judgements: Mapping[str, int]) -> float:
    """Mean of the precision at each relevant document's rank, over all relevant ones."""
    relevant = _relevant_count(judgements)
    if not relevant:
        return 0.0
    found, total = 0, 0.0
    for rank, docno in enumerate(_ranked(ranking), 1):
        if judgements.get(docno, 0) > 0:
            found += 1
            total += found / rank
    return total / relevant


def precision_at(ranking: Sequence[str], judgements: Mapping[str, int], k: int = 10) -> float:
    top = _ranked(ranking)[:k]
    return sum(1 for docno in top if judgements.get(docno, 0) > 0) / k


def ndcg_at(ranking: Sequence[str], judgements: Mapping[str, int], k: int = 10) -> float:
    """DCG of the top k over the DCG of the best possible top k; 0.0 with nothing relevant."""
    gains = [max(judgements.get(docno, 0), 0) for docno in _ranked(ranking)[:k]]
    ideal = sorted((grade for grade in judgements.values() if grade > 0), reverse=True)[:k]
    best = _dcg(ideal)
    return _dcg(gains) / best if best else 0.0


def _dcg(gains: Sequence[int]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, 1))


@dataclass(frozen=True)
class Scores:
    map: float
    p_at_10: float
    ndcg_at_10: float
    queries: int

    def as_json(self) -> dict[str, float | int]:
        return {
            "map": self.map,
            "p@10": self.p_at_10,
            "ndcg@10": self.ndcg_at_10,
            "queries": self.queries,
        }


def evaluate(runs: Mapping[str, Sequence[str]], qrels: Qrels) -> Scores:
    """Means over the queries run that have at least one relevant document.

    Judgements for queries that were not run are ignored, as trec_eval does.
    """
    judged = [qid for qid in runs if _relevant_count(qrels.get(qid, {}))]
    if not judged:
        return Scores(0.0, 0.0, 0.0, 0)

    def mean(metric) -> float:
        return sum(metric(runs[qid], qrels[qid]) for qid in judged) / len(judged)

    return Scores(
        map=mean(average_precision),
        p_at_10=mean(precision_at),
        ndcg_at_10=mean(ndcg_at),
        queries=len(judged),
    )


# Running a collection through the archive's own index and query path


def archive_query(text: str) -> ParsedQuery:
    """The query as the search box runs it: our parser, AND by default, with its fallback."""
    return parse_query(text)


def or_terms_query(text: str) -> ParsedQuery:
    """Every word of the query, any of which may match: for comparison only.

    Words are lowercased, so "and" / "or" in the text stay words (the analyzer
    drops them as stop words) rather than becoming operators.
    """
    words = list(dict.fromkeys(word.lower() for word in re.findall(r"\w+", normalise(text))))
    backend_query = "(" + " OR ".join(words) + ")" if words else ""
    return ParsedQuery(text=text, backend_query=backend_query, words=words)


QUERY_BUILDERS = {"archive": archive_query, "or-terms": or_terms_query}


class CollectionArticle:
    """A collection document dressed as an unsaved Article, for ArticleIndex.

    ArticleIndex, its document template and the backend then index it exactly
    as they would an article with this title, body and date and no entities;
    nothing reads the database.
    """

    _meta = Article._meta  # the model ArticleIndex and haystack identify it by
    author = ""
    source = None
    copy_group_id = None  # a collection's documents are nobody's copies
    # Never read for ranking; ArticleIndex needs a value.
    updated = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    def __init__(self, doc: CollectionDoc):
        self.pk = doc.docno
        self.title = doc.title
        self.body = doc.text
        self.published = doc.date
        # Collection documents link to no entities (see search.documents).
        self.named_entities = {kind: [] for kind in ENTITY_KINDS}
        self.encounter_people = []

    def _get_pk_val(self) -> str:
        return self.pk


@contextmanager
def scratch_connection() -> Iterator[str]:
    """A haystack connection like ``default`` but on a new, temporary Whoosh index.

    Only Whoosh is supported: a copy of any other engine's settings would point
    at the archive's real index.
    """
    info = connections.connections_info
    engine = connections["default"]
    if not isinstance(engine, WhooshEngine):
        raise InputError(
            f"the default search connection uses {type(engine).__name__}; "
            "evaluation builds a throwaway Whoosh index and needs a Whoosh engine"
        )
    alias = f"eval-{uuid.uuid4().hex}"
    with tempfile.TemporaryDirectory(prefix="eval-search-") as path:
        info[alias] = {**info["default"], "PATH": path, "STORAGE": "file"}
        try:
            yield alias
        finally:
            del info[alias]
            # Drop haystack's cached engine, which holds the deleted directory.
            getattr(connections.thread_local, "connections", {}).pop(alias, None)


def index_collection(docs: Iterable[CollectionDoc], alias: str) -> None:
    engine = connections[alias]
    index = engine.get_unified_index().get_index(Article)
    engine.get_backend().update(index, [CollectionArticle(doc) for doc in docs])


def rank(text: str, alias: str, *, variant: str = "archive", depth: int = DEPTH) -> list[str]:
    """Docnos in the order the archive's search page would list them."""
    query = QUERY_BUILDERS[variant](text)
    if query.is_empty:
        return []
    # The page's own queryset, minus what does not change the order (facets,
    # highlighting), on the scratch connection.
    state = SearchState(query=query)
    if variant == "archive":
        state = settle(state, using=alias)
    sqs = build_queryset(state, facets=[], highlight=False).using(alias)
    return [str(result.pk) for result in sqs[:depth] if result is not None]


def run_collection(
    docs: Sequence[CollectionDoc],
    queries: Mapping[str, str],
    *,
    variant: str = "archive",
    depth: int = DEPTH,
) -> dict[str, list[str]]:
    """Index the docs in a throwaway index and rank them for every query."""
    with scratch_connection() as alias:
        index_collection(docs, alias)
        return {
            qid: rank(text, alias, variant=variant, depth=depth) for qid, text in queries.items()
        }
