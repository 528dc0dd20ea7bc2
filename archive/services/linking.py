"""Linking articles to entities: each finding resolved to one entity across the archive.

``link_all`` replaces articles' mentions, roles and event participants with
what was found in them. ``ArchiveResolver`` finds (or creates) the stored
entity a finding names, across the whole archive and the articles linked
before it; the extractor's own resolver (``archive.extraction.resolve``)
works within one article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from django.db.models import Count, Q
from django.utils import timezone

from archive.extraction.acronyms import programme_acronyms
from archive.extraction.normalize import name_key
from archive.extraction.types import ExtractedEntity
from archive.models import (
    ENTITY_KINDS,
    Article,
    EntityKind,
    Event,
    Organisation,
    PersonRole,
    Place,
)
from archive.words import whole_word_starts

from .bulk import insert_models, insert_rows
from .editing import rejected_keys
from .identity import (
    GENERATIONS,
    by_surname,
    ends_name,
    fold_duplicates,
    fold_into_full_names,
    given_name_by_title,
    given_name_only,
    given_names_agree,
    is_bare_acronym,
    is_compound_of_names,
    known_offices,
    name_words,
    offices_held,
    person_words,
    programmes_in_archive,
    record_definitions,
    remove_programme_organisations,
    title_heads,
)
from .interactions import update_interactions
from .offices import update_offices
from .slugs import assign_slugs

# A lone surname two people are known by goes to one mentioned this many times as often.
DOMINANT = 10
# The kinds an entity may have (``Kind.values`` builds a new list on each use).
_ORGANISATION_KINDS = frozenset(Organisation.Kind.values)
_PLACE_KINDS = frozenset(Place.Kind.values)
_EVENT_KINDS = frozenset(Event.Kind.values)


def link_entities(
    article: Article, extracted: list[ExtractedEntity], *, fold: bool = True, offices: bool = True
) -> None:
    """Replace the article's mentions and roles with ``extracted``, resolved archive-wide."""
    link_all([(article, extracted)], fold=fold, offices=offices)


def link_all(
    found: list[tuple[Article, list[ExtractedEntity]]],
    *,
    new: bool = False,
    fold: bool = True,
    offices: bool = True,
) -> None:
    """Replace each article's mentions and roles with its findings, resolved archive-wide.

    The articles are taken in order, and each one's findings resolve as if the
    articles before it had been linked already (a name one of them taught as an
    alias leads to its entity), but the queries are batched: a few dozen for the
    whole list, whatever its length. ``new``: the articles were just created,
    so they have no links to replace. ``fold``: then merge the stored records
    the people and organisations found duplicate (``fold_duplicates``); a
    caller linking many articles one by one may fold once at the end instead.
    ``offices``: then read the offices the articles name and infer who held
    them (``offices.update_offices``), and the encounters they report
    (``interactions.update_interactions``); the same goes for it.
    """
    if not found:
        return
    if not new:
        ids = [article.pk for article, _ in found]
        for kind in ENTITY_KINDS.values():
            kind.mention_model.objects.filter(article_id__in=ids).delete()
        PersonRole.objects.filter(article_id__in=ids).delete()

    rejected = rejected_keys()
    kept: list[dict[str, list[ExtractedEntity]]] = []
    for _article, extracted in found:
        by_kind: dict[str, list[ExtractedEntity]] = {name: [] for name in ENTITY_KINDS}
        for item in extracted:
            refused = rejected.get("", set()) | rejected.get(item.kind, set())
            if item.kind in by_kind and (good := _without_rejected(item, refused)) is not None:
                by_kind[item.kind].append(good)
        by_kind["person"] = fold_into_full_names(by_kind["person"])
        kept.append(by_kind)
    programmes = _programmes(found, kept)
    for by_kind in kept:
        by_kind["organisation"] = [
            item for item in by_kind["organisation"] if item.name not in programmes
        ]

    linking = _Linking()
    linking.prefetch(kept)
    resolved = [
        {name: linking.resolver(name).resolve(items) for name, items in by_kind.items()}
        for by_kind in kept
    ]
    linking.save()

    mentions: dict[str, list[tuple]] = {name: [] for name in ENTITY_KINDS}
    roles = set()
    participants: dict[str, set[tuple[int, int]]] = {"organisation": set(), "person": set()}
    for (article, _), by_kind in zip(found, resolved, strict=True):
        for name, pairs in by_kind.items():
            mentions[name] += _mentions(article, pairs)
        roles |= {
            (person.pk, title[:300], article.pk, article.published)
            for item, person in by_kind["person"]
            for title in item.roles
        }
        for kind_name, pairs in _participants(by_kind).items():
            participants[kind_name] |= pairs
    for name, kind in ENTITY_KINDS.items():
        insert_rows(kind.mention_model, ("article", name, "count", "first_offset"), mentions[name])
    insert_rows(PersonRole, ("person", "title", "article", "seen_on"), roles, ignore_conflicts=True)
    for kind_name, pairs in participants.items():
        through = Event._meta.get_field(ENTITY_KINDS[kind_name].plural).remote_field.through
        insert_rows(through, ("event", kind_name), pairs, ignore_conflicts=True)
    remove_programme_organisations(programmes)
    if fold:
        fold_duplicates(
            {
                name: {entity.pk for by_kind in resolved for _item, entity in by_kind[name]}
                for name in ("person", "organisation", "event", "place")
            }
        )
    if offices:
        update_offices([article.pk for article, _found in found])
        update_interactions([article.pk for article, _found in found])


