"""Our search engine against a real Elasticsearch 7, when one is at hand.

Set ``ARCHIVE_TEST_ELASTICSEARCH_URL`` (e.g. ``http://localhost:9200/``) and install
``pip install "elasticsearch>=7,<7.14"`` to run these; each test builds and deletes
its own index there. Without them the module skips, saying why.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from haystack import connections
from haystack.query import SearchQuerySet

from search.engine import SearchState, run_search
from search.facet_counts import normalise_facet_counts
from search.query import parse_query
from search.search_indexes import UNKNOWN_DATE
from tests.search.factories import ArticleFactory, OrganisationFactory, SourceFactory, mention

URL = os.environ.get("ARCHIVE_TEST_ELASTICSEARCH_URL", "")
CLIENT = 'haystack\'s backend needs the 7.x client: pip install "elasticsearch>=7,<7.14"'

pytestmark = pytest.mark.skipif(
    not URL,
    reason="set ARCHIVE_TEST_ELASTICSEARCH_URL=http://host:9200/ to run against Elasticsearch",
)


@pytest.fixture
def elasticsearch(search_index):
    """Point haystack's default connection at a fresh index on the Elasticsearch server."""
    # Imported here, so collection never fails where the client is not installed.
    client = pytest.importorskip("elasticsearch", reason=CLIENT)
    if client.VERSION[0] != 7:  # a tuple, which importorskip's minversion cannot read
        pytest.skip(f"elasticsearch {client.VERSION} is installed: {CLIENT}")
    info = connections.connections_info["default"]
    saved = dict(info)
    info.clear()
    info.update(
        {
            "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
            "URL": URL,
            "INDEX_NAME": f"archive-test-{uuid.uuid4().hex[:12]}",
        }
    )
    connections.reload("default")
    backend = connections["default"].get_backend()
    try:
        yield backend
    finally:
        backend.clear()  # deletes the test's index
        info.clear()
        info.update(saved)
        connections.reload("default")


@pytest.fixture
def corpus(elasticsearch, reindex):
    oic = OrganisationFactory(name="OIC", slug="oic")
    un = OrganisationFactory(name="UN", slug="un")
    azertac = SourceFactory(name="AZERTAC", slug="azertac")
    may = ArticleFactory(title="Summit in May", published=dt.date(2021, 5, 3), source=azertac)
    june = ArticleFactory(title="Summit in June", published=dt.date(2021, 6, 10))
    undated = ArticleFactory(title="Summit, date unknown")
    for article, organisation in ((may, oic), (june, oic), (june, un), (undated, un)):
        mention(article, organisation)
    reindex(may, june, undated)


def browse(**selected) -> dict[str, list[tuple[str, int]]]:
    state = SearchState(query=parse_query(""), selected=selected)
    return run_search(state).facet_counts


def test_elasticsearch_facets_come_in_our_shape(corpus):
    counts = browse()
    assert counts["organisation"] == [("oic", 2), ("un", 2)]
    assert counts["source"] == [("azertac", 1)]
    assert counts["year"] == [("2021", 2), (UNKNOWN_DATE, 1)]
    assert counts["month"] == [("2021-05", 1), ("2021-06", 1)]
    assert counts["person"] == []


def test_a_selected_facet_still_counts_its_other_values(corpus):
    counts = browse(year=["2021"])
    assert counts["year"] == [("2021", 2), (UNKNOWN_DATE, 1)]
    assert counts["organisation"] == [("oic", 2), ("un", 1)]


def test_a_date_histogram_on_published_gives_years_and_months(corpus):
    sqs = (
        SearchQuerySet()
        .all()
        .date_facet(
            "published",
            start_date=dt.date(2021, 1, 1),
            end_date=dt.date(2022, 1, 1),
            gap_by="month",
        )
    )
    sqs.count()
    counts = normalise_facet_counts(sqs.facet_counts(), names=["year", "month"], date_gap="month")
    assert counts == {"year": [("2021", 2)], "month": [("2021-05", 1), ("2021-06", 1)]}
