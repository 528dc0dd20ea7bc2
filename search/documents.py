"""The entities a batch of articles' search documents name, read in a few queries.

A search document holds each entity's slug (for facets) and its names and
aliases (for search). Prefetching them as model instances cost more than indexing
the words: one instance per mention and its alias list, for a name and a slug.
Here each kind of entity costs two queries of plain rows per batch of articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.query import ModelIterable

from archive.models import ENTITY_KINDS, Article, InteractionParticipant

# SQLite allows at most 32,766 parameters in a statement.
_CHUNK = 10_000


@dataclass(frozen=True)
class NamedEntity:
    slug: str
    names: tuple[str, ...]  # its name, then its aliases, then its acronym if any


def articles_for_indexing() -> QuerySet[Article]:
    """Articles with their source, each with ``named_entities``: kind -> entities."""
    articles = Article.objects.with_source()
    articles._iterable_class = _WithNamedEntities
    return articles


def named_entities(article: Article) -> dict[str, list[NamedEntity]]:
    """The article's entities by kind, in name order: read for it now if not yet."""
    if not hasattr(article, "named_entities"):
        attach_named_entities([article])
    return article.named_entities


def encounter_people(article: Article) -> list[str]:
    """The slugs of the people the encounters the article reports bring together."""
    if not hasattr(article, "encounter_people"):
        attach_named_entities([article])
    return article.encounter_people


def attach_named_entities(articles: list[Article]) -> None:
    by_article = {article.pk: article for article in articles}
    for article in articles:
        article.named_entities = {kind: [] for kind in ENTITY_KINDS}
        article.encounter_people = []
    for article_id, slug in _encounter_people(list(by_article)):
        by_article[article_id].encounter_people.append(slug)
    for kind, entities in _named_entities(list(by_article)).items():
        for article_id, found in entities.items():
            by_article[article_id].named_entities[kind] = found


def _named_entities(ids: list[int]) -> dict[str, dict[int, list[NamedEntity]]]:
    found = {}
    for kind_name, kind in ENTITY_KINDS.items():
        mentions = _mentions(kind, ids)
        aliases = _aliases(kind, sorted({entity_id for _article, entity_id, *_ in mentions}))
        per_article = defaultdict(list)
        # In name order, as the entities' own ordering lists them.
        for article_id, entity_id, name, slug, *acronym in sorted(
            mentions, key=lambda row: (row[2], row[1])
        ):
            names = (name, *aliases[entity_id], *(a for a in acronym if a))
            per_article[article_id].append(NamedEntity(slug, names))
        found[kind_name] = per_article
    return found


def _encounter_people(ids: list[int]) -> list[tuple[int, str]]:
    """(article, person slug) for each person in an encounter these articles report."""
    rows = set()
    for chunk in _chunks(ids):
        rows |= set(
            InteractionParticipant.objects.filter(
                interaction__sources__article_id__in=chunk,
                interaction__rejected=False,
                person__isnull=False,
            ).values_list("interaction__sources__article_id", "person__slug")
        )
    return sorted(rows)


def _mentions(kind, ids: list[int]) -> list[tuple]:
    """(article, entity, name, slug[, acronym]) of each mention in these articles."""
    columns = ["article_id", kind.name, f"{kind.name}__name", f"{kind.name}__slug"]
    if "acronym" in {field.name for field in kind.model._meta.get_fields()}:
        columns.append(f"{kind.name}__acronym")
    rows = []
    for chunk in _chunks(ids):
        rows += (
            kind.mention_model.objects.filter(article_id__in=chunk).order_by().values_list(*columns)
        )
    return rows


def _aliases(kind, entity_ids: list[int]) -> dict[int, list[str]]:
    """Each entity's aliases, in name order."""
    model = kind.model.aliases.rel.related_model
    found = defaultdict(list)
    for chunk in _chunks(entity_ids):
        rows = model.objects.filter(**{f"{kind.name}_id__in": chunk}).order_by("name", "pk")
        for entity_id, name in rows.values_list(f"{kind.name}_id", "name"):
            found[entity_id].append(name)
    return found


def _chunks(values: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class _WithNamedEntities(ModelIterable):
    """Articles as the queryset gives them, each batch read with its entities."""

    def __iter__(self):
        articles = list(super().__iter__())
        attach_named_entities(articles)
        yield from articles
