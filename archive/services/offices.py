"""Offices, tenures and links inferred from offices, kept up to date as articles are linked.

``update_offices(article_ids)`` runs after the articles' mentions and roles
are stored (``linking.link_all``):

1. each role of those articles is read as an office (``extraction.offices``):
   the title, the country or organisation it is held in ("of"), and whether
   the article shows it held that day; a title written without its "of" is
   the office of that title the person is known to hold, if one; "the
   Secretary" in a release of a U.S. government site is the U.S. Secretary of
   State's (the article's home country);
2. each office the articles name without a holder is found and stored;
3. the tenures of every office touched are rebuilt from all the evidence
   (``build_tenures``), beside the reference data's and the editors';
4. an article naming an office without its holder is linked to the one
   person holding it on the article's date, marked as inferred
   (``PersonMention.via_office``); where nobody or several hold it, nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Count, Max, Min, Q

from archive.extraction.checks import check
from archive.extraction.normalize import name_key
from archive.extraction.office_mentions import find_office_mentions
from archive.extraction.offices import OfficeRead, read_office, title_key
from archive.extraction.reference import DEFAULT_REFERENCE_DIR, load_gazetteer
from archive.models import (
    Article,
    Office,
    OfficeMention,
    Organisation,
    Person,
    PersonAlias,
    PersonMention,
    PersonRole,
    Place,
    Tenure,
)
from archive.signals import articles_changed

from .slugs import assign_slugs

# Qualifiers under which the article shows the person holding the office that day.
HOLDING = frozenset({"", "acting", "outgoing"})


def update_offices(article_ids: Iterable[int]) -> set[int]:
    """Offices, tenures and inferred links for these articles; returns the ids of
    other articles whose inferred links changed (their index is told)."""
    ids = set(article_ids)
    if not ids:
        return set()
    touched = _read_roles(ids) | _read_office_mentions(ids)
    changed_offices = rebuild_tenures(touched)
    others = infer_links(ids, changed_offices) - ids
    if others:
        articles_changed.send(sender=Article, ids=sorted(others))
    return others


def rebuild_all_offices() -> set[int]:
    """Every article's roles and office mentions read again; returns the changed articles."""
    ids = set(Article.objects.values_list("pk", flat=True))
    PersonRole.objects.update(office=None, qualifier="")
    touched = _read_roles(ids) | _read_office_mentions(ids)
    touched |= set(Office.objects.values_list("pk", flat=True))
    rebuild_tenures(touched)
    Office.objects.filter(roles__isnull=True, mentions__isnull=True, tenures__isnull=True).delete()
    return infer_links(ids, touched)


def refresh_office(office_id: int) -> set[int]:
    """After an editor's change to a tenure: the office's tenures and the links
    inferred from it rebuilt at once; returns the articles whose links changed."""
    rebuild_tenures([office_id])
    changed = infer_links(set(), {office_id})
    if changed:
        articles_changed.send(sender=Article, ids=sorted(changed))
    return changed


# -- 1 and 2: reading roles and office mentions ----------------------------------


def _read_roles(ids: set[int]) -> set[int]:
    roles = list(
        PersonRole.objects.filter(article_id__in=ids, office__isnull=True)
        .order_by()  # no ordering by person: a join PostgreSQL plans badly mid-ingest
        .select_related("article")
        .only("pk", "person_id", "title", "qualifier", "office_id", "article__url")
    )
    specs = {}
    for role in roles:
        read = _read(role.title)
        # "Secretary Mayorkas", "Secretary Yellen": a bare title before a name
        # is anyone's; only the person's other roles can say which office.
        if read is not None and not read.bare:
            role.qualifier = read.qualifier
            specs[role.pk] = _spec(read, role.article.url)
    found = _resolve(set(specs.values()))
    for role in roles:
        office = found.get(specs.get(role.pk))
        if office is not None:
            role.office = office
    _save_offices([r for r in roles if r.office_id is not None or r.qualifier])
    # "Foreign Minister" alone: the one office of that title the person holds
    # elsewhere. The roles of these articles are looked at each time; a person's
    # roles in other articles only when these articles show them in an office
    # no earlier article did (otherwise nothing new could claim them).
    persons = {role.person_id for role in roles}
    held_here = {(r.person_id, r.office_id) for r in roles if r.office_id is not None}
    held_before = set(
        PersonRole.objects.filter(person_id__in={p for p, _o in held_here}, office__isnull=False)
        .order_by()
        .exclude(article_id__in=ids)
        .values_list("person_id", "office_id")
        .distinct()
    )
    newly = {person for person, office in held_here - held_before}
    touched = {office for _person, office in held_here}
    unowned = (
        PersonRole.objects.filter(person_id__in=persons, office__isnull=True)
        .filter(Q(article_id__in=ids) | Q(person_id__in=newly))
        .order_by()
    )
    return touched | _claim_unowned(persons, unowned)


