"""The search document of an article: its text, its entities' names, its facets.

Facet fields hold entity slugs, which never contain commas or quotes; pages show
the names from the database. The ``*_names`` fields hold the same entities'
names and aliases, analysed like the text, for fielded queries (``person:aliyev``).
"""

from __future__ import annotations

import datetime as dt

from haystack import indexes

from archive.models import ENTITY_KINDS, Article

from .documents import articles_for_indexing, encounter_people, named_entities
from .facet_registry import FACETS, UNKNOWN_DATE

# The facets whose values are the slugs of an article's entities of one kind.
_ENTITY_FACETS = [
    facet for facet in FACETS.values() if facet.entity_kind in ENTITY_KINDS and not facet.encounters
]
_ENCOUNTER_FACETS = [facet for facet in FACETS.values() if facet.encounters]


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    # The document is searched, never shown: snippets come from the stored body.
    text = indexes.CharField(document=True, stored=False)
    title = indexes.CharField(model_attr="title", boost=2.0)
    body = indexes.CharField(model_attr="body", indexed=False)
    published = indexes.DateField(model_attr="published", null=True)
    # 1 when the date is known: "newest first" sorts on (dated, published), so
    # articles of unknown date come last rather than first.
    dated = indexes.IntegerField()
    # When the article row last changed: `check_index` finds stale documents by it.
    updated = indexes.DateTimeField()
    year = indexes.CharField(faceted=True)
    month = indexes.CharField(faceted=True, null=True)
    source = indexes.CharField(faceted=True, null=True)
    # The story an article is a copy of ("g<group>"), for one result per story.
    story = indexes.CharField(faceted=True, null=True, indexed=False)
    person = indexes.MultiValueField(faceted=True)
    organisation = indexes.MultiValueField(faceted=True)
    place = indexes.MultiValueField(faceted=True)
    event = indexes.MultiValueField(faceted=True)
    met = indexes.MultiValueField(faceted=True)
    person_names = indexes.CharField(stored=False, null=True)
    organisation_names = indexes.CharField(stored=False, null=True)
    place_names = indexes.CharField(stored=False, null=True)
    event_names = indexes.CharField(stored=False, null=True)
    source_name = indexes.CharField(stored=False, null=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return articles_for_indexing()

    def get_updated_field(self):
        return "updated"

    def prepare(self, article: Article) -> dict:
        # Entity facets hold slugs, the ``<kind>_names`` fields names and aliases:
        # set here for every kind rather than by a ``prepare_<field>`` method each.
        data = super().prepare(article)
        for facet in _ENTITY_FACETS:
            entities = self._entities(article, facet.entity_kind)
            data[self.fields[facet.index_field].index_fieldname] = [e.slug for e in entities]
        for facet in _ENCOUNTER_FACETS:
            data[self.fields[facet.index_field].index_fieldname] = encounter_people(article)
        for kind in ENTITY_KINDS:
            data[self.fields[f"{kind}_names"].index_fieldname] = self._names(article, kind)
        return data

    def prepare_updated(self, article: Article) -> dt.datetime:
        # Whoosh cannot store aware datetimes; the index keeps naive UTC.
        return index_timestamp(article.updated)

    def prepare_dated(self, article: Article) -> int:
        return int(article.published is not None)

    def prepare_year(self, article: Article) -> str:
        return str(article.published.year) if article.published else UNKNOWN_DATE

    def prepare_month(self, article: Article) -> str | None:
        return article.published.strftime("%Y-%m") if article.published else None

    def prepare_source(self, article: Article) -> str | None:
        return article.source.slug if article.source else None

    def prepare_story(self, article: Article) -> str | None:
        return f"g{article.copy_group_id}" if article.copy_group_id else None

    def prepare_source_name(self, article: Article) -> str | None:
        return article.source.name if article.source else None

    def prepare_text(self, article: Article) -> str:
        # Plain joins, not a template: rendering one cost a millisecond a document.
        parts = [article.title, article.author, self.prepare_source_name(article) or ""]
        parts.append(article.body)
        parts.extend(self._names(article, kind) for kind in ENTITY_KINDS)
        return "\n".join(part for part in parts if part)

    def _entities(self, article: Article, kind: str) -> list:
        return named_entities(article)[kind]

    def _names(self, article: Article, kind: str) -> str:
        return "\n".join(name for entity in self._entities(article, kind) for name in entity.names)


def index_timestamp(value: dt.datetime) -> dt.datetime:
    """A database timestamp as the index stores it: naive UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
