"""The index-only sample: the first articles stored, through the real update_index."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from haystack.query import SearchQuerySet

from archive.models import Article
from bench.index_sample import main
from tests.search.factories import ArticleFactory


@pytest.fixture
def scratch(monkeypatch, tmp_path, search_index):
    # The child refuses to run unless its index is pointed somewhere on purpose.
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(tmp_path / "whoosh"))
    return search_index.get_backend()


def _stored_one_by_one(count: int) -> list:
    """Articles stored a moment apart, as an ingest stores them."""
    made = ArticleFactory.create_batch(count)  # not indexed: no commit here
    base = timezone.now() - dt.timedelta(hours=1)
    for minutes, article in enumerate(made):
        Article.objects.filter(pk=article.pk).update(updated=base + dt.timedelta(minutes=minutes))
    return made


@pytest.mark.django_db
def test_the_first_articles_stored_are_indexed(scratch):
    first, second, _third = _stored_one_by_one(3)
    result = main(2)
    assert result["articles"] == 2
    assert result["workers"] == 0  # the test settings index in this process
    found = {int(hit.pk) for hit in SearchQuerySet().all()}
    assert found == {first.pk, second.pk}


@pytest.mark.django_db
def test_a_sample_larger_than_the_archive_indexes_every_article(scratch):
    _stored_one_by_one(3)
    result = main(20_000)
    assert result["articles"] == 3
    assert SearchQuerySet().all().count() == 3


@pytest.mark.django_db
def test_an_empty_archive_gives_an_empty_sample(scratch):
    assert main(100)["articles"] == 0


def test_it_never_writes_to_an_index_nobody_chose(monkeypatch):
    monkeypatch.delenv("ARCHIVE_INDEX_DIR", raising=False)
    with pytest.raises(SystemExit, match="ARCHIVE_INDEX_DIR"):
        main(10)
