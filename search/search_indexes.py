"""The search document of an article: its text, its entities' names, its facets.

Facet fields hold entity slugs, which never contain commas or quotes; pages show
the names from the database.
"""

from __future__ import annotations

from haystack import indexes

from archive.models import ENTITY_KINDS, Article
from archive.selectors import articles_with_entities


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True)
    title = indexes.CharField(model_attr="title", boost=2.0)
    published = indexes.DateField(model_attr="published", null=True)
    year = indexes.CharField(faceted=True, null=True)
    month = indexes.CharField(faceted=True, null=True)
    source = indexes.CharField(faceted=True, null=True)
    person = indexes.MultiValueField(faceted=True)
    organisation = indexes.MultiValueField(faceted=True)
    place = indexes.MultiValueField(faceted=True)
    event = indexes.MultiValueField(faceted=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return articles_with_entities()

    def prepare_year(self, article: Article) -> str | None:
        return str(article.published.year) if article.published else None

    def prepare_month(self, article: Article) -> str | None:
        return article.published.strftime("%Y-%m") if article.published else None

    def prepare_source(self, article: Article) -> str | None:
        return article.source.slug if article.source else None

    def _slugs(self, article: Article, kind: str) -> list[str]:
        return [entity.slug for entity in getattr(article, ENTITY_KINDS[kind].plural).all()]

    def prepare_person(self, article: Article) -> list[str]:
        return self._slugs(article, "person")

    def prepare_organisation(self, article: Article) -> list[str]:
        return self._slugs(article, "organisation")

    def prepare_place(self, article: Article) -> list[str]:
        return self._slugs(article, "place")

    def prepare_event(self, article: Article) -> list[str]:
        return self._slugs(article, "event")