def _programmes(found, kept) -> set[str]:
    """Acronyms of programmes, by the archive's articles: these and those linked now.

    Asked about the bare acronyms found as organisations, and the acronyms
    these articles define (an organisation an earlier article made of one goes).
    """
    asked = {
        item.name
        for by_kind in kept
        for item in by_kind["organisation"]
        if is_bare_acronym(item.name)
    }
    defined = {
        article.pk: programme_acronyms(f"{article.title}\n{article.body}")
        for article, _extracted in found
    }
    record_definitions(defined)
    for acronyms in defined.values():
        asked |= set(acronyms)
    return programmes_in_archive(asked)


def _mentions(article: Article, pairs) -> list[tuple]:
    """``(article, entity, count, first offset)`` rows: one per entity found in the article."""
    by_entity: dict[int, list] = {}
    for item, entity in pairs:
        known = by_entity.get(id(entity))
        if known is not None:
            # Two findings resolved to one entity: add them up.
            known[2] += item.count
            offsets = [o for o in (known[3], item.first_offset) if o is not None]
            known[3] = min(offsets) if offsets else None
        else:
            by_entity[id(entity)] = [article.pk, entity.pk, max(item.count, 1), item.first_offset]
    return [tuple(row) for row in by_entity.values()]


def _participants(resolved: dict[str, list]) -> dict[str, set[tuple[int, int]]]:
    """Each event of one article, with the organisations and people its own name mentions.

    "OIC Summit 2026" involves the OIC; "Blinken's Meeting with Kuleba" involves
    both. Names are matched on whole words against the event's surface forms.
    Returns ``(event pk, other pk)`` pairs by the other's kind.
    """
    taking_part: dict[str, set[tuple[int, int]]] = {"organisation": set(), "person": set()}
    for item, event in resolved.get("event", []):
        forms = " | ".join({item.name, *item.aliases})
        for kind_name, pairs in taking_part.items():
            pairs.update(
                (event.pk, entity.pk)
                for other, entity in resolved.get(kind_name, [])
                if any(_has_word(forms, name) for name in _short_names(other, entity))
            )
    return taking_part


def _has_word(text: str, word: str) -> bool:
    return next(whole_word_starts(text, word), None) is not None


def _short_names(item: ExtractedEntity, entity) -> set[str]:
    """Names by which an entity may appear inside an event's name."""
    names = {entity.name, item.name, *item.aliases}
    if getattr(entity, "acronym", ""):
        names.add(entity.acronym)
    if item.kind == "person":
        # People appear in event names by surname: "Blinken's Meeting".
        names |= {name.split()[-1] for name in list(names) if len(name.split()) > 1}
    return {name for name in names if len(name) > 1}


def _without_rejected(item: ExtractedEntity, rejected: set[str]) -> ExtractedEntity | None:
    """Drop surface forms editors rejected; drop the entity if no good name is left."""
    if not rejected:
        return item
    aliases = {alias for alias in item.aliases if name_key(alias) not in rejected}
    if name_key(item.name) not in rejected:
        return replace(item, aliases=aliases)
    if not aliases:
        return None
    return replace(item, name=max(aliases, key=len), aliases=aliases)


