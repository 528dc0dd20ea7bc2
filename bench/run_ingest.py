"""Step 2: ingest the corpus with the real ``ingest`` command, then rebuild the index."""

from __future__ import annotations

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
    env = process.django_env(data_dir)
    fresh_data_dir(data_dir)
    process.check(process.manage("migrate", "--no-input", "--verbosity", "0", env=env), "migrate")
    index_dir = data_dir / "whoosh"

    print(f"bench: ingesting {corpus_dir} …", flush=True)
    ingest = process.manage("ingest", str(corpus_dir), env=env, capture=True)
    counts = ingest_counts(ingest.stdout)
    if ingest.returncode != 0:
        print(f"bench: ingest reported failures (exit status {ingest.returncode})", flush=True)
    stored = stored_articles(env)
    index_after_ingest = process.dir_size_mb(index_dir)

    print("bench: rebuilding the index …", flush=True)
    rebuild = process.check(
        process.manage("rebuild_index", "--noinput", "--verbosity", "0", env=env),
        "rebuild_index",
    )
    return {
        "stored": stored,
        "ingest_counts": counts,
        "ingest_s": round(ingest.seconds, 2),
        "ingest_per_s": round(stored / ingest.seconds, 1),
        "ingest_rss_mb": round(ingest.peak_rss_mb, 1),
        "rebuild_s": round(rebuild.seconds, 2),
        "index_only_per_s": round(stored / rebuild.seconds, 1),
        "rebuild_rss_mb": round(rebuild.peak_rss_mb, 1),
        "index_mb_after_ingest": round(index_after_ingest, 1),
        "index_mb": round(process.dir_size_mb(index_dir), 1),
        "db_mb": round(sum(map(process.dir_size_mb, data_dir.glob("archive.sqlite3*"))), 1),
    }
