"""Storing ingested articles: idempotent, de-duplicated, never half-stored.

``ingest_record`` stores one record in its own transaction. ``ingest_batch``
stores many in one, with the outcome ``ingest_record`` would give each in
turn: from a few batched look-ups, the new articles that touch nothing else
in the batch are inserted in bulk and the unchanged and duplicate ones are
told apart by the same comparison (``_compare``); the rest (updates, records
that collide with each other) go through ``ingest_record`` itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from archive.extraction.types import ExtractedEntity
from archive.ingest.records import ArticleRecord
from archive.models import Article, Source
from archive.signals import articles_changed

from .extraction import (
    ExtractionError,
    entities_from_listing,
    extract_text,
    link_all,
    link_entities,
)
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

# What the extractor found in a record's text, or how it failed; None: not run yet.
Extraction = list[ExtractedEntity] | ExtractionError | None


class IngestError(Exception):
    """A record the archive refuses; the message says why."""


@dataclass(frozen=True)
class IngestResult:
    status: Status
    article: Article | None
    message: str = ""


def content_hash(title: str, body: str) -> str:
    """Fingerprint of the text: whitespace and case do not make a new article."""
    # Runs of whitespace become one space: as re.sub(r"\s+", " ", text).strip(), faster.
    text = " ".join(f"{title}\n{body}".split()).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_record(
    record: ArticleRecord,
    *,
    default_source: str = "",
    match_source_file: bool = True,
    dry_run: bool = False,
    extracted: Extraction = None,
) -> IngestResult:
    """Store ``record`` as an article, or update the article it replaces.

    The article it replaces is the one with the same URL or, for single-article
    files (``match_source_file``), the same file name. Everything, mentions
    included, is written in one transaction: nothing is ever half-stored.
    ``extracted``: the extractor's findings in the record's text, when they
    were found beforehand (in a worker process); else it runs here if needed.

    Another process may store the same text (or create the same source or
    entity) between our look-up and our insert: the unique constraint refuses
    the second insert, and the record is looked at again, so it comes out
    "unchanged" or "duplicate" rather than as an error.
    """
    options = {
        "default_source": default_source,
        "match_source_file": match_source_file,
        "dry_run": dry_run,
        "extracted": extracted,
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
    record: ArticleRecord,
    *,
    default_source: str,
    match_source_file: bool,
    dry_run: bool,
    extracted: Extraction,
) -> IngestResult:
    with transaction.atomic():
        fields = _article_fields(record, default_source=default_source, dry_run=dry_run)
        same_text = _same_text(fields["content_hash"])
        existing = _find_by_identity(record, fields["published"], match_source_file)
        decision = _compare(record, fields, same_text, existing, match_source_file)
        if decision.status in ("duplicate", "unchanged"):
            return IngestResult(decision.status, decision.article, decision.message)
        article = decision.article
        for name, value in decision.fields.items():
            setattr(article, name, value)
        if dry_run:
            transaction.set_rollback(True)
            return IngestResult(decision.status, None)
        _validate(article)
        found = _findings(article, record, extracted)
        article.save()
        link_entities(article, found)
        return IngestResult(decision.status, article)


@dataclass
class PreparedRecord:
    """A record with the article fields it would store, or the reason it is refused.

    Preparing touches no database, so records can be prepared (and their text
    handed to the extractor) ahead of storing.
    """

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
    prepared = PreparedRecord(record, default_source, match_source_file)
    try:
        prepared.fields, prepared.source_name = _record_fields(record, default_source)
    except IngestError as error:
        prepared.error = error
    return prepared


def records_to_extract(batch: list[PreparedRecord], *, dry_run: bool) -> list[PreparedRecord]:
    """The records of ``batch`` whose text the extractor will read, as far as one query tells.

    Those whose text the archive does not hold yet (new and changed articles),
    not the refused ones nor those that list their own entities. An article
    whose text is stored but whose other fields changed is extracted when it
    is stored.
    """
    if dry_run:
        return []
    live = [p for p in batch if p.error is None and not p.record.entities]
    hashes = {prepared.fields["content_hash"] for prepared in live}
    stored = set(
        Article.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True)
    )
    return [prepared for prepared in live if prepared.fields["content_hash"] not in stored]


def ingest_batch(
    batch: list[PreparedRecord], *, dry_run: bool = False
) -> list[IngestResult | IngestError]:
    """Store ``batch`` in one transaction; each record gets what ``ingest_record`` gives it.

    Returns a result, or the reason it was refused, for each record in order.
    If another process stored some of the same articles meanwhile (a unique
    constraint refuses the batch), the batch is stored record by record.
    """
    try:
        with transaction.atomic():
            outcomes = _ingest_batch(batch, dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)
            return outcomes
    except IntegrityError:
        return [_ingest_one(prepared, dry_run=dry_run) for prepared in batch]


def _ingest_batch(
    batch: list[PreparedRecord], *, dry_run: bool
) -> list[IngestResult | IngestError]:
    outcomes: list[IngestResult | IngestError | None] = [None] * len(batch)
    creating: list[tuple[int, PreparedRecord, Article, list[ExtractedEntity]]] = []
    for position, (prepared, plan) in enumerate(
        zip(batch, _plan(batch, dry_run=dry_run), strict=True)
    ):
        if plan.action == "refused":
            outcomes[position] = prepared.error
        elif plan.action == "settled":
            outcomes[position] = plan.result
        elif plan.action == "create" and dry_run:
            outcomes[position] = IngestResult("created", None)
        elif plan.action == "create":
            try:
                _validate(plan.article)
                found = _findings(plan.article, prepared.record, prepared.extracted)
            except IngestError as error:
                outcomes[position] = error
                continue
            creating.append((position, prepared, plan.article, found))
    if creating:
        _create(creating)
        for position, _prepared, article, _found in creating:
            outcomes[position] = IngestResult("created", article)
    # Updates, duplicates and records that collide within the batch, in order:
    # they see the articles created above, as they would have one by one.
    for position, prepared in enumerate(batch):
        if outcomes[position] is None:
            outcomes[position] = _ingest_one(prepared, dry_run=dry_run)
    return outcomes


def _create(creating: list[tuple[int, PreparedRecord, Article, list[ExtractedEntity]]]) -> None:
    """Insert new articles in bulk with their sources, mentions and roles."""
    missing = {p.source_name for _, p, article, _ in creating if article.source_id is None}
    sources = {name: _source_id(name, dry_run=False) for name in sorted(missing) if name}
    for _position, prepared, article, _found in creating:
        if prepared.source_name and article.source_id is None:
            article.source_id = sources[prepared.source_name]
    articles = Article.objects.bulk_create([article for _, _, article, _ in creating])
    link_all([(article, found) for _, _, article, found in creating], new=True)
    # bulk_create sends no post_save: tell the search index which articles are new.
    articles_changed.send(sender=Article, ids=[article.pk for article in articles])


def _ingest_one(prepared: PreparedRecord, *, dry_run: bool) -> IngestResult | IngestError:
    if prepared.error is not None:
        return prepared.error
    try:
        return ingest_record(
            prepared.record,
            default_source=prepared.default_source,
            match_source_file=prepared.match_source_file,
            dry_run=dry_run,
            extracted=prepared.extracted,
        )
    except IngestError as error:
        return error


@dataclass
class _Plan:
    # "refused", "settled" (unchanged or duplicate: result), "create" (article),
    # or "one" (through ingest_record).
    action: str
    result: IngestResult | None = None
    article: Article | None = None


def _plan(batch: list[PreparedRecord], *, dry_run: bool) -> list[_Plan]:
    """What storing each record of the batch comes to, from a few batched look-ups."""
    live = [prepared for prepared in batch if prepared.error is None]
    known = _Known(live)
    independent = _independent(live)
    plans = []
    for prepared in batch:
        if prepared.error is not None:
            plans.append(_Plan("refused"))
            continue
        if id(prepared) not in independent:
            plans.append(_Plan("one"))
            continue
        record = prepared.record
        source_id = known.source_id(prepared.source_name)
        # A source the archive lacks yet is created on storing (not in a dry run).
        new_source = bool(prepared.source_name) and source_id is None and not dry_run
        fields = {**prepared.fields, "source_id": source_id}
        same_text = known.same_text(fields["content_hash"])
        existing = known.identity(record, fields["published"], prepared.match_source_file)
        decision = _compare(record, fields, same_text, existing, prepared.match_source_file)
        if decision.status == "duplicate" or (decision.status == "unchanged" and not new_source):
            result = IngestResult(decision.status, decision.article, decision.message)
            plans.append(_Plan("settled", result))
        elif decision.status == "created":
            plans.append(_Plan("create", article=decision.article))
        else:
            plans.append(_Plan("one"))
    return plans


def _independent(batch: list[PreparedRecord]) -> set[int]:
    """``id()``s of the records that no other record of the batch could be a version of.

    A record is looked up by its text, its URL and (in single-article files)
    its file name; it is found by those of its own. When one record of the
    batch could find another, both are stored one by one, in order.
    """
    offered = [_names(prepared, looking=False) for prepared in batch]
    looked = [_names(prepared, looking=True) for prepared in batch]
    offers = Counter(name for names in offered for name in names)
    looks = Counter(name for names in looked for name in names)
    return {
        id(prepared)
        for prepared, own_offers, own_looks in zip(batch, offered, looked, strict=True)
        if all(offers[name] == (name in own_offers) for name in own_looks)
        and all(looks[name] == (name in own_looks) for name in own_offers)
    }


def _names(prepared: PreparedRecord, *, looking: bool) -> set[tuple[str, str]]:
    record = prepared.record
    names = {("text", prepared.fields["content_hash"])}
    if url := record.url.strip():
        names.add(("url", url))
    if record.source_file and (prepared.match_source_file or not looking):
        names.add(("file", record.source_file))
    return names


class _Known:
    """The stored articles and sources a batch of records may name, in two queries."""

    def __init__(self, batch: list[PreparedRecord]) -> None:
        hashes = {prepared.fields["content_hash"] for prepared in batch}
        urls = {url for prepared in batch if (url := prepared.record.url.strip())}
        files = {
            prepared.record.source_file
            for prepared in batch
            if prepared.match_source_file and prepared.record.source_file
        }
        self._by_text: dict[str, Article] = {}
        self._by_url: dict[str, list[Article]] = {}
        self._by_file: dict[str, list[Article]] = {}
        if batch:
            found = Article.objects.filter(
                Q(content_hash__in=hashes) | Q(url__in=urls) | Q(source_file__in=files)
            ).order_by("pk")
            for article in found:
                self._by_text.setdefault(article.content_hash, article)
                self._by_url.setdefault(article.url, []).append(article)
                self._by_file.setdefault(article.source_file, []).append(article)
        slugs = {
            make_slug(prepared.source_name, fallback="source")
            for prepared in batch
            if prepared.source_name
        }
        self._sources = dict(Source.objects.filter(slug__in=slugs).values_list("slug", "pk"))

    def source_id(self, name: str) -> int | None:
        return self._sources.get(make_slug(name, fallback="source")) if name else None

    def same_text(self, digest: str) -> Article | None:
        return self._by_text.get(digest)

    def identity(
        self, record: ArticleRecord, published: dt.date | None, match_source_file: bool
    ) -> Article | None:
        url = record.url.strip()
        same_url = self._by_url.get(url, []) if url else []
        same_file = self._by_file.get(record.source_file, []) if record.source_file else []
        return _pick_identity(record, published, match_source_file, same_url, same_file)


@dataclass
class _Decision:
    status: Status
    # The article the record is a duplicate of, leaves unchanged or updates; or the new one.
    article: Article
    message: str = ""
    # The fields to set on an updated article.
    fields: dict = field(default_factory=dict)


def _compare(
    record: ArticleRecord,
    fields: dict,
    same_text: Article | None,
    existing: Article | None,
    match_source_file: bool,
) -> _Decision:
    """What storing the record does, given the stored articles it matches."""
    if same_text is not None and same_text != existing:
        if existing is not None or record.url or match_source_file:
            label = same_text.source_file or same_text.url
            return _Decision(
                "duplicate", same_text, f"same text as article {same_text.pk} ({label})"
            )
        # A record with no name of its own (no URL, no file): its text is its identity.
        existing = same_text
    if existing is None:
        return _Decision("created", Article(**fields))
    fields = dict(fields)
    if existing.title == fields["title"]:
        fields["slug"] = existing.slug
    if all(getattr(existing, name) == fields[name] for name in _STORED_FIELDS):
        return _Decision("unchanged", existing)
    return _Decision("updated", existing, fields=fields)


def _validate(article: Article) -> None:
    # The source comes from the database in this transaction, and the one check
    # constraint (a time needs a date) holds by construction (``_publication``):
    # neither is worth a query per article.
    try:
        article.full_clean(exclude=["source"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise IngestError(_describe(error)) from error


def _findings(
    article: Article, record: ArticleRecord, extracted: Extraction
) -> list[ExtractedEntity]:
    """The entities to link: those our own export listed, else the extractor's."""
    if record.entities:
        return entities_from_listing(article, record.entities)
    if extracted is None:
        extracted = extract_text(article.title, article.body, article.published)
    if isinstance(extracted, ExtractionError):
        raise IngestError(str(extracted))
    return extracted