class _Linking:
    """Resolution of many articles' findings: one resolver per kind, saved together."""

    def __init__(self) -> None:
        self._resolvers: dict[str, ArchiveResolver] = {}

    def resolver(self, name: str) -> ArchiveResolver:
        if name not in self._resolvers:
            self._resolvers[name] = ArchiveResolver(ENTITY_KINDS[name], self.place)
        return self._resolvers[name]

    def place(self, name: str, kind: str) -> Place:
        """The place a city's country or an event's venue names, created if need be."""
        item = ExtractedEntity(kind="place", name=name, place_kind=kind)
        return self.resolver("place").resolve([item])[0][1]

    def prefetch(self, articles: list[dict[str, list[ExtractedEntity]]]) -> None:
        """Load, in a few queries, everything the resolution of these findings looks up."""
        for name in ENTITY_KINDS:
            items = [item for by_kind in articles for item in by_kind.get(name, ())]
            keys = {name_key(item.name) for item in items}
            if name == "place":
                keys.update(name_key(item.country) for item in items if item.country)
                keys.update(
                    name_key(event.place)
                    for by_kind in articles
                    for event in by_kind.get("event", ())
                    if event.place
                )
            aliases = {name_key(alias) for item in items for alias in item.aliases}
            self.resolver(name).fetch(keys, aliases)

    def save(self) -> None:
        # Places first: cities name their countries and events their venues.
        for name in ("place", *(name for name in self._resolvers if name != "place")):
            if name in self._resolvers:
                self._resolvers[name].save()


