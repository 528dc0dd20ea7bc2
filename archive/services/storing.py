"""Storing prepared records as articles: idempotent, de-duplicated, never half-stored.

``ingest_batch`` stores a batch of records in one transaction; ``ingest_record``
stores one record as a batch of one. What storing each record comes to is
decided in one place, ``_plan``, from a few batched look-ups: refused, kept
(unchanged, or the same text as a stored article), created (new articles are
inserted in bulk), updated, or deferred. A record that another record of the
batch could be a version of is deferred, and an update in a batch of several
is looked at again too: each is stored after the new articles, in order, as a
batch of its own, so it sees what the records before it stored, as it would
have one by one.
"""

from __future__ import annotations

import datetime as dt
import enum
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

from .copies import file_copies
from .export import entities_from_listing
from .extraction import ExtractionError, extract_text
from .linking import link_all, link_entities
from .preparing import Extraction, IngestError, PreparedRecord, clip, prepare_record
from .slugs import make_slug, unique_slug

Status = Literal["created", "updated", "unchanged", "duplicate"]

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

# Tries of a batch of one that lost a race with a concurrent insert.
_ATTEMPTS = 3


@dataclass(frozen=True)
class IngestResult:
    status: Status
    article: Article | None
    message: str = ""


def ingest_record(
    record: ArticleRecord,
    *,
    default_source: str = "",
    match_source_file: bool = True,
    dry_run: bool = False,
    extracted: Extraction = None,
) -> IngestResult:
    """Store ``record`` as an article, or update the article it replaces; raise if refused.

    The article it replaces is the one with the same URL or, for single-article
    files (``match_source_file``), the same file name. ``extracted``: the
    extractor's findings in the record's text, when they were found beforehand
    (in a worker process); else it runs here if needed.
    """
    prepared = prepare_record(
        record, default_source=default_source, match_source_file=match_source_file
    )
    prepared.extracted = extracted
    [outcome] = ingest_batch([prepared], dry_run=dry_run)
    if isinstance(outcome, IngestError):
        raise outcome
    return outcome


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
    """Store ``batch`` in one transaction: a result, or the reason it was refused, for each record.

    Everything, mentions included, is written in the one transaction: nothing
    is ever half-stored. Another process may store the same text (or create the
    same source or entity) between our look-ups and our inserts: a unique
    constraint refuses the insert, and the records are looked at again, each
    alone (a batch of one, tried a few times), so they come out "unchanged" or
    "duplicate" rather than as an error.
    """
    if len(batch) != 1:
        try:
            return _store(batch, dry_run=dry_run)
        except IntegrityError:
            return [ingest_batch([prepared], dry_run=dry_run)[0] for prepared in batch]
    for _retry in range(_ATTEMPTS - 1):
        try:
            return _store(batch, dry_run=dry_run)
        except IntegrityError:
            continue
    return _store(batch, dry_run=dry_run)


class Action(enum.Enum):
    """What storing one record of a batch comes to."""

    REFUSE = "refuse"  # refused when prepared: nothing is stored
    KEEP = "keep"  # unchanged, or the same text as another article: nothing to write
    CREATE = "create"  # a new article, inserted in bulk with the batch's other new ones
    UPDATE = "update"  # a new version of a stored article (or one whose source is new)
    DEFER = "defer"  # another record of the batch may be a version of it: stored alone, later


@dataclass(frozen=True)
class Plan:
    action: Action
    # KEEP: the outcome.
    result: IngestResult | None = None
    # CREATE: the new article, not saved yet.
    article: Article | None = None
    # UPDATE: the stored article with the record's text, and the one it is a version of.
    same_text: Article | None = None
    existing: Article | None = None


def _store(batch: list[PreparedRecord], *, dry_run: bool) -> list[IngestResult | IngestError]:
    """Store ``batch`` as ``_plan`` says, in one transaction (rolled back in a dry run)."""
    with transaction.atomic():
        outcomes: list[IngestResult | IngestError | None] = [None] * len(batch)
        plans = _plan(batch, dry_run=dry_run)
        creating: list[tuple[int, PreparedRecord, Article, list[ExtractedEntity]]] = []
        for position, (prepared, plan) in enumerate(zip(batch, plans, strict=True)):
            if plan.action is Action.REFUSE:
                outcomes[position] = prepared.error
            elif plan.action is Action.KEEP:
                outcomes[position] = plan.result
            elif plan.action is Action.CREATE and dry_run:
                outcomes[position] = IngestResult("created", None)
            elif plan.action is Action.CREATE:
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
        # Updates and deferred records, in order: they see the articles created
        # above, as they would have one by one. In a batch of several, an update
        # is looked at again, alone: one before it may have changed what it matched.
        for position, (prepared, plan) in enumerate(zip(batch, plans, strict=True)):
            if plan.action is Action.UPDATE and len(batch) == 1:
                outcomes[position] = _update(prepared, plan, dry_run=dry_run)
            elif plan.action in (Action.UPDATE, Action.DEFER):
                [outcomes[position]] = ingest_batch([prepared], dry_run=dry_run)
        if dry_run:
            transaction.set_rollback(True)
        return outcomes