def _article_fields(record: ArticleRecord, *, default_source: str, dry_run: bool) -> dict:
    fields, source_name = _record_fields(record, default_source)
    return {**fields, "source_id": _source_id(source_name, dry_run=dry_run)}


def _record_fields(record: ArticleRecord, default_source: str) -> tuple[dict, str]:
    """The article's fields (all but its source) and the name of its source."""
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
    fields = {
        "title": title,
        "slug": make_slug(title, fallback="article"),
        "lead": record.lead.strip(),
        "body": body,
        "published": published,
        "published_at": published_at,
        "published_offset": offset,
        "author": _clip(record.author.strip(), 300),
        "url": record.url.strip(),
        "language": (record.language or "en")[:16],
        "content_hash": content_hash(title, body),
        "source_file": _clip(record.source_file, 500),
    }
    return fields, (record.source or default_source).strip()


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
    url = record.url.strip()
    same_url = Article.objects.filter(url=url).order_by("pk") if url else []
    same_file = []
    if match_source_file and record.source_file:
        same_file = Article.objects.filter(source_file=record.source_file).order_by("pk")[:1]
    return _pick_identity(record, published, match_source_file, same_url, same_file)


def _pick_identity(record, published, match_source_file, same_url, same_file) -> Article | None:
    """The stored article this record is a version of: same URL, or same file.

    A URL reused on another day (yearly statements) names a different article.
    ``same_url`` and ``same_file``: the stored articles with its URL and its
    file name, oldest first.
    """
    for article in same_url:
        if published is None or article.published in (None, published):
            return article
    if match_source_file and record.source_file:
        for article in same_file:
            return article
    return None


def _clip(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
