"""The archive's own export format: one JSON object per article, readable by ``ingest``.

``export_record`` writes an article; ``entities_from_listing`` reads back the
entities a record lists, when ``ingest`` stores it.
"""

from __future__ import annotations

from collections.abc import Iterator

from archive.extraction.types import ExtractedEntity
from archive.ingest.records import EntityRecord
from archive.models import ENTITY_KINDS, Article
from archive.selectors import articles_with_entities
from archive.words import whole_word_starts


def export_record(article: Article) -> dict:
    record = {
        "title": article.title,
        "path": article.get_absolute_url(),
        "published": article.published.isoformat() if article.published else None,
        "published_at": (article.local_published_at.isoformat() if article.published_at else None),
        "author": article.author,
        "source": article.source.name if article.source else "",
        "url": article.url,
        "language": article.language,
        "source_file": article.source_file,
        "lead": article.lead,
        "text": article.body,
        "copy_of": _copy_of(article),
    }
    for kind in ENTITY_KINDS.values():
        record[kind.plural] = [
            {
                "name": entity.name,
                "slug": entity.slug,
                "kind": getattr(entity, "kind", ""),
                "aliases": sorted(alias.name for alias in entity.aliases.all()),
            }
            for entity in getattr(article, kind.plural).all()
        ]
    return record


def _copy_of(article: Article) -> str | None:
    """The path of the first publisher of the article's story; None for that
    article itself and for an article no other outlet published."""
    group = article.copy_group
    if group is None or group.first is None or group.first_id == article.pk:
        return None
    return group.first.get_absolute_url()


def iter_export(chunk_size: int = 500) -> Iterator[dict]:
    """Every article, oldest first, prefetched in chunks so memory stays flat."""
    articles = articles_with_entities().select_related("copy_group__first").order_by("pk")
    for article in articles.iterator(chunk_size=chunk_size):
        yield export_record(article)


def entities_from_listing(
    article: Article, listing: dict[str, tuple[EntityRecord, ...]]
) -> list[ExtractedEntity]:
    """Entities as our own export listed them, counted again in the text.

    Reading back an export restores the entities editors curated instead of
    re-extracting them.
    """
    found = []
    for kind in ENTITY_KINDS.values():
        for record in listing.get(kind.plural, ()):
            surfaces = {record.name, *record.aliases}
            entity = ExtractedEntity(kind=kind.name, name=record.name, aliases=set(record.aliases))
            for surface in surfaces:
                entity.count += sum(1 for _ in whole_word_starts(article.title, surface))
                for start in whole_word_starts(article.body, surface):
                    entity.count += 1
                    if entity.first_offset is None or start < entity.first_offset:
                        entity.first_offset = start
            entity.count = max(entity.count, 1)
            if kind.name == "organisation":
                entity.org_kind = record.kind
            elif kind.name == "place":
                entity.place_kind = record.kind
            elif kind.name == "event":
                entity.event_kind = record.kind
            found.append(entity)
    return found
