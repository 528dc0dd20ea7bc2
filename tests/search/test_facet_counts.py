"""Facet counts from each haystack backend's shape into ours, with hand-written raw
counts as ``SearchQuerySet.facet_counts()`` returns them: no search server needed."""

from __future__ import annotations

import datetime as dt

import hypothesis
import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from search.engine import SearchState, build_queryset, facet_counts
from search.facet_counts import normalise_facet_counts
from search.query import parse_query
from search.search_indexes import UNKNOWN_DATE
from tests.search.factories import ArticleFactory, OrganisationFactory, SourceFactory, mention

EVERY_FACET = list(settings.SEARCH_FACETS)


def es_date(epoch_ms: int) -> dt.datetime:
    """A date_histogram key as haystack's Elasticsearch backends turn it into a datetime."""
    return dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=epoch_ms)


# Bucket keys of monthly and yearly date histograms: UTC midnight, in epoch milliseconds.
APRIL_2021, MAY_2021, JUNE_2021 = 1617235200000, 1619827200000, 1622505600000
YEAR_2020, YEAR_2021, YEAR_1969 = 1577836800000, 1609459200000, -31536000000


def test_whoosh_counts_keep_slugs_years_and_months_and_drop_the_valueless():
    # Our Whoosh backend: value-less documents (no source, no month) come back as None.
    raw = {
        "fields": {
            "organisation": [("oic", 4), ("icesco", 1)],
            "person": [("hissein-brahim-taha", 3)],
            "place": [],
            "event": [],
            "met": [("ilham-aliyev", 1)],
            "source": [(None, 3), ("azertac", 1)],
            "year": [("2025", 3), (UNKNOWN_DATE, 1)],
            "month": [("2025-04", 2), (None, 1), ("2025-05", 1)],
        },
        "dates": {},
        "queries": {},
    }
    assert normalise_facet_counts(raw) == {
        "organisation": [("oic", 4), ("icesco", 1)],
        "person": [("hissein-brahim-taha", 3)],
        "place": [],
        "event": [],
        "met": [("ilham-aliyev", 1)],
        "source": [("azertac", 1)],
        "year": [("2025", 3), ("unknown", 1)],
        "month": [("2025-04", 2), ("2025-05", 1)],
    }


def test_counts_are_sorted_by_count_then_value_and_zero_counts_dropped():
    raw = {"fields": {"place": [("baku", 2), ("ankara", 0), ("rabat", 5), ("abuja", 2)]}}
    assert normalise_facet_counts(raw)["place"] == [("rabat", 5), ("abuja", 2), ("baku", 2)]


@pytest.mark.parametrize(
    "raw",
    [None, {}, {"dates": {}, "queries": {}}, {"fields": None}, {"fields": {}}, []],
    ids=["none", "empty", "no-fields-key", "fields-none", "fields-empty", "not-a-dict"],
)
def test_nothing_to_count_gives_every_facet_empty(raw):
    assert normalise_facet_counts(raw) == {name: [] for name in EVERY_FACET}


def test_only_the_facets_asked_for_come_back():
    raw = {"fields": {"year": [("2021", 1)], "organisation": [("un", 2)]}}
    assert normalise_facet_counts(raw, names=["year"]) == {"year": [("2021", 1)]}


def test_elasticsearch7_terms_buckets():
    # Elasticsearch7SearchBackend: (bucket["key"], bucket["doc_count"]), in the engine's order.
    raw = {
        "fields": {
            "organisation": [("un", 7), ("nato", 7), ("oic", 2)],
            "year": [("2021", 5), ("unknown", 2), ("2020", 1)],
            "month": [("2021-05", 3), ("2021-06", 2), ("2020-12", 1)],
        },
        "dates": {},
        "queries": {},
    }
    counts = normalise_facet_counts(raw)
    assert counts["organisation"] == [("nato", 7), ("un", 7), ("oic", 2)]
    assert counts["year"] == [("2021", 5), ("unknown", 2), ("2020", 1)]
    assert counts["month"] == [("2021-05", 3), ("2021-06", 2), ("2020-12", 1)]
    assert counts["person"] == []


