"""Encounters found in articles, one record per encounter across the archive.

``update_interactions(article_ids)`` runs after the articles' entities and
offices are linked (``linking.link_all``): each article's encounters are read
(``extraction.interactions``) with the names its linked entities answer to;
"the Secretary" is the person the article's office link names
(``services.offices``). Each encounter joins the record of the same encounter
another article reported (same kind, the same people on both sides or one
side's a part of the other's, a day that agrees), else makes a new one; a
planned encounter becomes held when an article reports it held. Records an
editor changed are left as they are; one rejected is not made again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from archive.extraction.interactions import (
    FoundInteraction,
    Named,
    find_interactions,
    might_report,
)
from archive.models import (
    ENTITY_KINDS,
    Article,
    Interaction,
    InteractionParticipant,
    InteractionSource,
    OfficeMention,
    PersonMention,
    PersonRole,
    Place,
)

# A participant: ("person", pk) or ("organisation", pk).
Who = tuple[str, int]
# How far apart two reports of one encounter may date it, by kind (days).
_SLACK = {
    "call": 0,
    "meeting": 1,
    "talks": 1,
    "agreement": 1,
    "joint statement": 1,
    "visit": 3,
}
# A day's publication in UTC may be the day before or after where it happened.
_ZONES = 1
# A planned encounter is looked for this long after it was announced.
_PLANNED_WINDOW = dt.timedelta(days=30)
_ONE_DAY = dt.timedelta(days=_ZONES)


@dataclass
class _Context:
    """What one article's text can be matched against."""

    names: dict[str, Named]
    ids: dict[Named, Who]  # the participants' keys
    offices: dict[str, Who]  # an office named without its holder -> the holder
    roles: dict[Who, str]
    places: dict[str, int]  # a place's canonical name -> its pk
    countries: dict[Who, int]  # the country a participant holds an office of


def update_interactions(article_ids: Iterable[int]) -> None:
    """Read the articles' encounters again and file each with its record."""
    ids = set(article_ids)
    if not ids:
        return
    touched = set(
        InteractionSource.objects.filter(article_id__in=ids).values_list(
            "interaction_id", flat=True
        )
    )
    unsettled = Q(interaction__edited=False, interaction__rejected=False)
    InteractionSource.objects.filter(unsettled, article_id__in=ids).delete()
    Interaction.objects.filter(
        pk__in=touched, edited=False, rejected=False, sources__isnull=True
    ).delete()
    # Most articles report no encounter: only those a trigger word is in are read.
    articles = [
        article
        for article in Article.objects.filter(pk__in=ids)
        .only("pk", "title", "body", "published")
        .order_by("published", "pk")
        if might_report(article.title, article.body)
    ]
    contexts = _contexts({article.pk for article in articles})
    found: list[tuple[Article, FoundInteraction, tuple[Who, ...], _Context]] = []
    for article in articles:
        context = contexts[article.pk]
        for item in find_interactions(
            article.title, article.body, article.published, context.names
        ):
            who = _participants(item, context)
            if len(who) >= (1 if item.kind == "visit" else 2):
                found.append((article, item, tuple(who), context))
    # What an editor settled stays settled: an article already a source of an
    # edited or rejected record files nothing new about that encounter.
    settled = defaultdict(list)
    for source in (
        InteractionSource.objects.filter(article_id__in=ids)
        .exclude(unsettled)
        .prefetch_related("interaction__participants")
    ):
        record = source.interaction
        settled[source.article_id].append((record.kind, _who(record)))
    found = [
        (article, item, who, context)
        for article, item, who, context in found
        if not any(
            kind == item.kind and (set(who) <= them or them <= set(who))
            for kind, them in settled[article.pk]
        )
    ]
    if found:
        _file(found)