def _save_offices(roles: list[PersonRole]) -> None:
    """Store the roles' offices and qualifiers: one UPDATE a distinct pair (a
    ``bulk_update`` writes a CASE a row, slow on SQLite at a batch's size)."""
    groups: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for role in roles:
        groups[(role.office_id, role.qualifier)].append(role.pk)
    for (office_id, qualifier), pks in groups.items():
        for start in range(0, len(pks), 500):
            PersonRole.objects.filter(pk__in=pks[start : start + 500]).update(
                office_id=office_id, qualifier=qualifier
            )


def _claim_unowned(persons: set[int], unowned) -> set[int]:
    """Give the roles without an "of" the one office of that title their person holds."""
    known: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for person_id, title, office_id in (
        PersonRole.objects.filter(person_id__in=persons, office__isnull=False)
        .order_by()
        .values_list("person_id", "office__title", "office_id")
        .distinct()
    ):
        known[person_id][title_key(title)].add(office_id)
    if not known:
        return set()
    claimed = []
    for role in unowned:
        read = _read(role.title)
        if read is None or role.person_id not in known:
            continue
        # "Deputy Secretary" may be the Deputy Secretary of State's or the Deputy
        # Secretary of State for Management and Resources' title: two offices of
        # the person begin so, and the role is neither's.
        written = title_key(role.title.removeprefix(f"{read.qualifier} ").strip())
        found = {
            office_id
            for title, office_ids in known[role.person_id].items()
            if title == title_key(read.title) or title.startswith(f"{written} ")
            for office_id in office_ids
        }
        if len(found) == 1:
            role.office_id = next(iter(found))
            role.qualifier = read.qualifier
            claimed.append(role)
    _save_offices(claimed)
    return {role.office_id for role in claimed}


def _read_office_mentions(ids: set[int]) -> set[int]:
    OfficeMention.objects.filter(article_id__in=ids).delete()
    rows: dict[tuple[int, str], tuple[OfficeMention, tuple]] = {}
    articles = Article.objects.filter(pk__in=ids).only("pk", "body", "url")
    for article in articles.iterator(chunk_size=200):
        for found in find_office_mentions(article.body):
            read = _read(found.role)
            if read is None or read.qualifier or not read.single:
                continue
            spec = _spec(read, article.url)
            if spec is None:
                continue
            key = (article.pk, found.role)
            if key in rows:
                rows[key][0].count += 1
            else:
                row = OfficeMention(
                    article=article, title=found.role[:300], first_offset=found.start
                )
                rows[key] = (row, spec)
    found_offices = _resolve({spec for _row, spec in rows.values()})
    kept = []
    for row, spec in rows.values():
        if (office := found_offices.get(spec)) is not None:
            row.office = office
            kept.append(row)
    OfficeMention.objects.bulk_create(kept, batch_size=500)
    return {row.office_id for row in kept}


# An office as a text names it: (title, one holder at a time, owner kind, owner name).
Spec = tuple[str, bool, str, str]


def _spec(read: OfficeRead, url: str) -> Spec | None:
    kind, name = read.of_kind, read.of_name
    if not kind and read.home:
        kind, name = "country", home_country(url) or ""
    return (read.title, read.single, kind, name) if kind and name else None


