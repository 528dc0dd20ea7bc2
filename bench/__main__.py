"""``make bench``: build a corpus, ingest it, time the pages, time the peer, report.

Environment (defaults and meanings in ``bench/settings.py`` and README):
``BENCH_SIZE`` (articles, default 100000), ``BENCH_OUT`` (JSON, default
``var/bench.json``), ``BENCH_DIR`` (working folder, default ``var/bench``; its
``data/`` is the archive's ARCHIVE_DATA_DIR for the run and is emptied first),
``BENCH_ROUNDS`` (timed rounds over the archive's URLs after a warm-up, default
5), ``BENCH_PEER_ROUNDS`` (timed rounds through Datasette, default 1),
``BENCH_PEER_FACET_LIMIT_MS`` (Datasette's facet time limit, default 5000),
``BENCH_REBUILD_SAMPLE`` (articles indexed for the index-only rate, default
20000) and ``BENCH_FULL_REBUILD`` (1: time a real full ``rebuild_index``).

Every step runs in a child process, so each one's peak memory is its own; each
stage's wall time is reported, with the total.
"""

from __future__ import annotations

import json
import os
import sys

from . import process, queries, report, run_ingest, settings
from .peer import top_values
from .stages import Stages


def _child_json(finished: process.Finished, what: str) -> dict:
    process.check(finished, what)
    return json.loads(finished.stdout)


def main() -> int:
    config = settings.from_environ(os.environ, process.ROOT)
    stages = Stages()
    work, size, rounds = config.dir, config.size, config.rounds
    data_dir, corpus_dir = work / "data", work / "corpus"
    peer_db, queries_json = work / "peer.sqlite3", work / "queries.json"

    print(f"bench: writing {size:,} articles to {corpus_dir} …", flush=True)
    with stages.timed("corpus"):
        built = process.check(
            process.run(
                ["-m", "bench.corpus", str(size), str(corpus_dir)], os.environ, capture=True
            ),
            "building the corpus",
        )
    written = int(built.stdout)

    with stages.timed("ingest"):
        ingest = run_ingest.run(corpus_dir, data_dir)
    stored = ingest["stored"]
    with stages.timed("index_only"):
        if config.full_rebuild:
            index_only = run_ingest.full_rebuild(data_dir, stored)
        else:
            index_only = run_ingest.index_sample(
                data_dir, work / "index-sample", stored, config.rebuild_sample
            )
    env = process.django_env(data_dir)

    print("bench: building the peer's FTS5 database …", flush=True)
    with stages.timed("peer_build"):
        peer_build = _child_json(
            process.run(["-m", "bench.peer", "build", str(peer_db)], env, capture=True),
            "peer build",
        )
        searches, skipped = queries.resolve(queries.MIX, top_values(peer_db))
    queries_json.write_text(
        json.dumps({"searches": [search.as_dict() for search in searches]}, indent=1),
        encoding="utf-8",
    )

    print(f"bench: timing the archive's pages ({report.plural(rounds, 'round')}) …", flush=True)
    with stages.timed("ours"):
        ours_run = process.run(
            ["-m", "bench.serve", str(queries_json), str(rounds)], env, capture=True
        )
        ours = _child_json(ours_run, "timing the archive")
    print(
        f"bench: timing Datasette ({report.plural(config.peer_rounds, 'round')}, "
        f"each facet cut off at {config.peer_facet_limit_ms:,} ms) …",
        flush=True,
    )
    with stages.timed("peer"):
        peer_run = process.run(
            [
                "-m",
                "bench.peer",
                "serve",
                str(peer_db),
                str(queries_json),
                str(config.peer_rounds),
                str(config.peer_facet_limit_ms),
            ],
            env,
            capture=True,
        )
        peer = _child_json(peer_run, "timing Datasette")

    labels = [queries.describe(search) for search in searches]
    notes = [
        "Datasette orders FTS matches by row id (no relevance ranking) and highlights nothing.",
        "Datasette's facet counts apply the facet's own filter too; ours leave it out.",
        "Questions go to Datasette as their words OR-ed (FTS5 has no best match).",
    ]
    notes += report.index_only_notes(index_only)
    notes += report.unfinished_facet_notes(labels, peer)
    notes += [f"left out (facet value missing at this size): {item}" for item in skipped]
    notes += [f"error (ours): {error}" for error in ours["errors"]]
    notes += [f"error (peer): {error}" for error in peer["errors"]]
    result = {
        "size": size,
        "written": written,
        "rounds": rounds,
        "peer_rounds": config.peer_rounds,
        "peer_facet_limit_ms": config.peer_facet_limit_ms,
        **ingest,
        **index_only,
        "search": ours["search"],
        "questions": ours.get("questions", {}),
        "peer_search": peer["search"],
        "ratio": report.ratios(ours["search"], peer["search"]),
        "pages": ours["pages"],
        # Peak resident memory of the serving process, as the kernel saw it.
        "rss_mb": round(ours_run.peak_rss_mb, 1),
        "peer_rss_mb": round(peer_run.peak_rss_mb, 1),
        "peer_build_s": peer_build["build_s"],
        "peer_db_mb": round(process.dir_size_mb(peer_db), 1),
        "peer_facets_timed_out": peer["facets_timed_out"],
        "searches": [
            {
                "label": label,
                **search.as_dict(),
                "hits": mine["hits"],
                "peer_hits": theirs["hits"],
                "queries": mine["queries"],
                "p50_ms": mine["p50_ms"],
                "peer_p50_ms": theirs["p50_ms"],
                "peer_facets_timed_out": theirs["facets_timed_out"],
                "url": mine["url"],
                "peer_url": theirs["url"],
            }
            for label, search, mine, theirs in zip(
                labels, searches, ours["searches"], peer["searches"], strict=True
            )
        ],
        "notes": notes,
        "stages_s": stages.seconds,
        "total_s": stages.total(),
    }
    report.write_json(result, config.out)
    print()
    print(report.format_table(result))
    print(f"\nbench: figures written to {config.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
