"""The query mix, and the same search asked of the archive and of Datasette."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from bench.queries import MIX, Search, datasette_url, describe, django_url, resolve

TOP = {"organisation": ["un", "nato"], "place": ["iraq", "iran", "japan"], "year": ["1987"]}


def _params(url: str) -> list[tuple[str, str]]:
    return parse_qsl(url.split("?", 1)[1], keep_blank_values=True)


def test_ranks_resolve_to_the_most_frequent_values():
    searches, skipped = resolve(
        (Search("facet", "oil", facets=(("place", "@2"), ("year", "1987"))),), TOP
    )
    assert searches == [Search("facet", "oil", facets=(("place", "iran"), ("year", "1987")))]
    assert skipped == []


def test_a_search_whose_facet_value_is_missing_is_left_out_on_both_sides():
    searches, skipped = resolve(
        (Search("browse", facets=(("event", "@1"),)), Search("word", "x")), TOP
    )
    assert searches == [Search("word", "x")]
    assert len(skipped) == 1


def test_the_mix_covers_every_kind_of_search():
    kinds = {search.kind for search in MIX}
    assert kinds == {"word", "phrase", "multi", "or", "question", "facet", "date", "browse"}


def test_the_questions_are_best_matches_and_go_to_datasette_as_any_of_their_words():
    from search.query import parse_query

    questions = [search for search in MIX if search.kind == "question"]
    assert len(questions) == 5
    assert all(parse_query(search.q).best_match for search in questions)
    url = datasette_url(questions[0], "/peer/articles.json")
    assert "_search=what+OR+did+OR+the" in url


def test_django_url_carries_query_facets_dates_and_sort():
    search = Search(
        "facet",
        '"foreign minister"',
        (("place", "iraq"), ("year", "1987")),
        "1987-03-01",
        "1987-04-30",
        "newest",
    )
    assert _params(django_url(search)) == [
        ("q", '"foreign minister"'),
        ("selected_facets", "place:iraq"),
        ("selected_facets", "year:1987"),
        ("start", "1987-03-01"),
        ("end", "1987-04-30"),
        ("sort", "newest"),
    ]


def test_datasette_url_asks_for_the_same_search_and_every_facet():
    search = Search(
        "facet", "oil", (("place", "iraq"), ("year", "1987"), ("year", "2022")), "1987-03-01", None
    )
    params = _params(datasette_url(search, "/peer/articles.json"))
    assert ("_search", "oil") in params and ("_searchmode", "raw") in params
    assert ("place__arraycontains", "iraq") in params
    assert ("year__in", "1987,2022") in params
    assert ("published__gte", "1987-03-01") in params
    assert not any(key == "published__lte" for key, _ in params)
    assert [v for k, v in params if k == "_facet_array"] == [
        "organisation",
        "person",
        "place",
        "event",
    ]
    assert [v for k, v in params if k == "_facet"] == ["source", "year", "month"]
    assert ("_size", "20") in params


def test_browsing_is_newest_first_on_both_sides():
    params = _params(datasette_url(Search("browse"), "/peer/articles.json"))
    assert ("_sort_desc", "published") in params
    assert not any(key == "_search" for key, _ in params)
    assert _params(django_url(Search("browse"))) == [("q", "")]


def test_datasette_cannot_or_two_values_of_a_list_column():
    with pytest.raises(ValueError):
        datasette_url(Search("facet", "x", (("place", "a"), ("place", "b"))), "/p/t.json")


def test_every_search_of_the_mix_can_be_asked_of_datasette():
    searches, _ = resolve(
        MIX, {**TOP, "person": ["a"], "event": ["e"], "source": ["s", "t"], "month": ["1987-03"]}
    )
    assert len(searches) == len(MIX)
    for search in searches:
        datasette_url(search, "/peer/articles.json")


def test_searches_survive_a_round_trip_through_json():
    search = Search("date", "talks", (("place", "iraq"),), "1987-03-01", "1987-04-30")
    assert Search.from_dict(search.as_dict()) == search
    assert describe(search) == 'date "talks" place=iraq 1987-03-01..1987-04-30'
