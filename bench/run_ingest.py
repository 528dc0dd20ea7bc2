"""Step 2: ingest the corpus with the real ``ingest`` command; the index-only rate.

The index-only rate comes from indexing a fixed sample of the stored articles into
a scratch index (``bench.index_sample``), and a full ``rebuild_index`` is estimated
from it; ``BENCH_FULL_REBUILD=1`` times a real ``rebuild_index`` instead.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from . import process

_SUMMARY = re.compile(
    r"(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) duplicate, (\d+) failed"
)


def fresh_data_dir(data_dir: Path) -> None:
    """Empty the benchmark's own data directory (never the user's archive)."""
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)


def stored_articles(env: dict[str, str]) -> int:
    code = "from archive.models import Article; print(Article.objects.count())"
    finished = process.check(
        process.manage("shell", "-c", code, env=env, capture=True), "counting articles"
    )
    return int(finished.stdout.strip().splitlines()[-1])


def ingest_counts(output: str) -> dict[str, int]:
    """The counts from the ingest command's summary line (empty if it has none)."""
    match = _SUMMARY.search(output)
    names = ("created", "updated", "unchanged", "duplicate", "failed")
    return dict(zip(names, map(int, match.groups()), strict=True)) if match else {}


def run(corpus_dir: Path, data_dir: Path) -> dict:
    """Ingest ``corpus_dir`` into an emptied ``data_dir``: the figures of the run."""
    env = process.django_env(data_dir)
    fresh_data_dir(data_dir)
    process.check(process.manage("migrate", "--no-input", "--verbosity", "0", env=env), "migrate")

    print(f"bench: ingesting {corpus_dir} …", flush=True)
    ingest = process.manage("ingest", str(corpus_dir), env=env, capture=True)
    counts = ingest_counts(ingest.stdout)
    if ingest.returncode != 0:
        print(f"bench: ingest reported failures (exit status {ingest.returncode})", flush=True)
    stored = stored_articles(env)
    index_mb = round(process.dir_size_mb(data_dir / "whoosh"), 1)
    return {
        "stored": stored,
        "ingest_counts": counts,
        "ingest_s": round(ingest.seconds, 2),
        "ingest_per_s": round(stored / ingest.seconds, 1),
        "ingest_rss_mb": round(ingest.peak_rss_mb, 1),
        "index_mb_after_ingest": index_mb,
        "index_mb": index_mb,
        "db_mb": round(sum(map(process.dir_size_mb, data_dir.glob("archive.sqlite3*"))), 1),
    }


def sample_figures(stored: int, articles: int, seconds: float) -> dict:
    """The index-only rate of a sample, and the full rebuild it predicts.

    The rebuild estimate is ``stored / rate``: every stored article, indexed at
    the sample's rate. It is an estimate only when the sample left articles out.
    """
    rate = articles / seconds if articles and seconds > 0 else None
    return {
        "index_only_per_s": round(rate, 1) if rate else None,
        "rebuild_s": round(stored / rate, 2) if rate else None,
        "rebuild_estimated": articles < stored,
        "rebuild_sample": articles,
        "rebuild_sample_s": round(seconds, 2),
    }


def full_rebuild(data_dir: Path, stored: int) -> dict:
    """Time a real ``rebuild_index`` of the benchmark's archive."""
    env = process.django_env(data_dir)
    print("bench: rebuilding the index (BENCH_FULL_REBUILD=1) …", flush=True)
    rebuild = process.check(
        process.manage("rebuild_index", "--noinput", "--verbosity", "0", env=env),
        "rebuild_index",
    )
    return {
        "index_only_per_s": round(stored / rebuild.seconds, 1),
        "rebuild_s": round(rebuild.seconds, 2),
        "rebuild_estimated": False,
        "rebuild_sample": None,
        "rebuild_rss_mb": round(rebuild.peak_rss_mb, 1),
        "index_mb": round(process.dir_size_mb(data_dir / "whoosh"), 1),
    }


def index_sample(data_dir: Path, scratch: Path, stored: int, sample: int) -> dict:
    """Index the first ``sample`` stored articles into ``scratch`` (emptied, then removed)."""
    fresh_data_dir(scratch)
    env = process.django_env(data_dir, index_dir=scratch)
    print(f"bench: indexing {min(sample, stored):,} articles into {scratch} …", flush=True)
    finished = process.check(
        process.run(["-m", "bench.index_sample", str(sample)], env, capture=True),
        "the index-only sample",
    )
    measured = json.loads(finished.stdout)
    figures = {
        **sample_figures(stored, measured["articles"], measured["seconds"]),
        "rebuild_rss_mb": round(finished.peak_rss_mb, 1),
        "rebuild_sample_index_mb": round(process.dir_size_mb(scratch), 1),
        "rebuild_workers": measured["workers"],
    }
    shutil.rmtree(scratch)
    return figures
