"""Facets, dates, sorting and pages through the search page: the state is the URL."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pytest

from archive.models import Organisation
from tests.search.factories import ArticleFactory
from tests.search.helpers import SEARCH, found, in_order


def _facets(response) -> dict:
    return {f.field: {row.value: row for row in f.rows} for f in response.context["facets"]}


def test_a_2025_date_range_keeps_the_2025_articles(seeds, client):
    response = client.get(SEARCH, {"start": "2025-01-01", "end": "2025-12-31"})
    assert found(response) == {"000", "002"}


def test_date_bounds_are_inclusive_and_exclude_undated_articles(seeds, client):
    assert found(client.get(SEARCH, {"start": "2025-10-09", "end": "2025-10-09"})) == {"000"}
    # 001 has no date: an open range does not claim it either.
    assert found(client.get(SEARCH, {"end": "2025-04-29"})) == {"002", "003"}
    assert found(client.get(SEARCH, {"start": "2021-04-08"})) == {"000", "002", "003"}


BAD_RANGES = [
    ({"start": "2025-12-31", "end": "2025-01-01"}, "is after the end date"),
    ({"start": "2025-13-01"}, "YYYY-MM-DD"),
    ({"end": "yesterday"}, "YYYY-MM-DD"),
    ({"start": "99999-01-01"}, "YYYY-MM-DD"),
]


def test_a_bad_date_range_is_explained_and_not_applied(seeds, client):
    for params, message in BAD_RANGES:
        response = client.get(SEARCH, params)
        assert response.status_code == 200
        assert message in " ".join(response.context["notices"]), params
        assert response.context["total"] == 4


def test_unknown_dates_are_a_choice_of_their_own(seeds, client):
    response = client.get(SEARCH)
    unknown = _facets(response)["year"]["unknown"]
    assert (unknown.label, unknown.count) == ("Date unknown", 1)
    assert found(client.get(SEARCH + unknown.url)) == {"001"}


def test_month_facet_selects_a_month(seeds, client):
    october = _facets(client.get(SEARCH))["month"]["2025-10"]
    assert (october.label, october.count) == ("October 2025", 1)
    assert found(client.get(SEARCH, {"selected_facets": "month:2025-10"})) == {"000"}


def test_a_facets_counts_ignore_its_own_filter_but_not_the_others(seeds, client):
    response = client.get(SEARCH, {"selected_facets": "year:2025"})
    facets = _facets(response)
    # Other years keep their counts, so they can be added to the selection...
    assert {value: row.count for value, row in facets["year"].items()} == {
        "2025": 2,
        "2021": 1,
        "unknown": 1,
    }
    # ...while other facets count within 2025 only.
    assert facets["organisation"]["organisation-of-islamic-cooperation"].count == 2
    icesco = Organisation.objects.get(acronym="ICESCO")
    both = client.get(SEARCH, {"selected_facets": ["year:2025", f"organisation:{icesco.slug}"]})
    assert {value: row.count for value, row in _facets(both)["year"].items()} == {"2025": 1}


def test_facet_select_and_deselect_round_trip_keeps_the_rest_of_the_state(seeds, client):
    start = {"q": "OIC", "sort": "oldest", "start": "2021-01-01", "page": "1"}
    first = client.get(SEARCH, start)
    row = _facets(first)["year"]["2025"]
    selected = client.get(SEARCH + row.url)
    assert found(selected) == {"000", "002"}
    params = parse_qs(row.url.lstrip("?"))
    assert params["q"] == ["OIC"] and params["sort"] == ["oldest"] and "page" not in params
    back = _facets(selected)["year"]["2025"]
    assert back.selected
    assert found(client.get(SEARCH + back.url)) == found(first)


def test_active_filters_are_chips_that_each_remove_only_themselves(seeds, client):
    response = client.get(
        SEARCH, {"q": "OIC", "selected_facets": "year:2025", "start": "2025-05-01"}
    )
    chips = {chip.label: chip for chip in response.context["chips"]}
    assert set(chips) == {"Year", "From"}
    assert found(response) == {"000"}
    assert found(client.get(SEARCH + chips["From"].url)) == {"000", "002"}
    assert found(client.get(SEARCH + chips["Year"].url)) == {"000"}
    assert parse_qs(response.context["clear_filters_url"].lstrip("?")) == {"q": ["OIC"]}


def test_sorting_newest_and_oldest_put_unknown_dates_last(seeds, client):
    assert in_order(client.get(SEARCH, {"q": "OIC", "sort": "newest"})) == [
        "000",
        "002",
        "003",
        "001",
    ]
    assert in_order(client.get(SEARCH, {"q": "OIC", "sort": "oldest"})) == [
        "003",
        "002",
        "000",
        "001",
    ]


def test_relevance_ranks_the_article_about_the_query_first(seeds, client):
    assert in_order(client.get(SEARCH, {"q": "ICESCO office"}))[0] == "002"


def test_unknown_sort_and_facets_are_ignored_with_a_message(seeds, client):
    response = client.get(SEARCH, {"sort": "sideways", "selected_facets": ["colour:red", "year:x"]})
    assert response.status_code == 200
    assert response.context["total"] == 4
    assert "colour:red" in " ".join(response.context["notices"])


@pytest.fixture
def many(reindex, settings):
    settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE = 4
    articles = [
        ArticleFactory(
            title=f"Summit report {n}",
            body=f"The summit met on day {n}.",
            published=dt.date(2024, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(10)
    ]
    reindex(*articles)
    return articles


def test_pages_split_the_results_and_the_last_page_is_right(many, client):
    pages = [
        in_order(client.get(SEARCH, {"q": "summit", "sort": "newest", "page": n}))
        for n in (1, 2, 3)
    ]
    assert [len(page) for page in pages] == [4, 4, 2]
    assert pages[2] == ["Summit report 1", "Summit report 0"]
    assert len({title for page in pages for title in page}) == 10


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "99999999999999999999", "1.5"])
def test_pages_that_do_not_exist_are_404_not_500(many, client, page):
    assert client.get(SEARCH, {"q": "summit", "page": page}).status_code == 404
