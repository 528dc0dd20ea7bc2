"""Resolve the mentions of one article into entities (within the article;
``archive/services/linking.py`` then resolves them across the archive).

"Dr. Ahmad Kawesa Sengendo" ... "Sengendo" become one person; "Organization of
Islamic Cooperation (OIC)" ... "OIC" one organisation under its reference
name; unknown capitalised names become persons only with evidence.

``resolve_mentions`` runs the stages in order on a working copy of the
findings (the caller's findings are never changed): people (people.py), organisations,
places, one sense per article, events; then builds the entities (clusters.py).
"""

from __future__ import annotations

import datetime as dt
import itertools

from archive.extraction import events as ev
from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.clusters import Cluster, Clusters, Resolution, build_resolution, strip_the
from archive.extraction.guess import is_place_candidate, strip_legal_form
from archive.extraction.normalize import name_key
from archive.extraction.people import People
from archive.extraction.reference import Gazetteer
from archive.extraction.spans import Candidate, Findings, Mention

# Evidence that only guesses a kind (see guess.py).
_GUESSES = frozenset({"context", "name", "article", "backref"})


def resolve_mentions(gaz: Gazetteer, found: Findings, published: dt.date | None) -> Resolution:
    # Only organisations' mentions change here (an acronym retyped or dropped).
    work = found.copy(kinds={"organisation"})
    clusters = Clusters()
    people = People(gaz, work, clusters, published).resolve()
    single_leftover = resolve_organisations(
        gaz, work, clusters, people.single_leftover, people.companies
    )
    resolve_places(gaz, work, clusters, people.leftover)
    propagate(work, clusters, people, people.leftover, single_leftover)
    resolve_events(gaz, work, clusters, published)
    return build_resolution(clusters.all, work.body_start)


def _of_kind(work: Findings, kind: str) -> list[Mention]:
    return [m for m in work.mentions if m.kind == kind and not m.dropped]


def resolve_organisations(
    gaz: Gazetteer,
    work: Findings,
    clusters: Clusters,
    singles: list[Candidate],
    companies: dict[str, Mention] | None = None,
) -> list[Candidate]:
    """Organisations under their reference names where known; ambiguous
    acronyms settled by the article or dropped; a company's short form
    ("Barrick" typed by "Barrick chairman") under the company's full name.
    Returns the lone words still unread."""
    present = {m.ref for m in work.mentions if m.kind == "organisation" and m.ref}
    defined = dict(work.acronyms)
    bare = []
    for m in _of_kind(work, "organisation"):
        if m.evidence == "bare-head":
            bare.append(m)
            continue
        target = defined.get(m.surface)
        if target is not None and target is not m and target.kind != "organisation":
            # An acronym an article gave to an event or place: resolved
            # with that kind, under the target's identity.
            m.kind, m.ref, m.candidates = target.kind, target.ref, ()
            m.name = target.name or target.surface
            m.event_kind, m.place_kind = target.event_kind, target.place_kind
            continue
        if target is not None and target is not m and target.ref:
            m.ref, m.candidates = target.ref, ()
        company = companies.get(name_key(m.name or m.surface)) if companies else None
        if company is not None and not m.ref and company is not m:
            m.ref, m.name = company.ref, company.name or company.surface
        if m.candidates:
            refs = [r for r in m.candidates if r in present]
            if not refs:
                refs = [
                    r
                    for r in m.candidates
                    if gaz.organisations[r].curated and gaz.organisations[r].acronym == m.surface
                ]
            if len(set(refs)) != 1:
                m.dropped = True
                continue
            m.ref = refs[0]
        if not m.ref:
            for surface in gaz.lookup(m.name or m.surface):
                if surface.kind == "organisation":
                    m.ref = surface.ref
                    break
        if m.ref:
            org = gaz.organisations[m.ref]
            cluster = clusters.get("organisation", m.ref, org.name, m.ref)
            cluster.acronym = org.acronym
            cluster.org_kind = org.kind
        elif target is not None and target is not m:
            cluster = clusters.of(target)
        else:
            name = strip_the(m.name or m.surface)
            cluster = clusters.get("organisation", name_key(name), name)
            cluster.org_kind = cluster.org_kind or m.org_kind or "other"
        if m.acronym and not cluster.acronym:
            cluster.acronym = m.acronym
        clusters.add(cluster, m)
    _resolve_bare_heads(clusters, bare)
    # Unknown acronyms defined in this article and used alone later.
    leftover = []
    for cand in singles:
        target = defined.get(cand.surface)
        if target is not None and target.kind in ("organisation",):
            mention = Mention(
                kind=target.kind,
                start=cand.start,
                end=cand.end,
                surface=cand.surface,
                evidence="acronym",
            )
            work.mentions.append(mention)
            clusters.add(clusters.of(target), mention)
        else:
            leftover.append(cand)
    return leftover