def _resolve(specs: set[Spec | None]) -> dict[Spec, Office]:
    """The offices the specs name, created where missing (a few queries a batch);
    none where the country or organisation is not in the archive."""
    specs = {spec for spec in specs if spec is not None}
    if not specs:
        return {}
    owners = {
        kind: _owners(Place if kind == "country" else Organisation, names)
        for kind, names in _group(specs).items()
    }
    keyed: dict[str, list[Spec]] = defaultdict(list)
    owner_of: dict[Spec, Place | Organisation] = {}
    for spec in specs:
        owner = owners[spec[2]].get(spec[3])
        if owner is not None:
            owner_of[spec] = owner
            keyed[office_key(spec[0], owner)].append(spec)
    existing = Office.objects.in_bulk(list(keyed), field_name="key")
    missing = [key for key in keyed if key not in existing]
    if missing:
        _create_offices({key: (keyed[key][0], owner_of[keyed[key][0]]) for key in missing})
        existing |= Office.objects.in_bulk(missing, field_name="key")
    return {
        spec: existing[key] for key, found in keyed.items() if key in existing for spec in found
    }


@functools.lru_cache(maxsize=50_000)
def _read(title: str) -> OfficeRead | None:
    """A title read as an office, remembered: the same few titles come back all the time."""
    return read_office(title, load_gazetteer())


def _group(specs: set[Spec]) -> dict[str, set[str]]:
    grouped: dict[str, set[str]] = {"country": set(), "organisation": set()}
    for _title, _single, kind, name in specs:
        grouped[kind].add(name)
    return grouped


def _owners(model, names: set[str]) -> dict[str, Place | Organisation]:
    """The archive's entities by the reference data's canonical names (or an alias)."""
    if not names:
        return {}
    by_key = {name_key(name): name for name in names}
    found = {by_key[e.key]: e for e in model.objects.filter(key__in=list(by_key))}
    rest = names - set(found)
    if rest:
        alias_model = model._meta.get_field("aliases").related_model
        field_name = model._meta.model_name
        for alias in alias_model.objects.filter(name__in=rest).select_related(field_name):
            found.setdefault(alias.name, getattr(alias, field_name))
    return found


def office_key(title: str, owner: Place | Organisation) -> str:
    tag = f"{'p' if isinstance(owner, Place) else 'o'}{owner.pk}"
    return f"{title_key(title)}|{tag}"[:340]


def _create_offices(wanted: dict[str, tuple[Spec, Place | Organisation]]) -> None:
    offices = [
        Office(
            key=key,
            title=spec[0],
            single=spec[1],
            **{"country" if isinstance(owner, Place) else "organisation": owner},
        )
        for key, (spec, owner) in wanted.items()
    ]
    assign_slugs(Office, offices, fallback="office")
    # Another ingest may create the same office at the same time: its row wins.
    Office.objects.bulk_create(offices, batch_size=500, ignore_conflicts=True)


@functools.cache
def _country_codes() -> dict[str, str]:
    """Two-letter country codes (as in web domains) to country names."""
    path = DEFAULT_REFERENCE_DIR / "countries.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    return {r["cca2"].lower(): r["name"] for r in records if r.get("cca2")}


def home_country(url: str) -> str | None:
    """The country whose government site published ``url``: U.S. government
    sites end in .gov or .mil; others are "gov.<country code>" and the like."""
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith((".gov", ".mil")):
        return "United States"
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("gov", "mfa", "gouv", "gob", "govt"):
        code = {"uk": "gb"}.get(parts[-1], parts[-1])
        return _country_codes().get(code)
    return None


# -- 3: tenures -------------------------------------------------------------------


@dataclass(frozen=True)
class _Holding:
    """What the articles show of one person in one office, summed up."""

    person_id: int
    first: dt.date | None  # the first and last days they are shown holding it
    last: dt.date | None
    times: int
    acting_only: bool  # every time as "acting" or "interim"
    former_first: dt.date | None = None  # the days they are called "former"
    former_last: dt.date | None = None

    @property
    def ended(self) -> dt.date | None:
        """A day by which they had left it: the first "former" after the last day seen."""
        for day in (self.former_first, self.former_last):
            if day is not None and self.last is not None and day > self.last:
                return day
        return None


