"""Settings for the test suite: fast hashing; the index path is set per test."""

import os

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False
# Extraction in the test process: each test's ingest stays deterministic and forks
# nothing; the tests of the parallel path ask for workers themselves.
ARCHIVE_INGEST_WORKERS = 0
# Index in the test process, unless a test's subprocess asks for the background indexer.
SEARCH_INDEX_IN_BACKGROUND = os.environ.get("SEARCH_INDEX_IN_BACKGROUND", "0") == "1"
# update_index in this process: workers could not see a test's uncommitted rows.
SEARCH_INDEX_PROCESSES = int(os.environ.get("SEARCH_INDEX_PROCESSES", "1"))
# Tests read the database as it is: the flush between transactional tests empties
# tables without a change the revision counts, so a cache would hand one test's
# reads to the next. Tests of the cache switch it on themselves
# (tests/archive/test_caching.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
