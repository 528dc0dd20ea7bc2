"""Storing ingested articles: one transaction each, idempotent, de-duplicated."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.ingest.records import ArticleRecord
from archive.models import Article, Source

from .extraction import entities_from_listing, extract, link_entities
from .slugs import make_slug, unique_slug

Status = Literal["created", "updated", "unchanged", "duplicate"]

# Longest article text accepted. Real articles stay far below it (the longest State
# Department release is ~80,000 characters); entity extraction slows down sharply
# beyond it, so a runaway input (a 12 MB single-line file) would stall an ingest.
MAX_BODY_CHARS = 500_000

# Fields copied from a record onto its article; a difference in any of them is an update.
_STORED_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "published",
    "published_at",
    "published_offset",
    "author",
    "source_id",
    "url",
    "language",
    "content_hash",
    "source_file",
)


class IngestError(Exception):
    """A record the archive refuses; the message says why."""


@dataclass(frozen=True)
class IngestResult:
    status: Status
    article: Article | None
    message: str = ""


def content_hash(title: str, body: str) -> str:
    """Fingerprint of the text: whitespace and case do not make a new article."""
    text = re.sub(r"\s+", " ", f"{title}\n{body}").strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_record(
    record: ArticleRecord,
    *,
    default_source: str = "",
    match_source_file: bool = True,
    dry_run: bool = False,
) -> IngestResult:
    """Store ``record`` as an article, or update the article it replaces.

    The article it replaces is the one with the same URL or, for single-article
    files (``match_source_file``), the same file name. Everything, mentions
    included, is written in one transaction: nothing is ever half-stored.

    Another process may store the same text (or create the same source or
    entity) between our look-up and our insert: the unique constraint refuses
    the second insert, and the record is looked at again, so it comes out
    "unchanged" or "duplicate" rather than as an error.
    """
    options = {
        "default_source": default_source,
        "match_source_file": match_source_file,
        "dry_run": dry_run,
    }
    for _retry in range(_ATTEMPTS - 1):
        try:
            return _ingest_once(record, **options)
        except IntegrityError:
            continue
    return _ingest_once(record, **options)


# Tries of one record that lost a race with a concurrent insert.
_ATTEMPTS = 3


def _ingest_once(
    record: ArticleRecord, *, default_source: str, match_source_file: bool, dry_run: bool
) -> IngestResult:
    with transaction.atomic():
        fields = _article_fields(record, default_source=default_source, dry_run=dry_run)
        same_text = _same_text(fields["content_hash"])
        existing = _find_by_identity(record, fields["published"], match_source_file)
        if same_text is not None and same_text != existing:
            if existing is not None or record.url or match_source_file:
                label = same_text.source_file or same_text.url
                return IngestResult(
                    "duplicate", same_text, f"same text as article {same_text.pk} ({label})"
                )
            # A record with no name of its own (no URL, no file): its text is its identity.
            existing = same_text
        if existing is None:
            article = Article(**fields)
            status: Status = "created"
        else:
            article = existing
            if existing.title == fields["title"]:
                fields["slug"] = existing.slug
            if all(getattr(existing, name) == fields[name] for name in _STORED_FIELDS):
                return IngestResult("unchanged", existing)
            for name, value in fields.items():
                setattr(article, name, value)
            status = "updated"
        if dry_run:
            transaction.set_rollback(True)
            return IngestResult(status, None)
        try:
            article.full_clean(validate_unique=False)
        except ValidationError as error:
            raise IngestError(_describe(error)) from error
        article.save()
        found = (
            entities_from_listing(article, record.entities) if record.entities else extract(article)
        )
        link_entities(article, found)
        return IngestResult(status, article)


def _article_fields(record: ArticleRecord, *, default_source: str, dry_run: bool) -> dict:
    title = _clip(record.title.strip(), 500)
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
    source_name = (record.source or default_source).strip()
    return {
        "title": title,
        "slug": make_slug(title, fallback="article"),
        "lead": record.lead.strip(),
        "body": body,
        "published": published,
        "published_at": published_at,
        "published_offset": offset,
        "author": _clip(record.author.strip(), 300),
        "source_id": _source_id(source_name, dry_run=dry_run),
        "url": record.url.strip(),
        "language": (record.language or "en")[:16],
        "content_hash": content_hash(title, body),
        "source_file": _clip(record.source_file, 500),
    }


def _publication(record: ArticleRecord) -> tuple[dt.date | None, dt.datetime | None, int | None]:
    moment = record.published_at
    if moment is None or moment.utcoffset() is None:
        return record.published, None, None
    offset = int(moment.utcoffset().total_seconds() // 60)
    published = record.published or moment.date()
    return published, moment.astimezone(dt.UTC), offset


def _source_id(name: str, *, dry_run: bool) -> int | None:
    if not name:
        return None
    slug = make_slug(name, fallback="source")
    source = Source.objects.filter(slug=slug).first()
    if source is None:
        if dry_run:
            return None
        source = Source.objects.create(name=_clip(name, 200), slug=unique_slug(Source, name))
    return source.pk


def _same_text(digest: str) -> Article | None:
    return Article.objects.filter(content_hash=digest).first()


def _find_by_identity(
    record: ArticleRecord, published: dt.date | None, match_source_file: bool
) -> Article | None:
    """The stored article this record is a version of: same URL, or same file.

    A URL reused on another day (yearly statements) names a different article.
    """
    if record.url:
        same_url = Article.objects.filter(url=record.url.strip()).order_by("pk")
        for article in same_url:
            if published is None or article.published in (None, published):
                return article
    if match_source_file and record.source_file:
        return Article.objects.filter(source_file=record.source_file).order_by("pk").first()
    return None


def _clip(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
