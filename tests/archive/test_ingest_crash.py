"""Ingest killed mid-run, and ingests racing each other: real processes, real files.

Each subprocess works on its own data directory (SQLite database and Whoosh index
under tmp_path). Nothing here waits a fixed time: the test polls the database for
progress with a bounded loop.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.models import ENTITY_KINDS, Article
from conftest import ROOT, manage

DEMO_JSONL = ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl"
DEADLINE_SECONDS = 120


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def env(data_dir) -> dict[str, str]:
    # DATABASE_URL is dropped so the subprocesses use their own SQLite file, never
    # the database the test run points at.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "ARCHIVE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        ARCHIVE_DATA_DIR=str(data_dir),
        ARCHIVE_INDEX_DIR=str(data_dir / "whoosh"),
        PYTHONUNBUFFERED="1",
    )
    result = manage(env, "migrate", "--no-input", timeout=DEADLINE_SECONDS * 2)
    assert result.returncode == 0, result.stderr
    return env


def start_ingest(env, *paths, log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "ingest", *map(str, paths)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def query(data_dir: Path, sql: str) -> list[tuple]:
    database = sqlite3.connect(f"file:{data_dir / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        return database.execute(sql).fetchall()
    finally:
        database.close()


def stored_count(data_dir: Path) -> int:
    return query(data_dir, "SELECT COUNT(*) FROM archive_article")[0][0]


def mentions_by_url(data_dir: Path) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {
        url: set() for (url,) in query(data_dir, "SELECT url FROM archive_article")
    }
    for kind in ENTITY_KINDS:
        rows = query(
            data_dir,
            f"SELECT a.url, e.slug FROM archive_{kind}mention m "
            f"JOIN archive_article a ON a.id = m.article_id "
            f"JOIN archive_{kind} e ON e.id = m.{kind}_id",
        )
        for url, slug in rows:
            found[url].add((kind, slug))
    return found


def split_corpus(tmp_path: Path, count: int, parts: int) -> list[Path]:
    lines = DEMO_JSONL.read_text(encoding="utf-8").splitlines()[:count]
    size = len(lines) // parts
    paths = []
    for number in range(parts):
        path = tmp_path / f"part-{number}.jsonl"
        path.write_text("\n".join(lines[number * size : (number + 1) * size]) + "\n")
        paths.append(path)
    return paths


def test_an_ingest_killed_mid_run_is_completed_by_the_next_one(env, data_dir, tmp_path, ingest):
    corpus = tmp_path / "corpus.jsonl"
    # Enough records for several batches: an ingest commits whole batches.
    lines = DEMO_JSONL.read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines) + "\n")

    process = start_ingest(env, corpus, log=tmp_path / "first.log")
    deadline = time.monotonic() + DEADLINE_SECONDS
    while stored_count(data_dir) < 10:
        assert process.poll() is None, (tmp_path / "first.log").read_text()
        assert time.monotonic() < deadline, "the ingest stored nothing in time"
        time.sleep(0.05)  # polling interval, not a timing assertion
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    killed_at = stored_count(data_dir)
    assert 10 <= killed_at < len(lines), "the kill must land mid-run"

    second = manage(env, "ingest", str(corpus), timeout=DEADLINE_SECONDS * 2)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"{len(lines) - killed_at} created" in second.stdout
    assert f"{killed_at} unchanged" in second.stdout

    # No duplicates: every record once.
    assert stored_count(data_dir) == len(lines)
    assert query(data_dir, "SELECT COUNT(DISTINCT url) FROM archive_article")[0][0] == len(lines)
    # No half-written article: each has exactly the mentions a clean ingest gives it.
    ingest(corpus)
    reference = {url: set() for url in Article.objects.values_list("url", flat=True)}
    for kind, info in ENTITY_KINDS.items():
        for url, slug in info.mention_model.objects.values_list("article__url", f"{kind}__slug"):
            reference[url].add((kind, slug))
    assert mentions_by_url(data_dir) == reference

    # The articles stored before the kill were never indexed (index writes are
    # batched until the run ends); the second run found them unchanged and still
    # left the index level with the database.
    final = manage(env, "check_index")
    assert final.returncode == 0, final.stdout + final.stderr
    assert f"Database: {len(lines)} articles; index: {len(lines)} documents." in final.stdout


def test_two_ingests_of_overlapping_input_store_each_article_once(env, data_dir, tmp_path):
    first, shared, last = split_corpus(tmp_path, count=45, parts=3)
    one = start_ingest(env, first, shared, log=tmp_path / "one.log")
    two = start_ingest(env, shared, last, log=tmp_path / "two.log")
    for process, log in ((one, "one.log"), (two, "two.log")):
        returncode = process.wait(timeout=DEADLINE_SECONDS * 2)
        output = (tmp_path / log).read_text()
        assert returncode == 0, output
        assert "Traceback" not in output and "IntegrityError" not in output

    assert stored_count(data_dir) == 45
    assert query(data_dir, "SELECT COUNT(DISTINCT content_hash) FROM archive_article")[0][0] == 45
    assert query(data_dir, "SELECT COUNT(DISTINCT url) FROM archive_article")[0][0] == 45
    # Both processes wrote to the index; it agrees with the database.
    check = manage(env, "check_index")
    assert check.returncode == 0, check.stdout + check.stderr
