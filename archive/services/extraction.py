"""Run the configured extractor: load it once, and read articles' texts with it.

Linking what it finds to the archive's entities is ``linking``'s job.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.conf import settings
from django.utils.module_loading import import_string

from archive.extraction.types import ExtractedEntity, Extractor
from archive.models import Article


class ExtractionError(Exception):
    """The extractor failed on one article; the message says how."""


@functools.cache
def get_extractor() -> Extractor:
    return import_string(settings.ARCHIVE_EXTRACTOR)()


def extract(article: Article) -> list[ExtractedEntity]:
    return get_extractor().extract(article.title, article.body, published=article.published)


def extract_text(
    title: str, body: str, published: dt.date | None
) -> list[ExtractedEntity] | ExtractionError:
    """The extractor's findings, or the error it failed with: one bad text never stops a run.

    Pure (no database): ingest runs it in worker processes.
    """
    try:
        return get_extractor().extract(title, body, published=published)
    except Exception as error:  # any bug in any extractor becomes this record's failure
        return ExtractionError(f"entity extraction failed: {type(error).__name__}: {error}")