_HEAD_LINKS = frozenset({"of", "for", "on"})


def _resolve_bare_heads(clusters: Clusters, bare: list[Mention]) -> None:
    """A head written alone ("the Commission") joins the organisation of
    the article whose name ends in it ("European Commission"), the nearest
    one named before it when there are several; with none, a legislature's
    or treasury's name stands alone ("Congress") and any other is dropped."""
    if not bare:
        return
    by_head: dict[str, list[Cluster]] = {}
    for cluster in clusters.all:
        if cluster.kind == "organisation" and " " in cluster.name:
            words = cluster.name.split()
            # "European Commission", "Commission of the African Union".
            # "the House" is no back-reference to "the White House".
            heads = {words[-1]} - {"House"}
            heads.update(w for w, nxt in itertools.pairwise(words) if nxt in _HEAD_LINKS)
            for head in heads:
                by_head.setdefault(head, []).append(cluster)
    for m in bare:
        found = by_head.get(m.surface, [])
        if found:
            before = [
                (max(k.start for k in c.mentions if k.start < m.start), i)
                for i, c in enumerate(found)
                if any(k.start < m.start for k in c.mentions)
            ]
            cluster = found[max(before)[1]] if before else found[0]
        elif m.surface in lx.PROPER_BARE_HEADS:
            cluster = clusters.get("organisation", name_key(m.surface), m.surface)
            cluster.org_kind = cluster.org_kind or m.org_kind or "government"
        else:
            m.dropped = True
            continue
        clusters.add(cluster, m)


def resolve_places(
    gaz: Gazetteer, work: Findings, clusters: Clusters, leftover: list[Candidate]
) -> None:
    for m in _of_kind(work, "place"):
        if m.ref and m.ref in gaz.countries:
            country = gaz.countries[m.ref]
            cluster = clusters.get("place", m.ref, country.name, m.ref)
            cluster.place_kind = "country"
        elif m.ref:
            place = gaz.places[m.ref]
            cluster = clusters.get("place", m.ref, place.name, m.ref)
            cluster.place_kind = place.kind
            cluster.country = place.country
        else:
            name = strip_the(m.name or m.surface)
            cluster = clusters.get("place", name_key(name), name)
            cluster.place_kind = m.place_kind or "region"
            cluster.country = m.country
        clusters.add(cluster, m)
    for cand in leftover:
        if is_place_candidate(cand):
            mention = Mention(
                kind="place",
                start=cand.start,
                end=cand.end,
                surface=cand.surface,
                evidence="context",
                place_kind="city",
            )
            work.mentions.append(mention)
            cluster = clusters.get("place", name_key(cand.surface), cand.surface)
            cluster.place_kind = "city"
            clusters.add(cluster, mention)


def propagate(
    work: Findings,
    clusters: Clusters,
    people: People,
    leftover: list[Candidate],
    single_leftover: list[Candidate],
) -> None:
    """One sense per article: a name left untyped in one place takes the
    kind it has elsewhere in the article ("Fiorentina" in the table and
    in the report, "Volkswagen" after "Volkswagen AG")."""
    known: dict[str, object] = {}
    for cluster in clusters.all:
        if cluster.kind not in ("organisation", "place", "person"):
            continue
        if all(m.evidence in _GUESSES for m in cluster.mentions):
            continue  # a guess is not spread over the article
        for m in cluster.mentions:
            if m.dropped or m.demonym or m.evidence == "bare-head":
                continue
            known.setdefault(name_key(m.surface), cluster)
            if cluster.kind == "organisation":
                short = strip_legal_form(m.surface)
                if short:
                    known.setdefault(name_key(short), cluster)
    if not known:
        return
    rest = [c for c in leftover if not is_place_candidate(c)] + single_leftover
    for cand in rest:
        if cand.common and not cand.weak:
            continue  # an ordinary word ("Support"), whatever it named elsewhere
        cluster = known.get(name_key(cand.surface))
        if cluster is not None:
            _add_article_mention(work, clusters, cluster, cand.start, cand.end)
        elif cand.weak and " " in cand.surface:
            # A headline's run ("Mickelson Wins Fourth Title"): its words
            # that the story names.
            for word in pt.WORD_RE.finditer(work.text, cand.start, cand.end):
                found = known.get(name_key(word.group())) or people.by_surname(
                    word.group(), word.start()
                )
                if found is not None:
                    _add_article_mention(work, clusters, found, word.start(), word.end())


