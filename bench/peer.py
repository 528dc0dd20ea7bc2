"""Step 4: the peer, Datasette over SQLite FTS5, built from the same stored articles.

``python -m bench.peer build DB`` (a Django child) copies every article — text,
date, source and the slugs of its people, organisations, places and events, i.e.
exactly what the archive's facets hold — into one table with an FTS5 index
(Porter stemming, as the archive's Whoosh analyser stems).

``python -m bench.peer serve DB QUERIES_JSON ROUNDS FACET_LIMIT_MS`` (no Django)
times the same searches through Datasette's JSON API, in process through its
ASGI app, and prints one JSON object.

At 100,000 articles Datasette's list facets take up to tens of seconds a search
(its array facet de-duplicates whole rows), so a round of the mix took nearly four
minutes. To keep the run short, facets get ``FACET_LIMIT_MS`` each (Datasette's
``facet_time_limit_ms``; its own default is 200): a facet still unfinished then is
left out of Datasette's answer, and the report names, search by search, which
facets Datasette did not finish. The warm-up reads the database file once and
asks every search without facets (hit counts, open connections, the FTS index
read), not a whole timed round again: the facets read the same table pages.

Differences a reader should know: Datasette orders FTS matches by row id, not by
relevance; it highlights nothing; and its facet counts apply every filter,
including the facet's own.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

from .queries import ARRAY_FACETS, FACETS, SCALAR_FACETS, Search, datasette_url

TABLE = "articles"
_ENTITY_COLUMNS = "".join(f"    {name} TEXT NOT NULL,\n" for name in ARRAY_FACETS)  # JSON lists
SCHEMA = f"""
CREATE TABLE {TABLE} (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published TEXT,
    year TEXT NOT NULL,
    month TEXT,
    source TEXT,
{_ENTITY_COLUMNS.rstrip().rstrip(",")}
);
CREATE INDEX {TABLE}_published ON {TABLE} (published);
CREATE INDEX {TABLE}_year ON {TABLE} (year);
CREATE INDEX {TABLE}_month ON {TABLE} (month);
CREATE INDEX {TABLE}_source ON {TABLE} (source);
CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(
    title, body, content="{TABLE}", content_rowid="id", tokenize="porter unicode61"
);
"""
# The page's query and its count take well under a second at 100,000 articles;
# this only stops a runaway one. Facets have their own limit (see datasette_settings).
SQL_TIME_LIMIT_MS = 30_000


def datasette_settings(facet_limit_ms: int) -> dict:
    """Datasette's settings: the archive's facet size, facets cut off at ``facet_limit_ms``."""
    return {
        # Datasette caps a facet's limit at the SQL limit.
        "sql_time_limit_ms": max(SQL_TIME_LIMIT_MS, facet_limit_ms),
        "facet_time_limit_ms": facet_limit_ms,
        "default_facet_size": 15,
        "suggest_facets": False,
    }


def unfinished_facets(data: dict, requested: tuple[str, ...] = FACETS) -> list[str]:
    """The requested facets Datasette's JSON answer does not hold: it gave up on them.

    Datasette 0.65 (pinned in requirements-dev.txt) leaves a timed-out facet out of
    ``facet_results``; its JSON has no ``facets_timed_out``, though its HTML page does.
    """
    finished = data.get("facet_results") or {}
    return [name for name in requested if name not in finished]


def peer_row(article: dict, entities: dict[str, list[str]]) -> tuple:
    """One row of the peer's table from an article's fields and its entity slugs."""
    published = article["published"]
    return (
        article["id"],
        article["title"],
        article["body"],
        published.isoformat() if published else None,
        str(published.year) if published else "unknown",
        published.strftime("%Y-%m") if published else None,
        article["source"],
        *(json.dumps(entities.get(kind, [])) for kind in ARRAY_FACETS),
    )


def build(db_path: Path, rows) -> float:
    """Write ``rows`` (see ``peer_row``) and the FTS5 index; the seconds it took."""
    db_path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    try:
        db.executescript(SCHEMA)
        db.executemany(f"INSERT INTO {TABLE} VALUES ({', '.join('?' * 11)})", rows)
        db.execute(
            f"INSERT INTO {TABLE}_fts(rowid, title, body) SELECT id, title, body FROM {TABLE}"
        )
        db.execute(f"INSERT INTO {TABLE}_fts({TABLE}_fts) VALUES ('optimize')")
        db.commit()
    finally:
        db.close()
    return time.perf_counter() - started


def rows_from_archive():
    """Every stored article as a peer row (needs Django set up)."""
    from archive.models import ENTITY_KINDS, Article

    entities: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, kind in ENTITY_KINDS.items():
        pairs = kind.mention_model.objects.values_list("article_id", f"{name}__slug")
        for article_id, slug in pairs.order_by("article_id", "pk").iterator(chunk_size=5000):
            entities[article_id][name].append(slug)
    fields = ("id", "title", "body", "published", "source__slug")
    for values in Article.objects.order_by("pk").values_list(*fields).iterator(chunk_size=2000):
        article = dict(zip(("id", "title", "body", "published", "source"), values, strict=True))
        yield peer_row(article, entities.get(article["id"], {}))


def top_values(db_path: Path, limit: int = 5) -> dict[str, list[str]]:
    """The most frequent values of each facet (ties by value), for resolving ``@n``."""
    db = sqlite3.connect(db_path)
    try:
        top = {}
        for name in ARRAY_FACETS:
            top[name] = [
                value
                for value, _ in db.execute(
                    f"SELECT j.value, count(*) AS n FROM {TABLE}, json_each({TABLE}.{name}) j "
                    "GROUP BY j.value ORDER BY n DESC, j.value LIMIT ?",
                    (limit,),
                )
            ]
        for name in SCALAR_FACETS:
            top[name] = [
                value
                for value, _ in db.execute(
                    f"SELECT {name}, count(*) AS n FROM {TABLE} WHERE {name} IS NOT NULL "
                    f"GROUP BY {name} ORDER BY n DESC, {name} LIMIT ?",
                    (limit,),
                )
            ]
        return top
    finally:
        db.close()


def _read_through(path: Path) -> None:
    """Read a file once, so the warm-up leaves it in the operating system's cache."""
    with open(path, "rb") as fh:
        while fh.read(1 << 20):
            pass


