"""Re-run extraction over stored articles after reference data or editors' decisions change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import transaction

from archive.ingest.home_zones import outlet_day
from archive.models import (
    ENTITY_KINDS,
    Article,
    EntityRedirect,
    PersonAlias,
    PersonRole,
    Place,
    Tenure,
)
from archive.signals import articles_changed, bulk_write_finished, bulk_write_started

from .extraction import extract
from .identity import edited_by_editors, fold_duplicates, is_compound_of_names
from .interactions import rebuild_all_interactions
from .linking import link_entities
from .offices import rebuild_all_offices


def reextract_articles(
    *,
    since: dt.date | None = None,
    articles: Callable[[Iterable[Article]], Iterable[Article]] = lambda found: found,
) -> tuple[int, int]:
    """Extract every article (published on or after ``since``) again.

    Rejections, aliases and merges are honoured by ``link_entities``. The
    archive is brought up to the linking rules: stored records of one entity
    are folded into one before and after (``fold_duplicates``: their pages
    redirect to the survivor), aliases naming two people are dropped, and
    entities no article mentions any more are removed (their pages answer 404).
    Idempotent: an article whose links come out the same is left untouched.
    Returns the number of articles seen and the number whose links changed.
    """
    queryset = Article.objects.order_by("pk")
    if since is not None:
        queryset = queryset.filter(published__gte=since)
    seen = 0
    changed: set[int] = set()
    bulk_write_started.send(sender=Article)
    try:
        with transaction.atomic():
            drop_compound_aliases()
            changed |= fold_duplicates()
        for article in articles(queryset.iterator(chunk_size=200)):
            seen += 1
            with transaction.atomic():
                redated = redate(article)
                before = _links(article)
                link_entities(article, extract(article), fold=False, offices=False)
                if redated or _links(article) != before:
                    changed.add(article.pk)
                    articles_changed.send(sender=Article, ids=[article.pk])
        with transaction.atomic():
            changed |= fold_duplicates()
            remove_orphans()
            changed |= rebuild_all_offices()
            rebuild_all_interactions()
    finally:
        bulk_write_finished.send(sender=Article)
    return seen, len(changed)


def redate(article: Article) -> bool:
    """File the article under its outlet's day when its stamp was read as UTC
    before the outlet's home zone was known (``archive.ingest.home_zones``)."""
    if article.published_at is None or article.published_offset:
        return False
    moment = article.published_at.astimezone(dt.UTC)
    published, offset = outlet_day(moment, article.url, article.published)
    if not offset:
        return False
    article.published, article.published_offset = published, offset
    article.save(update_fields=["published", "published_offset"])
    return True


def drop_compound_aliases() -> int:
    """Drop aliases like ``Zelenskyy-Putin`` of Putin: they name two people."""
    doomed = [
        alias.pk
        for alias in PersonAlias.objects.filter(name__contains="-").select_related("person")
        if is_compound_of_names(alias.name, alias.person.name)
    ]
    PersonAlias.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def remove_orphans() -> int:
    """Delete the entities no article mentions, and the redirects leading to them.

    A place stays while a place or event still refers to it; an entity an
    editor added or renamed in the admin stays, and so does one an editor's
    tenure names. The others' pages answer 404 from then on. Returns the number of entities removed.
    """
    removed = 0
    for kind in ENTITY_KINDS.values():
        while True:
            orphans = kind.model.objects.filter(mentions__isnull=True)
            if kind.model is Place:
                orphans = orphans.filter(places_within__isnull=True, events__isnull=True)
            pks = set(orphans.values_list("pk", flat=True).distinct())
            # An entity an editor added or renamed stays, mentioned or not, and
            # so do the people and the holders of offices an editor dated.
            pks -= edited_by_editors(kind.model, pks)
            pks -= _in_editors_tenures(kind.name, pks)
            if not pks:
                break
            EntityRedirect.objects.filter(kind=kind.name, target_id__in=pks).delete()
            kind.model.objects.filter(pk__in=pks).delete()
            removed += len(pks)
    return removed


def _in_editors_tenures(kind: str, pks: set[int]) -> set[int]:
    lookup = {
        "person": "tenures__source",
        "place": "offices__tenures__source",
        "organisation": "offices__tenures__source",
    }.get(kind)
    if lookup is None or not pks:
        return set()
    model = ENTITY_KINDS[kind].model
    return set(
        model.objects.filter(pk__in=pks, **{lookup: Tenure.Source.EDITOR}).values_list(
            "pk", flat=True
        )
    )


def _links(article: Article) -> frozenset:
    links = set()
    for kind in ENTITY_KINDS.values():
        links |= {
            (kind.name, *row)
            for row in kind.mention_model.objects.filter(article=article).values_list(
                f"{kind.name}_id", "count", "first_offset"
            )
        }
    links |= {
        ("role", *row)
        for row in PersonRole.objects.filter(article=article).values_list("person_id", "title")
    }
    return frozenset(links)