def rebuild_all_interactions(chunk: int = 500) -> None:
    """Every article's encounters read again (``reextract``); editors' records kept."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        update_interactions(ids[start : start + chunk])


def _contexts(ids: set[int]) -> dict[int, _Context]:
    """Each article's entities with the names they answer to, read as plain rows."""
    contexts = {pk: _Context({}, {}, {}, {}, {}, {}) for pk in ids}
    if not ids:
        return contexts
    for kind_name in ("person", "organisation", "place"):
        kind = ENTITY_KINDS[kind_name]
        # The most mentioned first (a name two entities answer to is the first's), with
        # no join to the articles that their dates would order by.
        mentions = kind.mention_model.objects.filter(article_id__in=ids).order_by("-count", "pk")
        if kind_name == "person":
            mentions = mentions.filter(via_office__isnull=True)
        fields = ["article_id", f"{kind_name}_id", f"{kind_name}__name"]
        if kind_name == "place":
            fields.append("place__kind")
        rows = list(mentions.values_list(*fields))
        aliases = defaultdict(list)
        for owner, alias in kind.alias_model.objects.filter(
            **{f"{kind_name}_id__in": {row[1] for row in rows}}
        ).values_list(f"{kind_name}_id", "name"):
            aliases[owner].append(alias)
        for article_id, pk, name, *place_kind in rows:
            named = Named(kind_name, name, place_kind[0] if place_kind else "")
            context = contexts[article_id]
            if kind_name == "place":
                context.places[name] = pk
            else:
                context.ids[named] = (kind_name, pk)
            for surface in (name, *aliases[pk]):
                if len(surface) > 2:
                    context.names.setdefault(surface, named)
    holders = {
        (article_id, office_id): person_id
        for article_id, office_id, person_id in PersonMention.objects.filter(
            article_id__in=ids, via_office__isnull=False
        ).values_list("article_id", "via_office_id", "person_id")
    }
    for article_id, office_id, title in OfficeMention.objects.filter(
        article_id__in=ids, office__isnull=False
    ).values_list("article_id", "office_id", "title"):
        person = holders.get((article_id, office_id))
        if person is not None:
            contexts[article_id].offices[title] = ("person", person)
    for article_id, person_id, title, country_id in PersonRole.objects.filter(
        article_id__in=ids
    ).values_list("article_id", "person_id", "title", "office__country_id"):
        context = contexts[article_id]
        context.roles.setdefault(("person", person_id), title)
        if country_id is not None:
            context.countries.setdefault(("person", person_id), country_id)
    return contexts


def _participants(item: FoundInteraction, context: _Context) -> list[Who]:
    who = [context.ids[n] for n in item.participants if n in context.ids]
    who += [h for h in (_holder(o, context) for o in item.offices) if h is not None]
    return list(dict.fromkeys(who))


def _holder(office: str, context: _Context) -> Who | None:
    """Who "the Secretary" is here: the holder the article's office link names, else
    the one person the article gives that title ("Secretary of State Antony J. Blinken")."""
    if office in context.offices:
        return context.offices[office]
    holders = {
        who
        for who, title in context.roles.items()
        if title == office or title.startswith(f"{office} of ")
    }
    return holders.pop() if len(holders) == 1 else None


def _file(found) -> None:
    """Join each encounter to its record or make one: a few queries in all."""
    everyone = set().union(*(who for _a, _i, who, _c in found))
    candidates = _candidates(everyone, {item.kind for _a, item, _w, _c in found})
    # A city's country: a meeting "in Baku" and one "in Azerbaijan" may be one.
    countries = dict(
        Place.objects.filter(
            pk__in={c.place_id for c in candidates if c.place_id}
            | {pk for _a, _i, _w, context in found for pk in context.places.values()}
        ).values_list("pk", "country_id")
    )
    rejected = [c for c in candidates if c.rejected]
    candidates = [c for c in candidates if not c.rejected]
    new: list[Interaction] = []
    changed: dict[int, Interaction] = {}
    joining: list[tuple[Interaction, Who, str]] = []
    sources: list[tuple[Interaction, Article, str]] = []
    for article, item, who, context in found:
        members = set(who)
        place_id = context.places.get(item.place)
        if place_id is None and item.host is not None:
            # "Aliyev has received ...": in the country whose office the host holds.
            place_id = context.countries.get(context.ids.get(item.host))
        reported = article.published
        if any(_same_encounter(c, item, members, place_id, reported, countries) for c in rejected):
            continue
        record = next(
            (
                c
                for c in candidates
                if _same_encounter(c, item, members, place_id, reported, countries)
            ),
            None,
        )
        if record is None:
            record = Interaction(
                kind=item.kind,
                status=item.status,
                date=item.date,
                date_precision=item.precision,
                place_id=place_id,
                **_host(item, context),
            )
            record.who, record.first_reported = set(), article.published
            candidates.append(record)
            new.append(record)
        elif not record.edited and _update(record, item, place_id) and record.pk:
            changed[record.pk] = record
        if not record.edited:
            for participant in who:
                if participant not in record.who:
                    record.who.add(participant)
                    joining.append((record, participant, context.roles.get(participant, "")))
        sources.append((record, article, " … ".join(item.sentences)[:2000]))
    Interaction.objects.bulk_create(new, batch_size=500)
    Interaction.objects.bulk_update(
        list(changed.values()), ["status", "date", "date_precision", "place"], batch_size=500
    )
    InteractionParticipant.objects.bulk_create(
        [
            InteractionParticipant(interaction=record, **{f"{kind}_id": pk}, role=role[:300])
            for record, (kind, pk), role in joining
        ],
        batch_size=500,
    )
    InteractionSource.objects.bulk_create(
        [
            InteractionSource(interaction=record, article=article, sentence=sentence)
            for record, article, sentence in sources
        ],
        batch_size=500,
    )


