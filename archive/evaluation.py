"""Compare what the archive made of the seed articles with their gold standard.

The gold standard (``gold.json``) lists, per article, the expected dates, authors
and entities with the aliases that must resolve to each, and names that must not
become entities. Every check is a (status, what) pair: "found", "missed" or
"wrong".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archive.extraction.normalize import name_key
from archive.models import ENTITY_KINDS, Article, Interaction


@dataclass
class ArticleReport:
    name: str
    checks: list[tuple[str, str]] = field(default_factory=list)

    def add(self, ok: bool, what: str, *, wrong: bool = False) -> None:
        self.checks.append(("found" if ok else ("wrong" if wrong else "missed"), what))

    def count(self, status: str) -> int:
        return sum(1 for found, _ in self.checks if found == status)


def evaluate_seeds(gold: dict) -> list[ArticleReport]:
    reports = []
    for name, expected in gold["articles"].items():
        report = ArticleReport(name)
        article = Article.objects.filter(source_file=name).select_related("source").first()
        if article is None:
            report.add(False, "article ingested")
            reports.append(report)
            continue
        _check_metadata(report, article, expected)
        for plural in ("persons", "organisations"):
            for canonical, aliases in expected.get(plural, {}).items():
                _check_entity(report, article, plural, canonical, aliases)
        for place in expected.get("places", []):
            _check_entity(report, article, "places", place, [])
        for canonical, facts in expected.get("events", {}).items():
            event = _check_entity(report, article, "events", canonical, facts.get("aliases", []))
            if event is not None and "year" in facts:
                report.add(event.year == facts["year"], f"event {canonical}: year {facts['year']}")
            if event is not None and "place" in facts:
                place = event.place.name if event.place else None
                report.add(place == facts["place"], f"event {canonical}: place {facts['place']}")
        for held in expected.get("offices", []):
            _check_office(report, article, held)
        for encounter in expected.get("interactions", []):
            _check_interaction(report, article, encounter)
        for plural, names in expected.get("must_not", {}).items():
            model = _kind(plural).model
            for wrong in names:
                exists = model.objects.filter(name=wrong).exists()
                report.add(not exists, f"no {_kind(plural).name} named {wrong!r}", wrong=True)
        reports.append(report)
    return reports


def _kind(plural: str):
    return next(kind for kind in ENTITY_KINDS.values() if kind.plural == plural)


def _check_metadata(report: ArticleReport, article: Article, expected: dict) -> None:
    published = expected.get("published")
    wanted = dt.date.fromisoformat(published) if published else None
    report.add(article.published == wanted, f"published {published}")
    if "published_datetime" in expected:
        moment = dt.datetime.fromisoformat(expected["published_datetime"])
        report.add(article.published_at == moment, f"published at {moment.isoformat()}")
    if "author" in expected:
        report.add(article.author == expected["author"], f"author {expected['author']}")
    if "title_contains" in expected:
        report.add(
            expected["title_contains"] in article.title, f"title {expected['title_contains']}"
        )
    if "source" in expected:
        source = article.source.name if article.source else ""
        report.add(source == expected["source"], f"source {expected['source']}")


def _check_entity(report, article, plural, canonical, aliases):
    kind = _kind(plural)
    entity = getattr(article, plural).filter(name=canonical).first()
    report.add(entity is not None, f"{kind.name} {canonical}")
    if entity is None:
        return None
    known = {entity.key, *(alias.key for alias in entity.aliases.all())}
    for alias in aliases:
        report.add(name_key(alias) in known, f"{kind.name} {canonical}: alias {alias!r}")
    return entity


def _check_office(report: ArticleReport, article: Article, held: dict) -> None:
    """The article shows the holder in the office (title and "of" by name key)."""
    title, owner = name_key(held["office"].replace("-", " ")), held["of"]
    roles = article.roles.filter(person__name=held["holder"], office__isnull=False)
    found = any(
        name_key(role.office.title.replace("-", " ")) == title and role.office.owner.name == owner
        for role in roles.select_related("office__country", "office__organisation")
    )
    report.add(found, f"office {held['office']} of {owner}: {held['holder']}")


def _check_interaction(report: ArticleReport, article: Article, expected: dict) -> None:
    """A record the article is a source of, with the kind and participants, and the
    host, place and date where the gold gives them (the best such record counts:
    a trip to two places is two visits)."""
    what = f"{expected['kind']} of {', '.join(expected['participants'])}"
    records = Interaction.objects.filter(sources__article=article, kind=expected["kind"])
    best = None
    for record in records.prefetch_related("participants__person", "participants__organisation"):
        names = {p.entity.name for p in record.participants.all()}
        if not set(expected["participants"]) <= names:
            continue
        checks = [
            (facet, wanted, got)
            for facet, wanted, got in (
                ("host", expected.get("host"), record.host.name if record.host else None),
                ("place", expected.get("place"), record.place.name if record.place else None),
                ("date", expected.get("date"), record.date.isoformat() if record.date else None),
            )
            if wanted
        ]
        score = sum(wanted == got for _facet, wanted, got in checks)
        if best is None or score > best[0]:
            best = (score, checks)
    report.add(best is not None, what)
    for facet, wanted, got in best[1] if best else ():
        report.add(wanted == got, f"{what}: {facet} {wanted}")


# Entity-level precision and recall against a hand-annotated gold set.

SCORED_KINDS = ("persons", "organisations", "places")


@dataclass(frozen=True)
class Linked:
    """An entity an article is linked to, with every name it answers to."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass
class KindScore:
    """One kind's figures; ``missed`` and ``false`` are (article, name) pairs.

    A gold entity is a true positive when some linked entity of that kind
    shares a name key with it; a linked entity matching no gold entity is
    false. (A second linked entity matching an already found gold entity is
    neither.)
    """

    found: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    false: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.found, self.found + len(self.false))

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.found + len(self.missed))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "found": self.found,
            "missed": len(self.missed),
            "false": len(self.false),
        }


def score_entities(gold: dict, linked: dict[str, dict[str, list[Linked]]]) -> dict[str, KindScore]:
    """Score per kind: ``linked[article][plural]`` against ``gold["articles"]``.

    Gold persons and organisations map a canonical name to its aliases;
    gold places are a list of names. Names compare by ``name_key``.
    """
    scores = {plural: KindScore() for plural in SCORED_KINDS}
    for article, expected in gold["articles"].items():
        for plural, score in scores.items():
            wanted = expected.get(plural, {})
            if isinstance(wanted, list):
                wanted = dict.fromkeys(wanted, ())
            gold_keys = {
                canonical: {name_key(n) for n in (canonical, *aliases)}
                for canonical, aliases in wanted.items()
            }
            got = [
                (entity.name, {name_key(n) for n in (entity.name, *entity.aliases) if n})
                for entity in linked.get(article, {}).get(plural, [])
            ]
            for canonical, keys in gold_keys.items():
                if any(keys & names for _, names in got):
                    score.found += 1
                else:
                    score.missed.append((article, canonical))
            every_gold_key = set().union(*gold_keys.values())
            score.false += [(article, name) for name, keys in got if not keys & every_gold_key]
    return scores


def linked_entities(names: list[str]) -> dict[str, dict[str, list[Linked]]]:
    """What the archive linked each article (by ``source_file``) to, per scored kind."""
    result: dict[str, dict[str, list[Linked]]] = {}
    for article in Article.objects.filter(source_file__in=names):
        kinds = result.setdefault(article.source_file, {})
        for plural in SCORED_KINDS:
            entities = getattr(article, plural).prefetch_related("aliases").distinct()
            kinds[plural] = [
                Linked(
                    entity.name,
                    (*(a.name for a in entity.aliases.all()), getattr(entity, "acronym", "")),
                )
                for entity in entities
            ]
    return result


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0
