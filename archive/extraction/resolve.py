"""Resolve mentions within one article into entities.

"Dr. Ahmad Kawesa Sengendo" ... "Sengendo" become one person; "Organization of
Islamic Cooperation (OIC)" ... "OIC" one organisation under its reference
name; unknown capitalised names become persons only with evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archive.extraction import events as ev
from archive.extraction import patterns as pt
from archive.extraction.guess import (
    is_person_name,
    is_place_candidate,
    is_place_name,
    single_kind,
    strip_legal_form,
)
from archive.extraction.lexicon import NOT_PERSON_WORDS
from archive.extraction.normalize import name_key
from archive.extraction.reference import Gazetteer, Leader
from archive.extraction.spans import Candidate, Findings, Mention
from archive.extraction.types import ExtractedEntity


@dataclass
class Cluster:
    kind: str
    name: str
    ref: str = ""
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    acronym: str = ""
    org_kind: str = ""
    place_kind: str = ""
    country: str = ""
    event_kind: str = ""
    year: int | None = None
    explicit_year: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    place: str = ""


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(name_key(t) for t in name.replace("-", " ").split() if name_key(t))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words, or same first and last word ("Antony Blinken" and
    "Antony J. Blinken")."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1])


@dataclass
class Resolution:
    entities: list[ExtractedEntity]
    # Every mention with the entity it was resolved to (for span evaluation).
    spans: list[tuple[Mention, ExtractedEntity]]


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def resolve(self, found: Findings, published: dt.date | None) -> Resolution:
        # Which cluster holds a mention (by identity).
        self._owner: dict[int, Cluster] = {}
        self._found = found
        self._published = published
        self._clusters: list[Cluster] = []
        self._by_key: dict[tuple[str, str], Cluster] = {}
        self._resolve_persons()
        self._resolve_organisations()
        self._resolve_places()
        self._propagate()
        self._resolve_events()
        return self._build()

    # -- helpers ---------------------------------------------------------------

    def _cluster(self, kind: str, key: str, name: str, ref: str = "") -> Cluster:
        cluster = self._by_key.get((kind, key))
        if cluster is None:
            cluster = Cluster(kind=kind, name=name, ref=ref)
            self._by_key[(kind, key)] = cluster
            self._clusters.append(cluster)
        return cluster

    def _add(self, cluster: Cluster, mention: Mention) -> None:
        cluster.mentions.append(mention)
        self._owner[id(mention)] = cluster

    def _mentions(self, kind: str) -> list[Mention]:
        return [m for m in self._found.mentions if m.kind == kind]

    # -- persons ---------------------------------------------------------------

    def _resolve_persons(self) -> None:
        """Full names first, then unknown names with evidence or a known
        surname, then surnames alone ("Sengendo", "President Aliyev")."""
        self._people: list[Cluster] = []
        self._surnames: dict[str, list[Cluster]] | None = None
        found = self._found
        for m in self._mentions("person"):
            if not m.surname_only:
                self._attach_full(m, m.surface)
        # A surname used alone counts when it is used like a person's name.
        singles = {name_key(c.surface) for c in found.singles if c.evidence and not c.weak}
        singles |= {name_key(m.surface) for m in self._mentions("person") if m.surname_only}
        pending = []
        for cand in found.candidates:
            evidence = cand.evidence
            if (evidence == "given-name" and cand.alone_on_line) or cand.weak:
                evidence = ""  # a byline or caption, not a person in the story
            if evidence and not cand.place_hint:
                self._attach_full(self._candidate_mention(cand), cand.surface)
            else:
                pending.append(cand)
        rest = []
        for cand in pending:
            # A headline's run ("Serious Medvedev Is ...") is read word by
            # word later (_propagate), not as a name whose surname is known.
            if self._known_person(cand) or (not cand.weak and self._has_backref(cand, singles)):
                self._attach_full(self._candidate_mention(cand), cand.surface)
            elif cand.org_hint and not cand.weak:
                self._found.mentions.append(self._guessed(cand, "organisation"))
            else:
                rest.append(cand)
        # Once the people with evidence are known, "of Merrill Lynch" and
        # "( Borussia Dortmund )" after one of them name where they work.
        self._person_ends = {m.end for m in self._mentions("person")}
        self._leftover = []
        for cand in rest:
            if self._affiliation(cand):
                self._found.mentions.append(self._guessed(cand, "organisation"))
            elif is_place_name(cand):
                self._found.mentions.append(self._guessed(cand, "place"))
            elif is_person_name(cand):
                mention = self._candidate_mention(cand)
                mention.evidence = "name"
                self._attach_full(mention, cand.surface)
                self._person_ends.add(cand.end)
            else:
                self._leftover.append(cand)
        for m in self._mentions("person"):
            if m.surname_only:
                self._attach_surname(m)
        self._resolve_singles()
        for cluster in self._people:
            self._collect_roles(cluster)

    def _resolve_singles(self) -> None:
        """Lone words: a known person's surname, or typed by their context
        ("Tendulkar said"); then, once those are known, their other uses."""
        rest = []
        people = len(self._people)
        for cand in self._found.singles:
            if self._single_backref(cand):
                continue
            kind = "organisation" if self._affiliation(cand) else single_kind(cand)
            if kind == "person":
                mention = self._candidate_mention(cand)
                mention.surname_only = True
                self._attach_surname(mention)
            elif kind:
                self._found.mentions.append(self._guessed(cand, kind))
            else:
                rest.append(cand)
        if len(self._people) > people:
            # A surname typed late ("Tendulkar said") also names its earlier uses.
            rest = [c for c in rest if not self._single_backref(c)]
        self._single_leftover = rest

    def _affiliation(self, cand: Candidate) -> bool:
        """A name right after a person's, joined by "of" or in brackets, is
        the organisation the person belongs to ("William O'Neill of Merrill
        Lynch", "Stephane Chapuisat ( Borussia Dortmund )")."""
        if cand.weak or cand.place_hint:
            return False
        m = pt.AFFILIATION_BEFORE_RE.search(self._found.text, max(0, cand.start - 8), cand.start)
        if not m or m.start() not in self._person_ends:
            return False
        if m["bracket"]:
            return pt.BRACKET_CLOSE_RE.match(self._found.text, cand.end) is not None
        return True

    def _single_backref(self, cand: Candidate) -> bool:
        cluster = self._by_surname(cand.surface, cand.start)
        if cluster is None or not cand.surface[:1].isupper() or cand.surface.isupper():
            return False
        mention = self._candidate_mention(cand)
        mention.evidence = "backref"
        self._add(cluster, mention)
        return True

    def _guessed(self, cand: Candidate, kind: str) -> Mention:
        """A mention typed by its context (see guess.py)."""
        return Mention(
            kind=kind,
            start=cand.start,
            end=cand.end,
            surface=cand.surface,
            name=cand.surface,
            evidence="context",
            org_kind="other" if kind == "organisation" else "",
            place_kind="city" if kind == "place" else "",
        )

    def _leader_for(self, name: str) -> Leader | None:
        for surface in self.gaz.lookup(name):
            if surface.kind == "person":
                return self.gaz.leaders[surface.ref]
        # "Joe Biden" for "Joseph R. Biden": same surname, same initial.
        words = name.split()
        if len(words) >= 2:
            same = [
                ldr
                for ldr in self.gaz.leaders_by_surname.get(words[-1], ())
                if ldr.name[:1] == words[0][:1]
            ]
            if len(same) == 1:
                return same[0]
        return None

    def _attach_full(self, mention: Mention, name: str) -> Cluster:
        leader = self.gaz.leaders.get(mention.ref) if mention.ref else self._leader_for(name)
        tokens = _tokens(leader.name if leader else name)
        for cluster in self._people:
            if (cluster.ref and leader and cluster.ref == leader.id) or _same_person(
                cluster.tokens, tokens
            ):
                break
        else:
            if leader:
                cluster = self._cluster("person", leader.id, leader.name, leader.id)
            else:
                cluster = self._cluster("person", name_key(name), name)
            cluster.tokens = tokens
            self._people.append(cluster)
            self._surnames = None
        # An unknown person is named by the fullest form seen.
        if len(name) > len(cluster.name) and not cluster.ref:
            cluster.name = name
            cluster.tokens = tokens
            self._surnames = None
        self._add(cluster, mention)
        return cluster

    def _known_person(self, cand: Candidate) -> bool:
        tokens = _tokens(cand.surface)
        return any(_same_person(c.tokens, tokens) for c in self._people)

    @staticmethod
    def _has_backref(cand: Candidate, singles: set[str]) -> bool:
        tokens = _tokens(cand.surface)
        return bool(
            tokens
            and tokens[-1] in singles
            and not cand.alone_on_line
            and not any(t in NOT_PERSON_WORDS for t in cand.tokens)
        )

    def _by_surname(self, word: str, at: int, title: str = "") -> Cluster | None:
        if self._surnames is None:
            # Indexed by last word: every lone capitalised word asks here.
            self._surnames = {}
            for c in self._people:
                if c.tokens:
                    self._surnames.setdefault(c.tokens[-1], []).append(c)
        same = self._surnames.get(name_key(word), [])
        # "President Moise" is the Moise who was called President.
        titled = [c for c in same if title and any(m.title == title for m in c.mentions)]
        best, best_at = None, -1
        for cluster in titled or same:
            # The nearest preceding mention wins when surnames clash.
            before = [m.start for m in cluster.mentions if m.start <= at]
            pos = max(before) if before else 0
            if pos >= best_at:
                best, best_at = cluster, pos
        return best

    def _attach_surname(self, m: Mention) -> None:
        cluster = self._by_surname(m.surface, m.start, m.title)
        if cluster is None:
            leader = self._leader_by_surname(m)
            if leader is not None:
                cluster = self._cluster("person", leader.id, leader.name, leader.id)
            else:
                cluster = self._cluster("person", name_key(m.surface), m.surface)
            cluster.tokens = _tokens(cluster.name)
            self._people.append(cluster)
            self._surnames = None
        self._add(cluster, m)

    def _collect_roles(self, cluster: Cluster) -> None:
        for m in cluster.mentions:
            if m.role and m.role not in cluster.roles:
                cluster.roles.append(m.role)
        leader = self.gaz.leaders.get(cluster.ref) if cluster.ref else None
        if leader:
            # A bare "President" before a known leader is his reference role.
            for title in {m.title for m in cluster.mentions if m.title}:
                role = leader.role_for(title, self._published)
                if role and not any(
                    r.startswith(role.split(" of ")[0]) and " of " in r for r in cluster.roles
                ):
                    cluster.roles.insert(0, role)
        # "Secretary" adds nothing next to "Secretary of State".
        cluster.roles = [
            r for r in cluster.roles if not any(o != r and o.startswith(r) for o in cluster.roles)
        ]

    def _candidate_mention(self, cand: Candidate) -> Mention:
        mention = Mention(
            kind="person",
            start=cand.start,
            end=cand.end,
            surface=cand.surface,
            evidence=cand.evidence or "backref",
            role=cand.role,
        )
        self._found.mentions.append(mention)
        return mention

    def _leader_by_surname(self, m: Mention) -> Leader | None:
        leaders = self.gaz.leaders_by_surname.get(m.surface, [])
        if m.title:
            leaders = [ldr for ldr in leaders if ldr.role_for(m.title)]
        if self._published:
            day = self._published.isoformat()
            leaders = [
                ldr
                for ldr in leaders
                if (not ldr.since or ldr.since <= day)
                and (ldr.current or not ldr.last_seen or ldr.last_seen >= day[:7])
            ] or leaders
        return leaders[0] if len(leaders) == 1 else None

    # -- organisations ---------------------------------------------------------

    def _resolve_organisations(self) -> None:
        found = self._found
        present = {m.ref for m in found.mentions if m.kind == "organisation" and m.ref}
        defined = dict(found.acronyms)
        for m in self._mentions("organisation"):
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
            if m.candidates:
                refs = [r for r in m.candidates if r in present]
                if not refs:
                    refs = [
                        r
                        for r in m.candidates
                        if self.gaz.organisations[r].curated
                        and self.gaz.organisations[r].acronym == m.surface
                    ]
                if len(set(refs)) != 1:
                    m.kind = "dropped"
                    continue
                m.ref = refs[0]
            if not m.ref:
                for surface in self.gaz.lookup(m.name or m.surface):
                    if surface.kind == "organisation":
                        m.ref = surface.ref
                        break
            if m.ref:
                org = self.gaz.organisations[m.ref]
                cluster = self._cluster("organisation", m.ref, org.name, m.ref)
                cluster.acronym = org.acronym
                cluster.org_kind = org.kind
            elif target is not None and target is not m:
                cluster = self._cluster_of(target)
            else:
                name = _strip_the(m.name or m.surface)
                cluster = self._cluster("organisation", name_key(name), name)
                cluster.org_kind = cluster.org_kind or m.org_kind or "other"
            if m.acronym and not cluster.acronym:
                cluster.acronym = m.acronym
            self._add(cluster, m)
        # Unknown acronyms defined in this article and used alone later.
        leftover = []
        for cand in self._single_leftover:
            target = defined.get(cand.surface)
            if target is not None and target.kind in ("organisation",):
                mention = Mention(
                    kind=target.kind,
                    start=cand.start,
                    end=cand.end,
                    surface=cand.surface,
                    evidence="acronym",
                )
                found.mentions.append(mention)
                self._add(self._cluster_of(target), mention)
            else:
                leftover.append(cand)
        self._single_leftover = leftover

    def _cluster_of(self, mention: Mention) -> Cluster:
        owner = self._owner.get(id(mention))
        if owner is not None:
            return owner
        name = _strip_the(mention.name or mention.surface)
        cluster = self._cluster(mention.kind, name_key(name), name)
        self._add(cluster, mention)
        return cluster

    # -- places ----------------------------------------------------------------

    def _resolve_places(self) -> None:
        for m in self._mentions("place"):
            if m.ref and m.ref in self.gaz.countries:
                country = self.gaz.countries[m.ref]
                cluster = self._cluster("place", m.ref, country.name, m.ref)
                cluster.place_kind = "country"
            elif m.ref:
                place = self.gaz.places[m.ref]
                cluster = self._cluster("place", m.ref, place.name, m.ref)
                cluster.place_kind = place.kind
                cluster.country = place.country
            else:
                name = _strip_the(m.name or m.surface)
                cluster = self._cluster("place", name_key(name), name)
                cluster.place_kind = m.place_kind or "region"
                cluster.country = m.country
            self._add(cluster, m)
        for cand in self._leftover:
            if is_place_candidate(cand):
                mention = Mention(
                    kind="place",
                    start=cand.start,
                    end=cand.end,
                    surface=cand.surface,
                    evidence="context",
                    place_kind="city",
                )
                self._found.mentions.append(mention)
                cluster = self._cluster("place", name_key(cand.surface), cand.surface)
                cluster.place_kind = "city"
                self._add(cluster, mention)

    def _propagate(self) -> None:
        """One sense per article: a name left untyped in one place takes the
        kind it has elsewhere in the article ("Fiorentina" in the table and
        in the report, "Volkswagen" after "Volkswagen AG")."""
        known: dict[str, Cluster] = {}
        for cluster in self._clusters:
            if cluster.kind not in ("organisation", "place", "person"):
                continue
            if all(m.evidence in _GUESSES for m in cluster.mentions):
                continue  # a guess is not spread over the article
            for m in cluster.mentions:
                if m.kind == "dropped" or m.demonym:
                    continue
                known.setdefault(name_key(m.surface), cluster)
                if cluster.kind == "organisation":
                    short = strip_legal_form(m.surface)
                    if short:
                        known.setdefault(name_key(short), cluster)
        if not known:
            return
        rest = [c for c in self._leftover if not is_place_candidate(c)] + self._single_leftover
        for cand in rest:
            if cand.common and not cand.weak:
                continue  # an ordinary word ("Support"), whatever it named elsewhere
            cluster = known.get(name_key(cand.surface))
            if cluster is not None:
                self._add_article_mention(cluster, cand.start, cand.end)
            elif cand.weak and " " in cand.surface:
                # A headline's run ("Mickelson Wins Fourth Title"): its words
                # that the story names.
                for word in pt.WORD_RE.finditer(self._found.text, cand.start, cand.end):
                    found = known.get(name_key(word.group())) or self._by_surname(
                        word.group(), word.start()
                    )
                    if found is not None:
                        self._add_article_mention(found, word.start(), word.end())

    def _add_article_mention(self, cluster: Cluster, start: int, end: int) -> None:
        mention = Mention(
            kind=cluster.kind,
            start=start,
            end=end,
            surface=self._found.text[start:end],
            evidence="article",
        )
        self._found.mentions.append(mention)
        self._add(cluster, mention)

    # -- events ----------------------------------------------------------------

    def _resolve_events(self) -> None:
        found = self._found
        text = found.text
        self._add_visits()
        place_mentions = sorted(
            (m for m in found.mentions if m.kind == "place" and not m.demonym),
            key=lambda m: m.start,
        )
        place_starts = [m.start for m in place_mentions]
        place_name = {m.start: self._cluster_of(m).name for m in place_mentions}
        alias_keys: dict[str, Cluster] = {}
        for m in self._mentions("event"):
            if m.ref:
                event = self.gaz.events[m.ref]
                cluster = self._cluster("event", m.ref, event.name, m.ref)
                cluster.event_kind = event.kind
                cluster.year, cluster.start, cluster.end = event.year, event.start, event.end
                cluster.place = cluster.place or event.place
                cluster.explicit_year = True
                self._add(cluster, m)
                continue
            base = ev.strip_ordinal(_strip_the(m.name or m.surface), m.event_kind)
            key = name_key(base)
            cluster = alias_keys.get(key) or self._cluster("event", key, base)
            cluster.event_kind = cluster.event_kind or m.event_kind or "other"
            for alias in (base, *m.aliases):
                alias_keys.setdefault(name_key(ev.strip_ordinal(alias, m.event_kind)), cluster)
            ctx = ev.read_context(text, m.end, place_starts)
            year, explicit = (m.year, True) if m.explicit_year else (ctx.year, ctx.explicit)
            if explicit and not cluster.explicit_year:
                cluster.year, cluster.explicit_year = year, True
            if ctx.date and not cluster.start:
                cluster.start = ctx.date
            if ctx.place_at is not None and not cluster.place:
                cluster.place = place_name.get(ctx.place_at, "")
            if m.place and not cluster.place:
                cluster.place = m.place
            self._add(cluster, m)
        for cluster in self._clusters:
            if cluster.kind != "event" or cluster.ref:
                continue
            if cluster.year is None:
                cluster.year = ev.fallback_year(cluster.event_kind, self._published)
            year = cluster.year
            if (
                cluster.explicit_year
                and year
                and ev.is_recurrent(cluster.event_kind)
                and str(year) not in cluster.name
            ):
                cluster.name = f"{cluster.name} {year}"

    def _add_visits(self) -> None:
        text = self._found.text
        for m in list(self._mentions("place")):
            if m.demonym:
                continue
            visit = pt.VISIT_RE.search(text, max(0, m.start - 40), m.start)
            if not visit:
                continue
            place = self._cluster_of(m).name
            kind = visit["kind"].capitalize()
            self._found.mentions.append(
                Mention(
                    kind="event",
                    start=visit.start(),
                    end=m.end,
                    surface=text[visit.start() : m.end],
                    name=f"{kind} visit to {place}",
                    evidence="pattern",
                    event_kind="visit",
                    place=place,
                )
            )

    # -- output ----------------------------------------------------------------

    def _build(self) -> Resolution:
        body_start = self._found.body_start
        entities: list[tuple[int, ExtractedEntity]] = []
        spans: list[tuple[Mention, ExtractedEntity]] = []
        for cluster in self._clusters:
            mentions = [m for m in cluster.mentions if m.kind != "dropped"]
            if not mentions:
                continue
            aliases: set[str] = set()
            for m in mentions:
                aliases.add(m.surface)
                aliases.update(a for a in m.aliases if a)
                if m.title_alias:
                    aliases.add(m.title_alias)
            body_offsets = [m.start - body_start for m in mentions if m.start >= body_start]
            entity = ExtractedEntity(
                kind=cluster.kind,  # type: ignore[arg-type]
                name=cluster.name,
                aliases=aliases,
                count=len(mentions),
                first_offset=min(body_offsets) if body_offsets else None,
                acronym=cluster.acronym,
                org_kind=cluster.org_kind if cluster.kind == "organisation" else "",
                place_kind=cluster.place_kind if cluster.kind == "place" else "",
                country=cluster.country,
                roles=list(cluster.roles),
                event_kind=cluster.event_kind,
                start=cluster.start,
                end=cluster.end,
                year=cluster.year,
                place=cluster.place,
            )
            entities.append((min(m.start for m in mentions), entity))
            spans.extend((m, entity) for m in mentions)
        entities.sort(key=lambda pair: pair[0])
        spans.sort(key=lambda pair: pair[0].start)
        return Resolution(entities=[e for _, e in entities], spans=spans)


# Evidence that only guesses a kind (see guess.py).
_GUESSES = frozenset({"context", "name", "article", "backref"})


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name[:4] in ("The ", "the ") else name
