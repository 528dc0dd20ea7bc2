"""Fixtures every test gets: a private search index, and paths to shared data."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from haystack import connections

ROOT = Path(__file__).resolve().parent
SEEDS_DIR = ROOT / "fixtures" / "demo" / "seeds"
# What ingesting the seeds must produce: a copy of ../shared/seeds/gold.json, so the
# seed tests run on a plain clone (tests/test_seeds_gold.py keeps the two equal).
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.json"
# Third-party data sits beside the checkout in CI; a user's clone may not have
# it, and the tests that need it skip.
SHARED_DIR = ROOT.parent / "shared"


def read_after_ingest(django_db_blocker, index_dir: Path, inputs, read):
    """``read()`` of what ingesting ``inputs`` stores, for a module's tests to share:
    ingested once into a scratch search index, in a transaction rolled back after."""
    from django.db import transaction

    info = connections.connections_info["default"]
    saved = dict(info)
    info["PATH"] = str(index_dir)
    connections.reload("default")
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("ingest", *map(str, inputs), verbosity=0, stdout=StringIO())
            found = read()
            transaction.set_rollback(True)
    finally:
        info.clear()
        info.update(saved)
        connections.reload("default")
    return found


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``manage.py`` in a real subprocess, as a user's shell would."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(autouse=True)
def search_index(tmp_path):
    """Point the Whoosh index at a fresh directory for each test."""
    info = connections.connections_info["default"]
    saved = dict(info)
    info["PATH"] = str(tmp_path / "whoosh")
    connections.reload("default")
    yield connections["default"]
    info.clear()
    info.update(saved)
    connections.reload("default")


@pytest.fixture
def gold() -> dict:
    return json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def shared_data() -> Path:
    path = SHARED_DIR / "data"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: third-party test data ships only with ../shared")
    return path


@pytest.fixture
def ingest(db, django_capture_on_commit_callbacks):
    """Run the ingest command as a user would, with index updates applied on commit."""

    def run(*paths, **options):
        from io import StringIO

        out, err = StringIO(), StringIO()
        options.setdefault("verbosity", 1)
        with django_capture_on_commit_callbacks(execute=True):
            try:
                call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
            finally:
                run.stdout, run.stderr = out.getvalue(), err.getvalue()
        return run.stdout

    return run


@pytest.fixture
def seeds(ingest):
    """The four seed articles, ingested and indexed."""
    ingest(SEEDS_DIR)
    from archive.models import Article

    return {article.source_file: article for article in Article.objects.all()}


@pytest.fixture
def page_cache(settings):
    """The cache the archive runs with (in memory, per process), empty.

    Tests run with a dummy cache; tests of what is cached switch this one on, and
    commit for real (``transaction=True``): nothing is cached inside a transaction
    with writes.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests",
        }
    }
    cache.clear()
