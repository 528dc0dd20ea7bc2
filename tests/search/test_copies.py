"""One search result per story: copies collapsed, counted once, listed on request."""

from __future__ import annotations

import pytest
from django.urls import reverse

from archive.models import Article
from tests.archive.copies.stories import SIBLING, STORY, edited, truncated, with_boilerplate
from tests.archive.services.test_copies import publish

SEARCH = reverse("search:search")


@pytest.fixture
def copies(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stories = {
            "ministry": publish("Valdoria Foreign Ministry", STORY, 9),
            "dispatch": publish(
                "Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12
            ),
            "review": publish("Asia Review", edited(STORY), 20, title="Border talks agreed"),
            "cut": publish("Gulf Wire", truncated(STORY), 15, url="https://gulf.example/cut"),
            "quotas": publish("Gulf Wire", SIBLING, 16, title="Quotas", url="https://g.example/q"),
        }
    return {name: Article.objects.get(pk=article.pk) for name, article in stories.items()}


def _results(client, **params) -> list:
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def _urls(response) -> list[str]:
    return [row["article"].url for row in response.context["results"]]


def test_a_story_and_its_copies_are_one_result(copies, client):
    response = _results(client, q="Valdoria")
    assert response.context["total"] == 2
    rows = {row["article"].url: row for row in response.context["results"]}
    assert rows[copies["quotas"].url]["other_copies"] == 0
    [story] = [row for url, row in rows.items() if url != copies["quotas"].url]
    assert story["other_copies"] == 3
    assert "and 3 copies" in response.content.decode()
    # Sources count every outlet's copy; the rest count stories.
    facets = {facet.field: facet for facet in response.context["facets"]}
    sources = {row.label: row.count for row in facets["source"].rows}
    assert sources == {
        "Gulf Wire": 2,
        "Valdoria Foreign Ministry": 1,
        "Capital Dispatch": 1,
        "Asia Review": 1,
    }
    years = {row.label: row.count for row in facets["year"].rows}
    assert years == {"2022": 2}


def test_every_copy_is_listed_on_request_and_the_choice_is_kept(copies, client):
    response = _results(client, q="Valdoria", copies="all")
    assert response.context["total"] == 5
    assert "copies=all" in response.context["page_url_prefix"]
    assert "One result per story" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Valdoria"},
        {"q": "Valdoria", "sort": "newest"},
        {},  # browsing: every article, newest first
        {"q": "Vald*"},  # scored by Whoosh itself
        {"q": "what did the ministers of Valdoria and Kestria agree on the border"},
    ],
    ids=["relevance", "newest", "browse", "wildcard", "question"],
)
def test_collapsing_keeps_the_first_ranked_copy_of_each_story(copies, client, params):
    every = _urls(_results(client, copies="all", **params))
    story_of = {a.url: a.copy_group_id or -a.pk for a in Article.objects.all()}
    expected, seen = [], set()
    for url in every:
        if story_of[url] not in seen:
            seen.add(story_of[url])
            expected.append(url)
    assert _urls(_results(client, **params)) == expected


def test_a_source_filter_finds_that_outlets_copy(copies, client):
    response = _results(client, q="Valdoria", selected_facets="source:capital-dispatch")
    assert _urls(response) == [copies["dispatch"].url]