def rebuild_tenures(office_ids: Iterable[int]) -> set[int]:
    """Rebuild the offices' tenures from the articles and the reference data
    (editors' are kept); returns the offices whose holding periods changed
    (the links inferred from them then need looking at again)."""
    offices = Office.objects.filter(pk__in=set(office_ids)).select_related("country")
    offices = {office.pk: office for office in offices}
    if not offices:
        return set()
    before = _periods(offices)
    # Summed up in the database: an office's evidence grows with the archive.
    holding, former = Q(qualifier__in=HOLDING), Q(qualifier="former")
    holdings: dict[int, list[_Holding]] = defaultdict(list)
    for row in (
        PersonRole.objects.filter(office_id__in=offices, seen_on__isnull=False)
        .values("office_id", "person_id")
        .annotate(
            first=Min("seen_on", filter=holding),
            last=Max("seen_on", filter=holding),
            times=Count("pk", filter=holding),
            acting=Count("pk", filter=Q(qualifier="acting")),
            former_first=Min("seen_on", filter=former),
            former_last=Max("seen_on", filter=former),
        )
    ):
        if row["times"]:
            holdings[row["office_id"]].append(
                _Holding(
                    row["person_id"],
                    row["first"],
                    row["last"],
                    row["times"],
                    row["acting"] == row["times"],
                    row["former_first"],
                    row["former_last"],
                )
            )
    Tenure.objects.filter(office_id__in=offices).exclude(source=Tenure.Source.EDITOR).delete()
    kept: dict[int, dict[int, Tenure]] = defaultdict(dict)
    for tenure in Tenure.objects.filter(office_id__in=offices):
        kept[tenure.office_id][tenure.person_id] = tenure
    for tenure in reference_tenures(list(offices.values())):
        kept[tenure.office_id].setdefault(tenure.person_id, tenure)
    tenures = []
    for office_id, office in offices.items():
        for tenure in build_tenures(holdings[office_id], office.single, kept=kept[office_id]):
            tenure.office_id = office_id
            tenures.append(tenure)
        tenures += [t for t in kept[office_id].values() if t.pk is None and t not in tenures]
    Tenure.objects.bulk_create([t for t in tenures if t.pk is None], batch_size=500)
    Tenure.objects.bulk_update(
        [t for t in tenures if t.pk is not None],
        ["first_seen", "last_seen", "evidence", "conflict"],
        batch_size=200,
    )
    after = _periods(offices)
    return {pk for pk in offices if before.get(pk) != after.get(pk)}


# A reference holder: the names they are written under, start, end (None: ongoing), source.
RefHolder = tuple[tuple[str, ...], dt.date, dt.date | None, str]


@functools.cache
def _reference_holders() -> dict[tuple[str, str], list[RefHolder]]:
    """Reference holders by office (title key, country): the CIA World Factbook's
    heads of state and government (a holder's tenure ends when the next one's
    starts, or by the last day the Factbook showed them) and history.state.gov's
    U.S. principal officers (with their own dates)."""
    gaz = load_gazetteer()
    factbook: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for leader in gaz.leaders.values():
        for role in leader.roles:
            read = read_office(role.role, gaz)
            if read is None or read.of_kind != "country" or not role.since:
                continue
            key = (title_key(read.title), read.of_name)
            since = dt.date.fromisoformat(role.since)
            factbook[key].append((leader, since))
    holders: dict[tuple[str, str], list[RefHolder]] = defaultdict(list)
    for key, found in factbook.items():
        last = max(since for _leader, since in found)
        for leader, since in found:
            # The last holder the Factbook lists left by the last day it showed them,
            # unless still in office; the others when the next one started (below).
            end = None
            if since == last and not leader.current and leader.last_seen:
                end = dt.date.fromisoformat(leader.last_seen)
            holders[key].append(((leader.name, *leader.aliases), since, end, "CIA World Factbook"))
    for officer in load_us_officers():
        read = read_office(officer["office"], gaz)
        if read is None:
            continue
        key = (title_key(read.title), officer["of"])
        names = (officer["name"], *officer.get("aliases", ()))
        holders[key].append((names, officer["start"], officer["end"], "history.state.gov"))
    # A holder whose end is open left when the next one started.
    for key, found in holders.items():
        found.sort(key=lambda h: h[1])
        holders[key] = [
            (names, start, end or (found[i + 1][1] if i + 1 < len(found) else None), source)
            for i, (names, start, end, source) in enumerate(found)
        ]
    return dict(holders)


US_OFFICERS_FILE = "us_officers.json"


