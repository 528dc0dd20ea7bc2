"""More like this: the function the archive's article page calls."""

from __future__ import annotations

from search.related import related_articles


def test_related_articles_share_the_articles_subject(seeds):
    sengendo_2025 = seeds["000_559ac3be9b7589b6.txt"]
    related = related_articles(sengendo_2025, limit=3)
    assert sengendo_2025 not in related
    # The other Sengendo interview on restoring Karabakh is among them.
    assert seeds["003_6d2201c64f15c868.txt"] in related
    assert related_articles(sengendo_2025, limit=1) == related[:1]


def test_an_article_missing_from_the_index_has_no_related_articles(seeds):
    from search.indexing import remove_articles

    article = seeds["001_7ce36fb11aacb69e.txt"]
    remove_articles([article.pk])
    assert related_articles(article) == []