def test_an_elasticsearch_monthly_date_histogram_gives_years_and_months():
    # Elasticsearch fills the gaps between buckets with zero counts.
    raw = {
        "fields": {"organisation": [("oic", 6)]},
        "dates": {
            "published": [
                (es_date(APRIL_2021), 2),
                (es_date(MAY_2021), 0),
                (es_date(JUNE_2021), 4),
            ]
        },
        "queries": {},
    }
    counts = normalise_facet_counts(raw)
    assert counts["year"] == [("2021", 6)]
    assert counts["month"] == [("2021-06", 4), ("2021-04", 2)]
    assert counts["organisation"] == [("oic", 6)]


def test_raw_elasticsearch_buckets_with_epoch_milliseconds():
    raw = {
        "dates": {
            "published": {
                "buckets": [
                    {"key_as_string": "2020-01-01T00:00:00.000Z", "key": YEAR_2020, "doc_count": 3},
                    {"key_as_string": "2021-01-01T00:00:00.000Z", "key": YEAR_2021, "doc_count": 8},
                ]
            }
        }
    }
    counts = normalise_facet_counts(raw)
    assert counts["year"] == [("2021", 8), ("2020", 3)]
    # Yearly buckets say nothing about months.
    assert counts["month"] == []


def test_a_yearly_histogram_before_1970_counts_its_year():
    # One bucket as haystack converts it, one still in raw epoch milliseconds.
    raw = {"dates": {"published": [(es_date(YEAR_1969), 1), (YEAR_2021, 2)]}}
    assert normalise_facet_counts(raw)["year"] == [("2021", 2), ("1969", 1)]


def test_a_declared_monthly_gap_gives_months_even_from_one_january_bucket():
    # Filtered to January 2021, a monthly histogram has one bucket that looks yearly.
    raw = {"dates": {"published": [(es_date(YEAR_2021), 4)]}}
    assert normalise_facet_counts(raw)["month"] == []
    counts = normalise_facet_counts(raw, date_gap="month")
    assert counts["month"] == [("2021-01", 4)]
    assert counts["year"] == [("2021", 4)]


def test_field_facets_win_over_a_date_facet_so_nothing_counts_twice():
    raw = {
        "fields": {"year": [("2021", 6), ("unknown", 1)]},
        "dates": {"published": [(es_date(APRIL_2021), 2), (es_date(JUNE_2021), 4)]},
    }
    counts = normalise_facet_counts(raw)
    assert counts["year"] == [("2021", 6), ("unknown", 1)]
    assert counts["month"] == [("2021-06", 4), ("2021-04", 2)]


def test_only_the_published_date_facet_becomes_years():
    raw = {"dates": {"updated": [(es_date(APRIL_2021), 2)]}}
    assert normalise_facet_counts(raw)["year"] == []


def test_whoosh_date_ranges_keyed_by_start_and_end():
    raw = {
        "fields": {},
        "dates": {
            "published": [
                ((dt.datetime(2021, 5, 1), dt.datetime(2021, 6, 1)), 3),
                ((dt.datetime(2021, 1, 1), dt.datetime(2021, 2, 1)), 1),
                (None, 2),
            ]
        },
    }
    counts = normalise_facet_counts(raw)
    assert counts["month"] == [("2021-05", 3), ("2021-01", 1)]
    assert counts["year"] == [("2021", 4)]


def test_solr_flat_lists_with_int_years_bytes_and_missing_values():
    # pysolr's JSON: [value, count, value, count, ...]; facet.missing adds [None, count].
    raw = {
        "fields": {
            "organisation": ["un", 4, b"oic", 2, "nato", 0, None, 3],
            "year": [2021, 5, 2020, "2", None, 1],
            "month": ["2021-05", 3],
        },
        "dates": {},
        "queries": {},
        "ranges": {},
    }
    counts = normalise_facet_counts(raw)
    assert counts["organisation"] == [("un", 4), ("oic", 2)]
    assert counts["year"] == [("2021", 5), ("2020", 2), (UNKNOWN_DATE, 1)]
    assert counts["month"] == [("2021-05", 3)]


def test_solr_pairs_as_haystack_zips_them():
    raw = {"fields": {"source": [("azertac", 3), ("state-department", 9)]}, "ranges": {}}
    assert normalise_facet_counts(raw)["source"] == [("state-department", 9), ("azertac", 3)]