def load_us_officers(path=None) -> list[dict]:
    """history.state.gov's U.S. principal officers, with dates read and checked."""
    path = path or DEFAULT_REFERENCE_DIR / US_OFFICERS_FILE
    records = json.loads(path.read_text(encoding="utf-8"))
    problems, officers = [], []
    for i, record in enumerate(records):
        try:
            start = dt.date.fromisoformat(record["start"])
            end = dt.date.fromisoformat(record["end"]) if record.get("end") else None
            if not record["name"] or not record["office"]:
                raise ValueError("no name or office")
        except (KeyError, TypeError, ValueError) as error:
            problems.append(f"{path}: entry {i}: {error}")
            continue
        officers.append(
            {**record, "of": record.get("of", "United States"), "start": start, "end": end}
        )
    check(problems)
    return officers


def reference_tenures(offices: list[Office]) -> list[Tenure]:
    """The offices' holders in the reference data who are in the archive."""
    wanted = {}
    for office in offices:
        if office.country is not None:
            key = (title_key(office.title), office.country.name)
            if holders := _reference_holders().get(key):
                wanted[office] = holders
    if not wanted:
        return []
    names = {name for holders in wanted.values() for h in holders for name in h[0]}
    people = dict(
        Person.objects.filter(key__in={name_key(n) for n in names}).values_list("key", "pk")
    )
    for name, pk in PersonAlias.objects.filter(name__in=names).values_list("name", "person_id"):
        people.setdefault(name_key(name), pk)
    tenures = []
    for office, holders in wanted.items():
        for names_of, start, end, source in holders:
            keys = [name_key(n) for n in names_of]
            person_id = next((people[k] for k in keys if k in people), None)
            if person_id is not None:
                tenures.append(
                    Tenure(
                        office_id=office.pk,
                        person_id=person_id,
                        start=start,
                        end=end,
                        source=Tenure.Source.REFERENCE,
                        note=source,
                    )
                )
    return tenures


def build_tenures(
    holdings: list[_Holding], single: bool, *, kept: dict[int, Tenure]
) -> list[Tenure]:
    """Tenures from dated evidence: one per person, from the first day seen to
    the last; for an office with one holder at a time, a successor's first day
    closes the predecessor's tenure, and a holder seen again after it is a
    conflict, shown on both. A person's "former" evidence after the last day
    seen ends the tenure by then. An editor's or the reference data's tenure
    of the same person is kept, with the text's evidence counted on it."""
    tenures = []
    for h in holdings:
        tenure = kept.get(h.person_id) or Tenure(person_id=h.person_id, source=Tenure.Source.TEXT)
        tenure.first_seen, tenure.last_seen, tenure.evidence = h.first, h.last, h.times
        if tenure.source == Tenure.Source.TEXT:
            tenure.qualifier = "acting" if h.acting_only else ""
            tenure.end = h.ended
        tenure.conflict = False
        tenures.append(tenure)
    if not single:
        return tenures
    ordered = sorted(
        (t for t in [*tenures, *(t for t in kept.values() if t not in tenures)] if not t.rejected),
        key=lambda t: t.start or t.first_seen or dt.date.max,
    )
    for previous, following in itertools.pairwise(ordered):
        begin = following.start or following.first_seen
        if begin is None:
            continue
        if following.source == Tenure.Source.TEXT and following.start is None:
            following.start = following.first_seen
        if previous.last_seen is not None and previous.last_seen > begin:
            # Seen in office after the successor was: the evidence disagrees. Both
            # tenures stay open, so nobody is inferred for those days.
            previous.conflict = following.conflict = True
        elif previous.source == Tenure.Source.TEXT and (
            previous.end is None or previous.end > begin
        ):
            previous.end = begin
    return tenures


def _periods(offices: dict[int, Office]) -> dict[int, set[tuple]]:
    periods: dict[int, set[tuple]] = defaultdict(set)
    for row in Tenure.objects.filter(office_id__in=offices, rejected=False).values_list(
        "office_id", "person_id", "start", "first_seen", "end"
    ):
        periods[row[0]].add(row[1:])
    return periods


# -- 4: links inferred from offices --------------------------------------------------


