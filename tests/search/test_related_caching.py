"""More like this is searched once per article and archive revision.

Committed for real (``transaction=True``): the archive's revision is bumped when a
transaction commits, and nothing is cached inside a transaction with writes.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from haystack.query import SearchQuerySet

from archive.models import Article
from conftest import SEEDS_DIR
from search import related
from search.related import related_articles

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def searches(monkeypatch):
    """The articles "more like this" was searched for, in order."""
    searched = []

    class Counting(SearchQuerySet):
        def more_like_this(self, model_instance):
            searched.append(model_instance.pk)
            return super().more_like_this(model_instance)

    monkeypatch.setattr(related, "SearchQuerySet", Counting)
    return searched


@pytest.fixture
def seeds():
    call_command("ingest", str(SEEDS_DIR), stdout=StringIO(), stderr=StringIO())
    return {article.source_file: article for article in Article.objects.all()}


def test_more_like_this_is_searched_once_until_the_archive_changes(seeds, page_cache, searches):
    article = seeds["000_559ac3be9b7589b6.txt"]
    first = related_articles(article, limit=3)
    assert seeds["003_6d2201c64f15c868.txt"] in first
    assert related_articles(article, limit=3) == first
    assert searches == [article.pk]

    article.save()  # reindexed: the scores may change
    assert seeds["003_6d2201c64f15c868.txt"] in related_articles(article, limit=3)
    assert searches == [article.pk, article.pk]


def test_a_deleted_article_leaves_the_sidebar_at_once(seeds, page_cache, client):
    article = seeds["000_559ac3be9b7589b6.txt"]
    other = seeds["003_6d2201c64f15c868.txt"]
    url, other_url = article.get_absolute_url(), other.get_absolute_url()
    assert other_url in client.get(url).content.decode()
    other.delete()
    assert other_url not in client.get(url).content.decode()


def test_a_failed_search_is_not_remembered(seeds, page_cache, monkeypatch):
    article = seeds["000_559ac3be9b7589b6.txt"]

    def broken(self, model_instance):
        raise RuntimeError("the index is away")

    monkeypatch.setattr(SearchQuerySet, "more_like_this", broken)
    assert related_articles(article) == []
    monkeypatch.undo()
    assert related_articles(article)
