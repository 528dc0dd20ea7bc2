"""Step 2b: the index-only rate, from a fixed sample of the stored articles.

``python -m bench.index_sample SAMPLE`` (a Django child whose ``ARCHIVE_INDEX_DIR``
is an empty scratch folder, never the archive's index) indexes the first
``SAMPLE`` articles the way ``rebuild_index``/``update_index`` do: the
ArticleIndex's ``index_queryset()`` in primary-key order, ``BATCH_SIZE`` articles
at a time, each through ``backend.update(index, batch)``, one commit per batch.
It prints one JSON object: articles, seconds, batch size, each batch's seconds.

A full ``rebuild_index`` of 100,000 articles took as long as ingesting them, so
by default the benchmark times this sample and estimates the rebuild from its
rate (``BENCH_FULL_REBUILD=1`` times the real thing). The estimate leans
optimistic: Whoosh merges segments as an index grows, which costs more per
article in a bigger index.
"""

from __future__ import annotations

import json
import os
import sys
import time

import django


def main(sample: int) -> dict:
    if not os.environ.get("ARCHIVE_INDEX_DIR"):
        raise SystemExit("bench.index_sample: set ARCHIVE_INDEX_DIR to a scratch folder")
    django.setup()
    from haystack import connections

    from archive.models import Article

    connection = connections["default"]
    backend = connection.get_backend()
    index = connection.get_unified_index().get_index(Article)
    batch_size = backend.batch_size
    queryset = index.build_queryset(using="default").order_by("pk")

    started = time.perf_counter()
    done, batch_seconds, last_pk = 0, [], None
    while done < sample:
        batch_started = time.perf_counter()
        # As update_index does: each batch starts after the last primary key seen.
        batch_qs = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        batch = list(batch_qs[: min(batch_size, sample - done)])
        if not batch:
            break
        backend.update(index, batch, commit=True)
        done += len(batch)
        last_pk = batch[-1].pk
        batch_seconds.append(round(time.perf_counter() - batch_started, 2))
    seconds = time.perf_counter() - started
    return {
        "articles": done,
        "seconds": round(seconds, 2),
        "batch_size": batch_size,
        # Whether batches slow down as the index grows (then the estimate is optimistic).
        "batch_s": batch_seconds,
    }


if __name__ == "__main__":
    json.dump(main(int(sys.argv[1])), sys.stdout)
