"""Reads the office pages share: who held what when, and who holds it on a day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce

from archive.models import Article, Office, Organisation, Person, Place, Tenure


def newest_article_date() -> dt.date | None:
    return Article.objects.aggregate(newest=Max("published"))["newest"]


def holds_on(day: dt.date) -> Q:
    """Tenures covering ``day`` (an open start is the first day seen)."""
    started = Q(start__lte=day) | Q(start__isnull=True, first_seen__lte=day)
    return started & (Q(end__isnull=True) | Q(end__gt=day)) & Q(rejected=False)


def offices_by_owner() -> list[tuple[object, list[Office]]]:
    """Every office with at least one tenure, grouped by country or organisation A–Z."""
    offices = (
        Office.objects.filter(tenures__rejected=False)
        .distinct()
        .select_related("country", "organisation")
        .order_by("title", "pk")
    )
    groups: dict[object, list[Office]] = defaultdict(list)
    for office in offices:
        groups[office.owner].append(office)
    return sorted(groups.items(), key=lambda item: (item[0].sort_name, item[0].pk))


def holders_on(offices: QuerySet[Office] | list[Office], day: dt.date | None) -> dict[int, list]:
    """The people holding each office on ``day``, by office id (several where the
    evidence conflicts or the office has several holders)."""
    if day is None:
        return {}
    found: dict[int, list] = defaultdict(list)
    for tenure in (
        Tenure.objects.filter(holds_on(day), office__in=offices)
        .select_related("person")
        .order_by("office_id", "-start", "person__sort_name")
    ):
        found[tenure.office_id].append(tenure)
    return found


# Newest first: by the first day known (the start, else the first day seen).
_NEWEST_FIRST = (F("begin").desc(nulls_last=True), "pk")


def office_timeline(office: Office) -> list[Tenure]:
    """The office's holders, newest first, editors' and reference tenures included."""
    return list(
        office.tenures.filter(rejected=False)
        .annotate(begin=Coalesce("start", "first_seen"))
        .select_related("person")
        .order_by(*_NEWEST_FIRST)
    )


def offices_held(person: Person) -> list[Tenure]:
    return list(
        person.tenures.filter(rejected=False)
        .annotate(begin=Coalesce("start", "first_seen"))
        .select_related("office__country", "office__organisation")
        .order_by(*_NEWEST_FIRST)
    )


def owner_offices(owner: Place | Organisation) -> QuerySet[Office]:
    field = "country" if isinstance(owner, Place) else "organisation"
    return Office.objects.filter(**{field: owner}, tenures__rejected=False).distinct()


def tenure_articles(office: Office, person: Person) -> QuerySet[Article]:
    """The articles that show the person holding (or having held) the office."""
    return Article.objects.filter(roles__office=office, roles__person=person).distinct()


def tenure_records():
    """Every tenure as ``export_offices`` writes it, office by office."""
    tenures = (
        Tenure.objects.filter(rejected=False)
        .select_related("person", "office__country", "office__organisation")
        .order_by("office__title", "office_id", "start", "first_seen", "pk")
    )
    for tenure in tenures.iterator(chunk_size=500):
        office = tenure.office
        owner = office.owner
        yield {
            "office": office.title,
            "of": {
                "name": owner.name,
                "slug": owner.slug,
                "kind": "place" if office.country_id else "organisation",
            },
            "holder": {"name": tenure.person.name, "slug": tenure.person.slug},
            "start": _iso(tenure.start),
            "end": _iso(tenure.end),
            "first_seen": _iso(tenure.first_seen),
            "last_seen": _iso(tenure.last_seen),
            "evidence": tenure.evidence,
            "source": tenure.source,
            "qualifier": tenure.qualifier,
            "conflict": tenure.conflict,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