def _candidates(everyone: set[Who], kinds: set[str]) -> list[Interaction]:
    persons = [pk for kind, pk in everyone if kind == "person"]
    organisations = [pk for kind, pk in everyone if kind == "organisation"]
    rows = InteractionParticipant.objects.filter(
        Q(person_id__in=persons) | Q(organisation_id__in=organisations),
        interaction__kind__in=kinds,
    ).values_list("interaction_id", flat=True)
    records = list(Interaction.objects.filter(pk__in=rows).prefetch_related("participants"))
    first = defaultdict(lambda: None)
    for interaction_id, published in InteractionSource.objects.filter(
        interaction__in=records
    ).values_list("interaction_id", "article__published"):
        if published and (first[interaction_id] is None or published < first[interaction_id]):
            first[interaction_id] = published
    for record in records:
        record.who = _who(record)
        record.first_reported = first[record.pk]
    return records


def _who(record: Interaction) -> set[Who]:
    return {
        ("person", p.person_id) if p.person_id else ("organisation", p.organisation_id)
        for p in record.participants.all()
    }


def _apart(one: int | None, other: int | None, countries: dict[int, int | None]) -> bool:
    """Two places no one meeting was in: neither is the other's country."""
    if one is None or other is None or one == other:
        return False
    return countries.get(one) != other and countries.get(other) != one


def _same_encounter(
    record: Interaction, item: FoundInteraction, who: set[Who], place_id, reported, countries
) -> bool:
    if record.kind != item.kind:
        return False
    shared = record.who & who
    if item.kind == "visit":
        if not shared or record.place_id != place_id:
            return False
    elif len(shared) < 2 or not (record.who <= who or who <= record.who):
        return False
    elif _apart(record.place_id, place_id, countries):
        return False  # the same people meeting in Berlin and in Paris: two meetings
    return _days_agree(record, item, reported)


def _days_agree(record: Interaction, item: FoundInteraction, reported: dt.date | None) -> bool:
    if item.date is None or record.date is None:
        # Planned without a day: one encounter when the days it is known by (its
        # own, else the day it was announced) are within the window of each other:
        # "Kerry will travel to Mexico" of February and of March are two trips.
        start = record.date if record.date is not None else record.first_reported
        day = item.date if item.date is not None else reported
        if start is None or day is None:
            return True
        if record.date is None and item.date is None:
            return abs((day - start).days) <= _PLANNED_WINDOW.days
        if record.date is None:
            return start - _ONE_DAY <= day <= start + _PLANNED_WINDOW
        return day - _ONE_DAY <= start <= day + _PLANNED_WINDOW
    slack = _SLACK[item.kind]
    gap = (record.date - item.date).days
    # A report dates it on or before its own day, give or take the day a time zone
    # makes: never days after it ("Call with Kuleba" of Tuesday is not Friday's call).
    if item.precision == "reported" and record.date_precision == "day":
        return -_ZONES <= -gap <= max(slack, 3)
    if record.date_precision == "reported" and item.precision == "day":
        return -_ZONES <= gap <= max(slack, 3)
    if record.date_precision == "reported" or item.precision == "reported":
        slack = max(slack, 3)
    return abs(gap) <= slack


def _update(record: Interaction, item: FoundInteraction, place_id) -> bool:
    """What a further report adds to a record: held for planned, the day for an
    approximate date, the place; returns whether it changed."""
    before = (record.status, record.date, record.date_precision, record.place_id)
    if record.status == "planned" and item.status == "held":
        record.status, record.date, record.date_precision = "held", item.date, item.precision
    elif (
        item.precision == "day"
        and record.date_precision != "day"
        and item.date
        and not (record.status == "held" and item.status == "planned")
    ):
        # A plan re-issued after the fact ("from March 4 to 5") does not re-date
        # what a report of it held dated.
        record.date, record.date_precision = item.date, "day"
    if record.place_id is None and place_id is not None:
        record.place_id = place_id
    return before != (record.status, record.date, record.date_precision, record.place_id)


def _host(item: FoundInteraction, context: _Context) -> dict:
    who = context.ids.get(item.host) if item.host else None
    if who is None:
        return {}
    return {f"host_{who[0]}_id": who[1]}


def merge_interactions(*, survivor: Interaction, others: list[Interaction]) -> None:
    """An editor's merge: the others' participants and sources move to the survivor,
    which is marked edited (rebuilding leaves it alone), and the others go."""
    with transaction.atomic():
        have = {(p.person_id, p.organisation_id) for p in survivor.participants.all()}
        for participant in InteractionParticipant.objects.filter(interaction__in=others):
            if (participant.person_id, participant.organisation_id) not in have:
                have.add((participant.person_id, participant.organisation_id))
                participant.interaction = survivor
                participant.save(update_fields=["interaction"])
        InteractionSource.objects.filter(interaction__in=others).update(interaction=survivor)
        Interaction.objects.filter(pk__in=[o.pk for o in others]).delete()
        survivor.edited = True
        survivor.save(update_fields=["edited"])