def _plan(batch: list[PreparedRecord], *, dry_run: bool) -> list[Plan]:
    """What storing each record of the batch comes to, from a few batched look-ups."""
    live = [prepared for prepared in batch if prepared.error is None]
    known = _Known(live)
    independent = _independent(live)
    plans = []
    for prepared in batch:
        if prepared.error is not None:
            plans.append(Plan(Action.REFUSE))
            continue
        if id(prepared) not in independent:
            plans.append(Plan(Action.DEFER))
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
            plans.append(Plan(Action.KEEP, result=result))
        elif decision.status == "created":
            plans.append(Plan(Action.CREATE, article=decision.article))
        else:
            plans.append(Plan(Action.UPDATE, same_text=same_text, existing=existing))
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
    """What storing the record does, given the stored articles it matches.

    The same text under another URL or from another source is another outlet's
    copy: stored as an article of its own (``copies`` groups them).
    """
    if same_text is not None and _elsewhere(fields, same_text):
        same_text = None
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


def _elsewhere(fields: dict, article: Article) -> bool:
    """Whether the record was published at another URL or by another source than ``article``
    (a record naming no URL may be the stored article's)."""
    other_url = bool(fields["url"] and article.url and fields["url"] != article.url)
    return other_url or fields["source_id"] != article.source_id


def _create(creating: list[tuple[int, PreparedRecord, Article, list[ExtractedEntity]]]) -> None:
    """Insert new articles in bulk with their sources, mentions and roles."""
    missing = {p.source_name for _, p, article, _ in creating if article.source_id is None}
    sources = {name: _source_id(name, dry_run=False) for name in sorted(missing) if name}
    for _position, prepared, article, _found in creating:
        if prepared.source_name and article.source_id is None:
            article.source_id = sources[prepared.source_name]
    articles = Article.objects.bulk_create([article for _, _, article, _ in creating])
    link_all([(article, found) for _, _, article, found in creating], new=True)
    # Copies our own export lists are grouped as it says, once the run has them all.
    listed = {id(article) for _, p, article, _ in creating if p.record.copies_listed}
    file_copies([article for article in articles if id(article) in listed], compare=False)
    file_copies([article for article in articles if id(article) not in listed])
    # bulk_create sends no post_save: tell the search index which articles are new.
    articles_changed.send(sender=Article, ids=[article.pk for article in articles])


def _update(prepared: PreparedRecord, plan: Plan, *, dry_run: bool) -> IngestResult | IngestError:
    """Store the record over the stored article it is a version of, all or nothing.

    Compared again once its source exists: the plan was made before.
    """
    try:
        with transaction.atomic():
            fields = {
                **prepared.fields,
                "source_id": _source_id(prepared.source_name, dry_run=dry_run),
            }
            decision = _compare(
                prepared.record, fields, plan.same_text, plan.existing, prepared.match_source_file
            )
            if decision.status != "updated":
                return IngestResult(decision.status, decision.article, decision.message)
            article = decision.article
            for name, value in decision.fields.items():
                setattr(article, name, value)
            if dry_run:
                return IngestResult(decision.status, None)
            _validate(article)
            found = _findings(article, prepared.record, prepared.extracted)
            article.save()
            link_entities(article, found)
            file_copies([article], replace_keys=True)
            return IngestResult(decision.status, article)
    except IngestError as error:
        return error


def _validate(article: Article) -> None:
    # The source comes from the database in this transaction, and the one check
    # constraint (a time needs a date) holds by construction (``preparing``):
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


def _source_id(name: str, *, dry_run: bool) -> int | None:
    if not name:
        return None
    slug = make_slug(name, fallback="source")
    source = Source.objects.filter(slug=slug).first()
    if source is None:
        if dry_run:
            return None
        source = Source.objects.create(name=clip(name, 200), slug=unique_slug(Source, name))
    return source.pk


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
    )
