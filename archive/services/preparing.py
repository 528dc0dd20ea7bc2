"""A parsed record as the article it would store, or the reason the archive refuses it.

Preparing touches no database, so records can be prepared (and their text
handed to the extractor) ahead of storing them (``storing``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from archive.extraction.types import ExtractedEntity
from archive.ingest.home_zones import outlet_day
from archive.ingest.records import ArticleRecord

from .extraction import ExtractionError
from .slugs import make_slug

# Longest article text accepted. Real articles stay far below it (the longest State
# Department release is ~80,000 characters); entity extraction slows down sharply
# beyond it, so a runaway input (a 12 MB single-line file) would stall an ingest.
MAX_BODY_CHARS = 500_000

# What the extractor found in a record's text, or how it failed; None: not run yet.
Extraction = list[ExtractedEntity] | ExtractionError | None


class IngestError(Exception):
    """A record the archive refuses; the message says why."""


@dataclass
class PreparedRecord:
    """A record with the article fields it would store, or the reason it is refused."""

    record: ArticleRecord
    default_source: str
    match_source_file: bool
    # The article's fields, all but ``source_id``; empty when refused.
    fields: dict = field(default_factory=dict)
    source_name: str = ""
    error: IngestError | None = None
    extracted: Extraction = None


def prepare_record(
    record: ArticleRecord, *, default_source: str = "", match_source_file: bool = True
) -> PreparedRecord:
    """``match_source_file``: the record's file name identifies its article (one per file)."""
    prepared = PreparedRecord(record, default_source, match_source_file)
    try:
        prepared.fields, prepared.source_name = _record_fields(record, default_source)
    except IngestError as error:
        prepared.error = error
    return prepared


def content_hash(title: str, body: str) -> str:
    """Fingerprint of the text: whitespace and case do not make a new article."""
    # Runs of whitespace become one space: as re.sub(r"\s+", " ", text).strip(), faster.
    text = " ".join(f"{title}\n{body}".split()).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clip(text: str, length: int) -> str:
    """``text`` cut at a word to at most ``length`` characters, with an ellipsis if cut."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def _record_fields(record: ArticleRecord, default_source: str) -> tuple[dict, str]:
    """The article's fields (all but its source) and the name of its source."""
    title = clip(record.title.strip(), 500)
    body = record.body.strip()
    if not body:
        raise IngestError("the article has no text")
    if len(body) > MAX_BODY_CHARS:
        raise IngestError(
            f"the article's text is too long ({len(body):,} characters; "
            f"the limit is {MAX_BODY_CHARS:,})"
        )
    if not title:
        raise IngestError("the article has no title")
    published, published_at, offset = _publication(record)
    fields = {
        "title": title,
        "slug": make_slug(title, fallback="article"),
        "lead": record.lead.strip(),
        "body": body,
        "published": published,
        "published_at": published_at,
        "published_offset": offset,
        "author": clip(record.author.strip(), 300),
        "url": record.url.strip(),
        "language": (record.language or "en")[:16],
        "content_hash": content_hash(title, body),
        "source_file": clip(record.source_file, 500),
    }
    return fields, (record.source or default_source).strip()


def _publication(record: ArticleRecord) -> tuple[dt.date | None, dt.datetime | None, int | None]:
    moment = record.published_at
    if moment is None or moment.utcoffset() is None:
        return record.published, None, None
    published, offset = outlet_day(moment, record.url, record.published)
    return published, moment.astimezone(dt.UTC), offset
