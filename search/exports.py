"""A search's matches as JSON or CSV, streamed, up to ``SEARCH_EXPORT_LIMIT`` rows.

Both carry the same rows in the same order as the search page; the JSON also
carries the page's facet rows, and ``count`` is every match, even past the cap.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict

from archive.models import ENTITY_KINDS, Article
from archive.selectors import articles_with_entities

from .engine import SearchState, build_queryset, facet_counts
from .facets import build_facets, facet_labels

BATCH = 500
COLUMNS = [
    "title",
    "path",
    "url",
    "published",
    "source",
    "author",
    "persons",
    "organisations",
    "places",
    "events",
]
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def article_record(article: Article) -> dict:
    record = {
        "title": article.title,
        "path": article.get_absolute_url(),
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source.name if article.source else None,
        "author": article.author,
    }
    for kind in ENTITY_KINDS.values():
        record[kind.plural] = [entity.name for entity in getattr(article, kind.plural).all()]
    return record


def matching_articles(state: SearchState, limit: int | None = None) -> Iterator[Article]:
    """The search's articles in its order, loaded a batch at a time."""
    limit = settings.SEARCH_EXPORT_LIMIT if limit is None else limit
    sqs = build_queryset(state, facets=[], highlight=False)
    for start in range(0, limit, BATCH):
        # A fresh clone per batch, so haystack's result cache does not grow.
        hits = [hit for hit in sqs.all()[start : min(start + BATCH, limit)] if hit is not None]
        ids = [int(hit.pk) for hit in hits]
        articles = articles_with_entities().in_bulk(ids)
        yield from (articles[pk] for pk in ids if pk in articles)
        if len(hits) < BATCH:
            return


def facets_json(state: SearchState, params: QueryDict) -> tuple[int, dict]:
    """The match count and the facet rows the search page shows, as plain data."""
    sqs = build_queryset(state, highlight=False)
    count = sqs.count()
    counts = facet_counts(state, sqs)
    labels = facet_labels(counts, state.selected)
    facets = {
        facet.field: [{"value": r.value, "label": r.label, "count": r.count} for r in facet.rows]
        for facet in build_facets(counts, state.selected, params, labels=labels)
    }
    return count, facets


def json_chunks(state: SearchState, params: QueryDict) -> Iterator[str]:
    count, facets = facets_json(state, params)
    yield f'{{"count": {count}, "results": ['
    for number, article in enumerate(matching_articles(state)):
        yield ("," if number else "") + _dumps(article_record(article))
    yield '], "facets": ' + _dumps(facets) + "}"


# Article text is untrusted: no "<", ">" or "&" reaches the wire, even inside
# JSON strings, so no browser or careless consumer can read markup out of it.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder).translate(_HTML_SAFE)


class _Echo:
    """A file-like object that hands back what is written, for streaming csv."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(state: SearchState) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for article in matching_articles(state):
        record = article_record(article)
        yield writer.writerow([safe_cell(record[column]) for column in COLUMNS])


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(value)
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value
