"""The peer end to end on a tiny database: Datasette's real answers, nothing timed."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from concurrent.futures import ThreadPoolExecutor

from bench.peer import TABLE, _serve, build, peer_row
from bench.queries import Search

ARTICLES = [
    ("Oil prices", "Oil rose in Baghdad.", dt.date(1987, 3, 2), {"place": ["iraq"]}),
    ("Talks", "Ministers met in Tehran about oil.", dt.date(1987, 3, 9), {"place": ["iran"]}),
    ("Trade", "Japan's surplus grew.", None, {"place": ["japan"], "organisation": ["miti"]}),
]


def _database(tmp_path):
    rows = [
        peer_row(
            {"id": n, "title": title, "body": body, "published": published, "source": "reuters"},
            entities,
        )
        for n, (title, body, published, entities) in enumerate(ARTICLES, start=1)
    ]
    path = tmp_path / "peer.sqlite3"
    build(path, rows)
    return path


def test_the_peer_table_holds_what_our_facets_hold(tmp_path):
    db = sqlite3.connect(_database(tmp_path))
    rows = db.execute(f"SELECT year, month, source, place FROM {TABLE} ORDER BY id").fetchall()
    db.close()
    assert rows == [
        ("1987", "1987-03", "reuters", '["iraq"]'),
        ("1987", "1987-03", "reuters", '["iran"]'),
        ("unknown", None, "reuters", '["japan"]'),
    ]


def test_every_search_is_answered_with_every_facet_and_its_hit_count(tmp_path):
    searches = [Search("word", "oil"), Search("browse", facets=(("place", "japan"),))]
    serving = _serve(_database(tmp_path), searches, rounds=2, facet_limit_ms=5000)
    # The browser tests' Playwright keeps an event loop running in the main thread
    # for the whole session; the benchmark itself runs this in a process of its own.
    with ThreadPoolExecutor(max_workers=1) as thread:
        result = thread.submit(asyncio.run, serving).result()
    assert result["errors"] == []
    assert [search["hits"] for search in result["searches"]] == [2, 1]
    # Nothing this small runs into the facet limit: every facet came back.
    assert [search["facets_timed_out"] for search in result["searches"]] == [[], []]
    assert result["facets_timed_out"] == []
    assert result["search"]["n"] == 4  # two rounds of two searches
    assert (result["rounds"], result["facet_limit_ms"]) == (2, 5000)