def test_solr_range_facet_on_published_with_iso_strings():
    # Haystack pairs facet_ranges["published"]["counts"]; Solr fills empty gaps with 0.
    raw = {
        "fields": {},
        "dates": {},
        "queries": {},
        "ranges": {
            "published": [
                ("2021-04-01T00:00:00Z", 0),
                ("2021-05-01T00:00:00Z", 2),
                ("2021-06-01T00:00:00Z", 5),
            ]
        },
    }
    counts = normalise_facet_counts(raw)
    assert counts["month"] == [("2021-06", 5), ("2021-05", 2)]
    assert counts["year"] == [("2021", 7)]


def test_solr_range_facet_still_in_solrs_own_form():
    raw = {
        "ranges": {
            "published": {
                "counts": ["2020-01-01T00:00:00Z", 1, "2021-01-01T00:00:00Z", 3],
                "gap": "+1YEAR/YEAR",
                "start": "2020-01-01T00:00:00Z",
                "end": "2022-01-01T00:00:00Z",
            }
        }
    }
    counts = normalise_facet_counts(raw)
    assert counts["year"] == [("2021", 3), ("2020", 1)]
    assert counts["month"] == []


def test_solr_legacy_date_facet_names_its_gap():
    # facet_dates (Solr before 6.6), passed through by haystack as Solr sent it.
    raw = {
        "dates": {
            "published": {
                "2021-01-01T00:00:00Z": 2,
                "2021-02-01T00:00:00Z": 1,
                "gap": "+1MONTH/MONTH",
                "start": "2021-01-01T00:00:00Z",
                "end": "2021-03-01T00:00:00Z",
            }
        }
    }
    counts = normalise_facet_counts(raw)
    assert counts["month"] == [("2021-01", 2), ("2021-02", 1)]
    assert counts["year"] == [("2021", 3)]


def test_date_valued_year_and_month_terms_become_our_values():
    raw = {
        "fields": {
            "year": [("2021-05-01T00:00:00Z", 2), (dt.date(2021, 7, 4), 1), (2020.0, 1)],
            "month": [(b"2021-05-03", 2), ("2021-05-01T00:00:00Z", 1), ("unknown", 1)],
        }
    }
    counts = normalise_facet_counts(raw)
    assert counts["year"] == [("2021", 3), ("2020", 1)]
    assert counts["month"] == [("2021-05", 3), ("unknown", 1)]


def test_unreadable_counts_count_nothing():
    raw = {"fields": {"place": [("baku", "3"), ("rabat", None), ("ankara", "many")]}}
    assert normalise_facet_counts(raw)["place"] == [("baku", 3)]


def test_the_engine_hands_on_normalised_counts_from_the_real_backend(reindex):
    oic = OrganisationFactory(name="OIC", slug="oic")
    un = OrganisationFactory(name="UN", slug="un")
    dated = ArticleFactory(published=dt.date(2025, 4, 29), source=SourceFactory(slug="azertac"))
    undated = ArticleFactory()
    other = ArticleFactory(published=dt.date(2024, 1, 9))
    for article, organisation in ((dated, oic), (undated, oic), (other, un)):
        mention(article, organisation)
    reindex(dated, undated, other)

    state = SearchState(query=parse_query(""), selected={"organisation": ["oic"]})
    counts = facet_counts(state, build_queryset(state, highlight=False))
    # Whoosh reports the undated article's missing source and month as None.
    assert counts["source"] == [("azertac", 1)]
    assert counts["month"] == [("2025-04", 1)]
    assert counts["year"] == [("2025", 1), (UNKNOWN_DATE, 1)]
    # The selected facet counts without its own filter.
    assert counts["organisation"] == [("oic", 2), ("un", 1)]
    assert set(counts) == set(EVERY_FACET)


_VALUES = st.text(alphabet=st.sampled_from(list("0129-٢x")), max_size=8) | st.sampled_from(
    [UNKNOWN_DATE, "2021", "2021-05", "1987-13", "saudi-arabia", ""]
)


@hypothesis.settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(EVERY_FACET),
    st.lists(st.tuples(_VALUES, st.integers(-2, 5) | st.booleans() | st.none()), max_size=6),
)
def test_counts_already_as_stored_are_taken_as_they_are_and_come_out_the_same(name, entries):
    # A list of (text, int) pairs is our Whoosh backend's shape and is counted as it
    # is; a tuple of the same pairs goes the way of any engine's, value by value.
    raw = {"fields": {name: entries}}
    general = {"fields": {name: tuple(entries)}}
    assert normalise_facet_counts(raw, names=[name]) == normalise_facet_counts(
        general, names=[name]
    )
