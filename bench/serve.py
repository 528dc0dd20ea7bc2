"""Step 3: time the archive's own pages through Django, in this (serving) process.

Run by ``python -m bench`` as ``python -m bench.serve QUERIES_JSON ROUNDS`` with
the benchmark's data directory in the environment; prints one JSON object.
Requests go through ``django.test.Client``: URL routing, middleware, views,
templates and the database, as served, without a network in between.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict

import django

PAGE_KINDS = ("home", "list", "article", "entity", "entity_index", "office", "encounters")
SAMPLE = 20  # articles (spread over the whole table) and entities per kind


def page_urls() -> dict[str, list[str]]:
    """The archive's browsing pages to time, chosen from what the corpus holds."""
    from django.db.models import Count
    from django.urls import reverse

    from archive.models import ENTITY_KINDS, Article

    articles = Article.objects.order_by("pk")
    total = articles.count()
    step = max(1, total // SAMPLE)
    chosen_pks = list(articles.values_list("pk", flat=True))[::step][:SAMPLE]
    sample = list(articles.filter(pk__in=chosen_pks).only("pk", "slug"))
    dated = articles.exclude(published=None).order_by("published")
    middle = dated[dated.count() // 2] if dated.exists() else None

    list_urls = [reverse("archive:article-list")]
    pages = (total + 19) // 20
    list_urls += [f"{list_urls[0]}?page={n}" for n in sorted({2, max(1, pages // 2), pages})]
    entity_urls, index_urls = [], []
    for kind in ENTITY_KINDS.values():
        index_urls.append(reverse(f"archive:{kind.name}-list"))
        ranked = list(
            kind.model.objects.annotate(n=Count("mentions")).order_by("-n", "pk")[: SAMPLE * 10]
        )
        # The most mentioned (the heaviest pages) and some from further down.
        chosen = ranked[:3] + ranked[3 :: max(1, len(ranked) // 3)][:2]
        entity_urls += [entity.get_absolute_url() for entity in chosen]
        if chosen and kind.name in ("organisation", "place"):
            list_urls.append(f"{list_urls[0]}?{kind.name}={chosen[0].slug}")
    if middle:
        year, month = middle.published.year, middle.published.month
        list_urls.append(reverse("archive:article-year", kwargs={"year": year}))
        list_urls.append(reverse("archive:article-month", kwargs={"year": year, "month": month}))
    from archive.models import Interaction, Office

    offices = Office.objects.annotate(n=Count("tenures")).order_by("-n", "pk")[:5]
    office_urls = [reverse("archive:office-list"), *(o.get_absolute_url() for o in offices)]
    encounter_urls = [reverse("archive:interaction-list")]
    busiest = (
        Interaction.objects.values("participants__person__slug")
        .exclude(participants__person__slug=None)
        .annotate(n=Count("pk"))
        .order_by("-n")[:2]
    )
    encounter_urls += [
        f"{encounter_urls[0]}?participant={row['participants__person__slug']}" for row in busiest
    ]
    return {
        "office": office_urls,
        "encounters": encounter_urls,
        "home": [reverse("archive:home")],
        "list": list_urls,
        "article": [article.get_absolute_url() for article in sample],
        "entity": entity_urls,
        "entity_index": index_urls,
    }


def hit_counts(searches) -> list[int]:
    """How many articles each search finds (untimed; for comparing the two sides)."""
    from django.http import QueryDict

    from bench.queries import django_url
    from search.engine import run_search
    from search.forms import SearchForm

    counts = []
    for search in searches:
        query = QueryDict(django_url(search).split("?", 1)[1])
        counts.append(run_search(SearchForm(query).state()).count)
    return counts


def main(queries_path: str, rounds: int) -> dict:
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.queries import Search, django_url
    from bench.stats import summary

    with open(queries_path, encoding="utf-8") as fh:
        searches = [Search.from_dict(item) for item in json.load(fh)["searches"]]
    urls = {"search": [django_url(search) for search in searches], **page_urls()}
    client = Client()
    errors = []

    def get(url: str) -> bool:
        try:
            response = client.get(url)
            response.content  # noqa: B018 — the whole page, rendered
        except Exception as error:
            errors.append(f"{url}: {type(error).__name__}: {error}")
            return False
        if response.status_code != 200:
            errors.append(f"{url}: HTTP {response.status_code}")
            return False
        return True

    # Warm-up (not timed): opens the index, fills caches, and counts database
    # queries, on the first load (cold) and then as the timed requests run them.
    cold: dict[str, int] = {}
    queries: dict[str, int] = {}
    for counted in (cold, queries):
        for kind_urls in urls.values():
            for url in kind_urls:
                with CaptureQueriesContext(connection) as captured:
                    get(url)
                counted[url] = len(captured.captured_queries)

    timings: dict[str, list[float]] = defaultdict(list)
    per_url: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for kind, kind_urls in urls.items():
            for url in kind_urls:
                started = time.perf_counter()
                ok = get(url)
                elapsed = time.perf_counter() - started
                if ok:
                    timings[kind].append(elapsed)
                    per_url[url].append(elapsed)

    def kind_summary(kind: str) -> dict:
        counts = [queries[url] for url in urls[kind]]
        cold_counts = [cold[url] for url in urls[kind]]
        if not timings[kind]:
            return {"urls": len(urls[kind]), "queries": max(counts, default=0)}
        return {
            **summary(timings[kind]),
            "urls": len(urls[kind]),
            "queries": max(counts),
            "queries_min": min(counts),
            "queries_cold": max(cold_counts),
            "queries_cold_min": min(cold_counts),
        }

    hits = hit_counts(searches)
    questions = [
        elapsed
        for search in searches
        if search.kind == "question"
        for elapsed in per_url[django_url(search)]
    ]
    return {
        "search": kind_summary("search"),
        # The plain-language questions among the searches, on their own.
        "questions": summary(questions) if questions else {},
        "pages": {kind: kind_summary(kind) for kind in PAGE_KINDS if urls[kind]},
        "searches": [
            {
                "url": url,
                "hits": hit,
                "queries": queries[url],
                "p50_ms": summary(per_url[url])["p50_ms"] if per_url[url] else None,
            }
            for url, hit in zip(urls["search"], hits, strict=True)
        ],
        "errors": errors,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


if __name__ == "__main__":
    json.dump(main(sys.argv[1], int(sys.argv[2])), sys.stdout)