class ArchiveResolver:
    """The stored entity each finding of one kind names, for many articles in turn.

    First the entity whose canonical name it is; then the entity that knows the
    name as an alias (a merged-away name leads to the survivor); then one that
    knows another of its surface forms, but only when a single entity claims it,
    so that a shared surname never joins two people. What the archive knows is
    loaded in batches and kept up to date in memory: new entities, new aliases
    and filled-in attributes are written by ``save``.
    """

    def __init__(self, kind: EntityKind, place: Callable[[str, str], Place]) -> None:
        self.kind = kind
        self.model = kind.model
        self._place = place
        self._named: set[str] = set()  # keys whose entities are loaded
        self._owned: set[str] = set()  # keys whose alias owners are loaded
        self._by_key: dict[str, object] = {}
        self._owners: dict[str, dict[int, object]] = {}  # alias key -> entities, by id()
        self._by_pk: dict[int, object] = {}
        # The surface forms of the people a lone name is an alias of, by id().
        self._forms: dict[int, set[str]] = {}
        self._forms_loaded: set[int] = set()  # pks
        self._surnames: dict[str, bool] = {}  # word -> some name ends with it
        self._shared_words: dict[str, bool] = {}  # word -> names of two people have it
        self._aliases: set[tuple[int, str]] = set()  # (id(entity), name) added
        self._new: list = []
        self._changed: dict[int, tuple[object, set[str]]] = {}
        self._new_aliases: list[tuple[object, str]] = []

    # Loading

    def fetch(self, keys: Iterable[str], aliases: Iterable[str] = ()) -> None:
        """Load the entities named by ``keys``, and those that know any key as an alias.

        ``aliases``: keys of other surface forms, looked up as aliases only.
        Keys loaded before are not looked up again.
        """
        named = set(keys) - self._named
        owned = (named | set(aliases)) - self._owned
        self._named |= named
        self._owned |= owned
        # Timestamps are never read here, and converting them costs more than the rest.
        entities = self.model.objects.defer("created", "updated")
        for chunk in _chunks(named):
            for entity in entities.filter(key__in=chunk).order_by("-pk"):
                # The oldest of namesakes wins.
                self._by_key[entity.key] = self._one(entity)
        field = f"{self.kind.name}_id"
        rows = []
        for chunk in _chunks(owned):
            rows += self.kind.alias_model.objects.filter(key__in=chunk).values_list("key", field)
        for chunk in _chunks({owner for _key, owner in rows if owner not in self._by_pk}):
            for entity in entities.filter(pk__in=chunk):
                self._one(entity)
        for key, owner in rows:
            entity = self._by_pk[owner]
            self._owners.setdefault(key, {})[id(entity)] = entity
        if self.kind.name == "person":
            self._load_forms({owner for key, owner in rows if " " not in key})

    def _load_forms(self, pks: set[int]) -> None:
        """Load every alias of these people: what a lone name of theirs is checked against."""
        pks -= self._forms_loaded
        self._forms_loaded |= pks
        for chunk in _chunks(pks):
            for owner, name in self.kind.alias_model.objects.filter(
                person_id__in=chunk
            ).values_list("person_id", "name"):
                self._forms.setdefault(id(self._by_pk[owner]), set()).add(name)

    def _one(self, entity):
        """The one instance that stands for this row during the resolution."""
        return self._by_pk.setdefault(entity.pk, entity)

    # Resolving

    def resolve(self, items: list[ExtractedEntity]) -> list[tuple[ExtractedEntity, object]]:
        """Resolve one article's findings of this kind: ``(item, entity)`` pairs."""
        if not items:
            return []
        keys = [name_key(item.name) for item in items]
        self.fetch(keys, {name_key(alias) for item in items for alias in item.aliases})
        chosen = self._choose_by_alias(items, keys)
        found = []
        for item, key in zip(items, keys, strict=True):
            entity = self._by_key.get(key) or chosen.get(key)
            if entity is None:
                entity = self.model(name=item.name[:300])
                entity.set_name_keys()
                self._fill_attributes(entity, item)
                self._new.append(entity)
                self._by_key.setdefault(entity.key, entity)
                self._by_key[key] = entity
            else:
                changed = self._fill_attributes(entity, item)
                if changed and entity.pk is not None:
                    self._changed.setdefault(id(entity), (entity, set()))[1].update(changed)
            found.append(entity)
        self._add_aliases(items, found)
        return list(zip(items, found, strict=True))

    def _choose_by_alias(self, items, keys) -> dict[str, object]:
        """For items no canonical name matched: the entity their names are aliases of.

        A person's lone name (``Chung``) two people are known by joins neither,
        unless another of its forms (``Foreign Minister Chung``) is known of one
        of them only, or one of them has ``DOMINANT`` times the mentions of any
        other (a namesake met once does not take the Secretary's surname from
        him); a full name joins a person by another of its forms only
        if their given names agree (``given_names_agree``): ``Chung Eui-yong``
        is not ``Julie J. Chung`` for sharing ``Chung``. A lone name a title
        such as ``Pope`` puts before it (``given_name_by_title``) joins no one
        of a fuller name: ``Pope Francis`` is not ``David Francis``. A lone
        name after another title (``Secretary Austin``) is a surname: it joins
        only those it may name so (``_called_so``).
        """
        person = self.kind.name == "person"
        picks = {}
        for item, key in zip(items, keys, strict=True):
            if key in self._by_key:
                continue
            exact = self._owners.get(key, {})
            lone = person and len(person_words(item.name)) < 2
            if lone and exact and given_name_by_title(key, item.aliases):
                # "Pope Francis" is not David Francis, whose surname it is.
                exact = {
                    ident: entity
                    for ident, entity in exact.items()
                    if len(name_words(entity.name)) < 2
                }
            elif lone and exact and by_surname(key, item.aliases):
                exact = self._called_so(key, item.aliases, exact)
            others = {}
            for alias in {alias for alias in item.aliases if name_key(alias) != key}:
                if not person and ends_name(alias, item.name):
                    continue  # "Strategic Dialogue" of "U.S.-Iraq Strategic Dialogue"
                if not person and item.name.startswith(f"{alias} of "):
                    continue  # "Ministry of Health" of "... of Malawi": any country's
                for ident, entity in self._owners.get(name_key(alias), {}).items():
                    if not person or lone or _may_be(item.name, entity.name, alias):
                        others[ident] = entity
            if len(exact) == 1:
                picks[key] = next(iter(exact.values()))
            elif exact and lone:
                known = exact.keys() & others.keys()
                if len(known) == 1:
                    picks[key] = exact[known.pop()]
                elif (dominant := self._dominant(list(exact.values()))) is not None:
                    picks[key] = dominant
            elif exact:
                picks[key] = self._most_mentioned(list(exact.values()))
            elif len(others) == 1:
                picks[key] = next(iter(others.values()))
        return picks

    def _called_so(self, word: str, aliases: set[str], exact: dict) -> dict:
        """Those of the people known by ``word`` that a title before it may name.

        Given names never count as surnames: "Secretary Austin" is Lloyd Austin,
        not Austin Tice, whose given name it is (``given_name_only``); when no
        one has it as a surname, a name that starts with it may be written
        surname first (``Choi Jong Kun``, who holds an office) and stays. The
        offices must agree where both are known (``known_offices``, and the
        stored roles, ``offices_held``): "Vice Minister Kim" is not Sung Kim, a
        Special Representative; and a name many people share needs the same
        office ("Chairwoman Lee" is not Matt Lee, whose office none knows).
        """
        self._load_forms({entity.pk for entity in exact.values() if entity.pk})
        forms = {ident: self._forms.get(ident, set()) for ident in exact}
        holders = {
            ident: entity
            for ident, entity in exact.items()
            if not given_name_only(entity.name, forms[ident], word)
        }
        stored = {entity.pk for entity in exact.values() if entity.pk}
        offices = title_heads(word, aliases)
        held = offices_held(stored) if offices or not holders else {}
        if not holders and not self._surname_of_someone(word):
            # Nobody's surname: a name it starts may be written surname first,
            # if some article gives that person an office (Choi Jong Kun).
            holders = {ident: entity for ident, entity in exact.items() if entity.pk in held}
        # A name many people share ("Kim") needs the same office, any name one known.
        shared = bool(offices) and self._shared(word)
        kept = {}
        for ident, entity in holders.items():
            known = known_offices(forms[ident]) | held.get(entity.pk, set())
            if not offices or (not known and not shared) or offices & known:
                kept[ident] = entity
        return kept

    def _shared(self, word: str) -> bool:
        """Whether two or more people's names start or end with ``word``."""
        if word not in self._shared_words:
            query = Q(key__startswith=f"{word} ") | Q(key__endswith=f" {word}")
            self._shared_words[word] = self.model.objects.filter(query)[:2].count() > 1
        return self._shared_words[word]

    def _surname_of_someone(self, word: str) -> bool:
        """Whether a stored or new person's name ends with ``word`` (or with it
        and a generation: ``Lloyd J. Austin III``)."""
        if word not in self._surnames:
            endings = [f" {word}", *(f" {word} {g}" for g in GENERATIONS)]
            query = Q()
            for ending in endings:
                query |= Q(key__endswith=ending)
            self._surnames[word] = self.model.objects.filter(query).exists() or any(
                entity.key.endswith(tuple(endings)) for entity in self._new
            )
        return self._surnames[word]

    def _dominant(self, entities: list):
        """The one of these people mentioned ``DOMINANT`` times as often as any other, or None."""
        counts = self._mention_counts(entities)
        ranked = sorted((counts.get(entity.pk, 0) for entity in entities), reverse=True)
        if ranked[0] < DOMINANT * max(ranked[1], 1):
            return None
        return self._most_mentioned(entities)

    def _mention_counts(self, entities: list) -> dict[int, int]:
        stored = {entity.pk for entity in entities if entity.pk is not None}
        return dict(
            self.model.objects.filter(pk__in=stored)
            .annotate(mention_count=Count("mentions"))
            .values_list("pk", "mention_count")
        )

    def _most_mentioned(self, entities: list):
        counts = self._mention_counts(entities)
        # Entities created during this resolution come last, in their order.
        order = {id(entity): position for position, entity in enumerate(self._new)}
        return min(
            entities,
            key=lambda e: (-counts.get(e.pk, 0), e.pk is None, e.pk or order.get(id(e), 0)),
        )

    def _add_aliases(self, items, entities) -> None:
        """Record every surface form seen as an alias of the entity it named.

        Those the entity has already are skipped on saving, by the unique
        constraint: cheaper than loading them all.
        """
        for item, entity in zip(items, entities, strict=True):
            for alias in item.aliases:
                name = alias[:300]
                if self.kind.name == "person" and is_compound_of_names(name, entity.name):
                    continue  # "Zelenskyy-Putin" names two people: an alias of neither
                if name and name != entity.name and (id(entity), name) not in self._aliases:
                    self._aliases.add((id(entity), name))
                    self._new_aliases.append((entity, name))
                    self._owners.setdefault(name_key(name), {})[id(entity)] = entity
                    self._forms.setdefault(id(entity), set()).add(name)

    def _fill_attributes(self, entity, item: ExtractedEntity) -> set[str]:
        """Fill attributes the entity lacks from what the text says; never overwrite.

        Editors' choices win over what a later article suggests. Returns the
        names of the fields filled.
        """
        updates: dict[str, object] = {}

        def fill(field: str, value, *, unset=None) -> None:
            current = getattr(entity, field)
            if value and value != unset and (not current or current == unset):
                updates[field] = value

        if isinstance(entity, Organisation):
            fill("acronym", item.acronym[:40])
            if item.org_kind in _ORGANISATION_KINDS:
                fill("kind", item.org_kind, unset=Organisation.Kind.OTHER)
        elif isinstance(entity, Place):
            if item.place_kind in _PLACE_KINDS:
                fill("kind", item.place_kind, unset=Place.Kind.OTHER)
            if item.country and item.country != entity.name and _unset(entity, "country"):
                updates["country"] = self._place(item.country, Place.Kind.COUNTRY)
        elif isinstance(entity, Event):
            if item.event_kind in _EVENT_KINDS:
                fill("kind", item.event_kind, unset=Event.Kind.OTHER)
            fill("start_date", item.start)
            fill("end_date", item.end)
            fill("year", item.year or (item.start.year if item.start else None))
            start = updates.get("start_date", entity.start_date)
            end = updates.get("end_date", entity.end_date)
            if start and end and end < start:
                updates.pop("end_date", None)  # an event never ends before it starts
            if item.place and _unset(entity, "place"):
                updates["place"] = self._place(item.place, Place.Kind.OTHER)
        for field, value in updates.items():
            setattr(entity, field, value)
        return set(updates)

    # Saving

    def save(self) -> None:
        """Write new entities, filled-in attributes and new aliases."""
        self._create(self._new)
        self._new = []
        if self._changed:
            entities = [entity for entity, _fields in self._changed.values()]
            fields = set().union(*(fields for _entity, fields in self._changed.values()))
            now = timezone.now()
            for entity in entities:
                entity.updated = now
            self.model.objects.bulk_update(entities, [*sorted(fields), "updated"])
            self._changed = {}
        # Known aliases, and those another ingest adds meanwhile: the unique
        # constraint skips them.
        insert_rows(
            self.kind.alias_model,
            ("name", "key", self.kind.name),
            [(name, name_key(name), entity.pk) for entity, name in self._new_aliases],
            ignore_conflicts=True,
        )
        self._new_aliases = []

    def _create(self, entities: list) -> None:
        if not entities:
            return
        assign_slugs(self.model, entities, fallback=self.kind.name)
        now = timezone.now()
        for entity in entities:
            entity.created = entity.updated = now
            entity.full_clean(
                exclude=["key", "slug", "country", "place"],
                validate_unique=False,
                validate_constraints=False,
            )
        # A city may name a country created in this same batch: that one goes first.
        while entities:
            ready = [e for e in entities if not _waits_for_unsaved(e)]
            if not ready:
                raise ValueError("entities refer to each other in a cycle")
            insert_models(self.model, ready, unique_field="slug")
            for entity in ready:
                self._by_pk[entity.pk] = entity
            entities = [e for e in entities if e.pk is None]


def _may_be(name: str, stored: str, alias: str) -> bool:
    """Whether a full name may join the stored person it shares ``alias`` with."""
    return len(person_words(stored)) < 2 or given_names_agree(name, stored, alias=alias)


def _chunks(values: set, size: int = 900) -> Iterable[list]:
    """``values`` in lists small enough for one query's parameters (SQLite allows 999)."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _unset(entity, name: str) -> bool:
    """True when the foreign key ``name`` is empty, without a query to load it."""
    field = entity._meta.get_field(name)
    return getattr(entity, field.attname) is None and (
        field.get_cached_value(entity, default=None) is None
    )


def _waits_for_unsaved(entity) -> bool:
    """True when the entity refers to another one that is not saved yet."""
    for name in ("country", "place"):
        if not hasattr(entity, f"{name}_id"):
            continue
        related = entity._meta.get_field(name).get_cached_value(entity, default=None)
        if related is not None and related.pk is None:
            return True
    return False