async def _serve(db_path: Path, searches: list[Search], rounds: int, facet_limit_ms: int) -> dict:
    from datasette.app import Datasette

    from .stats import summary

    datasette = Datasette([str(db_path)], settings=datasette_settings(facet_limit_ms))
    await datasette.invoke_startup()
    path = f"/{db_path.stem}/{TABLE}.json"
    urls = [datasette_url(search, path) for search in searches]
    errors, hits = [], {}
    unfinished: dict[str, set[str]] = defaultdict(set)

    async def get(url: str) -> dict | None:
        response = await datasette.client.get(url)
        if response.status_code != 200:
            errors.append(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
            return None
        return response.json()

    # Warm-up, not timed: the file into the cache, then every search without facets.
    _read_through(db_path)
    for url in urls:
        data = await get(f"{url}&_nofacet=1")
        if data is not None:
            hits[url] = data.get("filtered_table_rows_count")
    timings, per_url = [], defaultdict(list)
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            data = await get(url)
            elapsed = time.perf_counter() - started
            if data is not None:
                timings.append(elapsed)
                per_url[url].append(elapsed)
                unfinished[url].update(unfinished_facets(data))
    return {
        "search": summary(timings) if timings else {},
        "searches": [
            {
                "url": url,
                "hits": hits.get(url),
                "p50_ms": summary(per_url[url])["p50_ms"] if per_url[url] else None,
                "facets_timed_out": [name for name in FACETS if name in unfinished[url]],
            }
            for url in urls
        ],
        "rounds": rounds,
        "facet_limit_ms": facet_limit_ms,
        "facets_timed_out": [name for name in FACETS if name in set().union(*unfinished.values())],
        "errors": errors,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str]) -> dict:
    command, db_path = argv[0], Path(argv[1])
    if command == "build":
        import django

        django.setup()
        return {"build_s": round(build(db_path, rows_from_archive()), 2)}
    with open(argv[2], encoding="utf-8") as fh:
        searches = [Search.from_dict(item) for item in json.load(fh)["searches"]]
    return asyncio.run(_serve(db_path, searches, int(argv[3]), int(argv[4])))


if __name__ == "__main__":
    json.dump(main(sys.argv[1:]), sys.stdout)