def holder_on(tenures: list[Tenure], day: dt.date) -> int | None:
    """The one person holding the office on ``day``, or None (nobody, or several).

    An editor's tenure outranks the others; then the reference data's of someone
    the articles show in the office (a stray "Secretary of State Pompeo" in a 2022
    release does not make the day's holder unknown); then the articles'; then the
    reference data's alone (its open ends are sometimes only gaps in the data)."""
    covering = [t for t in tenures if not t.rejected and t.holds_on(day)]
    reference = [t for t in covering if t.source == Tenure.Source.REFERENCE]
    for group in (
        [t for t in covering if t.source == Tenure.Source.EDITOR],
        [t for t in reference if t.evidence],
        _dominant([t for t in covering if t.source == Tenure.Source.TEXT]),
        reference,
    ):
        holders = {t.person_id for t in group}
        if holders:
            return holders.pop() if len(holders) == 1 else None
    return None


def _dominant(tenures: list[Tenure]) -> list[Tenure]:
    """Of the articles' holders, the one they show far more often than any other
    (113 releases name Wendy Sherman Deputy Secretary, one names Brian McKeon so
    by cutting his title short); else all of them."""
    ranked = sorted(tenures, key=lambda t: t.evidence, reverse=True)
    if len(ranked) > 1 and ranked[0].evidence >= max(3, 4 * ranked[1].evidence):
        return ranked[:1]
    return ranked


def _named_so(office: Office, roles: set[tuple[str, str]]) -> bool:
    """Whether a person the article names holds an office whose title begins with
    this office's, in the same country or organisation or in none it says."""
    key, owner = title_key(office.title), office.owner.name
    return any(
        (title == key or title.startswith(f"{key} ")) and of_name in ("", owner)
        for title, of_name in roles
    )


def infer_links(article_ids: set[int], offices_changed: set[int]) -> set[int]:
    """Link the articles (and every article naming a changed office) to the holder
    of each office they name without a holder; returns the articles whose links changed."""
    mentions = list(
        OfficeMention.objects.filter(
            Q(article_id__in=article_ids) | Q(office_id__in=offices_changed),
            office__isnull=False,
        ).select_related("article", "office__country", "office__organisation")
    )
    articles = {m.article_id for m in mentions}
    if not articles:
        return set()
    # "The Deputy Secretary" in an article about Deputy Secretary for Management
    # McKeon, "the Secretary" in one about Secretary Mayorkas: the person the
    # article names with a title that begins so is meant, not the office's holder.
    articles_roles = defaultdict(set)
    for article_id, title in (
        PersonRole.objects.filter(article_id__in=articles)
        .order_by()
        .values_list("article_id", "title")
    ):
        if (read := _read(title)) is not None:
            articles_roles[article_id].add((title_key(read.title), read.of_name))
    mentions = [m for m in mentions if not _named_so(m.office, articles_roles[m.article_id])]
    office_ids = {m.office_id for m in mentions}
    tenures = defaultdict(list)
    for tenure in Tenure.objects.filter(office_id__in=office_ids):
        tenures[tenure.office_id].append(tenure)
    wanted: dict[tuple[int, int], PersonMention] = {}
    for m in mentions:
        day = m.article.published
        person_id = holder_on(tenures[m.office_id], day) if day else None
        if person_id is None or (m.article_id, person_id) in wanted:
            continue
        wanted[(m.article_id, person_id)] = PersonMention(
            article_id=m.article_id,
            person_id=person_id,
            via_office_id=m.office_id,
            count=m.count,
            first_offset=m.first_offset,
        )
    existing = PersonMention.objects.filter(article_id__in=articles)
    named = set(existing.filter(via_office__isnull=True).values_list("article_id", "person_id"))
    inferred = {
        (a, p): (pk, o)
        for pk, a, p, o in existing.filter(via_office__isnull=False).values_list(
            "pk", "article_id", "person_id", "via_office_id"
        )
    }
    wanted = {key: pm for key, pm in wanted.items() if key not in named}
    stale = [
        k for k, (_pk, o) in inferred.items() if k not in wanted or o != wanted[k].via_office_id
    ]
    fresh = [pm for k, pm in wanted.items() if k not in inferred or k in stale]
    PersonMention.objects.filter(pk__in=[inferred[k][0] for k in stale]).delete()
    PersonMention.objects.bulk_create(fresh, batch_size=500)
    return {a for a, _ in stale} | {pm.article_id for pm in fresh}
