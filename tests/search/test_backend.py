"""The fixes in our Whoosh backend, each shown on a small corpus."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from haystack import connections
from haystack.query import SearchQuerySet
from whoosh.index import LockError
from whoosh.searching import Searcher

from search.indexing import remove_articles, update_articles
from tests.search.factories import ArticleFactory


@pytest.fixture
def dozen(reindex):
    articles = [
        ArticleFactory(
            title=f"Report {n:02d}", body="The summit.", published=dt.date(2024, 1, n + 1)
        )
        for n in range(12)
    ]
    reindex(*articles)
    return articles


def _titles(hits) -> list[str]:
    return [hit.title for hit in hits]


def test_any_slice_is_right_not_only_whole_pages(dozen):
    # Haystack's Whoosh backend turns [5:15] into "page 1 of 10" (#1664, #694).
    sqs = SearchQuerySet().raw_search("(summit)").order_by("published")
    assert _titles(sqs[5:15]) == [f"Report {n:02d}" for n in range(5, 12)]
    assert _titles(SearchQuerySet().all().order_by("published")[7:10]) == [
        "Report 07",
        "Report 08",
        "Report 09",
    ]


def test_filters_and_facets_run_in_one_search(dozen, monkeypatch):
    collectors = []
    original = Searcher.search_with_collector

    def counting(self, query, collector, *args, **kwargs):
        collectors.append(collector)
        return original(self, query, collector, *args, **kwargs)

    monkeypatch.setattr(Searcher, "search_with_collector", counting)
    # A wildcard is scored by Whoosh's collector (plain words are scored without one).
    sqs = (
        SearchQuerySet()
        .raw_search("(summi*)")
        .narrow('year_exact:("2024")')
        .narrow('month_exact:("2024-01")')
        .facet("year")
    )
    assert sqs.count() == 12
    assert sqs.facet_counts()["fields"]["year"] == [("2024", 12)]
    # One pass over the matches, the filters applied within it.
    assert len(collectors) == 1 and collectors[0].allowed is not None


def test_a_spelling_suggestion_comes_when_nothing_is_found(reindex):
    reindex(ArticleFactory(title="Summit opens", body="Leaders met."))
    sqs = SearchQuerySet().raw_search("(sumit)")
    sqs.query.set_spelling_query("sumit")
    assert sqs.count() == 0
    assert sqs.spelling_suggestion() == "summit"


def test_spelling_suggestions_come_from_titles_and_entity_names_not_bodies(reindex):
    # Keeping every body word for the speller halved the indexing rate.
    reindex(ArticleFactory(title="Talks", body="The communique was signed."))
    sqs = SearchQuerySet().raw_search("(comunique)")
    sqs.query.set_spelling_query("comunique")
    assert sqs.count() == 0
    assert sqs.spelling_suggestion() is None


def test_seeding_the_global_random_cannot_make_segments_collide(reindex):
    first, second = ArticleFactory(body="Alpha talks."), ArticleFactory(body="Beta talks.")
    random.seed(4)
    reindex(first)
    random.seed(4)  # Whoosh would now draw the same segment name again
    reindex(second)
    assert SearchQuerySet().raw_search("(talks)").count() == 2


def test_a_removal_waits_for_a_locked_index_instead_of_being_lost(dozen, search_index):
    backend = search_index.get_backend()
    lock = backend.index.lock("WRITELOCK")
    assert lock.acquire()
    started = threading.Event()
    errors = []

    def remove():
        started.set()
        try:
            remove_articles([dozen[0].pk])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    worker = threading.Thread(target=remove)
    worker.start()
    started.wait()
    lock.release()
    worker.join()
    assert errors == []
    assert SearchQuerySet().all().count() == 11


def test_a_write_that_cannot_get_the_lock_fails_loudly(dozen, search_index):
    backend = search_index.get_backend()
    backend.write_timeout = 0
    lock = backend.index.lock("WRITELOCK")
    assert lock.acquire()
    try:
        with pytest.raises(LockError):
            remove_articles([dozen[0].pk])
        with pytest.raises(LockError):
            update_articles([dozen[1].pk])
    finally:
        lock.release()
    assert SearchQuerySet().all().count() == 12


def test_facet_counts_and_sorting_span_segments_and_skip_replaced_documents(reindex):
    # Each reindex call commits its own segment; the counts are read from arrays
    # cached per segment, so a replaced document must stop counting.
    first = ArticleFactory(title="Summit one", body="Talks.", published=dt.date(2024, 3, 1))
    reindex(first)
    second = ArticleFactory(title="Summit two", body="Talks.", published=dt.date(2024, 5, 1))
    reindex(second)
    sqs = SearchQuerySet().raw_search("(talks)").facet("year")
    assert sqs.facet_counts()["fields"]["year"] == [("2024", 2)]

    first.published = dt.date(2023, 3, 1)
    first.save()
    reindex(first)
    sqs = SearchQuerySet().raw_search("(talks)").facet("year").facet("month")
    assert sqs.facet_counts()["fields"]["year"] == [("2023", 1), ("2024", 1)]
    assert sqs.count() == 2
    newest = SearchQuerySet().all().order_by("-dated", "-published")
    assert [hit.title for hit in newest] == ["Summit two", "Summit one"]
    narrowed = SearchQuerySet().all().narrow('year_exact:("2023")').facet("month")
    assert [hit.title for hit in narrowed] == ["Summit one"]
    assert narrowed.facet_counts()["fields"]["month"] == [("2023-03", 1)]


def test_a_facet_limit_keeps_the_most_frequent_values_ties_by_value(reindex):
    for month, copies in ((1, 1), (2, 2), (3, 1), (4, 2)):
        for _ in range(copies):
            reindex(ArticleFactory(body="Talks.", published=dt.date(2024, month, 1)))
    sqs = SearchQuerySet().raw_search("(talks)").facet("month", limit=3)
    assert sqs.facet_counts()["fields"]["month"] == [("2024-02", 2), ("2024-04", 2), ("2024-01", 1)]


def test_a_facets_twin_field_is_stored_not_indexed(dozen):
    # Filters and counts use "year_exact"; "year" only carries the value back to a hit.
    backend = connections["default"].get_backend()
    assert not backend.schema["year"].indexed
    assert backend.schema["year_exact"].indexed
    with backend.index.reader() as reader:
        assert "year" not in reader.indexed_field_names()
    hits = SearchQuerySet().all().narrow('year_exact:("2024")').facet("year")
    assert len(hits) == 12 and {hit.year for hit in hits} == {"2024"}
    assert hits.facet_counts()["fields"]["year"] == [("2024", 12)]
