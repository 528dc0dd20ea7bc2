from __future__ import annotations

import pytest

from search.indexing import update_articles


@pytest.fixture
def reindex(db):
    """Index these articles now, as the on-commit queue does after a commit."""

    def run(*articles):
        update_articles(article.pk for article in articles)

    return run
