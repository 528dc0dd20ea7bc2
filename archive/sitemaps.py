"""The sitemap: articles, entity pages and the browsing pages."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import ENTITY_KINDS, Article


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.only("pk", "slug", "updated").order_by("pk")

    def lastmod(self, article: Article):
        return article.updated


class EntitySitemap(Sitemap):
    limit = 5000

    def __init__(self, kind: str):
        self.kind = ENTITY_KINDS[kind]

    def items(self):
        return self.kind.model.objects.only("pk", "slug", "updated").order_by("pk")

    def lastmod(self, entity):
        return entity.updated


class PageSitemap(Sitemap):
    def items(self):
        return ["archive:home", "archive:article-list"] + [
            f"archive:{kind}-list" for kind in ENTITY_KINDS
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    **{kind.plural: EntitySitemap(kind.name) for kind in ENTITY_KINDS.values()},
}
