"""``make bench``: build a corpus, ingest it, time the pages, time the peer, report.

Environment: ``BENCH_SIZE`` (articles, default 100000), ``BENCH_OUT`` (JSON,
default ``var/bench.json``), ``BENCH_DIR`` (working folder, default
``var/bench``; its ``data/`` is the archive's ARCHIVE_DATA_DIR for the run and
is emptied first), ``BENCH_ROUNDS`` (timed rounds over every URL, default 5;
one untimed warm-up round comes first).

Every step runs in a child process, so each one's peak memory is its own.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from . import process, queries, report, run_ingest
from .peer import top_values


def _settings() -> dict:
    root = process.ROOT
    return {
        "size": int(os.environ.get("BENCH_SIZE", "100000")),
        "out": Path(os.environ.get("BENCH_OUT", root / "var" / "bench.json")),
        "dir": Path(os.environ.get("BENCH_DIR", root / "var" / "bench")).resolve(),
        "rounds": int(os.environ.get("BENCH_ROUNDS", "5")),
    }


def _child_json(finished: process.Finished, what: str) -> dict:
    process.check(finished, what)
    return json.loads(finished.stdout)


def main() -> int:
    settings = _settings()
    work, size, rounds = settings["dir"], settings["size"], settings["rounds"]
    data_dir, corpus_dir = work / "data", work / "corpus"
    peer_db, queries_json = work / "peer.sqlite3", work / "queries.json"

    print(f"bench: writing {size:,} articles to {corpus_dir} …", flush=True)
    built = process.check(
        process.run(["-m", "bench.corpus", str(size), str(corpus_dir)], os.environ, capture=True),
        "building the corpus",
    )
    written = int(built.stdout)

    ingest = run_ingest.run(corpus_dir, data_dir)
    env = process.django_env(data_dir)

    print("bench: building the peer's FTS5 database …", flush=True)
    peer_build = _child_json(
        process.run(["-m", "bench.peer", "build", str(peer_db)], env, capture=True), "peer build"
    )
    searches, skipped = queries.resolve(queries.MIX, top_values(peer_db))
    queries_json.write_text(
        json.dumps({"searches": [search.as_dict() for search in searches]}, indent=1),
        encoding="utf-8",
    )

    print(f"bench: timing the archive's pages ({rounds} rounds) …", flush=True)
    ours_run = process.run(["-m", "bench.serve", str(queries_json), str(rounds)], env, capture=True)
    ours = _child_json(ours_run, "timing the archive")
    print(f"bench: timing Datasette ({rounds} rounds) …", flush=True)
    peer_run = process.run(
        ["-m", "bench.peer", "serve", str(peer_db), str(queries_json), str(rounds)],
        env,
        capture=True,
    )
    peer = _child_json(peer_run, "timing Datasette")

    notes = [
        "Datasette orders FTS matches by row id (no relevance ranking) and highlights nothing.",
        "Datasette's facet counts apply the facet's own filter too; ours leave it out.",
    ]
    notes += [f"left out (facet value missing at this size): {item}" for item in skipped]
    notes += [f"error (ours): {error}" for error in ours["errors"]]
    notes += [f"error (peer): {error}" for error in peer["errors"]]
    if peer["facets_timed_out"]:
        notes.append(f"Datasette facets timed out: {', '.join(peer['facets_timed_out'])}")
    result = {
        "size": size,
        "written": written,
        "rounds": rounds,
        **ingest,
        "search": ours["search"],
        "peer_search": peer["search"],
        "ratio": report.ratios(ours["search"], peer["search"]),
        "pages": ours["pages"],
        # Peak resident memory of the serving process, as the kernel saw it.
        "rss_mb": round(ours_run.peak_rss_mb, 1),
        "peer_rss_mb": round(peer_run.peak_rss_mb, 1),
        "peer_build_s": peer_build["build_s"],
        "peer_db_mb": round(process.dir_size_mb(peer_db), 1),
        "searches": [
            {
                "label": queries.describe(search),
                **search.as_dict(),
                "hits": mine["hits"],
                "peer_hits": theirs["hits"],
                "queries": mine["queries"],
                "p50_ms": mine["p50_ms"],
                "peer_p50_ms": theirs["p50_ms"],
                "url": mine["url"],
                "peer_url": theirs["url"],
            }
            for search, mine, theirs in zip(
                searches, ours["searches"], peer["searches"], strict=True
            )
        ],
        "notes": notes,
    }
    report.write_json(result, settings["out"])
    print()
    print(report.format_table(result))
    print(f"\nbench: figures written to {settings['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
