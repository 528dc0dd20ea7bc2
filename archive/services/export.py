"""The archive's own export format: one JSON object per article, readable by ``ingest``."""

from __future__ import annotations

from collections.abc import Iterator

from archive.models import ENTITY_KINDS, Article
from archive.selectors import articles_with_entities


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


def iter_export(chunk_size: int = 500) -> Iterator[dict]:
    """Every article, oldest first, prefetched in chunks so memory stays flat."""
    articles = articles_with_entities().order_by("pk")
    for article in articles.iterator(chunk_size=chunk_size):
        yield export_record(article)
