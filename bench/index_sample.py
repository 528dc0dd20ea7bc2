"""Step 2b: the index-only rate, from a fixed sample of the stored articles.

``python -m bench.index_sample SAMPLE`` (a Django child whose ``ARCHIVE_INDEX_DIR``
is an empty scratch folder, never the archive's index) runs the real
``update_index`` (with its default workers, one process per core, as
``rebuild_index`` runs it) over the first ``SAMPLE`` articles stored, chosen by
their ``updated`` time, which ``update_index --start/--end`` select by. It prints
one JSON object: articles indexed, seconds, worker processes.

A full ``rebuild_index`` of 100,000 articles would add minutes to the benchmark,
so by default the benchmark times this sample and estimates the rebuild from its
rate (``BENCH_FULL_REBUILD=1`` times the real thing). Each batch stays a
segment of its own, with no merges, so the rate holds as the index grows; the
estimate is off only as far as the sample's articles differ from the rest.
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
    from django.core.management import call_command
    from haystack.query import SearchQuerySet

    from archive.models import Article
    from search.indexing import default_workers

    updated = Article.objects.order_by("updated", "pk").values_list("updated", flat=True)
    stored = updated.count()
    workers = default_workers()
    if not stored or sample < 1:
        return {"articles": 0, "seconds": 0.0, "workers": workers}
    first, last = updated[0], updated[min(sample, stored) - 1]
    started = time.perf_counter()
    call_command(
        "update_index", start_date=first.isoformat(), end_date=last.isoformat(), verbosity=0
    )
    seconds = time.perf_counter() - started
    return {
        # Articles stored in the same microsecond as the last one come along.
        "articles": SearchQuerySet().models(Article).count(),
        "seconds": round(seconds, 2),
        "workers": workers,
    }


if __name__ == "__main__":
    json.dump(main(int(sys.argv[1])), sys.stdout)