def _add_article_mention(work: Findings, clusters: Clusters, cluster, start: int, end: int) -> None:
    mention = Mention(
        kind=cluster.kind,
        start=start,
        end=end,
        surface=work.text[start:end],
        evidence="article",
    )
    work.mentions.append(mention)
    clusters.add(cluster, mention)


def resolve_events(
    gaz: Gazetteer, work: Findings, clusters: Clusters, published: dt.date | None
) -> None:
    text = work.text
    place_mentions = sorted(
        (m for m in work.mentions if m.kind == "place" and not m.demonym and not m.dropped),
        key=lambda m: m.start,
    )
    place_starts = [m.start for m in place_mentions]
    place_name = {m.start: clusters.of(m).name for m in place_mentions}
    alias_keys: dict[str, object] = {}
    events = _of_kind(work, "event")
    names = [(strip_the(m.name or m.surface), m.event_kind) for m in events if not m.ref]
    fuller = ev.fuller_names([ev.strip_ordinal(name, kind) for name, kind in names])
    # A name written with its edition ("the Ninth Summit of the Americas") is
    # a full name, no short form of a longer one ("Cities Summit of the Americas").
    for name, kind in names:
        bare = ev.strip_ordinal(name, kind)
        if bare != name:
            fuller.pop(ev.event_key(bare), None)
    first_context: dict[int, tuple[int, ev.EventContext, object]] = {}
    for m in events:
        if m.ref:
            event = gaz.events[m.ref]
            cluster = clusters.get("event", m.ref, event.name, m.ref)
            cluster.event_kind = event.kind
            cluster.year, cluster.start, cluster.end = event.year, event.start, event.end
            cluster.place = cluster.place or event.place
            cluster.explicit_year = True
            clusters.add(cluster, m)
            continue
        base = ev.strip_ordinal(strip_the(m.name or m.surface), m.event_kind)
        base = fuller.get(ev.event_key(base), base)  # "the Strategic Dialogue": the one named
        key = name_key(base)
        cluster = alias_keys.get(key) or clusters.get("event", key, base)
        cluster.event_kind = cluster.event_kind or m.event_kind or "other"
        for alias in (base, *m.aliases):
            alias_keys.setdefault(name_key(ev.strip_ordinal(alias, m.event_kind)), cluster)
        ctx = ev.read_context(text, m.end, place_starts)
        if m.explicit_year and not cluster.explicit_year:
            cluster.year, cluster.explicit_year = m.year, True
        if ctx.date and not cluster.explicit_year:
            cluster.year, cluster.explicit_year = ctx.year, True
        first = first_context.get(id(cluster))
        if first is None or m.start < first[0]:
            first_context[id(cluster)] = (m.start, ctx, cluster)
        if ctx.date and not cluster.start:
            cluster.start = ctx.date
        if ctx.place_at is not None and not cluster.place:
            cluster.place = place_name.get(ctx.place_at, "")
        if m.place and not cluster.place:
            cluster.place = m.place
        clusters.add(cluster, m)
    # A date after any mention dates the event, a lone year only in the sentence
    # of its first mention: after a later one it is about something else ("the
    # first Summit of the Americas hosted here since 1994").
    for _start, ctx, cluster in first_context.values():
        if ctx.explicit and not cluster.explicit_year:
            cluster.year, cluster.explicit_year = ctx.year, True
    for cluster in clusters.all:
        if cluster.kind != "event" or cluster.ref:
            continue
        if cluster.year is None:
            cluster.year = ev.fallback_year(cluster.event_kind, published)
        year = cluster.year
        if (
            cluster.explicit_year
            and year
            and ev.is_recurrent(cluster.event_kind)
            and str(year) not in cluster.name
        ):
            cluster.name = f"{cluster.name} {year}"
