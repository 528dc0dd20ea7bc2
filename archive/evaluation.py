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
from archive.models import ENTITY_KINDS, Article


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
