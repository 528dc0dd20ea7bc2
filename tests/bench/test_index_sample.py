"""The index-only sample: the first articles, in batches, through the real backend."""

from __future__ import annotations

import pytest
from haystack.query import SearchQuerySet

from bench.index_sample import main
from tests.search.factories import ArticleFactory


@pytest.fixture
def scratch(monkeypatch, tmp_path, search_index):
    # The child refuses to run unless its index is pointed somewhere on purpose.
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(tmp_path / "whoosh"))
    backend = search_index.get_backend()
    monkeypatch.setattr(backend, "batch_size", 2)
    return backend


@pytest.mark.django_db
def test_the_first_articles_are_indexed_in_batches(scratch):
    first, second, _third = ArticleFactory.create_batch(3)  # not indexed: no commit here
    result = main(2)
    assert result["articles"] == 2
    assert result["batch_size"] == 2
    assert len(result["batch_s"]) == 1
    found = {int(hit.pk) for hit in SearchQuerySet().all()}
    assert found == {first.pk, second.pk}


@pytest.mark.django_db
def test_a_sample_larger_than_the_archive_indexes_every_article(scratch):
    ArticleFactory.create_batch(3)
    result = main(20_000)
    assert result["articles"] == 3
    assert len(result["batch_s"]) == 2  # 2 + 1
    assert SearchQuerySet().all().count() == 3


def test_it_never_writes_to_an_index_nobody_chose(monkeypatch):
    monkeypatch.delenv("ARCHIVE_INDEX_DIR", raising=False)
    with pytest.raises(SystemExit, match="ARCHIVE_INDEX_DIR"):
        main(10)
